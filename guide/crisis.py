"""Crisis lines, one per country, shown on every page and in every PDF.

Only numbers tagged high-confidence in shared/content-facts.md belong here. A country that is
not listed gets the advice to call the local emergency number, never a guessed number.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class CrisisLine:
    country: str            # ISO 3166-1 alpha-2
    service: str            # the service's own name, not translated
    number: str
    text_too: bool          # the number also takes text messages
    always_open: bool       # answers 24 hours a day, every day
    emergency: str | None   # the emergency number, where the fact sheet checked it
    source: str             # id in content.SOURCES


LINES: dict[str, CrisisLine] = {line.country: line for line in (
    CrisisLine("US", "988 Suicide & Crisis Lifeline", "988", True, True, "911", "lifeline-988"),
)}


def line_for(country: str | None) -> CrisisLine | None:
    return LINES.get((country or "").upper())
