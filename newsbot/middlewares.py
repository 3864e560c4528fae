"""Downloader middlewares: WARC replay and archive, redirect safety, retries with backoff."""
from __future__ import annotations

import ipaddress
import logging
import socket
import time
from functools import lru_cache
from urllib.parse import urljoin, urlsplit

from scrapy import signals
from scrapy.downloadermiddlewares.redirect import MetaRefreshMiddleware
from scrapy.downloadermiddlewares.retry import RetryMiddleware
from scrapy.exceptions import IgnoreRequest, NotConfigured
from scrapy.http import Headers, HtmlResponse
from scrapy.responsetypes import responsetypes
from scrapy.utils.response import response_status_message
from w3lib.url import safe_url_string

try:
    from scrapy.utils.asyncio import sleep as _sleep  # Scrapy >= 2.18
except ImportError:  # pragma: no cover
    async def _sleep(seconds: float) -> None:
        from twisted.internet import reactor
        from twisted.internet.task import deferLater

        from scrapy.utils.defer import maybe_deferred_to_future

        await maybe_deferred_to_future(deferLater(reactor, seconds))

from .extraction.urls import address_kind, ip_kind
from .httpdate import retry_after_seconds
from .httplimits import too_large
from .logs import failure_level
from .portals import in_domains
from .resolver import AddressRefused, refusal
from .robots import REUSED, RobotsTxtUnreachable
from .stats import ARCHIVE, REDIRECT_REFUSED, REPLAY, RETRY
from .warc import CorruptRecord, WarcIndex, WarcWriterFile

FETCHED_AT = "newsbot_fetched_at"  # request meta: when a replayed response was fetched

logger = logging.getLogger(__name__)


class WarcReplayMiddleware:
    """Answer every request from the WARC named by ``NEWSBOT_REPLAY`` instead of the network.

    URLs present are served with their stored status, headers and body (flag ``replay``; the
    record's ``WARC-Date`` goes into the request's meta as the fetch time); others get an empty
    404 and count in ``newsbot/replay/miss``. A record that holds no readable HTTP response
    (:class:`~newsbot.warc.CorruptRecord`) counts in ``newsbot/replay/corrupt`` and fails its
    request (``corrupt_record``), and the run. Disabled when the setting is
    empty. A missing or unreadable WARC stops the crawl at start with one error line. The
    archive stays open until the spider closes.
    """

    def __init__(self, index: WarcIndex, stats):
        self.index = index
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler):
        path = crawler.settings.get("NEWSBOT_REPLAY")
        if not path:
            raise NotConfigured
        index = WarcIndex(path)  # the crawl command checks the file first (newsbot.runs)
        logger.info("Replaying %d responses from %s", len(index), path)
        mw = cls(index, crawler.stats)
        crawler.signals.connect(mw.spider_closed, signal=signals.spider_closed)
        return mw

    def spider_closed(self, spider):
        self.index.close()

    def process_request(self, request, spider=None):
        try:
            stored = self.index.get(request.url)
        except CorruptRecord:
            self.stats.inc_value(REPLAY("corrupt"))
            raise
        if stored is None:
            self.stats.inc_value(REPLAY("miss"))
            return responsetypes.from_args(url=request.url)(url=request.url, status=404, body=b"",
                                                            request=request, flags=["replay"])
        self.stats.inc_value(REPLAY("hit"))
        request.meta[FETCHED_AT] = stored.date  # the page's markup layout is that of its fetch date
        headers = Headers(stored.headers)
        cls = responsetypes.from_args(headers=headers, url=request.url, body=stored.body)
        return cls(url=request.url, status=stored.status, headers=headers, body=stored.body,
                   request=request, flags=["replay"])


