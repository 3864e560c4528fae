"""HTTP sites on 127.0.0.1 for tests: fixed routes, started and stopped by the test.

Bounded: at most ``max_requests`` answered (then 503), the server shuts itself down after
``max_seconds``, its threads are daemons, and the listen backlog is large enough that a
loaded machine does not drop connections before the handler sees them.
"""
from __future__ import annotations

import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer


class LoopbackHTTPServer(ThreadingHTTPServer):
    """``ThreadingHTTPServer`` on 127.0.0.1 with a 128-connection backlog and daemon threads."""

    request_queue_size = 128
    daemon_threads = True
    block_on_close = False

    def __init__(self, handler):
        super().__init__(("127.0.0.1", 0), handler)


class Site:
    """Routes ``{path_with_query: (status, headers dict, body bytes or callable(site))}``
    served on a free port; unknown paths get 404. ``url(path)`` gives the absolute URL,
    ``base`` the scheme and host, ``hits`` counts requests per path and ``served`` lists the
    paths in the order they were requested. A context manager."""

    def __init__(self, routes: dict, max_requests: int = 5000, max_seconds: float = 300):
        self.routes = routes
        self.hits: dict[str, int] = {}
        self.served: list[str] = []
        self.max_requests = max_requests
        site = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self):  # noqa: N802 (http.server API)
                site.hits[self.path] = site.hits.get(self.path, 0) + 1
                site.served.append(self.path)
                status, headers, body = (site.routes.get(self.path, (404, {}, b"not here"))
                                         if len(site.served) <= site.max_requests else (503, {}, b"budget spent"))
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

        self.server = LoopbackHTTPServer(Handler)
        self.port = self.server.server_address[1]
        self.base = f"http://127.0.0.1:{self.port}"
        self.thread = threading.Thread(target=self.server.serve_forever, daemon=True)
        self.timer = threading.Timer(max_seconds, self.server.shutdown)
        self.timer.daemon = True

    def url(self, path: str) -> str:
        return self.base + path

    def __enter__(self):
        self.thread.start()
        self.timer.start()
        return self

    def __exit__(self, *exc):
        self.timer.cancel()
        self.server.shutdown()
        self.server.server_close()
