"""Which language a request is in, and how Flask-Babel learns it.

The language lives in the URL (``/<lang>/...``), never in a cookie; ``Accept-Language`` only
decides where ``/`` redirects.
"""
from __future__ import annotations

from flask import abort, g, has_request_context, request
from flask_babel import Babel

from . import locales
from .locales import BY_TAG, DEFAULT_TAG, LOCALES, SupportedLocale

# Regions and scripts of Chinese that are written in traditional characters: a reader
# there should not be sent to the Simplified catalog.
_TRADITIONAL = {"hant", "tw", "hk", "mo"}


def init_app(app) -> None:
    locales.validate()
    Babel(app, locale_selector=lambda: current().babel,
          default_translation_directories=app.config["BABEL_TRANSLATION_DIRECTORIES"])

    @app.url_value_preprocessor
    def pull_lang(endpoint, values):
        if values and "lang" in values:
            loc = BY_TAG.get(values.pop("lang"))
            if loc is None:
                abort(404)
            g.locale = loc

    @app.url_defaults
    def add_lang(endpoint, values):
        if "lang" not in values and app.url_map.is_endpoint_expecting(endpoint, "lang"):
            values["lang"] = current().tag

    @app.context_processor
    def locale_context():
        return {"locale": current(), "locales": LOCALES}


def current() -> SupportedLocale:
    """The request's locale; pages outside ``/<lang>/`` use the visitor's best match."""
    loc = g.get("locale")
    if loc is None:
        tag = negotiate(request.accept_languages) if has_request_context() else DEFAULT_TAG
        loc = g.locale = BY_TAG[tag]
    return loc


def negotiate(accepted) -> str:
    """The best supported tag for ``(value, quality)`` pairs, best first."""
    for value, quality in accepted:
        if quality <= 0:
            continue
        tag = match(value)
        if tag:
            return tag
    return DEFAULT_TAG


def match(value: str) -> str | None:
    """Map one language range (``pt-PT``, ``zh-CN``, ``ar-EG``) to a supported tag."""
    wanted = value.replace("_", "-").lower()
    for loc in LOCALES:
        if loc.tag.lower() == wanted:
            return loc.tag
    lang, *rest = wanted.split("-")
    same_lang = [loc for loc in LOCALES if loc.tag.lower().split("-")[0] == lang]
    if lang == "zh":
        script = "hant" if _TRADITIONAL & set(rest) else "hans"
        same_lang = [loc for loc in same_lang if script in loc.tag.lower().split("-")[1:]]
    for loc in same_lang:
        if set(loc.tag.lower().split("-")[1:]) & set(rest):
            return loc.tag
    return same_lang[0].tag if same_lang else None
