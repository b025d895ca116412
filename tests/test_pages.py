"""The pages: the guide, its form, the sources, the redirect, health and not-found."""
from __future__ import annotations

import re
from html import escape
from html.parser import HTMLParser

import pytest

from guide.content import CATALOG, CONTENT_VERSION, SECTIONS, SOURCES
from guide.crisis import LINES
from guide.locales import BY_TAG, LOCALES


class Elements(HTMLParser):
    """Every start tag with its attributes, and the text of each label by its ``for``."""

    def __init__(self, html: str):
        super().__init__()
        self.tags: list[tuple[str, dict]] = []
        self.labels: dict[str, str] = {}
        self._label = None
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        self.tags.append((tag, attrs))
        if tag == "label":
            self._label = attrs.get("for")
            self.labels[self._label] = ""

    def handle_endtag(self, tag):
        if tag == "label":
            self._label = None

    def handle_data(self, data):
        if self._label:
            self.labels[self._label] += data

    def find(self, tag, **attrs):
        return [a for t, a in self.tags if t == tag
                and all(a.get(k.rstrip("_")) == v for k, v in attrs.items())]


@pytest.mark.parametrize("accept, expected", [
    (None, "/en/"),
    ("en-GB,en;q=0.8", "/en/"),
    ("tlh;q=0.9", "/en/"),
])
def test_root_redirects_to_the_best_language(client, accept, expected):
    headers = {"Accept-Language": accept} if accept else {}
    response = client.get("/", headers=headers)
    assert response.status_code == 302
    assert response.headers["Location"] == expected
    assert "Accept-Language" in response.headers["Vary"]


def test_guide_page_has_lang_dir_and_the_crisis_line(client, lang):
    html = client.get(f"/{lang}/").get_data(as_text=True)
    loc = BY_TAG[lang]
    assert f'<html lang="{lang}" dir="{loc.direction}">' in html
    line = LINES.get(loc.crisis_country)
    if line:
        assert f'href="tel:{line.number.replace(" ", "")}"' in html
    assert 'class="crisis"' in html


def test_guide_page_has_one_labelled_checkbox_per_question(client):
    page = Elements(client.get("/en/").get_data(as_text=True))
    boxes = page.find("input", type="checkbox", name="q")
    assert [b["value"] for b in boxes] == list(CATALOG.question_ids)
    for box in boxes:
        label = page.labels[box["id"]].strip()
        assert label == str(CATALOG.question(box["value"]).text)


def test_guide_page_offers_top_three_own_questions_paper_and_both_buttons(client):
    page = Elements(client.get("/en/").get_data(as_text=True))
    tops = page.find("input", type="checkbox", name="top")
    assert [t["value"] for t in tops] == list(CATALOG.question_ids)
    assert all(page.labels[t["id"]].strip() for t in tops)
    assert page.find("textarea", name="own", id="own") and page.labels["own"].strip()
    assert {r["value"] for r in page.find("input", type="radio", name="paper")} == {"a4", "letter"}
    form = page.find("form", method="post", action="/en/checklist.pdf")
    assert form
    buttons = page.find("button", type="submit")
    assert any(b.get("class") == "primary" and "formaction" not in b for b in buttons)
    assert any(b.get("formaction") == "/en/checklist" for b in buttons)
    assert page.find("a", href="/en/checklist.pdf")


def test_guide_page_groups_questions_in_fieldsets_with_legends(client):
    html = client.get("/en/").get_data(as_text=True)
    # Plus own questions, treatments, paper and printing; three treatment rows, and the
    # template a new row is made from.
    assert html.count("<fieldset") == len(SECTIONS) + 4 + 3 + 1
    assert html.count("<legend") == html.count("<fieldset")
    for section in SECTIONS:
        assert str(section.title) in html


def test_guide_page_uses_no_inline_script_or_style(client):
    page = Elements(client.get("/en/").get_data(as_text=True))
    assert all(attrs.get("src") for attrs in page.find("script"))
    assert not page.find("style")
    assert not any("style" in attrs or any(k.startswith("on") for k in attrs)
                   for _, attrs in page.tags)


def test_sources_page_lists_every_source_with_an_anchor(client, lang):
    response = client.get(f"/{lang}/sources")
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    for source in SOURCES:
        assert f'id="src-{source.id}"' in html
        for url in ((source.url,) if source.url else ()) + source.also:
            assert escape(url) in html


# Secondary pages that edition 1.0.0 cited; each was replaced by the primary source.
SECONDARY_HOSTS = ("wikipedia.org", "silive.com", "pillsync.com", "drugs.com",
                   "beckershospitalreview.com", "163.com", "almomento.mx", "domradio.de",
                   "claudia.abril.com.br", "globalnews.ca", "//dev2.")


