"""HTTP sites on 127.0.0.1 (or ::1) for tests: fixed routes, started and stopped by the test.

Bounded: at most ``max_requests`` answered (then 503), the server shuts itself down after
``max_seconds``, its threads are daemons, and the listen backlog is large enough that a
loaded machine does not drop connections before the handler sees them. With an SSL context
the site speaks HTTPS (the TLS handshake runs in the connection's thread, with a timeout).
"""
from __future__ import annotations

import socket
import threading
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import urlsplit


class LoopbackHTTPServer(ThreadingHTTPServer):
    """``ThreadingHTTPServer`` on 127.0.0.1 (or the IPv6 address given) with a 128-connection
    backlog and daemon threads."""

    request_queue_size = 128
    daemon_threads = True
    block_on_close = False

    def __init__(self, handler, address: tuple[str, int] = ("127.0.0.1", 0), ssl_context=None):
        self.address_family = socket.AF_INET6 if ":" in address[0] else socket.AF_INET
        super().__init__(address, handler)
        if ssl_context is not None:
            self.socket = ssl_context.wrap_socket(self.socket, server_side=True,
                                                  do_handshake_on_connect=False)


class Site:
    """Routes ``{path_with_query: (status, headers dict, body bytes or callable(site))}``
    served on a free port; unknown paths get 404. A route may also be a function of the
    request's headers (a dict) returning that triple, to answer conditional requests. A route keyed ``(host, path_with_query)``
    answers only requests whose ``Host`` header names that host (port left out) and wins over
    a route keyed by the path alone. ``url(path)`` gives the absolute URL, ``base`` the scheme
    and host, ``hits`` counts requests per path, ``served`` lists the paths in the order they
    were requested, ``requested`` the ``(host, path)`` pairs and ``request_headers`` each
    request's headers as sent. ``address`` is the
    ``(IP, port)`` to listen on (port 0: a free one); with ``ssl_context`` (an
    :class:`ssl.SSLContext` holding the server certificate) the site speaks HTTPS. A context
    manager."""

    def __init__(self, routes: dict, max_requests: int = 5000, max_seconds: float = 300,
                 address: tuple[str, int] = ("127.0.0.1", 0), ssl_context=None):
        self.routes = routes
        self.hits: dict[str, int] = {}
        self.served: list[str] = []
        self.requested: list[tuple[str, str]] = []
        self.request_headers: list[dict[str, str]] = []
        self.max_requests = max_requests
        site = self

        class Handler(BaseHTTPRequestHandler):
            timeout = 30 if ssl_context is not None else None  # seconds a TLS connection may stay silent

            def setup(self):
                super().setup()
                if ssl_context is not None:
                    self.request.do_handshake()

            def do_GET(self):  # noqa: N802 (http.server API)
                host = urlsplit("//" + (self.headers.get("Host") or "")).hostname or ""
                site.hits[self.path] = site.hits.get(self.path, 0) + 1
                site.served.append(self.path)
                site.requested.append((host, self.path))
                site.request_headers.append(dict(self.headers))
                route = site.routes.get((host, self.path)) or site.routes.get(self.path, (404, {}, b"not here"))
                if callable(route):
                    route = route(dict(self.headers))
                status, headers, body = (route if len(site.served) <= site.max_requests
                                         else (503, {}, b"budget spent"))
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

        self.server = LoopbackHTTPServer(Handler, address, ssl_context)
        self.port = self.server.server_address[1]
        host = f"[{address[0]}]" if ":" in address[0] else address[0]
        self.base = f"{'https' if ssl_context is not None else 'http'}://{host}:{self.port}"
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
