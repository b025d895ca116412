"""Crisis lines, one per country, shown on every page and in every PDF.

Only numbers tagged high-confidence in shared/content-facts.md belong here, and only the
emergency numbers that the fact sheet checked. A country that is not listed, or a missing
emergency number, gets the advice to call the local emergency number: never a guess.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from flask_babel import get_locale


@dataclass(frozen=True)
class CrisisLine:
    country: str            # ISO 3166-1 alpha-2
    service: str            # the service's own name, in its own language; not translated
    number: str
    also: str | None        # a second number for the same service
    text_too: bool          # the number also takes text messages
    always_open: bool       # answers 24 hours a day, every day
    emergency: str | None   # the emergency number, where the fact sheet checked it
    source: str             # id in content.SOURCES


LINES: dict[str, CrisisLine] = {line.country: line for line in (
    CrisisLine("US", "988 Suicide & Crisis Lifeline", "988", None, True, True, "911",
               "lifeline-988"),
    CrisisLine("CA", "9-8-8 Suicide Crisis Helpline", "988", None, True, True, "911",
               "helpline-988-canada"),
    CrisisLine("GB", "Samaritans", "116 123", None, False, True, None, "samaritans"),
    CrisisLine("IE", "Samaritans", "116 123", None, False, True, "112", "samaritans"),
    CrisisLine("ES", "Línea 024 de atención a la conducta suicida", "024", None, False, True,
               "112", "linea-024"),
    CrisisLine("MX", "Línea de la Vida", "800 911 2000", None, False, True, None,
               "linea-de-la-vida"),
    CrisisLine("FR", "3114, numéro national de prévention du suicide", "3114", None, False,
               True, "15", "numero-3114"),
    CrisisLine("DE", "TelefonSeelsorge", "0800 111 0 111", "0800 111 0 222", False, True,
               "112", "telefonseelsorge"),
    CrisisLine("BR", "CVV – Centro de Valorização da Vida", "188", None, False, True, None,
               "cvv-188"),
    CrisisLine("PT", "Linha Nacional de Prevenção do Suicídio", "1411", None, False, True,
               "112", "linha-1411"),
    # At least 18 hours a day by national rule, so not described as always open.
    CrisisLine("CN", "全国统一心理援助热线", "12356", None, False, False, "120",
               "hotline-12356"),
    CrisisLine("IN", "Tele-MANAS", "14416", "1-800-891-4416", False, True, None,
               "tele-manas"),
)}

# Where printers are loaded with US Letter paper rather than A4.
LETTER_COUNTRIES = frozenset({"US", "CA", "MX"})

# ISO 3166's code for an unknown country: the menu's "Another country".
UNKNOWN = "ZZ"

_CODE = re.compile(r"^[A-Za-z]{2}$")


def is_country_code(value: str) -> bool:
    return bool(_CODE.match(value))


def line_for(country: str | None) -> CrisisLine | None:
    return LINES.get((country or "").upper())


def region_of(accept_languages) -> str | None:
    """The first region in Accept-Language (``es-MX`` → ``MX``), if any."""
    for value, quality in accept_languages:
        for part in value.replace("_", "-").split("-")[1:]:
            if is_country_code(part) and quality > 0:
                return part.upper()
    return None


def country_menu() -> list[tuple[str, str]]:
    """``(code, name)`` for every country with a line, named and sorted in the page's language."""
    names = get_locale().territories
    return sorted(((code, names.get(code, code)) for code in LINES), key=lambda pair: pair[1])


def country_name(code: str | None) -> str | None:
    return get_locale().territories.get(code) if code else None
