"""Static files and the build id that names this exact edition of the app.

The build id hashes the content version with every template and static file, so a changed
stylesheet or wording gives PDFs a new ETag.
"""
from __future__ import annotations

import hashlib
from pathlib import Path

from flask import current_app, request, url_for

from .content import CONTENT_VERSION


def build_id(*folders: Path) -> str:
    digest = hashlib.sha256(CONTENT_VERSION.encode())
    for folder in folders:
        for path in sorted(p for p in folder.rglob("*") if p.is_file()):
            if path.suffix in (".pyc", ".mo"):
                continue
            digest.update(str(path.relative_to(folder)).encode())
            digest.update(path.read_bytes())
    return digest.hexdigest()[:16]


# A year, the longest any cache honours: a fingerprinted URL never changes its content.
IMMUTABLE = "public, max-age=31536000, immutable"


def fingerprints(static: Path) -> dict[str, str]:
    return {str(p.relative_to(static)): hashlib.sha256(p.read_bytes()).hexdigest()[:12]
            for p in static.rglob("*") if p.is_file()}


def init_app(app) -> None:
    package = Path(__file__).resolve().parent
    static = Path(app.static_folder)
    app.config.setdefault("BUILD_ID", build_id(
        package / "templates", static, package.parent / "translations"))
    app.extensions["fingerprints"] = fingerprints(static)

    @app.context_processor
    def asset_helpers():
        return {"asset": asset_url}

    @app.after_request
    def cache_policy(response):
        if request.endpoint == "static":
            name = (request.view_args or {}).get("filename", "")
            fingerprint = app.extensions["fingerprints"].get(name)
            if fingerprint and request.args.get("v") == fingerprint and response.status_code == 200:
                response.headers["Cache-Control"] = IMMUTABLE
            else:
                response.headers["Cache-Control"] = "no-cache"
        elif response.mimetype == "text/html" and "Cache-Control" not in response.headers:
            # Pages are always checked with the server (the service worker keeps them offline).
            response.headers["Cache-Control"] = "no-cache"
        return response


def asset_url(filename: str, for_pdf: bool = False) -> str:
    """A static file's URL: relative to the static folder inside a PDF; on the web, with its
    content hash, so it can be cached for a year and still change with every deploy."""
    if for_pdf:
        return filename
    fingerprint = current_app.extensions["fingerprints"].get(filename)
    return url_for("static", filename=filename, v=fingerprint)
