"""Which language a request is in, and how Flask-Babel learns it.

The language lives in the URL (``/<lang>/...``), never in a cookie. ``Accept-Language``
decides only where ``/`` redirects and, through its region, which crisis line and paper size
a page offers first.
"""
from __future__ import annotations

import os
from pathlib import Path

from babel.messages.mofile import write_mo
from babel.messages.pofile import read_po
from flask import abort, g, has_request_context, request
from flask_babel import Babel

from . import locales
from .locales import DEFAULT_TAG, SupportedLocale

# Regions and scripts of Chinese that are written in traditional characters: a reader
# there should not be sent to the Simplified catalog.
_TRADITIONAL = {"hant", "tw", "hk", "mo"}


def init_app(app) -> None:
    translations = Path(app.config["BABEL_TRANSLATION_DIRECTORIES"])
    locales.validate(locales.LOCALES, translations_dir=translations)
    compile_stale(translations, app.logger)
    Babel(app, locale_selector=lambda: current().babel,
          default_translation_directories=app.config["BABEL_TRANSLATION_DIRECTORIES"])

    @app.url_value_preprocessor
    def pull_lang(endpoint, values):
        if values and "lang" in values:
            loc = locales.BY_TAG.get(values.pop("lang"))
            if loc is None:
                abort(404)
            g.locale = loc

    @app.url_defaults
    def add_lang(endpoint, values):
        if "lang" not in values and app.url_map.is_endpoint_expecting(endpoint, "lang"):
            values["lang"] = current().tag

    @app.context_processor
    def locale_context():
        return {"locale": current(), "locales": locales.LOCALES}


def compile_stale(translations: Path, logger) -> None:
    """Compile any catalog whose .mo is missing or older than its .po.

    Without this, a fresh clone or an edited .po would silently show English or old text
    until someone remembered 'flask translate compile'.
    """
    for po in translations.glob("*/LC_MESSAGES/messages.po"):
        mo = po.with_suffix(".mo")
        if mo.is_file() and mo.stat().st_mtime >= po.stat().st_mtime:
            continue
        with po.open("rb") as f:
            catalog = read_po(f, locale=po.parent.parent.name)
        # Several workers may start at once: write aside, then swap in whole.
        partial = mo.with_name(f".{mo.name}.{os.getpid()}")
        with partial.open("wb") as f:
            write_mo(f, catalog)
        os.replace(partial, mo)
        logger.info("compiled %s", mo)


def current() -> SupportedLocale:
    """The request's locale, from the URL; elsewhere the visitor's best match."""
    loc = g.get("locale")
    if loc is None:
        tag = DEFAULT_TAG
        if has_request_context():
            # A page that does not exist under /<lang>/ still answers in that language.
            first = request.path.strip("/").split("/", 1)[0]
            tag = first if first in locales.BY_TAG else negotiate(request.accept_languages)
        loc = g.locale = locales.BY_TAG[tag]
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
    for loc in locales.LOCALES:
        if loc.tag.lower() == wanted:
            return loc.tag
    lang, *rest = wanted.split("-")
    same_lang = [loc for loc in locales.LOCALES if loc.tag.lower().split("-")[0] == lang]
    if lang == "zh":
        script = "hant" if _TRADITIONAL & set(rest) else "hans"
        same_lang = [loc for loc in same_lang if script in loc.tag.lower().split("-")[1:]]
    for loc in same_lang:
        if set(loc.tag.lower().split("-")[1:]) & set(rest):
            return loc.tag
    return same_lang[0].tag if same_lang else None
