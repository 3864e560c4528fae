"""Name resolution for the crawl: every address a host name resolves to is checked at
connection time, and host name overrides work like ``curl --resolve``.

A public-looking name may resolve to a private or loopback address (DNS rebinding, an
internal name in a feed): :class:`HostOverrideResolver` leaves such addresses out of its
answers (:class:`AddressRefused` says why, failure kind ``refused_address``) unless the address
is loopback and ``NEWSBOT_ALLOW_LOOPBACK`` is on. Names resolve to IPv4 and IPv6 addresses, and
IPv6 literals (``http://[::1]:8080/``) are reached. ``NEWSBOT_RESOLVE`` maps host names to loopback addresses, so
a crawl can run against a local copy of a site at its real URLs (tests, mirrors); mapped names
are answered without lookup.

``NEWSBOT_RESOLVE`` is a JSON object ``{"host name": "127.0.0.1", "other host":
"127.0.0.1:8443", ...}`` (or a dict set in Python), or a list of entries (a comma-separated
string with ``-s``), each ``host=ip`` or ``host=ip:port``, or the older ``host:ip``. A target
with a port sends the host's connections to that port whatever port the URL names (a local
copy served without root on a high port): :class:`PortMappedAgent`, below Scrapy's HTTP/1.1
download handler, changes only the address it connects to, so the request's URL, its ``Host``
header, TLS server name and the records stay those of the real site. ``host:ip:port`` is
refused (curl writes ``host:port:addr``; ``=`` leaves no doubt). Only IPv4 loopback addresses
(``127.0.0.0/8``) may be targets: the setting points a crawl at this machine, never elsewhere.
"""
from __future__ import annotations

import ipaddress
import json
import socket
from typing import NamedTuple

from scrapy.core.downloader.handlers import http11
from scrapy.resolver import CachingHostnameResolver, HostResolution
from twisted.internet.address import IPv4Address
from twisted.internet.error import DNSLookupError
from twisted.internet.interfaces import IResolutionReceiver
from zope.interface import implementer

from .extraction.urls import HOST_NAME, ip_kind


class AddressRefused(DNSLookupError):
    """A host name resolved to an address the crawl must not reach (``kind``: ``private`` or
    ``loopback``); ``str()`` names the host, the address and the setting that allows loopback."""

    def __init__(self, host: str, address: str, kind: str):
        hint = "; give -s NEWSBOT_ALLOW_LOOPBACK=true to crawl this machine" if kind == "loopback" else ""
        super().__init__(f"{host} resolves to {address}, a {kind} address: refused{hint}")
        self.host, self.address, self.kind = host, address, kind


def refused_kind(address: str, allow_loopback: bool) -> str | None:
    """The kind of ``address`` (IPv4 or IPv6 text, a zone index allowed) when the crawl must
    not connect to it: ``private`` (:func:`newsbot.extraction.urls.ip_kind`: private,
    link-local, shared, reserved, in any spelling or IPv6 wrapping), or ``loopback`` without
    ``allow_loopback``; else ``None`` (an address that does not parse included)."""
    try:
        kind = ip_kind(ipaddress.ip_address(address.split("%")[0]))
    except ValueError:
        return None
    return kind if kind == "private" or (kind == "loopback" and not allow_loopback) else None


def connect_addresses(host: str, port: int, targets: dict[str, Target],
                      allow_loopback: bool = False) -> list[tuple[str, int]]:
    """The ``(address, port)`` pairs to connect to for ``host`` on ``port``, outside the
    crawl's reactor (``newsbot portal new``): the ``NEWSBOT_RESOLVE`` target of ``host`` in
    ``targets`` (:func:`resolve_targets`; its port, if any, wins), else the IPv4 and IPv6
    addresses :func:`socket.getaddrinfo` gives that :func:`refused_kind` lets through. Raises
    :class:`AddressRefused` (for the first refused address) when none is left, ``OSError``
    when the name does not resolve."""
    target = targets.get(_host(host))
    if target is not None:
        return [(target.address, target.port or port)]
    pairs, refused = [], None
    for *_, sockaddr in socket.getaddrinfo(host, port, proto=socket.IPPROTO_TCP):
        kind = refused_kind(sockaddr[0], allow_loopback)
        if kind is None:
            pairs.append((sockaddr[0], port))
        elif refused is None:
            refused = AddressRefused(host, sockaddr[0], kind)
    if not pairs and refused is not None:
        raise refused
    return pairs


