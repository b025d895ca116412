"""The one list of languages the guide ships.

The language menu, the tests' parametrization, the manifests and the README's table all read
this list; adding a language is a catalog plus one entry here.
"""
from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class SupportedLocale:
    tag: str            # BCP 47: the URL segment and the lang attribute
    babel: str          # Babel's identifier, the catalog's folder under translations/
    native_name: str    # how the language names itself in the menu
    direction: str      # "ltr" or "rtl"
    paper: str          # default paper size: "a4" or "letter"
    crisis_country: str  # ISO 3166 code of the crisis line shown by default
    # Who has checked the medical wording: "source" (written in this language by the
    # team from the sources), "reviewed" (a qualified medical translator checked it) or
    # "unreviewed" (translated, not yet checked by one). Only "reviewed" and "source"
    # may leave out the notice that says so.
    review: str


LOCALES: tuple[SupportedLocale, ...] = (
    SupportedLocale("en", "en", "English", "ltr", "letter", "US", "source"),
)

DEFAULT_TAG = "en"

BY_TAG = {loc.tag: loc for loc in LOCALES}


def validate(locales=LOCALES) -> None:
    """Fail fast, at start-up, on a locale list that cannot work."""
    tags = [loc.tag for loc in locales]
    if len(set(tags)) != len(tags):
        raise ValueError(f"duplicate locale tags in {tags}")
    if DEFAULT_TAG not in tags:
        raise ValueError(f"the default locale {DEFAULT_TAG!r} is not in the locale list")
    for loc in locales:
        if loc.direction not in ("ltr", "rtl"):
            raise ValueError(f"{loc.tag}: direction must be 'ltr' or 'rtl'")
        if loc.paper not in ("a4", "letter"):
            raise ValueError(f"{loc.tag}: paper must be 'a4' or 'letter'")
        if loc.review not in ("source", "reviewed", "unreviewed"):
            raise ValueError(f"{loc.tag}: review must be source, reviewed or unreviewed")
