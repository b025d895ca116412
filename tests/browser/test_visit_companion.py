"""The visit companion in a real browser: treatment rows, the visit screen offline, Share,
and the count that stays in view."""
from __future__ import annotations

import io

from pypdf import PdfReader


def downloaded_text(download) -> str:
    with open(download.path(), "rb") as f:
        data = f.read()
    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def form_values(page, name):
    # The <template> a new row is made from holds inputs too, but no document query sees them.
    return page.eval_on_selector_all(f'#treatment-rows input[name="{name}"]',
                                     "els => els.map(e => e.value)")


def test_treatment_rows_are_added_removed_and_kept_on_the_device(context, server):
    page = context.new_page()
    page.goto(server.url + "/en/")
    assert page.locator("#treatment-rows > li").count() == 3
    page.fill("#med_name-1", "Sertraline")
    page.fill("#med_dose-1", "100 mg")
    page.fill("#med_name-2", "Removed later")
    page.click("#add-treatment")
    assert page.evaluate("document.activeElement.id") == "med_name-4", "focus on the new row"
    page.keyboard.type("Bupropion")
    page.locator("#treatment-rows > li").nth(1).locator(".remove-row").click()
    assert form_values(page, "med_name") == ["Sertraline", "", "Bupropion"]
    assert page.locator("#treatment-rows .row-number").all_inner_texts() == ["1", "2", "3"]
    page.select_option("#also", "es")
    page.check("#print-large")

    page.reload()
    assert form_values(page, "med_name") == ["Sertraline", "Bupropion", ""], \
        "kept, with one empty row to spare"
    assert form_values(page, "med_dose")[0] == "100 mg"
    assert page.input_value("#also") == "es" and page.is_checked("#print-large")

    with page.expect_download() as download:
        page.click("button[data-action=download]")
    text = downloaded_text(download.value)
    assert "Sertraline" in text and "Bupropion" in text and "Removed later" not in text
    assert "Tratamientos que he probado" in text, "the second language came along"


def test_no_more_than_twelve_rows_can_be_added(context, server):
    page = context.new_page()
    page.goto(server.url + "/en/")
    for _ in range(12):
        if page.is_disabled("#add-treatment"):
            break
        page.click("#add-treatment")
    assert page.locator("#treatment-rows > li").count() == 12
    assert page.is_disabled("#add-treatment")


def test_clear_my_choices_clears_the_rows_too(context, server):
    page = context.new_page()
    page.goto(server.url + "/fr/")
    page.fill("#med_name-1", "Lithium")
    page.check("#print-large")
    page.click("#clear-choices")
    page.reload()
    assert form_values(page, "med_name") == ["", "", ""]
    assert not page.is_checked("#print-large")


def test_without_javascript_the_empty_rows_still_post(browser, server):
    context = browser.new_context(java_script_enabled=False, locale="en-US")
    try:
        page = context.new_page()
        page.goto(server.url + "/en/")
        assert page.locator("#add-treatment").is_hidden()
        page.fill("#med_name-2", "Escitalopram")
        page.fill("#med_result-2", "Helped a bit")
        with page.expect_navigation():
            page.click("button[data-action=print]")  # the printable page, no PDF viewer
        assert "Escitalopram" in page.content() and "Helped a bit" in page.content()
    finally:
        context.close()


def wait_for_cached(page, path, timeout_ms=20000):
    for _ in range(timeout_ms // 200):  # polled: wait_for_function takes a promise for "true"
        if page.evaluate("async (p) => !!(await caches.match(p, {ignoreVary: true}))", path):
            return
        page.wait_for_timeout(200)
    raise AssertionError(f"{path} was not kept for offline use")


def visible_questions(page):
    return page.eval_on_selector_all(
        "#visit-list .visit-item:not([hidden]) legend", "els => els.map(e => e.textContent.trim())")


def test_the_visit_screen_works_offline_and_keeps_notes(context, server, worker_ready):
    page = context.new_page()
    page.goto(server.url + "/en/")
    worker_ready(page)
    wait_for_cached(page, "/en/visit")
    for qid in ("why-me", "driving", "cost"):
        page.check(f"#q-{qid}")
    page.check("#top-cost")
    page.fill("#own", "Can I bring my sister?")
    texts = {qid: page.inner_text(f'label[for="q-{qid}"]') for qid in ("why-me", "driving", "cost")}

    context.set_offline(True)
    response = page.goto(server.url + "/en/visit")
    assert response.from_service_worker
    assert page.locator("#visit-empty").is_hidden()
    # Top three first, then the guide's order, then own questions.
    assert visible_questions(page) == [texts["cost"], texts["why-me"], texts["driving"],
                                       "Can I bring my sister?"]
    assert page.evaluate("parseFloat(getComputedStyle(document.querySelector("
                         "'.visit-question')).fontSize)") >= 1.3 * 17
    page.check("#asked-cost")
    page.fill("#note-cost", "About 600 a month, <b>insurance</b> may help")
    page.fill("#note-own-1", "Yes")
    page.reload()
    assert page.is_checked("#asked-cost") and not page.is_checked("#asked-driving")
    assert page.input_value("#note-cost") == "About 600 a month, <b>insurance</b> may help"
    assert page.input_value("#note-own-1") == "Yes"

    # Offline, the after-visit PDF is explained, not lost.
    page.click("button[data-action=download]")
    page.locator("#download-problem .offline-text").wait_for(state="visible")

    context.set_offline(False)
    with page.expect_download() as download:
        page.click("button[data-action=download]")
    assert download.value.suggested_filename == "ketamine-questions-en.pdf"
    text = " ".join(downloaded_text(download.value).split())
    assert "About 600 a month, <b>insurance</b> may help" in text
    assert "Can I bring my sister?" in text


def test_an_answer_the_server_refuses_comes_back_on_the_guide_page(context, server):
    page = context.new_page()
    page.goto(server.url + "/en/")
    page.check("#q-cost")
    page.goto(server.url + "/en/visit")
    page.fill("#note-cost", "x" * 1001)
    with page.expect_navigation():
        page.click("button[data-action=download]")
    assert "The limit is 1000" in page.locator("#errors").inner_text()
    assert page.input_value("#answer-cost") == "x" * 1001


def test_without_javascript_the_visit_screen_says_what_it_needs(browser, server):
    context = browser.new_context(java_script_enabled=False, locale="en-US")
    try:
        page = context.new_page()
        page.goto(server.url + "/ar/visit")
        assert page.locator("#visit-empty").is_visible()
        assert page.locator("#visit-form").is_hidden()
        page.click("#visit-empty a")
        assert page.url.endswith("/ar/#pick-heading")
    finally:
        context.close()
