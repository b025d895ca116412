"""Host names: a Host that TRUSTED_HOSTS refuses is a plain 400, and no page ever holds a host
the client made up. Absolute URLs come from PUBLIC_URL, or from a host TRUSTED_HOSTS vouched
for, and are otherwise root-relative."""
from __future__ import annotations

import http.client
import logging
import re

import pytest
from hypothesis import given, strategies as st

from bench.server import AppServer
from guide import create_app, views
from guide.locales import BY_TAG, LOCALES

EVIL = "evil.example"


@pytest.fixture
def make_app():
    """An app with settings of the test's own; its render processes are closed after."""
    apps = []

    def make(**config):
        app = create_app({"TESTING": True, "RENDER_PROCESSES": 1, **config})
        apps.append(app)
        return app

    yield make
    for app in apps:
        app.extensions["pdf"].close()


@pytest.fixture
def guarded(make_app):
    return make_app(TRUSTED_HOSTS=["guide.example.org"]).test_client()


REQUESTS = [
    ("get", "/", {}),
    ("get", "/{lang}/", {}),
    ("get", "/{lang}/sources", {}),
    ("get", "/{lang}/checklist", {}),
    ("get", "/{lang}/checklist.pdf?q=cost", {}),
    ("post", "/{lang}/checklist.pdf", {"data": {"q": "cost", "own": "Mine?"}}),
    ("post", "/{lang}/checklist", {"data": {"q": "nope"}}),
    ("post", "/{lang}/checklist.pdf", {"data": {"own": "a" * (65 * 1024)}}),
    ("put", "/{lang}/checklist.pdf", {}),
    ("get", "/{lang}/no-such-page", {}),
    ("get", "/{lang}/manifest.webmanifest", {}),
    ("get", "/sw.js", {}),
    ("get", "/static/css/guide.css", {}),
    ("get", "/healthz", {}),
]


@pytest.mark.parametrize("method, path, kwargs", REQUESTS,
                         ids=[f"{m} {p}" for m, p, _ in REQUESTS])
@pytest.mark.parametrize("host", [EVIL, "evil.example:8080", "guide.example.org.evil.example",
                                  "bad host!", "[::1]"])
def test_an_untrusted_host_is_a_plain_400_with_the_usual_headers(guarded, caplog, method,
                                                                 path, kwargs, host):
    caplog.set_level(logging.DEBUG)
    response = getattr(guarded, method)(path.format(lang="en"), headers={"Host": host},
                                        **kwargs)
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert response.mimetype == "text/html"
    assert "That did not work" in html
    assert "Internal Server Error" not in html
    assert host not in html and "evil" not in html
    assert "href=\"/" not in html and "src=" not in html  # no link back to a refused host
    assert response.headers["Content-Security-Policy"].startswith("default-src 'none'")
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert "Set-Cookie" not in response.headers
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


@pytest.mark.parametrize("host", [".zq7", "a..b", "x" * 64 + ".org"])
@pytest.mark.parametrize("path", ["/", "/{lang}/", "/{lang}/no-such-page"])
def test_a_host_that_is_no_host_name_is_a_plain_400_even_without_trusted_hosts(
        client, caplog, lang, path, host):
    # Found by Hypothesis: Werkzeug cannot encode such a name (an empty label, one over 63
    # characters), so Flask had no URL adapter and the error page failed: a 500 for anyone.
    response = client.get(path.format(lang=lang), headers={"Host": host})
    html = response.get_data(as_text=True)
    assert response.status_code == 400
    assert f'<html lang="{lang}"' in html or path == "/"
    assert host not in html and "href=\"/" not in html
    assert response.headers["Content-Security-Policy"].startswith("default-src 'none'")
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]


def test_the_untrusted_host_page_is_in_the_language_of_the_path_with_a_crisis_line(
        guarded, lang):
    html = guarded.get(f"/{lang}/", headers={"Host": EVIL}).get_data(as_text=True)
    loc = BY_TAG[lang]
    assert f'<html lang="{lang}" dir="{loc.direction}">' in html
    assert 'class="crisis"' in html
    assert 'href="tel:' in html or loc.crisis_country == ""


@pytest.mark.parametrize("host", ["guide.example.org", "guide.example.org:8443"])
def test_a_trusted_host_is_served_and_named_in_the_alternates(guarded, host):
    response = guarded.get("/fr/", headers={"Host": host})
    assert response.status_code == 200
    html = response.get_data(as_text=True)
    for loc in LOCALES:
        assert (f'<link rel="alternate" hreflang="{loc.tag}" '
                f'href="http://{host}/{loc.tag}/">') in html
    assert f'hreflang="x-default" href="http://{host}/"' in html


def test_a_subdomain_wildcard_is_trusted(make_app):
    client = make_app(TRUSTED_HOSTS=[".example.org"]).test_client()
    assert client.get("/en/", headers={"Host": "www.example.org"}).status_code == 200
    assert client.get("/en/", headers={"Host": "example.org"}).status_code == 200
    assert client.get("/en/", headers={"Host": "example.org.evil"}).status_code == 400


@pytest.mark.parametrize("path", ["/en/", "/ar/sources"])
def test_without_settings_the_host_header_never_reaches_a_page(client, path):
    pages = [client.get(path, headers={"Host": host}).get_data(as_text=True)
             for host in ("one.example", EVIL)]
    for html in pages:
        assert EVIL not in html and "one.example" not in html
        alternates = re.findall(r'<link rel="alternate" hreflang="[^"]+" href="([^"]*)"', html)
        assert len(alternates) == len(LOCALES) + 1
        assert all(href.startswith("/") for href in alternates)
    # The same page for any host: the host is no key to the page cache.
    assert pages[0] == pages[1]


