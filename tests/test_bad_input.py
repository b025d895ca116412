"""Bad input: a clear message, a fitting status, and nothing the person typed is lost."""
from __future__ import annotations

import pytest

from guide.checklist import MAX_UNKNOWN_NAMED
from guide.content import CATALOG


def html_of(response) -> str:
    # The page escapes quotes in what it shows; compare with the text as a person reads it.
    import html
    return html.unescape(response.get_data(as_text=True))


def test_unknown_question_id_in_a_link_is_a_400_that_names_it(client):
    response = client.get("/en/checklist.pdf?q=driving&q=not-a-question")
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert "There is no question with the id “not-a-question”" in html
    assert 'href="/en/"' in html


def test_a_hostile_id_is_shown_escaped_and_cut_short(client):
    response = client.get("/en/checklist.pdf?q=<script>" + "x" * 500)
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "x" * 100 not in html


def test_unknown_question_id_in_a_post_shows_the_form_again(client):
    response = client.post("/en/checklist.pdf", data={
        "q": ["driving", "gone-id"], "own": "Keep this question?", "paper": "a4"})
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert "gone-id" in html
    assert 'value="driving" aria-describedby="why-driving" checked' in html
    assert "Keep this question?</textarea>" in html
    assert 'value="a4" checked' in html
    assert 'role="alert"' in html


def test_a_top_question_that_is_not_ticked_is_ticked_by_its_mark(client, read_pdf):
    response = client.post("/en/checklist.pdf", data={"q": ["driving"], "top": ["cost"]})
    assert response.status_code == 200
    pdf = read_pdf(response.data)
    assert pdf.page_of("My most important questions") == pdf.page_of(
        "What will each session cost")


def test_more_than_three_top_questions_is_a_400_that_says_so(client):
    ids = ["driving", "cost", "pregnancy", "why-me"]
    response = client.post("/en/checklist.pdf", data={"q": ids, "top": ids})
    assert response.status_code == 400
    assert "You marked 4 questions as most important. Please mark no more than 3." in \
        response.get_data(as_text=True)


def test_three_top_questions_are_fine(client):
    ids = ["driving", "cost", "pregnancy"]
    response = client.post("/en/checklist.pdf", data={"q": ids, "top": ids})
    assert response.status_code == 200


def test_more_than_twenty_own_questions_is_a_400_that_says_the_limit(client):
    own = "\n".join(f"Question {n}?" for n in range(21))
    response = client.post("/en/checklist.pdf", data={"own": own})
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    assert "You wrote 21 questions of your own. The limit is 20." in html
    assert "Question 20?</textarea>" in html


def test_an_own_question_over_300_characters_is_a_400_that_says_the_limit(client):
    response = client.post("/en/checklist.pdf", data={"own": "ok?\n" + "a" * 301})
    assert response.status_code == 400
    assert "Your question 2 has 301 characters. The limit is 300 per question." in \
        response.get_data(as_text=True)


def test_empty_lines_do_not_count(client, read_pdf):
    own = "\n".join(["First?"] + [""] * 40 + ["   "] * 5 + ["Second?"])
    response = client.post("/en/checklist.pdf", data={"own": own, "q": "cost"})
    assert response.status_code == 200
    pdf = read_pdf(response.data)
    assert "First?" in pdf and "Second?" in pdf


def test_control_characters_are_dropped(client, read_pdf):
    response = client.post("/en/checklist.pdf", data={"own": "Bell\x07 and\x00 null?",
                                                      "q": "cost"})
    assert response.status_code == 200
    assert "Bell and null?" in read_pdf(response.data)


def test_a_body_over_64_kib_is_a_413_that_says_the_limit(client):
    response = client.post("/en/checklist.pdf", data={"own": "a" * (65 * 1024)})
    assert response.status_code == 413
    assert "larger than 64 KB" in response.get_data(as_text=True)


@pytest.mark.parametrize("paper", ["a3", "legal", "<b>"])
def test_unknown_paper_size_is_a_400(client, paper):
    response = client.get(f"/en/checklist.pdf?q=cost&paper={paper}")
    assert response.status_code == 400
    assert "The paper size must be A4 or Letter." in response.get_data(as_text=True)


def test_wrong_method_is_a_405_page(client):
    response = client.put("/en/checklist.pdf")
    assert response.status_code == 405
    assert "Please start again from the guide." in response.get_data(as_text=True)


@pytest.mark.parametrize("path, status", [("/{lang}/", 200), ("/{lang}/sources", 200),
                                          ("/{lang}/checklist", 400),
                                          ("/{lang}/checklist.pdf", 400)])