def refusal(host: str) -> str | None:
    """Why the crawl's resolver refused ``host`` (the :class:`AddressRefused` message), else
    ``None``. Twisted's connection code reports a refused name as a failed lookup; the spider's
    errback and the retry middleware ask here to tell the two apart."""
    from twisted.internet import reactor

    refused = getattr(getattr(reactor, "nameResolver", None), "refused", None)
    return refused.get(_host(host)) if refused else None


def _host(name: str) -> str:
    return name.strip().lower().rstrip(".")


class Target(NamedTuple):
    """Where ``NEWSBOT_RESOLVE`` sends a host: ``address`` (IPv4 loopback, text) and ``port``
    (``None``: the URL's)."""

    address: str
    port: int | None = None


def _entries(value) -> list[tuple[object, object]]:
    """``(host, target text)`` pairs of the setting's forms (see the module docstring)."""
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
        return list(value.items())
    if not isinstance(value, (list, tuple)):
        raise ValueError(f"NEWSBOT_RESOLVE={value!r} is not a JSON object or a list of host=ip[:port]")
    pairs = []
    for entry in value:
        entry = str(entry)
        host, eq, target = entry.partition("=")
        if not eq:
            host, sep, target = entry.partition(":")
            if not sep:
                raise ValueError(f"NEWSBOT_RESOLVE entry {entry!r} is not host=ip, host=ip:port or host:ip")
            if ":" in target.strip() and target.strip().count(":") == 1:
                raise ValueError(f"NEWSBOT_RESOLVE entry {entry!r}: write a port as host=ip:port")
        pairs.append((host, target))
    return pairs


def resolve_targets(value) -> dict[str, Target]:
    """Parse ``NEWSBOT_RESOLVE`` (``None``/empty, a dict or JSON object text ``{host: "ip" or
    "ip:port"}``, or a list or comma-separated text of ``host=ip[:port]`` / ``host:ip``
    entries). Returns ``{lower-case host name without trailing dot: Target}``. Raises
    ``ValueError`` with one line naming the bad entry: text that is none of these forms, a
    host that is not a host name (empty, or holding other than letters, digits, ``-``, ``_``
    and dots), the same host given twice, an address that does not parse as IPv4, one outside
    ``127.0.0.0/8``, a port outside 1–65535, ``host:ip:port``."""
    if not value:
        return {}
    out = {}
    for host, target in _entries(value):
        name = _host(str(host))
        if not HOST_NAME.fullmatch(name):
            raise ValueError(f"NEWSBOT_RESOLVE: {host!r} is not a host name")
        if name in out:
            raise ValueError(f"NEWSBOT_RESOLVE: {name} is given twice")
        ip, colon, port_text = str(target).strip().partition(":")
        try:
            address = ipaddress.IPv4Address(ip.strip())
        except ValueError:
            raise ValueError(f"NEWSBOT_RESOLVE: {name} -> {target!r} is not an IPv4 address") from None
        if not address.is_loopback:
            raise ValueError(f"NEWSBOT_RESOLVE: {name} -> {address} is not a loopback address")
        port = None
        if colon:
            if not port_text.strip().isdigit() or not 1 <= int(port_text) <= 65535:
                raise ValueError(f"NEWSBOT_RESOLVE: {name} -> {target!r}: the port is not a number from 1 to 65535")
            port = int(port_text)
        out[name] = Target(str(address), port)
    return out


def resolve_map(value) -> dict[str, str]:
    """``{host: address}`` of :func:`resolve_targets` (the resolver's view; ``ValueError`` as
    there)."""
    return {host: target.address for host, target in resolve_targets(value).items()}


