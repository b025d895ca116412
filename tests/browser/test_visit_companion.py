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