class WarcArchiveMiddleware:
    """Write every response the crawl receives to the WARC named by ``NEWSBOT_ARCHIVE`` as a
    ``response`` record (decoded body, headers without transfer codings), once: a request the
    robots.txt middleware answered with the robots.txt it had received (meta
    :data:`~newsbot.robots.REUSED`) is no second record. Disabled when the setting is empty;
    the file is closed when the spider closes."""

    def __init__(self, writer: WarcWriterFile, stats):
        self.writer = writer
        self.stats = stats

    @classmethod
    def from_crawler(cls, crawler):
        path = crawler.settings.get("NEWSBOT_ARCHIVE")
        if not path:
            raise NotConfigured
        mw = cls(WarcWriterFile(path), crawler.stats)
        crawler.signals.connect(mw.spider_closed, signal=signals.spider_closed)
        return mw

    def process_response(self, request, response, spider=None):
        if request.meta.get(REUSED):
            return response
        headers = [(k.decode("latin-1"), v.decode("latin-1"))
                   for k, values in response.headers.items() for v in values]
        self.writer.write(response.url, response.status, headers, response.body)
        self.stats.inc_value(ARCHIVE("records"))
        return response

    def spider_closed(self, spider):
        self.writer.close()


def _ip_literal(host: str):
    """The IP address a URL host denotes, or ``None`` for a name. Besides canonical literals
    this reads the forms that resolvers accept too (``2130706433``, ``0x7f.1``, ``0177.0.0.1``,
    ``127.1``, via :func:`socket.inet_aton`) and unwraps IPv4-mapped IPv6 (``::ffff:a.b.c.d``)."""
    host = host.strip("[]").lower().rstrip(".")
    try:
        ip = ipaddress.ip_address(host)
    except ValueError:
        if not host or not all(c in "0123456789abcdefx." for c in host) or not host[0].isdigit():
            return None
        try:
            ip = ipaddress.IPv4Address(socket.inet_aton(host))
        except OSError:
            return None
    return ip


def host_kind(host: str) -> str:
    """``"loopback"``, ``"private"`` or ``"public"`` for a URL host, as
    :func:`newsbot.extraction.urls.address_kind` but also for the shorthand forms of an address
    (see :func:`_ip_literal`). Host names are resolved at connection time, and their addresses
    checked there (:mod:`newsbot.resolver`)."""
    ip = _ip_literal(host)
    return ip_kind(ip) if ip is not None else address_kind(host)


def _site(host: str) -> str:
    return host.lower().rstrip(".").removeprefix("www.")


LOOPBACK_HINT = ": give -s NEWSBOT_ALLOW_LOOPBACK=true to crawl this machine (tests, local copies)"


class RequestRefused(IgnoreRequest):
    """A request refused before download by :class:`SafeRedirectMiddleware`; ``reason`` is one
    of ``scheme``, ``private``, ``loopback``, ``offsite``, ``loop``. Already counted and logged."""

    def __init__(self, message: str, reason: str):
        super().__init__(message)
        self.reason = reason


