"""The host names the guide answers to, and the origin its absolute URLs are built on.

The Host header is whatever the client wrote. Flask's ``TRUSTED_HOSTS`` turns a host that is
not on the list into a 400, as it does a Host that is no host name; errors.py answers both
with a page that names no host and builds no URL. Absolute URLs, which only the hreflang
links in a page's head need, are built on ``PUBLIC_URL`` when it is set, else on the
request's host only when ``TRUSTED_HOSTS`` has vouched for it; with neither, they stay
root-relative, so a page (and the page cache) never holds a host a client made up.
"""
from __future__ import annotations

from urllib.parse import urlsplit

from flask import current_app, request
from werkzeug.exceptions import BadHost, SecurityError
from werkzeug.sansio.utils import host_is_trusted


def init_app(app) -> None:
    """Check both settings at start: a typo here would otherwise show up as every request
    failing, or as links to the wrong site."""
    trusted = app.config["TRUSTED_HOSTS"]
    if trusted is not None and (not isinstance(trusted, (list, tuple, set, frozenset))
                                or not all(isinstance(h, str) and h for h in trusted)):
        # A bare string would be read as a list of one-letter host names.
        raise ValueError('TRUSTED_HOSTS must be a list of host names, such as '
                         'GUIDE_TRUSTED_HOSTS=\'["guide.example.org"]\'')
    public = app.config["PUBLIC_URL"] = public_origin(app.config.get("PUBLIC_URL"))
    if public and trusted and not host_is_trusted(urlsplit(public).netloc, trusted):
        raise ValueError(f"PUBLIC_URL {public} names a host that TRUSTED_HOSTS refuses: "
                         f"its links would all answer 400")


def public_origin(value: str | None) -> str | None:
    """``https://guide.example.org`` from what a deployer wrote, without a trailing slash."""
    if not value:
        return None
    parts = urlsplit(value.strip())
    if (parts.scheme not in ("http", "https") or not parts.hostname
            or parts.path not in ("", "/") or parts.query or parts.fragment
            or parts.username or parts.password):
        # A path here would be joined with paths that already start at the app's root.
        raise ValueError(f"PUBLIC_URL must be an origin such as https://guide.example.org, "
                         f"not {value!r}")
    return f"{parts.scheme}://{parts.netloc}"


def refused() -> bool:
    """Whether Flask refused the request's Host: one ``TRUSTED_HOSTS`` does not list, or one
    that is no host name at all (``.x``, a label over 63 characters), with or without the
    list. Flask then has no URL adapter for the request: it can build no URL at all."""
    return isinstance(request.routing_exception, (SecurityError, BadHost))


def external_origin() -> str:
    """What goes before a root-relative path to make it absolute: the public origin, the
    request's own when ``TRUSTED_HOSTS`` checked it, else nothing (the path stays relative,
    which browsers resolve against the page; search engines want PUBLIC_URL set)."""
    cfg = current_app.config
    if cfg["PUBLIC_URL"]:
        return cfg["PUBLIC_URL"]
    if cfg["TRUSTED_HOSTS"] and request.host:
        return f"{request.scheme}://{request.host}"
    return ""


def internal_base_url(app) -> str:
    """A base URL for requests the app makes to itself (rendering ahead of time) that its own
    ``TRUSTED_HOSTS`` accepts."""
    if app.config["PUBLIC_URL"]:
        return app.config["PUBLIC_URL"]
    trusted = app.config["TRUSTED_HOSTS"]
    if trusted:
        # ".example.org" trusts example.org itself too.
        return f"http://{next(iter(trusted)).lstrip('.')}"
    return "http://localhost"
