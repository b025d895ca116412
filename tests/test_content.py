"""The content model: stable ids, complete questions, sourced facts, plain language."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
import textstat

from guide.content import CATALOG, INTRO, SECTIONS, SOURCES

QUESTIONS = [q for section in SECTIONS for q in section.questions]
KEBAB = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


@pytest.fixture(autouse=True)
def in_request(app):
    with app.test_request_context("/en/"):
        yield


def test_there_are_about_eight_sections_and_35_to_50_questions():
    assert 8 <= len(SECTIONS) <= 10
    assert 35 <= len(QUESTIONS) <= 50


def test_question_and_section_ids_are_unique_short_kebab_case():
    ids = [q.id for q in QUESTIONS] + [s.id for s in SECTIONS]
    assert len(ids) == len(set(ids))
    for qid in ids:
        assert KEBAB.match(qid) and len(qid) <= 30, qid


def test_published_question_ids_never_disappear():
    """Printed links and saved choices name these ids: wording may change, ids may not."""
    published = Path(__file__).with_name("published_question_ids.txt").read_text().split()
    assert published, "the list of published ids is empty"
    missing = [qid for qid in published if not CATALOG.has_question(qid)]
    assert not missing, f"question ids removed or renamed: {missing}"


@pytest.mark.parametrize("section", SECTIONS, ids=lambda s: s.id)
def test_every_section_has_a_title_and_questions(section):
    assert str(section.title).strip()
    assert section.questions


@pytest.mark.parametrize("question", QUESTIONS, ids=lambda q: q.id)
def test_every_question_is_a_question_with_a_reason(question):
    text, why = str(question.text).strip(), str(question.why).strip()
    assert text.endswith("?"), text
    assert why and not why.endswith("?"), why
    assert why.endswith("."), why


def test_every_cited_source_is_listed_and_every_listed_source_is_cited():
    cited = {sid for q in QUESTIONS for sid in q.sources}
    cited |= {sid for part in INTRO for p in part.paragraphs for sid in p.sources}
    from guide.crisis import LINES
    cited |= {line.source for line in LINES.values()}
    listed = {s.id for s in SOURCES}
    assert cited <= listed, cited - listed
    assert listed <= cited, f"sources nobody cites: {listed - cited}"


@pytest.mark.parametrize("source", SOURCES, ids=lambda s: s.id)
def test_every_source_has_a_citation_and_a_plain_summary(source):
    assert source.citation.strip()
    assert str(source.about).strip()
    assert source.url is None or source.url.startswith("https://")


NUMBER = re.compile(r"\d")


@pytest.mark.parametrize("question", [q for q in QUESTIONS if NUMBER.search(str(q.why))],
                         ids=lambda q: q.id)
def test_a_why_line_with_a_number_names_its_source(question):
    assert question.sources, "numbers are facts and need a source"


@pytest.mark.parametrize("kind, texts", [
    ("questions", lambda: [q.text for q in QUESTIONS]),
    ("why-lines", lambda: [q.why for q in QUESTIONS]),
    ("intro", lambda: [p.text for part in INTRO for p in part.paragraphs]),
])
def test_english_reads_at_grade_8_or_lower(kind, texts):
    text = " ".join(str(t) for t in texts())
    assert textstat.flesch_kincaid_grade(text) <= 8.0


ADVICE = re.compile(r"\byou should\b|\bdo not take\b|\bstop taking\b|\bwe recommend\b", re.I)


@pytest.mark.parametrize("question", QUESTIONS, ids=lambda q: q.id)
def test_the_guide_asks_and_never_advises(question):
    assert not ADVICE.search(str(question.why)), question.why
