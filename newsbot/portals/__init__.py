"""The portal registry: what newsbot knows of each portal, without Scrapy.

A :class:`Portal` holds discovery data (editions, feed and sitemap URL templates, article
URL patterns) and the portal's :class:`~newsbot.extraction.rules.ExtractionRules`. Spiders
read discovery data from here; the item pipelines and ``newsbot evaluate`` read the rules, and
:func:`portal_for_url` finds the portal of any URL.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cached_property
from urllib.parse import urlsplit

from ..extraction.rules import ExtractionRules


@dataclass(frozen=True)
class Edition:
    """One language edition: ``lang`` (BCP 47), ``base`` (scheme and host, no trailing slash),
    ``code`` (the edition's key in feed/sitemap paths; defaults to ``lang``) and
    ``machine_translated`` (True for editions machine-translated from another)."""

    lang: str
    base: str
    code: str = ""
    machine_translated: bool = False

    def url(self, template: str) -> str:
        """Expand ``{base}`` / ``{lang}`` / ``{code}`` in a feed or sitemap URL template."""
        return template.format(base=self.base, lang=self.lang, code=self.code or self.lang)


@dataclass(frozen=True)
class Portal:
    """A news portal.

    ``name`` is the spider name; ``domains`` the registrable domains (subdomains included);
    ``editions`` the language editions, the first being the default; ``feeds`` / ``sitemaps``
    URL templates per edition (RSS 2.0 / Atom; sitemap, sitemap index or news sitemap);
    ``allow`` / ``deny`` regular expressions on the URL path (with query) that an article URL
    must match / must not match; ``rules`` its extraction rules.
    """

    name: str
    domains: tuple[str, ...]
    editions: tuple[Edition, ...]
    feeds: tuple[str, ...] = ()
    sitemaps: tuple[str, ...] = ()
    allow: tuple[str, ...] = ()
    deny: tuple[str, ...] = ()
    rules: ExtractionRules = field(default_factory=ExtractionRules)

    @cached_property
    def _allow(self):
        return [re.compile(p) for p in self.allow]

    @cached_property
    def _deny(self):
        return [re.compile(p) for p in self.deny]

    def owns(self, url: str) -> bool:
        """True when ``url``'s host is one of ``domains`` or a subdomain of one."""
        host = (urlsplit(url).hostname or "").lower()
        return any(host == d or host.endswith("." + d) for d in self.domains)

    def is_article_url(self, url: str) -> bool:
        """True when ``url`` belongs to the portal, matches an ``allow`` pattern (or none are
        set) and no ``deny`` pattern."""
        if not self.owns(url):
            return False
        parts = urlsplit(url)
        path = parts.path + ("?" + parts.query if parts.query else "")
        if any(p.search(path) for p in self._deny):
            return False
        return not self._allow or any(p.search(path) for p in self._allow)

    def edition_of(self, url: str) -> Edition | None:
        """The edition whose host serves ``url`` (``www.`` ignored), else ``None``."""
        host = (urlsplit(url).hostname or "").lower().removeprefix("www.")
        for edition in self.editions:
            if (urlsplit(edition.base).hostname or "").lower().removeprefix("www.") == host:
                return edition
        return None

    def select_editions(self, langs: str | None) -> tuple[Edition, ...]:
        """Editions named in the comma-separated ``langs`` (all when empty); raises
        ``ValueError`` naming any unknown edition and listing the known ones."""
        if not langs:
            return self.editions
        wanted = [x.strip().lower() for x in langs.split(",") if x.strip()]
        known = {e.lang.lower(): e for e in self.editions}
        unknown = [w for w in wanted if w not in known]
        if unknown:
            raise ValueError(f"unknown edition {', '.join(unknown)} for {self.name} "
                             f"(known: {', '.join(sorted(known))})")
        return tuple(known[w] for w in wanted)


def _registry() -> dict[str, Portal]:
    from . import eureporter, euronews, politico_eu

    return {p.name: p for p in (eureporter.PORTAL, euronews.PORTAL, politico_eu.PORTAL)}


PORTALS: dict[str, Portal] = _registry()


def portal_for_url(url: str) -> Portal | None:
    """The registered portal serving ``url``, or ``None``."""
    for portal in PORTALS.values():
        if portal.owns(url):
            return portal
    return None
