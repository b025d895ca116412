"""Every route on generated hostile requests: never a 5xx and never a traceback in the log;
a form that fails validation comes back with everything the person chose and typed, as
escaped text; a body over the limit is a 413.

The form-reading path is the same for the page and the PDF (views._read_choices), so most
examples go to the page routes; the PDF routes get fewer, and render for real.
"""
from __future__ import annotations

import io
import logging
import unicodedata
from urllib.parse import quote

import pytest
from hypothesis import HealthCheck, given, settings, strategies as st
from flask_babel import gettext
from markupsafe import escape
from werkzeug.datastructures import MultiDict

from guide.content import CATALOG
from guide.presets import PRESETS
from hostile import (BIDI_CONTROLS, CONTENT_TYPES, LANGS, accept_languages, forms,
                     json_values, raw_pairs, texts)

# caplog is one per test, not per example: each example clears it before its request.
uses_caplog = settings(suppress_health_check=[HealthCheck.function_scoped_fixture])
# A PDF takes a render process a good fraction of a second: fewer examples there.
renders_pdfs = settings(max_examples=20,
                        suppress_health_check=[HealthCheck.function_scoped_fixture])

PAGES = st.sampled_from(["/{lang}/", "/{lang}/sources", "/{lang}/checklist", "/",
                         "/{lang}/no-such-page", "/{lang}/manifest.webmanifest"])
POSTS = st.sampled_from(["/{lang}/checklist", "/{lang}/", "/", "/{lang}/sources"])
MINE = "zq-mine-7"  # in every own text, so the log can be searched for it


@pytest.fixture
def handled(caplog):
    """Checks that a response is an answer, not a failure: below 500, with the usual
    headers, and nothing at ERROR (no traceback) in the log."""
    caplog.set_level(logging.INFO)

    def check(response, *statuses):
        assert response.status_code < 500, response.get_data(as_text=True)[:500]
        if statuses:
            assert response.status_code in statuses
        assert response.headers["Content-Security-Policy"].startswith("default-src 'none'")
        assert response.headers["X-Content-Type-Options"] == "nosniff"
        assert not [r for r in caplog.records if r.levelno >= logging.ERROR], caplog.text
        assert "Traceback" not in caplog.text
        assert MINE not in caplog.text
        return response

    check.clear = caplog.clear
    return check


def _raw_query(raw: bytes) -> dict:
    # As a server hands it over: the bytes as sent, invalid UTF-8 and all.
    return {"environ_overrides": {"QUERY_STRING": raw.decode("latin-1")}}


@uses_caplog
@given(lang=LANGS, path=PAGES, query=raw_pairs, accept=accept_languages)
def test_any_query_string_on_a_page_is_answered(app, handled, lang, path, query, accept):
    handled.clear()
    response = app.test_client().get(path.format(lang=lang), headers={
        "Accept-Language": accept}, **_raw_query(query))
    handled(response, 200, 302, 400, 404)


@renders_pdfs
@given(lang=LANGS, query=raw_pairs)
def test_any_query_string_on_the_pdf_is_answered(app, handled, lang, query):
    handled.clear()
    response = app.test_client().get(f"/{lang}/checklist.pdf", **_raw_query(query))
    handled(response, 200, 400)
    if response.status_code == 200:
        assert response.data.startswith(b"%PDF-")


@uses_caplog
@given(lang=LANGS, segments=st.lists(st.one_of(texts, st.binary(max_size=8)), min_size=1,
                                     max_size=4))
def test_any_path_is_answered(app, handled, lang, segments):
    handled.clear()
    parts = [quote(s, safe="") if isinstance(s, str) else s.decode("latin-1")
             for s in segments]
    path = "/" + "/".join([lang, *parts])
    response = app.test_client().get("/", environ_overrides={"PATH_INFO": path})
    handled(response)


