"""Every built-in portal spider over real loopback HTTPS at its real URLs: one HTTPS server on
a free port of 127.0.0.1 serves the fixture sites (tests/sites/<portal>/) by ``Host`` header and
path, ``NEWSBOT_RESOLVE`` points every portal host at it (``host=127.0.0.1:<port>``: the
crawl asks for ``https://<host>/…`` and connects to that port), and the crawl in each
discovery mode must write exactly the records the WARC replay crawls of test_portal_sites.py
expect. The certificate is self-signed, made at test time (Scrapy does not verify certificates
by default)."""
from __future__ import annotations

import datetime
import ssl
from urllib.parse import urlsplit

import pytest
from loopback import Site
from newsbot.portals import load_registry
from sitekit import PORTALS, check_portal as _check, crawl_many, expected_records, load_site, site_pages


def _pages():
    """``{(host, path_with_query): (status, headers, body)}`` of every built-in portal site."""
    routes = {}
    for name in PORTALS:
        for url, body, ctype, status, headers in site_pages(load_site(name)):
            parts = urlsplit(url)
            assert parts.scheme == "https", url
            key = (parts.hostname, parts.path + ("?" + parts.query if parts.query else ""))
            routes[key] = (status, {"Content-Type": ctype, **headers}, body)
    return routes


def _hosts(routes) -> set[str]:
    """Every host a built-in portal spider may ask for: those of the fixture pages and of all
    editions (editions without fixture pages get 404 answers, as replay gives misses)."""
    from newsbot.portals import load_registry

    portals = load_registry(None)
    return {host for host, _ in routes} | {urlsplit(e.base).hostname for p in PORTALS for e in portals[p].editions}


def _tls_context(tmp, hosts) -> ssl.SSLContext:
    """A server context with a self-signed P-256 certificate naming ``hosts`` (valid one day)."""
    from cryptography import x509
    from cryptography.hazmat.primitives import hashes, serialization
    from cryptography.hazmat.primitives.asymmetric import ec
    from cryptography.x509.oid import NameOID

    key = ec.generate_private_key(ec.SECP256R1())
    name = x509.Name([x509.NameAttribute(NameOID.COMMON_NAME, "newsbot test sites")])
    now = datetime.datetime.now(datetime.timezone.utc)
    cert = (x509.CertificateBuilder().subject_name(name).issuer_name(name).public_key(key.public_key())
            .serial_number(x509.random_serial_number())
            .not_valid_before(now - datetime.timedelta(hours=1)).not_valid_after(now + datetime.timedelta(days=1))
            .add_extension(x509.SubjectAlternativeName([x509.DNSName(h) for h in sorted(hosts)]), critical=False)
            .sign(key, hashes.SHA256()))
    (tmp / "cert.pem").write_bytes(cert.public_bytes(serialization.Encoding.PEM))
    (tmp / "key.pem").write_bytes(key.private_bytes(serialization.Encoding.PEM,
                                                    serialization.PrivateFormat.PKCS8,
                                                    serialization.NoEncryption()))
    context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
    context.load_cert_chain(tmp / "cert.pem", tmp / "key.pem")
    return context


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """The HTTPS server of all portal sites on a free port of 127.0.0.1."""
    routes = _pages()
    hosts = _hosts(routes)
    context = _tls_context(tmp_path_factory.mktemp("tls"), hosts)
    site = Site(routes, max_requests=1000, max_seconds=240, address=("127.0.0.1", 0), ssl_context=context)
    site.hosts = hosts
    with site:
        yield site


def _run(tmp_path_factory, server, mode):
    tmp = tmp_path_factory.mktemp(f"https-{mode}")
    ip, port = server.server.server_address[:2]
    hosts = sorted(server.hosts)
    start = len(server.requested)
    jobs = [(name, {"mode": mode, "since": load_site(name)["since"], "until": load_site(name)["until"]})
            for name in PORTALS]
    # the list form, as `-s NEWSBOT_RESOLVE=host=ip:port,host=ip:port` gives it
    proc, records, stats = crawl_many(tmp, jobs, {"NEWSBOT_RESOLVE": ",".join(f"{h}={ip}:{port}" for h in hosts)})
    assert proc.returncode == 0, proc.stderr[-3000:]
    return proc, records, stats, server.requested[start:]


@pytest.fixture(scope="module")
def latest(tmp_path_factory, server):
    return _run(tmp_path_factory, server, "latest")


@pytest.fixture(scope="module")
def backfill(tmp_path_factory, server):
    return _run(tmp_path_factory, server, "backfill")


@pytest.mark.parametrize("mode", ["latest", "backfill"])
@pytest.mark.parametrize("portal", PORTALS)
def test_portal_over_https(request, mode, portal):
    run = request.getfixturevalue(mode)
    stats = _check(run[:3], portal, mode)
    assert not any(k.startswith(("newsbot/replay", "downloader/exception")) for k in stats), stats
    assert stats["downloader/response_count"] >= len(expected_records(load_site(portal), mode))


@pytest.mark.parametrize("mode", ["latest", "backfill"])
def test_server_answered_every_article(request, mode):
    _, records, stats, requested = request.getfixturevalue(mode)
    asked = {f"https://{host}{path}" for host, path in requested}
    for portal in PORTALS:
        expected = expected_records(load_site(portal), mode)
        assert set(expected) <= asked, portal
        assert {r["url"] for r in records[portal]} == set(expected)
    # every host asked was first asked for its robots.txt, once (404 there: all allowed)
    robots = [host for host, path in requested if path == "/robots.txt"]
    assert sorted(robots) == sorted({host for host, _ in requested})
    assert {urlsplit(u).hostname for u in asked} <= request.getfixturevalue("server").hosts
    # discovery's own requests for robots.txt are answered with the one the middleware fetched
    reused = sum(s.get("newsbot/robots_reused", 0) for s in stats.values())
    assert reused == sum(len({e.origin for e in load_registry(None)[p].editions}) for p in PORTALS)  # one a host
    assert sum(s["downloader/response_count"] for s in stats.values()) - reused == len(requested)
