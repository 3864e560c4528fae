"""Downloader middlewares (:mod:`newsbot.middlewares`) without a crawl: redirects refused
before download (scheme, private and loopback targets, other sites, loops) and allowed within
the site, ``Retry-After`` values, the retry backoff, and the kind each failure is counted under."""
from __future__ import annotations


import pytest
from scrapy.exceptions import DownloadCancelledError, DownloadTimeoutError, IgnoreRequest
from scrapy.downloadermiddlewares.redirect import MetaRefreshMiddleware
from scrapy.http import HtmlResponse, Request, Response
from scrapy.utils.test import get_crawler
from support import settings_with as _settings
from twisted.internet.error import ConnectionLost

from newsbot.middlewares import (HEAD_BYTES, BackoffRetryMiddleware, ascii_as_itself, HeadMetaRefreshMiddleware, RequestRefused,
                                 SafeRedirectMiddleware, failure_kind)


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



@pytest.mark.parametrize("domains, source, location, elsewhere", [
    (["news.example"], "https://news.example:8443/a", "/b", "https://other.example:8443/b"),
    (["news.example"], "https://news.example:8443/a", "https://www.news.example:8443/b", "https://news.example.org/b"),
    (["127.0.0.1"], "http://127.0.0.1:8000/a", "/b", "http://127.0.0.2:8000/b"),
    (["::1"], "http://[::1]:8000/a", "http://[::1]:8000/b", "http://[2a00:1450::1]:8000/b"),
])
def test_a_redirect_within_the_portals_domains_passes_whatever_its_port(domains, source, location, elsewhere):
    """A portal's domains are host names: the port a URL names does not take it off them."""
    mw = SafeRedirectMiddleware(allow_loopback=True, stats=_Stats(), crawler=_Crawler(domains))
    assert _redirect(mw, source, location).status == 302
    with pytest.raises(RequestRefused) as err:
        _redirect(mw, source, elsewhere)
    assert err.value.reason == "offsite"


# -- meta refresh ------------------------------------------------------------------------------

_REFRESH = "<meta http-equiv='refresh' content='0; url=/moved/'>"


def _refresh_page(before: str, charset: str = "utf-8", bom: bytes = b"") -> bytes:
    """A long page (well past HEAD_BYTES) with ``before`` ahead of the refresh tag."""
    text = f"<html><head>{before}{_REFRESH}</head><body>{'<p>Story text goes on.</p>' * 3000}</body></html>"
    return bom + text.encode(charset)


def _refresh_verdicts(body: bytes, charset: str) -> list[str | None]:
    """The URL Scrapy's meta refresh middleware, then the head-only one, follows from a
    response of ``body`` served as ``charset`` (``None``: the response handed on as it came)."""
    crawler = get_crawler(settings_dict={"METAREFRESH_ENABLED": True})
    verdicts = []
    for cls in (MetaRefreshMiddleware, HeadMetaRefreshMiddleware):
        request = Request("https://news.example/a")
        response = HtmlResponse(request.url, body=body, request=request,
                                headers={"Content-Type": f"text/html; charset={charset}"})
        result = cls.from_crawler(crawler).process_response(request, response)
        assert result is response or isinstance(result, Request)
        verdicts.append(result.url if isinstance(result, Request) else None)
    return verdicts


@pytest.mark.parametrize("before,charset,bom", [
    ("", "utf-8", b""),  # in the head: followed
    ("<title>" + "é" * 4000 + "</title>", "utf-8", b""),  # 8,000 bytes ahead, 4,008 characters: followed
    ("<title>" + "é" * 4090 + "</title>", "utf-8", b""),  # past the 4,096th character: not followed
    ("<title>" + "x" * 5000 + "</title>", "utf-8", b""),  # past it in ASCII: not followed
    ("<title>" + "€" * 3000 + "</title>", "utf-16", b""),  # UTF-16 (BOM written by the codec)
    ("<title>" + "日本" * 2500 + "</title>", "utf-8", b"\xef\xbb\xbf"),  # 15,000 bytes of 3-byte characters
    ("<title>" + "日本" * 1500 + "</title>", "gb18030", b""),  # a charset told by the header only
    ("<title>Crème brûlée</title>", "cp1252", b""),  # a single-byte code page
])
def test_meta_refresh_reads_the_head_as_scrapy_reads_the_whole_page(before, charset, bom):
    """The head-only middleware follows exactly the refreshes Scrapy's own follows (the tag
    within the page's first 4,096 characters), whatever the charset, and
    hands on the response it received."""
    body = _refresh_page(before, charset, bom)
    assert len(body) > HEAD_BYTES
    verdicts = _refresh_verdicts(body, charset)
    assert verdicts[0] == verdicts[1]
    followed = len(before) < 4096
    assert verdicts[1] == ("https://news.example/moved/" if followed else None)


@pytest.mark.parametrize("tag,charset", [
    ("<META HTTP-EQUIV=REFRESH CONTENT='0; URL=/moved/'>", "utf-8"),  # upper case: followed
    ("<meta http-equiv='Refresh' content='0; url=/moved/'>", "shift_jis"),  # a multi-byte charset
    ("<meta http-equiv='refresh' content='0; url=/moved/'>", "utf-7"),  # its letters are no bytes of their own
    ("<meta name='refresh' content='a page about refreshments'>", "utf-8"),  # the word, no refresh
    ("<meta name='description' content='no such word'>", "utf-8"),  # nothing to follow: passed on
    ("<meta name='description' content='no such word'>", "utf-16"),
])
def test_meta_refresh_is_looked_for_as_scrapy_looks_for_it(tag, charset):
    body = f"<html><head><title>日本</title>{tag}</head><body><p>Story text.</p></body></html>".encode(charset)
    verdicts = _refresh_verdicts(body, charset)
    assert verdicts[0] == verdicts[1] == ("https://news.example/moved/" if "url=" in tag.lower() else None)


def test_ascii_as_itself():
    assert all(ascii_as_itself(name) for name in ("utf-8", "cp1252", "iso8859-2", "gb18030", "ascii"))
    assert not any(ascii_as_itself(name) for name in ("utf-16", "utf-7", "iso2022_jp", "cp500", "no-such-codec"))


def test_meta_refresh_with_a_head_of_long_sequences_reads_the_whole_page():
    """A charset whose head bytes give too few characters (ISO-2022-JP's escapes between
    every character) is judged on the whole page, as Scrapy does."""
    body = ("<html><head><title>" + "日x" * 2200 + "</title>" + _REFRESH + "</head><body>"
            + "<p>text</p>" * 3000 + "</body></html>").encode("iso2022_jp")
    assert len(body[:HEAD_BYTES].decode("iso2022_jp", "replace")) < 4112 < len(body.decode("iso2022_jp"))
    request = Request("https://news.example/a")
    response = HtmlResponse(request.url, body=body, request=request,
                            headers={"Content-Type": "text/html; charset=iso-2022-jp"})
    crawler = get_crawler(settings_dict={"METAREFRESH_ENABLED": True})
    ours = HeadMetaRefreshMiddleware.from_crawler(crawler).process_response(request, response)
    theirs = MetaRefreshMiddleware.from_crawler(crawler).process_response(request, response)
    assert ours is response and theirs is response  # the tag lies past the 4,096th character


# -- retries -----------------------------------------------------------------------------------

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
