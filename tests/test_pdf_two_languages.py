"""Two languages on one sheet (also=<tag>): the guide's words in the page's language with the
second language beneath, in the guide's order; the person's own text once, as typed."""
from __future__ import annotations

import pytest
from flask_babel import force_locale

from guide.content import CATALOG
from guide.locales import BY_TAG, LOCALES

CHOSEN = ["driving", "why-me", "cost"]  # driving is a top question: it prints first
FONT = {"ar": "Noto-Sans-Arabic", "zh-Hans": "Noto-Sans-SC"}


def _partner(tag: str) -> str:
    """Every language with one that differs from it in script or direction where it can."""
    return {"en": "es", "es": "zh-Hans", "fr": "ar", "de": "pt-BR", "pt-BR": "en",
            "ar": "zh-Hans", "zh-Hans": "ar"}[tag]


PAIRS = [(loc.tag, _partner(loc.tag)) for loc in LOCALES] + [("en", "ar"), ("ar", "en"),
                                                              ("zh-Hans", "en")]


def words(app, tag):
    """The texts the checklist doubles, in the order it prints them, in language ``tag``."""
    with app.test_request_context(f"/{tag}/"), force_locale(BY_TAG[tag].babel):
        from flask_babel import gettext
        texts = [gettext("My most important questions"), str(CATALOG.question("driving").text)]
        for qid in ("why-me", "cost"):
            title = str(CATALOG.section_of(qid).title)
            if title not in texts:
                texts.append(title)
            texts.append(str(CATALOG.question(qid).text))
        return [gettext("Need help now?")] + texts


def key(text: str) -> str:
    # A question's closing mark can read back differently in Arabic ("؟" as "?"): compare
    # the start of each text, long enough to be unique in the checklist.
    return text[:18]


@pytest.mark.parametrize("lang, also", PAIRS, ids=lambda v: v)
def test_each_text_prints_in_both_languages_the_second_beneath(app, client, read_pdf, lang,
                                                                also):
    response = client.get(f"/{lang}/checklist.pdf?" + "&".join(f"q={q}" for q in CHOSEN)
                          + f"&top=driving&also={also}")
    assert response.status_code == 200
    pdf = read_pdf(response.data)
    visual = pdf.visual_text
    positions = []
    for first, second in zip(words(app, lang), words(app, also)):
        for tag, text in ((lang, first), (also, second)):
            assert key(text) in pdf, (tag, text)
            if BY_TAG[tag].direction == "ltr":  # right-to-left reads backwards in layout
                positions.append(visual.index(key(text)))
    assert positions == sorted(positions), "each text, then its translation, in order"
    for tag in (lang, also):
        if tag in FONT:
            assert any(name.startswith(FONT[tag]) for name in pdf.fonts), (tag, pdf.fonts)


@pytest.mark.parametrize("lang, also", PAIRS, ids=lambda v: v)
def test_each_second_language_line_carries_its_own_lang_and_dir(app, client, lang, also):
    html = client.get(f"/{lang}/checklist?q=cost&also={also}").get_data(as_text=True)
    loc = BY_TAG[also]
    # The order of the page (what the PDF lays out top to bottom), right-to-left included.
    positions = []
    for first, second in zip(words(app, lang)[2:], words(app, also)[2:]):
        if first in html:  # "cost" only: no top question, one section
            positions += [html.index(first), html.index(second)]
    assert len(positions) == 4 and positions == sorted(positions)
    # The page's direction is inherited: dir only where the second language's differs.
    differs = loc.direction != BY_TAG[lang].direction
    mark = f'class="also" lang="{loc.tag}"' + (f' dir="{loc.direction}"' if differs else ">")
    # The main title, the crisis heading, the section title and the question.
    assert html.count(mark) >= 4
    assert f'<html lang="{lang}" dir="{BY_TAG[lang].direction}"' in html
    assert f'class="crisis-text also" lang="{loc.tag}" dir="{loc.direction}"' in html


def test_the_persons_own_text_prints_once_as_typed(client, read_pdf):
    response = client.post("/en/checklist.pdf", data={
        "q": ["cost"], "also": "es", "own": "Can my dog come?",
        "answer-cost": "About 600 dollars", "med_name": "Sertraline"})
    assert response.status_code == 200
    pdf = read_pdf(response.data)
    for typed in ("Can my dog come?", "About 600 dollars", "Sertraline"):
        assert pdf.text.count(typed) == 1, typed
    assert "Tratamientos que he probado" in pdf and "Treatments I have tried" in pdf


@pytest.mark.parametrize("lang", [loc.tag for loc in LOCALES])
def test_also_in_the_pages_own_language_prints_one_language(app, client, read_pdf, lang):
    both = client.get(f"/{lang}/checklist.pdf?q=cost&also={lang}")
    one = client.get(f"/{lang}/checklist.pdf?q=cost")
    assert both.status_code == 200
    assert read_pdf(both.data).text == read_pdf(one.data).text
    assert both.headers["ETag"] == one.headers["ETag"], "the same PDF, cached once"


def test_a_post_prints_two_languages_too(app, client, read_pdf):
    pdf = read_pdf(client.post("/de/checklist.pdf", data={"q": "cost", "also": "fr"}).data)
    with app.test_request_context("/fr/"), force_locale("fr"):
        french = str(CATALOG.question("cost").text)
    assert pdf.index(key(french)) > 0
