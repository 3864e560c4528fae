"""URL handling: tracking-parameter removal, canonical URLs and record fingerprints.

Pure functions of ``str``. The fingerprint is the hex SHA-1 of the canonical URL with scheme
and a leading ``www.`` removed, so http/https and www/bare variants share one id.
"""
from __future__ import annotations

import hashlib
import ipaddress
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


def absolute(url: str | None, base: str) -> str | None:
    """Resolve ``url`` against ``base``; ``None`` for empty input, a URL that does not parse
    (``http://[::1``, port out of range) or a non-http(s) result."""
    if not url or not url.strip():
        return None
    try:
        out = urljoin(base, url.strip())
        parts = urlsplit(out)
        parts.port  # noqa: B018 (raises ValueError for a bad port)
    except ValueError:
        return None
    return out if parts.scheme in ("http", "https") and parts.hostname else None


def fingerprint(url: str) -> str:
    """Stable record id: hex SHA-1 (40 chars) of ``url`` without scheme, ``www.`` and tracking."""
    parts = urlsplit(strip_tracking(url))
    host = parts.netloc.removeprefix("www.")
    path = parts.path.rstrip("/") or "/"
    ident = host + path + ("?" + parts.query if parts.query else "")
    return hashlib.sha1(ident.encode("utf-8")).hexdigest()


def address_kind(host: str) -> str:
    """Classify a URL host: ``"loopback"`` (``localhost``, 127.0.0.0/8, ::1), ``"private"``
    (RFC 1918 / RFC 4193 private, link-local incl. 169.254.169.254, reserved, unspecified,
    multicast) or ``"public"`` (any other IP literal or host name; names are not resolved)."""
    host = host.strip("[]").lower().rstrip(".")
    if host == "localhost" or host.endswith(".localhost"):
        return "loopback"
    try:
        ip = ipaddress.ip_address(host)
    except ValueError:
        return "public"
    if ip.is_loopback:
        return "loopback"
    if ip.is_private or ip.is_link_local or ip.is_reserved or ip.is_unspecified or ip.is_multicast:
        return "private"
    return "public"
