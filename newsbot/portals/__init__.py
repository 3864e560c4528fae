"""The portal registry: what newsbot knows of each portal, without Scrapy.

A :class:`Portal` holds discovery data (editions, feed, sitemap and listing URL templates,
article URL patterns, URL canonicalisation) and its markup :class:`Layout`\\ s, each with the
:class:`~newsbot.extraction.rules.ExtractionRules` of a period. Every portal, built-in or a
user's, is a TOML file read and checked by :mod:`newsbot.portals.reader`: the packaged
``newsbot/portals/builtin/*.toml``, then the file or folder named by the
``NEWSBOT_PORTALS_FILE`` setting (a later definition of a name replaces an earlier one; the
names of spiders that are not portals, ``article`` and ``portal``, are refused).

:func:`registry` builds the one :class:`Registry` from the settings; the spider loader, the
item pipelines and ``newsbot evaluate`` all use it.
"""
from __future__ import annotations

import os
import re
from dataclasses import dataclass
from datetime import date, datetime
from functools import cached_property
from importlib import resources
from pathlib import Path
from urllib.parse import urlsplit, urlunsplit

from ..extraction.rules import ExtractionRules
from ..extraction.urls import strip_tracking

FAMILIES = ("generic", "wordpress")
WORDPRESS_DEFAULTS = {
    # WordPress core and Yoast SEO defaults (https://developer.wordpress.org/rest-api/,
    # https://yoast.com/help/xml-sitemaps-in-the-wordpress-seo-plugin/)
    "feeds": ("{base}/feed/",),
    "sitemaps": ("{base}/sitemap_index.xml",),
    "wp_types": ("posts",),
}
BUILTIN = resources.files(__name__) / "builtin"
"""The packaged portal files' folder, read through :mod:`importlib.resources` so that they are
found inside a zipped egg too (scrapyd runs the project from one)."""


@dataclass(frozen=True)
class Edition:
    """One language edition: ``lang`` (BCP 47), ``base`` (scheme and host, and a path for an
    edition under a folder of another's host such as ``https://www.euractiv.com/fr``; no
    trailing slash),
    ``code`` (the edition's key in feed/sitemap paths; defaults to ``lang``) and
    ``machine_translated`` (True for editions machine-translated from the portal's original
    edition, the first edition that is not machine-translated)."""

    lang: str
    base: str
    code: str = ""
    machine_translated: bool = False

    def url(self, template: str, **extra) -> str:
        """Expand ``{base}`` / ``{lang}`` / ``{code}`` (and ``extra`` keys such as ``{page}``)
        in a feed, sitemap or listing URL template."""
        return template.format(base=self.base, lang=self.lang, code=self.code or self.lang, **extra)

    @property
    def host(self) -> str:
        """The edition's host name, lowercased."""
        return (urlsplit(self.base).hostname or "").lower()

    @property
    def path(self) -> str:
        """The edition's path under its host (``/fr`` for ``https://www.euractiv.com/fr``), or
        ``""`` for an edition at the root."""
        return urlsplit(self.base).path.rstrip("/")

    @property
    def origin(self) -> str:
        """Scheme and host of the edition (where its robots.txt is)."""
        parts = urlsplit(self.base)
        return f"{parts.scheme}://{parts.netloc}"


@dataclass(frozen=True)
class Layout:
    """The portal's markup of one period: ``rules`` apply to pages fetched up to and including
    the day ``until`` (``None``: the current layout, from the day after the previous one's
    ``until`` on). A redesign is a new layout, so archived pages keep the rules of their time."""

    rules: ExtractionRules
    until: date | None = None


def in_domains(url: str, domains) -> bool:
    """True when ``url``'s host name (:func:`urllib.parse.urlsplit`'s: lowercase, no port, no
    IPv6 brackets) is one of ``domains`` or a subdomain of one: the rule of Scrapy's
    OffsiteMiddleware for a spider's ``allowed_domains``."""
    host = (urlsplit(url).hostname or "").lower()
    return bool(host) and any(host == d or host.endswith("." + d) for d in (d.lower() for d in domains))


