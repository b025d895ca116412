"""Pictures that help a reader act: the treatment day, the two ways, 27 and 18 in 100.

Each picture's words are sentences of the guide like any other: translated through the
catalogs, and resting on the sources named beside them (the ones the questions they
illustrate cite). The drawings themselves are made here and in templates/_figures.html, as
inline SVG: no stock art, no files to fetch, nothing for the PDF renderer to load.
"""
from __future__ import annotations

from dataclasses import dataclass

from flask_babel import lazy_gettext as _l


@dataclass(frozen=True)
class Step:
    icon: str  # a drawing in templates/_figures.html
    text: object


@dataclass(frozen=True)
class Figure:
    id: str
    section: str  # the section of the guide it stands in
    caption: object
    steps: tuple[Step, ...]
    sources: tuple[str, ...]
    numbered: bool = False  # steps in an order that matters


TREATMENT_DAY = Figure(
    "treatment-day", "treatment-day",
    _l("A treatment day with Spravato, step by step. A ketamine clinic may have other rules: "
       "ask yours."),
    (
        Step("no-food", _l("No food for 2 hours before. No drinks for 30 minutes before.")),
        Step("blood-pressure", _l("Staff check your blood pressure.")),
        Step("spray", _l("You use the nasal spray while staff watch.")),
        Step("rest", _l("You rest while staff watch you: at least 2 hours, and until you are "
                        "ready to leave.")),
        Step("ride", _l("Someone else drives you home.")),
        Step("sleep", _l("No driving until the next day, after a night's sleep.")),
    ),
    ("spravato-label", "spravato-rems"),
    numbered=True,
)

TWO_WAYS = Figure(
    "two-ways", "iv-or-spray",
    _l("Two ways to get this kind of treatment."),
    (
        Step("spray", _l("Esketamine (Spravato) nasal spray: you spray it yourself while staff "
                         "watch. In the US, only at a certified clinic.")),
        Step("drip", _l("IV ketamine: a drip into a vein at a clinic, often over about 40 "
                        "minutes.")),
    ),
    ("spravato-rems", "spravato-label", "andrade-2017", "elekt-d-2023"),
)


@dataclass(frozen=True)
class IconArray:
    """People out of 100 for whom something happened, in each group of a study."""
    id: str
    section: str
    title: object
    caption: object
    groups: tuple[tuple[object, int], ...]  # (what the group took, how many in 100)
    sources: tuple[str, ...]
    columns: int = 10

    def people(self, count: int) -> list[tuple[int, int, bool]]:
        """Row, column and whether it happened, for each of 100 people; the ones it
        happened to first, row by row, so the count can be read off the rows."""
        return [(i // self.columns, i % self.columns, i < count) for i in range(100)]


CHANCE_OF_HELP = IconArray(
    "chance-of-help", "right-for-me",
    _l("Out of 100 people in one large study, how many had few or no signs of depression "
       "after 8 weeks"),
    _l("In this study, everyone had already tried at least two treatments that did not help "
       "enough, and kept taking an antidepressant pill. People knew which medicine they got. "
       "People who stopped were counted as not better."),
    ((_l("Esketamine (Spravato)"), 27), (_l("Quetiapine, another medicine"), 18)),
    ("escape-trd-2023",),
)

FIGURES = (CHANCE_OF_HELP, TWO_WAYS, TREATMENT_DAY)


def for_section(section_id: str) -> list:
    """The figures that stand in a section of the guide page."""
    return [figure for figure in FIGURES if figure.section == section_id]


# The PDF has room for one picture: the treatment day, the one a reader acts on that day.
PRINTED = (TREATMENT_DAY,)


def printed_in_section(section_id: str) -> list:
    """The figures that a printed checklist shows in a section."""
    return [figure for figure in PRINTED if figure.section == section_id]
