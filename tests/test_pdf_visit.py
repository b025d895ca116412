"""The PDF for the visit, read back: the treatments tried, answers written in, large print."""
from __future__ import annotations

import re

import pytest
from flask_babel import gettext

from guide.content import CATALOG

TREATMENTS = {
    "med_name": ["Sertraline", "文拉法辛", "إسيتالوبرام", "Therapy <b>CBT</b>"],
    "med_dose": ["100 mg", "75 毫克", "10 ملغ", ""],
    "med_time": ["2023, 8 months", "2024年", "", "Since 2022"],
    "med_result": ["A little better", "恶心", "لم يساعد", "Helped & still going"],
}


@pytest.fixture
def texts(app, lang):
    """The guide's own words in the test's language."""
    def text(message):
        with app.test_request_context(f"/{lang}/"):
            app.preprocess_request()
            return str(message) if not isinstance(message, str) else gettext(message)
    return text


def test_treatments_print_as_a_table_with_every_value_literally(client, read_pdf, lang, texts):
    response = client.post(f"/{lang}/checklist.pdf", data={"q": "cost", **TREATMENTS})
    assert response.status_code == 200
    pdf = read_pdf(response.data)
    assert texts("Treatments I have tried") in pdf
    for label in ("Medicine or treatment", "Dose", "How it went"):
        assert texts(label) in pdf
    # A narrow cell may break a word anywhere: compare without the layout's line breaks.
    cells = re.sub(r"\s", "", pdf.text)
    for values in TREATMENTS.values():
        for value in values:
            # Arabic reads back with its own question-mark-free words; compare word by word.
            for word in value.split():
                assert word in cells, (value, word)
    names = pdf.fonts
    assert any(n.startswith("Noto-Sans-SC") for n in names), names
    assert any(n.startswith("Noto-Sans-Arabic") for n in names), names


def test_rows_keep_their_order(client, read_pdf):
    pdf = read_pdf(client.post("/en/checklist.pdf", data={
        "q": "cost", "med_name": ["First pill", "", "Second pill"],
        "med_dose": ["", "", "20 mg"]}).data)
    assert pdf.index("First pill") < pdf.index("Second pill") < pdf.index("20 mg")


def test_no_treatments_no_table(client, read_pdf):
    pdf = read_pdf(client.post("/en/checklist.pdf", data={"q": "cost"}).data)
    assert "Treatments I have tried" not in pdf
    assert "Treatments I have tried" not in read_pdf(client.get("/en/checklist.pdf").data)


def test_an_answer_prints_under_its_question_in_place_of_the_blank_lines(client, read_pdf,
                                                                         lang, texts):
    answer = "About 600 a month.\nThe clinic <i>checks</i> insurance first. 保险 تأمين"
    response = client.post(f"/{lang}/checklist.pdf", data={
        "q": ["cost", "driving"], "top": ["driving"], "answer-cost": answer,
        "answer-driving": "My sister drives me."})
    assert response.status_code == 200
    pdf = read_pdf(response.data)
    cost, driving = texts(CATALOG.question("cost").text), texts(CATALOG.question("driving").text)
    assert pdf.index(driving) < pdf.index("My sister drives me.") < pdf.index(cost)
    assert pdf.index(cost) < pdf.index("About 600 a month.")
    for word in answer.split():
        assert word in pdf, word


def test_answers_replace_the_rules(client, app):
    html = client.post("/en/checklist", data={"q": ["cost", "driving"],
                                              "answer-cost": "Paid"}).get_data(as_text=True)
    items = html.split('<li class="question">')[1:]
    cost_item = next(item for item in items if "Paid" in item)
    assert 'class="answer-text"' in cost_item and 'class="rule"' not in cost_item
    assert html.count('class="rule"') == 2 + 3 * 2, "driving's two lines, three own blanks"


