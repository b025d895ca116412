"""Fixtures for tests in a real browser: Debian's chromium, driven by Playwright, against the
app served by gunicorn on 127.0.0.1 (a separate process, so a test can cut the server off)."""
from __future__ import annotations

import os
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from guide import ROOT

CHROMIUM = os.environ.get("GUIDE_CHROMIUM", "/usr/bin/chromium")
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking",
         "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic"]
# Ports Chrome refuses to connect to ("unsafe"): never serve on one of them.
UNSAFE = {5060, 5061, 6000, 6665, 6666, 6667, 6668, 6669, 10080}


def pytest_collection_modifyitems(items):
    for item in items:
        if "tests/browser/" in str(item.fspath):
            item.add_marker(pytest.mark.browser)


def free_port() -> int:
    while True:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        if port not in UNSAFE:
            return port


class Server:
    """``gunicorn wsgi:app`` on 127.0.0.1; ``stop()`` is a real outage, ``start()`` a deploy."""

    def __init__(self, port: int | None = None):
        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.process = None

    def start(self, build_id: str | None = None) -> "Server":
        env = {**os.environ}
        if build_id:
            env["GUIDE_BUILD_ID"] = build_id
        self.process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "--workers", "2", "--threads", "4",
             "--bind", f"127.0.0.1:{self.port}", "wsgi:app"],
            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE,
            start_new_session=True)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(self.url + "/healthz", timeout=1) as response:
                    if response.status == 200:
                        return self
            except OSError:
                if self.process.poll() is not None:
                    raise RuntimeError(self.process.stderr.read().decode()) from None
                time.sleep(0.1)
        raise RuntimeError("the app did not start within 30 s")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(10)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        if self.process:
            self.process.stderr.close()
        self.process = None


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
    srv = Server().start()
    yield srv
    srv.stop()


@pytest.fixture
def own_server():
    """A server of the test's own, to stop or redeploy."""
    srv = Server()
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
