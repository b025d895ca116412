"""Fixtures for tests in a real browser: Debian's chromium, driven by Playwright, against the
app served as `make run` serves it, on 127.0.0.1 (a separate process, so a test can cut the server off).
The server harness is shared with the benchmarks (bench/server.py)."""
from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest

from bench.run import CHROMIUM, CHROMIUM_FLAGS as FLAGS
from bench.server import AppServer


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


@pytest.fixture(scope="session")
def chromium_path():
    if not Path(CHROMIUM).exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium "
                    "('apt-get install chromium'; 'make test' does it)")
    return CHROMIUM


@pytest.fixture(scope="session")
def chromium_flags():
    return list(FLAGS)


@pytest.fixture(scope="session")
def server():
    with AppServer() as srv:
        yield srv


@pytest.fixture
def own_server():
    """A server of the test's own, to stop or redeploy."""
    srv = AppServer()
    yield srv
    srv.stop()


@pytest.fixture(scope="session")
def playwright():
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        yield p


@pytest.fixture(scope="session")
def browser(playwright, chromium_path):
    browser = playwright.chromium.launch(executable_path=chromium_path, args=FLAGS)
    yield browser
    browser.close()


@pytest.fixture
def context(browser):
    context = browser.new_context(locale="en-US")
    yield context
    context.close()


@pytest.fixture
def phone(browser, playwright):
    context = browser.new_context(**playwright.devices["Pixel 7"], locale="en-US")
    yield context
    context.close()


def wait_for_worker(page, timeout: float = 20) -> None:
    """Wait until the service worker controls the page and has kept it for offline use."""
    page.evaluate("navigator.serviceWorker.ready")
    page.wait_for_function("navigator.serviceWorker.controller !== null")
    # Polled from here: wait_for_function takes a pending promise for a true answer.
    deadline = time.monotonic() + timeout
    while not page.evaluate(
            """async () => {
                const lang = document.documentElement.lang;
                return !!(await caches.match(location.pathname, {ignoreVary: true})) &&
                       !!(await caches.match('/' + lang + '/checklist.pdf', {ignoreVary: true}));
            }"""):
        if time.monotonic() > deadline:
            raise AssertionError("the service worker did not keep the page and its PDF")
        time.sleep(0.2)


@pytest.fixture
def worker_ready():
    return wait_for_worker


@pytest.fixture(autouse=True)
def clean_downloads(tmp_path):
    yield
    shutil.rmtree(tmp_path, ignore_errors=True)