def test_no_source_is_a_secondary_page(client, lang):
    html = client.get(f"/{lang}/sources").get_data(as_text=True)
    found = [host for host in SECONDARY_HOSTS if host in html]
    assert not found, found


def test_the_sources_page_says_what_changed_in_this_edition(client, lang):
    from guide.content import CHANGES, PREVIOUS_VERSION
    html = client.get(f"/{lang}/sources").get_data(as_text=True)
    assert 'id="changes"' in html
    section = html.split('id="changes"')[1].split("</section>")[0]
    assert section.count("<li>") == len(CHANGES) >= 5
    assert PREVIOUS_VERSION in section and CONTENT_VERSION in section


NEW_IN_2_0 = ["iv-monitoring", "blood-pressure-first", "medicines-blunt", "trauma-panic",
              "lungs-liver", "nasal-sprays", "older-adult", "care-plan", "consent",
              "missed-session"]


def test_the_new_questions_are_on_the_guide_page(client, lang):
    page = Elements(client.get(f"/{lang}/").get_data(as_text=True))
    values = [b["value"] for b in page.find("input", type="checkbox", name="q")]
    for qid in NEW_IN_2_0:
        assert qid in values
        assert page.labels[f"q-{qid}"].strip()


def test_the_guide_page_has_the_words_to_know_with_a_dfn_for_each(client, lang):
    from guide.content import GLOSSARY
    html = client.get(f"/{lang}/").get_data(as_text=True)
    assert '<section class="words" id="words"' in html
    for term in GLOSSARY:
        match = re.search(rf'<dfn id="word-{term.id}">([^<]*)</dfn>', html)
        assert match and match[1].strip(), term.id
        assert f'href="#word-{term.id}"' in html, f"nothing links to {term.id}"


def test_every_citation_in_the_guide_links_to_a_listed_source(client):
    page = Elements(client.get("/en/").get_data(as_text=True))
    anchors = {a["href"].split("#", 1)[1] for a in page.find("a") if "#src-" in a.get("href", "")}
    assert anchors and anchors <= {f"src-{s.id}" for s in SOURCES}


def test_guide_shows_version_review_date_and_not_advice(client):
    html = client.get("/en/").get_data(as_text=True)
    assert "Guide version 2.1.0, last reviewed December 4, 2026." in html
    assert "This guide does not give medical advice." in html


def test_healthz_reports_ok_as_json(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.get_json()["status"] == "ok"
    assert response.get_json()["content_version"] == CONTENT_VERSION


@pytest.mark.parametrize("path", ["/xx/", "/xx/checklist.pdf", "/EN/", "/en/nope", "/nope"])
def test_unknown_language_or_page_is_a_404_with_links_to_the_guide(client, path):
    response = client.get(path, follow_redirects=True)
    assert response.status_code == 404
    page = Elements(response.get_data(as_text=True))
    for loc in LOCALES:
        assert page.find("a", href=f"/{loc.tag}/", hreflang=loc.tag)
    assert 'class="crisis"' in response.get_data(as_text=True)


def test_printable_checklist_page_shows_the_choice(client):
    response = client.post("/en/checklist", data={"q": ["driving"], "own": "My own <b>one</b>"})
    html = response.get_data(as_text=True)
    assert response.status_code == 200
    assert str(CATALOG.question("driving").text) in html
    assert str(CATALOG.question("pregnancy").text) not in html
    assert "My own &lt;b&gt;one&lt;/b&gt;" in html


def test_readme_table_of_languages_matches_the_locale_list():
    from guide import ROOT
    from guide.locales import markdown_table
    readme = (ROOT / "README.md").read_text()
    table = readme.split("<!-- languages:start -->\n")[1].split("\n<!-- languages:end -->")[0]
    assert table == markdown_table(), "paste guide.locales.markdown_table() into README.md"


def test_words_to_know_are_linked_from_escaped_text(app):
    from guide.views import with_terms
    with app.test_request_context("/en/"):
        html = str(with_terms("In großen <b>studies</b>, ect & a Placebo.", ("ect", "placebo")))
        missing = str(with_terms("Nothing to find here.", ("maoi",)))
    assert "&lt;b&gt;studies&lt;/b&gt;" in html and "&amp;" in html  # text stays text
    assert '<a class="term" href="#word-ect">ect</a>' in html  # letter case aside, as written
    assert '<a class="term" href="#word-placebo">Placebo</a>' in html
    assert missing == ('Nothing to find here. (<a class="term" href="#word-maoi">MAOI</a>)')


def test_each_word_to_know_is_linked_once_from_the_questions(client, lang):
    from guide.content import GLOSSARY
    html = client.get(f"/{lang}/").get_data(as_text=True)
    for term in GLOSSARY:
        assert html.count(f'<a class="term" href="#word-{term.id}">') == 1, term.id
