"""Block detection: a portal refusing the crawler (HTTP 403, or a bot challenge page) is told
apart from content before any spider sees the response."""
from __future__ import annotations

import logging

from scrapy.exceptions import IgnoreRequest
from .stats import BLOCKED

logger = logging.getLogger(__name__)

_CHALLENGE_MARKERS = (b"<title>Just a moment...</title>", b"_cf_chl_opt", b"cf-browser-verification",
                      b"Attention Required! | Cloudflare", b"geo.captcha-delivery.com")


def is_challenge(status: int, headers, body: bytes) -> bool:
    """True when a response is a bot-check page rather than content: the ``cf-mitigated:
    challenge`` header (Cloudflare), or a known challenge marker in the first 32 KiB of the
    body (Cloudflare "Just a moment..." / "Attention Required!", DataDome captcha)."""
    if (headers.get("cf-mitigated") or b"").lower() == b"challenge":
        return True
    head = body[:32768]
    return any(m in head for m in _CHALLENGE_MARKERS)


class Blocked(IgnoreRequest):
    """The site refused the crawler; raised for the request's errback. Already counted."""


class BlockDetectionMiddleware:
    """Downloader middleware: a response to a portal spider that is HTTP 403 or a challenge page
    (:func:`is_challenge`) is counted in ``newsbot/blocked/<spider>``, logged once a crawl at
    WARNING, and turned into :class:`Blocked` (never retried, never a record). It sits above the
    retry middleware, so a challenge served with 503 is not retried either."""

    def __init__(self, crawler):
        self.crawler = crawler
        self.logged = False

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler)

    def process_response(self, request, response, spider=None):
        spider = spider or self.crawler.spider
        if request.meta.get("dont_obey_robotstxt") or getattr(spider, "portal", None) is None:
            return response  # robots.txt itself, or the article spider's explicit URLs: answers as they are
        if response.status != 403 and not is_challenge(response.status, response.headers, response.body):
            return response
        name = getattr(spider, "name", "?")
        self.crawler.stats.inc_value(BLOCKED(name))
        if not self.logged:
            self.logged = True
            logger.warning("%s refuses the crawler (HTTP %s at %s); further refusals are only "
                           "counted in newsbot/blocked/%s", name, response.status, response.url, name)
        raise Blocked(f"blocked: HTTP {response.status} at {response.url}")
