"""What serves the app in ``make run``: waitress, chosen by measurement (bench/RESULTS.md).

Waitress reads each request whole on one event loop before a thread runs the app, so a
client that trickles its headers or body holds a socket, not a worker; and its threads share
one process, so the PDF render queue (rendering.py) sees every request the server has.
"""
from __future__ import annotations

import argparse
import sys
import threading
import time


class AccessLog:
    """One line per request: time, request line, status. No address and no body: what a
    person types is never written anywhere, and an access log needs neither."""

    def __init__(self, app, stream):
        self.app, self.stream = app, stream
        self._lock = threading.Lock()

    def __call__(self, environ, start_response):
        def logging_start_response(status, headers, exc_info=None):
            query = environ.get("QUERY_STRING")
            line = (f'[{time.strftime("%d/%b/%Y:%H:%M:%S %z")}] "{environ["REQUEST_METHOD"]} '
                    f'{environ.get("PATH_INFO", "")}{"?" + query if query else ""} '
                    f'{environ.get("SERVER_PROTOCOL", "")}" {status.split(" ", 1)[0]}\n')
            with self._lock:
                self.stream.write(line)
                self.stream.flush()
            return start_response(status, headers, exc_info)

        return self.app(environ, logging_start_response)


def serve(app, argv=None) -> None:
    from waitress import serve as waitress_serve

    parser = argparse.ArgumentParser(description="Serve the guide with waitress.")
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8000)
    # A thread for each request being answered, PDFs waiting for a render included: more
    # than the app's RENDER_QUEUE, so that pages always find a free thread.
    parser.add_argument("--threads", type=int, default=256)
    parser.add_argument("--connections", type=int, default=2000,
                        help="open connections at most (slow ones included)")
    parser.add_argument("--access-log", metavar="FILE", help="'-' for standard output")
    args = parser.parse_args(argv)
    queue = app.config["RENDER_QUEUE"]
    if args.threads <= queue:
        parser.error(f"--threads must be more than RENDER_QUEUE ({queue}), or PDFs waiting "
                     "for a render could take every thread from the pages")
    if args.access_log:
        stream = sys.stdout if args.access_log == "-" else open(args.access_log, "a")
        app = AccessLog(app, stream)
    waitress_serve(
        app, host=args.host, port=args.port, threads=args.threads,
        connection_limit=args.connections,
        # poll(), not select(): select() cannot watch more than 1024 sockets.
        asyncore_use_poll=True,
        # The app refuses bodies over MAX_CONTENT_LENGTH with a page in the reader's
        # language; far larger ones are not worth buffering to find that out.
        max_request_body_size=1024 * 1024, max_request_header_size=64 * 1024,
        ident="guide")
