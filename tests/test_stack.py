"""`make stack`: nginx in front of two app instances, as a person meets it.

One stack serves the whole module, and the tests run in the order an outage unfolds:
answers the same as the app's, spread over both instances, one instance killed, then all
of them, and last SIGTERM, after which nothing may be left running.
"""
from __future__ import annotations

import gzip
import http.client
import os
import re
import signal
import subprocess
import sys
import time
from urllib.parse import urlencode

import pytest

from bench.server import ROOT
from bench.stack import NGINX, Stack, living_in
from guide.locales import LOCALES
from guide.security import HEADERS

TAGS = [loc.tag for loc in LOCALES]
# Headers a page's meaning or caching depends on; the security headers come on top.
COMPARED = ["Content-Type", "Content-Encoding", "Content-Disposition", "Cache-Control",
            "ETag", "Vary", "Location", "Server", "Retry-After", *HEADERS]
# A browser in Mexico (Mexico's crisis line, Letter paper), one that says nothing, and one
# that takes gzip only.
CLIENTS = {
    "mexico": {"Accept-Encoding": "gzip, deflate, br", "Accept-Language": "es-MX,es;q=0.9"},
    "bare": {},
    "gzip-only": {"Accept-Encoding": "gzip", "Accept-Language": "de"},
}
MARKER = "zebra-umbrella-7731"  # stands for what a person typed


def ask(address: str, path: str, method: str = "GET", headers: dict | None = None,
        body: str | None = None, host: str | None = None, timeout: float = 60):
    """One request, nothing decoded or followed: (status, headers, body)."""
    connection = http.client.HTTPConnection(address, timeout=timeout)
    try:
        sent = {"Host": host or address, **(headers or {})}
        if body is not None:
            sent["Content-Type"] = "application/x-www-form-urlencoded"
        connection.request(method, path, body=body, headers=sent)
        response = connection.getresponse()
        return response.status, response.headers, response.read()
    finally:
        connection.close()


def compared(headers) -> dict:
    return {name: headers.get(name) for name in COMPARED}


def same(one, other) -> bool:
    """The same answer: status, the headers that matter, the body. A gzip stream holds the
    second it was made in, so two gzip bodies are compared unpacked."""
    def body(answer):
        gzipped = answer[1].get("Content-Encoding") == "gzip"
        return gzip.decompress(answer[2]) if gzipped else answer[2]
    return (one[0] == other[0] and compared(one[1]) == compared(other[1])
            and body(one) == body(other))


@pytest.fixture(scope="module")
def stack(tmp_path_factory):
    stack = Stack(tmp_path_factory.mktemp("stack") / "stack.log")
    yield stack
    stack.close()  # whatever test failed: nothing of the stack is left running


def pages(tag: str) -> list[str]:
    return [f"/{tag}/", f"/{tag}/sources", f"/{tag}/checklist.pdf",
            f"/{tag}/checklist.pdf?q=cost&q=driving&paper=a4", f"/{tag}/checklist?q=cost",
            f"/{tag}/manifest.webmanifest", f"/{tag}/offline", f"/{tag}/?country=BR"]


def shared_paths(stack) -> list[str]:
    status, _, body = ask(stack.url, "/en/")
    css = re.search(rb'href="(/static/css/guide\.css\?v=\w+)"', body).group(1).decode()
    return ["/sw.js", css, "/static/icons/icon-192.png"]


@pytest.mark.parametrize("tag", TAGS)
def test_every_answer_is_the_apps_own(stack, tag):
    app = stack.instances[0][0]
    for client, headers in CLIENTS.items():
        for path in pages(tag) + shared_paths(stack):
            direct = ask(app, path, headers=headers, host=stack.url)
            for attempt in ("first", "again"):  # the second one may come from nginx's cache
                through = ask(stack.url, path, headers=headers)
                assert direct[0] == 200 and same(through, direct), (path, client, attempt)


# In this order, so that headers nginx files under one key follow each other (es-MX...,
# then en-US..., then no region at all) and the later ones are answered from the cache.
@pytest.mark.parametrize("language", [
    "es-MX,es;q=0.9", "es-MX", "es_MX, en;q=0.1", "en-US,en;q=0.9", "en-US", "es-ES,es;q=0.9",
    "es", "", "fr;q=0.8, en", "en, es-MX;q=0.5", "es-mx", "fr;q=0.8, es-MX", "zh-Hans-CN",
    "es-419,es;q=0.9", "*, en-CA", "en-US;q=0.5, es-MX"])
