"""What browsers and proxies may keep, and compressed text on the wire."""
from __future__ import annotations

import gzip
import re

import brotli
import pytest

from guide.rendering import ByteCache


def test_pages_link_static_files_by_content_hash(client, app):
    html = client.get("/en/").get_data(as_text=True)
    fingerprint = app.extensions["fingerprints"]["css/guide.css"]
    assert f'href="/static/css/guide.css?v={fingerprint}"' in html
    assert re.search(r'src="/static/js/guide\.js\?v=[0-9a-f]{12}"', html)


def test_a_fingerprinted_static_file_is_cached_for_a_year(client, app):
    fingerprint = app.extensions["fingerprints"]["js/guide.js"]
    with client.get(f"/static/js/guide.js?v={fingerprint}") as response:
        assert response.headers["Cache-Control"] == "public, max-age=31536000, immutable"
    with client.get("/static/js/guide.js?v=0123456789ab") as stale:
        assert stale.headers["Cache-Control"] == "no-cache"
    with client.get("/static/js/guide.js") as bare:
        assert bare.headers["Cache-Control"] == "no-cache"


@pytest.mark.parametrize("path", ["/en/", "/ar/sources", "/xx/", "/sw.js",
                                  "/en/manifest.webmanifest"])
def test_html_and_the_worker_are_always_revalidated(client, path):
    assert client.get(path).headers["Cache-Control"] == "no-cache"


@pytest.mark.parametrize("encoding, decode", [("gzip", gzip.decompress),
                                              ("br", brotli.decompress)])
def test_text_is_compressed_as_the_client_asks(client, encoding, decode):
    response = client.get("/en/", headers={"Accept-Encoding": encoding})
    assert response.headers["Content-Encoding"] == encoding
    assert "Accept-Encoding" in response.headers["Vary"]
    assert b"<!doctype html>" in decode(response.data)
    assert len(response.data) < len(decode(response.data)) / 3


def test_pdfs_are_not_compressed_again(client):
    response = client.get("/en/checklist.pdf?q=cost", headers={"Accept-Encoding": "gzip, br"})
    assert "Content-Encoding" not in response.headers
    assert response.data.startswith(b"%PDF-")


def test_pages_are_rendered_once_per_language_and_country(app, client, monkeypatch):
    # A cache of its own: other tests have already asked for these pages.
    cache = ByteCache(16 * 1024 * 1024)
    monkeypatch.setitem(app.extensions, "page_cache", cache)
    first = client.get("/pt-BR/?country=PT").data
    count = len(cache)
    assert client.get("/pt-BR/?country=PT").data == first
    assert len(cache) == count
    other = client.get("/pt-BR/?country=BR").data
    assert other != first and len(cache) == count + 1
    # Without PUBLIC_URL or TRUSTED_HOSTS the links are root-relative: one entry for any Host.
    assert client.get("/pt-BR/?country=BR", headers={"Host": "guide.example"}).data == other
    assert len(cache) == count + 1


def test_a_query_string_that_changes_nothing_adds_no_page_to_the_cache(app, client, lang):
    # Found by Hypothesis: every new query string was a new entry, so anyone could push the
    # real pages out of the cache with "?1", "?2"... The page depends on language and country.
    cache = app.extensions["page_cache"]
    plain = client.get(f"/{lang}/sources").data
    count = len(cache)
    for junk in ("utm_source=x", "q=cost", "1", "paper=a3&top=why-me"):
        assert client.get(f"/{lang}/sources?{junk}").data == plain
    assert len(cache) == count
