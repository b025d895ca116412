"""A quick run of the benchmark harness with tiny sizes, so it never rots. Nothing is timed
against a target here: the run only has to complete and measure every figure."""
from __future__ import annotations

from bench import run


def test_the_benchmark_harness_runs_end_to_end(capsys):
    assert run.main(["--quick"]) == 0
    out = capsys.readouterr().out
    for figure in ("1. PDF through the app", "2. whole-guide PDF, zh-Hans",
                   "2b. whole-guide PDF, large print", "2b. whole-guide PDF, es + zh-Hans",
                   "3. repeated GET",
                   "4. guide page req/s", "6a. peak RSS", "6b. RSS drift", "load: ",
                   "8a. GET /en/ p95 with 8 slow connections", "8b. goodput", "8c. longest wait",
                   "9a. whole-guide PDF", "9b. guide page req/s through make stack", "9c. ",
                   "9d. GET /en/ p95 with 8 slow connections"):
        assert figure in out
    assert "Traceback" not in out