def test_variants_by_region_are_never_mixed_up(stack, language):
    app = stack.instances[0][0]
    headers = {"Accept-Language": language} if language else {}
    for path in ("/es/checklist.pdf", "/es/", "/"):
        direct = ask(app, path, headers=headers, host=stack.url)
        for _ in range(2):
            assert same(ask(stack.url, path, headers=headers), direct), (path, language)


def test_region_changes_the_pdf(stack):
    mexico = ask(stack.url, "/es/checklist.pdf", headers={"Accept-Language": "es-MX"})
    spain = ask(stack.url, "/es/checklist.pdf", headers={"Accept-Language": "es-ES"})
    assert mexico[1]["ETag"] != spain[1]["ETag"] and mexico[2] != spain[2]


def test_a_pdf_not_modified_is_answered_304_as_the_app_does(stack):
    _, headers, _ = ask(stack.url, "/fr/checklist.pdf")
    condition = {"If-None-Match": headers["ETag"]}
    direct = ask(stack.instances[0][0], "/fr/checklist.pdf", headers=condition,
                 host=stack.url)
    for _ in range(2):  # nginx answers the second from its cache
        status, again, body = ask(stack.url, "/fr/checklist.pdf", headers=condition)
        assert (status, body, again["ETag"]) == (304, b"", headers["ETag"]) == \
            (direct[0], direct[2], direct[1]["ETag"])
        for name in ("Cache-Control", "Vary", "Server", *HEADERS):
            assert again[name] == direct[1][name], name


def test_requests_are_spread_over_the_instances(stack):
    before = len(stack.nginx_lines())
    for _ in range(8):
        assert ask(stack.url, "/healthz")[0] == 200
    time.sleep(0.5)  # nginx writes its log line after the answer
    used = {re.search(r"upstream=(\S+)/", line).group(1)
            for line in stack.nginx_lines()[before:] if " /healthz " in line}
    assert used == {address for address, _ in stack.instances}


def test_nothing_personal_is_logged_or_cached(stack):
    form = f"q=cost&own={MARKER}"
    assert ask(stack.url, "/en/checklist", "POST", body=form)[0] == 200
    status, headers, _ = ask(stack.url, "/en/checklist.pdf", "POST", body=form)
    assert status == 200 and headers["Cache-Control"] == "no-store"
    ask(stack.url, "/en/checklist.pdf?q=cost&q=driving")
    time.sleep(0.5)
    lines = stack.nginx_lines()
    assert lines and not any("?" in line or MARKER in line for line in lines)
    cached = [p for p in (stack.state_dir / "cache").rglob("*") if p.is_file()]
    assert cached and not any(MARKER.encode() in p.read_bytes() for p in cached)


def test_too_much_text_is_refused_with_a_page(stack):
    app = stack.instances[0][0]
    # Beyond the app's 64 KiB: its own page, in the language of the URL.
    over = "own=" + "x" * 70_000
    through = ask(stack.url, "/fr/checklist.pdf", "POST", body=over)
    assert through[0] == 413
    assert same(through, ask(app, "/fr/checklist.pdf", "POST", body=over, host=stack.url))
    # Far beyond it, nginx refuses before any instance reads a byte: a plain page.
    status, headers, body = ask(stack.url, "/fr/checklist.pdf", "POST",
                                body="own=" + "x" * 200_000)
    assert status == 413 and 'lang="fr"' in body.decode()
    assert all(headers[name] == value for name, value in HEADERS.items())


def form(**fields) -> str:
    return urlencode(fields, doseq=True)


