"""The date window of a crawl: which dates a run wants, decided in one place for discovery
entries (feed, sitemap and listing dates) and for records (their ``date_published``).

Pure: no Scrapy. Dates are read with :func:`newsbot.extraction.dates.parse_date`; naive times
are in the portal's zone.
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timezone

from .arguments import parse_window
from .extraction import dates


@dataclass(frozen=True)
class DateWindow:
    """``start`` / ``end``: aware UTC datetimes (``since`` from 00:00:00, ``until`` to
    23:59:59, see :func:`newsbot.arguments.parse_window`; without ``until`` the end is the
    clock's, now + 1 h); ``timezone``: the IANA zone of the portal's naive times; ``open_end``:
    no ``until`` was given, so a date after the end is ahead of the clock (:meth:`ahead`)."""

    start: datetime
    end: datetime
    timezone: str = "UTC"
    open_end: bool = False

    @classmethod
    def from_arguments(cls, since: str | None, until: str | None, timezone: str = "UTC") -> DateWindow:
        """The window of the ``since`` / ``until`` spider arguments (``ValueError`` naming a
        bad one)."""
        start, end = parse_window(since, until)
        return cls(start, end, timezone, open_end=not until)

    def ahead(self, value) -> bool:
        """True when the window ends at the clock (:attr:`open_end`) and ``value`` (a date text)
        is later than its end, however far: a date ahead of the clock (a scheduled post, a local
        time given a ``Z``), which :func:`~newsbot.extraction.dates.parse_date` rejects as
        unreadable past 26 hours ahead."""
        if not self.open_end or not value:
            return False
        parsed = dates.parse_date(value, self.timezone, now=_NO_LIMIT)
        return parsed is not None and parsed.has_time and parsed.value > self.end

    def admits(self, value, *, day_only: bool | None = None, lower_only: bool = False) -> bool:
        """True when ``value`` (a date text, a ``datetime`` or a
        :class:`~newsbot.extraction.dates.ParsedDate`) falls inside the window, or is missing
        or unreadable (the page is then fetched and checked by its own date).

        A date without a time (``2025-03-01``, or ``day_only``) matches the window's days: its
        calendar day must lie between the days of ``start`` and ``end``. ``lower_only``: only
        the start counts (a sitemap modified after ``until`` can still list older pages)."""
        if value is None or value == "":
            return True
        parsed = value if isinstance(value, dates.ParsedDate) else dates.parse_date(value, self.timezone)
        if parsed is None:
            return True
        when = parsed.value
        if lower_only:
            return when >= self.start
        if day_only if day_only is not None else not parsed.has_time:
            return self.start.date() <= when.date() <= self.end.date()
        return self.start <= when <= self.end

    def before_start(self, values) -> bool:
        """True when the last readable date of ``values`` (date texts in document order) is on a
        day before the window's first day: listings run newest first, so a page whose last dated
        teaser is older ends the pagination (pinned teasers on top do not)."""
        readable = [p for p in (dates.parse_date(v, self.timezone) for v in values if v) if p is not None]
        return bool(readable) and readable[-1].value.date() < self.start.date()


_NO_LIMIT = datetime(9000, 1, 1, tzinfo=timezone.utc)  # a clock that no date is ahead of