def resolve_ports(value) -> dict[str, int]:
    """``{host: port}`` of the hosts whose :func:`resolve_targets` target names a port."""
    return {host: target.port for host, target in resolve_targets(value).items() if target.port is not None}


@implementer(IResolutionReceiver)
class _CheckedReceiver:
    """Twisted's resolution receiver between :class:`HostOverrideResolver` and the connection
    code: it passes on each address of ``name`` the crawl may reach, leaves out the others and
    notes why, and gives up on a lookup still running after ``DNS_TIMEOUT`` (an answer that comes
    later is left out; Scrapy's cache still keeps it)."""

    def __init__(self, receiver, resolver: HostOverrideResolver, name: str):
        self.receiver, self.resolver, self.name = receiver, resolver, name
        self.passed = 0
        self.refused: str | None = None
        self.done = False
        self.expiry = None  # the reactor's delayed call ending a lookup that takes too long

    def resolutionBegan(self, resolution) -> None:  # noqa: N802 (Twisted API)
        self.receiver.resolutionBegan(resolution)

    def addressResolved(self, address) -> None:  # noqa: N802 (Twisted API)
        if self.done:
            return
        why = self.resolver.refuse(self.name, address.host)
        if why is None:
            self.passed += 1
            self.receiver.addressResolved(address)
        else:
            self.refused = why

    def resolutionComplete(self) -> None:  # noqa: N802 (Twisted API)
        if self.done:
            return
        self.done = True
        if self.expiry is not None and self.expiry.active():
            self.expiry.cancel()
        if self.refused and not self.passed:
            self.resolver.refused[_host(self.name)] = self.refused
        self.receiver.resolutionComplete()


class HostOverrideResolver(CachingHostnameResolver):
    """Scrapy's caching resolver of IPv4 and IPv6 addresses
    (:class:`scrapy.resolver.CachingHostnameResolver`, ``TWISTED_DNS_RESOLVER``) that answers the
    host names of ``NEWSBOT_RESOLVE`` (``overrides``, ``{host: IPv4 loopback address}``) with
    their mapped address (no lookup, no cache entry), leaves out the addresses the crawl must
    not reach (see :meth:`refuse`) and ends a lookup after ``timeout`` seconds
    (``DNS_TIMEOUT``, which Scrapy's resolver does not apply). A name none of whose addresses
    is left fails to connect as a failed lookup (``dns``); :func:`refusal` tells why. With an
    empty map and ``NEWSBOT_ALLOW_LOOPBACK`` on, it answers as the parent does. Scrapy's
    default (``CachingThreadedResolver``) hands Twisted IPv4 addresses only: a URL naming
    ``[::1]`` or a host with only IPv6 addresses would fail as ``dns``. Raises ``ValueError``
    (see :func:`resolve_map`) for a bad setting; :func:`newsbot.settings_table.check` reports
    it before the crawl starts."""

    def __init__(self, reactor, cache_size: int, timeout: float = 60.0, overrides: dict[str, str] | None = None,
                 allow_loopback: bool = False):
        super().__init__(reactor, cache_size)
        self.timeout = timeout
        self.overrides = dict(overrides or {})
        self.allow_loopback = allow_loopback
        self.refused: dict[str, str] = {}  # host name -> why its addresses were refused

    @classmethod
    def from_crawler(cls, crawler, reactor):
        """Built by Scrapy with the crawler process (its ``settings`` are all it reads); the
        ports of ``NEWSBOT_RESOLVE`` go to :class:`PortMappedAgent`."""
        resolver = super().from_crawler(crawler, reactor)
        resolver.timeout = crawler.settings.getfloat("DNS_TIMEOUT")
        resolver.overrides = resolve_map(crawler.settings.get("NEWSBOT_RESOLVE"))
        resolver.allow_loopback = crawler.settings.getbool("NEWSBOT_ALLOW_LOOPBACK")
        PortMappedAgent.install(resolve_ports(crawler.settings.get("NEWSBOT_RESOLVE")))
        return resolver

    def resolveHostName(self, resolutionReceiver, hostName: str, portNumber: int = 0,  # noqa: N802,N803
                        addressTypes=None, transportSemantics: str = "TCP"):  # noqa: N803 (Twisted API)
        """Twisted's ``IHostnameResolver``: ``resolutionReceiver`` is given the mapped address of
        ``hostName`` (an ``IPv4Address`` on ``portNumber``), else the addresses the parent's
        lookup gives (IPv4 and IPv6) that :meth:`refuse` lets through."""
        address = self.overrides.get(_host(hostName))
        if address is not None:
            resolution = HostResolution(hostName)
            resolutionReceiver.resolutionBegan(resolution)
            resolutionReceiver.addressResolved(IPv4Address("TCP", address, portNumber))
            resolutionReceiver.resolutionComplete()
            return resolution
        checked = _CheckedReceiver(resolutionReceiver, self, hostName)
        resolution = super().resolveHostName(checked, hostName, portNumber, addressTypes, transportSemantics)
        if not checked.done:
            checked.expiry = self.reactor.callLater(self.timeout, checked.resolutionComplete)
        return resolution

    def refuse(self, name: str, address: str) -> str | None:
        """Why the crawl must not reach ``address`` (text, IPv4 or IPv6) that ``name`` resolved
        to (the :class:`AddressRefused` message), else ``None``: a private address, or a loopback
        one without ``NEWSBOT_ALLOW_LOOPBACK``. A private address written in the URL
        (``http://10.1.2.3/``) is refused the same way; a loopback address written in a URL the
        user gave (``http://127.0.0.1:8765/``, ``http://[::1]:8765/``) is the user's choice and
        is reached (a redirect to one is refused before this, by :mod:`newsbot.middlewares`)."""
        try:
            written = ipaddress.ip_address(_host(name).strip("[]")) is not None
        except ValueError:
            written = False
        kind = refused_kind(address, self.allow_loopback or written)
        return str(AddressRefused(name, address, kind)) if kind else None


