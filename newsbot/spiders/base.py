"""The common part of every newsbot spider: article requests, the page item, and the errback
that counts failures."""
from __future__ import annotations

import logging
from urllib.parse import urlsplit

import scrapy

from ..blocks import Blocked
from ..extraction.hints import NO_HINTS, Hints
from ..items import ArticlePage
from ..logs import failure_detail, failure_level
from ..middlewares import FETCHED_AT, RequestRefused, failure_kind
from ..portals import Portal
from ..stats import ERRORS, SKIPPED
from ..window import DateWindow

NOT_MODIFIED = "newsbot_conditional"  # request meta: sent with the validators of the stored page
KNOWN = "newsbot_known"  # request meta: a page of an article earlier runs delivered (404 / 410: withdrawn)
WITHDRAWN_STATUSES = (404, 410)  # answers that withdraw a delivered article (RFC 9110 §15.5.5, §15.5.11)


# Failure kinds (:func:`~newsbot.middlewares.failure_kind`) that are the crawler's own choice
# not to fetch a link, with what the log says of them.
CHOSEN_NOT_TO_FETCH = {"robots": "robots.txt forbids it", "offsite": "off the portal's domains"}


class ArticleRequest(scrapy.Request):
    """A request for an article page; ``meta["hints"]`` holds its :class:`Hints`. The class
    tells article requests from feeds, sitemaps and listings (the seen-store judges only
    these, see :mod:`newsbot.incremental`)."""

    @property
    def hints(self) -> Hints:
        """The discovery hints of the article (empty when none were given)."""
        return self.meta.get("hints") or NO_HINTS


class PageSpider(scrapy.Spider):
    """Common part of every newsbot spider: article responses become ``ArticlePage`` items and
    download failures are counted in ``newsbot/errors/<kind>``. ``portal`` is the portal the
    spider crawls (``None`` for the ``article`` spider); ``window`` its date window."""

    portal: Portal | None = None
    window: DateWindow | None = None

    def article_page(self, url: str, hints: Hints = NO_HINTS, **kwargs) -> ArticleRequest:
        """An :class:`ArticleRequest` for ``url`` answered by :meth:`parse_article`."""
        return ArticleRequest(url, callback=self.parse_article, errback=self.on_error,
                              meta={"hints": hints, **kwargs.pop("meta", {})}, **kwargs)

    def page_item(self, response) -> ArticlePage:
        """The item for an article response (final URL, bytes, charset header, discovery hints,
        fetch time)."""
        return ArticlePage(
            url=response.url, body=response.body,
            content_type=(response.headers.get("Content-Type") or b"").decode("latin-1") or None,
            hints=response.meta.get("hints") or NO_HINTS,
            fetched_at=response.meta.get(FETCHED_AT),
        )

    def parse_article(self, response):
        """Callback of article requests: the ``ArticlePage`` item of an HTML response
        (non-HTML responses are counted in ``newsbot/skipped/not_html``). A ``304 Not
        Modified`` answer to a conditional request (:mod:`newsbot.incremental`) is the stored
        page unchanged: no item (counted by :class:`~newsbot.incremental.SkipSeenMiddleware`),
        and so is a 404 or 410 answer for a page of a delivered article (meta :data:`KNOWN`,
        recorded as withdrawn there)."""
        if response.status == 304 and response.meta.get(NOT_MODIFIED):
            return
        if response.status in WITHDRAWN_STATUSES and response.meta.get(KNOWN):
            return
        if not isinstance(response, scrapy.http.TextResponse):
            self.crawler.stats.inc_value(SKIPPED("not_html"))
            return
        yield self.page_item(response)

    def on_error(self, failure):
        """Errback: count the final failure of a request (after retries) in
        ``newsbot/errors/<kind>`` (kinds: :func:`newsbot.middlewares.failure_kind`, e.g.
        ``http_404``, ``timeout``, ``too_large``) and log it once at WARNING. Redirects refused
        by the safety check and refusals of the site (:class:`~newsbot.blocks.Blocked`) are
        counted and logged by their middlewares and not again here. Only the first failure of
        a kind is logged at WARNING, the others at DEBUG (:func:`newsbot.logs.failure_level`).
        A request robots.txt forbids, or one off the portal's domains, is the crawler's own
        choice, not a failure: counted in ``newsbot/skipped/<kind>`` (:data:`CHOSEN_NOT_TO_FETCH`),
        outside the failed requests and the error ratio, so a run that obeys robots.txt does
        not fail for it. A request to a site whose robots.txt could not be fetched
        (``robots_unreachable``) is a failure, logged at DEBUG only: the robots.txt middleware
        logged why."""
        exc = failure.value
        if isinstance(exc, (RequestRefused, Blocked)):
            return
        request = getattr(failure, "request", None)
        kind = failure_kind(exc, request.url if request is not None else None)
        if kind in CHOSEN_NOT_TO_FETCH:
            self.crawler.stats.inc_value(SKIPPED(kind))
            first = failure_level(self.crawler, f"skipped_{kind}")[0] == logging.WARNING
            self.logger.log(logging.INFO if first else logging.DEBUG, "Not fetched %s: %s%s",
                            request.url if request is not None else "?", CHOSEN_NOT_TO_FETCH[kind],
                            f"; further ones are counted in newsbot/skipped/{kind}, logged at DEBUG"
                            if first else "")
            return
        self.crawler.stats.inc_value(ERRORS(kind))
        if kind == "robots_unreachable":  # the robots.txt middleware logged why, once
            self.logger.debug("Not fetched %s: %s", request.url if request is not None else "?", exc)
            return
        url = request.url if request is not None else getattr(getattr(exc, "response", None), "url", "?")
        retries = request.meta.get("retry_times", 0) if request is not None else 0
        chain = request.meta.get("redirect_urls") if request is not None else None
        if chain:
            url = f"{chain[0]} (redirected to {url})"
        detail = failure_detail(exc, kind, urlsplit(request.url).hostname if request is not None else None)
        level, note = failure_level(self.crawler, kind)
        self.logger.log(level, "Failed %s: %s (%s)%s%s", url, kind, detail,
                        f" after {retries} retries" if retries else "", note)
