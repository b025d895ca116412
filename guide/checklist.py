"""What a person asked for: their questions, their top three, their own words, their paper,
the treatments they have tried, what they wrote in at the visit, and how it should print.

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
from .locales import BY_TAG
from .presets import PRESETS

PAPERS = ("a4", "letter")
PRINT_SIZES = ("normal", "large")
MAX_TOP = 3
# Unknown ids and starting sets named in the messages. A form or link with more is not one
# a person made, and naming them all turned 64 KiB of ids into a megabyte of messages.
MAX_UNKNOWN_NAMED = 5
# Form field names of one "Treatments I have tried" row, in the order the table prints them.
TREATMENT_FIELDS = ("med_name", "med_dose", "med_time", "med_result")
ANSWER_PREFIX = "answer-"

# Control characters other than tab and line breaks have no place in a question, and some
# (NUL, escape) upset PDF tooling downstream.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f]")


@dataclass(frozen=True)
class Limits:
    own_lines: int = 20
    own_chars: int = 300
    treatment_rows: int = 12
    treatment_chars: int = 100
    answer_chars: int = 1000


@dataclass(frozen=True)
class Treatment:
    """One row of "Treatments I have tried", each value as the person typed it."""
    name: str = ""
    dose: str = ""
    time: str = ""
    result: str = ""

    @property
    def values(self) -> tuple[str, str, str, str]:
        return (self.name, self.dose, self.time, self.result)


def treatment_labels() -> tuple[str, str, str, str]:
    """The table's column headings, which also name a value in an error message."""
    return (_("Medicine or treatment"), _("Dose"), _("When, and for how long"),
            _("How it went"))


@dataclass
class Choices:
    questions: list[str] = field(default_factory=list)  # in the guide's order
    top: list[str] = field(default_factory=list)        # in the order the person gave
    own: list[str] = field(default_factory=list)
    own_text: str = ""                                   # as typed, to refill the form
    treatments: list[Treatment] = field(default_factory=list)
    answers: dict[str, str] = field(default_factory=dict)  # question id: the answer
    paper: str | None = None
    country: str | None = None
    also: str | None = None   # a second language's tag, printed under the page's
    large: bool = False       # large print
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


def read(form, catalog: Catalog, limits: Limits, *, with_own: bool,
         lang: str | None = None) -> Choices:
    """Parse a request's args or form: ``q``, ``preset``, ``top``, ``paper``, ``country``,
    ``also``, ``print``. What a person types (``own``, the treatments, the answers) is read
    only ``with_own``: it comes in a POST body, never in a URL that a cache or a log could
    keep."""
    choices = Choices()
    errors = choices.errors

    asked = form.getlist("q")
    # An empty "preset=" asks for no starting set, as an empty "paper=" for no paper.
    presets = [name for name in dict.fromkeys(form.getlist("preset")) if name.strip()]
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

    also = form.get("also", "").strip()
    if also:
        if also not in BY_TAG:
            errors.append(_("This guide cannot print in the language “%(tag)s”. Please choose "
                            "one of the languages in the list.", tag=_shown(also)))
        elif also != lang:  # the page's own language once is all it can mean
            choices.also = also

    size = form.get("print", "").strip().lower()
    if size:
        if size in PRINT_SIZES:
            choices.large = size == "large"
        else:
            errors.append(_("The print size must be normal or large."))

    if with_own:
        choices.own_text = form.get("own", "")
        choices.own = _own_questions(choices.own_text, limits, errors)
        choices.treatments = _treatments(form, limits, errors)
        choices.answers = _answers(form, catalog, chosen, limits, errors)
    return choices


def _clean(value: str) -> str:
    return unicodedata.normalize("NFC", _CONTROL.sub("", value)).strip()


def _treatments(form, limits: Limits, errors: list[str]) -> list[Treatment]:
    columns = [form.getlist(name) for name in TREATMENT_FIELDS]
    rows = []
    for i in range(max(map(len, columns))):
        values = [_clean(column[i]) if i < len(column) else "" for column in columns]
        if any(values):  # the form offers empty rows to fill in: they mean nothing
            rows.append(Treatment(*values))
    if len(rows) > limits.treatment_rows:
        errors.append(_("You listed %(num)d treatments. The limit is %(max)d. Please remove "
                        "some or join them.", num=len(rows), max=limits.treatment_rows))
    labels = treatment_labels()
    for number, row in enumerate(rows, start=1):
        for label, value in zip(labels, row.values):
            if len(value) > limits.treatment_chars:
                errors.append(_("In treatment %(number)d, “%(field)s” has %(length)d "
                                "characters. The limit is %(max)d. Please shorten it.",
                                number=number, field=label, length=len(value),
                                max=limits.treatment_chars))
    return rows


def _answers(form, catalog: Catalog, chosen: set[str], limits: Limits,
             errors: list[str]) -> dict[str, str]:
    answers = {}
    unknown = 0
    for key in form:
        # A multipart part may come without a name at all (None).
        if not isinstance(key, str) or not key.startswith(ANSWER_PREFIX):
            continue
        qid = key[len(ANSWER_PREFIX):]
        text = "\n".join(_clean(line) for line in form.get(key, "").splitlines()).strip()
        if not text:
            continue  # an answer field left empty is no answer
        if not catalog.has_question(qid):
            unknown += 1
            if unknown <= MAX_UNKNOWN_NAMED:
                errors.append(_("There is no question with the id “%(id)s” in this guide. "
                                "The link may be old or mistyped.", id=_shown(qid)))
            continue
        answers[qid] = text  # kept even when wrong, so the form shows it again
        question = catalog.question(qid).text
        if qid not in chosen:
            errors.append(_("You wrote an answer to “%(question)s”, but that question is not "
                            "ticked. Tick it, or remove the answer.", question=question))
        if len(text) > limits.answer_chars:
            errors.append(_("Your answer to “%(question)s” has %(length)d characters. The "
                            "limit is %(max)d. Please shorten it.", question=question,
                            length=len(text), max=limits.answer_chars))
    # In the guide's order, whatever order the fields came in.
    return {qid: answers[qid] for qid in catalog.question_ids if qid in answers}


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
