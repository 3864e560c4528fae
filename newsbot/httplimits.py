"""Limits on a response's header section: a server that sends header lines without end would
otherwise grow the crawl's memory until the download timeout (tens of MB a second).

Twisted's HTTP client parser (which Scrapy's HTTP/1.1 download handler swaps for a lenient
subclass of its own on every request) reads any number of header lines, each at most 16 KiB.
This module puts in its place a subclass that counts the lines and bytes of the status line and
headers and fails the response once either passes its limit (``NEWSBOT_MAX_HEADERS``,
``NEWSBOT_MAX_HEADER_BYTES``). The download then fails with :class:`HeadersTooLarge` inside
Twisted's ``ResponseFailed`` (failure kind ``headers_too_large``) and the connection is closed.
:class:`HeaderLimits` (an extension) installs it for the crawl process with the crawl's limits.
Neither library offers a setting for this; the parser classes are module attributes of
``scrapy.core.downloader.handlers.http11`` and ``twisted.web._newclient`` (the tests of
:mod:`newsbot.httplimits` fail if a new version moves them).
"""
from __future__ import annotations

from scrapy.core.downloader.handlers import http11
from twisted.web import _newclient

_BASE = getattr(http11, "_LenientHTTPClientParser", _newclient.HTTPClientParser)


class HeadersTooLarge(Exception):
    """A response's header section passed a limit; ``str()`` says which."""


class LimitedHTTPClientParser(_BASE):
    """Twisted's response parser with limits on the header section (class attributes, set by
    :class:`HeaderLimits`): at most ``max_headers`` header lines and ``max_header_bytes`` bytes
    before the body."""

    max_headers = 200
    max_header_bytes = 256 * 1024

    def lineReceived(self, line):  # noqa: N802 (Twisted API)
        if self.state in (_newclient.STATUS, _newclient.HEADER):
            self._header_lines = getattr(self, "_header_lines", 0) + 1
            self._header_bytes = getattr(self, "_header_bytes", 0) + len(line) + 1
            if self._header_lines > self.max_headers + 1:
                raise HeadersTooLarge(f"more than {self.max_headers} header lines")
            if self._header_bytes > self.max_header_bytes:
                raise HeadersTooLarge(f"header section over {self.max_header_bytes} bytes")
        return super().lineReceived(line)


class HeaderLimits:
    """Extension: put :class:`LimitedHTTPClientParser` in Twisted's HTTP client with the limits
    of the settings (``NEWSBOT_MAX_HEADERS`` lines, ``NEWSBOT_MAX_HEADER_BYTES`` bytes)."""

    @classmethod
    def from_crawler(cls, crawler):
        LimitedHTTPClientParser.max_headers = crawler.settings.getint("NEWSBOT_MAX_HEADERS")
        LimitedHTTPClientParser.max_header_bytes = crawler.settings.getint("NEWSBOT_MAX_HEADER_BYTES")
        _newclient.HTTPClientParser = LimitedHTTPClientParser
        if hasattr(http11, "_LenientHTTPClientParser"):
            http11._LenientHTTPClientParser = LimitedHTTPClientParser
        return cls()


def too_large(exc: BaseException | None, depth: int = 0) -> bool:
    """True when a download failure holds a :class:`HeadersTooLarge`: itself, among the
    reasons of Twisted's ``ResponseFailed``, or as the cause of the error Scrapy raises for it."""
    if exc is None or depth > 5:
        return False
    if isinstance(exc, HeadersTooLarge):
        return True
    for reason in getattr(exc, "reasons", None) or []:
        if too_large(getattr(reason, "value", None), depth + 1):
            return True
    return too_large(exc.__cause__, depth + 1)
