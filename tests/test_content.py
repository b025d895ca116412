"""The content model: stable ids, complete questions, sourced facts, plain language."""
from __future__ import annotations

import re
import statistics
from pathlib import Path

import pytest
import textstat

from guide.content import CATALOG, CHANGES, GLOSSARY, INTRO, SECTIONS, SOURCES

QUESTIONS = [q for section in SECTIONS for q in section.questions]
KEBAB = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


@pytest.fixture(autouse=True)
def in_request(app):
    with app.test_request_context("/en/"):
        yield


def test_there_are_about_eight_sections_and_50_to_65_questions():
    assert 8 <= len(SECTIONS) <= 10
    assert 50 <= len(QUESTIONS) <= 65


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
    # The one page the audit could quote only at an http:// address.
    http_only = {"hotline-12356"}
    for url in ((source.url,) if source.url else ()) + source.also:
        assert url.startswith("https://") or (source.id in http_only
                                               and url.startswith("http://")), url


NUMBER = re.compile(r"\d")


@pytest.mark.parametrize("question", [q for q in QUESTIONS if NUMBER.search(str(q.why))],
                         ids=lambda q: q.id)
def test_a_why_line_with_a_number_names_its_source(question):
    assert question.sources, "numbers are facts and need a source"


@pytest.mark.parametrize("kind, texts", [
    ("questions", lambda: [q.text for q in QUESTIONS]),
    ("why-lines", lambda: [q.why for q in QUESTIONS]),
    ("intro", lambda: [p.text for part in INTRO for p in part.paragraphs]),
    ("words to know", lambda: [t.meaning for t in GLOSSARY]),
])
def test_english_reads_at_grade_8_or_lower(kind, texts):
    text = " ".join(str(t) for t in texts())
    assert textstat.flesch_kincaid_grade(text) <= 8.0


@pytest.mark.parametrize("question", QUESTIONS, ids=lambda q: q.id)
def test_every_why_line_reads_at_grade_10_or_lower(question):
    # Flesch-Kincaid, textstat 0.7.8: each line on its own, not only the average.
    assert textstat.flesch_kincaid_grade(str(question.why)) <= 10.0, str(question.why)


def test_the_typical_why_line_and_question_are_plainer_still():
    why = statistics.median(textstat.flesch_kincaid_grade(str(q.why)) for q in QUESTIONS)
    asked = statistics.median(textstat.flesch_kincaid_grade(str(q.text)) for q in QUESTIONS)
    assert why <= 6.5, why
    assert asked <= 4.0, asked


def test_every_word_to_know_is_marked_where_the_questions_first_use_it():
    marked = [tid for q in QUESTIONS for tid in q.terms]
    assert sorted(marked) == sorted(t.id for t in GLOSSARY), "mark each term exactly once"
    required = {"ect", "remission", "relapse", "placebo", "maoi", "off-label", "compounded",
                "dissociation", "rems", "trd"}
    assert required <= {t.id for t in GLOSSARY}
    def uses(text, word):
        # As the page links it (views.with_terms): a word in Latin letters starts a word,
        # so "IV" is not the "iv" of "give".
        return re.search(r"(?<![a-z])" + re.escape(word), str(text).casefold()) is not None

    for q in QUESTIONS:
        for tid in q.terms:
            word = str(CATALOG.term(tid).word).casefold()
            assert uses(q.why, word), (q.id, tid)
            earlier = QUESTIONS[:QUESTIONS.index(q)]
            assert not any(uses(e.why, word) for e in earlier), (tid, "used before", q.id)


@pytest.mark.parametrize("term", GLOSSARY, ids=lambda t: t.id)
def test_each_word_to_know_is_one_or_two_plain_sentences(term):
    meaning = str(term.meaning).strip()
    assert str(term.word).strip() and meaning.endswith(".")
    assert 1 <= len(re.findall(r"[.!?](?:\s|$)", meaning)) <= 2, meaning


# A fact that holds in the US only says so: approvals, the safety program, certified
# settings, the oxygen monitor, the maker's program and insurance approval.
US_ONLY = re.compile(r"\b(approved|REMS|safety program|certified|oxygen|insurance|health plan|"
                     r"Medicare|program)\b", re.I)

@pytest.mark.parametrize("text", [
    *[q.why for q in QUESTIONS],
    *[p.text for part in INTRO for p in part.paragraphs],
], ids=lambda t: str(t)[:30])
def test_us_only_facts_say_in_the_us(text):
    text = str(text)
    if US_ONLY.search(text) and "Spravato" in text:
        assert "In the US" in text or "in the US" in text or "US safety" in text, text


def test_the_intro_tells_readers_elsewhere_that_things_differ():
    intro = " ".join(str(p.text) for part in INTRO for p in part.paragraphs)
    assert "rules, brand names and costs may differ" in intro


def test_the_edition_lists_what_changed():
    assert len(CHANGES) >= 5 and all(str(c).strip().endswith(".") for c in CHANGES)


ADVICE = re.compile(r"\byou should\b|\bdo not take\b|\bstop taking\b|\bwe recommend\b", re.I)


@pytest.mark.parametrize("question", QUESTIONS, ids=lambda q: q.id)
def test_the_guide_asks_and_never_advises(question):
    assert not ADVICE.search(str(question.why)), question.why


NEW_IN_2_0 = ["iv-monitoring", "blood-pressure-first", "medicines-blunt", "trauma-panic",
              "lungs-liver", "nasal-sprays", "older-adult", "care-plan", "consent",
              "missed-session"]


@pytest.mark.parametrize("qid", NEW_IN_2_0)
def test_the_questions_new_in_edition_2_are_published_and_sourced(qid):
    published = Path(__file__).with_name("published_question_ids.txt").read_text().split()
    assert qid in published
    assert CATALOG.question(qid).sources, "each new why-line rests on a source"
