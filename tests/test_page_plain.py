"""A plainer guide (issue 12, items 4, 5 and 7), in every language: sources as one small line
instead of numbers in the sentences, background behind "More detail", the schedule at a
glance, care steps written to "you", an "If you feel worse" box on the page and on paper, and
each hard word explained where a printed question first uses it."""
from __future__ import annotations

import re
from html import unescape

import pytest
from flask_babel import force_locale, gettext

from guide.content import CATALOG, FEEL_WORSE, FEEL_WORSE_TITLE, INTRO, SCHEDULE
from guide.locales import BY_TAG


# As test_i18n.py: marks and hamza forms that Arabic text read back from a PDF may lose.
_ARABIC_MARKS = re.compile("[\u064b-\u0652\u0670\u0621\u0623\u0624\u0625\u0626\u0622]")


def _in(app, lang: str, value) -> str:
    """``value`` (a lazy string, or an English msgid) in ``lang``."""
    with app.test_request_context(f"/{lang}/"), force_locale(BY_TAG[lang].babel):
        return gettext(value) if isinstance(value, str) else str(value)


def _page(client, lang: str) -> str:
    return client.get(f"/{lang}/").get_data(as_text=True)


def _text(html: str) -> str:
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]+>", "", html)))


def _block(html: str, start: str, end: str) -> str:
    i = html.index(start)
    return html[i:html.index(end, i)]


# Items 7: less clutter, nothing lost.

def test_no_bracketed_source_number_in_any_sentence(client, lang):
    html = _page(client, lang)
    assert not re.search(r"\[\s*(<[^>]+>\s*)*\d+", html), "a [n] citation is left"
    assert 'class="cite"' not in html


def test_each_sourced_line_ends_in_one_small_sources_link_to_its_entries(client, lang):
    html = _page(client, lang)
    why = _block(html, 'id="why-blood-pressure"', "</p>")
    found = re.findall(r'<span class="source-links">(.*?)</span>', why)
    assert len(found) == 1, "one sources line per why-line"
    linked = re.findall(r'href="/[^"]+/sources#src-([a-z0-9-]+)"', found[0])
    assert linked == list(CATALOG.question("blood-pressure").sources)
    for sid in linked:
        assert f">{CATALOG.source_number(sid)}</a>" in found[0]
    # Every question with sources keeps them all, on the page, one line each.
    for section in CATALOG.sections:
        for q in section.questions:
            line = _block(html, f'id="why-{q.id}"', "</p>")
            assert line.count('class="source-links"') == (1 if q.sources else 0), q.id
            assert all(f"#src-{sid}" in line for sid in q.sources), q.id


def test_the_sources_link_is_labelled_in_the_pages_language(app, client, lang):
    html = _page(client, lang)
    why = _block(html, 'id="why-blood-pressure"', "</p>")
    with app.test_request_context(f"/{lang}/"), force_locale(BY_TAG[lang].babel):
        from flask_babel import ngettext
        label = ngettext("Source:", "Sources:", 2)
    assert f'<span class="source-links">{label} ' in why
    if lang != "en":
        assert label != "Sources:"


def test_background_is_behind_more_detail_and_still_sourced(app, client, lang):
    html = _page(client, lang)
    detail = [p for part in INTRO for p in part.paragraphs if p.detail]
    assert detail, "the 1970 approval and the receptor are background"
    opener = _block(html, '<details class="more">', "</details>")
    assert f"<summary>{_in(app, lang, 'More detail')}</summary>" in opener
    for paragraph in detail:
        text = _in(app, lang, paragraph.text)
        assert text in unescape(opener)
        assert unescape(html).count(text) == 1, "shown once, behind the opener"
        assert all(f"#src-{sid}" in opener for sid in paragraph.sources)
    with app.test_request_context("/en/"):
        english = " ".join(str(p.text) for p in detail)
    assert "1970" in english and "receptor" in english


