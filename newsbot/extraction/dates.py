"""Date parsing and choice: ISO 8601 and RFC 822 date texts, and the other forms sites put in
their date meta tags, to an aware ``datetime``.

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
_HAS_TIME = re.compile(r"\d{1,2}:\d{2}|\dT\d{4}")  # 09:12, or ISO 8601's basic form 20250303T0912
_ISO_LIKE = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{1,2}:\d{2}(:\d{2}(\.\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?$")
_ZONE_SUFFIX = re.compile(r"\s*\[([A-Za-z][\w+-]*(?:/[\w+-]+)*)\]$")
"""RFC 9557's time zone suffix of a date: ``2025-03-03T09:12:00+01:00[Europe/Berlin]``."""
_ZONE_ABBREVIATION = re.compile(r"(?<=\d)\s*[A-Z]{2,5}$")
DRUPAL_MEDIUM = re.compile(r"(?<![^\W\d_])[^\W\d_]{2,3},\s*(\d{2})/(\d{2})/(\d{4})\s+-\s+(\d{1,2}):(\d{2})(?![\d:])")
"""Drupal's "medium" date format ``D, m/d/Y - H:i`` (``Mon, 03/03/2025 - 09:12``), which its
token module prints in ``article:published_time`` and its node template in the signature
(``Submitted by admin on Tue, 03/10/2026 - 14:22``) unless the site sets another: month first."""
_DRUPAL_DATE = re.compile(rf"^(?:{DRUPAL_MEDIUM.pattern})$")
_HALF_DAY = re.compile(r"^(\d{4})-(\d{2})-(\d{2})[T ](\d{1,2}):(\d{2})(?::(\d{2}))?\s*([ap])\.?m\.?$", re.I)
"""An ISO 8601 day with a twelve-hour time: ``2025-03-03 9:40 am`` (WordPress themes' meta)."""
_DAY_FIRST = re.compile(r"^(\d{1,2})\.\s?(\d{1,2})\.\s?(\d{4}),?\s+(?:\D{0,6}\s)?(\d{1,2})[:.](\d{2})(?::(\d{2}))?$")
"""A day, month and year in digits, day first, and a time: ``03.03.2025 09:12``."""


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
    ``2024-04-30 16:17:29 +02:00``, ``20240430T161729+0200``), RFC 822 (``Tue, 30 Apr 2024
    14:17:29 GMT``) and the forms of :func:`_parse_text` (a zone's name or abbreviation after
    the time, Drupal's and day-first dates in digits).
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
    """``text`` read as ISO 8601 (basic form too: ``20250303T091200+0100``) or RFC 822, with an
    RFC 9557 zone suffix (``…+01:00[Europe/Berlin]``: a naive time is read in that zone), a zone
    abbreviation after the time (``2025-03-03 09:12:00 CET``: read to its offset by dateparser's
    table), Drupal's default date format, a day-first date in digits with a time
    (``03.03.2025 09:12``) or an ISO day with a twelve-hour time (``2025-03-03 9:40 pm``);
    ``None`` when it is none of these."""
    suffix = _ZONE_SUFFIX.search(text)
    named = False  # the zone is named by the text
    if suffix:
        text = text[:suffix.start()]
        try:
            tzinfo, named = zone(suffix.group(1)), True
        except ValueError:
            pass
    if _ISO_DAY.match(text):
        try:
            d = date.fromisoformat(text)
        except ValueError:
            return None
        return ParsedDate(datetime(d.year, d.month, d.day, tzinfo=tzinfo), False, False)
    dt, has_time = None, bool(_HAS_TIME.search(text))
    if _ZONE_ABBREVIATION.search(text):
        from dateparser.timezone_parser import pop_tz_offset_from_string

        rest, abbreviated = pop_tz_offset_from_string(text)
        if abbreviated is not None:
            rest = rest.strip()
            dt = _iso_or_rfc822(rest) or _digits(rest)
            if dt is not None:
                dt = dt.replace(tzinfo=timezone(abbreviated.utcoffset(dt)))
    if dt is None:
        dt = _iso_or_rfc822(text)
    if dt is None:
        dt = _digits(text)
        has_time = dt is not None
    if dt is None:
        return None
    has_offset = dt.tzinfo is not None or named
    if dt.tzinfo is None:
        dt = dt.replace(tzinfo=tzinfo)
    return ParsedDate(dt, has_time, has_offset)


def _iso_or_rfc822(text: str) -> datetime | None:
    iso = text.replace(" ", "T", 1) if _ISO_LIKE.match(text) else text
    iso = re.sub(r"\s+(?=[+-]\d{2}:?\d{2}$)", "", iso)
    try:
        return datetime.fromisoformat(iso)
    except ValueError:
        pass
    try:
        dt = parsedate_to_datetime(text)
    except (TypeError, ValueError, IndexError):
        return None
    if dt is not None and re.search(r"(-0000|\bGMT|\bUTC|\bZ)\s*$", text) is None \
            and not re.search(r"[+-]\d{4}\s*$", text):
        dt = dt.replace(tzinfo=None)  # RFC 822 without a zone
    return dt


def _digits(text: str) -> datetime | None:
    """A naive time of Drupal's default format (:data:`_DRUPAL_DATE`), of a day-first date in
    digits (:data:`_DAY_FIRST`) or of an ISO day with a twelve-hour time (:data:`_HALF_DAY`);
    ``None`` for anything else or an impossible date."""
    m = _DRUPAL_DATE.match(text)
    parts = (m.group(3), m.group(1), m.group(2), m.group(4), m.group(5), None) if m else None
    if parts is None and (m := _DAY_FIRST.match(text)):
        parts = (m.group(3), m.group(2), m.group(1), m.group(4), m.group(5), m.group(6))
    if parts is None and (m := _HALF_DAY.match(text)) and 1 <= int(m.group(4)) <= 12:
        hour = int(m.group(4)) % 12 + (12 if m.group(7).lower() == "p" else 0)
        parts = (m.group(1), m.group(2), m.group(3), hour, m.group(5), m.group(6))
    if parts is None:
        return None
    try:
        return datetime(*(int(p or 0) for p in parts))
    except ValueError:
        return None


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