def test_public_url_makes_the_alternates_absolute_whatever_the_host(make_app):
    client = make_app(PUBLIC_URL="https://guide.example.org/").test_client()
    html = client.get("/de/sources", headers={"Host": EVIL}).get_data(as_text=True)
    assert EVIL not in html
    for loc in LOCALES:
        assert (f'<link rel="alternate" hreflang="{loc.tag}" '
                f'href="https://guide.example.org/{loc.tag}/sources">') in html
    assert 'hreflang="x-default" href="https://guide.example.org/"' in html


def test_public_url_goes_with_trusted_hosts(make_app):
    client = make_app(PUBLIC_URL="https://guide.example.org",
                      TRUSTED_HOSTS=["guide.example.org", "10.0.0.5"]).test_client()
    html = client.get("/en/", headers={"Host": "10.0.0.5"}).get_data(as_text=True)
    assert 'href="https://guide.example.org/es/"' in html
    assert "10.0.0.5" not in html
    assert client.get("/en/", headers={"Host": EVIL}).status_code == 400


@pytest.mark.parametrize("config, words", [
    ({"PUBLIC_URL": "guide.example.org"}, "must be an origin"),
    ({"PUBLIC_URL": "ftp://guide.example.org"}, "must be an origin"),
    ({"PUBLIC_URL": "https://guide.example.org/guide"}, "must be an origin"),
    ({"PUBLIC_URL": "https://user@guide.example.org"}, "must be an origin"),
    ({"TRUSTED_HOSTS": "guide.example.org"}, "must be a list of host names"),
    ({"TRUSTED_HOSTS": ["guide.example.org", ""]}, "must be a list of host names"),
    ({"PUBLIC_URL": "https://guide.example.org", "TRUSTED_HOSTS": ["other.example.org"]},
     "TRUSTED_HOSTS refuses"),
])
def test_host_settings_that_cannot_work_stop_the_app_at_start(config, words):
    with pytest.raises(ValueError, match=words):
        create_app({"TESTING": True, **config})


def test_trusted_hosts_and_public_url_come_from_the_environment(monkeypatch):
    monkeypatch.setenv("GUIDE_TRUSTED_HOSTS", '["guide.example.org"]')
    monkeypatch.setenv("GUIDE_PUBLIC_URL", "https://guide.example.org")
    monkeypatch.setenv("GUIDE_PREWARM_PDFS", "false")
    app = create_app()
    try:
        assert app.config["TRUSTED_HOSTS"] == ["guide.example.org"]
        assert app.config["PUBLIC_URL"] == "https://guide.example.org"
    finally:
        app.extensions["pdf"].close()


def test_whole_guides_are_prepared_under_a_trusted_host(make_app, caplog):
    app = make_app(TRUSTED_HOSTS=["guide.example.org"])
    views.prepare_whole_guides(app)
    assert not [r for r in caplog.records if r.levelno >= logging.ERROR]
    assert len(app.extensions["pdf"].cache) == len(LOCALES)


@pytest.fixture(scope="module")
def guarded_app():
    app = create_app({"TESTING": True, "RENDER_PROCESSES": 1,
                      "TRUSTED_HOSTS": ["guide.example.org"]})
    yield app
    app.extensions["pdf"].close()


# Any Host a client can write, with a mark to look for in the page.
made_up_hosts = st.builds(lambda a, b: f"{a}zq7{b}",
                          *[st.text(st.characters(min_codepoint=0x20, max_codepoint=0xFF),
                                    max_size=20)] * 2)


@given(host=made_up_hosts, path=st.sampled_from(["/en/", "/ar/sources", "/", "/de/nope"]))
def test_no_made_up_host_is_ever_in_a_page(app, guarded_app, host, path):
    # 400 without the list too, for a Host that is no host name (".zq7").
    for some_app, statuses in ((app, {200, 302, 400, 404}), (guarded_app, {400})):
        response = some_app.test_client().get(path, headers={"Host": host})
        assert response.status_code in statuses
        assert "zq7" not in response.get_data(as_text=True)
        assert "zq7" not in response.headers.get("Location", "")


def test_a_real_server_refuses_an_untrusted_host_and_serves_a_trusted_one():
    env = {"GUIDE_TRUSTED_HOSTS": '["127.0.0.1"]', "GUIDE_RENDER_PROCESSES": "1",
           "GUIDE_PREWARM_PDFS": "false"}
    with AppServer(env=env) as server:
        def get(path, host):
            conn = http.client.HTTPConnection("127.0.0.1", server.port, timeout=30)
            try:
                conn.request("GET", path, headers={"Host": host})
                response = conn.getresponse()
                return response.status, response.headers, response.read().decode()
            finally:
                conn.close()

        status, headers, body = get("/es/", EVIL)
        assert status == 400
        assert "Internal Server Error" not in body and EVIL not in body
        assert 'lang="es"' in body
        assert headers["Content-Security-Policy"].startswith("default-src 'none'")

        host = f"127.0.0.1:{server.port}"
        status, _, body = get("/es/", host)
        assert status == 200
        assert f'hreflang="en" href="http://{host}/en/"' in body
