"""Every script on the page is drawn by a font that has it, bold too, on a machine whose only
fonts are Debian's DejaVu (no Chinese): the guide's own faces (static/css/guide.css) fill in."""
from __future__ import annotations

import re

import pytest

CHINESE = re.compile("[\u3400-\u9fff]")


def drawn_by(page, selector: str) -> list[dict]:
    """The fonts Chromium used for the text of the first element ``selector`` finds."""
    cdp = page.context.new_cdp_session(page)
    cdp.send("DOM.enable")
    cdp.send("CSS.enable")
    root = cdp.send("DOM.getDocument")["root"]["nodeId"]
    node = cdp.send("DOM.querySelector", {"nodeId": root, "selector": selector})["nodeId"]
    return cdp.send("CSS.getPlatformFontsForNode", {"nodeId": node})["fonts"]


def chinese_drawn_by_a_chinese_font(page, url: str, selector: str) -> tuple[str, list, int]:
    """Opens ``url``; the text of ``selector``, the fonts that drew it, and how many of its
    characters are Chinese (each of them drawn by a Chinese font)."""
    page.goto(url)
    page.evaluate("document.fonts.ready.then(() => true)")
    text = page.locator(selector).first.inner_text()
    chinese = len(CHINESE.findall(text))
    assert chinese, text
    fonts = drawn_by(page, selector)
    cjk = sum(f["glyphCount"] for f in fonts if "CJK" in f["familyName"] or f["isCustomFont"])
    assert cjk >= chinese, (selector, fonts)
    return text, fonts, chinese


@pytest.mark.parametrize("selector", ["h1", "#key-points h2", "#key-points li", "legend"])
def test_chinese_text_regular_and_bold_is_drawn_by_a_chinese_font(context, server, selector):
    text, fonts, chinese = chinese_drawn_by_a_chinese_font(
        context.new_page(), server.url + "/zh-Hans/", selector)
    assert not any(f["familyName"].startswith("DejaVu") and f["glyphCount"] > len(text) - chinese
                   for f in fonts), fonts


@pytest.mark.parametrize("selector", ["h1", "h2", ".question .text"])
def test_the_printable_checklist_page_draws_chinese_with_a_chinese_font(context, server,
                                                                         selector):
    chinese_drawn_by_a_chinese_font(
        context.new_page(), server.url + "/zh-Hans/checklist?q=cost&q=driving", selector)
