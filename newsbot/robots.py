"""robots.txt: Scrapy's :class:`~scrapy.downloadermiddlewares.robotstxt.RobotsTxtMiddleware`
(``ROBOTSTXT_OBEY``), its failures counted and logged as the crawl's other failures are.

The site's robots.txt is read once: a spider's own request for it (the portal spider reads its
``Sitemap:`` lines) is answered with the response the middleware fetched.

A robots.txt that cannot be fetched (the site does not answer, a DNS failure, an answer of status
429 or 5xx after retries) is unreachable, and RFC 9309 §2.3.1.4 says a crawler must then assume
complete disallow: no other request to that site is made in this run (each fails as
:class:`RobotsTxtUnreachable`, kind ``robots_unreachable``), where Scrapy's rule crawls it as if
it allowed everything. A robots.txt answering 4xx (none there) allows everything (§2.3.1.3), as
does one newsbot itself refuses to fetch (:func:`unreachable`).
The failure counts in
``newsbot/robots_failed/<kind>`` (kinds of :func:`newsbot.middlewares.failure_kind`) and is
logged once, at WARNING the first of its kind for the spider (a request to the same site
usually fails the same way next, and is then not logged again at WARNING), at DEBUG after
(:func:`newsbot.logs.failure_level`). Scrapy's own ERROR line with a traceback is dropped."""
from __future__ import annotations

import logging

from scrapy.downloadermiddlewares.robotstxt import RobotsTxtMiddleware as ScrapyRobotsTxt
from scrapy.exceptions import IgnoreRequest
from scrapy.utils.httpobj import urlparse_cached
from twisted.internet.defer import Deferred

from .logs import failure_detail, failure_level
from .stats import ROBOTS_FAILED, ROBOTS_REUSED

logger = logging.getLogger(__name__)


class _NoScrapyLine(logging.Filter):
    """Drop Scrapy's "Error downloading <robots.txt request>" record: :class:`RobotsTxtMiddleware` logs it."""

    def filter(self, record: logging.LogRecord) -> bool:
        return not str(record.msg).startswith("Error downloading")


class RobotsTxtUnavailable(IgnoreRequest):
    """A request for a robots.txt the middleware could not fetch (already counted and logged):
    it is not fetched again. ``kind``: how it failed (:func:`newsbot.middlewares.failure_kind`,
    e.g. ``dns``, ``http_503``)."""

    def __init__(self, message: str, kind: str):
        super().__init__(message)
        self.kind = kind


def unreachable(kind: str | None) -> bool:
    """The robots.txt failure ``kind`` (:func:`newsbot.middlewares.failure_kind`) is the site's
    or the network's (a 5xx or 429 answer, a timeout, a refused or lost connection, a failed DNS
    lookup): RFC 9309 §2.3.1.4, complete disallow. Not so newsbot's own refusals (an address
    it refuses to reach, a redirect it refuses: the site's requests are refused the same way, in
    their own kind) nor a robots.txt past the size limits or undecodable (read as unavailable,
    §2.3.1.3); ``None`` (read, or not yet asked): False."""
    return kind is not None and kind != "refused_address" and not kind.startswith("redirect_") \
        and kind not in ("too_large", "headers_too_large", "bad_encoding")


class RobotsTxtUnreachable(IgnoreRequest):
    """A request to a site whose robots.txt could not be fetched (RFC 9309 §2.3.1.4: complete
    disallow); ``str()`` names the site and how its robots.txt failed."""


REUSED = "newsbot_robots_reused"
"""Request meta key: the request was answered with the robots.txt response already received
(no download), which the WARC archive does not record a second time."""


