"""A lighter start: a starting set of questions, ticked on the page or printed as a PDF."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from flask_babel import force_locale

from guide.content import CATALOG
from guide.locales import BY_TAG
from guide.presets import PRESETS
from test_pdf_text_layer import reads_back_with_pypdf, with_pypdf

START = PRESETS["start"]


def _texts(app, lang: str, ids) -> list[str]:
    with app.test_request_context(f"/{lang}/"), force_locale(BY_TAG[lang].babel):
        return [str(CATALOG.question(qid).text) for qid in ids]


def test_starting_sets_use_published_question_ids_only():
    published = set(Path(__file__).with_name("published_question_ids.txt").read_text().split())
    for name, ids in PRESETS.items():
        assert set(ids) <= published, name
    assert len(START) == 6


def test_the_start_pdf_holds_exactly_the_starting_set(app, client, lang):
    response = client.get(f"/{lang}/checklist.pdf?preset=start")
    assert response.status_code == 200
    text = with_pypdf(response.data)
    others = [qid for qid in CATALOG.question_ids if qid not in START]
    assert all(reads_back_with_pypdf(q, text) for q in _texts(app, lang, START))
    assert not [q for q in _texts(app, lang, others) if reads_back_with_pypdf(q, text)]


def test_the_start_link_shows_the_guide_with_the_set_ticked(client, lang):
    response = client.get(f"/{lang}/?preset=start")
    assert response.status_code == 200
    ticked = re.findall(r'name="q" value="([^"]+)"[^>]*checked', response.get_data(as_text=True))
    assert sorted(ticked) == sorted(START)


def test_the_guide_offers_the_starting_set(client, lang):
    html = client.get(f"/{lang}/").get_data(as_text=True)
    link = re.search(r'<a class="button" id="start-set" href="([^"]+)" '
                     r'data-questions="([^"]+)">', html)
    assert link.group(1) == f"/{lang}/?preset=start#pick-heading"
    assert link.group(2).split() == list(START)
    assert not re.findall(r'name="q" value="[^"]+"[^>]*checked', html)


@pytest.mark.parametrize("path", ["/en/checklist.pdf?preset=first-date",
                                  "/en/?preset=first-date"])
def test_an_unknown_starting_set_is_a_400_that_names_it(client, path):
    response = client.get(path)
    assert response.status_code == 400
    assert "There is no starting set called “first-date”" in response.get_data(as_text=True)


def test_a_starting_set_adds_to_the_questions_already_asked(app, client):
    text = with_pypdf(client.get("/en/checklist.pdf?preset=start&q=driving").data)
    assert all(reads_back_with_pypdf(q, text) for q in _texts(app, "en", (*START, "driving")))


@pytest.mark.parametrize("query", ["preset=", "preset", "preset=%20"])
def test_an_empty_starting_set_is_no_starting_set(client, query):
    assert client.get(f"/en/?{query}").data == client.get("/en/").data
    assert client.get(f"/en/checklist.pdf?{query}").status_code == 200
