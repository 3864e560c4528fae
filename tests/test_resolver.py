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


def test_resolver_answers_mapped_names_and_defers_the_rest(monkeypatch):
    from twisted.internet import defer
    from twisted.internet.base import ThreadedResolver
    from twisted.internet.testing import MemoryReactorClock

    from newsbot.resolver import HostOverrideResolver

    asked = []
    monkeypatch.setattr(ThreadedResolver, "getHostByName",
                        lambda self, name, timeout=(): asked.append(name) or defer.succeed("93.184.216.34"))
    resolver = HostOverrideResolver(MemoryReactorClock(), 0, 5.0, resolve_map("www.politico.eu:127.0.0.9"))
    got = []
    resolver.getHostByName("WWW.Politico.eu.").addCallback(got.append)
    resolver.getHostByName("www.euronews.com").addCallback(got.append)
    assert got == ["127.0.0.9", "93.184.216.34"]
    assert asked == ["www.euronews.com"]


@pytest.mark.parametrize("address, allow_loopback, refused", [
    ("10.0.0.7", True, "a private address"),
    ("100.64.3.1", True, "a private address"),  # shared address space (CGNAT)
    ("169.254.169.254", True, "a private address"),
    ("::ffff:10.0.0.7", True, "a private address"),
    ("2002:a00:7::1", True, "a private address"),  # 6to4 around 10.0.0.7
    ("64:ff9b::a00:7", True, "a private address"),  # NAT64 around 10.0.0.7
    ("127.0.0.1", False, "a loopback address: refused; set NEWSBOT_ALLOW_LOOPBACK=true"),
    ("127.0.0.1", True, None),
    ("93.184.216.34", False, None),
])
def test_a_name_resolving_to_a_private_address_is_refused(monkeypatch, address, allow_loopback, refused):
    from twisted.internet import defer
    from twisted.internet.base import ThreadedResolver
    from twisted.internet.testing import MemoryReactorClock

    from newsbot.resolver import AddressRefused, HostOverrideResolver

    monkeypatch.setattr(ThreadedResolver, "getHostByName", lambda self, name, timeout=(): defer.succeed(address))
    resolver = HostOverrideResolver(MemoryReactorClock(), 0, 5.0, {}, allow_loopback=allow_loopback)
    got, failed = [], []
    resolver.getHostByName("news.example.org").addCallbacks(got.append, failed.append)
    if refused is None:
        assert got == [address] and not failed
    else:
        assert not got and failed[0].check(AddressRefused)
        assert refused in str(failed[0].value) and "news.example.org" in resolver.refused
    # a private address written in the URL (http://10.0.0.7/) is refused the same way; a loopback
    # one written by the user is reached (redirects to it are refused by the middleware)
    got.clear()
    failed.clear()
    resolver.getHostByName(address).addCallbacks(got.append, failed.append)
    if refused is None or "loopback" in refused:
        assert got == [address] and not failed
    else:
        assert not got and failed[0].check(AddressRefused) and refused in str(failed[0].value)
