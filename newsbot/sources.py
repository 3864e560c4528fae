"""What the discovery sources of a portal crawl gave: per document a :class:`Tally` of its
entries, and per root source (a feed, sitemap, listing or REST collection of the plan, and the
standard probes) its outcome booked in the crawl stats by a :class:`SourceBook`:
``newsbot/source/<edition>/<kind>/<outcome>`` (outcomes: ``answered``, ``http_<status>``,
``blocked``, ``unusable`` or a failure kind: :func:`newsbot.middlewares.failure_kind`'s, a
robots.txt that was not read included), ``…/entries``, and one row a source in
the list ``newsbot/sources`` that the run summary and ``newsbot check`` read."""
from __future__ import annotations

import logging

from .extraction import dates
from .plan import Source
from .stats import DISCOVERY, SOURCE, SOURCES


class Tally:
    """What one discovery document listed: ``entries`` read, the ``newest`` entry date (an aware
    datetime), ``links`` (page links on the portal's domains), ``matched`` (those an allow pattern
    matched). ``timezone``: the portal's IANA zone, for entry dates without an offset."""

    def __init__(self, timezone: str):
        self.timezone, self.entries, self.newest, self.links, self.matched = timezone, 0, None, 0, 0

    def add(self, entry) -> None:
        """Count ``entry`` (a :class:`~newsbot.discovery.Entry`) and its date."""
        self.entries += 1
        parsed = dates.parse_date(entry.published or entry.modified, self.timezone)
        if parsed is not None and (self.newest is None or parsed.value > self.newest):
            self.newest = parsed.value


class SourceBook:
    """Books the outcomes of one portal spider's root sources in the stats of ``crawler``
    (read when booking: a crawler has its stats only once the crawl starts); ``logger`` is the
    spider's, ``name`` the portal's."""

    def __init__(self, crawler, logger, name: str):
        self.crawler, self.logger, self.name = crawler, logger, name

    @property
    def stats(self):
        """The crawl's stats collector."""
        return self.crawler.stats

    def book(self, source: Source | None, outcome: str, tally: Tally | None = None,
             status: int | None = None) -> None:
        """Record the outcome of a root source (see the module docstring); documents below a
        root (child sitemaps, later pages) and ``None`` are not booked."""
        if source is None or source.depth or source.page != 1:
            return
        self.stats.inc_value(SOURCE(source.edition, source.kind, outcome))
        row = {"edition": source.edition, "kind": source.kind, "origin": source.origin, "url": source.url,
               "outcome": outcome, "status": status, "entries": tally.entries if tally else 0,
               "newest": tally.newest.isoformat() if tally and tally.newest else None}
        if tally is not None:
            self.stats.inc_value(SOURCE(source.edition, source.kind, "entries"), tally.entries)
            row["links"], row["matched"] = tally.links, tally.matched
        self.stats.set_value(SOURCES, [*(self.stats.get_value(SOURCES) or []), row])
        if outcome not in ("answered", "blocked") and source.origin == "configured":
            self.logger.debug("The %s %s of %s (%s) gave nothing: %s", source.kind, source.url, self.name,
                              source.edition, outcome)

    def pattern_report(self, tally: Tally, url: str, has_patterns: bool) -> None:
        """Count (``newsbot/discovery/pattern_matched_none``) and log, at INFO the first time, a
        document at ``url`` whose links on the portal's domains no ``allow`` pattern matched."""
        if not (has_patterns and tally.links and not tally.matched):
            return
        first = not self.stats.get_value(DISCOVERY("pattern_matched_none"))
        self.stats.inc_value(DISCOVERY("pattern_matched_none"))
        self.logger.log(logging.INFO if first else logging.DEBUG,
                        "No article pattern of %s (allow) matches any of the %d links of %s%s", self.name,
                        tally.links, url, "" if not first else " (further documents like it are logged at DEBUG)")