class _PortMap:
    """Twisted's endpoint factory of an ``Agent`` with the port of mapped hosts changed: the
    URI it is asked for keeps its host, only the endpoint's port differs."""

    def __init__(self, factory, ports: dict[str, int]):
        self.factory, self.ports = factory, ports

    def endpointForURI(self, uri):  # noqa: N802 (Twisted API)
        port = self.ports.get(_host(uri.host.decode("ascii", "replace")))
        if port is not None:
            from twisted.web.client import URI

            uri = URI(uri.scheme, uri.netloc, uri.host, port, uri.path, uri.params, uri.query, uri.fragment)
        return self.factory.endpointForURI(uri)

    def __getattr__(self, name):  # the agent reads the factory's other attributes (_bindAddress)
        return getattr(self.factory, name)


class PortMappedAgent(http11._ScrapyAgent):
    """Scrapy's HTTP/1.1 agent (``scrapy.core.downloader.handlers.http11._ScrapyAgent``) whose
    connections to a host of ``ports`` go to that port on the address the resolver gives;
    requests through a proxy are left as they are. The URL Twisted is given, and so the
    ``Host`` header, the TLS server name, the response's URL and the record, are the real
    site's. Scrapy has no setting for this; :meth:`install` puts the class in the module's
    place (the tests of :mod:`newsbot.resolver` fail if a new version moves it)."""

    ports: dict[str, int] = {}

    @classmethod
    def install(cls, ports: dict[str, int]) -> None:
        """Use this agent, with ``ports`` (``{host: port}``), for the crawl process."""
        cls.ports = dict(ports)
        http11._ScrapyAgent = cls

    def _get_agent(self, request, timeout):
        agent = super()._get_agent(request, timeout)
        if self.ports and not request.meta.get("proxy"):
            agent._endpointFactory = _PortMap(agent._endpointFactory, self.ports)
        return agent
