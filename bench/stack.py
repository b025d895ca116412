"""`make stack` (nginx in front of app instances) on a free port: for the benchmarks and
tests/test_stack.py. Also the figures that compare the stack with one instance and with
nginx serving a plain file.

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
from pathlib import Path

from .server import ROOT, free_port

NGINX = os.environ.get("GUIDE_NGINX", "/usr/sbin/nginx")


class Stack:
    """``make stack HOST=127.0.0.1 PORT=<free>``, its output in ``log``. ``stop()`` sends
    SIGTERM to make alone, as a process manager would."""

    def __init__(self, log: Path, instances: int = 2):
        self.port = free_port()
        self.url = f"127.0.0.1:{self.port}"
        self.log = log
        with self.log.open("wb") as out:
            self.make = subprocess.Popen(
                ["make", "--no-print-directory", "stack", "HOST=127.0.0.1",
                 f"PORT={self.port}", f"INSTANCES={instances}"],
                cwd=ROOT, stdout=out, stderr=subprocess.STDOUT, start_new_session=True)
        deadline = time.monotonic() + 300
        while "stack: ready on" not in self.output():
            if self.make.poll() is not None or time.monotonic() > deadline:
                self.stop()
                raise RuntimeError("make stack did not start:\n" + self.output()[-3000:])
            time.sleep(0.2)
        out = self.output()
        self.instances = [(f"127.0.0.1:{port}", int(sid)) for port, sid in re.findall(
            r"^stack: instance \d+ on http://127\.0\.0\.1:(\d+), session (\d+)$", out, re.M)]
        self.nginx_sid = int(re.search(r"^stack: nginx on \S+, session (\d+)$", out,
                                       re.M).group(1))
        self.sessions = {self.make.pid, self.nginx_sid, *(sid for _, sid in self.instances)}
        self.state_dir = Path(re.search(r"-c (\S+)/nginx\.conf", cmdline(self.nginx_sid))
                              .group(1))

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
        self.stop()
        deadline = time.monotonic() + 60
        while living_in(self.sessions) and time.monotonic() < deadline:
            time.sleep(0.2)


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
