"""The portal spiders (:mod:`newsbot.spiders.portal`, :mod:`newsbot.spiders.base`) over
replayed WARCs: the shared corpus's EU-portal pages and our own EU Reporter fixture pages,
out-of-window pages, bad arguments stopping at start, a feed link that does not parse, and the
sitemap backlog. The ``article`` spider over loopback sites is in test_spiders_article.py."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest
from sitekit import crawl_many, expected_records, load_site, site_warc
from support import FIXTURES, corpus_entries, crawl, crawl_user_portal, news_sitemap, rss, run_stats, write_warc

from newsbot.evaluate import body_scores, crawl_date, date_scores, norm_title
from newsbot.schema import validator

HTML = "text/html; charset=utf-8"
ARTICLE = (FIXTURES / "eureporter" / "en_article.html").read_bytes()


def _f1(pred, exp):
    p, r, _ = body_scores(pred, exp)
    return 2 * p * r / (p + r) if p + r else 0.0


def _assert_labelled(records, entries):
    by_url = {}
    for r in records:
        assert list(validator().iter_errors(r)) == []
        by_url[r["canonical_url"]] = r
    assert len(records) == len(entries)
    for e in entries:
        [record] = [r for r in records if r["url"] in e["url"] or e["url"].startswith(r["url"])]
        exp = e["expected"]
        assert norm_title(record["title"]) == norm_title(exp["title"]), e["id"]
        assert date_scores(record["date_published"], exp["date"])[0], (e["id"], record["date_published"])
        assert record["section"], e["id"]
        assert _f1(record["body"], exp["body"]) >= 0.98, e["id"]
        assert "utm_" not in record["url"]


def test_politico_eu_replay(tmp_path):
    entries = [e for e in corpus_entries() if e["eu_portal"] and "politico.eu" in e["url"]]
    assert entries, "no Politico Europe page in the corpus"
    feed = rss([(e["url"], e["expected"]["title"], datetime.fromisoformat(e["expected"]["date"]))
                for e in entries])
    warc = write_warc(tmp_path / "politico.warc.gz",
                      [("https://www.politico.eu/feed/", feed, "application/rss+xml")]
                      + [(e["url"], e["html"], HTML) for e in entries])
    proc, records = crawl(tmp_path, "politico_eu", "since=2024-01-01", settings={"NEWSBOT_REPLAY": warc})
    assert proc.returncode == 0, proc.stderr[-3000:]
    _assert_labelled(records, entries)
    assert all(r["portal"] == "politico_eu" and r["language"] == "en-GB" for r in records)


def test_euronews_replay(tmp_path):
    entries = [e for e in corpus_entries() if e["eu_portal"] and "euronews.com" in e["url"]]
    assert len(entries) >= 3
    pages = []
    for lang, host in (("en", "www"), ("de", "de"), ("fr", "fr")):
        mine = [e for e in entries if e["url"].startswith(f"https://{host}.euronews.com/")]
        sitemap = news_sitemap([(e["url"], datetime.fromisoformat(e["expected"]["date"]), lang) for e in mine])
        pages.append((f"https://{host}.euronews.com/sitemaps/{lang}/latest-news.xml", sitemap, "application/xml"))
    pages += [(e["url"], e["html"], HTML, 200, crawl_date(e)) for e in entries]  # fetched in April 2024
    warc = write_warc(tmp_path / "euronews.warc.gz", pages)
    proc, records = crawl(tmp_path, "euronews", "since=2024-04-01",
                          settings={"NEWSBOT_REPLAY": warc, "NEWSBOT_PROVENANCE": "true"})
    assert proc.returncode == 0, proc.stderr[-3000:]
    _assert_labelled(records, entries)
    assert {r["language"] for r in records} == {"en", "de", "fr"}
    # read with the 2024 layout of the portal file: its lead selector serves the standfirst
    expected_leads = {e["expected"]["lead"] for e in entries}
    assert {(r["lead"], r["provenance"]["lead"]) for r in records} == {(lead, "portal") for lead in expected_leads}
    # the language filter keeps one edition
    proc, records = crawl(tmp_path, "euronews", "since=2024-04-01", "lang=de", settings={"NEWSBOT_REPLAY": warc})
    assert proc.returncode == 0
    assert [r["language"] for r in records] == ["de"]


EN_URL = "https://www.eureporter.co/business/transport/2025/02/11/baltic-ports-agree-shared-plan-for-winter-shipping-lanes/"
DE_URL = EN_URL.replace("https://www.", "https://de.")
EUREPORTER_BOILERPLATE = (
    "Connect with us", "Vernetzen Sie sich mit uns", "SHARE:", "Veröffentlicht",
    "Share this article", "Teile diesen Artikel", "EU Reporter publishes", "EU Reporter veröffentlicht",
    "We use your sign-up", "Wir verwenden Ihre Anmeldung", "Trending", "Related Topics",
    "Up Next", "Don't Miss", "Continue Reading", "You may like", "Click to comment",
    "Advertisement", "Photo: harbour archive", "Another story about ferries",
)


@pytest.fixture
def eureporter_warc(tmp_path):
    when = datetime(2025, 2, 11, 9, 12, 40, tzinfo=timezone.utc)
    return write_warc(tmp_path / "eureporter.warc.gz", [
        ("https://www.eureporter.co/feed/", rss([(EN_URL + "?utm_source=rss", "Baltic ports", when)]), "application/rss+xml"),
        ("https://de.eureporter.co/feed/", rss([(DE_URL, "Ostseehäfen", when)]), "application/rss+xml"),
        (EN_URL, (FIXTURES / "eureporter" / "en_article.html").read_bytes(), HTML),
        (DE_URL, (FIXTURES / "eureporter" / "de_article.html").read_bytes(), HTML),
    ])


def test_eureporter_replay(tmp_path, eureporter_warc):
    proc, records = crawl(tmp_path, "eureporter", "since=2025-02-01", "until=2025-02-28", "lang=en,de",
                          settings={"NEWSBOT_REPLAY": eureporter_warc})
    assert proc.returncode == 0, proc.stderr[-3000:]
    by_lang = {r["language"]: r for r in records}
    assert sorted(by_lang) == ["de-DE", "en-US"]
    en, de = by_lang["en-US"], by_lang["de-DE"]
    for r in records:
        assert list(validator().iter_errors(r)) == []
        assert r["section"] == "Transport"
        assert r["date_published"] == "2025-02-11T09:12:40+00:00"
        assert r["authors"] == ["Mira Lindqvist"]
        for phrase in EUREPORTER_BOILERPLATE:
            assert phrase.lower() not in r["body"].lower(), (r["language"], phrase)
            assert phrase.lower() not in r["title"].lower()
    assert en["title"] == "Baltic ports agree shared plan for winter shipping lanes"
    assert de["title"] == "Ostseehäfen einigen sich auf gemeinsamen Plan für Winterschifffahrtsrouten"
    assert en["url"] == EN_URL and en["id"] != de["id"]
    assert en["lead"] == "Five harbour authorities will pool icebreaker time and publish one timetable for the coldest months."
    paragraphs = en["body"].split("\n\n")
    assert [p[:30] for p in paragraphs] == [
        "Five harbour authorities will ", "The harbour authorities of fiv", "Under the plan, ships bound fo",
        "Costs split by tonnage", "The cost of running the icebre", "“A ship should not wait three ",
        "The timetable will be publishe",
    ]
    assert [p[:30] for p in de["body"].split("\n\n")] == [
        "Die Hafenbehörden von fünf Ost", "Schiffe, die einen der fünf Hä", "Kosten nach Tonnage verteilt",
        "Die Kosten für den Betrieb der", "Der Fahrplan erscheint von Nov",
    ]
    assert en["tags"] == ["shipping", "Baltic Sea"]
    assert de["quality_flags"] == ["mt_number_lost"] and en["quality_flags"] == []


def test_out_of_window_pages_are_not_written(tmp_path, eureporter_warc):
    proc, records = crawl(tmp_path, "eureporter", "since=2025-03-01", "until=2025-03-31", "lang=en,de",
                          settings={"NEWSBOT_REPLAY": eureporter_warc})
    assert records == []
    assert run_stats(tmp_path / "out.jsonl")["newsbot/skipped/out_of_window"] >= 1
    # links outside the window are no articles found: a run that finds nothing else fails
    assert proc.returncode == 1, proc.stderr[-2000:]
    assert "monitors: articles found 0 (written 0, already stored 0; 2 outside the date window, not counted)" \
        in proc.stderr.splitlines()[-1]


@pytest.mark.parametrize("args, message", [
    (["since=2025-02-30"], "since='2025-02-30' is not a date"),
    (["since=2025-03-01", "until=2025-02-01"], "until=2025-02-01 is before since=2025-03-01"),
    (["lang=xx"], "unknown edition xx"),
    (["limit=-3"], "limit='-3' must be at least 1"),
])
def test_bad_arguments_stop_at_start(tmp_path, args, message):
    (tmp_path / "out.jsonl").write_text("kept\n")
    proc, _ = crawl(tmp_path, "eureporter", *args)
    assert proc.returncode == 2
    assert message in proc.stderr
    assert "Traceback" not in proc.stderr
    assert (tmp_path / "out.jsonl").read_text() == "kept\n"


def test_a_link_that_does_not_parse_is_skipped_not_fatal(tmp_path):
    from datetime import datetime, timezone

    from support import rss, write_warc

    en = "https://www.eureporter.co/business/transport/2025/02/11/baltic-ports-agree-shared-plan-for-winter-shipping-lanes/"
    when = datetime(2025, 2, 11, 9, 12, 40, tzinfo=timezone.utc)
    feed = rss([("http://[::1/news/x", "broken", when), (en, "Baltic ports", when)])
    warc = write_warc(tmp_path / "e.warc.gz", [("https://www.eureporter.co/feed/", feed, "application/rss+xml"),
                                              (en, ARTICLE, "text/html; charset=utf-8")])
    proc, records = crawl(tmp_path, "eureporter", "since=2025-02-01", "until=2025-02-28", "lang=en",
                          settings={"NEWSBOT_REPLAY": warc})
    assert proc.returncode == 0, proc.stderr[-3000:]
    assert [r["url"] for r in records] == [en]
    assert run_stats(tmp_path / "out.jsonl").get("newsbot/skipped/bad_url") == 1


def test_sitemap_entries_wait_in_the_backlog(tmp_path):
    """With one article request allowed in the scheduler, the rest wait in the sitemap being
    read; a link the sitemaps list twice is requested once and does not stall it."""
    warc = site_warc(tmp_path / "euronews.warc.gz", ["euronews"])
    site = load_site("euronews")
    proc, records, stats = crawl_many(tmp_path, [("euronews", {"mode": "backfill", "since": site["since"],
                                                               "until": site["until"], "lang": "en"})],
                                      {"NEWSBOT_REPLAY": str(warc), "NEWSBOT_MAX_QUEUED": 1})
    assert proc.returncode == 0, proc.stderr[-3000:]
    expected = {u for u, r in expected_records(site, "backfill").items() if r["language"] == "en"}
    assert {r["url"] for r in records["euronews"]} == expected
    assert stats["euronews"]["newsbot/skipped/listed_twice"] >= 1


def test_a_chain_of_sitemap_indexes_is_followed_to_its_depth_limit(tmp_path):
    """Each sitemap index names a deeper one, without end: the spider follows
    NEWSBOT_MAX_SITEMAP_DEPTH levels below the root and stops, saying so."""
    from loopback import Site

    def index(n):
        return (200, {"Content-Type": "application/xml"},
                (f'<?xml version="1.0"?><sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
                 f"<sitemap><loc>/s/{n + 1}.xml</loc></sitemap></sitemapindex>").encode())

    with Site({f"/s/{n}.xml": index(n) for n in range(200)}) as site:
        (tmp_path / "chain.toml").write_text(
            f'name = "chain"\ndomains = ["127.0.0.1"]\nsitemaps = ["{{base}}/s/0.xml"]\n'
            f'[[editions]]\nlang = "en"\nbase = "{site.base}"\n', "utf-8")
        proc, records = crawl(tmp_path, "chain", "mode=backfill",
                              settings={"NEWSBOT_PORTALS_FILE": str(tmp_path / "chain.toml"),
                                        "NEWSBOT_ALLOW_LOOPBACK": "true", "DOWNLOAD_DELAY": "0",
                                        "AUTOTHROTTLE_ENABLED": "false", "ROBOTSTXT_OBEY": "false"})
    assert records == []
    assert sorted(site.served) == sorted(["/robots.txt", "/", *(f"/s/{n}.xml" for n in range(5))])  # the root and 4 levels below
    assert run_stats(tmp_path / "out.jsonl").get("newsbot/discovery/too_deep") == 1
    assert "(NEWSBOT_MAX_SITEMAP_DEPTH)" in proc.stderr


def test_a_page_that_takes_long_to_extract_does_not_stall_the_downloads(tmp_path):
    """One page of 80,000 tiny paragraphs among sixteen slow good pages: it is read in bounded
    time, away from the downloads, so none of them times out."""
    import time as _time

    from loopback import Site

    giant = ("<html><body><h1>Many small lines</h1>" + "".join(f"<p>line {i}</p>" for i in range(80_000))
             + "</body></html>").encode()
    article = (FIXTURES / "eureporter" / "en_article.html").read_bytes()

    def slow(site):
        _time.sleep(1.0)
        return article

    routes = {"/giant": (200, {"Content-Type": HTML}, giant)}
    routes.update({f"/good/{i}": (200, {"Content-Type": HTML}, slow) for i in range(16)})
    with Site(routes) as site:
        urls = ",".join([site.url("/giant")] + [site.url(f"/good/{i}") for i in range(16)])
        proc, records = crawl(tmp_path, "article", f"urls={urls}", "incremental=false",
                              settings={"NEWSBOT_ALLOW_LOOPBACK": "true", "DOWNLOAD_DELAY": "0",
                                        "AUTOTHROTTLE_ENABLED": "false", "ROBOTSTXT_OBEY": "false",
                                        "CONCURRENT_REQUESTS": "17", "CONCURRENT_REQUESTS_PER_DOMAIN": "17",
                                        "DOWNLOAD_TIMEOUT": "4", "RETRY_TIMES": "0"})
    assert "newsbot/errors/timeout" not in run_stats(tmp_path / "out.jsonl")
    assert sorted(site.hits) == sorted(routes)
    assert sorted(r["url"] for r in records) == sorted(site.url(f"/good/{i}") for i in range(16))


def test_a_backfill_source_that_gave_nothing_is_named_in_the_log(tmp_path):
    from loopback import Site

    with Site({}) as site:  # every document answers 404
        proc, records = crawl_user_portal(tmp_path, "gone", site.base,
                                          'sitemaps = ["{base}/sitemap.xml"]\nfeeds = ["{base}/rss.xml"]',
                                          "mode=backfill", "since=2025-03-01",
                                          settings={"NEWSBOT_STANDARD_DISCOVERY": "false"})
    assert records == []
    lines = [ln for ln in proc.stderr.splitlines() if "Backfill source" in ln]
    assert [ln.split("] INFO: ", 1)[1] for ln in lines] == [
        f"Backfill source of gone (en) gave nothing: sitemap {site.url('/sitemap.xml')}; trying the next",
        f"Backfill source of gone (en) gave nothing: feed {site.url('/rss.xml')}; trying the next"]
    assert "No backfill source of gone (en) answered" in proc.stderr


def _index(*children: tuple[str, str]) -> bytes:
    """Sitemap-index bytes of ``(loc, lastmod)`` children."""
    items = "".join(f"<sitemap><loc>{loc}</loc><lastmod>{mod}</lastmod></sitemap>" for loc, mod in children)
    return (f'<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/'
            f'sitemap/0.9">{items}</sitemapindex>').encode()


@pytest.mark.parametrize("case", ["lists itself", "child gone", "indexes list each other", "children before since"])
def test_a_sitemap_index_that_leads_to_nothing_gives_way_to_the_next_source(tmp_path, case):
    """A backfill's sitemap index whose children never answer (a child that is the index itself,
    one answering 404, two indexes listing each other) gave nothing: the next stage, the feed,
    is read. An index whose children all lie before ``since`` answered: nothing is read next."""
    from loopback import Site

    article = (FIXTURES / "eureporter" / "en_article.html").read_bytes()
    when = datetime(2025, 2, 11, 9, tzinfo=timezone.utc)  # the fixture page's own date

    def routes(base):
        fresh, old = "2025-02-11", "2024-01-01"
        indexes = {"lists itself": {"/index.xml": _index((f"{base}/index.xml", fresh))},
                   "child gone": {"/index.xml": _index((f"{base}/gone.xml", fresh))},
                   "indexes list each other": {"/index.xml": _index((f"{base}/other.xml", fresh)),
                                               "/other.xml": _index((f"{base}/index.xml", fresh))},
                   "children before since": {"/index.xml": _index((f"{base}/old.xml", old))}}[case]
        out = {path: (200, {"Content-Type": "application/xml"}, body) for path, body in indexes.items()}
        out["/rss.xml"] = (200, {"Content-Type": "application/rss+xml"},
                           rss([(f"{base}/news/{n}", f"Story {n}", when) for n in (1, 2)]))
        out.update({f"/news/{n}": (200, {"Content-Type": HTML}, article) for n in (1, 2)})
        return out

    with Site({}) as site:
        site.routes.update(routes(site.base))
        proc, records = crawl_user_portal(tmp_path, "idx", site.base,
                                          'sitemaps = ["{base}/index.xml"]\nfeeds = ["{base}/rss.xml"]',
                                          "mode=backfill", "since=2025-02-01",
                                          settings={"NEWSBOT_STANDARD_DISCOVERY": "false"})
        hits = dict(site.hits)
    fell_back = f"Backfill source of idx (en) gave nothing: sitemap {site.url('/index.xml')}; trying the next"
    if case == "children before since":
        assert records == [] and "/rss.xml" not in hits and fell_back not in proc.stderr
        assert run_stats(tmp_path / "out.jsonl")["newsbot/skipped/sitemap_out_of_window"] == 1
    else:
        assert fell_back in proc.stderr
        assert sorted(r["url"] for r in records) == [site.url("/news/1"), site.url("/news/2")]
        assert hits["/rss.xml"] == 1 and hits["/index.xml"] == 1


def test_an_archive_records_each_response_received_once(tmp_path):
    """The portal's robots.txt probe is answered with the robots.txt the middleware fetched:
    one download, one WARC record, not a second one for the answer made from it."""
    from loopback import Site
    from warcio.archiveiterator import ArchiveIterator

    article = (FIXTURES / "eureporter" / "en_article.html").read_bytes()
    when = datetime(2025, 2, 11, 9, tzinfo=timezone.utc)
    with Site({}) as site:
        site.routes.update({
            "/robots.txt": (200, {"Content-Type": "text/plain"}, b"User-agent: *\nAllow: /\n"),
            "/rss.xml": (200, {"Content-Type": "application/rss+xml"}, rss([(site.url("/news/1"), "Story", when)])),
            "/news/1": (200, {"Content-Type": HTML}, article)})
        warc = tmp_path / "run.warc.gz"
        proc, records = crawl_user_portal(tmp_path, "arc", site.base, 'feeds = ["{base}/rss.xml"]', "since=2025-02-01",
                                          settings={"NEWSBOT_ARCHIVE": str(warc)})
        hits = dict(site.hits)
    assert [r["url"] for r in records] == [site.url("/news/1")]
    assert run_stats(tmp_path / "out.jsonl")["newsbot/robots_reused"] == 1 and hits["/robots.txt"] == 1
    with open(warc, "rb") as fh:
        uris = [r.rec_headers.get_header("WARC-Target-URI") for r in ArchiveIterator(fh) if r.rec_type == "response"]
    assert sorted(uris) == sorted(site.url(p) for p in hits)  # one record a download
    assert uris.count(site.url("/robots.txt")) == 1


@pytest.mark.parametrize("index_answers", [False, True])
def test_editions_sharing_a_sitemap_settle_as_the_edition_that_reads_it(tmp_path, index_answers):
    """Two editions name one sitemap index; the scheduler lets the first read it and drops the
    second's request. When the index leads nowhere both editions go on to their own feeds; when
    it answers, neither does."""
    from loopback import Site

    article = (FIXTURES / "eureporter" / "en_article.html").read_bytes()
    when = datetime(2025, 2, 11, 9, tzinfo=timezone.utc)
    with Site({}) as site:
        child = site.url("/sitemap-1.xml") if index_answers else site.url("/gone.xml")
        site.routes.update({
            "/index.xml": (200, {"Content-Type": "application/xml"}, _index((child, "2025-02-11"))),
            "/sitemap-1.xml": (200, {"Content-Type": "application/xml"},
                               news_sitemap([(site.url(f"/{lang}/news/1"), when, lang) for lang in ("en", "fr")])),
            **{f"/{lang}/rss.xml": (200, {"Content-Type": "application/rss+xml"},
                                    rss([(site.url(f"/{lang}/news/1"), "Story", when)])) for lang in ("en", "fr")},
            **{f"/{lang}/news/1": (200, {"Content-Type": HTML}, article) for lang in ("en", "fr")}})
        path = tmp_path / "two.toml"
        path.write_text(f'name = "two"\ndomains = ["127.0.0.1"]\nsitemaps = ["{site.url("/index.xml")}"]\n'
                        'feeds = ["{base}/rss.xml"]\n'
                        + "".join(f'[[editions]]\nlang = "{lang}"\nbase = "{site.base}/{lang}"\n' for lang in ("en", "fr")),
                        "utf-8")
        proc, records = crawl(tmp_path, "two", "mode=backfill", "since=2025-02-01",
                              settings={"NEWSBOT_PORTALS_FILE": str(path), "NEWSBOT_STANDARD_DISCOVERY": "false",
                                        "NEWSBOT_ALLOW_LOOPBACK": "true", "DOWNLOAD_DELAY": "0",
                                        "AUTOTHROTTLE_ENABLED": "false"})
        hits = dict(site.hits)
    assert hits["/index.xml"] == 1
    assert sorted(r["url"] for r in records) == [site.url("/en/news/1"), site.url("/fr/news/1")], proc.stderr[-2000:]
    for lang in ("en", "fr"):
        fell_back = f"Backfill source of two ({lang}) gave nothing: sitemap {site.url('/index.xml')}; trying the next"
        assert (fell_back in proc.stderr) is not index_answers
        assert (f"/{lang}/rss.xml" in hits) is not index_answers
