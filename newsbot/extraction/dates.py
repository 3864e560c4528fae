"""Date parsing and choice: ISO 8601 and RFC 822 date texts to an aware ``datetime``.

Naive times are read in the portal's IANA time zone (``tz``). Results later than now plus
``MAX_FUTURE_SKEW`` or before 1990 are rejected.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, datetime, timedelta, timezone
from email.utils import parsedate_to_datetime
from zoneinfo import ZoneInfo, ZoneInfoNotFoundError

MAX_FUTURE_SKEW = timedelta(hours=26)
EARLIEST = datetime(1990, 1, 1, tzinfo=timezone.utc)
_ISO_DAY = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_HAS_TIME = re.compile(r"\d{1,2}:\d{2}")
_ISO_LIKE = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?$")


@dataclass(frozen=True)
class ParsedDate:
    """A parsed date: ``value`` is aware; ``has_time`` is False for day-only sources (then the
    value is midnight in the portal's zone); ``has_offset`` is False when the zone was assumed."""

    value: datetime
    has_time: bool
    has_offset: bool


def zone(name: str | None) -> ZoneInfo | timezone:
    """IANA zone by name; UTC for ``None``. Raises ``ValueError`` for an unknown name."""
    if not name:
        return timezone.utc
    try:
        return ZoneInfo(name)
    except (ZoneInfoNotFoundError, ValueError) as exc:
        raise ValueError(f"unknown time zone {name!r}") from exc


def _plausible(dt: datetime, now: datetime | None) -> bool:
    now = now or datetime.now(timezone.utc)
    return EARLIEST <= dt <= now + MAX_FUTURE_SKEW


def parse_date(value, tz: str | None = None, *, now: datetime | None = None) -> ParsedDate | None:
    """Parse one date value; ``None`` when it does not parse or is implausible.

    Accepts ``datetime``/``date`` objects, ISO 8601 (``2024-04-30T16:17:29+02:00``, ``Z``,
    ``2024-04-30 16:17:29 +02:00``) and RFC 822 (``Tue, 30 Apr 2024 14:17:29 GMT``).
    """
    if value is None:
        return None
    tzinfo = zone(tz)
    if isinstance(value, datetime):
        has_offset = value.tzinfo is not None
        dt = value if has_offset else value.replace(tzinfo=tzinfo)
        return ParsedDate(dt, True, has_offset) if _plausible(dt, now) else None
    if isinstance(value, date):
        dt = datetime(value.year, value.month, value.day, tzinfo=tzinfo)
        return ParsedDate(dt, False, False) if _plausible(dt, now) else None
    text = str(value).strip()
    if not text or text.startswith(("0000", "0001-01-01")):
        return None
    parsed = _parse_text(text, tzinfo)
    if parsed is None or not _plausible(parsed.value, now):
        return None
    return parsed


def _parse_text(text: str, tzinfo) -> ParsedDate | None:
    if _ISO_DAY.match(text):
        try:
            d = date.fromisoformat(text)
        except ValueError:
            return None
        return ParsedDate(datetime(d.year, d.month, d.day, tzinfo=tzinfo), False, False)
    iso = text.replace(" ", "T", 1) if _ISO_LIKE.match(text) else text
    iso = re.sub(r"\s+(?=[+-]\d{2}:?\d{2}$)", "", iso)
    try:
        dt = datetime.fromisoformat(iso)
    except ValueError:
        dt = None
    if dt is None:
        try:
            dt = parsedate_to_datetime(text)
        except (TypeError, ValueError, IndexError):
            dt = None
        if dt is not None and re.search(r"(-0000|\bGMT|\bUTC|\bZ)\s*$", text) is None \
                and not re.search(r"[+-]\d{4}\s*$", text):
            dt = dt.replace(tzinfo=None)  # RFC 822 without a zone
    if dt is None:
        return None
    has_offset = dt.tzinfo is not None
    if not has_offset:
        dt = dt.replace(tzinfo=tzinfo)
    return ParsedDate(dt, bool(_HAS_TIME.search(text)), has_offset)


def choose(candidates: list[tuple[str, ParsedDate]]) -> tuple[str, ParsedDate] | None:
    """Pick one date among ``(layer, ParsedDate)`` candidates given in priority order.

    The first candidate with a time and an explicit offset wins; otherwise the first with a
    time; otherwise the first. A day-only winner is upgraded with the time of a later
    candidate on the same calendar day (e.g. a feed's pubDate for a page that prints the day).
    """
    if not candidates:
        return None
    for want in ((True, True), (True, False)):
        for layer, c in candidates:
            if (c.has_time, c.has_offset) == want:
                first = candidates[0][1]
                if not first.has_time and first.value.date() != c.value.astimezone(first.value.tzinfo).date():
                    return candidates[0]
                return layer, c
    return candidates[0]


def iso(dt: datetime | None) -> str | None:
    """ISO 8601 with offset, to the second (``2024-04-30T16:17:29+02:00``); ``None`` passes."""
    return dt.replace(microsecond=0).isoformat() if dt else None