class SafeRedirectMiddleware:
    """Refuse a redirect, before any connection to its target, when the target URL

    - is not http(s) (``file:``, ``ftp:``, ``data:``…): reason ``scheme``;
    - has a private / link-local (169.254.169.254) / reserved IP host, in any spelling of the
      address: reason ``private``;
    - has a loopback host unless ``NEWSBOT_ALLOW_LOOPBACK`` is true: reason ``loopback``;
    - leaves the spider's ``allowed_domains``, or, for a spider without them (``article``),
      the site of the first URL (same host, ``www.`` ignored, or a subdomain / parent of it):
      reason ``offsite``;
    - was already visited in the same redirect chain (a loop): reason ``loop``.

    HTTP redirects (301/302/303/307/308 with ``Location``) are checked on the response, before
    Scrapy's RedirectMiddleware builds the request (so this middleware sits above it, at 610);
    any request reached by redirect (``redirect_urls`` in meta, meta refresh included) is
    checked again before anything is sent for it by :class:`RedirectTargetMiddleware`, which
    sits below the robots.txt middleware (100), so not even ``/robots.txt`` is fetched from a
    refused target. Refusals raise :class:`RequestRefused`, count in
    ``newsbot/redirect_refused/<reason>`` and are logged once each, at WARNING the first of a
    reason, at DEBUG the others (:func:`newsbot.logs.failure_level`)."""

    REDIRECT_STATUSES = frozenset({301, 302, 303, 307, 308})

    def __init__(self, allow_loopback: bool, stats, crawler=None):
        self.allow_loopback = allow_loopback
        self.stats = stats
        self.crawler = crawler

    @classmethod
    def from_crawler(cls, crawler):
        return cls(crawler.settings.getbool("NEWSBOT_ALLOW_LOOPBACK"), crawler.stats, crawler)

    def _reason(self, url: str, chain: list[str]) -> str | None:
        """Why a redirect to ``url`` after the URLs of ``chain`` (first = the one requested)
        is refused, or ``None``."""
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https"):
            return "scheme"
        host = parts.hostname or ""
        kind = host_kind(host)
        if kind == "private" or (kind == "loopback" and not self.allow_loopback):
            return kind
        if url.split("#")[0] in {u.split("#")[0] for u in chain}:
            return "loop"
        spider = getattr(self.crawler, "spider", None)
        domains = [d for d in (getattr(spider, "allowed_domains", None) or []) if d]
        if domains:
            if not in_domains(url, domains):  # by host name: Scrapy's url_is_from_any_domain compares the port too
                return "offsite"
        else:
            first, here = _site(urlsplit(chain[0]).hostname or ""), _site(host)
            if not (here == first or here.endswith("." + first) or first.endswith("." + here)):
                return "offsite"
        return None

    def _refuse(self, source: str, target: str, reason: str):
        self.stats.inc_value(REDIRECT_REFUSED(reason))
        hint = LOOPBACK_HINT if reason == "loopback" else ""
        level, note = failure_level(self.crawler, f"redirect_{reason}")
        logger.log(level, "Refused redirect from %s to %s (%s%s)%s", source, target, reason, hint, note)
        raise RequestRefused(f"redirect to {target} refused ({reason}{hint})", reason)

    def process_response(self, request, response, spider=None):
        location = response.headers.get("Location")
        if (response.status not in self.REDIRECT_STATUSES or not location
                or request.meta.get("dont_redirect") or request.meta.get("handle_httpstatus_all")
                or response.status in request.meta.get("handle_httpstatus_list", ())):
            return response
        location = safe_url_string(location)
        if location.startswith("//"):
            location = urlsplit(request.url).scheme + ":" + location
        target = urljoin(request.url, location)
        chain = [*request.meta.get("redirect_urls", []), request.url]
        reason = self._reason(target, chain)
        if reason:
            self._refuse(chain[0], target, reason)
        return response


class RedirectTargetMiddleware(SafeRedirectMiddleware):
    """The request side of :class:`SafeRedirectMiddleware`, first of the downloader
    middlewares (50, below robots.txt's 100): a request reached by a redirect (HTTP or meta
    refresh: ``redirect_urls`` in meta) whose target is refused raises :class:`RequestRefused`
    before any request, robots.txt included, goes to that target."""

    def process_request(self, request, spider=None):
        chain = request.meta.get("redirect_urls")
        if not chain:
            return None
        reason = self._reason(request.url, chain[:-1] if chain[-1] == request.url else chain)
        if reason:
            self._refuse(chain[0], request.url, reason)
        return None

    def process_response(self, request, response, spider=None):
        return response


REFRESH_CHARS = 4096  # characters of a page's text Scrapy searches for <meta http-equiv="refresh">
REFRESH_MARGIN = 16  # characters past them that a cut inside a multi-byte character cannot reach
HEAD_BYTES = 4 * (REFRESH_CHARS + REFRESH_MARGIN)  # that many characters at 4 bytes a character at most


_ASCII = bytes(range(128)) + b"\x1b(B\x1b$B"  # and two ISO-2022 escapes, which a stateful charset obeys


@lru_cache(maxsize=64)
def ascii_as_itself(encoding: str) -> bool:
    """True when each of the 128 ASCII bytes decodes to its own character in ``encoding`` (a
    Python codec name), escape sequences included: UTF-8, the ISO 8859 and Windows code pages, GB 18030,
    Shift_JIS…, not UTF-16/32, UTF-7, the ISO-2022 family or EBCDIC. In such a charset an
    ASCII character of the decoded text is that one byte (a multi-byte character decodes to
    no ASCII one), so a word of ASCII letters in the text is in the bytes too."""
    try:
        return _ASCII.decode(encoding) == _ASCII.decode("ascii")
    except (LookupError, UnicodeDecodeError):
        return False


