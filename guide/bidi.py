"""Which way a person's own text runs, for its ``dir`` attribute.

WeasyPrint does not resolve ``dir="auto"``: a cell typed in Latin letters on an Arabic page
(or in Arabic on an English one) would take the page's direction, and its punctuation would
land on the wrong side. The first letter with a strong direction decides, as ``dir="auto"``
does in browsers (Unicode's rule P2).
"""
from __future__ import annotations

import unicodedata


def direction(text: str, default: str) -> str:
    for ch in str(text):
        kind = unicodedata.bidirectional(ch)
        if kind == "L":
            return "ltr"
        if kind in ("R", "AL"):
            return "rtl"
    return default


def init_app(app) -> None:
    app.add_template_filter(direction, "direction")
