"""The guide: questions to ask a doctor about ketamine and esketamine, as a page and a PDF."""
from __future__ import annotations

import os
from pathlib import Path

from flask import Flask
from flask_compress import Compress

ROOT = Path(__file__).resolve().parent.parent

DEFAULTS = {
    # A form with 20 questions of 300 characters is about 25 KiB even in a 4-byte script.
    "MAX_CONTENT_LENGTH": 64 * 1024,
    "MAX_FORM_MEMORY_SIZE": 64 * 1024,
    "OWN_QUESTIONS_MAX_LINES": 20,
    "OWN_QUESTION_MAX_CHARS": 300,
    "TREATMENT_MAX_ROWS": 12,
    "TREATMENT_MAX_CHARS": 100,
    "ANSWER_MAX_CHARS": 1000,
    "BABEL_DEFAULT_LOCALE": "en",
    "BABEL_TRANSLATION_DIRECTORIES": str(ROOT / "translations"),
    # The origin absolute URLs are built on, e.g. "https://guide.example.org" (see hosts.py);
    # set TRUSTED_HOSTS too, Flask's list of the host names the guide answers to.
    "PUBLIC_URL": None,
    # No sessions are used; without a secret key Flask cannot set a session cookie at all.
    "SECRET_KEY": None,
    # PDF rendering (see rendering.py): PROCESSES = renders at once. A PDF request waits for
    # one only if it is expected to start within QUEUE_WAIT seconds (the wait budget);
    # otherwise it gets 503 at once. QUEUE caps the requests waiting, so that they leave
    # threads of the server for pages: keep it below the server's threads (wsgi.py).
    # TIME_LIMIT stops a render that hangs.
    "RENDER_PROCESSES": os.cpu_count() or 1,
    "RENDER_QUEUE": 200,
    "RENDER_QUEUE_WAIT": 10.0,
    "RENDER_TIME_LIMIT": 15.0,
    "RETRY_AFTER": 10,
    "PDF_CACHE_BYTES": 32 * 1024 * 1024,
    "PAGE_CACHE_BYTES": 16 * 1024 * 1024,
    # Render each language's whole-guide PDF in the background at start (off in tests).
    "PREWARM_PDFS": None,
    # Text responses are compressed (brotli or gzip, as the client asks); PDFs already are.
    "COMPRESS_MIMETYPES": ["text/html", "text/css", "text/javascript", "application/json",
                           "application/manifest+json", "image/svg+xml", "text/plain"],
    "COMPRESS_ALGORITHM": ["br", "gzip"],
    "COMPRESS_MIN_SIZE": 500,
}


def create_app(test_config: dict | None = None) -> Flask:
    app = Flask(__name__, static_folder=str(ROOT / "static"), instance_relative_config=True)
    app.config.from_mapping(DEFAULTS)
    if test_config is None:
        app.config.from_pyfile("config.py", silent=True)
        app.config.from_prefixed_env("GUIDE")
    else:
        app.config.from_mapping(test_config)

    from . import assets, bidi, errors, hosts, i18n, pwa, query_strings, security, views
    from .rendering import ByteCache, RenderService

    hosts.init_app(app)
    query_strings.init_app(app)
    Compress(app)
    assets.init_app(app)
    bidi.init_app(app)
    i18n.init_app(app)
    security.init_app(app)
    errors.init_app(app)
    cfg = app.config
    app.extensions["pdf"] = RenderService(
        Path(app.static_folder), processes=cfg["RENDER_PROCESSES"], queue=cfg["RENDER_QUEUE"],
        queue_wait=cfg["RENDER_QUEUE_WAIT"], time_limit=cfg["RENDER_TIME_LIMIT"],
        cache_bytes=cfg["PDF_CACHE_BYTES"])
    app.extensions["page_cache"] = ByteCache(cfg["PAGE_CACHE_BYTES"])
    app.register_blueprint(views.bp)
    app.register_blueprint(pwa.bp)
    prewarm = cfg["PREWARM_PDFS"]
    if prewarm or (prewarm is None and not app.testing):
        views.prewarm(app)
    return app
