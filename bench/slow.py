"""Slow and hostile clients: connections that trickle their request one byte at a time.

    python -m bench.slow [--server waitress] [--connections 64] [--seconds 60]

Half of the connections send a request's headers a byte at a time and never finish them;
the other half send a POST's headers and then trickle its body. While they are open, a
normal reader asks for ``GET /en/`` and a fresh POST PDF; the figures are their latencies,
compared with the same requests when no slow client is around.
"""
from __future__ import annotations

import argparse
import asyncio
import http.client
import statistics
import threading
import time
import urllib.parse

from .server import SERVERS, AppServer

POST_FORM = urllib.parse.urlencode(
    {"q": ["driving", "side-effects"], "own": "Can I keep working?"}, doseq=True).encode()


class SlowClients:
    """``n_headers`` + ``n_body`` connections trickling one byte every ``interval`` seconds,
    on an event loop of their own (a thread), so they cost the measuring side nothing."""

    def __init__(self, port: int, n_headers: int, n_body: int, interval: float = 1.0):
        self.port, self.n_headers, self.n_body, self.interval = port, n_headers, n_body, interval
        self.open = 0
        self._stop = threading.Event()
        self._thread = threading.Thread(target=lambda: asyncio.run(self._main()), daemon=True)

    async def _one(self, head: bytes, trickle: bytes) -> None:
        try:
            reader, writer = await asyncio.open_connection("127.0.0.1", self.port)
        except OSError:
            return
        self.open += 1
        try:
            writer.write(head)
            await writer.drain()
            for i in range(len(trickle)):
                if self._stop.is_set():
                    break
                writer.write(trickle[i:i + 1])
                await writer.drain()
                await asyncio.sleep(self.interval)
        except OSError:
            pass  # the server hung up on it: that is allowed
        finally:
            self.open -= 1
            writer.close()

    async def _main(self) -> None:
        body = b"q=driving&" + b"x" * 100_000
        headers = (b"GET /en/ HTTP/1.1\r\nHost: 127.0.0.1\r\n",
                   b"X-Slow: " + b"a" * 100_000)
        post = (b"POST /en/checklist.pdf HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                b"Content-Type: application/x-www-form-urlencoded\r\n"
                b"Content-Length: %d\r\n\r\n" % 60_000, body[:60_000])
        tasks = [self._one(*headers) for _ in range(self.n_headers)]
        tasks += [self._one(*post) for _ in range(self.n_body)]
        gathered = asyncio.gather(*tasks)
        while not self._stop.is_set():
            await asyncio.sleep(0.1)
        await gathered

    def __enter__(self) -> "SlowClients":
        self._thread.start()
        deadline = time.monotonic() + 10
        while self.open < self.n_headers + self.n_body and time.monotonic() < deadline:
            time.sleep(0.05)
        time.sleep(self.interval * 2)  # every connection has sent its first bytes
        return self

    def __exit__(self, *exc) -> None:
        self._stop.set()
        self._thread.join(self.interval * 3 + 5)


def timed(port: int, method: str, path: str, body: bytes | None = None,
          timeout: float = 30) -> tuple[float, int]:
    """Seconds for one request on a new connection, and its status (0: no answer)."""
    start = time.perf_counter()
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        headers = {"Content-Type": "application/x-www-form-urlencoded"} if body else {}
        conn.request(method, path, body=body, headers=headers)
        response = conn.getresponse()
        response.read()
        status = response.status
    except OSError:
        status = 0
    finally:
        conn.close()
    return time.perf_counter() - start, status


def p95(values: list[float]) -> float:
    return statistics.quantiles(values, n=20)[-1] if len(values) > 1 else values[0]


def probe(port: int, samples: int, timeout: float = 10) -> dict:
    """Latencies of a reader's requests; a server that leaves three unanswered (``timeout``
    each) has failed, and is not waited for any longer."""
    pages, pdfs = [], []
    for i in range(samples):
        pages.append(timed(port, "GET", "/en/", timeout=timeout))
        if i % 10 == 0:
            pdfs.append(timed(port, "POST", "/en/checklist.pdf", POST_FORM, timeout=timeout))
        if sum(status == 0 for _, status in pages + pdfs) >= 3:
            break
    return {"page_p95": p95([t for t, _ in pages]), "page_max": max(t for t, _ in pages),
            "pdf_max": max(t for t, _ in pdfs),
            "failed": sum(s != 200 for _, s in pages + pdfs)}


def measure(server: AppServer, connections: int, seconds: float, samples: int = 100) -> dict:
    """The reader's latencies without slow clients, with them, and after they went."""
    probe(server.port, samples)  # warm: render processes started, pages cached
    calm = probe(server.port, samples)
    with SlowClients(server.port, connections // 2, connections - connections // 2) as slow:
        started = time.monotonic()
        under = probe(server.port, samples)
        held = slow.open
        time.sleep(max(0.0, seconds - (time.monotonic() - started)))
        under_late = probe(server.port, samples)
    after = probe(server.port, samples)
    return {"calm": calm, "slow": under, "slow_late": under_late, "after": after,
            "slow_open": held}


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--server", choices=sorted(SERVERS), default="waitress")
    parser.add_argument("--connections", type=int, default=128)
    parser.add_argument("--seconds", type=float, default=60)
    args = parser.parse_args()
    with AppServer(args.server) as server:
        result = measure(server, args.connections, args.seconds)
    for phase in ("calm", "slow", "slow_late", "after"):
        r = result[phase]
        print(f"{args.server:>16} {phase:>9}: GET /en/ p95 {r['page_p95'] * 1000:7.1f} ms "
              f"(max {r['page_max'] * 1000:7.1f}), POST PDF max {r['pdf_max'] * 1000:7.1f} ms, "
              f"failed {r['failed']}")
    print(f"slow connections still open while measured: {result['slow_open']}")


if __name__ == "__main__":
    main()
