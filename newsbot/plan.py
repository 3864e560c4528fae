"""The source plan of a portal crawl: which discovery documents are read, in which order, per
mode and edition. Pure: no Scrapy; the spider turns each :class:`Source` into a request.

Every edition starts with its :func:`probes`: its robots.txt and its home page, where the site
announces its sitemaps (``Sitemap:`` lines), feeds (``<link rel="alternate">``) and WordPress
REST root (:mod:`newsbot.autodiscovery`). What they announce (:class:`Found`, origin
``standard``) comes first in the stages, the portal file's templates (origin ``configured``)
after it; a URL both give is read once.

- ``latest``: one stage per edition holding every feed, the announced sitemaps, the news
  sitemaps and the first ``latest_listing_pages`` pages of each listing.
- ``backfill``: stages per edition, tried in order, the next one only when every source of the
  one before failed: the WordPress REST collections (portals with ``wp_types``, or type
  ``posts`` under an announced REST root), the sitemaps (indexes followed down to their
  urlsets), the paginated listings, the feeds.
"""
from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlencode

from .autodiscovery import rest_collection
from .portals import Edition, Portal
from .window import DateWindow

MODES = ("latest", "backfill")
KINDS = ("robots", "home", "feed", "news_sitemap", "sitemap", "listing", "wp_api")
ORIGINS = ("standard", "configured")
WP_PER_PAGE = 100  # the REST API's maximum per_page


@dataclass(frozen=True)
class Source:
    """One discovery document to read: ``kind`` (one of :data:`KINDS`), ``url``, ``edition``
    (its language), ``template`` (a listing's URL template, or a REST post type), ``page``
    (1-based page of a listing or REST collection), ``paginate`` (follow the next pages),
    ``depth`` (sitemap indexes above it: 0 for a root sitemap), ``origin`` (one of
    :data:`ORIGINS`: announced by the site, or a template of the portal file) and ``root``
    (the REST root of a ``wp_api`` source, ending in ``/``)."""

    kind: str
    url: str
    edition: str
    template: str = ""
    page: int = 1
    paginate: bool = False
    depth: int = 0
    origin: str = "configured"
    root: str = ""


@dataclass(frozen=True)
class Found:
    """What an edition announces by the standards: ``sitemaps`` (robots.txt ``Sitemap:``
    lines), ``feeds`` (``<link rel="alternate">`` of its home page) and ``rest_root`` (the
    WordPress REST root, ``None`` when not announced)."""

    sitemaps: tuple[str, ...] = ()
    feeds: tuple[str, ...] = ()
    rest_root: str | None = None


NOTHING_FOUND = Found()


def probes(edition: Edition) -> list[Source]:
    """The standard discovery documents of ``edition``: its host's robots.txt and its home page."""
    return [Source("robots", f"{edition.origin}/robots.txt", edition.lang, origin="standard"),
            Source("home", f"{edition.base}/", edition.lang, origin="standard")]


def listing_page(edition: Edition, template: str, page: int, paginate: bool) -> Source:
    """Page ``page`` of the listing ``template`` of ``edition``."""
    return Source("listing", edition.url(template, page=page), edition.lang, template, page, paginate)


def next_listing_page(edition: Edition, source: Source, next_url: str | None) -> Source:
    """The page after the listing page ``source`` of ``edition``: ``next_url`` (the page's
    ``rel=next`` link, absolute) when it gives one, else the template's next number."""
    if next_url:
        return Source("listing", next_url, source.edition, source.template, source.page + 1, True)
    return listing_page(edition, source.template, source.page + 1, True)


