"""Offline and installable, proven in headless Chromium with a real service worker."""
from __future__ import annotations

import base64
import time

import pytest

from guide.content import CATALOG
from guide.locales import LOCALES

FETCH_PDF_HEAD = """async (path) => {
    const response = await fetch(path);
    const bytes = new Uint8Array(await response.arrayBuffer());
    return {status: response.status, head: String.fromCharCode(...bytes.slice(0, 5)),
            size: bytes.length};
}"""


def question_text(qid):
    from guide import create_app
    with create_app({"TESTING": True}).test_request_context("/en/"):
        return str(CATALOG.question(qid).text)


def offline_guide(context, server, worker_ready):
    """The English guide, opened once online, then reloaded from the worker's cache."""
    page = context.new_page()
    page.goto(server.url + "/en/")
    worker_ready(page)
    context.set_offline(True)
    response = page.reload()
    assert response.from_service_worker
    return page


def test_the_guide_works_offline_with_choices_kept_and_the_pdf_cached(context, server,
                                                                      worker_ready):
    page = offline_guide(context, server, worker_ready)
    assert page.locator("h1").is_visible()
    page.check("#q-driving")
    page.check("#q-cost")
    page.check("#top-cost")
    page.fill("#own", "Can I keep my job?\nWhat about my <b>cat</b>?")
    page.reload()
    assert page.is_checked("#q-driving") and page.is_checked("#q-cost")
    assert page.is_checked("#top-cost") and not page.is_checked("#q-why-me")
    assert page.input_value("#own") == "Can I keep my job?\nWhat about my <b>cat</b>?"
    # The stylesheet came from the cache too.
    assert page.evaluate("getComputedStyle(document.body).fontSize") == "17px"

    result = page.evaluate(FETCH_PDF_HEAD, "/en/checklist.pdf")
    assert result["status"] == 200 and result["head"] == "%PDF-" and result["size"] > 10000

    # A PDF of one's own choices needs the server: say so, and offer Print.
    page.click("button[data-action=download]")
    problem = page.locator("#download-problem")
    problem.wait_for(state="visible")
    assert problem.locator(".offline-text").is_visible()
    assert problem.locator("button[data-action=print]").is_visible()

    # Print gives the checklist of this selection through the print stylesheet.
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    page.emulate_media(media="print")
    assert page.locator("#q-driving").is_visible()
    assert not page.locator("#q-why-me").is_visible()
    assert page.locator("#print-top").is_visible()
    assert "What about my <b>cat</b>?" in page.locator("#own-print").inner_text()
    pdf = page.pdf()
    assert pdf.startswith(b"%PDF-")


def test_what_the_first_visit_loaded_is_kept_so_the_next_needs_only_the_page(
        context, server, worker_ready):
    # On a machine with no Chinese font the language names in "Also print in..." fetch the
    # guide's own, before the worker exists; no fetch event sees it, so the page names it.
    page = context.new_page()
    page.goto(server.url + "/en/", wait_until="networkidle")
    worker_ready(page)
    loaded = page.evaluate("""() => performance.getEntriesByType("resource")
        .map((e) => new URL(e.name)).filter((u) => u.origin === location.origin &&
        u.pathname.startsWith("/static/")).map((u) => u.pathname + u.search)""")
    assert any(path.startswith("/static/fonts/") for path in loaded), loaded
    deadline = time.monotonic() + 20
    while missing := page.evaluate("""async (paths) => {
            const out = [];
            for (const p of paths) {
                if (!(await caches.match(p, {ignoreVary: true}))) { out.push(p); }
            }
            return out;
        }""", loaded):
        assert time.monotonic() < deadline, f"not kept: {missing}"
        time.sleep(0.2)
    # Static files are served cache-first (sw.js), so a second visit asks only for the page:
    # bench/run.py, figure 5b, counts it in the server's log.


def test_printing_offline_keeps_large_print_and_says_it_has_one_language(context, server,
                                                                         worker_ready):
    page = offline_guide(context, server, worker_ready)
    page.check("#q-driving")
    page.check("#print-large")
    page.select_option("#also", "es")

    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    page.emulate_media(media="print")
    # 16 pt, as in the large-print PDF (CSS pixels: 16 * 96 / 72).
    assert page.evaluate("getComputedStyle(document.body).fontSize") == "21.3333px"
    assert page.locator("#print-one-language").is_visible()
    # The printed page starts like the PDF: lines to fill in, then how to use the list.
    assert page.locator(".print-only.visit p").count() == 5
    steps = page.locator(".print-how-to")
    assert steps.is_visible()
    assert steps.locator(".when-chosen").is_visible()
    assert not steps.locator(".when-whole").is_visible()

    page.emulate_media(media="screen")
    page.uncheck("#print-large")
    page.select_option("#also", "")
    page.evaluate("window.dispatchEvent(new Event('beforeprint'))")
    page.emulate_media(media="print")
    assert page.evaluate("getComputedStyle(document.body).fontSize") == "14.6667px"
    assert not page.locator("#print-one-language").is_visible()


def test_print_with_a_second_language_online_opens_the_two_language_checklist(context, server):
    page = context.new_page()
    page.goto(server.url + "/en/")
    page.check("#q-driving")
    page.select_option("#also", "es")
    with page.expect_navigation():
        page.click("#actions button[data-action=print]")
    assert page.url.endswith("/en/checklist")
    assert page.locator('.also[lang="es"]').count() >= 2


