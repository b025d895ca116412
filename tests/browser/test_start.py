"""A lighter start in a real browser: the starting set ticks six questions, with JavaScript
and without; a top-3 mark ticks its question."""
from __future__ import annotations

from guide.presets import PRESETS

CHECKED = "Array.from(document.querySelectorAll('input[name=q]:checked'), i => i.value)"


def test_the_starting_set_ticks_its_questions_and_is_kept(context, server):
    page = context.new_page()
    page.goto(server.url + "/en/")
    page.click("#start-set")
    assert sorted(page.evaluate(CHECKED)) == sorted(PRESETS["start"])
    assert "6 key questions are ticked" in page.text_content("#start-set-status")
    page.uncheck("#q-cost")  # the person can change the set
    page.reload()
    assert sorted(page.evaluate(CHECKED)) == sorted(set(PRESETS["start"]) - {"cost"})


def test_the_starting_set_works_without_javascript(browser, server):
    context = browser.new_context(java_script_enabled=False, locale="en-US")
    try:
        page = context.new_page()
        page.goto(server.url + "/ar/")
        page.click("#start-set")
        page.wait_for_url("**/ar/?preset=start#pick-heading")
        assert sorted(page.evaluate(CHECKED)) == sorted(PRESETS["start"])
    finally:
        context.close()


def test_a_top_3_mark_shows_before_a_tick_and_ticks_its_question(context, server):
    page = context.new_page()
    page.goto(server.url + "/en/")
    assert page.is_visible("#top-driving")
    page.check("#top-driving")
    assert page.is_checked("#q-driving")
    page.uncheck("#q-driving")
    assert not page.is_checked("#top-driving")
