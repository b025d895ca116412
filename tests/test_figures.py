"""Pictures that help a reader act: the treatment day, the two ways, 27 and 18 in 100, on the
guide page in every language, each a <figure> whose words are translated and sourced."""
from __future__ import annotations

import re
from html import escape, unescape

import pytest
from flask_babel import force_locale

from guide.content import CATALOG
from guide.figures import CHANCE_OF_HELP, FIGURES, TREATMENT_DAY, TWO_WAYS
from guide.locales import BY_TAG


def _page(client, lang: str) -> str:
    response = client.get(f"/{lang}/")
    assert response.status_code == 200
    return response.get_data(as_text=True)


def _figure(html: str, figure_id: str) -> str:
    match = re.search(rf'<figure [^>]*id="figure-{figure_id}".*?</figure>', html, re.S)
    assert match, f"figure {figure_id} is missing"
    return match.group(0)


def _translated(app, lang: str, text) -> str:
    with app.test_request_context(f"/{lang}/"), force_locale(BY_TAG[lang].babel):
        return escape(str(text), quote=False)


@pytest.mark.parametrize("figure", FIGURES, ids=lambda f: f.id)
def test_each_figure_stands_in_its_section_with_a_caption(client, lang, figure):
    html = _page(client, lang)
    section = re.search(rf'<fieldset class="section" id="section-{figure.section}">.*?'
                        r'</fieldset>', html, re.S).group(0)
    shown = _figure(section, figure.id)
    assert shown.count("<figcaption") == 1
    assert 'aria-labelledby="figure-' in shown


@pytest.mark.parametrize("figure", FIGURES, ids=lambda f: f.id)
def test_a_figures_words_are_in_the_pages_language(app, client, lang, figure):
    shown = unescape(_figure(_page(client, lang), figure.id))
    words = [figure.caption, *[step.text for step in getattr(figure, "steps", ())]]
    if figure is CHANCE_OF_HELP:
        words.append(figure.title)
    for text in words:
        translated = unescape(_translated(app, lang, text))
        assert translated in shown
        if lang != "en":
            assert translated != str(text), f"not translated into {lang}: {text}"


def test_the_drawings_are_decoration_and_the_words_their_alternative(client, lang):
    html = _page(client, lang)
    for figure in (TREATMENT_DAY, TWO_WAYS):
        shown = _figure(html, figure.id)
        icons = re.findall(r"<svg [^>]*>", shown)
        assert len(icons) == len(figure.steps)
        assert all('aria-hidden="true"' in icon for icon in icons)


def test_the_icon_array_is_an_image_named_by_its_numbers(app, client, lang):
    shown = _figure(_page(client, lang), CHANCE_OF_HELP.id)
    images = re.findall(r'<svg class="people"[^>]*role="img"[^>]*aria-label="([^"]+)"', shown)
    assert len(images) == len(CHANCE_OF_HELP.groups)
    for label, (group, count) in zip(images, CHANCE_OF_HELP.groups):
        assert f"{count}" in unescape(label)
        assert unescape(_translated(app, lang, group)) in unescape(label)


@pytest.mark.parametrize("group", range(len(CHANCE_OF_HELP.groups)))
def test_the_icon_array_fills_as_many_people_as_the_study_found(client, group):
    shown = _figure(_page(client, "en"), CHANCE_OF_HELP.id)
    array = re.findall(r'<svg class="people".*?</svg>', shown, re.S)[group]
    people = re.findall(r"<g [^>]*>", array)
    filled = [p for p in people if 'fill="currentColor"' in p]
    assert len(people) == 100
    assert len(filled) == CHANCE_OF_HELP.groups[group][1]


@pytest.mark.parametrize("lang, first_x", [("en", "0"), ("ar", "90")])
def test_the_icon_array_counts_from_where_a_line_starts(client, lang, first_x):
    shown = _figure(_page(client, lang), CHANCE_OF_HELP.id)
    first = re.search(r'<g transform="translate\((\d+) 0\)" fill="currentColor"', shown)
    assert first.group(1) == first_x


def test_the_treatment_day_is_numbered_steps_in_order(client):
    shown = _figure(_page(client, "en"), TREATMENT_DAY.id)
    assert '<ol class="steps">' in shown
    texts = [str(step.text) for step in TREATMENT_DAY.steps]
    positions = [shown.index(escape(text, quote=False)) for text in texts]
    assert positions == sorted(positions)


@pytest.mark.parametrize("figure", FIGURES, ids=lambda f: f.id)
def test_every_figure_names_its_sources(client, figure):
    shown = _figure(_page(client, "en"), figure.id)
    assert figure.sources
    for sid in figure.sources:
        CATALOG.source(sid)  # a source the Sources page lists
        assert f"#src-{sid}" in shown


def test_figures_fetch_nothing(client, lang):
    for figure in FIGURES:
        shown = _figure(_page(client, lang), figure.id)
        assert "href=" not in re.sub(r'<a href="/[^"]*"', "", shown)
        assert "url(" not in shown and "<image" not in shown and "style=" not in shown