def test_a_page_never_visited_shows_the_offline_page_in_its_language(context, server,
                                                                    worker_ready):
    page = context.new_page()
    page.goto(server.url + "/en/")
    worker_ready(page)
    context.set_offline(True)
    page.goto(server.url + "/de/sources")
    assert page.locator("html").get_attribute("lang") == "de"
    assert page.locator("h1").inner_text() != ""
    assert page.locator(".crisis").is_visible()
    assert "/de/offline" not in page.url  # the address the person asked for stays


def test_a_real_outage_still_serves_the_guide(browser, own_server, worker_ready):
    own_server.start()
    context = browser.new_context(locale="en-US")
    page = context.new_page()
    page.goto(own_server.url + "/es/")
    worker_ready(page)
    own_server.stop()
    page.reload()
    assert page.locator("html").get_attribute("lang") == "es"
    other = context.new_page()
    other.goto(own_server.url + "/es/")
    assert other.locator("#q-driving").count() == 1
    context.close()


def test_clear_my_choices_forgets_them_on_this_device(context, server, worker_ready):
    page = context.new_page()
    page.goto(server.url + "/fr/")
    page.check("#q-pregnancy")
    page.fill("#own", "Une question ?")
    page.click("#clear-choices")
    assert not page.is_checked("#q-pregnancy") and page.input_value("#own") == ""
    assert page.locator("#clear-status").inner_text() != ""
    page.reload()
    assert not page.is_checked("#q-pregnancy") and page.input_value("#own") == ""


def test_choices_are_kept_per_language(context, server):
    page = context.new_page()
    page.goto(server.url + "/en/")
    page.check("#q-relapse")
    page.goto(server.url + "/de/")
    assert not page.is_checked("#q-relapse")
    page.goto(server.url + "/en/")
    assert page.is_checked("#q-relapse")


def test_what_a_person_types_is_never_cached(context, server, worker_ready):
    page = context.new_page()
    page.goto(server.url + "/en/")
    worker_ready(page)
    marker = "private-question-5d2e"
    page.fill("#own", marker + "?")
    with page.expect_download() as download:
        page.click("button[data-action=download]")
    assert download.value.suggested_filename == "ketamine-questions-en.pdf"
    cached = page.evaluate("""async (marker) => {
        const found = [];
        for (const name of await caches.keys()) {
            const cache = await caches.open(name);
            for (const request of await cache.keys()) {
                const body = await (await cache.match(request)).text();
                if (request.method !== 'GET' || body.includes(marker)) found.push(request.url);
            }
        }
        return found;
    }""", marker)
    assert cached == []


def test_a_new_version_asks_then_replaces_the_old_cache(browser, own_server, worker_ready):
    own_server.start(build_id="old-build")
    context = browser.new_context(locale="en-US")
    page = context.new_page()
    page.goto(own_server.url + "/en/")
    worker_ready(page)
    assert page.evaluate("caches.keys()") == ["guide-old-build"]

    own_server.stop()
    own_server.start(build_id="new-build")
    page.reload()
    banner = page.locator("#update-banner")
    banner.wait_for(state="visible", timeout=20000)
    # Until the person agrees, the old version keeps running and keeps its cache.
    assert "guide-old-build" in page.evaluate("caches.keys()")
    with page.expect_navigation():
        page.click("#update-button")
    for _ in range(100):  # polled: wait_for_function would take the promise for "true"
        if page.evaluate("caches.keys()") == ["guide-new-build"]:
            break
        page.wait_for_timeout(200)
    assert page.evaluate("caches.keys()") == ["guide-new-build"]
    context.close()


def test_the_app_is_installable(playwright, chromium_path, chromium_flags, server, tmp_path,
                                worker_ready):    # An ordinary Playwright context is off the record and always "in-incognito".
    context = playwright.chromium.launch_persistent_context(
        str(tmp_path / "profile"), executable_path=chromium_path, args=chromium_flags,
        headless=True)
    try:
        page = context.new_page()
        page.goto(server.url + "/en/")
        worker_ready(page)
        cdp = context.new_cdp_session(page)
        manifest = cdp.send("Page.getAppManifest")
        assert manifest["url"].endswith("/en/manifest.webmanifest")
        assert manifest["errors"] == []
        assert cdp.send("Page.getInstallabilityErrors") == {"installabilityErrors": []}
    finally:
        context.close()


@pytest.mark.parametrize("loc", LOCALES, ids=lambda l: l.tag)
def test_each_language_has_its_own_manifest(context, server, loc):
    page = context.new_page()
    page.goto(server.url + f"/{loc.tag}/")
    href = page.locator('link[rel="manifest"]').get_attribute("href")
    assert href == f"/{loc.tag}/manifest.webmanifest"
    manifest = page.evaluate("async (u) => (await fetch(u)).json()", href)
    assert manifest["lang"] == loc.tag and manifest["dir"] == loc.direction
    assert manifest["start_url"] == f"/{loc.tag}/"
    sizes = {(icon["sizes"], icon["purpose"]) for icon in manifest["icons"]}
    assert {("192x192", "any"), ("512x512", "any"), ("512x512", "maskable"), ("any", "any")} <= sizes


def _png_size(data: bytes):
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


def test_icons_are_real_pngs_of_their_sizes(context, server):
    page = context.new_page()
    page.goto(server.url + "/en/")
    for name, size in (("icon-192.png", 192), ("icon-512.png", 512),
                       ("icon-maskable-512.png", 512)):
        data = page.evaluate("""async (u) => {
            const b = new Uint8Array(await (await fetch(u)).arrayBuffer());
            let s = ''; for (const x of b.slice(0, 32)) s += String.fromCharCode(x); return btoa(s);
        }""", f"/static/icons/{name}")
        head = base64.b64decode(data)
        assert head.startswith(b"\x89PNG") and _png_size(head) == (size, size)
