"""The PDF renderer fetches nothing but the app's own static files."""
from __future__ import annotations

import http.server
import threading
from pathlib import Path

import pytest

from guide.pdf import RefusedURL, Renderer, StaticOnlyFetcher


@pytest.fixture
def canary():
    """An HTTP server on loopback that records every request it gets."""
    hits = []

    class Handler(http.server.BaseHTTPRequestHandler):
        def do_GET(self):
            hits.append(self.path)
            self.send_response(200)
            self.send_header("Content-Type", "text/css")
            self.end_headers()
            self.wfile.write(b"body { color: red }")

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}", hits
    server.shutdown()
    server.server_close()


def test_own_text_with_urls_and_markup_fetches_nothing(client, canary, read_pdf):
    url, hits = canary
    own = "\n".join([
        f'<img src="{url}/img.png">',
        f'<link rel="stylesheet" href="{url}/evil.css">',
        f'<style>@import "{url}/import.css";</style>',
        "<iframe src=file:///etc/passwd></iframe>",
        f"{url}/plain-link",
        "file:///etc/passwd",
    ])
    response = client.post("/en/checklist.pdf", data={"q": "cost", "own": own})
    assert response.status_code == 200
    pdf = read_pdf(response.data)
    assert f'<img src="{url}/img.png">' in pdf
    assert "file:///etc/passwd" in pdf
    assert "root:x:0:0" not in pdf.text
    assert hits == []


def test_the_renderer_refuses_http_file_and_escapes_from_static(app, canary, read_pdf):
    """Even markup we wrote ourselves cannot reach outside the static folder."""
    url, hits = canary
    renderer = Renderer(Path(app.static_folder))
    html = f"""<html lang="en"><head><title>t</title>
      <link rel="stylesheet" href="{url}/evil.css">
      <style>body {{ background: url({url}/bg.png) }}</style></head>
      <body><p>Allowed text</p>
      <img src="{url}/img.png" alt="">
      <img src="file:///etc/passwd" alt="">
      <img src="../wsgi.py" alt="">
      <img src="fonts/../../guide/__init__.py" alt="">
      <object data="{url}/object"></object>
      </body></html>"""
    pdf = read_pdf(renderer.render(html))
    assert "Allowed text" in pdf
    assert hits == []


@pytest.mark.parametrize("url", [
    "http://127.0.0.1:9/x",
    "https://example.org/font.ttf",
    "file:///etc/passwd",
    "data:text/css,body{}",
    "ftp://127.0.0.1/x",
])
def test_the_fetcher_refuses_anything_but_static_files(app, url):
    fetcher = StaticOnlyFetcher(Path(app.static_folder))
    with pytest.raises(RefusedURL):
        fetcher.fetch(url)


def test_the_fetcher_refuses_paths_that_leave_the_static_folder(app):
    static = Path(app.static_folder)
    fetcher = StaticOnlyFetcher(static)
    with pytest.raises(RefusedURL):
        fetcher.fetch((static / ".." / "wsgi.py").as_uri())
    with pytest.raises(RefusedURL):
        fetcher.fetch(static.as_uri() + "/../setup.cfg")


def test_the_fetcher_serves_static_files_with_their_type(app):
    static = Path(app.static_folder)
    response = StaticOnlyFetcher(static).fetch((static / "css" / "checklist.css").as_uri())
    assert response.content_type == "text/css"
    assert b"@page" in response.read()


def test_the_render_processes_use_the_restricted_fetcher(client, canary, read_pdf):
    """The same check through the app's render processes, which build their own Renderer."""
    url, hits = canary
    response = client.post("/en/checklist.pdf", data={"own": f"{url}/x.png", "q": "cost"})
    assert response.status_code == 200 and hits == []
