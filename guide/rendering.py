"""Rendering PDFs without letting them sink the server.

- A few long-lived render processes (default: one per core) do the WeasyPrint work. At most
  that many renders run at once; the others wait in order for a free one, but only those
  expected to start within the wait budget: the rest are answered at once with 503 and
  Retry-After rather than piling up.
- A render that runs past its time limit is stopped for real: its process is killed and a
  fresh one takes its place.
- GET PDFs (no personal text) are kept in a bounded LRU cache, by bytes. POSTs never are.
"""
from __future__ import annotations

import atexit
import heapq
import logging
import select
import struct
import subprocess
import sys
import threading
import time
from collections import OrderedDict, deque
from pathlib import Path

log = logging.getLogger(__name__)


class Busy(Exception):
    """Every render process is taken and the queue is full, or the wait ran out."""


class TooSlow(Exception):
    """A render ran past the time limit and was stopped."""


class RenderFailed(Exception):
    """WeasyPrint raised: a bug in our HTML, not the person's input."""


class ByteCache:
    """A least-recently-used map from key to bytes (PDFs, pages), bounded by total size."""

    def __init__(self, max_bytes: int):
        self.max_bytes = max_bytes
        self.bytes = 0
        self._items: OrderedDict[object, bytes] = OrderedDict()
        self._lock = threading.Lock()

    def get(self, key) -> bytes | None:
        with self._lock:
            value = self._items.get(key)
            if value is not None:
                self._items.move_to_end(key)
            return value

    def put(self, key, value: bytes) -> None:
        if len(value) > self.max_bytes:
            return
        with self._lock:
            old = self._items.pop(key, None)
            if old is not None:
                self.bytes -= len(old)
            self._items[key] = value
            self.bytes += len(value)
            while self.bytes > self.max_bytes:
                _, evicted = self._items.popitem(last=False)
                self.bytes -= len(evicted)

    def __len__(self) -> int:
        return len(self._items)


def _send(stream, status: bytes, payload: bytes) -> None:
    stream.write(status + struct.pack(">I", len(payload)) + payload)
    stream.flush()


def _read_exactly(stream, size: int) -> bytes:
    data = stream.read(size)
    if data is None or len(data) != size:
        raise EOFError("render process closed its pipe")
    return data


def serve(static_root: str) -> None:
    """A render process (``python -m guide.rendering STATIC``): import WeasyPrint and load
    the fonts once, then turn each HTML document on stdin into a PDF on stdout."""
    from .pdf import Renderer

    renderer = Renderer(Path(static_root))
    source, sink = sys.stdin.buffer, sys.stdout.buffer
    sys.stdout = sys.stderr  # stdout carries PDFs: nothing else may write to it
    while True:
        try:
            size = struct.unpack(">I", _read_exactly(source, 4))[0]
        except EOFError:
            return
        html = _read_exactly(source, size).decode("utf-8")
        try:
            result = b"+", renderer.render(html)
        except Exception as error:  # reported to the parent, which logs it
            result = b"-", f"{type(error).__name__}: {error}".encode()
        try:
            _send(sink, *result)
        except BrokenPipeError:
            return  # the server went away (shut down or restarted): nothing to answer


