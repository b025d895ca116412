"""The printed list as a plan (issue 12): what the paper is for, how to use it, the key points,
the lines to fill in for the visit, the treatment day in pictures, headings repeated after a
page break, and type large enough to read. Every PDF is read back, in every language."""
from __future__ import annotations

import io
import re
from html import unescape

import pytest
from flask_babel import gettext
from pypdf import PdfReader

from guide.content import (CATALOG, HOW_TO_FIRST_STEP, HOW_TO_STEPS, KEY_POINTS, NOT_ADVICE,
                           PAPER_PURPOSE)
from guide.figures import TREATMENT_DAY
from guide.locales import BY_TAG, LOCALES
from guide.pdf import column_split
from pdftext import fold

VISIT_LINES = ("Date of visit:", "Doctor or clinician:", "Clinic phone:", "After-hours phone:",
               "My ride home:")
CHOSEN = {"q": ["cost", "driving", "why-me"], "top": ["cost"]}
ARABIC_MARKS = re.compile("[\u064b-\u065f\u0670\u0640]")


@pytest.fixture
def texts(app, lang):
    """The guide's own words (a msgid or a lazy string) in the test's language."""
    def text(message, **values):
        with app.test_request_context(f"/{lang}/"):
            app.preprocess_request()
            if not isinstance(message, str):
                return str(message)
            return gettext(message, **values)
    return text


def on(page: str, text: str, lang: str) -> bool:
    """``text`` is on a page's text. pypdf gives a right-to-left line's Latin words and
    digits in visual order, so Arabic is matched word by word, marks aside."""
    if BY_TAG[lang].direction == "rtl":
        page = ARABIC_MARKS.sub("", page)
        # Digits and Latin letters in a word come apart from its Arabic letters too.
        words = {piece.strip("؟،.:()«»\"") for w in ARABIC_MARKS.sub("", text).split()
                 for piece in re.split(r"([0-9A-Za-z]+)", w)} - {""}
        return all(w in page for w in words)
    return fold(text) in page


def whole(client, read_pdf, lang, paper="a4"):
    response = client.get(f"/{lang}/checklist.pdf?paper={paper}")
    assert response.status_code == 200
    return read_pdf(response.data)


def chosen(client, read_pdf, lang):
    response = client.post(f"/{lang}/checklist.pdf", data={**CHOSEN, "paper": "a4"})
    assert response.status_code == 200
    return read_pdf(response.data)


def test_the_paper_says_under_its_title_what_it_is_for(client, read_pdf, lang, texts):
    first = whole(client, read_pdf, lang).pages[0]
    assert on(first, texts(PAPER_PURPOSE), lang)
    if BY_TAG[lang].direction == "ltr":
        title = texts("My questions about ketamine and esketamine")
        assert first.index(title) < first.index(texts(PAPER_PURPOSE)) < first.index(
            texts(NOT_ADVICE)[:20])


@pytest.mark.parametrize("kind", ["whole", "chosen"])
def test_how_to_use_this_list_is_a_numbered_box_on_page_1(client, read_pdf, lang, texts, kind):
    pdf = (whole if kind == "whole" else chosen)(client, read_pdf, lang)
    first = pdf.pages[0]
    assert on(first, texts("How to use this list"), lang)
    steps = [texts(HOW_TO_FIRST_STEP[kind])] + [texts(step.text) for step in HOW_TO_STEPS]
    for step in steps:
        assert on(first, step, lang), step
    other = texts(HOW_TO_FIRST_STEP["chosen" if kind == "whole" else "whole"])
    assert not on(pdf.text, other, lang), other


