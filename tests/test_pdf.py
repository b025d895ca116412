"""The PDF, read back: what a doctor gets on paper."""
from __future__ import annotations

import pytest

from guide.content import CATALOG, CONTENT_VERSION, SECTIONS

A4 = (595, 842)
LETTER = (612, 792)


def text_of(qid):
    return str(CATALOG.question(qid).text)


@pytest.fixture
def in_request(app):
    with app.test_request_context("/en/"):
        yield


def test_get_with_questions_prints_only_those(client, read_pdf, in_request):
    response = client.get("/en/checklist.pdf?q=driving&q=pregnancy")
    assert response.status_code == 200
    assert response.mimetype == "application/pdf"
    pdf = read_pdf(response.data)
    assert text_of("driving") in pdf and text_of("pregnancy") in pdf
    assert text_of("cost") not in pdf and text_of("why-me") not in pdf
    assert "Safety and side effects" in pdf and "Costs and insurance" not in pdf


def test_get_without_questions_prints_the_whole_guide(client, read_pdf, in_request):
    pdf = read_pdf(client.get("/en/checklist.pdf").data)
    for qid in CATALOG.question_ids:
        assert text_of(qid) in pdf, qid
    for section in SECTIONS:
        assert str(section.title) in pdf
    assert len(pdf.pages) > 1


def test_post_prints_own_questions_literally(client, read_pdf, in_request):
    own = "Can I bring my dog?\n\n  What about <script>alert(1)</script>?\n"
    response = client.post("/en/checklist.pdf", data={"q": ["driving"], "own": own})
    pdf = read_pdf(response.data)
    assert "My own questions" in pdf
    assert "Can I bring my dog?" in pdf
    assert "What about <script>alert(1)</script>?" in pdf
    assert text_of("driving") in pdf


def test_top_questions_print_first_under_their_own_heading(client, read_pdf, in_request):
    response = client.post("/en/checklist.pdf", data={
        "q": ["why-me", "driving", "cost"], "top": ["cost", "driving"]})
    pdf = read_pdf(response.data)
    text = pdf.text
    heading = text.index("My most important questions")
    assert heading < text.index(text_of("cost")) < text.index(text_of("driving"))
    assert text.index(text_of("driving")) < text.index(text_of("why-me"))
    assert text.count(text_of("cost")) == 1, "a top question is not printed twice"


@pytest.mark.parametrize("paper, size", [("a4", A4), ("letter", LETTER)])
def test_paper_size_is_a4_or_letter(client, read_pdf, paper, size):
    for response in (client.get(f"/en/checklist.pdf?q=driving&paper={paper}"),
                     client.post("/en/checklist.pdf", data={"q": "driving", "paper": paper})):
        pdf = read_pdf(response.data)
        box = pdf.reader.pages[0].mediabox
        assert (round(float(box.width)), round(float(box.height))) == size


def test_default_paper_comes_from_the_locale(client, read_pdf):
    pdf = read_pdf(client.get("/en/checklist.pdf?q=driving").data)
    box = pdf.reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == LETTER


def test_every_page_is_numbered_page_x_of_y(client, read_pdf):
    pdf = read_pdf(client.get("/en/checklist.pdf").data)
    total = len(pdf.pages)
    for number, page in enumerate(pdf.pages, start=1):
        assert f"Page {number} of {total}" in page
        assert f"Version {CONTENT_VERSION}" in page


def test_no_question_is_split_across_pages(client, read_pdf, in_request):
    pdf = read_pdf(client.get("/en/checklist.pdf?paper=a4").data)
    for qid in CATALOG.question_ids:
        assert len(pdf.page_of(text_of(qid))) == 1, qid


def test_pdf_has_visit_lines_crisis_line_and_not_advice(client, read_pdf):
    pdf = read_pdf(client.get("/en/checklist.pdf?q=driving").data)
    assert "Date of visit:" in pdf and "Doctor or clinician:" in pdf
    assert "call or text 988" in pdf and "call 911" in pdf
    assert "This guide does not give medical advice." in pdf


def test_pdf_is_tagged_with_title_and_language(client, read_pdf):
    pdf = read_pdf(client.get("/en/checklist.pdf?q=driving").data)
    root = pdf.reader.trailer["/Root"]
    assert root["/Lang"] == "en"
    assert root["/MarkInfo"]["/Marked"]
    assert "/StructTreeRoot" in root
    assert pdf.reader.metadata.title == "My questions about ketamine and esketamine"


def test_pdf_embeds_its_own_fonts(client, read_pdf):
    pdf = read_pdf(client.get("/en/checklist.pdf?q=driving").data)
    assert {"Noto-Sans", "Noto-Sans-Bold"} <= pdf.fonts


def test_pdf_is_named_for_download(client):
    response = client.get("/en/checklist.pdf?q=driving")
    assert response.headers["Content-Disposition"] == \
        'attachment; filename="ketamine-questions-en.pdf"'


def test_get_pdf_is_cacheable_with_an_etag(client):
    first = client.get("/en/checklist.pdf?q=driving&q=cost")
    assert first.headers["ETag"] and "public" in first.headers["Cache-Control"]
    same = client.get("/en/checklist.pdf?q=cost&q=driving")
    assert same.headers["ETag"] == first.headers["ETag"], "order of ids does not matter"
    other = client.get("/en/checklist.pdf?q=driving&q=cost&paper=a4")
    assert other.headers["ETag"] != first.headers["ETag"]
    again = client.get("/en/checklist.pdf?q=driving&q=cost",
                       headers={"If-None-Match": first.headers["ETag"]})
    assert again.status_code == 304 and not again.data
    # What a 304 says replaces what a cache kept: the same caching as the 200.
    assert again.headers["Cache-Control"] == first.headers["Cache-Control"]
    assert again.headers["Vary"] == first.headers["Vary"]


def test_post_pdf_is_never_stored(client):
    response = client.post("/en/checklist.pdf", data={"q": "driving", "own": "private"})
    assert response.headers["Cache-Control"] == "no-store"
    assert "ETag" not in response.headers


def test_own_questions_keep_their_own_direction_on_the_page(client, lang):
    # Found by Hypothesis: on the Arabic page an English question took the page's direction
    # and printed its question mark first ("?Mine"). Each line now runs its own way.
    own = "Is it safe?\nהאם זה בטוח?\n12?"
    html = client.post(f"/{lang}/checklist", data={"own": own}).get_data(as_text=True)
    assert '<span class="text" dir="ltr">Is it safe?</span>' in html
    assert '<span class="text" dir="rtl">האם זה בטוח?</span>' in html
    assert '<span class="text">12?</span>' in html  # nothing to go by: the page's way


@pytest.mark.parametrize("lang", ["ar", "en"])
def test_an_own_question_in_another_script_prints_in_its_own_order(client, read_pdf, lang):
    response = client.post(f"/{lang}/checklist.pdf", data={"own": "Is it safe for me?",
                                                           "q": "cost"})
    assert "Is it safe for me?" in read_pdf(response.data)
