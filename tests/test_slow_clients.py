"""Slow and hostile clients cannot starve the server `make run` starts: while 128
connections trickle their headers or a POST body a byte at a time, readers are still
answered. (How fast is a benchmark's question: bench/slow.py, figure 8a.)"""
from __future__ import annotations

import pytest

from bench.server import AppServer
from bench.slow import POST_FORM, SlowClients, timed


@pytest.fixture(scope="module")
def server():
    with AppServer(env={"GUIDE_PREWARM_PDFS": "false"}) as srv:
        yield srv


def test_readers_are_answered_while_slow_clients_hold_connections(server):
    with SlowClients(server.port, n_headers=64, n_body=64, interval=0.5) as slow:
        assert slow.open == 128
        # Well past the worker timeouts of a server whose workers the slow clients hold.
        assert timed(server.port, "GET", "/en/", timeout=10)[1] == 200
        assert timed(server.port, "POST", "/en/checklist.pdf", POST_FORM, timeout=10)[1] == 200
        assert slow.open == 128, "the slow connections were still open throughout"
    assert timed(server.port, "GET", "/fr/", timeout=10)[1] == 200