class HeadMetaRefreshMiddleware(MetaRefreshMiddleware):
    """Scrapy's :class:`~scrapy.downloadermiddlewares.redirect.MetaRefreshMiddleware` (same
    settings: ``METAREFRESH_ENABLED``, ``METAREFRESH_MAXDELAY``, ``METAREFRESH_IGNORE_TAGS``;
    same place, 580) without decoding the whole page. Scrapy looks for the refresh tag and the
    ``<base>`` in the first :data:`REFRESH_CHARS` characters of the page's text, but decodes
    the whole body to get them (and keeps that text with the response). This decodes the
    first :data:`HEAD_BYTES` bytes with the page's charset (a body cut there decodes to the
    same characters as the whole up to the cut, and UTF-8, UTF-16 and GB 18030 take at most
    4 bytes a character): when they give at least :data:`REFRESH_CHARS` + :data:`REFRESH_MARGIN`
    characters, Scrapy's middleware judges that head, else the whole page. A head whose bytes
    hold no ``refresh`` in any letter case, in a charset where that rules the word out of the
    text (:func:`ascii_as_itself`), is passed on undecoded: w3lib (>= 2.5) follows only a
    ``<meta>`` whose attributes spell it. Same redirects as Scrapy's, and the returned
    response is the one received."""

    def process_response(self, request, response, spider=None):
        head = response
        if (isinstance(response, HtmlResponse) and b"refresh" not in response.body[:HEAD_BYTES].lower()
                and ascii_as_itself(response.encoding)):
            return response
        if isinstance(response, HtmlResponse) and len(response.body) > HEAD_BYTES:
            head = response.replace(body=response.body[:HEAD_BYTES])  # with the whole page's encoding
            if len(head.text) < REFRESH_CHARS + REFRESH_MARGIN:
                head = response  # a charset of longer sequences (ISO-2022 escapes): judge it all
        result = super().process_response(request, head)
        return response if result is head else result


class BackoffRetryMiddleware(RetryMiddleware):
    """Scrapy's :class:`~scrapy.downloadermiddlewares.retry.RetryMiddleware` (same settings:
    ``RETRY_TIMES``, ``RETRY_HTTP_CODES``, ``RETRY_EXCEPTIONS``) that waits before each retry:

    - the response's ``Retry-After`` (seconds or HTTP-date, RFC 9110) when given, up to
      ``NEWSBOT_RETRY_AFTER_MAX`` seconds; a server asking for longer is not retried (counted
      in ``newsbot/retry/retry_after_too_long``);
    - otherwise exponential backoff: ``NEWSBOT_RETRY_BACKOFF`` × 2^(attempt − 1) seconds, at
      most ``NEWSBOT_RETRY_BACKOFF_MAX``.

    Each retry counts in ``newsbot/retry/<kind>`` (kinds as :func:`failure_kind`:
    ``http_503``, ``timeout``, ``connection_lost``…); ``newsbot/retry/waited_seconds`` sums the
    waits. The wait holds the request, not the downloader: other requests go on meanwhile.
    """

    def __init__(self, settings):
        super().__init__(settings)
        self.backoff = settings.getfloat("NEWSBOT_RETRY_BACKOFF")
        self.backoff_max = settings.getfloat("NEWSBOT_RETRY_BACKOFF_MAX")
        self.retry_after_max = settings.getfloat("NEWSBOT_RETRY_AFTER_MAX")

    def _delay(self, request, retry_after: float | None) -> float:
        if retry_after is not None:
            return retry_after
        attempt = request.meta.get("retry_times", 0) + 1
        return min(self.backoff_max, self.backoff * 2 ** (attempt - 1))

    async def _wait_and_retry(self, request, reason, kind: str, retry_after: float | None):
        stats = self.crawler.stats
        if retry_after is not None and retry_after > self.retry_after_max:
            stats.inc_value(RETRY("retry_after_too_long"))
            return None
        new = self._retry(request, reason)
        if new is None:
            return None
        delay = self._delay(request, retry_after)
        stats.inc_value(RETRY(kind))
        if retry_after is not None:
            stats.inc_value(RETRY("retry_after_honoured"))
        stats.inc_value(RETRY("waited_seconds"), round(delay, 3))
        if delay > 0:
            await _sleep(delay)
        return new

    async def process_response(self, request, response, spider=None):
        if request.meta.get("dont_retry", False) or response.status not in self.retry_http_codes:
            return response
        retry_after = retry_after_seconds(response.headers.get("Retry-After"), time.time())
        new = await self._wait_and_retry(request, response_status_message(response.status),
                                         f"http_{response.status}", retry_after)
        return new or response

    async def process_exception(self, request, exception, spider=None):
        if not isinstance(exception, self.exceptions_to_retry) or request.meta.get("dont_retry", False):
            return None
        if refused_address(exception, request.url):
            return None  # asking again gives the same address
        return await self._wait_and_retry(request, exception, failure_kind(exception), None)