def wp_api_page(edition: Edition, post_type: str, page: int, window: DateWindow, root: str = "",
                origin: str = "configured") -> Source:
    """Page ``page`` of the WordPress REST collection ``post_type`` for the window: ``after`` /
    ``before``, newest first, ``_fields`` reduced to ``link``, ``date_gmt``, ``modified_gmt``
    (https://developer.wordpress.org/rest-api/reference/posts/). ``root``: the REST root
    (default ``<base>/wp-json/``)."""
    root = root or f"{edition.base}/wp-json/"
    query = urlencode({"after": window.start.strftime("%Y-%m-%dT%H:%M:%S"),
                       "before": window.end.strftime("%Y-%m-%dT%H:%M:%S"),
                       "per_page": WP_PER_PAGE, "page": page, "orderby": "date", "order": "desc",
                       "_fields": "link,date_gmt,modified_gmt"})
    url = rest_collection(root, f"wp/v2/{post_type}")
    return Source("wp_api", f"{url}{'&' if '?' in url else '?'}{query}", edition.lang, post_type, page,
                  origin=origin, root=root)


def next_wp_api_page(edition: Edition, source: Source, window: DateWindow, total_pages: int,
                     count: int) -> Source | None:
    """The page after the REST collection page ``source`` of ``edition`` while
    ``total_pages`` (its ``X-WP-TotalPages`` header; 0 when absent or not a number) says more,
    or without it, while a full page (``count`` posts, :data:`WP_PER_PAGE`) came back; else
    ``None``."""
    if source.page < total_pages or (not total_pages and count == WP_PER_PAGE):
        return wp_api_page(edition, source.template, source.page + 1, window, source.root, source.origin)
    return None


def child_sitemap(index: Source, url: str, modified: str | None, mode: str, window: DateWindow) -> Source | str:
    """The child sitemap ``url`` (absolute) listed by the sitemap index ``index`` with its
    ``lastmod`` ``modified`` (date text, ``None`` when absent), or why it is not read: in
    ``latest`` mode a child without ``lastmod`` is ``sitemap_undated``; one whose ``lastmod`` is
    before the window's start is ``sitemap_out_of_window``."""
    if mode == "latest" and not modified:
        return "sitemap_undated"
    if not window.admits(modified, lower_only=True):
        return "sitemap_out_of_window"
    return Source("sitemap", url, index.edition, depth=index.depth + 1, origin=index.origin)


def _unique(sources: list[Source]) -> list[Source]:
    """``sources`` without a later one of a URL already there (the standard one is kept)."""
    seen: set[str] = set()
    out = []
    for source in sources:
        if source.url not in seen:
            seen.add(source.url)
            out.append(source)
    return out


def stages(portal: Portal, edition: Edition, mode: str, window: DateWindow,
           found: Found = NOTHING_FOUND) -> list[list[Source]]:
    """The stages of ``edition`` in ``mode`` (see the module docstring); each stage is a list
    of root sources, those ``found`` by the standards first. Stages without sources are left
    out. Raises ``ValueError`` for an unknown mode."""
    lang = edition.lang
    feeds = [Source("feed", u, lang, origin="standard") for u in found.feeds]
    feeds += [Source("feed", edition.url(t), lang) for t in portal.feeds]
    sitemaps = [Source("sitemap", u, lang, origin="standard") for u in found.sitemaps]
    if mode == "latest":
        stage = feeds + sitemaps
        stage += [Source("news_sitemap", edition.url(t), lang) for t in portal.news_sitemaps]
        stage += [listing_page(edition, t, page, paginate=False)
                  for t in portal.listings for page in range(1, portal.latest_listing_pages + 1)]
        stage = _unique(stage)
        return [stage] if stage else []
    if mode != "backfill":
        raise ValueError(f"mode={mode!r} is not one of {', '.join(MODES)}")
    if found.rest_root:
        rest = [wp_api_page(edition, t, 1, window, found.rest_root, "standard") for t in portal.wp_types or ("posts",)]
    else:
        rest = [wp_api_page(edition, t, 1, window) for t in portal.wp_types]
    out = [rest,
           sitemaps + [Source("sitemap", edition.url(t), lang) for t in portal.sitemaps],
           [listing_page(edition, t, 1, paginate=True) for t in portal.listings],
           feeds]
    return [_unique(stage) for stage in out if stage]
