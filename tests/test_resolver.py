"""The host override resolver (:mod:`newsbot.resolver`): the ``NEWSBOT_RESOLVE`` forms, bad
values refused before a crawl, and the resolver answering mapped names itself."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from loopback import Site
from support import crawl

from newsbot.resolver import Target, resolve_map, resolve_ports, resolve_targets


def test_resolve_targets_take_a_port():
    assert resolve_targets("www.politico.eu=127.0.0.1:8443, b.example=127.0.0.2, c.example:127.0.0.3") == {
        "www.politico.eu": Target("127.0.0.1", 8443), "b.example": Target("127.0.0.2"), "c.example": Target("127.0.0.3")}
    assert resolve_targets('{"www.politico.eu": "127.0.0.1:8443"}') == {"www.politico.eu": Target("127.0.0.1", 8443)}
    assert resolve_ports("a.example=127.0.0.1:8443,b.example:127.0.0.1") == {"a.example": 8443}
    assert resolve_map("a.example=127.0.0.1:8443") == {"a.example": "127.0.0.1"}
    with pytest.raises(ValueError, match="write a port as host=ip:port"):
        resolve_targets("a.example:127.0.0.1:8443")  # curl's host:port:addr order would read the other way
    with pytest.raises(ValueError, match="the port is not a number from 1 to 65535"):
        resolve_targets("a.example=127.0.0.1:99999")
    with pytest.raises(ValueError, match="not a loopback address"):
        resolve_targets('{"a.example": "10.0.0.1:8443"}')


def test_a_mapped_port_keeps_the_real_url_host_header_and_record(tmp_path):
    page = (b'<html><head><title>Harbour cranes</title><meta property="og:type" content="article"></head>'
            b"<body><article><h1>Harbour cranes return</h1>"
            + b"<p>The port authority said the two cranes removed for repairs are back in service.</p>" * 5
            + b"</article></body></html>")
    routes = {("www.politico.eu", "/article/cranes/"): (200, {"Content-Type": "text/html"}, page)}
    with Site(routes) as site:
        url = "http://www.politico.eu/article/cranes/"
        # a mapped name needs no NEWSBOT_ALLOW_LOOPBACK; robots.txt goes to the mapped port too
        settings = {"DOWNLOAD_DELAY": "0", "AUTOTHROTTLE_ENABLED": "false", "RETRY_TIMES": "0",
                    "NEWSBOT_RESOLVE": f"www.politico.eu=127.0.0.1:{site.port}"}
        proc, records = crawl(tmp_path, "article", f"urls={url}", settings=settings)
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert [(r["url"], r["title"]) for r in records] == [(url, "Harbour cranes return")]
    assert site.requested == [("www.politico.eu", "/robots.txt"), ("www.politico.eu", "/article/cranes/")]
    assert [h["Host"] for h in site.request_headers] == ["www.politico.eu"] * 2  # not the port connected to


def test_resolve_map_forms():
    assert resolve_map("") == {}
    assert resolve_map({"WWW.Politico.EU.": "127.0.0.1"}) == {"www.politico.eu": "127.0.0.1"}
    assert resolve_map('{"de.euronews.com": "127.0.0.2"}') == {"de.euronews.com": "127.0.0.2"}
    assert resolve_map("a.example:127.0.0.1, b.example:127.1.2.3") == {"a.example": "127.0.0.1",
                                                                      "b.example": "127.1.2.3"}
    assert resolve_map(["a.example:127.9.9.9"]) == {"a.example": "127.9.9.9"}
    with pytest.raises(ValueError, match="a.example -> 10.0.0.1 is not a loopback address"):
        resolve_map("a.example:10.0.0.1")
    with pytest.raises(ValueError, match="is not an IPv4 address"):
        resolve_map({"a.example": "localhost"})
    with pytest.raises(ValueError, match="is not an IPv4 address"):
        resolve_map("a.example:::1")
    with pytest.raises(ValueError, match="is not host=ip, host=ip:port or host:ip"):
        resolve_map("a.example")
    with pytest.raises(ValueError, match="is not a JSON object"):
        resolve_map("{a.example: 127.0.0.1")
    assert resolve_map({"bücher.example": "127.0.0.1", "_dmarc.a-b.example": "127.0.0.2"}) == {
        "bücher.example": "127.0.0.1", "_dmarc.a-b.example": "127.0.0.2"}
    for host in ("a example", "a..example", ".example", "a.example/x", "a:b", "a\tb", "*.example"):
        with pytest.raises(ValueError, match="is not a host name"):
            resolve_map({host: "127.0.0.1"})
    with pytest.raises(ValueError, match="NEWSBOT_RESOLVE: a.example is given twice"):
        resolve_map("a.example=127.0.0.1,A.Example.=127.0.0.2")


@pytest.mark.parametrize("value, message", [
    ("www.politico.eu:93.184.216.34", "NEWSBOT_RESOLVE: www.politico.eu -> 93.184.216.34 is not a loopback address"),
    ('{"www.politico.eu": "nowhere"}', "NEWSBOT_RESOLVE: www.politico.eu -> 'nowhere' is not an IPv4 address"),
])
def test_bad_resolve_setting_stops_with_one_line(tmp_path, value, message):
    env = {**os.environ, "SCRAPY_SETTINGS_MODULE": "newsbot.settings"}
    proc = subprocess.run([sys.executable, "-m", "scrapy", "crawl", "politico_eu", "-s", f"NEWSBOT_RESOLVE={value}"],
                          cwd=tmp_path, env=env, capture_output=True, text=True, timeout=60)
    assert proc.returncode == 2
    assert message in proc.stderr
    assert "Traceback" not in proc.stderr


class _Lookup:
    """A stand-in for Twisted's name resolver: every name resolves to ``addresses`` (text), or
    with ``answer=False`` the lookup never answers; ``asked`` lists the names looked up."""

    def __init__(self, *addresses: str, answer: bool = True):
        self.addresses, self.answer, self.asked = addresses, answer, []

    def resolveHostName(self, receiver, name, portNumber=0, addressTypes=None, transportSemantics="TCP"):  # noqa: N802,N803
        from twisted.internet.address import IPv4Address, IPv6Address

        self.asked.append(name)
        receiver.resolutionBegan(None)
        if self.answer:
            for address in self.addresses:
                receiver.addressResolved((IPv6Address if ":" in address else IPv4Address)("TCP", address, portNumber))
            receiver.resolutionComplete()


def _resolver(lookup: _Lookup, overrides=None, allow_loopback=False):
    """A :class:`HostOverrideResolver` on a memory reactor whose lookups go to ``lookup``."""
    from scrapy.resolver import dnscache
    from twisted.internet.testing import MemoryReactorClock

    from newsbot.resolver import HostOverrideResolver

    reactor = MemoryReactorClock()
    reactor.nameResolver = lookup
    dnscache.clear()
    return HostOverrideResolver(reactor, 0, 5.0, overrides, allow_loopback=allow_loopback)


def _resolve(resolver, name: str, port: int = 80, done: list | None = None) -> list[tuple[str, int]] | None:
    """The ``(address, port)`` pairs ``resolver`` gives ``name``; ``None`` while it has not
    completed (``done`` receives ``True`` when it does)."""
    answer, done = [], done if done is not None else []

    class Receiver:
        def resolutionBegan(self, resolution):  # noqa: N802
            pass

        def addressResolved(self, address):  # noqa: N802
            answer.append((address.host, address.port))

        def resolutionComplete(self):  # noqa: N802
            done.append(True)

    resolver.resolveHostName(Receiver(), name, port)
    return answer if done else None


def test_resolver_answers_mapped_names_and_defers_the_rest():
    lookup = _Lookup("93.184.216.34", "2606:2800:220:1::1")
    resolver = _resolver(lookup, resolve_map("www.politico.eu:127.0.0.9"))
    assert _resolve(resolver, "WWW.Politico.eu.", 443) == [("127.0.0.9", 443)]
    assert _resolve(resolver, "www.euronews.com") == [("93.184.216.34", 80), ("2606:2800:220:1::1", 80)]
    assert lookup.asked == ["www.euronews.com"]


def test_a_lookup_that_does_not_answer_ends_after_dns_timeout():
    resolver = _resolver(_Lookup(answer=False))
    done = []
    assert _resolve(resolver, "slow.example.org", done=done) is None
    resolver.reactor.advance(4.9)
    assert done == []
    resolver.reactor.advance(0.2)  # DNS_TIMEOUT: 5 s
    assert done == [True] and resolver.reactor.getDelayedCalls() == []
    answered = _resolver(_Lookup("93.184.216.34"))
    assert _resolve(answered, "news.example.org") == [("93.184.216.34", 80)]
    assert answered.reactor.getDelayedCalls() == []  # no timer left once answered


@pytest.mark.parametrize("address, allow_loopback, refused", [
    ("10.0.0.7", True, "a private address"),
    ("100.64.3.1", True, "a private address"),  # shared address space (CGNAT)
    ("169.254.169.254", True, "a private address"),
    ("::ffff:10.0.0.7", True, "a private address"),
    ("2002:a00:7::1", True, "a private address"),  # 6to4 around 10.0.0.7
    ("64:ff9b::a00:7", True, "a private address"),  # NAT64 around 10.0.0.7
    ("fd00::7", True, "a private address"),  # IPv6 unique local
    ("127.0.0.1", False, "a loopback address: refused; give -s NEWSBOT_ALLOW_LOOPBACK=true"),
    ("::1", False, "a loopback address: refused; give -s NEWSBOT_ALLOW_LOOPBACK=true"),
    ("127.0.0.1", True, None),
    ("::1", True, None),
    ("93.184.216.34", False, None),
])
def test_a_name_resolving_to_a_private_address_is_refused(address, allow_loopback, refused):
    from newsbot.resolver import refusal

    resolver = _resolver(_Lookup(address), allow_loopback=allow_loopback)
    answer = _resolve(resolver, "news.example.org")
    if refused is None:
        assert answer == [(address, 80)] and "news.example.org" not in resolver.refused
    else:
        assert answer == []  # Twisted's connection code fails it as a lookup without result
        assert refused in resolver.refused["news.example.org"]
        assert f"news.example.org resolves to {address}, a" in resolver.refused["news.example.org"]
    # a private address written in the URL (http://10.0.0.7/) is refused the same way; a loopback
    # one written by the user is reached (redirects to it are refused by the middleware)
    answer = _resolve(resolver, address)
    if refused is None or "loopback" in refused:
        assert answer == [(address, 80)]
    else:
        assert answer == [] and refused in resolver.refused[address]
    assert refusal("news.example.org") is None  # the crawl's own resolver is not this one


def test_a_name_keeps_the_addresses_it_may_reach():
    resolver = _resolver(_Lookup("10.0.0.7", "93.184.216.34"))
    assert _resolve(resolver, "news.example.org") == [("93.184.216.34", 80)]
    assert "news.example.org" not in resolver.refused  # reached: not reported as refused


def _ipv6_loopback() -> str | None:
    """Why this machine cannot listen on ``::1``, or ``None`` when it can."""
    import socket

    try:
        with socket.socket(socket.AF_INET6) as probe:
            probe.bind(("::1", 0))
    except OSError as exc:
        return f"no IPv6 loopback here ({exc})"
    return None


def test_an_ipv6_literal_url_is_fetched(tmp_path):
    """``http://[::1]:port/`` is reached: the resolver hands Twisted IPv6 addresses too."""
    reason = _ipv6_loopback()
    if reason:
        print(reason)
        pytest.skip(reason)
    page = (b'<html><head><title>Harbour cranes</title><meta property="og:type" content="article"></head>'
            b"<body><article><h1>Cranes back on the quay</h1>"
            + b"<p>The two cranes taken away for repairs in January are working the quay again.</p>" * 5
            + b"</article></body></html>")
    with Site({"/article/cranes/": (200, {"Content-Type": "text/html"}, page)}, address=("::1", 0)) as site:
        url = site.url("/article/cranes/")
        settings = {"DOWNLOAD_DELAY": "0", "AUTOTHROTTLE_ENABLED": "false", "RETRY_TIMES": "0"}
        proc, records = crawl(tmp_path, "article", f"urls={url}", settings=settings)
    assert url.startswith("http://[::1]:")
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert [(r["url"], r["title"]) for r in records] == [(url, "Cranes back on the quay")]
    assert site.served == ["/robots.txt", "/article/cranes/"]
