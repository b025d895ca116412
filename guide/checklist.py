"""What a person asked for: their questions, their top three, their own words, their paper.

Everything here comes from the request and is untrusted. It is checked against the content
and the limits, and each problem becomes a message the person can act on; the text they
typed is kept so the form can be shown again with nothing lost.
"""
from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field

from flask_babel import gettext as _, ngettext

from .content import Catalog
from .crisis import is_country_code
from .presets import PRESETS

PAPERS = ("a4", "letter")
MAX_TOP = 3
# Unknown ids and starting sets named in the messages. A form or link with more is not one
# a person made, and naming them all turned 64 KiB of ids into a megabyte of messages.
MAX_UNKNOWN_NAMED = 5

# Control characters other than tab and line breaks have no place in a question, and some
# (NUL, escape) upset PDF tooling downstream.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


@dataclass(frozen=True)
class Limits:
    own_lines: int = 20
    own_chars: int = 300


@dataclass
class Choices:
    questions: list[str] = field(default_factory=list)  # in the guide's order
    top: list[str] = field(default_factory=list)        # in the order the person gave
    own: list[str] = field(default_factory=list)
    own_text: str = ""                                   # as typed, to refill the form
    paper: str | None = None
    country: str | None = None
    errors: list[str] = field(default_factory=list)

    @property
    def whole_guide(self) -> bool:
        return not self.questions


# What an id quoted in a message may not carry: any control character, and the direction
# marks, embeddings, overrides and isolates that could reorder the words around it (U+202E
# turns the rest of the sentence backwards).
_NOT_IN_MESSAGES = re.compile("[\x00-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e"
                              "\u2066-\u2069]")


def _shown(value: str) -> str:
    """An id or code from the request, to quote in a message: without control characters,
    and cut short so a hostile one cannot flood the message."""
    value = _NOT_IN_MESSAGES.sub("", value)
    return value if len(value) <= 60 else value[:60] + "…"


def read(form, catalog: Catalog, limits: Limits, *, with_own: bool) -> Choices:
    """Parse ``q``, ``preset``, ``top``, ``own`` and ``paper`` from a request's args or form."""
    choices = Choices()
    errors = choices.errors

    asked = form.getlist("q")
    presets = list(dict.fromkeys(form.getlist("preset")))
    for name in presets:
        asked += PRESETS.get(name, ())
    top = list(dict.fromkeys(form.getlist("top")))
    # Unknown starting sets and ids, at most MAX_UNKNOWN_NAMED of them named in all.
    unknown = [(name, None) for name in presets if name not in PRESETS]
    unknown += [(None, qid) for qid in dict.fromkeys([*asked, *top])
                if not catalog.has_question(qid)]
    for name, qid in unknown[:MAX_UNKNOWN_NAMED]:
        if qid is None:
            errors.append(_("There is no starting set called “%(name)s” in this guide. The "
                            "link may be old or mistyped.", name=_shown(name)))
        else:
            errors.append(_("There is no question with the id “%(id)s” in this guide. The "
                            "link may be old or mistyped.", id=_shown(qid)))
    # Marking a question as one of the top three ticks it.
    chosen = set(asked) | set(top)
    choices.questions = [qid for qid in catalog.question_ids if qid in chosen]
    if len(top) > MAX_TOP:
        errors.append(ngettext("You marked %(num)d question as most important. Please mark "
                               "no more than 3.",
                               "You marked %(num)d questions as most important. Please mark "
                               "no more than 3.", len(top)))
    choices.top = [qid for qid in top if catalog.has_question(qid)]

    paper = form.get("paper", "").strip().lower()
    if paper:
        if paper in PAPERS:
            choices.paper = paper
        else:
            errors.append(_("The paper size must be A4 or Letter."))

    country = form.get("country", "").strip()
    if country:
        if is_country_code(country):
            choices.country = country.upper()
        else:
            errors.append(_("We do not know the country “%(code)s”. Please choose your "
                            "country from the list.", code=_shown(country)))

    if with_own:
        choices.own_text = form.get("own", "")
        choices.own = _own_questions(choices.own_text, limits, errors)
    return choices


def _own_questions(text: str, limits: Limits, errors: list[str]) -> list[str]:
    lines = []
    for raw in text.splitlines():
        line = unicodedata.normalize("NFC", _CONTROL.sub("", raw)).strip()
        if line:
            lines.append(line)
    if len(lines) > limits.own_lines:
        errors.append(_("You wrote %(num)d questions of your own. The limit is %(max)d. "
                        "Please remove some or join them.", num=len(lines),
                        max=limits.own_lines))
    for number, line in enumerate(lines, start=1):
        if len(line) > limits.own_chars:
            errors.append(_("Your question %(number)d has %(length)d characters. The limit "
                            "is %(max)d per question. Please shorten it or split it into two "
                            "lines.", number=number, length=len(line), max=limits.own_chars))
    return lines