@uses_caplog
@given(lang=LANGS, path=POSTS, body=st.one_of(raw_pairs, st.binary(max_size=200)),
       content_type=CONTENT_TYPES)
def test_any_body_of_any_type_is_answered(app, handled, lang, path, body, content_type):
    handled.clear()
    response = app.test_client().post(path.format(lang=lang), data=body,
                                      content_type=content_type)
    handled(response, 200, 400, 405)


@renders_pdfs
@given(lang=LANGS, body=st.one_of(raw_pairs, st.binary(max_size=200)),
       content_type=CONTENT_TYPES)
def test_any_body_of_any_type_on_the_pdf_is_answered(app, handled, lang, body, content_type):
    handled.clear()
    response = app.test_client().post(f"/{lang}/checklist.pdf", data=body,
                                      content_type=content_type)
    handled(response, 200, 400)


@uses_caplog
@given(lang=LANGS, value=json_values)
def test_a_json_body_is_answered(app, handled, lang, value):
    handled.clear()
    handled(app.test_client().post(f"/{lang}/checklist", json=value), 200, 400)


@uses_caplog
@given(lang=LANGS, pairs=forms(), files=st.lists(
    st.tuples(st.sampled_from(["q", "top", "own", "paper", "country", "file"]),
              st.binary(max_size=64), texts),
    min_size=1, max_size=3))
def test_a_multipart_form_with_files_is_answered(app, handled, lang, pairs, files):
    handled.clear()
    data = MultiDict(pairs)
    for name, content, filename in files:
        data.add(name, (io.BytesIO(content), filename))
    response = app.test_client().post(f"/{lang}/checklist", data=data,
                                      content_type="multipart/form-data")
    handled(response, 200, 400)


@uses_caplog
@given(lang=LANGS, path=st.sampled_from(["/{lang}/checklist", "/{lang}/checklist.pdf"]),
       size=st.integers(64 * 1024 + 1, 256 * 1024),
       kind=st.sampled_from(["form", "multipart", "json", "raw"]))
def test_a_body_over_64_kib_is_a_413_whatever_its_type(app, handled, lang, path, size, kind):
    handled.clear()
    text = MINE + "a" * size
    client = app.test_client()
    url = path.format(lang=lang)
    if kind == "form":
        response = client.post(url, data={"q": "cost", "own": text})
    elif kind == "multipart":
        response = client.post(url, data={"own": text}, content_type="multipart/form-data")
    elif kind == "json":
        response = client.post(url, json={"own": text})
    else:
        response = client.post(url, data=text.encode(), content_type="application/octet-stream")
    handled(response, 413)
    with app.test_request_context(url):
        assert escape(gettext("Too much text")) in response.get_data(as_text=True)


def _assert_shown_back(html: str, pairs: list[tuple[str, str]]) -> None:
    """The guide page again, with the person's ticks, top three, paper and own text, all as
    escaped text."""
    form = MultiDict(pairs)
    assert 'role="alert"' in html
    # A top-3 mark ticks its question, and a starting set its questions.
    asked = set(form.getlist("q") + form.getlist("top"))
    for name in form.getlist("preset"):
        asked |= set(PRESETS.get(name, ()))
    for qid in CATALOG.question_ids:
        ticked = f'name="q" value="{qid}" aria-describedby="why-{qid}" checked'
        assert (ticked in html) == (qid in asked), qid
        top = f'name="top" value="{qid}" checked'
        assert (top in html) == (qid in form.getlist("top")), qid
    own = form.get("own")
    if own is not None:
        assert f'aria-describedby="own-hint">{escape(own)}</textarea>' in html
    paper = (form.get("paper") or "").strip().lower()
    if paper in ("a4", "letter"):
        assert f'value="{paper}" checked' in html
    # Never markup, wherever it is shown: the unknown id in the message, the own text.
    assert "-<s>" not in html and "-&lt;s&gt;" in html
    assert f"<i>{MINE}" not in html


