"""`make stack` (nginx in front of app instances) on a free port: for the benchmarks,
tests/test_stack.py and the browser tests (StackServer). Also the figures that compare the
stack with one instance and with nginx serving a plain file.

    python -m bench.stack [--quick]
"""
from __future__ import annotations

import argparse
import http.client
import os
import re
import shutil
import signal
import subprocess
import tempfile
import time
import urllib.request
from pathlib import Path

from .server import ROOT, free_port

NGINX = os.environ.get("GUIDE_NGINX", "/usr/sbin/nginx")


class Stack:
    """``make stack HOST=127.0.0.1 PORT=<free>``, its output in ``log``. ``stop()`` sends
    SIGTERM to make alone, as a process manager would."""

    def __init__(self, log: Path, instances: int = 2, env: dict | None = None):
        self.port = free_port()
        self.url = f"127.0.0.1:{self.port}"
        self.log = log
        with self.log.open("wb") as out:
            self.make = subprocess.Popen(
                ["make", "--no-print-directory", "stack", "HOST=127.0.0.1",
                 f"PORT={self.port}", f"INSTANCES={instances}"],
                cwd=ROOT, env={**os.environ, **(env or {})}, stdout=out,
                stderr=subprocess.STDOUT, start_new_session=True)
        self.sessions = {self.make.pid}
        self.instances: list[tuple[str, int]] = []
        deadline = time.monotonic() + 300
        while "stack: ready on" not in self.output():
            self._read_sessions()
            if self.make.poll() is not None or time.monotonic() > deadline:
                self.close()
                raise RuntimeError("make stack did not start:\n" + self.output()[-3000:])
            time.sleep(0.2)
        self._read_sessions()
        self.state_dir = Path(re.search(r"-c (\S+)/nginx\.conf", cmdline(self.nginx_sid))
                              .group(1))

    def _read_sessions(self) -> None:
        """The instances and nginx as stack.py names them, each in a session of its own."""
        out = self.output()
        self.instances = [(f"127.0.0.1:{port}", int(sid)) for port, sid in re.findall(
            r"^stack: instance \d+ on http://127\.0\.0\.1:(\d+), session (\d+)$", out, re.M)]
        nginx = re.search(r"^stack: nginx on \S+, session (\d+)$", out, re.M)
        self.nginx_sid = int(nginx.group(1)) if nginx else None
        self.sessions |= {sid for _, sid in self.instances}
        if nginx:
            self.sessions.add(self.nginx_sid)

    def output(self) -> str:
        return self.log.read_text(errors="replace")

    def nginx_lines(self) -> list[str]:
        """nginx's access log: its lines start with an ISO 8601 time."""
        return [line for line in self.output().splitlines()
                if re.match(r"^\d{4}-\d\d-\d\dT\S+ [A-Z]+ /", line)]

    def stop(self) -> None:
        if self.make.poll() is None:
            os.kill(self.make.pid, signal.SIGTERM)
            try:
                self.make.wait(60)
            except subprocess.TimeoutExpired:
                os.killpg(self.make.pid, signal.SIGKILL)
                self.make.wait()

    def __enter__(self) -> "Stack":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self, within: float = 60) -> None:
        """stop(), then wait until nothing of the stack is left running; whatever still is
        after ``within`` seconds is killed (SIGKILL to each session). RuntimeError if even
        that leaves a process behind."""
        self.stop()
        deadline = time.monotonic() + within
        while living_in(self.sessions) and time.monotonic() < deadline:
            time.sleep(0.2)
        kill_sessions(self.sessions)
        left = living_in(self.sessions)
        if left:
            raise RuntimeError(f"make stack left processes running: {left}")


