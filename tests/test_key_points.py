"""Key points: the guide in a few short lines under the page title, in every language, each
resting on sources the guide already cites for the sentences it sums up."""
from __future__ import annotations

import re
from html import unescape

import textstat
from flask_babel import force_locale

from guide.content import INTRO, KEY_POINTS, SECTIONS
from guide.locales import BY_TAG


def _key_points(client, lang: str) -> str:
    html = client.get(f"/{lang}/").get_data(as_text=True)
    match = re.search(r'</h1>\s*<section id="key-points".*?</section>', html, re.S)
    assert match, "the key points follow the page title"
    return unescape(match.group(0))


def test_three_to_six_key_points_under_the_title(client, lang):
    section = _key_points(client, lang)
    assert 3 <= section.count("<li>") == len(KEY_POINTS) <= 6


def test_key_points_are_in_the_pages_language(app, client, lang):
    section = _key_points(client, lang)
    with app.test_request_context(f"/{lang}/"):
        with force_locale(BY_TAG[lang].babel):
            shown = [str(point.text) for point in KEY_POINTS]
        with force_locale("en"):
            english = [str(point.text) for point in KEY_POINTS]
    assert all(text in section for text in shown)
    if lang != "en":
        assert not set(shown) & set(english), "a key point is not translated"


def test_each_key_point_rests_on_sources_the_guide_cites_for_it():
    cited = {sid for part in INTRO for p in part.paragraphs for sid in p.sources}
    cited |= {sid for s in SECTIONS for q in s.questions for sid in q.sources}
    for point in KEY_POINTS:
        assert point.sources and set(point.sources) <= cited, str(point.text)


def test_key_points_are_plain(app):
    with app.test_request_context("/en/"):
        for point in KEY_POINTS:
            assert textstat.flesch_kincaid_grade(str(point.text)) <= 8, str(point.text)