# Arabic's markers come out of the text layer in visual order, mixed with the steps' own
# digits; the layout is the same code.
@pytest.mark.parametrize("tag", [loc.tag for loc in LOCALES if loc.direction == "ltr"])
def test_the_steps_are_numbered_1_to_5_down_the_first_column_then_the_second(client, tag):
    # Two lists side by side in the PDF (pdf.column_split): the second goes on counting.
    response = client.get(f"/{tag}/checklist.pdf?paper=a4")
    first = PdfReader(io.BytesIO(response.data)).pages[0].extract_text()
    steps = len(HOW_TO_STEPS) + 1
    markers = re.findall(r"(?<![\d.])(\d)\.(?!\d)", first)
    assert markers[:steps] == [str(n) for n in range(1, steps + 1)]


@pytest.mark.parametrize("items, first_column", [
    (["short", "short", "a longer step " * 6], 2),
    (["a longer step " * 6, "short", "short"], 1),
    (["one line"] * 5, 2),  # 2 + 3: the taller column as short as can be, the first shorter
    (["一二三四五六七八九十" * 3, "短", "短"], 1),  # a Chinese character is two wide
    (["only one"], 1),
])
def test_a_list_is_cut_where_its_two_columns_come_out_even(items, first_column):
    assert column_split(items) == first_column


def test_the_how_to_steps_cover_what_the_review_asks_for():
    english = " ".join(str(t) for t in (HOW_TO_FIRST_STEP["whole"],
                                        *(s.text for s in HOW_TO_STEPS))).lower()
    for step in ("tick", "3 most important", "bring this paper", "someone you trust",
                 "write the answers", "can you explain that another way?"):
        assert step in english, step


def test_the_printed_checklist_page_has_the_numbered_steps(client, lang, texts):
    html = client.get(f"/{lang}/checklist?q=cost&q=driving").get_data(as_text=True)
    box = re.search(r'<section class="how-to".*?</section>', unescape(html), re.S)
    assert box, "the how-to box"
    assert box.group().count("<li>") == 1 + len(HOW_TO_STEPS)
    assert "<ol" in box.group()
    for step in (HOW_TO_FIRST_STEP["chosen"], *(s.text for s in HOW_TO_STEPS)):
        assert texts(step) in box.group()


def test_the_printed_guide_page_has_the_steps_for_either_kind_of_list(client, lang, texts):
    html = client.get(f"/{lang}/").get_data(as_text=True)
    box = re.search(r'<section class="print-only print-how-to".*?</section>', html, re.S)
    assert box, "the guide page's printed steps"
    assert texts(HOW_TO_FIRST_STEP["whole"]) in box.group()
    assert texts(HOW_TO_FIRST_STEP["chosen"]) in box.group()


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_the_key_points_are_on_page_1_of_the_whole_guide(client, read_pdf, lang, texts, paper):
    first = whole(client, read_pdf, lang, paper).pages[0]
    assert on(first, texts("Key points"), lang)
    for point in KEY_POINTS:
        assert on(first, texts(point.text), lang), texts(point.text)


def test_a_personal_list_has_no_key_points(client, read_pdf, lang, texts):
    pdf = chosen(client, read_pdf, lang)
    assert not any(on(pdf.text, texts(point.text), lang) for point in KEY_POINTS)


@pytest.mark.parametrize("kind", ["whole", "chosen"])
def test_page_1_has_lines_for_the_visit_the_clinic_phones_and_the_ride_home(
        client, read_pdf, lang, texts, kind):
    first = (whole if kind == "whole" else chosen)(client, read_pdf, lang).pages[0]
    for label in VISIT_LINES:
        assert on(first, texts(label), lang), label


def test_each_visit_label_leaves_room_to_write_beside_it(lang, texts):
    # Two lines share a row of page 1, and a label never wraps (its line would go out of
    # line with the others): half a row holds about 45 characters at 11 pt bold, and the
    # line to write on needs at least a fifth of it.
    for label in VISIT_LINES:
        assert len(texts(label)) <= 36, (texts(label), "too long to leave room to write")


