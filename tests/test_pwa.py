"""The installable parts as the server sends them: manifests, the worker, the offline page."""
from __future__ import annotations

import json

from guide.locales import BY_TAG


def test_each_language_has_a_translated_manifest(client, lang):
    response = client.get(f"/{lang}/manifest.webmanifest")
    assert response.status_code == 200
    assert response.mimetype == "application/manifest+json"
    manifest = json.loads(response.data)
    assert manifest["lang"] == lang and manifest["dir"] == BY_TAG[lang].direction
    assert manifest["start_url"] == manifest["scope"] == manifest["id"] == f"/{lang}/"
    assert manifest["display"] == "standalone"
    assert manifest["name"] and manifest["short_name"] and manifest["theme_color"]
    if lang != "en":
        assert manifest["name"] != "Ketamine questions guide"
    for icon in manifest["icons"]:
        with client.get(icon["src"]) as icon_response:
            assert icon_response.status_code == 200


def test_each_page_links_its_languages_manifest(client, lang):
    html = client.get(f"/{lang}/").get_data(as_text=True)
    assert f'<link rel="manifest" href="/{lang}/manifest.webmanifest">' in html


def test_the_worker_is_served_from_the_root_uncached_and_versioned(client, app):
    response = client.get("/sw.js")
    assert response.status_code == 200
    assert response.mimetype == "text/javascript"
    assert response.headers["Cache-Control"] == "no-cache"
    body = response.get_data(as_text=True)
    assert f'"version": "{app.config["BUILD_ID"]}"' in body
    assert '"/static/css/guide.css?v=' in body and '"/ar/offline"' in body
    assert "request.method !== \"GET\"" in body


def test_the_offline_page_exists_in_every_language(client, lang):
    response = client.get(f"/{lang}/offline")
    assert response.status_code == 200
    assert f'<html lang="{lang}"' in response.get_data(as_text=True)


def test_the_build_id_changes_with_the_content(tmp_path):
    from guide.assets import build_id
    (tmp_path / "a.css").write_text("body{}")
    first = build_id(tmp_path)
    (tmp_path / "a.css").write_text("body{color:red}")
    assert build_id(tmp_path) != first
