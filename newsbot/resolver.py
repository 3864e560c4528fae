"""Name resolution for the crawl: every address a host name resolves to is checked at
connection time, and host name overrides work like ``curl --resolve``.

A public-looking name may resolve to a private or loopback address (DNS rebinding, an
internal name in a feed): :class:`HostOverrideResolver` refuses such answers
(:class:`AddressRefused`, failure kind ``refused_address``) unless the address is loopback and
``NEWSBOT_ALLOW_LOOPBACK`` is on. ``NEWSBOT_RESOLVE`` maps host names to loopback addresses, so
a crawl can run against a local copy of a site at its real URLs (tests, mirrors); mapped names
are answered without lookup.

``NEWSBOT_RESOLVE`` is a JSON object ``{"host name": "127.0.0.1", ...}`` (or a dict set in
Python), or a list of ``host:ip`` entries (a comma-separated string with ``-s``). Only IPv4
loopback addresses (``127.0.0.0/8``) may be targets: the setting points a crawl at this
machine, never elsewhere (Scrapy's threaded resolver hands Twisted IPv4 addresses only).
"""
from __future__ import annotations

import ipaddress
import json

from scrapy.resolver import CachingThreadedResolver
from twisted.internet import defer
from twisted.internet.error import DNSLookupError

from .extraction.urls import ip_kind


class AddressRefused(DNSLookupError):
    """A host name resolved to an address the crawl must not reach (``kind``: ``private`` or
    ``loopback``); ``str()`` names the host, the address and the setting that allows loopback."""

    def __init__(self, host: str, address: str, kind: str):
        hint = "; set NEWSBOT_ALLOW_LOOPBACK=true to crawl this machine" if kind == "loopback" else ""
        super().__init__(f"{host} resolves to {address}, a {kind} address: refused{hint}")
        self.kind = kind


def refusal(host: str) -> str | None:
    """Why the crawl's resolver refused ``host`` (the :class:`AddressRefused` message), else
    ``None``. Twisted's connection code reports a refused name as a failed lookup; the spider's
    errback and the retry middleware ask here to tell the two apart."""
    from twisted.internet import reactor

    refused = getattr(getattr(reactor, "resolver", None), "refused", None)
    return refused.get(_host(host)) if refused else None


def _host(name: str) -> str:
    return name.strip().lower().rstrip(".")


def resolve_map(value) -> dict[str, str]:
    """Parse ``NEWSBOT_RESOLVE``: ``None``/empty, a dict or JSON object text ``{host: ip}``, or
    a list or comma-separated text of ``host:ip`` entries. Returns ``{lower-case host name
    without trailing dot: address text}``. Raises ``ValueError`` with one line naming the bad
    entry: text that is neither JSON nor ``host:ip``, an empty host, an address that does not
    parse as IPv4, or one outside ``127.0.0.0/8``."""
    if not value:
        return {}
    pairs: list[tuple[str, object]]
    if isinstance(value, str):
        text = value.strip()
        if text.startswith("{"):
            try:
                value = json.loads(text)
            except ValueError:
                raise ValueError(f"NEWSBOT_RESOLVE={text!r} is not a JSON object") from None
        else:
            value = [x for x in text.split(",") if x.strip()]
    if isinstance(value, dict):
        pairs = list(value.items())
    elif isinstance(value, (list, tuple)):
        pairs = []
        for entry in value:
            host, sep, ip = str(entry).partition(":")
            if not sep:
                raise ValueError(f"NEWSBOT_RESOLVE entry {entry!r} is not host:ip")
            pairs.append((host, ip))
    else:
        raise ValueError(f"NEWSBOT_RESOLVE={value!r} is not a JSON object or a list of host:ip")
    out = {}
    for host, ip in pairs:
        name = _host(str(host))
        if not name or "/" in name or ":" in name:
            raise ValueError(f"NEWSBOT_RESOLVE: {host!r} is not a host name")
        try:
            address = ipaddress.IPv4Address(str(ip).strip())
        except ValueError:
            raise ValueError(f"NEWSBOT_RESOLVE: {name} -> {ip!r} is not an IPv4 address") from None
        if not address.is_loopback:
            raise ValueError(f"NEWSBOT_RESOLVE: {name} -> {address} is not a loopback address")
        out[name] = str(address)
    return out


class HostOverrideResolver(CachingThreadedResolver):
    """Scrapy's default DNS resolver (``TWISTED_DNS_RESOLVER``) that answers the host names of
    ``NEWSBOT_RESOLVE`` with their mapped address (no lookup, no cache entry) and resolves every
    other name through :class:`scrapy.resolver.CachingThreadedResolver`. With an empty map it
    behaves exactly as the parent. Raises ``ValueError`` (see :func:`resolve_map`) for a bad
    setting; ``newsbot.runs.check_settings`` reports it before the crawl starts."""

    def __init__(self, reactor, cache_size: int, timeout: float, overrides: dict[str, str] | None = None,
                 allow_loopback: bool = False):
        super().__init__(reactor, cache_size, timeout)
        self.overrides = dict(overrides or {})
        self.allow_loopback = allow_loopback
        self.refused: dict[str, str] = {}  # host name -> why its address was refused

    @classmethod
    def from_crawler(cls, crawler, reactor):
        """Built by Scrapy with the crawler process (its ``settings`` are all it reads)."""
        resolver = super().from_crawler(crawler, reactor)
        resolver.overrides = resolve_map(crawler.settings.get("NEWSBOT_RESOLVE"))
        resolver.allow_loopback = crawler.settings.getbool("NEWSBOT_ALLOW_LOOPBACK")
        return resolver

    def getHostByName(self, name: str, timeout=()):  # noqa: N802 (Twisted API)
        """The mapped address of ``name`` (a Deferred firing with the address text), else the
        parent's lookup, whose answer fails with :class:`AddressRefused` when it is a private
        address, or a loopback one without ``NEWSBOT_ALLOW_LOOPBACK``."""
        address = self.overrides.get(_host(name))
        if address is not None:
            return defer.succeed(address)
        return super().getHostByName(name, timeout).addCallback(self._checked, name)

    def _checked(self, address: str, name: str) -> str:
        try:
            ipaddress.ip_address(_host(name).strip("[]"))
            return address  # an address written in the URL: checked as such (newsbot.middlewares)
        except ValueError:
            pass
        try:
            kind = ip_kind(ipaddress.ip_address(address))
        except ValueError:
            return address
        if kind == "private" or (kind == "loopback" and not self.allow_loopback):
            error = AddressRefused(name, address, kind)
            self.refused[_host(name)] = str(error)
            raise error
        return address
