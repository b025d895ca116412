"""The form reader (guide/checklist.py) on generated input: whatever arrives, it returns
choices that hold only what the guide knows, within the limits, or says what is wrong."""
from __future__ import annotations

import unicodedata

import pytest
from hypothesis import given, strategies as st
from werkzeug.datastructures import MultiDict

from guide.checklist import MAX_TOP, MAX_UNKNOWN_NAMED, PAPERS, Limits, read
from guide.content import CATALOG
from guide.presets import PRESETS
from hostile import BIDI_CONTROLS, LANGS, forms, own_texts

LIMITS = Limits(own_lines=20, own_chars=300)


@pytest.fixture(scope="module")
def in_request(app):
    """Read under a request per language, as the views do (messages are translated)."""
    def enter(lang):
        return app.test_request_context(f"/{lang}/")
    return enter


@given(lang=LANGS, pairs=forms(), with_own=st.booleans())
def test_whatever_is_sent_the_reader_returns_only_what_the_guide_knows(in_request, lang,
                                                                       pairs, with_own):
    form = MultiDict(pairs)
    with in_request(lang):
        choices = read(form, CATALOG, LIMITS, with_own=with_own)
    known = CATALOG.question_ids
    assert choices.questions == [qid for qid in known if qid in choices.questions]
    assert set(choices.top) <= set(known)
    assert choices.paper in (None, *PAPERS)
    assert choices.country is None or (len(choices.country) == 2
                                       and choices.country.isascii()
                                       and choices.country.isupper())
    assert all(isinstance(error, str) and len(error) < 1000 for error in choices.errors)
    if not with_own:
        assert choices.own == [] and choices.own_text == ""


@given(lang=LANGS, pairs=forms(), with_own=st.booleans())
def test_choices_without_errors_are_within_every_limit(in_request, lang, pairs, with_own):
    form = MultiDict(pairs)
    with in_request(lang):
        choices = read(form, CATALOG, LIMITS, with_own=with_own)
    if choices.errors:
        return
    # Ticked: what was asked, what was marked top 3, and any starting set named.
    expected = set(form.getlist("q")) | set(form.getlist("top"))
    for name in form.getlist("preset"):
        expected |= set(PRESETS.get(name, ()))  # an empty name is no set
    assert expected == set(choices.questions)
    assert set(choices.top) <= set(choices.questions)
    assert len(choices.top) <= MAX_TOP
    assert len(choices.own) <= LIMITS.own_lines
    assert all(len(line) <= LIMITS.own_chars for line in choices.own)


@given(lang=LANGS, own=own_texts)
def test_own_questions_keep_the_text_as_typed_and_print_it_clean(in_request, lang, own):
    with in_request(lang):
        choices = read(MultiDict([("own", own)]), CATALOG, LIMITS, with_own=True)
    assert choices.own_text == own  # to fill the form again, to the character
    for line in choices.own:
        assert line == line.strip() and line
        assert line == unicodedata.normalize("NFC", line)
        assert not any(unicodedata.category(c) == "Cc" and c != "\t" for c in line)


@given(lang=LANGS, pairs=forms())
def test_the_messages_about_ids_are_bounded_however_many_are_sent(in_request, lang, pairs):
    form = MultiDict(pairs)
    with in_request(lang):
        choices = read(form, CATALOG, LIMITS, with_own=False)
    # Unknown starting sets and ids named, too many top picks, paper, country, second
    # language, print size.
    assert len(choices.errors) <= MAX_UNKNOWN_NAMED + 5


@given(lang=LANGS, pairs=forms())
def test_no_message_carries_a_control_or_bidi_character_from_the_request(in_request, lang,
                                                                         pairs):
    with in_request(lang):
        choices = read(MultiDict(pairs), CATALOG, LIMITS, with_own=True)
    # The catalogs have none of these: one in a message came from the request.
    for error in choices.errors:
        assert not BIDI_CONTROLS & set(error)
        assert not any(unicodedata.category(c) == "Cc" for c in error)
