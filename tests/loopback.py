"""A small HTTP site on 127.0.0.1 for tests: fixed routes, started and stopped by a fixture.

Bounded: at most ``max_requests`` answered (then 503) and the server thread is a daemon
that ``stop()`` shuts down; nothing listens beyond the test.
"""
from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class Site:
    """Routes ``{path_with_query: (status, headers dict, body bytes)}`` served on a free port.
    ``url(path)`` gives the absolute URL; ``hits`` counts requests per path."""

    def __init__(self, routes: dict, max_requests: int = 5000):
        self.routes = routes
        self.hits: dict[str, int] = {}
        self.max_requests = max_requests
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 (http.server API)
                site.hits[self.path] = site.hits.get(self.path, 0) + 1
                total = sum(site.hits.values())
                status, headers, body = (site.routes.get(self.path, (404, {}, b"not here"))
                                         if total <= site.max_requests else (503, {}, b"budget spent"))
                if callable(body):
                    body = body(site)
                self.send_response(status)
                for k, v in headers.items():
                    self.send_header(k, v)
                self.send_header("Content-Length", str(len(body)))
                self.end_headers()
                self.wfile.write(body)

            def log_message(self, *args):
                pass

        self.server = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        self.port = self.server.server_address[1]
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)

    def url(self, path: str) -> str:
        return f"http://127.0.0.1:{self.port}{path}"

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.server.shutdown()
        self.server.server_close()
