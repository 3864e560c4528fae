"""Addresses (:mod:`newsbot.extraction.urls`): tracking parameters stripped, the fingerprint
of an article URL, and the kind of a host (loopback, private, public) in every spelling the
redirect checks of :mod:`newsbot.middlewares` meet."""
from __future__ import annotations

import pytest

from newsbot.extraction.urls import absolute, address_kind, fingerprint, strip_tracking
from newsbot.middlewares import host_kind


def test_strip_tracking_keeps_real_parameters():
    url = "https://www.Politico.eu/article/x/?utm_source=RSS&id=7&fbclid=abc#top"
    assert strip_tracking(url) == "https://www.politico.eu/article/x/?id=7"


@pytest.mark.parametrize("url, want", [
    ("/img/a.jpg", "https://news.example.org/img/a.jpg"),
    ("//cdn.example.net/a.jpg", "https://cdn.example.net/a.jpg"),
    ("https://bücher.example/a", "https://bücher.example/a"),
    ("http://[2001:db8::1]:8080/a", "http://[2001:db8::1]:8080/a"),
    ("http://%zz/", None), ("http://a b.example/", None), ("https://news.example.org:0/x", None),
    ("http://[::1/x", None), ("javascript:alert(1)", None), ("http://a..example/", None), ("  ", None),
])
def test_absolute_urls_are_http_with_a_real_host(url, want):
    assert absolute(url, "https://news.example.org/world/story") == want


def test_fingerprint_ignores_scheme_www_slash_and_tracking():
    a = fingerprint("https://www.example.org/news/a/?utm_medium=x")
    assert a == fingerprint("http://example.org/news/a")
    assert a != fingerprint("https://example.org/news/b")
    assert len(a) == 40 and int(a, 16) >= 0


@pytest.mark.parametrize("host, kind", [
    ("127.0.0.1", "loopback"), ("localhost", "loopback"), ("[::1]", "loopback"),
    ("169.254.169.254", "private"), ("10.1.2.3", "private"), ("192.168.0.1", "private"),
    ("0.0.0.0", "private"), ("93.184.216.34", "public"), ("www.politico.eu", "public"),
])
def test_address_kind(host, kind):
    assert address_kind(host) == kind


@pytest.mark.parametrize("host,kind", [
    ("169.254.169.254", "private"), ("[::ffff:169.254.169.254]", "private"), ("10.1", "private"),
    ("0xa9.0xfe.0xa9.0xfe", "private"), ("2130706433", "loopback"), ("0177.0.0.1", "loopback"),
    ("127.1", "loopback"), ("localhost", "loopback"), ("[::1]", "loopback"), ("0.0.0.0", "private"),
    ("example.org", "public"), ("93.184.216.34", "public"), ("1example.org", "public"),
])
def test_host_kind_reads_every_spelling_of_an_address(host, kind):
    assert host_kind(host) == kind
