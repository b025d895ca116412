"""Rendering under pressure: the PDF cache, the limit on renders at once, the time limit."""
from __future__ import annotations

import threading

import pytest

from guide import create_app
from guide.rendering import ByteCache


def test_the_cache_evicts_the_least_recently_used_beyond_its_size():
    cache = ByteCache(max_bytes=10)
    cache.put("a", b"1234")
    cache.put("b", b"1234")
    assert cache.get("a") == b"1234"  # a is now the most recently used
    cache.put("c", b"1234")
    assert cache.get("b") is None and cache.get("a") and cache.get("c")
    assert cache.bytes == 8
    cache.put("huge", b"x" * 11)
    assert cache.get("huge") is None and len(cache) == 2


def test_a_repeated_get_pdf_is_served_from_the_cache(app, client):
    cache = app.extensions["pdf"].cache
    first = client.get("/de/checklist.pdf?q=cost&q=relapse")
    size = len(cache)
    second = client.get("/de/checklist.pdf?q=relapse&q=cost")
    assert second.data == first.data
    assert len(cache) == size and cache.get(next(reversed(cache._items))) == first.data


def test_a_post_with_personal_text_is_never_cached(app, client):
    cache = app.extensions["pdf"].cache
    before = dict(cache._items)
    client.post("/en/checklist.pdf", data={"q": "cost", "own": "mine, all mine?"})
    assert dict(cache._items) == before


@pytest.fixture
def tight_app():
    """One render process, no queue: a second render at the same time is turned away."""
    app = create_app({"TESTING": True, "RENDER_PROCESSES": 1, "RENDER_QUEUE": 0,
                      "RENDER_QUEUE_WAIT": 0.1, "RETRY_AFTER": 7})
    yield app
    app.extensions["pdf"].close()


def test_beyond_the_queue_the_pdf_route_answers_503_with_retry_after(tight_app):
    service = tight_app.extensions["pdf"]
    worker = service._checkout()  # the only render process is busy
    try:
        for lang in ("en", "fr"):
            response = tight_app.test_client().get(f"/{lang}/checklist.pdf?q=cost")
            assert response.status_code == 503
            assert response.headers["Retry-After"] == "7"
            assert f'<html lang="{lang}"' in response.get_data(as_text=True)
        english = tight_app.test_client().get("/en/checklist.pdf?q=cost")
        assert "Many people are making a PDF right now" in english.get_data(as_text=True)
    finally:
        service._checkin(worker)
    assert tight_app.test_client().get("/en/checklist.pdf?q=cost").status_code == 200


def test_a_request_in_the_queue_waits_for_a_free_render(tight_app):
    service = tight_app.extensions["pdf"]
    service.queue, service.queue_wait = 1, 30
    worker = service._checkout()
    results = []
    waiter = threading.Thread(target=lambda: results.append(
        tight_app.test_client().get("/en/checklist.pdf?q=driving").status_code))
    waiter.start()
    waiter.join(0.5)
    assert waiter.is_alive(), "the queued request should still be waiting"
    service._checkin(worker)
    waiter.join(60)
    assert results == [200]


def test_a_render_past_the_time_limit_is_stopped_with_a_clear_error(tight_app):
    service = tight_app.extensions["pdf"]
    service.time_limit = 0.001
    response = tight_app.test_client().get("/en/checklist.pdf")
    assert response.status_code == 504
    assert "Making the PDF took too long" in response.get_data(as_text=True)
    assert service._started == 0 and not service._idle  # the stuck process is gone
    service.time_limit = 60
    assert tight_app.test_client().get("/en/checklist.pdf").status_code == 200