@uses_caplog
@given(lang=LANGS, pairs=forms(unknown_id=True))
def test_a_form_that_fails_is_shown_again_with_what_was_typed(app, handled, lang, pairs):
    handled.clear()
    pairs = [(n, f"{v}<i>{MINE}" if n == "own" else v) for n, v in pairs]
    response = app.test_client().post(f"/{lang}/checklist", data=MultiDict(pairs))
    handled(response, 400, 413)  # two long own texts can pass 64 KiB
    if response.status_code == 400:
        _assert_shown_back(response.get_data(as_text=True), pairs)


@settings(max_examples=40, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(lang=LANGS, pairs=forms(unknown_id=True))
def test_a_pdf_form_that_fails_is_shown_again_with_what_was_typed(app, handled, lang, pairs):
    handled.clear()
    pairs = [(n, f"{v}<i>{MINE}" if n == "own" else v) for n, v in pairs]
    response = app.test_client().post(f"/{lang}/checklist.pdf", data=MultiDict(pairs))
    handled(response, 400, 413)
    if response.status_code == 400:
        _assert_shown_back(response.get_data(as_text=True), pairs)


@uses_caplog
@given(lang=LANGS, path=st.sampled_from(["/{lang}/checklist", "/{lang}/checklist.pdf"]),
       qid=texts.filter(lambda text: not CATALOG.has_question(text)))
def test_a_link_with_an_unknown_id_names_it_as_text(app, handled, lang, path, qid):
    handled.clear()
    response = app.test_client().get(path.format(lang=lang), query_string={"q": qid})
    handled(response, 400)
    # Named without the characters that could hide it or turn the sentence around.
    shown = "".join(c for c in qid
                    if unicodedata.category(c) != "Cc" and c not in BIDI_CONTROLS)
    assert str(escape(shown)) in response.get_data(as_text=True)


@st.composite
def valid_forms(draw):
    """A form the guide accepts, with own questions made of any characters."""
    qids = draw(st.lists(st.sampled_from(CATALOG.question_ids), max_size=6, unique=True))
    top = draw(st.lists(st.sampled_from(qids), max_size=3, unique=True)) if qids else []
    lines = draw(st.lists(texts, max_size=8))
    own = "\n".join([*lines, f"Mine {MINE}?"])
    paper = draw(st.sampled_from(["a4", "letter", ""]))
    return [*(("q", q) for q in qids), *(("top", t) for t in top), ("own", own),
            ("paper", paper)]


@renders_pdfs
@given(lang=LANGS, pairs=valid_forms())
def test_own_questions_of_any_characters_print(app, handled, read_pdf, lang, pairs):
    handled.clear()
    client = app.test_client()
    response = client.post(f"/{lang}/checklist.pdf", data=MultiDict(pairs))
    handled(response, 200)
    assert read_pdf(response.data).pages
    # The words are checked on the printable page, made from the same template: pypdf
    # garbles a font's text once a character has no glyph in it (poppler reads it right).
    page = handled(client.post(f"/{lang}/checklist", data=MultiDict(pairs)), 200)
    html = page.get_data(as_text=True)
    for line in MultiDict(pairs)["own"].splitlines():
        if line.strip() and line.isprintable():
            assert str(escape(unicodedata.normalize("NFC", line).strip())) in html


@given(lang=LANGS, path=st.sampled_from(["/{lang}/", "/{lang}/sources"]),
       query=raw_pairs.filter(lambda raw: b"country" not in raw.lower()
                              and b"preset=" not in raw.lower()))
def test_a_query_string_without_a_country_or_a_set_changes_nothing_and_fills_no_cache(
        app, lang, path, query):
    client, cache = app.test_client(), app.extensions["page_cache"]
    url = path.format(lang=lang)
    plain = client.get(url).data
    entries = len(cache)
    assert client.get(url, **_raw_query(query)).data == plain
    assert len(cache) == entries