def test_the_schedule_box_reads_weeks_1_to_4_weeks_5_to_8_after_that(app, client, lang):
    html = _page(client, lang)
    box = _block(html, '<section class="schedule-box"', "</section>")
    assert html.index('id="section-schedule"') < html.index(box) < html.index('id="q-how-often"')
    lines = re.findall(r"<dt>(.*?)</dt><dd>(.*?)</dd>", box)
    assert [(unescape(a), unescape(b)) for a, b in lines] == [
        (_in(app, lang, line.when), _in(app, lang, line.how_often)) for line in SCHEDULE.lines]
    for line in SCHEDULE.lines:
        assert line.sources and all(f"#src-{sid}" in box for sid in line.sources)
    with app.test_request_context("/en/"):
        english = [(str(line.when), str(line.how_often)) for line in SCHEDULE.lines]
    # As in the Spravato label (shared/content-facts.md, 2.4): the treatment-resistant schedule.
    assert english == [("Weeks 1–4", "twice a week"), ("Weeks 5–8", "once a week"),
                       ("After that", "once a week or every 2 weeks")]
    assert {sid for line in SCHEDULE.lines for sid in line.sources} == {"spravato-label"}


def test_the_schedule_is_stated_once_the_questions_below_the_box_do_not_repeat_it(app):
    # The box says when; the why-lines under it add only what the box does not (the
    # translations follow the English sentences, so English is the one to check).
    section, = (s for s in CATALOG.sections if s.id == SCHEDULE.section)
    with app.test_request_context("/en/"):
        why_lines = [str(q.why).lower() for q in section.questions]
        spans = [str(line.when).lower().replace("–", " to ") for line in SCHEDULE.lines]
    assert not [why for why in why_lines for span in spans if span in why]


# Item 5: direct steps and an "If you feel worse" box.

DIRECT = {
    "before-session": "Do not eat for at least 2 hours before your dose.",
    "nasal-sprays": "If you use one, use it at least 1 hour before your Spravato dose",
    "driving": "After Spravato, do not drive until the next day",
    "feel-worse": "Watch for a worse mood or new thoughts of suicide",
}


@pytest.mark.parametrize("qid", DIRECT)
def test_care_steps_are_written_to_you_and_still_sourced(app, client, lang, qid):
    q = CATALOG.question(qid)
    with app.test_request_context("/en/"):
        assert DIRECT[qid] in str(q.why)
    assert q.sources
    line = unescape(_block(_page(client, lang), f'id="why-{qid}"', "</p>"))
    assert _in(app, lang, q.why) in line
    if lang != "en":
        assert _in(app, lang, q.why) != _in(app, "en", q.why)


def _feel_worse_texts(app, lang):
    return [_in(app, lang, FEEL_WORSE_TITLE)] + [_in(app, lang, p.text) for p in FEEL_WORSE]


def test_the_guide_page_has_an_if_you_feel_worse_box(app, client, lang):
    html = _page(client, lang)
    box = unescape(_block(html, '<aside class="feel-worse"', "</aside>"))
    title, *steps = _feel_worse_texts(app, lang)
    assert f'<h2 id="feel-worse-heading">{title}</h2>' in box
    assert all(step in box for step in steps)
    assert "call your clinic that day" in _feel_worse_texts(app, "en")[2]
    # The crisis line is the "Need help now?" box, one link away.
    assert 'href="#crisis-heading"' in box and 'id="crisis-heading"' in html
    assert html.index("feel-worse") < html.index('id="pick-heading"')
    for p in FEEL_WORSE:
        assert all(f"#src-{sid}" in box for sid in p.sources)


def test_every_pdf_has_the_feel_worse_box_before_the_questions(app, client, read_pdf, lang):
    for query in ("", "?q=driving"):
        pdf = read_pdf(client.get(f"/{lang}/checklist.pdf{query}").data)
        first_question = "driving" if query else CATALOG.sections[0].questions[0].id
        question_page = pdf.page_of(_in(app, lang, CATALOG.question(first_question).text)[:15])
        for text in _feel_worse_texts(app, lang):
            if lang == "ar":
                # Arabic comes back from the PDF in visual order: look for its words.
                page = _ARABIC_MARKS.sub("", pdf.pages[0] + pdf.pages[1])
                words = {w.strip("؟،.()“”") for w in _ARABIC_MARKS.sub("", text).split()}
                assert all(w in page for w in words if w), text
            else:
                assert pdf.page_of(text)[0] <= min(question_page + [1]), text
                assert pdf.index(text) < pdf.index(
                    _in(app, lang, CATALOG.question(first_question).text)[:15]), text


def test_the_printable_checklist_page_has_the_feel_worse_box(app, client, lang):
    html = client.get(f"/{lang}/checklist").get_data(as_text=True)
    box = unescape(_block(html, '<aside class="feel-worse"', "</aside>"))
    assert all(text in box for text in _feel_worse_texts(app, lang))
    assert html.index("feel-worse") < html.index('class="question"')