# Bad input (tests/test_bad_input.py): through nginx, the app's own answer, and a form
# comes back with what the person typed (the last item, in the body). None of these is
# cached, so both requests through nginx reach an instance.
BAD_INPUT = {
    "unknown language": ("GET", "/xx/", None, None),
    "unknown language, PDF": ("GET", "/xx/checklist.pdf?q=cost", None, None),
    "no such page": ("GET", "/en/no-such-page", None, None),
    "unknown question id": ("GET", "/en/checklist.pdf?q=driving&q=not-a-question", None,
                            "not-a-question"),
    "hostile question id": ("GET", "/en/checklist.pdf?q=%3Cscript%3E" + "x" * 500, None,
                            "&lt;script&gt;"),
    "unknown question id, POST": ("POST", "/en/checklist.pdf", form(
        q=["driving", "gone-id"], own="Keep this question?", paper="a4"),
        "Keep this question?</textarea>"),
    "own question too long": ("POST", "/fr/checklist.pdf", form(
        q="cost", own="x" * 301 + "\nKeep me?"), "Keep me?</textarea>"),
    "too many own questions": ("POST", "/en/checklist", form(
        own="\n".join(f"Question {n}?" for n in range(25))), "Question 24?</textarea>"),
    "too many top questions": ("POST", "/de/checklist.pdf", form(
        q=["driving", "cost", "pregnancy", "why-me"],
        top=["driving", "cost", "pregnancy", "why-me"]), 'value="pregnancy"'),
    "unknown also language": ("GET", "/ar/checklist.pdf?q=cost&also=xx", None, "xx"),
    "unknown also language, page": ("GET", "/zh-Hans/checklist?q=cost&also=xx", None, "xx"),
    "unknown paper": ("GET", "/en/checklist.pdf?q=cost&paper=huge", None, None),
    "unknown print size": ("GET", "/en/checklist.pdf?q=cost&print=huge", None, None),
    "answer to a question not chosen": ("POST", "/en/checklist.pdf", form(
        q="cost", **{"answer-driving": "Next day"}), "Next day</textarea>"),
    "answer too long": ("POST", "/es/checklist", form(
        q="cost", **{"answer-cost": "a" * 1001}), "a" * 1001),
    "too many treatments": ("POST", "/pt-BR/checklist.pdf", form(
        med_name=[f"Medicine {n}" for n in range(13)], own="Keep me?"),
        "Keep me?</textarea>"),
    "treatment too long": ("POST", "/en/checklist.pdf", form(med_name="m" * 101), "m" * 101),
    "wrong method": ("PUT", "/en/checklist.pdf", None, None),
}


@pytest.mark.parametrize("name", BAD_INPUT)
def test_bad_input_is_answered_as_the_app_answers_it(stack, name):
    method, path, body, kept = BAD_INPUT[name]
    app = stack.instances[0][0]
    for client, headers in CLIENTS.items():
        direct = ask(app, path, method, headers=headers, body=body, host=stack.url)
        assert 400 <= direct[0] < 500, (name, client, direct[0])
        for attempt in ("first", "again"):
            through = ask(stack.url, path, method, headers=headers, body=body)
            assert same(through, direct), (name, client, attempt, through[0])
    if kept:
        assert kept in decoded(direct).decode()


def decoded(answer) -> bytes:
    encoding = answer[1].get("Content-Encoding")
    if encoding == "gzip":
        return gzip.decompress(answer[2])
    if encoding == "br":
        import brotli
        return brotli.decompress(answer[2])
    return answer[2]


# Hosts the app refuses or serves, with TRUSTED_HOSTS unset (as in this stack): a Host that
# is no host name gets the app's plain 400, any other is served, never named in a page.
HOSTS = [".zq7", "x" * 64 + ".org", "ok.example.", "a_b", "ex\\ample", "%41.example",
         "evil.example", "evil.example:8080", "[::1]", "EVIL.example"]
# Hosts nginx itself finds malformed: refused before any instance sees them.
REFUSED_BY_NGINX = ["a..b", "bad host!", "a/b"]
HOST_REQUESTS = [("GET", "/", None), ("GET", "/en/", None), ("GET", "/ar/no-such-page", None),
                 ("GET", "/de/checklist.pdf?q=cost", None),
                 ("POST", "/fr/checklist", "q=cost&own=Mine%3F")]


@pytest.mark.parametrize("host", HOSTS)
@pytest.mark.parametrize("method, path, body", HOST_REQUESTS)
def test_a_hostile_host_is_answered_as_the_app_answers_it(stack, host, method, path, body):
    app = stack.instances[0][0]
    direct = ask(app, path, method, body=body, host=host)
    for attempt in ("first", "again"):
        through = ask(stack.url, path, method, body=body, host=host)
        assert same(through, direct), (attempt, through[0], direct[0])


