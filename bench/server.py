"""gunicorn serving the app on a free loopback port: for the benchmarks and browser tests."""
from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent

# Ports Chrome refuses to connect to ("unsafe"): never serve on one of them.
UNSAFE_PORTS = {5060, 5061, 6000, 6665, 6666, 6667, 6668, 6669, 10080}


def free_port() -> int:
    while True:
        with socket.socket() as s:
            s.bind(("127.0.0.1", 0))
            port = s.getsockname()[1]
        if port not in UNSAFE_PORTS:
            return port


class Gunicorn:
    """``gunicorn wsgi:app`` on 127.0.0.1 in a process group of its own.

    ``stop()`` is a real outage; ``start()`` again on the same port is a deploy (give it a
    new ``build_id`` to make it a new version). Also a context manager.
    """

    def __init__(self, workers: int = 2, env: dict | None = None,
                 access_log: Path | None = None, threads: int = 1):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.workers, self.threads = workers, threads
        self.env = {**os.environ, **(env or {})}
        self.access_log = access_log
        self.process = None

    def start(self, build_id: str | None = None) -> "Gunicorn":
        env = {**self.env, **({"GUIDE_BUILD_ID": build_id} if build_id else {})}
        self.process = subprocess.Popen(
            [sys.executable, "-m", "gunicorn", "--workers", str(self.workers),
             "--threads", str(self.threads), "--bind", f"127.0.0.1:{self.port}",
             *(["--access-logfile", str(self.access_log)] if self.access_log else []),
             "wsgi:app"],
            cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            start_new_session=True)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(self.url + "/healthz", timeout=1):
                    return self
            except OSError:
                if self.process.poll() is not None:
                    raise RuntimeError(f"gunicorn exited with {self.process.returncode}")
                time.sleep(0.1)
        self.stop()
        raise RuntimeError("gunicorn did not start within 60 s")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(15)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        self.process = None

    def __enter__(self) -> "Gunicorn":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()