@pytest.mark.parametrize("method", ["get", "post"])
def test_large_print_is_at_least_1_3_times_the_size(client, read_pdf, method):
    question = "Who can take me home, and when can I drive again?"

    def pdf(size):
        if method == "get":
            response = client.get(f"/en/checklist.pdf?q=driving&q=cost&print={size}")
        else:
            response = client.post("/en/checklist.pdf", data={
                "q": ["driving", "cost"], "print": size, "answer-cost": "Typed answer"})
        assert response.status_code == 200
        return read_pdf(response.data)

    normal, large = pdf("normal"), pdf("large")
    for text in (question, "Need help now?", "Date of visit:"):
        assert min(large.font_sizes(text)) >= 1.3 * max(normal.font_sizes(text)), text
    assert min(large.font_sizes(question)) >= 15.5, "about 16 pt"
    if method == "post":
        assert min(large.font_sizes("Typed answer")) >= 1.3 * max(normal.font_sizes("Typed answer"))
    assert normal.text.split() and set(normal.text.split()) - {"1", "2"} <= set(large.text.split())


def test_large_print_leaves_more_room_to_write(client, read_pdf):
    normal = client.get("/en/checklist.pdf?paper=a4")
    large = client.get("/en/checklist.pdf?paper=a4&print=large")
    assert len(read_pdf(large.data).pages) >= 1.3 * len(read_pdf(normal.data).pages)


def test_large_print_never_splits_a_question_across_pages(client, read_pdf, app):
    pdf = read_pdf(client.get("/en/checklist.pdf?paper=a4&print=large").data)
    with app.test_request_context("/en/"):
        for qid in CATALOG.question_ids:
            assert len(pdf.page_of(str(CATALOG.question(qid).text))) == 1, qid


def test_get_pdfs_with_print_or_also_are_cached_apart(client):
    plain = client.get("/en/checklist.pdf?q=cost")
    large = client.get("/en/checklist.pdf?q=cost&print=large")
    also = client.get("/en/checklist.pdf?q=cost&also=es")
    etags = {plain.headers["ETag"], large.headers["ETag"], also.headers["ETag"]}
    assert len(etags) == 3
    for response in (large, also):
        assert "public" in response.headers["Cache-Control"]
    again = client.get("/en/checklist.pdf?q=cost&print=large",
                       headers={"If-None-Match": large.headers["ETag"]})
    assert again.status_code == 304


def test_a_post_with_answers_or_treatments_is_never_stored(client):
    response = client.post("/en/checklist.pdf", data={"q": "cost", "answer-cost": "private",
                                                      "med_name": "private", "print": "large"})
    assert response.headers["Cache-Control"] == "no-store"
    assert "ETag" not in response.headers


@pytest.mark.parametrize("text, expected", [("Sertraline", "ltr"), ("إسيتالوبرام", "rtl"),
                                            ("10 ملغ", "rtl"), ("2024年", "ltr"),
                                            ("100 mg", "ltr"), ("2024", "page")])
def test_typed_text_runs_in_its_own_direction_on_any_page(client, text, expected):
    for lang, page_direction in (("en", "ltr"), ("ar", "rtl")):
        html = client.post(f"/{lang}/checklist", data={"q": "cost", "med_name": text,
                                                       "answer-cost": text}).get_data(as_text=True)
        want = page_direction if expected == "page" else expected
        assert f'<td dir="{want}">{text}</td>' in html
        assert f'<span class="answer-text" dir="{want}">{text}</span>' in html


def test_nothing_typed_is_logged_or_kept_on_the_server(app, client, caplog):
    import logging
    caplog.set_level(logging.DEBUG)
    marker = "private-7f3a"
    response = client.post("/en/checklist.pdf", data={
        "q": "cost", "answer-cost": marker, "med_name": marker, "med_result": marker})
    assert response.status_code == 200
    bad = client.post("/en/checklist.pdf", data={"q": "cost", "answer-driving": marker,
                                                  "med_name": marker * 20})
    assert bad.status_code == 400 and bad.headers["Cache-Control"] == "no-store"
    page = client.post("/en/checklist", data={"q": "cost", "answer-cost": marker})
    assert page.status_code == 200 and page.headers["Cache-Control"] == "no-store"
    assert not any(marker in record.getMessage() for record in caplog.records)
    for cache in (app.extensions["pdf"].cache, app.extensions["page_cache"]):
        assert not any(marker.encode() in value for value in cache._items.values())
