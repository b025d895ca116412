"""The visit companion in a real browser: treatment rows, the visit screen offline, Share,
and the count that stays in view."""
from __future__ import annotations

import io

import pytest
from axe_playwright_python.sync_playwright import Axe
from pypdf import PdfReader

from guide.locales import LOCALES
from test_accessibility import violations


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

    # Printing this page (offline too) lists the treatments as a table.
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    page.emulate_media(media="print")
    table = page.locator("#treatments-print")
    assert table.is_visible() and "Bupropion" in table.inner_text()
    assert page.locator("#treatment-rows").is_hidden()
    page.emulate_media(media="screen")
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
    badges = page.locator(".visit-item:not([hidden]) .top-badge:not([hidden])")
    assert badges.count() == 1 and page.locator('[data-qid="cost"] .top-badge').is_visible()
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


SHARE_STUB = """(canShare) => {
    window.__shared = [];
    navigator.canShare = (data) => canShare && !!data && Array.isArray(data.files);
    navigator.share = async (data) => {
        for (const file of data.files) {
            const head = new Uint8Array(await file.slice(0, 5).arrayBuffer());
            window.__shared.push({name: file.name, type: file.type, size: file.size,
                                  head: String.fromCharCode(...head)});
        }
    };
}"""


def stub_share(context, can_share: bool):
    context.add_init_script(f"({SHARE_STUB})({str(can_share).lower()})")


def shared_files(page):
    # Polled: wait_for_function evaluates a string, which the page's CSP forbids.
    for _ in range(100):
        shared = page.evaluate("window.__shared")
        if shared:
            return shared
        page.wait_for_timeout(200)
    raise AssertionError("nothing was shared")


def test_share_hands_the_pdf_to_the_share_sheet_as_one_file(context, server):
    stub_share(context, True)
    page = context.new_page()
    page.goto(server.url + "/es/")
    page.check("#q-cost")
    share = page.locator("button[data-action=share]")
    assert share.is_visible()
    share.click()
    shared = shared_files(page)
    assert len(shared) == 1
    assert shared[0]["name"] == "ketamine-questions-es.pdf"
    assert shared[0]["type"] == "application/pdf"
    assert shared[0]["head"] == "%PDF-" and shared[0]["size"] > 10000


def test_share_on_the_visit_screen_shares_the_pdf_with_the_notes(context, server):
    stub_share(context, True)
    page = context.new_page()
    page.goto(server.url + "/en/")
    page.check("#q-driving")
    page.goto(server.url + "/en/visit")
    page.fill("#note-driving", "My sister drives")
    page.click("button[data-action=share]")
    shared = shared_files(page)
    assert len(shared) == 1 and shared[0]["type"] == "application/pdf"
    assert shared[0]["name"] == "ketamine-questions-en.pdf"


def test_no_share_button_where_files_cannot_be_shared(context, server):
    stub_share(context, False)
    page = context.new_page()
    page.goto(server.url + "/en/")
    assert page.locator("button[data-action=share]").is_hidden()
    page.check("#q-cost")
    page.goto(server.url + "/en/visit")
    assert page.locator("button[data-action=share]").is_hidden()


def test_the_count_stays_in_view_on_a_phone_and_never_covers_the_focus(browser, server):
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True,
                                  has_touch=True, locale="en-US")
    try:
        page = context.new_page()
        page.goto(server.url + "/en/")
        bar = page.locator("#chosen-bar")
        assert bar.is_hidden(), "nothing ticked, no bar"
        page.check("#q-why-me")
        page.check("#q-cost")
        assert bar.is_visible()
        assert page.locator("#chosen-count").inner_text() == "Questions chosen: 2"
        status = page.locator("[aria-live=polite]#chosen-status")
        assert status.inner_text() == "Questions chosen: 2"
        assert bar.evaluate("el => getComputedStyle(el).position") in ("fixed", "sticky")

        def bar_top():
            return bar.evaluate("el => el.getBoundingClientRect().top")

        # Stays in view wherever the page is scrolled.
        for y in (0, 3000, 100000):
            page.evaluate(f"window.scrollTo(0, {y})")
            assert 0 < bar_top() < 844
            assert bar.evaluate("el => el.getBoundingClientRect().bottom") <= 844

        # Focus moves through the page by keyboard: what has it is never under the bar.
        page.focus("#q-why-me")
        for _ in range(60):
            page.keyboard.press("Tab")
            rect = page.evaluate("""() => {
                const el = document.activeElement;
                if (el.closest('#chosen-bar')) return null;
                const r = el.getBoundingClientRect();
                return {top: r.top, bottom: r.bottom, id: el.id || el.name || el.tagName};
            }""")
            if rect:
                assert rect["bottom"] <= bar_top() + 0.5, rect

        # It takes the person on: Download or print, or the visit screen.
        page.click("#chosen-bar a[href='#actions']")
        download = page.locator("button[data-action=download]")
        box = download.bounding_box()
        assert box["y"] + box["height"] <= bar_top()
        assert page.locator("#chosen-bar a[href='/en/visit']").is_visible()
    finally:
        context.close()


@pytest.mark.parametrize("loc", LOCALES, ids=lambda l: l.tag)
def test_no_axe_violations_on_the_visit_screen_and_the_bar_in_any_language(
        browser, playwright, server, loc):
    context = browser.new_context(**playwright.devices["Pixel 7"], locale="en-US")
    axe = Axe()
    try:
        page = context.new_page()
        page.goto(server.url + f"/{loc.tag}/")
        page.check("#q-why-me")
        page.check("#q-cost")
        page.check("#top-cost")
        page.fill("#own", "Own question?")
        page.click("#add-treatment")
        assert page.locator("#chosen-bar").is_visible()
        assert not violations(axe, page), "guide page with the bar and a new row"
        page.goto(server.url + f"/{loc.tag}/visit")
        assert page.locator("html").get_attribute("dir") == loc.direction
        assert page.locator(".visit-item:not([hidden])").count() == 3
        page.check("#asked-cost")
        page.fill("#note-cost", "A note")
        assert not violations(axe, page), "visit screen with a list"
    finally:
        context.close()


@pytest.mark.parametrize("loc", LOCALES, ids=lambda l: l.tag)
def test_the_new_parts_reflow_at_320_css_pixels(browser, server, loc):
    context = browser.new_context(viewport={"width": 320, "height": 640}, locale="en-US")
    try:
        page = context.new_page()
        page.goto(server.url + f"/{loc.tag}/")
        page.check("#q-why-me")
        page.check("#q-cost")
        page.fill("#med_name-1", "Nahrungsergänzungsmittelwechselwirkungsuntersuchung")
        assert page.locator("#chosen-bar").is_visible()
        overflow = "document.documentElement.scrollWidth - document.documentElement.clientWidth"
        assert page.evaluate(overflow) <= 0
        bar = page.locator("#chosen-bar").bounding_box()
        assert bar["x"] >= 0 and bar["x"] + bar["width"] <= 320
        page.goto(server.url + f"/{loc.tag}/visit")
        assert page.evaluate(overflow) <= 0
    finally:
        context.close()
