"""Static files and the build id that names this exact edition of the app.

The build id hashes the content version with every template and static file, so a changed
stylesheet or wording gives PDFs a new ETag.
"""
from __future__ import annotations

import hashlib
from pathlib import Path

from flask import url_for

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


def init_app(app) -> None:
    package = Path(__file__).resolve().parent
    app.config.setdefault("BUILD_ID", build_id(
        package / "templates", Path(app.static_folder), package.parent / "translations"))

    @app.context_processor
    def asset_helpers():
        return {"asset": asset_url}


def asset_url(filename: str, for_pdf: bool = False) -> str:
    """A static file's URL: relative to the static folder inside a PDF, absolute on the web."""
    return filename if for_pdf else url_for("static", filename=filename)
