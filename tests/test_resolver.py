"""The host override resolver (:mod:`newsbot.resolver`): the ``NEWSBOT_RESOLVE`` forms, bad
values refused before a crawl, and the resolver answering mapped names itself."""
from __future__ import annotations

import os
import subprocess
import sys

import pytest

from newsbot.resolver import resolve_map


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
    with pytest.raises(ValueError, match="is not host:ip"):
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
    # an address written in the URL is the redirect checks' to judge, not resolved away
    got.clear()
    resolver.getHostByName(address).addCallbacks(got.append, failed.append)
    assert got == [address]