class _Worker:
    def __init__(self, static_root: Path):
        # A plain child process, not multiprocessing: it works whatever the host's __main__
        # is, and killing it on a time-out leaves nothing shared in a bad state.
        self.process = subprocess.Popen(
            [sys.executable, "-m", "guide.rendering", str(static_root)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, cwd=Path(__file__).parent.parent)

    def render(self, html: str, time_limit: float) -> bytes:
        data = html.encode("utf-8")
        self.process.stdin.write(struct.pack(">I", len(data)) + data)
        self.process.stdin.flush()
        ready, _, _ = select.select([self.process.stdout], [], [], time_limit)
        if not ready:
            raise TooSlow
        status = _read_exactly(self.process.stdout, 1)
        size = struct.unpack(">I", _read_exactly(self.process.stdout, 4))[0]
        payload = _read_exactly(self.process.stdout, size)
        if status != b"+":
            raise RenderFailed(payload.decode("utf-8", "replace"))
        return payload

    def stop(self) -> None:
        self.process.kill()
        self.process.wait(5)
        self.process.stdin.close()
        self.process.stdout.close()


class RenderTimes:
    """How long a render takes, learnt from the renders done: a moving average for each size
    of document (a short personal list and the whole guide differ by about five times).
    Sizes are counts of items listed; sizes within a factor of two share an average."""

    def __init__(self, first_guess: float, weight: float = 0.2):
        self.first_guess, self.weight = first_guess, weight
        self._by_size: dict[int, float] = {}

    def expect(self, items: int) -> float:
        if not self._by_size:
            return self.first_guess
        size = items.bit_length()
        nearest = min(self._by_size, key=lambda known: abs(known - size))
        return self._by_size[nearest]

    def record(self, items: int, seconds: float) -> None:
        size = items.bit_length()
        old = self._by_size.get(size)
        self._by_size[size] = seconds if old is None else old + self.weight * (seconds - old)


class _Ticket:
    """A request's place in the render queue."""

    def __init__(self, expected: float):
        self.expected = expected
        self.granted = threading.Event()
        self.worker: _Worker | None = None
        self.started = 0.0
        self.deadline = 0.0


class RenderService:
    """Renders PDFs in ``processes`` child processes, first come first served.

    A request joins the queue only if it is expected to start rendering within
    ``queue_wait`` seconds, judged from the renders running and queued now and how long
    renders of their size have taken; otherwise it is turned away at once (``Busy``), so
    that it can be told to come back rather than wait for nothing. ``queue`` caps how many
    may wait, whatever they are expected to cost, so that waiting PDFs never take every
    thread of the server from the pages.
    """

    # A request that was let in but has still not started this long after its budget (the
    # renders ahead of it ran longer than expected) is turned away after all.
    GRACE = 1.0

    def __init__(self, static_root: Path, *, processes: int, queue: int, queue_wait: float,
                 time_limit: float, cache_bytes: int, first_guess: float = 0.5):
        self.static_root = Path(static_root)
        self.processes = max(1, processes)
        self.queue = max(0, queue)
        self.queue_wait = queue_wait
        self.time_limit = time_limit
        self.cache = ByteCache(cache_bytes)
        self.times = RenderTimes(first_guess)
        self._idle: list[_Worker] = []
        self._started = 0  # render processes alive (idle or rendering)
        self._running: set[_Ticket] = set()
        self._waiting: deque[_Ticket] = deque()
        self._lock = threading.Lock()
        # Render processes end with the app's process, even if nobody calls close().
        atexit.register(self.close)

    def pdf_for(self, key, make_html, size: int) -> bytes:
        """The cached PDF for ``key``, or ``make_html()`` rendered and kept. The HTML is only
        made on a miss: a hit costs a dictionary lookup."""
        pdf = self.cache.get(key)
        if pdf is None:
            pdf = self.render(make_html, size)
            self.cache.put(key, pdf)
        return pdf

    def render(self, make_html, size: int) -> bytes:
        """``make_html()`` as a PDF. ``size`` is how many items the document lists: renders
        of about the same size are expected to take about as long as the last ones did.

        Whether the request may wait is decided before its HTML is made, so that turning it
        away costs next to nothing; the HTML is made while it waits its turn.
        """
        ticket = self._join(self.times.expect(size))
        try:
            html = make_html()
        except BaseException:
            self._leave(ticket)
            raise
        self._wait(ticket)
        worker = ticket.worker
        try:
            if worker is None:
                # Starting a process takes a moment (it imports WeasyPrint): not under a lock.
                worker = ticket.worker = _Worker(self.static_root)
            started = time.monotonic()
            pdf = worker.render(html, self.time_limit)
            self.times.record(size, time.monotonic() - started)
        except TooSlow:
            log.warning("a PDF render ran past %.1f s and was stopped", self.time_limit)
            self._stop(ticket)
            raise
        except (EOFError, OSError) as error:  # the process died (out of memory, killed)
            self._stop(ticket)
            raise RenderFailed(f"render process lost: {error!r}") from error
        except BaseException:
            self._checkin(ticket)
            raise
        self._checkin(ticket)
        return pdf

    def expected_wait(self) -> float:
        """Seconds until a request arriving now would start rendering."""
        with self._lock:
            return self._expected_wait(time.monotonic())

    def _expected_wait(self, now: float) -> float:
        # Each render process is free once what it runs now is done; the queue is then
        # shared out in order, each to the process that is free first.
        free_at = [max(0.0, t.started + t.expected - now) for t in self._running]
        free_at += [0.0] * (self.processes - len(free_at))
        heapq.heapify(free_at)
        for ticket in self._waiting:
            heapq.heapreplace(free_at, free_at[0] + ticket.expected)
        return free_at[0]

    def _checkout(self, expected: float) -> _Ticket:
        """A render process, once it is this request's turn (or ``Busy``)."""
        ticket = self._join(expected)
        self._wait(ticket)
        return ticket

    def _join(self, expected: float) -> _Ticket:
        """A place at the end of the queue, if it is expected to start within the budget."""
        ticket = _Ticket(expected)
        ticket.deadline = time.monotonic() + self.queue_wait + self.GRACE
        with self._lock:
            if (len(self._waiting) >= self.queue and len(self._running) >= self.processes
                    or self._expected_wait(time.monotonic()) > self.queue_wait):
                raise Busy
            self._waiting.append(ticket)
            self._dispatch()
        return ticket

    def _wait(self, ticket: _Ticket) -> None:
        if ticket.granted.wait(max(0.0, ticket.deadline - time.monotonic())):
            return
        with self._lock:
            if ticket.granted.is_set():  # granted just as the wait ran out: take it
                return
            self._waiting.remove(ticket)
        raise Busy

    def _leave(self, ticket: _Ticket) -> None:
        """Give up a place in the queue, or the render process it was already given."""
        with self._lock:
            if not ticket.granted.is_set():
                self._waiting.remove(ticket)
                return
        self._checkin(ticket)

    def _dispatch(self) -> None:
        """Give free render processes to the requests at the head of the queue (under the
        lock)."""
        while self._waiting and len(self._running) < self.processes:
            ticket = self._waiting.popleft()
            if self._idle:
                ticket.worker = self._idle.pop()
            else:
                self._started += 1  # the request starts one itself, outside the lock
            ticket.started = time.monotonic()
            self._running.add(ticket)
            ticket.granted.set()

    def _checkin(self, ticket: _Ticket) -> None:
        with self._lock:
            self._running.discard(ticket)
            if ticket.worker is not None:
                self._idle.append(ticket.worker)
            else:
                self._started -= 1  # it never started: the next render starts a fresh one
            self._dispatch()

    def _stop(self, ticket: _Ticket) -> None:
        """A render process that failed or hung is killed; the next render starts another."""
        if ticket.worker is not None:
            ticket.worker.stop()
            ticket.worker = None
        self._checkin(ticket)

    def close(self) -> None:
        with self._lock:
            for worker in self._idle:
                worker.stop()
            self._started -= len(self._idle)
            self._idle.clear()


if __name__ == "__main__":
    serve(sys.argv[1])
