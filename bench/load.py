"""The load test: a realistic mix against the app as `make run` serves it, on loopback, bounded in time.

    python -m bench.load [--seconds 60] [--connections 32]
"""
from __future__ import annotations

import argparse
import json
import shutil
import subprocess
from pathlib import Path

import urllib.request

from guide.locales import LOCALES

from .server import AppServer

HERE = Path(__file__).resolve().parent


def run(seconds: int = 60, connections: int = 32, threads: int = 2) -> dict:
    if not shutil.which("wrk"):
        raise RuntimeError("wrk is missing: apt-get install wrk (make bench does it)")
    with AppServer() as server:
        # Let the start-up renders finish, so they do not count against the first seconds.
        for loc in LOCALES:
            with urllib.request.urlopen(f"{server.url}/{loc.tag}/checklist.pdf", timeout=120):
                pass
        out = subprocess.run(
            ["wrk", f"-t{threads}", f"-c{connections}", f"-d{seconds}s", "--timeout", "30s",
             "-s", str(HERE / "mix.lua"), server.url],
            capture_output=True, text=True, timeout=seconds + 120, check=True).stdout
    line = next(line for line in out.splitlines() if line.startswith("RESULT "))
    result = json.loads(line.removeprefix("RESULT "))
    result["throughput"] = result["requests"] / result["seconds"]
    return result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--seconds", type=int, default=60)
    parser.add_argument("--connections", type=int, default=32)
    args = parser.parse_args()
    r = run(args.seconds, args.connections)
    print(f"{r['requests']} requests in {r['seconds']:.1f} s: {r['throughput']:.1f}/s; "
          f"p50 {r['p50_ms']:.1f} ms, p95 {r['p95_ms']:.1f} ms, p99 {r['p99_ms']:.1f} ms; "
          f"5xx {r['errors_5xx']}, 503 (overload control) {r['busy_503']}, "
          f"socket errors {r['socket_errors']}")


if __name__ == "__main__":
    main()