_KINDS = {
    "DownloadTimeoutError": "timeout", "TimeoutError": "timeout", "TCPTimedOutError": "timeout",
    "UserTimeoutError": "timeout",
    "ResponseDataLossError": "dataloss", "_DataLoss": "dataloss",
    "ConnectionLost": "connection_lost", "ConnectionDone": "connection_lost",
    "ConnectionResetError": "connection_lost", "ResponseNeverReceived": "connection_lost",
    "ResponseFailed": "connection_lost", "DownloadFailedError": "connection_lost",
    "ConnectionAborted": "connection_lost",
    "DownloadConnectionRefusedError": "connection_refused", "ConnectionRefusedError": "connection_refused",
    "ConnectError": "connection_refused",
    "CannotResolveHostError": "dns", "DNSLookupError": "dns",
    "UnsupportedURLSchemeError": "scheme", "NotSupported": "scheme",
    "CorruptRecord": "corrupt_record",
}


def refused_address(exc: BaseException, url: str | None = None) -> bool:
    """True when a download failed because its host resolved to an address the crawl must not
    reach (:class:`newsbot.resolver.AddressRefused`, which Twisted reports as a failed lookup:
    the resolver's record of refused hosts tells them apart)."""
    if isinstance(exc, AddressRefused) or isinstance(exc.__cause__, AddressRefused):
        return True
    return url is not None and _KINDS.get(type(exc).__name__) == "dns" and refusal(urlsplit(url).hostname or "") is not None


def failure_kind(exc: BaseException, url: str | None = None) -> str:
    """Short name of a download failure for stats keys: ``http_<status>`` (an HTTP error
    response, after retries), ``timeout`` (``DOWNLOAD_TIMEOUT`` reached, trickling servers
    included), ``connection_lost`` (reset or closed before a full response), ``dataloss``
    (body shorter than its Content-Length), ``connection_refused``, ``dns``, ``too_large``
    (``DOWNLOAD_MAXSIZE`` reached, on the wire or while decompressing), ``redirect_<reason>``
    (refused by :class:`SafeRedirectMiddleware`), ``redirect_max`` (more than
    ``REDIRECT_MAX_TIMES``), ``offsite``, ``robots`` (forbidden by robots.txt), ``robots_unreachable`` (a
    site whose robots.txt could not be fetched, :mod:`newsbot.robots`), ``bad_encoding``
    (``url``: the request's, to tell a refused address from a failed lookup)
    (undecodable Content-Encoding), ``corrupt_record`` (a replayed WARC record holding no readable
    HTTP response), ``refused_address`` (a host name resolving to a private or
    loopback address, :mod:`newsbot.resolver`), ``headers_too_large`` (:mod:`newsbot.httplimits`),
    else the exception's class name."""
    response = getattr(exc, "response", None)
    if response is not None and getattr(response, "status", None):
        return f"http_{response.status}"
    if isinstance(exc, RequestRefused):
        return f"redirect_{exc.reason}"
    if refused_address(exc, url):
        return "refused_address"
    if too_large(exc):
        return "headers_too_large"
    name = type(exc).__name__
    text = str(exc)
    if "maxsize" in text.lower() or "DOWNLOAD_MAXSIZE" in text or "larger than download max size" in text:
        return "too_large"
    if isinstance(exc, RobotsTxtUnreachable):
        return "robots_unreachable"
    if isinstance(exc, IgnoreRequest):
        if "max redirections" in text:
            return "redirect_max"
        if "robots.txt" in text:
            return "robots"
        if "offsite" in text.lower():
            return "offsite"
        return "ignored"
    if name in _KINDS:
        return _KINDS[name]
    if name == "DownloadCancelledError":  # Scrapy's HTTP handler cancels only at DOWNLOAD_MAXSIZE
        return "too_large"
    if name == "CancelledError":
        return "cancelled"
    if isinstance(exc, (OSError, EOFError)) and "decompress" in text.lower():
        return "bad_encoding"
    return name
