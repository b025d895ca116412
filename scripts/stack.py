#!/usr/bin/env python3
"""The guide as a small stack: Debian's nginx in front of several app instances.

    make stack [HOST=127.0.0.1] [PORT=8080] [INSTANCES=2]

runs this with the command that starts one instance the way `make run` does. Each instance
listens on a free loopback port; nginx (deploy/nginx.conf.j2, filled in here) balances
between them, fails over, and keeps what readers opened so it can serve it while every
instance is down. Ctrl-C or SIGTERM stops everything it started, and checks that nothing is
left running. An instance that dies is reported, not restarted: nginx sends its requests to
the others (in production, let systemd or the like restart instances).

    scripts/stack.py --print-config --upstream 10.0.0.2:8000 --upstream 10.0.0.3:8000 \\
        --state-dir /var/cache/guide --host 0.0.0.0 --port 80

prints the nginx configuration for instances that run elsewhere, and starts nothing.
"""
from __future__ import annotations

import argparse
import ctypes
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import urllib.request
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from bench.server import free_port  # noqa: E402
from guide.security import HEADERS  # noqa: E402

NGINX = os.environ.get("GUIDE_NGINX", "/usr/sbin/nginx")
TEMPLATE = ROOT / "deploy" / "nginx.conf.j2"
PAGES = ROOT / "deploy" / "pages"
READY_WITHIN = 120  # seconds for an instance to answer /healthz, on a busy machine too
STOP_WITHIN = 20    # seconds for everything to stop after SIGTERM, before SIGKILL

_stopping: list[int] = []  # the signals received; any one stops the stack


def config(*, listen: str, upstreams: list[str], state_dir: Path, access_log: str = "/dev/stdout",
           worker_processes: str = "auto", fresh_for: str = "1s", keep_for: str = "30d",
           cache_size: str = "1g") -> str:
    """deploy/nginx.conf.j2 filled in."""
    from jinja2 import Environment, StrictUndefined
    env = Environment(undefined=StrictUndefined, keep_trailing_newline=True, autoescape=False)
    # nginx's own pages carry the app's headers, and no cache may keep an outage page.
    headers = [*HEADERS.items(), ("Cache-Control", "no-store")]
    return env.from_string(TEMPLATE.read_text()).render(
        listen=listen, upstreams=upstreams, state_dir=state_dir, error_pages=error_pages(),
        access_log=f"{access_log} guide" if access_log != "off" else "off",
        worker_processes=worker_processes, fresh_for=fresh_for, keep_for=keep_for,
        cache_size=cache_size, page_headers=headers)


def error_pages() -> list[tuple[int, str]]:
    """The status codes nginx itself may answer with, and the page for each, written so it
    can stand in a single-quoted nginx string."""
    pages = []
    for codes, name in (((400, 413, 414, 494), "rejected.html"),
                        ((500, 502, 503, 504), "unavailable.html")):
        text = (PAGES / name).read_text()
        if "$" in text:  # nginx would read it as a variable, and there is no escape for it
            raise ValueError(f"deploy/pages/{name} must not contain '$'")
        text = text.replace("\\", "\\\\").replace("'", "\\'")
        pages += [(code, text) for code in codes]
    return pages


def say(message: str) -> None:
    print(f"stack: {message}", flush=True)


class Session:
    """A command in a session of its own, so that it and everything it starts (make, the app
    server, its workers, their render processes; nginx and its workers) stop together."""

    def __init__(self, name: str, argv: list[str]):
        self.name = name
        self.process = subprocess.Popen(argv, cwd=ROOT, start_new_session=True)
        self.sid = self.process.pid
        self.reported = False

    def running(self) -> bool:
        return self.process.poll() is None

    def signal(self, sig: int) -> None:
        try:
            os.killpg(self.sid, sig)
        except ProcessLookupError:
            pass


def session_members(sids: set[int]) -> list[int]:
    """Processes still in any of these sessions, read from /proc."""
    found = []
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            stat = (entry / "stat").read_text()
        except OSError:
            continue
        # The command name may hold spaces or brackets; the fields after it do not.
        fields = stat[stat.rindex(")") + 2:].split()
        if fields[0] != "Z" and int(fields[3]) in sids:
            found.append(int(entry.name))
    return found


def wait_until_up(url: str, sessions: list[Session], within: float) -> bool:
    deadline = time.monotonic() + within
    while time.monotonic() < deadline:
        try:
            with urllib.request.urlopen(url, timeout=2):
                return True
        except OSError:
            if _stopping or not all(s.running() for s in sessions):
                return False
            time.sleep(0.2)
    return False