class StackServer:
    """`make stack` for the browser tests, with AppServer's interface (bench/server.py):
    ``url``, ``start(build_id)``, ``stop()``, ``start()`` again. Here ``stop()`` is an outage
    of the app: every instance is stopped while nginx keeps running and serves what it kept.
    ``start()`` again brings the instances back on their ports, as systemd would restart
    them (with a new ``build_id``: a deploy), and returns once nginx sends requests to every
    one of them. ``close()`` stops everything; nothing is left running."""

    def __init__(self, log: Path, instances: int = 2, env: dict | None = None):
        self.log = log
        self.count = instances
        self.env = env or {}
        self.stack: Stack | None = None
        self.url: str | None = None
        self.port: int | None = None
        self.own: list[subprocess.Popen] = []  # instances started again by start()

    def start(self, build_id: str | None = None) -> "StackServer":
        env = {**self.env, **({"GUIDE_BUILD_ID": build_id} if build_id else {})}
        if self.stack is None:
            self.stack = Stack(self.log, self.count, env=env)
            self.port = self.stack.port
            self.url = f"http://{self.stack.url}"
            return self
        self.stop()
        mark = len(self.stack.nginx_lines())
        for address, _ in self.stack.instances:
            port = address.rsplit(":", 1)[1]
            # The command `make stack` starts each instance with (scripts/stack.py).
            self.own.append(subprocess.Popen(
                ["make", "--no-print-directory", "run", "HOST=127.0.0.1", f"PORT={port}"],
                cwd=ROOT, env={**os.environ, **env}, stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL, start_new_session=True))
        deadline = time.monotonic() + 120
        for (address, _), process in zip(self.stack.instances, self.own[-self.count:]):
            while not answers(f"http://{address}/healthz"):
                if process.poll() is not None or time.monotonic() > deadline:
                    self.close()
                    raise RuntimeError(f"the instance on {address} did not start again")
                time.sleep(0.1)
        self._wait_until_nginx_uses_every_instance(mark, deadline)
        return self

    def _wait_until_nginx_uses_every_instance(self, mark: int, deadline: float) -> None:
        # A refused connection took an instance out for fail_timeout (5 s); until then nginx
        # answers from its cache, or 502 when no instance is in, so a page could still be
        # the old version. Asked through nginx until every instance has answered it.
        wanted = {address for address, _ in self.stack.instances}
        while True:
            answers(f"{self.url}/healthz")
            used = set()
            for line in self.stack.nginx_lines()[mark:]:
                found = re.search(r" /healthz 200 .* upstream=([^ ,]+)/200 ", line)
                if found:
                    used.add(found.group(1))
            if used >= wanted:
                return
            if time.monotonic() > deadline:
                self.close()
                raise RuntimeError(f"nginx did not use every instance again: {used}")
            time.sleep(0.2)

    def stop(self) -> None:
        """Every app instance stopped (SIGTERM, as AppServer does); nginx keeps running."""
        if self.stack is None:
            return
        sessions = {sid for _, sid in self.stack.instances} | {p.pid for p in self.own}
        for sid in sessions:
            try:
                os.killpg(sid, signal.SIGTERM)
            except ProcessLookupError:
                pass
        deadline = time.monotonic() + 15
        while living_in(sessions) and time.monotonic() < deadline:
            for process in self.own:
                process.poll()
            time.sleep(0.1)
        kill_sessions(sessions)
        for process in self.own:
            process.wait(5)

    def close(self) -> None:
        """Everything stopped: nginx, the instances make stack started and those started
        again here. RuntimeError if a process is left."""
        if self.stack is None:
            return
        self.stop()
        self.stack.close()
        left = living_in({p.pid for p in self.own})
        if left:
            raise RuntimeError(f"instances left running: {left}")

    def __enter__(self) -> "StackServer":
        return self.start()

    def __exit__(self, *exc) -> None:
        self.close()


def answers(url: str) -> bool:
    try:
        with urllib.request.urlopen(url, timeout=2):
            return True
    except OSError:
        return False


def kill_sessions(sessions: set[int], within: float = 10) -> None:
    """SIGKILL to every process still in these sessions, and wait until they are gone."""
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        left = [int(line.split(":")[0]) for line in living_in(sessions)]
        if not left:
            return
        for pid in left:
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        time.sleep(0.1)


def cmdline(pid: int) -> str:
    return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()


def living_in(sessions: set[int]) -> list[str]:
    """Processes of these sessions still running, read from /proc (no ps needed)."""
    left = []
    for entry in Path("/proc").iterdir():
        try:
            stat = (entry / "stat").read_text()
            fields = stat[stat.rindex(")") + 2:].split()
            if fields[0] != "Z" and int(fields[3]) in sessions:
                left.append(f"{entry.name}: {cmdline(int(entry.name))}")
        except (OSError, ValueError):
            continue
    return left


class PlainNginx:
    """The same nginx serving one file from a folder: the baseline for a cached PDF."""

    def __init__(self, size: int):
        self.dir = Path(tempfile.mkdtemp(prefix="guide-plain-nginx-"))
        self.dir.chmod(0o755)
        (self.dir / "file.pdf").write_bytes(os.urandom(size))
        (self.dir / "file.pdf").chmod(0o644)
        self.port = free_port()
        (self.dir / "nginx.conf").write_text(f"""
worker_processes auto;
pid {self.dir}/nginx.pid;
error_log stderr crit;
events {{ worker_connections 1024; }}
http {{
    access_log off;
    server_tokens off;
    sendfile on;
    tcp_nopush on;
    client_body_temp_path {self.dir}/body;
    proxy_temp_path {self.dir}/proxy;
    fastcgi_temp_path {self.dir}/fastcgi;
    uwsgi_temp_path {self.dir}/uwsgi;
    scgi_temp_path {self.dir}/scgi;
    server {{ listen 127.0.0.1:{self.port}; root {self.dir}; }}
}}
""")
        self.process = subprocess.Popen(
            [NGINX, "-c", str(self.dir / "nginx.conf"), "-g", "daemon off;"],
            start_new_session=True)
        deadline = time.monotonic() + 10
        while True:
            try:
                get_times(f"127.0.0.1:{self.port}", "/file.pdf", 1)
                break
            except OSError:
                if time.monotonic() > deadline:
                    self.stop()
                    raise

    def stop(self) -> None:
        os.killpg(self.process.pid, signal.SIGTERM)
        self.process.wait(15)
        shutil.rmtree(self.dir, ignore_errors=True)


def get_times(address: str, path: str, n: int) -> list[float]:
    """Seconds for each of n GETs on one kept-alive connection."""
    connection = http.client.HTTPConnection(address, timeout=60)
    times = []
    try:
        for _ in range(n):
            start = time.perf_counter()
            connection.request("GET", path)
            response = connection.getresponse()
            response.read()
            times.append(time.perf_counter() - start)
            if response.status != 200:
                raise OSError(f"{path}: {response.status}")
    finally:
        connection.close()
    return times


def main(argv=None) -> int:
    from .run import stack_rows, table
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args(argv)
    print(table(stack_rows(args.quick)))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
