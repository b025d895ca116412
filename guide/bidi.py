"""Which way a person's own text runs, for its ``dir`` attribute, whatever the page's.

A question typed in English on the Arabic page took the page's right-to-left direction, so
its closing question mark was printed at its start ("?Is it safe"); a treatment typed in
Latin letters in an Arabic table cell, or Arabic on an English page, had the same fault.
WeasyPrint does not resolve ``dir="auto"``, so the first letter with a strong direction
decides here, as ``dir="auto"`` does in browsers (Unicode's rule P2).
"""
from __future__ import annotations

import unicodedata

_RTL = {"R", "AL"}


def direction(text, default: str | None = None) -> str | None:
    """``"ltr"`` or ``"rtl"`` from the first letter with a direction; ``default`` when there
    is none (digits and punctuation only), so the text follows its surroundings."""
    for char in str(text):
        kind = unicodedata.bidirectional(char)
        if kind == "L":
            return "ltr"
        if kind in _RTL:
            return "rtl"
    return default


def init_app(app) -> None:
    app.add_template_filter(direction, "direction")
