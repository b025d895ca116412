"""Headers on every response, no cookies, and nothing a person types is logged."""
from __future__ import annotations

import logging

import pytest

ROUTES = [
    ("get", "/", {}),
    ("get", "/en/", {}),
    ("get", "/en/sources", {}),
    ("get", "/en/checklist", {}),
    ("get", "/en/checklist.pdf?q=cost", {}),
    ("post", "/en/checklist.pdf", {"data": {"q": "cost", "own": "mine?"}}),
    ("post", "/en/checklist.pdf", {"data": {"q": "nope"}}),
    ("get", "/healthz", {}),
    ("get", "/xx/", {}),
    ("get", "/static/css/guide.css", {}),
    ("get", "/sw.js", {}),
    ("get", "/en/manifest.webmanifest", {}),
    ("get", "/en/offline", {}),
]


@pytest.mark.parametrize("method, path, kwargs", ROUTES, ids=[f"{m} {p}" for m, p, _ in ROUTES])
def test_every_response_has_strict_headers_and_no_cookie(client, method, path, kwargs):
    response = getattr(client, method)(path, **kwargs)
    response.close()
    csp = response.headers["Content-Security-Policy"]
    assert csp.startswith("default-src 'none'")
    assert "frame-ancestors 'none'" in csp
    assert "'unsafe-inline'" not in csp and "'unsafe-eval'" not in csp
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Referrer-Policy"] == "no-referrer"
    assert "Set-Cookie" not in response.headers


def test_what_a_person_types_is_never_logged(client, caplog, capsys):
    marker = "my-secret-question-7f3a"
    caplog.set_level(logging.DEBUG)
    client.post("/en/checklist.pdf", data={"q": "cost", "own": f"{marker}?"})
    client.post("/en/checklist.pdf", data={"q": "nope", "own": f"{marker}?"})
    client.post("/en/checklist.pdf", data={"own": marker * 3000})
    captured = capsys.readouterr()
    assert marker not in caplog.text
    assert marker not in captured.out + captured.err


def test_nothing_is_written_to_disk_by_a_request(app, client, tmp_path):
    marker = "my-secret-question-9c1e"
    from pathlib import Path
    root = Path(app.root_path).parent
    before = {p: p.stat().st_mtime for p in root.rglob("*")
              if p.is_file() and ".venv" not in p.parts and "__pycache__" not in p.parts}
    client.post("/en/checklist.pdf", data={"q": "cost", "own": f"{marker}?"})
    after = {p: p.stat().st_mtime for p in root.rglob("*")
             if p.is_file() and ".venv" not in p.parts and "__pycache__" not in p.parts
             and ".pytest_cache" not in p.parts}
    assert {p for p in after if p not in before or after[p] != before[p]} == set()
