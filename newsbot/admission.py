"""Which discovered links of a portal crawl become article requests. Pure: no Scrapy; the
spider asks :meth:`Admission.judge` for each link it found (its URL already in the portal's
canonical form) and turns an admitted one into a request.

A link is an article when an ``allow`` pattern of the portal matches it. A *candidate* (an
entry its source lists as an article: feeds, news sitemaps, REST collections) is one whatever
the patterns say, as long as it is on the portal's domains and not denied. A plain sitemap
entry no pattern matched is held back (at most :data:`MAX_UNMATCHED` an edition): when the
crawl runs dry and the patterns matched no link of that edition at all, they are wrong, and
the held entries are fetched as candidates (:meth:`Admission.release`).
"""
from __future__ import annotations

from typing import Iterator

from .discovery import MAX_ENTRIES
from .portals import Portal
from .window import DateWindow

MAX_UNMATCHED = MAX_ENTRIES  # plain sitemap entries an edition keeps for the fallback of a wrong pattern
ADMITTED = "admitted"
HELD = "held"
# the other verdicts of Admission.judge are the reasons a link is skipped, each a key of
# newsbot/skipped/<reason>: not_article_url, other_edition, listed_twice, out_of_window, dated_ahead, limit


class Admission:
    """The article links of one portal crawl so far: those requested (``scheduled``, at most
    ``limit``; ``None``: no limit), the count per edition of links a pattern matched, and the
    plain sitemap entries held back per edition. ``langs``: the editions crawled (``None``:
    every one); a link an edition not crawled serves is no article of the crawl (a site-wide
    sitemap lists every edition's)."""

    def __init__(self, portal: Portal, window: DateWindow, limit: int | None, langs=None):
        self.portal, self.window, self.limit = portal, window, limit
        self.langs = frozenset(langs) if langs is not None else None
        self.scheduled = 0
        self._requested: set[str] = set()
        self._matched: dict[str, int] = {}  # edition -> links an allow pattern matched
        self._held: dict[str, list] = {}  # edition -> plain sitemap entries no pattern matched

    def count_matched(self, lang: str, matched: int) -> None:
        """Add ``matched`` links an ``allow`` pattern matched to edition ``lang``'s count."""
        self._matched[lang] = self._matched.get(lang, 0) + matched

    def judge(self, url: str, lang: str, published: str | None, tally=None, candidate: bool = False,
              updated: str | None = None, delivered=None) -> str:
        """The verdict on the link ``url`` (canonical) found for edition ``lang``, dated
        ``published`` (the entry's date string, ``None`` when undated). A link published
        before the window but ``updated`` inside it (the entry's ``<updated>`` / ``lastmod``) is
        admitted when ``delivered(url)`` (a callable) says an earlier run delivered it: the
        update may be a correction, written again as a new revision. ``tally`` (a
        :class:`~newsbot.sources.Tally`, given for the entries of a feed or sitemap) counts the
        link and whether a pattern matched it. Returns :data:`ADMITTED` (counted as scheduled),
        :data:`HELD` (a plain sitemap entry on the portal's domains, matching no pattern, with
        room to hold it: the caller passes it to :meth:`hold`) or the reason it is skipped:
        ``not_article_url``, ``other_edition`` (served by an edition not crawled, by
        :meth:`~newsbot.portals.Portal.edition_of`), ``listed_twice``, ``out_of_window``,
        ``dated_ahead`` (dated after the end of a window that ends at the clock,
        :meth:`~newsbot.window.DateWindow.ahead`) or ``limit``."""
        portal = self.portal
        matched = portal.is_article_url(url)
        eligible = portal.owns(url) and not portal.denies(url)
        if tally is not None and eligible:
            tally.links += 1
            tally.matched += matched
            self.count_matched(lang, matched)
        if self.langs is not None and eligible:
            owner = portal.edition_of(url)
            if owner is not None and owner.lang not in self.langs:
                return "other_edition"
        if not matched and not (candidate and eligible):
            held = self._held.setdefault(lang, [])
            return HELD if eligible and tally is not None and len(held) < MAX_UNMATCHED else "not_article_url"
        if url in self._requested:  # listed by another document too: fetched once
            return "listed_twice"
        if self.window.ahead(published):
            return "dated_ahead"
        if not self.window.admits(published) and not (
                updated and updated != published and self.window.admits(updated)
                and delivered is not None and delivered(url)):
            return "out_of_window"
        if self.limit is not None and self.scheduled >= self.limit:
            return "limit"
        self.scheduled += 1
        self._requested.add(url)
        return ADMITTED

    def hold(self, lang: str, entry) -> None:
        """Hold ``entry`` (a :class:`~newsbot.discovery.Entry`, its URLs absolute) judged
        :data:`HELD` for edition ``lang``."""
        self._held.setdefault(lang, []).append(entry)

    def release(self) -> Iterator[tuple[str, list, bool]]:
        """Empty the held entries: ``(edition, entries, fallback)`` an edition, ``fallback``
        true when its patterns matched no link (its entries are to be judged again as
        candidates), false when they did (its entries are skipped as ``not_article_url``)."""
        for lang, held in list(self._held.items()):
            del self._held[lang]
            yield lang, held, not self._matched.get(lang)
