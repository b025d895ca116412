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
    # ISO 3166 code of the crisis line shown when the visitor's region is unknown; empty
    # where no line for that language's readers is verified (they get the advice to call
    # the local emergency number).
    crisis_country: str
    # Who has checked the medical wording: "source" (written in this language from the
    # sources), "reviewed" (a qualified medical translator checked it) or "unreviewed"
    # (translated, not yet checked by one: the page and the PDF say so).
    review: str


LOCALES: tuple[SupportedLocale, ...] = (
    SupportedLocale("en", "en", "English", "ltr", "letter", "US", "source"),
    SupportedLocale("es", "es", "Español", "ltr", "a4", "ES", "unreviewed"),
    SupportedLocale("fr", "fr", "Français", "ltr", "a4", "FR", "unreviewed"),
    SupportedLocale("de", "de", "Deutsch", "ltr", "a4", "DE", "unreviewed"),
    SupportedLocale("pt-BR", "pt_BR", "Português (Brasil)", "ltr", "a4", "BR", "unreviewed"),
    SupportedLocale("ar", "ar", "العربية", "rtl", "a4", "", "unreviewed"),
    SupportedLocale("zh-Hans", "zh_Hans", "简体中文", "ltr", "a4", "CN", "unreviewed"),
)

DEFAULT_TAG = "en"

BY_TAG = {loc.tag: loc for loc in LOCALES}

REVIEW_STATES = ("source", "reviewed", "unreviewed")


def validate(locales=LOCALES, translations_dir=None) -> None:
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
        if loc.review not in REVIEW_STATES:
            raise ValueError(f"{loc.tag}: review must be one of {REVIEW_STATES}")
        if translations_dir is not None and loc.tag != DEFAULT_TAG:
            po = translations_dir / loc.babel / "LC_MESSAGES" / "messages.po"
            if not po.is_file():
                raise ValueError(f"{loc.tag}: no catalog at {po}; run "
                                 f"'flask translate init {loc.tag}'")


def markdown_table(locales=LOCALES) -> str:
    """The README's table of languages."""
    rows = ["| tag | language | direction | paper | crisis line | translation |",
            "| --- | --- | --- | --- | --- | --- |"]
    review = {"source": "original", "reviewed": "reviewed by a medical translator",
              "unreviewed": "not yet reviewed by a medical translator"}
    for loc in locales:
        rows.append(f"| `{loc.tag}` | {loc.native_name} | {loc.direction} | {loc.paper} | "
                    f"{loc.crisis_country or 'local emergency number'} | {review[loc.review]} |")
    return "\n".join(rows)