def test_the_treatment_day_strip_is_in_the_whole_guide_pdf(client, read_pdf, lang, texts):
    pdf = whole(client, read_pdf, lang)
    section = next(s for s in CATALOG.sections if s.id == TREATMENT_DAY.section)
    page = next(i for i, text in enumerate(pdf.pages) if on(text, texts(section.title), lang))
    here = pdf.pages[page] + " " + pdf.pages[min(page + 1, len(pdf.pages) - 1)]
    assert on(here, texts(TREATMENT_DAY.caption), lang)
    for step in TREATMENT_DAY.steps:
        assert on(here, texts(step.text), lang), texts(step.text)


def test_each_drawing_in_the_pdf_has_its_steps_words_as_alternative(client, read_pdf, lang,
                                                                    texts):
    pdf = whole(client, read_pdf, lang)
    figures = []

    def walk(node):
        node = node.get_object()
        if isinstance(node, dict):
            if node.get("/S") == "/Figure":
                figures.append(node.get("/Alt"))
            if "/K" in node:
                walk(node["/K"])
        elif isinstance(node, list):
            for child in node:
                walk(child)

    walk(pdf.reader.trailer["/Root"]["/StructTreeRoot"])
    assert figures == [texts(step.text) for step in TREATMENT_DAY.steps]


def _printed_sections(texts, lang):
    """(title, question texts) of the whole guide's sections, as printed."""
    with_text = [(texts(s.title), [texts(q.text) for q in s.questions]) for s in CATALOG.sections]
    return with_text + [(texts("My own questions"), [])]


@pytest.mark.parametrize("paper", ["a4", "letter"])
def test_a_section_cut_by_a_page_break_repeats_its_heading_with_continued(
        client, read_pdf, lang, texts, paper):
    pdf = whole(client, read_pdf, lang, paper)
    sections = _printed_sections(texts, lang)

    def header(title):
        return texts("%(section)s (continued)", section=title)

    continued = []
    for title, questions in sections:
        # A heading keeps with its first question. Arabic is matched word by word, so a
        # title's words alone may turn up on an earlier page.
        heading_page = next(i for i, page in enumerate(pdf.pages) if on(page, title, lang)
                            and (not questions or on(page, questions[0], lang)))
        pages = {i for q in questions for i, page in enumerate(pdf.pages) if on(page, q, lang)}
        if BY_TAG[lang].direction == "rtl":  # the same: a short question's words alone
            pages = {i for i in pages if i >= heading_page}
        for page in sorted(pages - {heading_page}):
            assert page > heading_page, (title, page)
            assert on(pdf.pages[page], header(title), lang), (title, page)
            continued.append(page)
        # No page carries the header of a section that does not go on there (the own
        # questions' blank lines have no text to tell where they went).
        if questions and BY_TAG[lang].direction == "ltr":
            for i in set(range(len(pdf.pages))) - (pages - {heading_page}):
                assert header(title) not in pdf.pages[i], (title, i)
    assert continued, "the whole guide runs over pages; some section must go on"


@pytest.mark.parametrize("kind", ["whole", "chosen"])
def test_body_text_is_at_least_12_pt_and_the_disclaimer_at_least_11(client, read_pdf, lang,
                                                                    texts, kind):
    pdf = (whole if kind == "whole" else chosen)(client, read_pdf, lang)
    question = texts(CATALOG.question("cost").text)
    for text in (question, texts(HOW_TO_STEPS[0].text)):
        sizes = pdf.font_sizes(_first_words(text))
        assert sizes and min(sizes) >= 12, (text, sizes)
    disclaimer = pdf.font_sizes(_first_words(texts(NOT_ADVICE)))
    assert disclaimer and min(disclaimer) >= 11, disclaimer
    if BY_TAG[lang].review == "unreviewed":
        note = texts("This translation has not yet been checked by a qualified medical "
                     "translator. The English version is the original.")
        sizes = pdf.font_sizes(_first_words(note))
        assert sizes and min(sizes) >= 11, sizes


def _first_words(text: str) -> str:
    """A start of ``text`` short enough to stand in one line's run of text."""
    if re.search("[\u4e00-\u9fff]", text):
        return text[:4]
    return " ".join(text.split()[:2])
