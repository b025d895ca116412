"""Rendering PDFs without letting them sink the server.

- A few long-lived render processes (default: one per core) do the WeasyPrint work. At most
  that many renders run at once; a short queue waits for a free one, and beyond it the
  request is answered at once with 503 and Retry-After rather than piling up.
- A render that runs past its time limit is stopped for real: its process is killed and a
  fresh one takes its place.
- GET PDFs (no personal text) are kept in a bounded LRU cache, by bytes. POSTs never are.
"""
from __future__ import annotations

import atexit
import logging
import select
import struct
import subprocess
import sys
import threading
import time
from collections import OrderedDict
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


class RenderService:
    def __init__(self, static_root: Path, *, processes: int, queue: int, queue_wait: float,
                 time_limit: float, cache_bytes: int):
        self.static_root = Path(static_root)
        self.processes = max(1, processes)
        self.queue = max(0, queue)
        self.queue_wait = queue_wait
        self.time_limit = time_limit
        self.cache = ByteCache(cache_bytes)
        self._idle: list[_Worker] = []
        # Render processes end with the app's process, even if nobody calls close().
        atexit.register(self.close)
        self._started = 0
        self._waiting = 0
        self._cond = threading.Condition()

    def pdf_for(self, key, make_html) -> bytes:
        """The cached PDF for ``key``, or ``make_html()`` rendered and kept. The HTML is only
        made on a miss: a hit costs a dictionary lookup."""
        pdf = self.cache.get(key)
        if pdf is None:
            pdf = self.render(make_html())
            self.cache.put(key, pdf)
        return pdf

    def render(self, html: str) -> bytes:
        worker = self._checkout()
        try:
            pdf = worker.render(html, self.time_limit)
        except TooSlow:
            log.warning("a PDF render ran past %.1f s and was stopped", self.time_limit)
            worker.stop()
            worker = None
            raise
        except (EOFError, OSError) as error:  # the process died (out of memory, killed)
            worker.stop()
            worker = None
            raise RenderFailed(f"render process lost: {error!r}") from error
        finally:
            self._checkin(worker)
        return pdf

    def _checkout(self) -> _Worker:
        with self._cond:
            free = lambda: self._idle or self._started < self.processes  # noqa: E731
            if not free() and self._waiting >= self.queue:
                raise Busy
            self._waiting += 1
            try:
                deadline = time.monotonic() + self.queue_wait
                while not free():
                    remaining = deadline - time.monotonic()
                    if remaining <= 0:
                        raise Busy
                    self._cond.wait(remaining)
                if self._idle:
                    return self._idle.pop()
                self._started += 1
            finally:
                self._waiting -= 1
        # Starting a process takes a moment (it imports WeasyPrint): not under the lock.
        try:
            return _Worker(self.static_root)
        except Exception:
            self._checkin(None)
            raise

    def _checkin(self, worker: _Worker | None) -> None:
        with self._cond:
            if worker is None:
                self._started -= 1  # a stopped worker: the next render starts a fresh one
            else:
                self._idle.append(worker)
            self._cond.notify()

    def close(self) -> None:
        with self._cond:
            for worker in self._idle:
                worker.stop()
            self._idle.clear()
            self._started = 0


if __name__ == "__main__":
    serve(sys.argv[1])