@dataclass(frozen=True)
class Portal:
    """A news portal.

    - ``name``: spider name; ``domains``: registrable domains (subdomains included);
      ``editions``: language editions, the first being the default.
    - ``family``: ``"generic"`` or ``"wordpress"`` (empty ``feeds`` / ``sitemaps`` /
      ``wp_types`` take the WordPress defaults: ``/feed/``, Yoast ``/sitemap_index.xml``, REST
      post type ``posts``).
    - Discovery URL templates per edition (``{base}``, ``{lang}``, ``{code}``): ``feeds``
      (RSS 2.0 / Atom) and ``news_sitemaps`` for ``mode=latest``; ``sitemaps`` (sitemap
      indexes or urlsets) for ``mode=backfill``; ``listings`` (``{page}`` = 1, 2, …) read for
      their first ``latest_listing_pages`` pages in latest mode and paginated up to
      ``max_listing_pages`` in backfill when no sitemap or REST source answers; ``wp_types``:
      WordPress REST post types (``/wp-json/wp/v2/<type>``), tried first in backfill.
    - ``allow`` / ``deny``: regular expressions on the URL path (with query) that an article
      URL of a listing or plain sitemap must match / that no article URL may match.
    - ``trailing_slash``: how the portal writes article paths (True: always ``/``-terminated,
      False: never, None: as found); the host is that of the matching edition (``www.`` or bare).
    - ``layouts``: the markup periods, oldest first, the current one (``until=None``) last.
    - ``coverage_floors``: ``(field, floor)`` pairs of the file's ``[monitor.coverage]`` table,
      floors (share 0..1 of the articles) that replace the monitor's defaults for this portal
      (:func:`newsbot.monitors.thresholds`; the ``NEWSBOT_MONITOR_PORTALS`` setting still wins).
    - ``source``: the file the portal was read from.
    """

    name: str
    domains: tuple[str, ...]
    editions: tuple[Edition, ...]
    feeds: tuple[str, ...] = ()
    sitemaps: tuple[str, ...] = ()
    news_sitemaps: tuple[str, ...] = ()
    listings: tuple[str, ...] = ()
    latest_listing_pages: int = 1
    max_listing_pages: int = 50
    wp_types: tuple[str, ...] = ()
    family: str = "generic"
    allow: tuple[str, ...] = ()
    deny: tuple[str, ...] = ()
    trailing_slash: bool | None = None
    layouts: tuple[Layout, ...] = (Layout(ExtractionRules()),)
    coverage_floors: tuple[tuple[str, float], ...] = ()
    source: str = ""

    def __post_init__(self):
        if self.family not in FAMILIES:
            raise ValueError(f"portal {self.name}: unknown family {self.family!r} (known: {', '.join(FAMILIES)})")
        if not self.editions:
            raise ValueError(f"portal {self.name}: no edition")
        if not self.layouts or self.layouts[-1].until is not None:
            raise ValueError(f"portal {self.name}: the last layout must be the current one (no until)")
        if self.family == "wordpress":
            for key, value in WORDPRESS_DEFAULTS.items():
                if not getattr(self, key):
                    object.__setattr__(self, key, value)

    @property
    def rules(self) -> ExtractionRules:
        """The current layout's rules (its time zone is the portal's)."""
        return self.layouts[-1].rules

    @property
    def timezone(self) -> str:
        """IANA zone of the times the portal prints without an offset."""
        return self.rules.timezone

    def rules_for(self, fetched: datetime | date | None) -> ExtractionRules:
        """The rules of the layout a page fetched at ``fetched`` has (an aware datetime, a
        day, or ``None`` for the current layout): the first layout whose ``until`` is that day
        or later."""
        if fetched is None:
            return self.rules
        day = fetched.date() if isinstance(fetched, datetime) else fetched
        for layout in self.layouts:
            if layout.until is None or day <= layout.until:
                return layout.rules
        return self.rules

    @cached_property
    def _allow(self):
        return [re.compile(p) for p in self.allow]

    @cached_property
    def _deny(self):
        return [re.compile(p) for p in self.deny]

    def owns(self, url: str) -> bool:
        """True when ``url``'s host is one of ``domains`` or a subdomain of one (an IP address
        only itself, ``[::1]`` as ``::1``): the rule of Scrapy's OffsiteMiddleware, which
        filters the crawl by the same ``domains`` (the spider's ``allowed_domains``)."""
        return in_domains(url, self.domains)

    @staticmethod
    def _path(url: str) -> str:
        parts = urlsplit(url)
        return parts.path + ("?" + parts.query if parts.query else "")

    def denies(self, url: str) -> bool:
        """True when a ``deny`` pattern matches ``url``'s path (with query): never an article."""
        path = self._path(url)
        return any(p.search(path) for p in self._deny)

    def is_article_url(self, url: str) -> bool:
        """True when ``url`` belongs to the portal, matches an ``allow`` pattern (or none are
        set) and no ``deny`` pattern. The patterns filter listing links and plain sitemap
        entries; feed and news sitemap entries are articles whatever ``allow`` says."""
        if not self.owns(url) or self.denies(url):
            return False
        return not self._allow or any(p.search(self._path(url)) for p in self._allow)

    def edition_of(self, url: str) -> Edition | None:
        """The edition whose host serves ``url`` (``www.`` ignored) and whose base path (an
        edition under ``/fr``) starts ``url``'s path, the longest such base winning; else
        ``None``."""
        parts = urlsplit(url)
        host = (parts.hostname or "").lower().removeprefix("www.")
        best = None
        for edition in self.editions:
            prefix = edition.path
            if edition.host.removeprefix("www.") == host and (
                    not prefix or parts.path == prefix or parts.path.startswith(prefix + "/")):
                if best is None or len(prefix) > len(best.path):
                    best = edition
        return best

    def edition(self, lang: str) -> Edition:
        """The edition of language ``lang`` (``KeyError`` when the portal has none)."""
        for edition in self.editions:
            if edition.lang == lang:
                return edition
        raise KeyError(lang)

    @property
    def original_edition(self) -> Edition:
        """The first edition that is not machine-translated (the source of the others)."""
        return next((e for e in self.editions if not e.machine_translated), self.editions[0])

    def original_url(self, url: str) -> str | None:
        """For a page of a machine-translated edition, the original edition's URL with the same
        path and query; ``None`` for pages of other editions."""
        edition = self.edition_of(url)
        if edition is None or not edition.machine_translated:
            return None
        parts = urlsplit(url)
        base = urlsplit(self.original_edition.base)
        return urlunsplit((base.scheme, base.netloc, parts.path, parts.query, ""))

    def canonical_url(self, url: str) -> str:
        """``url`` as the portal writes it, used before any deduplication: tracking parameters
        and fragment removed (:func:`~newsbot.extraction.urls.strip_tracking`), the host of the
        matching edition (``www.`` added or dropped), the path's trailing slash per
        ``trailing_slash``. URLs of other hosts are only stripped of tracking parameters."""
        parts = urlsplit(strip_tracking(url))
        edition = self.edition_of(url)
        netloc = parts.netloc
        scheme = parts.scheme
        if edition is not None:
            base = urlsplit(edition.base)
            netloc, scheme = base.netloc, base.scheme
        path = parts.path or "/"
        if edition is None:
            return urlunsplit((scheme, netloc, path, parts.query, ""))
        if self.trailing_slash is True and not path.endswith("/") and "." not in path.rsplit("/", 1)[-1]:
            path += "/"
        elif self.trailing_slash is False and path != "/":
            path = path.rstrip("/") or "/"
        return urlunsplit((scheme, netloc, path, parts.query, ""))

    def select_editions(self, langs: str | None) -> tuple[Edition, ...]:
        """Editions named in the comma-separated ``langs`` (all when empty or ``None``); raises
        ``ValueError`` naming any unknown edition and listing the known ones, or when ``langs``
        names no edition at all (``","``)."""
        if not langs:
            return self.editions
        wanted = [x.strip().lower() for x in langs.split(",") if x.strip()]
        if not wanted:
            raise ValueError(f"lang={langs!r}: no edition selected for {self.name} "
                             f"(known: {', '.join(sorted(e.lang.lower() for e in self.editions))})")
        known = {e.lang.lower(): e for e in self.editions}
        unknown = [w for w in wanted if w not in known]
        if unknown:
            raise ValueError(f"unknown edition {', '.join(unknown)} for {self.name} "
                             f"(known: {', '.join(sorted(known))})")
        return tuple(known[w] for w in wanted)


