"""Spider argument parsing and validation (``-a name=value``), without Scrapy.

Every function raises ``ValueError`` with a one-line message naming the argument.
"""
from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone
from pathlib import Path
from urllib.parse import urlsplit

DEFAULT_DAYS = 2


def parse_day(name: str, value: str) -> date:
    """``YYYY-MM-DD`` → ``date``; ``ValueError`` naming ``name`` otherwise."""
    try:
        return date.fromisoformat(value.strip())
    except (ValueError, AttributeError):
        raise ValueError(f"{name}={value!r} is not a date (expected YYYY-MM-DD)") from None


def parse_window(since: str | None, until: str | None,
                 now: datetime | None = None) -> tuple[datetime, datetime]:
    """Date window as aware UTC datetimes ``(start, end)``: ``since`` from 00:00:00 UTC,
    ``until`` to 23:59:59 UTC of that day. Defaults: the last 2 days up to ``now``.
    Raises ``ValueError`` for a date that does not parse, ``until`` before ``since``, or (without
    ``until``) ``since`` after ``now``."""
    now = now or datetime.now(timezone.utc)
    start = (datetime.combine(parse_day("since", since), time(), timezone.utc) if since
             else now - timedelta(days=DEFAULT_DAYS))
    end = (datetime.combine(parse_day("until", until), time(23, 59, 59), timezone.utc) if until
           else now + timedelta(hours=1))
    if end < start:
        if not until:
            raise ValueError(f"since={since} is in the future (after until=now, {now:%Y-%m-%d %H:%M} UTC)")
        raise ValueError(f"until={until} is before since={since or start.date()}")
    return start, end


def parse_limit(value: str | int | None) -> int | None:
    """``limit`` as a positive int (``None`` when not given); ``ValueError`` otherwise."""
    if value in (None, ""):
        return None
    try:
        n = int(value)
    except (TypeError, ValueError):
        raise ValueError(f"limit={value!r} is not a whole number") from None
    if n < 1:
        raise ValueError(f"limit={value!r} must be at least 1")
    return n


URL_FILE_MAX_BYTES = 10 * 1024 * 1024


def check_url(url: str) -> str:
    """``url`` when it is an absolute http(s) URL with a host and a valid port (parsed with
    :func:`urllib.parse.urlsplit`, RFC 3986); ``ValueError`` naming it otherwise."""
    if not url.startswith(("http://", "https://")) or len(url) < 11:
        raise ValueError(f"{url!r} is not an absolute http(s) URL")
    try:
        parts = urlsplit(url)
        parts.port  # noqa: B018 (raises ValueError for a port out of 0-65535 or not a number)
    except ValueError as exc:
        raise ValueError(f"{url!r} is not a valid URL ({exc})") from None
    if not parts.hostname:
        raise ValueError(f"{url!r} is not a valid URL (no host)")
    return url


def _read_url_file(url_file: str) -> list[tuple[int, str]]:
    path = Path(url_file)
    try:
        if not path.is_file():
            raise ValueError(f"url_file={url_file!r} is not a regular file")
        with path.open("rb") as fh:
            data = fh.read(URL_FILE_MAX_BYTES + 1)
        if len(data) > URL_FILE_MAX_BYTES:
            raise ValueError(f"url_file={url_file!r} is larger than {URL_FILE_MAX_BYTES // (1024 * 1024)} MiB")
        return list(enumerate(data.decode("utf-8").splitlines(), 1))
    except (OSError, UnicodeDecodeError) as exc:
        raise ValueError(f"url_file={url_file!r} cannot be read ({exc.__class__.__name__})") from None


def parse_urls(urls: str | None, url_file: str | None) -> list[str]:
    """Start URLs from ``urls`` (comma-separated) and/or ``url_file`` (a regular UTF-8 file of
    at most :data:`URL_FILE_MAX_BYTES` bytes, one URL a line, ``#`` comments). Raises
    ``ValueError`` when none is given, the file is not a regular file, too large or unreadable,
    or a URL is not a valid absolute http(s) URL (see :func:`check_url`; a bad line of the file
    is named by its number, never quoted)."""
    items = [u.strip() for u in (urls or "").split(",") if u.strip()]
    for url in items:
        check_url(url)
    if url_file:
        for n, line in _read_url_file(url_file):
            url = line.strip()
            if not url or url.startswith("#"):
                continue
            try:
                items.append(check_url(url))
            except ValueError:
                # the file's content is never echoed (it may be anything, secrets included)
                raise ValueError(f"url_file={url_file!r} line {n} is not an absolute http(s) URL") from None
    if not items:
        raise ValueError("give article URLs with -a urls=u1,u2 or -a url_file=path")
    return items


def parse_switch(name: str, value: str | bool | None) -> bool | None:
    """An on/off argument (``true``/``false``, ``yes``/``no``, ``on``/``off``, ``1``/``0``, any
    case) as a bool; ``None`` when not given. ``ValueError`` naming ``name`` otherwise."""
    if value is None or value == "":
        return None
    if isinstance(value, bool):
        return value
    text = str(value).strip().lower()
    if text in ("true", "yes", "on", "1"):
        return True
    if text in ("false", "no", "off", "0"):
        return False
    raise ValueError(f"{name}={value!r} is not true or false")
