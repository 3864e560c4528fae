"""The WordPress family: feeds, Yoast sitemaps (the portal's defaults) and, first in
backfill, the REST API (``/wp-json/wp/v2/<type>``), used when it answers and skipped when it
does not (404, 401, an HTML page instead of JSON)."""
from __future__ import annotations

from urllib.parse import urlencode

import scrapy

from ..listings import parse_wp_posts
from ..portals import Edition
from .base import PortalSpider

PER_PAGE = 100  # the REST API's maximum per_page


class WordPressSpider(PortalSpider):
    """A WordPress portal. Backfill tries, per edition: the REST collections of the portal's
    ``wp_types`` for the window (``after`` / ``before``, newest first, ``_fields`` reduced to
    ``link``, ``date_gmt``, ``modified_gmt``, pages followed while ``X-WP-TotalPages`` says
    more), else the sitemaps, else the listings. Stats: ``newsbot/discovery/wp_api`` (pages
    read), ``newsbot/backfill/wp_api_unavailable``."""

    def backfill_stages(self, edition: Edition) -> list[list[scrapy.Request]]:
        """The REST API stage first (when the portal has post types), then the base stages."""
        stages = super().backfill_stages(edition)
        if self.portal.wp_types:
            stages.insert(0, [self.wp_api_request(edition, t, 1) for t in self.portal.wp_types])
        return stages

    def wp_api_request(self, edition: Edition, post_type: str, page: int, **meta) -> scrapy.Request:
        """Page ``page`` of the REST collection ``post_type`` for the date window."""
        since, until = self.window
        query = urlencode({"after": since.strftime("%Y-%m-%dT%H:%M:%S"), "before": until.strftime("%Y-%m-%dT%H:%M:%S"),
                           "per_page": PER_PAGE, "page": page, "orderby": "date", "order": "desc",
                           "_fields": "link,date_gmt,modified_gmt"})
        return scrapy.Request(f"{edition.base}/wp-json/wp/v2/{post_type}?{query}", callback=self.parse_wp_api,
                              errback=self.on_wp_api_error, priority=10,
                              meta={"edition": edition.lang, "post_type": post_type, "page": page, **meta})

    def on_wp_api_error(self, failure):
        """Errback of REST requests: counted as unavailable, then as any failure."""
        self.crawler.stats.inc_value("newsbot/backfill/wp_api_unavailable")
        yield from self.on_error(failure)

    def parse_wp_api(self, response):
        """One page of a REST collection: request its posts, then the next page."""
        entries = None if self._blocked(response) else parse_wp_posts(response.body)
        yield from self._root_done(response.meta, ok=entries is not None)
        if entries is None:
            self.crawler.stats.inc_value("newsbot/backfill/wp_api_unavailable")
            self.logger.info("No WordPress REST API at %s", response.url)
            return
        self.crawler.stats.inc_value("newsbot/discovery/wp_api")
        edition = response.meta["edition"]
        for entry in entries:
            request = self.article_request(entry, edition, response)
            if request is not None:
                yield request
        page = response.meta["page"]
        try:
            pages = int(response.headers.get("X-WP-TotalPages") or 0)
        except ValueError:
            pages = 0
        if page < pages or (not pages and len(entries) == PER_PAGE):
            yield self.wp_api_request(self._edition(edition), response.meta["post_type"], page + 1)