# Item 4: terms explained where they stand.

TERMS = ("trd", "psychosis", "iv", "ect", "spravato", "off-label")


def _note(app, lang, tid):
    term = CATALOG.term(tid)
    return _in(app, lang, term.word), _in(app, lang, term.meaning)


def test_the_whole_guide_pdf_explains_each_term_once_at_its_first_printed_use(
        app, client, read_pdf, lang):
    pdf = read_pdf(client.get(f"/{lang}/checklist.pdf").data)
    printed = [q for s in CATALOG.sections for q in s.questions]
    first = CATALOG.first_uses(printed)
    assert {t.id for terms in first.values() for t in terms} == set(TERMS)
    for qid, terms in first.items():
        for term in terms:
            word, meaning = _note(app, lang, term.id)
            if lang == "ar":
                continue  # visual order: checked by the page's HTML below
            assert pdf.text.count(meaning) == 1, (term.id, "explained once")
            # Its first words: a long question may break its line at a hyphen.
            question = _in(app, lang, CATALOG.question(qid).text)[:20]
            assert pdf.index(question) < pdf.index(meaning), (term.id, "after its question")
    html = client.get(f"/{lang}/checklist").get_data(as_text=True)
    notes = re.findall(r'<span class="term-note">(.*?)</span>', html)
    assert len(notes) == len(TERMS)
    for tid in TERMS:
        word, meaning = _note(app, lang, tid)
        assert sum(unescape(n).count(meaning) for n in notes) == 1, tid


def test_a_chosen_list_explains_the_terms_at_its_own_first_use(app, client, read_pdf):
    # iv-monitoring prints after which-form in the whole guide, but first when chosen alone.
    html = client.get("/en/checklist?q=iv-monitoring&q=driving").get_data(as_text=True)
    item = _block(html, "For IV ketamine, who gives it?", "</li>")
    assert f'<span class="term-note">IV: {_in(app, "en", CATALOG.term("iv").meaning)}</span>' in item
    assert html.count('class="term-note"') == 1
    pdf = read_pdf(client.get("/en/checklist.pdf?q=iv-monitoring&q=driving").data)
    assert "IV: Into a vein." in pdf
    # A top-3 mark prints first, so the word is explained there.
    both = client.get("/en/checklist?q=which-form&q=iv-monitoring&top=iv-monitoring")
    top = _block(both.get_data(as_text=True), "For IV ketamine, who gives it?", "</li>")
    assert "IV: Into a vein." in top


def test_terms_in_questions_are_really_in_those_questions(app):
    with app.test_request_context("/en/"):
        for qid, tids in CATALOG.terms_in_questions.items():
            text = str(CATALOG.question(qid).text).casefold()
            for tid in tids:
                assert str(CATALOG.term(tid).word).casefold() in text, (qid, tid)
        # and no printed question uses one of these words without saying so
        for section in CATALOG.sections:
            for q in section.questions:
                for tid in TERMS:
                    word = str(CATALOG.term(tid).word)
                    if re.search(rf"(?<![A-Za-z]){re.escape(word)}(?![A-Za-z])", str(q.text),
                                 re.IGNORECASE):
                        assert tid in CATALOG.terms_in_questions.get(q.id, ()), (q.id, tid)


def test_on_the_page_the_new_words_link_to_their_glossary_entry_once(app, client, lang):
    html = _page(client, lang)
    for tid in ("iv", "spravato", "label"):
        assert html.count(f'<a class="term" href="#word-{tid}">') == 1, tid
        assert f'<dfn id="word-{tid}">{_in(app, lang, CATALOG.term(tid).word)}</dfn>' in html
        term = CATALOG.term(tid)
        assert term.sources and all(CATALOG.source(sid) for sid in term.sources)
    # the first why-line that uses each word holds the link
    assert '<a class="term" href="#word-spravato">' in _block(html, 'id="why-lungs-liver"', "</p>")
    assert '<a class="term" href="#word-iv">' in _block(html, 'id="why-how-long-effect"', "</p>")


def test_a_word_in_latin_letters_is_linked_where_a_word_starts(app):
    from guide.views import with_terms
    with app.test_request_context("/en/"):
        html = str(with_terms("We give it by IV.", ("iv",)))
    assert html == 'We give it by <a class="term" href="#word-iv">IV</a>.'