class Registry(dict):
    """The portals by name (a ``dict[str, Portal]``), in the order they were read."""

    def for_url(self, url: str) -> Portal | None:
        """The portal serving ``url`` (its host is one of the portal's domains), or ``None``."""
        for portal in self.values():
            if portal.owns(url):
                return portal
        return None


_CACHE: dict[tuple, Registry] = {}


def load_registry(extra: str | os.PathLike | None = None) -> Registry:
    """The packaged portals (``newsbot/portals/builtin/*.toml``), then those of ``extra`` (a
    TOML file or a folder of them; a later definition of a name replaces an earlier one).
    Raises ``ValueError`` with one line naming the file, portal and key for a bad file (see
    :mod:`newsbot.portals.reader`). Cached by path and modification time."""
    from .reader import load_portals

    key = (str(extra or ""), _stamp(extra))
    if key not in _CACHE:
        registry = Registry(load_portals(BUILTIN))
        if extra:
            registry.update(load_portals(extra))
        _CACHE[key] = registry
    return _CACHE[key]


def _stamp(path) -> tuple:
    """Modification times of a file, or of the TOML files of a folder (``()`` when absent)."""
    if not path:
        return ()
    path = Path(path)
    try:
        files = sorted(path.glob("*.toml")) if path.is_dir() else [path]
        return tuple((str(f), f.stat().st_mtime_ns) for f in files)
    except OSError:
        return ()


def registry(settings) -> Registry:
    """The registry of the crawl's settings: the packaged portals and those of
    ``NEWSBOT_PORTALS_FILE`` (``ValueError`` with one line for a bad file)."""
    return load_registry(settings.get("NEWSBOT_PORTALS_FILE") or None)


def default_registry() -> Registry:
    """The registry of newsbot's own settings (:mod:`newsbot.settings`, whose
    ``NEWSBOT_PORTALS_FILE`` defaults to the environment variable of that name), for callers
    outside a crawl: the library API and ``newsbot evaluate``."""
    from scrapy.settings import Settings

    settings = Settings()
    settings.setmodule("newsbot.settings")
    return registry(settings)