@pytest.mark.parametrize("host", REFUSED_BY_NGINX)
@pytest.mark.parametrize("method, path, body", HOST_REQUESTS)
def test_a_host_nginx_refuses_gets_a_plain_400_as_the_app_would_give(stack, host, method,
                                                                       path, body):
    # What tests/test_hosts.py asks of the app's own refusal holds for nginx's page too.
    before = len(stack.nginx_lines())
    status, headers, page = ask(stack.url, path, method, body=body, host=host)
    html = page.decode()
    assert status == 400
    assert headers["Content-Type"] == "text/html; charset=utf-8"
    assert headers["Cache-Control"] == "no-store" and headers["Server"] == "nginx"
    assert all(headers[name] == value for name, value in HEADERS.items())
    assert headers["Content-Security-Policy"].startswith("default-src 'none'")
    assert "Set-Cookie" not in headers
    assert all(f'lang="{tag}"' in html for tag in TAGS)
    assert host not in html and 'href="/' not in html and "src=" not in html
    time.sleep(0.3)  # nginx writes its log line after the answer
    assert [line for line in stack.nginx_lines()[before:] if "upstream=-/-" not in line] == []


def test_one_instance_down_nobody_notices(stack):
    os.killpg(stack.instances[0][1], signal.SIGKILL)
    for n in range(6):
        assert ask(stack.url, f"/de/?n={n}")[0] == 200  # new pages: never cached
        status, headers, body = ask(stack.url, "/de/checklist.pdf", "POST",
                                    body=f"q=cost&own=Frage {n}")
        assert status == 200 and body.startswith(b"%PDF-")


@pytest.fixture(scope="module")
def opened(stack):
    """What readers opened while an instance was still up."""
    return {(tag, client, path): ask(stack.url, path, headers=headers)
            for tag in TAGS for client, headers in CLIENTS.items()
            for path in pages(tag) + shared_paths(stack)}


@pytest.fixture(scope="module")
def outage(stack, opened):
    for _, sid in stack.instances:
        try:
            os.killpg(sid, signal.SIGKILL)
        except ProcessLookupError:
            pass
    time.sleep(0.5)
    return opened


@pytest.mark.parametrize("tag", TAGS)
def test_readers_keep_what_they_opened_while_every_instance_is_down(stack, outage, tag):
    for (lang, client, path), before in outage.items():
        if lang == tag:
            again = ask(stack.url, path, headers=CLIENTS[client])
            assert before[0] == 200 and same(again, before), (path, client)


def test_a_post_fails_fast_with_a_plain_page_while_every_instance_is_down(stack, outage):
    status, headers, body = ask(stack.url, "/en/checklist.pdf", "POST",
                                body=f"q=cost&own={MARKER}", timeout=10)
    assert status == 502
    assert headers["Content-Type"] == "text/html; charset=utf-8"
    assert headers["Cache-Control"] == "no-store" and headers["Retry-After"]
    assert all(headers[name] == value for name, value in HEADERS.items())
    assert headers["Server"] == "nginx"  # no version
    page = body.decode()
    assert all(f'lang="{tag}"' in page for tag in TAGS)
    assert MARKER not in page and "<script" not in page


def test_health_is_never_answered_from_the_cache(stack, outage):
    assert ask(stack.url, "/healthz", timeout=10)[0] == 502


def test_sigterm_leaves_nothing_running(stack):
    stack.stop()
    # make leaves at once; the SIGTERM it passes on has stack.py stop the rest.
    deadline = time.monotonic() + 60
    while living_in(stack.sessions) and time.monotonic() < deadline:
        time.sleep(0.2)
    assert living_in(stack.sessions) == [], stack.output()[-2000:]
    for address in [stack.url, *(a for a, _ in stack.instances)]:
        with pytest.raises(ConnectionRefusedError):
            ask(address, "/healthz", timeout=5)
    assert not stack.state_dir.exists()
    assert "stack: stopped, nothing left running" in stack.output()


def test_the_configuration_for_instances_elsewhere_is_one_nginx_accepts(tmp_path):
    conf = subprocess.run(
        [sys.executable, "scripts/stack.py", "--print-config", "--upstream", "10.0.0.2:8000",
         "--upstream", "10.0.0.3:8000", "--state-dir", str(tmp_path), "--access-log", "off"],
        cwd=ROOT, capture_output=True, text=True, check=True).stdout
    assert "server 10.0.0.2:8000 " in conf and "server 10.0.0.3:8000 " in conf
    (tmp_path / "nginx.conf").write_text(conf)
    check = subprocess.run([NGINX, "-t", "-c", str(tmp_path / "nginx.conf"),
                            "-g", "daemon off;"], capture_output=True, text=True)
    assert check.returncode == 0, check.stderr
