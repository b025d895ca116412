"""Query strings as browsers send them: any byte outside ASCII percent-encoded.

A server may hand the app a query string with raw bytes in it (gunicorn refuses such a
request line; others pass it on as PEP 3333 says, one character per byte). Werkzeug decodes
the raw query string as strict UTF-8, so ``request.args`` raised on ``?q=\\x80`` and the answer
was a 500. Percent-encoded, the same bytes are read like ``?q=%80``: an id the guide does not
know, and a 400 that says so.
"""
from __future__ import annotations

import re

_NOT_ASCII = re.compile(r"[^\x00-\x7f]")


def _escape(match: re.Match) -> str:
    char = match.group()
    # One character per byte is what PEP 3333 promises; a server that broke it sent text.
    raw = char.encode("latin-1") if ord(char) < 0x100 else char.encode("utf-8")
    return "".join(f"%{byte:02X}" for byte in raw)


def percent_encoded(query: str) -> str:
    return _NOT_ASCII.sub(_escape, query)


def init_app(app) -> None:
    inner = app.wsgi_app

    def wsgi_app(environ, start_response):
        query = environ.get("QUERY_STRING", "")
        if not query.isascii():
            environ["QUERY_STRING"] = percent_encoded(query)
        return inner(environ, start_response)

    app.wsgi_app = wsgi_app
