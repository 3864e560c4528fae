"""URL handling: tracking-parameter removal, canonical URLs and record fingerprints.

Pure functions of ``str``. The fingerprint is the hex SHA-1 of the canonical URL with scheme
and a leading ``www.`` removed, so http/https and www/bare variants share one id.
"""
from __future__ import annotations

import hashlib
import ipaddress
import re
from functools import lru_cache
from urllib.parse import parse_qsl, urlencode, urljoin, urlsplit, urlunsplit

TRACKING_PREFIXES = ("utm_", "mc_", "pk_", "hsa_", "at_", "_hs")
TRACKING_PARAMS = frozenset({
    "fbclid", "gclid", "dclid", "msclkid", "yclid", "igshid", "ref", "ref_src", "cmpid",
    "xtor", "ito", "ocid", "_ga", "spm", "share", "rss", "feed",
})


def strip_tracking(url: str) -> str:
    """Return ``url`` without tracking query parameters (``utm_*``, ``fbclid``…) and fragment."""
    parts = urlsplit(url.strip())
    query = [
        (k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)
        if not k.lower().startswith(TRACKING_PREFIXES) and k.lower() not in TRACKING_PARAMS
    ]
    return urlunsplit((parts.scheme, parts.netloc.lower(), parts.path or "/", urlencode(query), ""))


HOST_NAME = re.compile(r"[\w-]+(?:\.[\w-]+)*\.?")
"""A host name: dot-separated labels of letters (any script), digits, ``-`` and ``_``, no label
empty, a trailing dot allowed (RFC 1123 names, with the ``_`` and international letters sites
use)."""


def absolute(url: str | None, base: str) -> str | None:
    """Resolve ``url`` against ``base``; ``None`` for empty input, a URL that does not parse
    (``http://[::1``, a port out of range or 0), a host that is neither a host name
    (:data:`HOST_NAME`: ``http://a b.example/``, ``http://%zz/``) nor a bracketed IPv6 address,
    or a non-http(s) result."""
    if not url or not url.strip():
        return None
    try:
        out = urljoin(base, url.strip())
        parts = urlsplit(out)
        port = parts.port  # raises ValueError for a bad port
    except ValueError:
        return None
    host = parts.hostname
    if parts.scheme not in ("http", "https") or not host or port == 0:
        return None
    return out if HOST_NAME.fullmatch(host) or ":" in host else None


def fingerprint(url: str) -> str:
    """Stable record id: hex SHA-1 (40 chars) of ``url`` without scheme, ``www.`` and tracking."""
    parts = urlsplit(strip_tracking(url))
    host = parts.netloc.removeprefix("www.")
    path = parts.path.rstrip("/") or "/"
    ident = host + path + ("?" + parts.query if parts.query else "")
    return hashlib.sha1(ident.encode("utf-8")).hexdigest()


_NAT64 = ipaddress.ip_network("64:ff9b::/96")  # RFC 6052: IPv4 addresses embedded in IPv6
_NAT64_LOCAL = ipaddress.ip_network("64:ff9b:1::/48")  # RFC 8215: local-use NAT64


def _embedded_ipv4(ip):
    """The IPv4 address an IPv6 address carries: IPv4-mapped (``::ffff:a.b.c.d``), 6to4
    (``2002:AABB:CCDD::/16``, RFC 3056), NAT64 (``64:ff9b::/96``, RFC 6052), Teredo
    (``2001::/32``, the client address); else ``None``."""
    if not isinstance(ip, ipaddress.IPv6Address):
        return None
    if ip.ipv4_mapped is not None:
        return ip.ipv4_mapped
    if ip.sixtofour is not None:
        return ip.sixtofour
    if ip in _NAT64:
        return ipaddress.IPv4Address(int(ip) & 0xFFFFFFFF)
    if ip.teredo is not None:
        return ip.teredo[1]
    return None


