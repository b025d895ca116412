"""Fixtures for tests in a real browser: Debian's chromium, driven by Playwright, against the
app on 127.0.0.1 in separate processes (so a test can cut the server off), served two ways:
"run", as `make run` serves it (one instance), and "stack", as `make stack` does (nginx in
front of two instances). Every test that takes ``server`` or ``own_server`` runs against
both. The harness is shared with the benchmarks (bench/server.py, bench/stack.py)."""
from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest

from bench.run import CHROMIUM, CHROMIUM_FLAGS as FLAGS
from bench.server import AppServer
from bench.stack import StackServer

# How the app is served: `make run` and `make stack`.
SERVED_BY = ["run", "stack"]


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


def new_server(kind: str, tmp_path_factory):
    """Not started yet. For the stack, stop() is an outage of every app instance while nginx
    keeps serving what it kept, and start() again brings them back (bench/stack.py)."""
    if kind == "run":
        return AppServer()
    return StackServer(tmp_path_factory.mktemp("stack") / "stack.log")


def close(srv) -> None:
    if isinstance(srv, StackServer):
        srv.close()  # nginx too; raises if any process is left
    else:
        srv.stop()


@pytest.fixture(scope="session", params=SERVED_BY)
def server(request, tmp_path_factory):
    srv = new_server(request.param, tmp_path_factory).start()
    try:
        yield srv
    finally:
        close(srv)


@pytest.fixture(params=SERVED_BY)
def own_server(request, tmp_path_factory):
    """A server of the test's own, to stop or redeploy."""
    srv = new_server(request.param, tmp_path_factory)
    try:
        yield srv
    finally:
        close(srv)


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