class RobotsTxtMiddleware(ScrapyRobotsTxt):
    """Scrapy's robots.txt middleware (same settings, same place: 100) whose fetch failures are
    counted and logged as the module docstring says."""

    _quiet = _NoScrapyLine()

    def __init__(self, crawler):
        super().__init__(crawler)
        self._responses: dict[str, object] = {}
        self._failed: dict[str, str] = {}
        scrapy_logger = logging.getLogger(ScrapyRobotsTxt.__module__)
        if self._quiet not in scrapy_logger.filters:
            scrapy_logger.addFilter(self._quiet)

    async def process_request(self, request, spider=None):
        """Scrapy's check; then a request for the robots.txt the middleware already fetched is
        answered with that response (its status, headers and body), counted in
        ``newsbot/robots_reused`` and marked :data:`REUSED`; one for a robots.txt that could not be fetched raises
        :class:`RobotsTxtUnavailable`, and any other request to that site
        :class:`RobotsTxtUnreachable`."""
        await super().process_request(request)
        url = urlparse_cached(request)
        if request.meta.get("dont_obey_robotstxt"):
            return None
        if url.path != "/robots.txt" or url.query:
            if unreachable(self._failed.get(url.netloc)):
                raise RobotsTxtUnreachable(f"robots.txt of {url.netloc} not read ({self._failed[url.netloc]}): "
                                           "the site is not crawled (RFC 9309: complete disallow)")
            return None
        stored = self._responses.get(url.netloc)
        if stored is not None:
            self._stats.inc_value(ROBOTS_REUSED)
            request.meta[REUSED] = True
            return stored.replace(url=request.url, request=request)
        if url.netloc in self._failed:
            raise RobotsTxtUnavailable(f"robots.txt of {url.netloc} not read: {self._failed[url.netloc]}",
                                       self._failed[url.netloc])
        return None

    async def robot_parser(self, request):
        """The parser of ``request``'s site (``None`` when its robots.txt could not be read),
        once read. Scrapy's requests waiting for the same robots.txt await one shared Deferred,
        whose first waiter's callback returns ``None`` to every later one, which then went
        unchecked: each waiter reads the settled parser instead."""
        parser = await super().robot_parser(request)
        if parser is None:
            settled = self._parsers.get(urlparse_cached(request).netloc)
            if not isinstance(settled, Deferred):
                return settled
        return parser

    async def _parse_robots(self, response, netloc: str, request) -> None:
        """Read a robots.txt answer; one of status 429 or 5xx (after retries) holds no rules (an
        error page) and is a robots.txt not read, as a failed download is."""
        if response.status == 429 or response.status >= 500:
            kind = f"http_{response.status}"
            self._failed_once(netloc, kind, f"HTTP {response.status}")
            self._stats.inc_value("robotstxt/response_count")
            self._stats.inc_value(f"robotstxt/response_status_count/{response.status}")
            ScrapyRobotsTxt._robots_error(self, IgnoreRequest(kind), netloc)
            return
        self._responses[netloc] = response
        await super()._parse_robots(response, netloc, request)

    def _failed_once(self, netloc: str, kind: str, detail: str) -> None:
        """Count and log the robots.txt of ``netloc`` as not read, by failure ``kind``."""
        self._failed[netloc] = kind
        self._stats.inc_value(ROBOTS_FAILED(kind))
        level, note = failure_level(self.crawler, kind)
        fate = ("the site is not crawled in this run (RFC 9309: an unreachable robots.txt means complete "
                "disallow)" if unreachable(kind) else "the site is crawled as if it allowed everything")
        logger.log(level, "robots.txt of %s not read: %s (%s); %s%s", netloc, kind, detail, fate, note,
                   extra={"spider": self.crawler.spider})

    def _robots_error(self, exc: Exception, netloc: str) -> None:
        if not isinstance(exc, IgnoreRequest):
            from .middlewares import failure_kind

            kind = failure_kind(exc, f"https://{netloc}/robots.txt")
            self._failed_once(netloc, kind, failure_detail(exc, kind, netloc.rsplit(":", 1)[0]
                                                           if "]" not in netloc else netloc))
        super()._robots_error(exc, netloc)
