"""The source plan of a portal crawl: which discovery documents are read, in which order, per
mode and edition. Pure: no Scrapy; the spider turns each :class:`Source` into a request.

- ``latest``: one stage per edition holding every feed, news sitemap and the first
  ``latest_listing_pages`` pages of each listing.
- ``backfill``: stages per edition, tried in order, the next one only when every source of the
  one before failed: the WordPress REST collections (portals with ``wp_types``), the sitemaps
  (indexes followed down to their urlsets), the paginated listings.
"""
from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from .portals import Edition, Portal
from .window import DateWindow

MODES = ("latest", "backfill")
KINDS = ("feed", "news_sitemap", "sitemap", "listing", "wp_api")
WP_PER_PAGE = 100  # the REST API's maximum per_page


@dataclass(frozen=True)
class Source:
    """One discovery document to read: ``kind`` (one of :data:`KINDS`), ``url``, ``edition``
    (its language), ``template`` (a listing's URL template, or a REST post type), ``page``
    (1-based page of a listing or REST collection), ``paginate`` (follow the next pages) and
    ``depth`` (sitemap indexes above it: 0 for a root sitemap)."""

    kind: str
    url: str
    edition: str
    template: str = ""
    page: int = 1
    paginate: bool = False
    depth: int = 0


def listing_page(edition: Edition, template: str, page: int, paginate: bool) -> Source:
    """Page ``page`` of the listing ``template`` of ``edition``."""
    return Source("listing", edition.url(template, page=page), edition.lang, template, page, paginate)


def wp_api_page(edition: Edition, post_type: str, page: int, window: DateWindow) -> Source:
    """Page ``page`` of the WordPress REST collection ``post_type`` for the window: ``after`` /
    ``before``, newest first, ``_fields`` reduced to ``link``, ``date_gmt``, ``modified_gmt``
    (https://developer.wordpress.org/rest-api/reference/posts/)."""
    query = urlencode({"after": window.start.strftime("%Y-%m-%dT%H:%M:%S"),
                       "before": window.end.strftime("%Y-%m-%dT%H:%M:%S"),
                       "per_page": WP_PER_PAGE, "page": page, "orderby": "date", "order": "desc",
                       "_fields": "link,date_gmt,modified_gmt"})
    return Source("wp_api", f"{edition.base}/wp-json/wp/v2/{post_type}?{query}", edition.lang, post_type, page)


def stages(portal: Portal, edition: Edition, mode: str, window: DateWindow) -> list[list[Source]]:
    """The stages of ``edition`` in ``mode`` (see the module docstring); each stage is a list
    of root sources. Stages without sources are left out."""
    if mode == "latest":
        stage = [Source("feed", edition.url(t), edition.lang) for t in portal.feeds]
        stage += [Source("news_sitemap", edition.url(t), edition.lang) for t in portal.news_sitemaps]
        stage += [listing_page(edition, t, page, paginate=False)
                  for t in portal.listings for page in range(1, portal.latest_listing_pages + 1)]
        return [stage] if stage else []
    if mode != "backfill":
        raise ValueError(f"mode={mode!r} is not one of {', '.join(MODES)}")
    out = [[wp_api_page(edition, t, 1, window) for t in portal.wp_types],
           [Source("sitemap", edition.url(t), edition.lang) for t in portal.sitemaps],
           [listing_page(edition, t, 1, paginate=True) for t in portal.listings]]
    return [stage for stage in out if stage]
