"""HTTP-dates (RFC 9110 §5.6.7) as a recipient must read them, for every header that carries
one: ``Last-Modified`` and ``Date`` (the seen-store's validators, :mod:`newsbot.incremental`)
and ``Retry-After`` (the retry middleware's wait, :mod:`newsbot.middlewares`).

Only the three forms the RFC defines are read; anything else (another date format, a day or
time out of range) is no HTTP-date, never a lenient guess.
"""
from __future__ import annotations

import re
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime

_DAY, _MONTH = r"(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun)", r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)"
_TIME = r"\d\d:\d\d:\d\d"
_HTTP_DATE = re.compile(  # RFC 9110 §5.6.7: IMF-fixdate, and the obsolete rfc850-date and asctime-date
    rf"{_DAY}, \d\d {_MONTH} \d{{4}} {_TIME} GMT"
    rf"|(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday), \d\d-{_MONTH}-\d\d {_TIME} GMT"
    rf"|{_DAY} {_MONTH} [ \d]\d {_TIME} \d{{4}}")


def http_date(value: str | None) -> datetime | None:
    """The aware UTC datetime of an HTTP-date (RFC 9110 §5.6.7: ``Sun, 06 Nov 1994 08:49:37
    GMT``, or the obsolete ``Sunday, 06-Nov-94 08:49:37 GMT`` and ``Sun Nov  6 08:49:37 1994``
    a recipient must accept), or ``None`` for anything else (another date format, a day or
    time out of range)."""
    if not value or not _HTTP_DATE.fullmatch(value.strip()):
        return None
    try:
        return parsedate_to_datetime(value.strip()).replace(tzinfo=timezone.utc)
    except (TypeError, ValueError):
        return None


def retry_after_seconds(value: bytes | str | None, now: float) -> float | None:
    """Seconds to wait from a ``Retry-After`` header value (RFC 9110 §10.2.3: delay-seconds, a
    run of ASCII digits, or an HTTP-date read by :func:`http_date`), counted from ``now`` (a
    POSIX timestamp, seconds); ``None`` when absent or neither form; never negative."""
    if not value:
        return None
    text = (value.decode("latin-1") if isinstance(value, bytes) else value).strip()
    if text.isascii() and text.isdigit():
        return float(text)
    when = http_date(text)
    return None if when is None else max(0.0, when.timestamp() - now)
