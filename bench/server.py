"""The app served on a free loopback port, as `make run` serves it: for the benchmarks and
browser tests."""
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


# What serves the app: "waitress" is what `make run` starts (wsgi.py); the others are the
# alternatives it was measured against (python -m bench.slow --server ...).
SERVERS = {
    "waitress": lambda port, workers, threads: [
        sys.executable, "wsgi.py", "--host", "127.0.0.1", "--port", str(port),
        *(["--threads", str(threads)] if threads else [])],
    "gunicorn-sync": lambda port, workers, threads: [
        sys.executable, "-m", "gunicorn", "--workers", str(workers), "--bind",
        f"127.0.0.1:{port}", "wsgi:app"],
    "gunicorn-gthread": lambda port, workers, threads: [
        sys.executable, "-m", "gunicorn", "--workers", str(workers), "--worker-class",
        "gthread", "--threads", str(threads or 8), "--bind", f"127.0.0.1:{port}", "wsgi:app"],
    "granian": lambda port, workers, threads: [
        sys.executable, "-m", "granian", "--interface", "wsgi", "--workers", str(workers),
        "--host", "127.0.0.1", "--port", str(port), "wsgi:app"],
}


class AppServer:
    """The app served on 127.0.0.1 in a process group of its own, by default as `make run`
    serves it.

    ``stop()`` is a real outage; ``start()`` again on the same port is a deploy (give it a
    new ``build_id`` to make it a new version). Also a context manager.
    """

    def __init__(self, kind: str = "waitress", env: dict | None = None,
                 workers: int = 2, threads: int | None = None, access_log: Path | None = None):
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.command = SERVERS[kind](self.port, workers, threads)
        if access_log:
            if kind != "waitress":
                raise ValueError("only wsgi.py's server writes the access log")
            self.command += ["--access-log", str(access_log)]
        self.kind = kind
        self.env = {**os.environ, **(env or {})}
        self.process = None

    def start(self, build_id: str | None = None) -> "AppServer":
        env = {**self.env, **({"GUIDE_BUILD_ID": build_id} if build_id else {})}
        self.process = subprocess.Popen(
            self.command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL,
            start_new_session=True)
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                with urllib.request.urlopen(self.url + "/healthz", timeout=1):
                    return self
            except OSError:
                if self.process.poll() is not None:
                    raise RuntimeError(f"{self.kind} exited with {self.process.returncode}")
                time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"{self.kind} did not start within 60 s")

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            os.killpg(self.process.pid, signal.SIGTERM)
            try:
                self.process.wait(15)
            except subprocess.TimeoutExpired:
                os.killpg(self.process.pid, signal.SIGKILL)
                self.process.wait()
        self.process = None

    def __enter__(self) -> "AppServer":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()
