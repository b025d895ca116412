"""Overload, against the server `make run` starts: a burst of PDFs that fits in the wait
budget is served completely; beyond it, the excess is told at once to come back later."""
from __future__ import annotations

import pytest

from bench.burst import burst, one_at_a_time
from bench.server import AppServer

BUDGET = 8.0


@pytest.fixture(scope="module")
def server():
    env = {"GUIDE_RENDER_PROCESSES": "1", "GUIDE_RENDER_QUEUE_WAIT": str(BUDGET),
           "GUIDE_RETRY_AFTER": "9", "GUIDE_PREWARM_PDFS": "false"}
    with AppServer(env=env) as srv:
        one_at_a_time(srv.port, 3)  # the render process is up and its times are learnt
        yield srv


@pytest.fixture(scope="module")
def seconds_per_pdf(server):
    """How long one PDF takes here: the bursts are sized from it, so that they mean the same
    on a fast machine and a slow one."""
    return one_at_a_time(server.port, 5)


def test_a_burst_whose_work_fits_in_the_budget_is_served_completely(server, seconds_per_pdf):
    # A quarter of the budget's worth: room for a machine that slows under the burst itself.
    n = max(3, int(BUDGET / 4 / seconds_per_pdf))
    answers, _ = burst(server.port, n)
    assert [a.status for a in answers] == [200] * n


def test_a_burst_three_times_the_budget_sheds_the_excess_with_503_and_retry_after(
        server, seconds_per_pdf):
    n = int(3 * BUDGET / seconds_per_pdf)
    answers, _ = burst(server.port, n)
    statuses = [a.status for a in answers]
    assert set(statuses) == {200, 503}, "served up to the budget, the rest told to retry"
    assert statuses.count(503) >= n // 3
    assert all(a.retry_after == "9" for a in answers if a.status == 503)
