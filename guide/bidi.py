"""Which way a person's own text runs, whatever the page's direction.

A question typed in English on the Arabic page took the page's right-to-left direction, so
its closing question mark was printed at its start ("?Is it safe"); Hebrew on the English
page had the same fault the other way. Each own question gets the direction of its first
strong character, as HTML's dir="auto" decides it (WeasyPrint does not implement "auto").
"""
from __future__ import annotations

import unicodedata

_RTL = {"R", "AL"}


def direction(text: str) -> str | None:
    """``"ltr"`` or ``"rtl"`` from the first letter with a direction, ``None`` when there is
    none (digits and punctuation only), so the text follows its surroundings."""
    for char in text:
        kind = unicodedata.bidirectional(char)
        if kind == "L":
            return "ltr"
        if kind in _RTL:
            return "rtl"
    return None
