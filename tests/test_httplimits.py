"""Limits on a response's header section (:mod:`newsbot.httplimits`): a server that sends
header lines without end is cut off at the limit, long before the download timeout, with the
crawl's memory flat, and counted as one failure."""
from __future__ import annotations

import socket
import threading
import time

from support import crawl, run_stats


class EndlessHeaders:
    """A TCP server on 127.0.0.1 answering every connection with a status line and then header
    lines without end (as fast as the client reads), until the client hangs up or ``seconds``
    pass. ``sent`` counts the header bytes it managed to send."""

    def __init__(self, seconds: float = 30):
        self.sock = socket.socket()
        self.sock.bind(("127.0.0.1", 0))
        self.sock.listen(8)
        self.port = self.sock.getsockname()[1]
        self.sent = 0
        self.until = time.monotonic() + seconds
        self.thread = threading.Thread(target=self._serve, daemon=True)

    def _serve(self):
        self.sock.settimeout(1)
        while time.monotonic() < self.until:
            try:
                conn, _ = self.sock.accept()
            except OSError:
                continue
            with conn:
                conn.recv(65536)
                try:
                    conn.sendall(b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n")
                    line = b"X-Padding: " + b"a" * 1000 + b"\r\n"
                    while time.monotonic() < self.until:
                        conn.sendall(line * 64)
                        self.sent += len(line) * 64
                except OSError:
                    pass

    def __enter__(self):
        self.thread.start()
        return self

    def __exit__(self, *exc):
        self.until = 0
        self.sock.close()


def test_endless_response_headers_are_cut_off(tmp_path):
    with EndlessHeaders(seconds=60) as server:
        started = time.monotonic()
        proc, records = crawl(tmp_path, "article", f"urls=http://127.0.0.1:{server.port}/page",
                              settings={"NEWSBOT_ALLOW_LOOPBACK": "true", "RETRY_TIMES": "0",
                                        "DOWNLOAD_TIMEOUT": "30", "DOWNLOAD_DELAY": "0",
                                        "ROBOTSTXT_OBEY": "false"})  # else robots.txt fails, the page is not asked
        seconds = time.monotonic() - started
    assert records == []
    assert run_stats(tmp_path / "out.jsonl").get("newsbot/errors/headers_too_large") == 1
    assert len([ln for ln in proc.stderr.splitlines() if "WARNING" in ln and "headers_too_large (" in ln]) == 1
    assert seconds < 25  # cut at the limit, not at the 30 s timeout
    assert server.sent < 64 * 1024 * 1024  # the client stopped reading near 256 KiB, not gigabytes later
