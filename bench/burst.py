"""Bursts of personal PDFs: what the wait budget lets in, what it turns away, how long anyone
waits.

    python -m bench.burst [--budget 3] [--times 3]
"""
from __future__ import annotations

import argparse
import http.client
import statistics
import threading
import time
import urllib.parse
from dataclasses import dataclass

from .server import AppServer

FORM = urllib.parse.urlencode({"q": ["driving", "side-effects", "cost"],
                               "own": "Can I keep working?"}, doseq=True).encode()


@dataclass
class Answer:
    status: int  # 0: no answer at all
    seconds: float
    retry_after: str | None


def post_pdf(port: int, timeout: float = 60) -> Answer:
    start = time.perf_counter()
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request("POST", "/en/checklist.pdf", body=FORM,
                     headers={"Content-Type": "application/x-www-form-urlencoded"})
        response = conn.getresponse()
        response.read()
        return Answer(response.status, time.perf_counter() - start,
                      response.getheader("Retry-After"))
    except OSError:
        return Answer(0, time.perf_counter() - start, None)
    finally:
        conn.close()


def one_at_a_time(port: int, n: int) -> float:
    """Seconds per PDF for one reader after another (the single-stream render rate)."""
    return statistics.median(post_pdf(port).seconds for _ in range(n))


def burst(port: int, n: int) -> tuple[list[Answer], float]:
    """``n`` POST PDFs sent at the same moment; their answers and the seconds until the
    last one came."""
    answers: list[Answer] = []
    lock = threading.Lock()
    go = threading.Event()

    def one():
        go.wait()
        answer = post_pdf(port)
        with lock:
            answers.append(answer)

    threads = [threading.Thread(target=one) for _ in range(n)]
    for thread in threads:
        thread.start()
    start = time.perf_counter()
    go.set()
    for thread in threads:
        thread.join()
    return answers, time.perf_counter() - start


def measure(budget: float, times: float) -> dict:
    """A burst of ``times`` × what fits in the budget, against `make run`'s server."""
    env = {"GUIDE_RENDER_QUEUE_WAIT": str(budget), "GUIDE_PREWARM_PDFS": "false"}
    with AppServer(env=env) as server:
        one_at_a_time(server.port, 3)  # render processes started, render times learnt
        single = one_at_a_time(server.port, 10)
        processes = int(_config(server, "RENDER_PROCESSES"))
        n = round(times * budget * processes / single)
        answers, seconds = burst(server.port, n)
    served = [a for a in answers if a.status == 200]
    shed = [a for a in answers if a.status == 503]
    return {
        "budget": budget, "single_seconds": single, "burst": n, "seconds": seconds,
        "served": len(served), "shed": len(shed),
        "other": sorted({a.status for a in answers} - {200, 503}),
        "shed_without_retry_after": sum(a.retry_after is None for a in shed),
        "goodput": len(served) / max(a.seconds for a in served) if served else 0.0,
        "single_rate": 1 / single,
        "longest_wait": max(a.seconds for a in answers),
        "longest_shed": max((a.seconds for a in shed), default=0.0),
    }


def _config(server: AppServer, name: str) -> str:
    """A setting as the server runs with it: the environment's, else the app's default."""
    from guide import DEFAULTS
    return server.env.get(f"GUIDE_{name}", str(DEFAULTS[name]))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--budget", type=float, default=3.0)
    parser.add_argument("--times", type=float, default=3.0)
    args = parser.parse_args()
    r = measure(args.budget, args.times)
    print(f"burst of {r['burst']} PDFs ({args.times}× a {r['budget']} s budget at "
          f"{r['single_seconds'] * 1000:.0f} ms each): {r['served']} served, {r['shed']} "
          f"told 503, other statuses {r['other']}; goodput {r['goodput']:.1f}/s vs "
          f"{r['single_rate']:.1f}/s one at a time; longest wait {r['longest_wait']:.2f} s, "
          f"longest 503 {r['longest_shed']:.2f} s")


if __name__ == "__main__":
    main()
