"""The installable, offline-first part: web manifests, the service worker, the offline page.

The worker is small and hand-written, in the well-known shape: a cache named after the build
(so a deploy gets a fresh cache and the old one is deleted), the app shell precached on
install, pages network-first with a short timeout, static files cache-first, same-origin GET
only. Nothing a person types is ever in a GET response, so nothing they type is cached.
"""
from __future__ import annotations

import json

from flask import Blueprint, current_app, make_response, render_template, url_for
from flask_babel import gettext as _

from . import i18n, locales
from .assets import asset_url

bp = Blueprint("pwa", __name__)

THEME_COLOR = "#1a4f7a"
BACKGROUND_COLOR = "#fbfaf7"

# The app shell: what every page needs, fetched once at install.
SHELL = ("css/guide.css", "css/checklist.css", "css/checklist-web.css",
         "js/pdf.js", "js/guide.js", "js/visit.js", "js/checklist.js",
         "icons/icon.svg", "icons/icon-192.png", "icons/icon-512.png",
         "icons/icon-maskable-512.png", "icons/apple-touch-icon.png")


@bp.get("/<lang>/manifest.webmanifest")
def manifest():
    loc = i18n.current()
    start = url_for("guide.index", lang=loc.tag)
    data = {
        "id": start,
        "name": _("Ketamine questions guide"),
        "short_name": _("Ketamine questions"),
        "description": _("Pick the questions you want to ask your doctor about ketamine or "
                         "esketamine (Spravato) for depression, add your own, and print "
                         "them."),
        "lang": loc.tag,
        "dir": loc.direction,
        "start_url": start,
        "scope": start,
        "display": "standalone",
        "theme_color": THEME_COLOR,
        "background_color": BACKGROUND_COLOR,
        "icons": [
            {"src": asset_url("icons/icon-192.png"), "sizes": "192x192",
             "type": "image/png", "purpose": "any"},
            {"src": asset_url("icons/icon-512.png"), "sizes": "512x512",
             "type": "image/png", "purpose": "any"},
            {"src": asset_url("icons/icon-maskable-512.png"),
             "sizes": "512x512", "type": "image/png", "purpose": "maskable"},
            {"src": asset_url("icons/icon.svg"), "sizes": "any",
             "type": "image/svg+xml", "purpose": "any"},
        ],
    }
    response = make_response(json.dumps(data, ensure_ascii=False, indent=1))
    response.mimetype = "application/manifest+json"
    response.cache_control.no_cache = True
    return response


@bp.get("/sw.js")
def service_worker():
    config = {
        "version": current_app.config["BUILD_ID"],
        "shell": [asset_url(name) for name in SHELL],
        "offline": {loc.tag: url_for("pwa.offline", lang=loc.tag) for loc in locales.LOCALES},
        "languages": [loc.tag for loc in locales.LOCALES],
        "staticPrefix": url_for("static", filename=""),
    }
    body = render_template("sw.js", config=json.dumps(config, ensure_ascii=False))
    response = make_response(body)
    response.mimetype = "text/javascript"
    # The browser must ask every time, or a new deploy would go unnoticed for up to a day.
    response.cache_control.no_cache = True
    response.headers["Service-Worker-Allowed"] = "/"
    return response


@bp.get("/<lang>/offline")
def offline():
    return render_template("offline.html")
