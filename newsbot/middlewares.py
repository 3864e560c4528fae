"""Downloader middlewares: WARC replay and archive, and the redirect safety check."""
from __future__ import annotations

import logging
from urllib.parse import urlsplit

from scrapy import signals
from scrapy.exceptions import IgnoreRequest, NotConfigured
from scrapy.http import Headers
from scrapy.responsetypes import responsetypes

from .extraction.urls import address_kind
from .warc import WarcIndex, WarcWriterFile

logger = logging.getLogger(__name__)


class WarcReplayMiddleware:
    """Answer every request from the WARC named by ``NEWSBOT_REPLAY`` instead of the network.

    URLs present are served with their stored status, headers and body (flag ``replay``);
    others get an empty 404 and count in ``newsbot/replay/miss``. Disabled when the setting is
    empty. A missing or unreadable WARC stops the crawl at start with one error line.
    """

    def __init__(self, index: WarcIndex, stats):
        self.index = index
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler):
        path = crawler.settings.get("NEWSBOT_REPLAY")
        if not path:
            raise NotConfigured
        index = WarcIndex(path)  # the crawl command checks the file first (newsbot.runs)
        logger.info("Replaying %d responses from %s", len(index), path)
        return cls(index, crawler.stats)

    def process_request(self, request, spider=None):
        stored = self.index.get(request.url)
        if stored is None:
            self.stats.inc_value("newsbot/replay/miss")
            return responsetypes.from_args(url=request.url)(url=request.url, status=404, body=b"",
                                                            request=request, flags=["replay"])
        self.stats.inc_value("newsbot/replay/hit")
        headers = Headers(stored.headers)
        cls = responsetypes.from_args(headers=headers, url=request.url, body=stored.body)
        return cls(url=request.url, status=stored.status, headers=headers, body=stored.body,
                   request=request, flags=["replay"])


class WarcArchiveMiddleware:
    """Write every response the crawl receives to the WARC named by ``NEWSBOT_ARCHIVE`` as a
    ``response`` record (decoded body, headers without transfer codings). Disabled when the
    setting is empty; the file is closed when the spider closes."""

    def __init__(self, writer: WarcWriterFile, stats):
        self.writer = writer
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler):
        path = crawler.settings.get("NEWSBOT_ARCHIVE")
        if not path:
            raise NotConfigured
        mw = cls(WarcWriterFile(path), crawler.stats)
        crawler.signals.connect(mw.spider_closed, signal=signals.spider_closed)
        return mw

    def process_response(self, request, response, spider=None):
        headers = [(k.decode("latin-1"), v.decode("latin-1"))
                   for k, values in response.headers.items() for v in values]
        self.writer.write(response.url, response.status, headers, response.body)
        self.stats.inc_value("newsbot/archive/records")
        return response

    def spider_closed(self, spider):
        self.writer.close()


class SafeRedirectMiddleware:
    """Refuse requests reached by redirect whose URL is not http(s), or whose host is a
    private / link-local / reserved IP literal, or a loopback host unless
    ``NEWSBOT_ALLOW_LOOPBACK`` is true. Refusals count in
    ``newsbot/redirect_refused/<scheme|private|loopback>`` and are logged at WARNING once each."""

    def __init__(self, allow_loopback: bool, stats):
        self.allow_loopback = allow_loopback
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler.settings.getbool("NEWSBOT_ALLOW_LOOPBACK"), crawler.stats)

    def process_request(self, request, spider=None):
        if not request.meta.get("redirect_urls"):
            return None
        parts = urlsplit(request.url)
        reason = None
        if parts.scheme not in ("http", "https"):
            reason = "scheme"
        else:
            kind = address_kind(parts.hostname or "")
            if kind == "private" or (kind == "loopback" and not self.allow_loopback):
                reason = kind
        if reason:
            self.stats.inc_value(f"newsbot/redirect_refused/{reason}")
            logger.warning("Refused redirect from %s to %s (%s)", request.meta["redirect_urls"][0],
                           request.url, reason)
            raise IgnoreRequest(f"redirect to {request.url} refused ({reason})")
        return None
