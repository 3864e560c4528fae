"""Limits on a response's header section: a server that sends header lines without end would
otherwise grow the crawl's memory until the download timeout (tens of MB a second).

Twisted's HTTP client parser reads any number of header lines (each at most 16 KiB); this
module gives it a subclass that counts the lines and bytes of the status line and headers and
fails the response once either passes its limit (``NEWSBOT_MAX_HEADERS``,
``NEWSBOT_MAX_HEADER_BYTES``). The download then fails with :class:`HeadersTooLarge` inside
Twisted's ``ResponseFailed`` (failure kind ``headers_too_large``) and the connection is closed.
:class:`HeaderLimits` (an extension) installs it for the crawl process with the crawl's limits.
"""
from __future__ import annotations

from twisted.web import _newclient


class HeadersTooLarge(Exception):
    """A response's header section passed a limit; ``str()`` says which."""


class LimitedHTTPClientParser(_newclient.HTTPClientParser):
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
        return cls()


def too_large(exc: BaseException) -> bool:
    """True when a download failure (Twisted's ``ResponseFailed`` and its reasons) holds a
    :class:`HeadersTooLarge`."""
    if isinstance(exc, HeadersTooLarge):
        return True
    for reason in getattr(exc, "reasons", None) or []:
        if isinstance(getattr(reason, "value", None), HeadersTooLarge):
            return True
    return False