def test_raw_bytes_in_a_query_string_are_read_like_percent_escapes(client, lang, path, status):
    # Found by Hypothesis: Werkzeug decodes a raw query string as strict UTF-8, so a server
    # that passes on "?q=\x80" unescaped got a 500 (gunicorn refuses such a request line).
    response = client.get(path.format(lang=lang),
                          environ_overrides={"QUERY_STRING": "q=\x80&country=\xff"})
    assert response.status_code == status
    if status == 400:
        assert "%80" in response.get_data(as_text=True)


def test_a_flood_of_unknown_ids_names_only_the_first_few(client, lang):
    # Found by Hypothesis: each unknown id had its own message, so 64 KiB of ids made a
    # page of about a megabyte.
    body = "&".join(f"q=x{n:05d}x" for n in range(5000))
    response = client.post(f"/{lang}/checklist.pdf", data=body,
                           content_type="application/x-www-form-urlencoded")
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert all(f"x{n:05d}x" in html for n in range(MAX_UNKNOWN_NAMED))
    assert f"x{MAX_UNKNOWN_NAMED:05d}x" not in html
    assert len(response.data) < 200_000


def test_an_id_that_would_turn_the_message_around_is_shown_without_its_controls(client, lang):
    # Found by Hypothesis: ids were quoted with their bidi and control characters, so a link
    # with U+202E in an id printed the rest of the message backwards.
    response = client.get(f"/{lang}/checklist.pdf?q=%E2%80%AEevil%E2%81%A6&country=%1BX")
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert "evil" in html
    assert not {"\u202e", "\u2066", "\x1b"} & set(html)


# The visit companion's fields: every limit is a 400 in the page's language that names it.

def _translated(app, lang, message, **values):
    from flask_babel import gettext
    with app.test_request_context(f"/{lang}/"):
        app.preprocess_request()
        return gettext(message, **values)


def test_an_unknown_also_language_is_a_400_in_the_pages_language(app, client, lang):
    response = client.get(f"/{lang}/checklist.pdf?q=cost&also=xx")
    assert response.status_code == 400
    expected = _translated(app, lang, "This guide cannot print in the language “%(tag)s”. "
                           "Please choose one of the languages in the list.", tag="xx")
    assert expected in response.get_data(as_text=True)


def test_an_unknown_print_size_is_a_400(client):
    response = client.get("/en/checklist.pdf?q=cost&print=huge")
    assert response.status_code == 400
    assert "The print size must be normal or large." in response.get_data(as_text=True)


def test_too_many_treatments_is_a_400_in_the_pages_language(app, client, lang):
    response = client.post(f"/{lang}/checklist.pdf", data={
        "med_name": [f"Medicine {n}" for n in range(13)], "own": "Keep me?"})
    assert response.status_code == 400
    html = response.get_data(as_text=True)
    expected = _translated(app, lang, "You listed %(num)d treatments. The limit is %(max)d. "
                           "Please remove some or join them.", num=13, max=12)
    assert expected in html
    assert "Keep me?</textarea>" in html


def test_an_answer_to_a_question_not_ticked_is_a_400_that_names_it(app, client):
    response = client.post("/en/checklist.pdf", data={"q": "cost",
                                                      "answer-driving": "Next day"})
    assert response.status_code == 400
    with app.test_request_context("/en/"):
        question = str(CATALOG.question("driving").text)
    assert f"You wrote an answer to “{question}”" in html_of(response)


def test_an_over_long_answer_is_a_400_that_names_the_limit(client):
    response = client.post("/en/checklist", data={"q": "cost", "answer-cost": "a" * 1001})
    assert response.status_code == 400
    assert "has 1001 characters. The limit is 1000." in response.get_data(as_text=True)


def test_a_multipart_part_without_a_name_is_ignored(client):
    # Found by Hypothesis: a part named "\r" reaches the form with no name (None), and the
    # answers reader took every name for a string.
    body = (b'--b\r\nContent-Disposition: form-data; name="\r"\r\n\r\nwhy-me\r\n'
            b'--b\r\nContent-Disposition: form-data; name="q"\r\n\r\ncost\r\n--b--\r\n')
    response = client.post("/en/checklist", data=body,
                           content_type="multipart/form-data; boundary=b")
    assert response.status_code == 200


def test_a_flood_of_answers_to_unknown_ids_names_only_the_first_few(client):
    form = {"q": "cost", **{f"answer-x{n:04d}x": "yes" for n in range(200)}}
    response = client.post("/en/checklist.pdf", data=form)
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert html.count("There is no question with the id") == MAX_UNKNOWN_NAMED
