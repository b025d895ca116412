"""WCAG 2.2 AA: axe-core on every page in every language, keyboard-only use, reflow."""
from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe

from guide.locales import LOCALES

TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"]
PAGES = ["/{lang}/", "/{lang}/sources", "/{lang}/no-such-page", "/{lang}/offline",
         "/{lang}/checklist?q=driving&q=cost", "/{lang}/visit",
         "/{lang}/checklist?q=driving&q=cost&also=ar&print=large"]
VIEWPORTS = {"phone": "Pixel 7", "desktop": None}


@pytest.fixture(scope="module")
def axe():
    return Axe()


def violations(axe, page):
    result = axe.run(page, options={"runOnly": {"type": "tag", "values": TAGS}})
    return [(v["id"], v["help"], [n["target"] for n in v["nodes"]][:3])
            for v in result.response["violations"]]


@pytest.mark.parametrize("viewport", VIEWPORTS)
@pytest.mark.parametrize("loc", LOCALES, ids=lambda l: l.tag)
def test_no_axe_violations_on_any_page(browser, playwright, server, axe, loc, viewport):
    device = playwright.devices[VIEWPORTS[viewport]] if VIEWPORTS[viewport] else \
        {"viewport": {"width": 1280, "height": 900}}
    context = browser.new_context(**device, locale="en-US")
    try:
        page = context.new_page()
        for path in PAGES:
            page.goto(server.url + path.format(lang=loc.tag))
            assert page.locator("html").get_attribute("lang") == loc.tag
            assert page.locator("html").get_attribute("dir") == loc.direction
            found = violations(axe, page)
            assert not found, (path, found)
    finally:
        context.close()


@pytest.mark.parametrize("loc", LOCALES, ids=lambda l: l.tag)
def test_no_axe_violations_in_dark_mode_or_with_errors_shown(browser, server, axe, loc):
    context = browser.new_context(color_scheme="dark", locale="en-US")
    try:
        page = context.new_page()
        page.goto(server.url + f"/{loc.tag}/")
        assert not violations(axe, page)
        page.fill("#own", "\n".join(f"Q{n}?" for n in range(25)))  # over the limit
        with page.expect_navigation():
            page.click("button[data-action=download]")
        assert page.locator("#errors").is_visible()
        assert not violations(axe, page)
    finally:
        context.close()


@pytest.mark.parametrize("loc", LOCALES, ids=lambda l: l.tag)
def test_no_horizontal_scrolling_at_320_css_pixels(browser, server, loc):
    # 320 CSS pixels is a 1280-pixel window at 400 % zoom, or a small phone at 200 %.
    context = browser.new_context(viewport={"width": 320, "height": 640}, locale="en-US")
    try:
        page = context.new_page()
        for path in ("/{lang}/", "/{lang}/sources"):
            page.goto(server.url + path.format(lang=loc.tag))
            assert _overflow(page) <= 0, path
            # The fonts on this machine are not the reader's: a translation or a device font
            # may make any word wider. Every text the page shows must still wrap.
            page.evaluate("""(word) => {
                for (const el of document.querySelectorAll(
                        'main h1, main h2, main p, main label, main legend, main li, button'))
                    el.prepend(word + ' ');
            }""", LONG_WORD)
            assert _overflow(page) <= 0, f"{path} with a {len(LONG_WORD)}-letter word"
    finally:
        context.close()


# A real German compound, longer than 320 CSS px in any font at the page's size.
LONG_WORD = "Nahrungsergänzungsmittelwechselwirkungsuntersuchungsergebnisse"


def _overflow(page) -> float:
    return page.evaluate(
        "document.documentElement.scrollWidth - document.documentElement.clientWidth")


def test_the_whole_flow_by_keyboard_alone(context, server):
    page = context.new_page()
    page.goto(server.url + "/en/")

    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.className") == "skip-link"
    assert page.evaluate("getComputedStyle(document.activeElement).outlineStyle") != "none"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main"

    def tab_to(selector, limit=400):
        for _ in range(limit):
            page.keyboard.press("Tab")
            if page.evaluate("(s) => document.activeElement.matches(s)", selector):
                outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
                assert outline != "none", f"no visible focus on {selector}"
                return
        raise AssertionError(f"{selector} is not reachable by Tab")

    tab_to("#q-why-me")
    page.keyboard.press("Space")
    assert page.is_checked("#q-why-me")
    # The "most important" option appears once the question is ticked, right after it.
    tab_to("#top-why-me", limit=5)
    page.keyboard.press("Space")
    tab_to("#own")
    page.keyboard.type("My own question?")
    tab_to("button[data-action=download]")
    with page.expect_download() as download:
        page.keyboard.press("Enter")
    path = download.value.path()
    with open(path, "rb") as f:
        assert f.read(5) == b"%PDF-"


def test_an_error_is_announced_and_takes_the_focus(context, server):
    page = context.new_page()
    page.goto(server.url + "/en/")
    page.fill("#own", "\n".join(f"Question {n}?" for n in range(25)))
    with page.expect_navigation():
        page.click("button[data-action=download]")
    errors = page.locator("#errors")
    assert errors.get_attribute("role") == "alert"
    assert page.evaluate("document.activeElement.id") == "errors"
    assert "The limit is 20" in errors.inner_text()
    assert page.input_value("#own").startswith("Question 0?")


def test_every_control_has_a_label(context, server):
    page = context.new_page()
    page.goto(server.url + "/en/")
    unlabelled = page.evaluate("""() => [...document.querySelectorAll('input, select, textarea')]
        .filter(el => el.type !== 'hidden' && el.labels.length === 0).map(el => el.id || el.name)""")
    assert unlabelled == []
