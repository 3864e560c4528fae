"""HTTP-dates of RFC 9110 §5.6.7 and ``Retry-After`` (§10.2.3)."""
from datetime import datetime, timezone

from newsbot.httpdate import http_date, retry_after_seconds


def test_http_date_reads_the_three_forms_only():
    when = datetime(1994, 11, 6, 8, 49, 37, tzinfo=timezone.utc)
    for text in ("Sun, 06 Nov 1994 08:49:37 GMT", "Sunday, 06-Nov-94 08:49:37 GMT", "Sun Nov  6 08:49:37 1994"):
        assert http_date(text) == when, text
    for text in (None, "", "1994-11-06T08:49:37Z", "Sun, 06 Nov 1994 08:49:37 +0000", "Sun, 31 Feb 1994 08:49:37 GMT"):
        assert http_date(text) is None, text


def test_retry_after_values():
    """Delay-seconds or an HTTP-date of any of RFC 9110's three forms, read like the seen-store's
    ``Last-Modified``; any other date text (ISO 8601, a numeric zone) is no ``Retry-After``."""
    now = datetime(2025, 3, 4, 12, tzinfo=timezone.utc).timestamp()
    assert retry_after_seconds(b"120", now) == 120.0
    assert retry_after_seconds(b"Tue, 04 Mar 2025 12:01:30 GMT", now) == 90.0
    assert retry_after_seconds(b"Tuesday, 04-Mar-25 12:00:45 GMT", now) == 45.0
    assert retry_after_seconds(b"Tue Mar  4 12:00:10 2025", now) == 10.0
    assert retry_after_seconds(b"Tue, 04 Mar 2025 11:00:00 GMT", now) == 0.0  # past: no wait
    for bad in (b"soon", None, b"", b"-5", b"1.5", "\u0661\u0662", b"2025-03-04T12:01:30Z",
                b"Tue, 04 Mar 2025 12:01:30 +0000"):
        assert retry_after_seconds(bad, now) is None, bad