def stop(sessions: list[Session]) -> bool:
    """SIGTERM to every session (nginx first, so no request meets a half-stopped instance),
    SIGKILL to whatever is still there after STOP_WITHIN seconds. True if nothing is left."""
    for s in sessions:
        s.signal(signal.SIGTERM)
    sids = {s.sid for s in sessions}
    deadline = time.monotonic() + STOP_WITHIN
    while session_members(sids) and time.monotonic() < deadline:
        for s in sessions:
            s.process.poll()  # reap, so a finished leader does not linger as a zombie
        time.sleep(0.1)
    left = session_members(sids)
    if left:
        say(f"still running after {STOP_WITHIN} s, killing: {left}")
        for sid in sids:
            try:
                os.killpg(sid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        for pid in left:  # a process that left its process group but not the session
            try:
                os.kill(pid, signal.SIGKILL)
            except ProcessLookupError:
                pass
        time.sleep(0.5)
    for s in sessions:
        try:
            s.process.wait(5)
        except subprocess.TimeoutExpired:
            pass
    left = session_members(sids)
    if left:
        say(f"could not stop: {left}")
    return not left


def stop_with_parent() -> int:
    """make does not pass a SIGTERM on to what it runs: have Linux send us one when make (or
    whatever started us) goes. Returns the parent's pid, to notice it going anyway."""
    PR_SET_PDEATHSIG = 1
    try:
        ctypes.CDLL(None, use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGTERM)
    except (OSError, AttributeError):
        pass  # not Linux: the loop in run() still notices the parent going
    return os.getppid()


def run(args, app_command: list[str]) -> int:
    stopping = _stopping
    for sig in (signal.SIGTERM, signal.SIGINT, signal.SIGHUP):
        signal.signal(sig, lambda number, _: stopping.append(number))
    parent = stop_with_parent()

    own_state = args.state_dir is None
    state = Path(tempfile.mkdtemp(prefix="guide-stack-")) if own_state else args.state_dir
    state.mkdir(parents=True, exist_ok=True)
    # nginx's workers drop root for nobody; they need to reach the cache inside.
    state.chmod(0o755)
    sessions: list[Session] = []
    try:
        instances = []
        for n in range(1, args.instances + 1):
            port = free_port()
            argv = [part.replace("{port}", str(port)) for part in app_command]
            s = Session(f"instance {n}", argv)
            sessions.append(s)
            instances.append((s, f"127.0.0.1:{port}"))
            say(f"instance {n} on http://127.0.0.1:{port}, session {s.sid}")
        for s, address in instances:
            if stopping or not wait_until_up(f"http://{address}/healthz", sessions,
                                             READY_WITHIN):
                say(f"{s.name} did not start" if not stopping else "stopped while starting")
                return 0 if stopping else 1

        conf = state / "nginx.conf"
        conf.write_text(config(listen=f"{args.host}:{args.port}",
                               upstreams=[a for _, a in instances], state_dir=state,
                               access_log=args.access_log,
                               worker_processes=args.worker_processes,
                               fresh_for=args.fresh_for, keep_for=args.keep_for,
                               cache_size=args.cache_size))
        nginx = Session("nginx", [NGINX, "-c", str(conf), "-g", "daemon off;"])
        sessions.insert(0, nginx)
        say(f"nginx on http://{args.host}:{args.port}, session {nginx.sid}")
        host = "127.0.0.1" if args.host in ("0.0.0.0", "::", "[::]") else args.host
        if not wait_until_up(f"http://{host}:{args.port}/healthz", sessions, 30):
            say("nginx did not start" if not stopping else "stopped while starting")
            return 0 if stopping else 1
        say(f"ready on http://{host}:{args.port} with {args.instances} instances "
            "(Ctrl-C stops it)")

        while not stopping:
            if os.getppid() != parent:
                say("whatever started the stack has gone")
                break
            if not nginx.running():
                say(f"nginx exited with {nginx.process.returncode}")
                return 1
            for s, _ in instances:
                if not s.running() and not s.reported:
                    s.reported = True
                    say(f"{s.name} exited with {s.process.returncode}; nginx sends its "
                        "requests to the others")
            time.sleep(0.2)
        say("stopping")
        return 0
    finally:
        clean = stop(sessions)
        if own_state:
            shutil.rmtree(state, ignore_errors=True)
        say("stopped, nothing left running" if clean else "stopped, but processes are left")


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8080)
    parser.add_argument("--instances", type=int, default=2)
    parser.add_argument("--state-dir", type=Path,
                        help="nginx's cache and scratch files (default: a new temporary "
                             "folder, removed at the end)")
    parser.add_argument("--worker-processes", default="auto")
    parser.add_argument("--fresh-for", default="1s",
                        help="how long nginx answers from its cache before asking the app")
    parser.add_argument("--keep-for", default="30d",
                        help="how long an unused answer stays for outages")
    parser.add_argument("--cache-size", default="1g")
    parser.add_argument("--access-log", default="/dev/stdout",
                        help="where nginx writes its access log ('off' for none)")
    parser.add_argument("--print-config", action="store_true",
                        help="print nginx's configuration for --upstream and exit")
    parser.add_argument("--upstream", action="append", default=[],
                        help="host:port of an instance (with --print-config)")
    parser.add_argument("app_command", nargs="*",
                        help="after --: the command that starts one instance; {port} is "
                             "replaced by its port")
    args = parser.parse_args(argv)

    if args.print_config:
        if not args.upstream or args.state_dir is None:
            parser.error("--print-config needs --upstream and --state-dir")
        sys.stdout.write(config(listen=f"{args.host}:{args.port}", upstreams=args.upstream,
                                state_dir=args.state_dir, access_log=args.access_log,
                                worker_processes=args.worker_processes,
                                fresh_for=args.fresh_for, keep_for=args.keep_for,
                                cache_size=args.cache_size))
        return 0
    if not args.app_command:
        parser.error("give the command that starts one instance after --")
    if not os.access(NGINX, os.X_OK):
        parser.error(f"{NGINX} is missing: apt-get install nginx (make system-deps does it)")
    return run(args, args.app_command)


if __name__ == "__main__":
    sys.exit(main())