def ip_kind(ip) -> str:
    """``"loopback"``, ``"private"`` or ``"public"`` for an :mod:`ipaddress` address: private
    is any address that is not globally reachable (RFC 1918 / RFC 4193, link-local incl.
    169.254.169.254, shared CGNAT space 100.64.0.0/10, reserved, unspecified, multicast, the
    local-use NAT64 prefix), and an IPv6 address carrying an IPv4 one (mapped, 6to4, NAT64,
    Teredo) is of that one's kind."""
    inner = _embedded_ipv4(ip)
    if inner is not None:
        return ip_kind(inner)
    if ip.is_loopback:
        return "loopback"
    if not ip.is_global or ip.is_multicast or ip.is_reserved or ip.is_unspecified or ip in _NAT64_LOCAL:
        return "private"
    return "public"


def address_kind(host: str) -> str:
    """Classify a URL host: ``"loopback"`` (``localhost``, 127.0.0.0/8, ::1), ``"private"``
    (see :func:`ip_kind`) or ``"public"`` (any other IP literal or host name; names are not
    resolved here: see :mod:`newsbot.resolver`)."""
    host = host.strip("[]").lower().rstrip(".")
    if host == "localhost" or host.endswith(".localhost"):
        return "loopback"
    try:
        ip = ipaddress.ip_address(host)
    except ValueError:
        return "public"
    return ip_kind(ip)


@lru_cache(maxsize=1)
def _suffixes():
    import tldextract

    # the Public Suffix List snapshot shipped with tldextract: never fetched at run time
    return tldextract.TLDExtract(suffix_list_urls=(), cache_dir=None)


@lru_cache(maxsize=4096)
def site_of(host: str) -> str:
    """The site a host belongs to: its registrable domain by the Public Suffix List
    (``de.euronews.com`` → ``euronews.com``, ``news.bbc.co.uk`` → ``bbc.co.uk``), the host
    itself for IP addresses and single-label names, the last two labels of a name under no known
    suffix. Lowercase, no trailing dot."""
    host = (host or "").strip("[]").lower().rstrip(".")
    found = _suffixes()(host)
    site = getattr(found, "top_domain_under_public_suffix", None)
    if site:
        return site
    try:
        ipaddress.ip_address(host)
        return host
    except ValueError:  # a name under no known suffix (a test or intranet name): its last two labels
        return ".".join(host.split(".")[-2:])


def same_site(url: str, base: str, domains=()) -> bool:
    """True when ``url``'s host belongs to the site of ``base``'s host (:func:`site_of`) or to
    one of ``domains`` (registrable domains, subdomains included)."""
    host = (urlsplit(url).hostname or "").lower()
    if host and site_of(host) == site_of(urlsplit(base).hostname or ""):
        return True
    return any(host == d or host.endswith("." + d) for d in domains)


_ARTICLE_SEGMENT = re.compile(r"\d{4}|[^\W\d_]+(?:[-_.,+ ]+\w+){2,}|.{25}")
"""A path segment that names an article rather than a section or a view of it: an id or a year
(four digits in a row), a slug of three words or more, or 25 characters."""


def names_a_section(canonical: str, url: str) -> bool:
    """True when ``canonical`` is an ancestor of the page address ``url`` (same host, its path
    a proper prefix by whole segments), its own last segment names no article, and a segment
    ``url`` adds does (:data:`_ARTICLE_SEGMENT`): a template that names the section (``og:url``
    ``/news`` on ``/news/38853_Sperrfristende_01_Februar``) as every article's canonical URL,
    which would merge all the section's articles into one record. A view of the article (``/amp``,
    ``/print``, ``/page/2``, ``/comments``) and an id canonical (``/news/38853`` on
    ``/news/38853/cranes-return-to-the-quay``) keep the article's canonical URL."""
    c, u = urlsplit(canonical), urlsplit(url)
    if (c.hostname or "").removeprefix("www.") != (u.hostname or "").removeprefix("www.") or c.query:
        return False
    parent = [s for s in c.path.split("/") if s]
    child = [s for s in u.path.split("/") if s]
    if not parent or len(child) <= len(parent) or child[:len(parent)] != parent:
        return False
    return not _ARTICLE_SEGMENT.search(parent[-1]) and any(_ARTICLE_SEGMENT.search(s) for s in child[len(parent):])
