"""Rendering under pressure: the PDF cache, the limit on renders at once, the time limit."""
from __future__ import annotations

import threading
import time

import pytest

from guide import create_app
from guide.rendering import Busy, ByteCache, RenderTimes


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
    held = service._checkout(expected=1.0)  # the only render process is busy for a second
    try:
        for lang in ("en", "fr"):
            response = tight_app.test_client().get(f"/{lang}/checklist.pdf?q=cost")
            assert response.status_code == 503
            assert response.headers["Retry-After"] == "7"
            assert f'<html lang="{lang}"' in response.get_data(as_text=True)
        english = tight_app.test_client().get("/en/checklist.pdf?q=cost")
        assert "Many people are making a PDF right now" in english.get_data(as_text=True)
    finally:
        service._checkin(held)
    assert tight_app.test_client().get("/en/checklist.pdf?q=cost").status_code == 200


def test_a_request_in_the_queue_waits_for_a_free_render(tight_app):
    service = tight_app.extensions["pdf"]
    service.queue, service.queue_wait = 1, 30
    held = service._checkout(expected=1.0)
    results = []
    waiter = threading.Thread(target=lambda: results.append(
        tight_app.test_client().get("/en/checklist.pdf?q=driving").status_code))
    waiter.start()
    waiter.join(0.5)
    assert waiter.is_alive(), "the queued request should still be waiting"
    service._checkin(held)
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


def test_render_times_are_learnt_for_each_size_of_document():
    times = RenderTimes(first_guess=0.5, weight=0.5)
    assert times.expect(40_000) == 0.5
    times.record(40_000, 0.4)
    times.record(8_000, 0.1)
    assert times.expect(41_000) == 0.4 and times.expect(7_000) == 0.1
    times.record(40_000, 0.2)
    assert times.expect(40_000) == pytest.approx(0.3)
    assert times.expect(1_000_000) == pytest.approx(0.3)  # the nearest size known


def test_a_request_waits_only_if_it_can_start_within_the_budget(tight_app):
    service = tight_app.extensions["pdf"]
    service.queue, service.queue_wait = 100, 1.9
    held = service._checkout(expected=0.5)
    tickets, waiters = [], []
    try:
        assert service.expected_wait() == pytest.approx(0.5, abs=0.05)
        # Three more of 0.5 s can start within 1.9 s: each waits its turn, in order.
        for i in range(3):
            waiters.append(threading.Thread(
                target=lambda: tickets.append(service._checkout(expected=0.5))))
            waiters[-1].start()
            _until(lambda: len(service._waiting) == i + 1)
        assert service.expected_wait() == pytest.approx(2.0, abs=0.05)
        with pytest.raises(Busy):  # a fifth would start at 2 s: told at once
            service._checkout(expected=0.5)
    finally:
        service._checkin(held)
        for waiter in waiters:  # each one in turn gets the render process, then gives it back
            waiter.join(10)
            service._checkin(tickets[-1])
    assert not service._waiting and not service._running


def _until(condition, timeout: float = 10) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out waiting for the queue"
        time.sleep(0.01)


def test_a_request_let_in_on_a_wrong_guess_is_not_kept_past_the_budget(tight_app):
    service = tight_app.extensions["pdf"]
    service.queue, service.queue_wait = 100, 0.2
    held = service._checkout(expected=0.01)  # expected to be done at once, but is not
    try:
        response = tight_app.test_client().get("/en/checklist.pdf?q=cost")
        assert response.status_code == 503 and response.headers["Retry-After"] == "7"
    finally:
        service._checkin(held)
