"""Downloader middlewares (:mod:`newsbot.middlewares`) without a crawl: redirects refused
before download (scheme, private and loopback targets, other sites, loops) and allowed within
the site, ``Retry-After`` values, the retry backoff, and the kind each failure is counted under."""
from __future__ import annotations

from datetime import datetime, timedelta, timezone
from email.utils import format_datetime

import pytest
from scrapy.exceptions import DownloadCancelledError, DownloadTimeoutError, IgnoreRequest
from scrapy.http import Request, Response
from support import settings_with as _settings
from twisted.internet.error import ConnectionLost

from newsbot.middlewares import (BackoffRetryMiddleware, RequestRefused, SafeRedirectMiddleware, _retry_after,
                                 failure_kind)


# -- redirects ---------------------------------------------------------------------------------

class _Stats(dict):
    def inc_value(self, key, count=1, start=0):
        self[key] = self.get(key, start) + count


class _Crawler:
    def __init__(self, allowed_domains=None):
        self.spider = type("S", (), {"allowed_domains": allowed_domains})()


def _redirect(mw, source, location):
    request = Request(source)
    return mw.process_response(request, Response(source, status=302, headers={"Location": location}, request=request))


@pytest.mark.parametrize("location,reason", [
    ("file:///etc/passwd", "scheme"), ("ftp://example.org/x", "scheme"),
    ("http://169.254.169.254/latest/meta-data/", "private"), ("http://10.0.0.7/", "private"),
    ("http://127.0.0.1:8080/", "loopback"), ("http://2130706433/", "loopback"),
    ("https://elsewhere.example/x", "offsite"), ("/a", "loop"),
])
def test_redirects_refused_before_download(location, reason):
    stats = _Stats()
    mw = SafeRedirectMiddleware(allow_loopback=False, stats=stats, crawler=_Crawler())
    with pytest.raises(RequestRefused) as err:
        _redirect(mw, "https://news.example/a", location)
    assert err.value.reason == reason
    assert stats == {f"newsbot/redirect_refused/{reason}": 1}


def test_redirects_within_the_site_pass():
    mw = SafeRedirectMiddleware(allow_loopback=False, stats=_Stats(), crawler=_Crawler())
    for location in ("https://www.news.example/b", "/b", "http://news.example/b?x=1", "https://de.news.example/b"):
        assert _redirect(mw, "https://news.example/a", location).status == 302
    portal = SafeRedirectMiddleware(allow_loopback=False, stats=_Stats(), crawler=_Crawler(["news.example"]))
    with pytest.raises(RequestRefused):
        _redirect(portal, "https://news.example/a", "https://other.example/")
    loopback = SafeRedirectMiddleware(allow_loopback=True, stats=_Stats(), crawler=_Crawler())
    assert _redirect(loopback, "http://127.0.0.1:8000/a", "http://127.0.0.1:8000/b").status == 302


# -- retries -----------------------------------------------------------------------------------

def test_retry_after_values():
    now = datetime(2025, 3, 4, 12, tzinfo=timezone.utc)
    assert _retry_after(b"120") == 120.0
    assert _retry_after(format_datetime(now + timedelta(seconds=90), usegmt=True).encode(), now.timestamp()) == 90.0
    assert _retry_after(format_datetime(now - timedelta(hours=1), usegmt=True).encode(), now.timestamp()) == 0.0
    assert _retry_after(b"soon") is None and _retry_after(None) is None and _retry_after(b"-5") is None


def test_backoff_doubles_and_is_capped():
    mw = BackoffRetryMiddleware(_settings(NEWSBOT_RETRY_BACKOFF="0.5", NEWSBOT_RETRY_BACKOFF_MAX="1.5"))
    delays = [mw._delay(Request("http://x.example/", meta={"retry_times": n}), None) for n in range(4)]
    assert delays == [0.5, 1.0, 1.5, 1.5]
    assert mw._delay(Request("http://x.example/"), 7.0) == 7.0


@pytest.mark.parametrize("exc,kind", [
    (DownloadTimeoutError("took longer than 2 seconds"), "timeout"),
    (ConnectionLost(), "connection_lost"),
    (DownloadCancelledError(), "too_large"),
    (IgnoreRequest("Ignored response because its body exceeded DOWNLOAD_MAXSIZE (20 B)"), "too_large"),
    (IgnoreRequest("max redirections reached"), "redirect_max"),
    (RequestRefused("no", "private"), "redirect_private"),
    (ValueError("x"), "ValueError"),
])
def test_failure_kinds(exc, kind):
    assert failure_kind(exc) == kind
