"""Incremental runs (:mod:`newsbot.incremental`): against a loopback portal the second run
writes only what is new or changed, a run killed with SIGKILL loses nothing, overlapping runs
are refused; and a seen-store of another class plugs into the extension."""
from __future__ import annotations

import subprocess

import pytest

from newsroom import (Newsroom, Story, command, day, env, killed, outputs, records, run, start, stats_of, wait_for,
                      write_portal)
from support import STORY_RECORD as RECORD, STORY_URL as URL, article_page

WINDOW = ("--since", "2025-03-01", "--until", "2025-03-31")
CORRECTION = "A correction was added on the tenth: the review clause runs for two years, not three."


def test_second_run_writes_only_new_and_changed_articles(tmp_path):
    with Newsroom([Story(1, day(3)), Story(2, day(4)), Story(3, day(5))]) as room:
        write_portal(tmp_path, room.base)
        first = run(tmp_path, *WINDOW)
        assert first.returncode == 0, first.stderr[-3000:]
        assert "loopnews: ok: 3 records written, 0 failed requests" in first.stderr
        [out1] = outputs(tmp_path)
        recs1 = records(out1)
        assert sorted(r["title"] for r in recs1) == sorted(Story(n, day(1)).title for n in (1, 2, 3))
        assert [r["revision"] for r in recs1] == [1, 1, 1]
        assert sorted(room.article_hits().values()) == [1, 1, 1]

        # the feed's <updated> is the page's modification time where the page gives none
        assert {r["title"]: r["date_modified"] for r in recs1}[Story(3, day(1)).title] == "2025-03-05T09:00:00+00:00"

        # story 2 is edited (new modified time, one more paragraph; the feed's <updated> moves),
        # story 3 is listed as updated in the feed, its page unchanged (it states no modification
        # time: the feed's becomes its date_modified), story 1 is as it was, story 4 is new
        room.add(Story(2, day(4), modified=day(10), extra=CORRECTION),
                 Story(3, day(5), listed_modified=day(10)), Story(4, day(11)))
        second = run(tmp_path, *WINDOW)
        assert second.returncode == 0, second.stderr[-3000:]
        assert "loopnews: ok: 3 records written, 0 failed requests, 1 already stored" in second.stderr
        [out2] = [p for p in outputs(tmp_path) if p != out1]
        recs2 = {r["title"]: r for r in records(out2)}
        assert sorted((t, r["revision"]) for t, r in recs2.items()) == sorted(
            [(Story(2, day(1)).title, 2), (Story(3, day(1)).title, 2), (Story(4, day(1)).title, 1)])
        edited = recs2[Story(2, day(1)).title]
        assert edited["body"].endswith(CORRECTION)
        assert edited["date_modified"] == "2025-03-10T09:00:00+00:00"
        assert edited["id"] == next(r["id"] for r in recs1 if r["title"] == edited["title"])
        relisted = recs2[Story(3, day(1)).title]
        assert relisted["date_modified"] == "2025-03-10T09:00:00+00:00"
        assert relisted["body"] == next(r["body"] for r in recs1 if r["title"] == relisted["title"])

        hits = room.hits
        # the feed every run; story 1 skipped before download; 2 and 3 fetched again
        assert hits["/feed.xml"] == 2
        assert hits[Story(1, day(1)).path] == 1
        assert hits[Story(2, day(1)).path] == 2 and hits[Story(3, day(1)).path] == 2
        assert hits[Story(4, day(1)).path] == 1

        stats = stats_of(out2)
        assert stats["portal"] == "loopnews" and stats["output"] == out2.name
        assert stats["records_written"] == 3
        assert stats["records_dropped"] == {}
        assert stats["skipped"] == {"seen": 1}  # story 1
        assert stats["pages_fetched"] == 6  # robots.txt, home page, feed, stories 2, 3, 4
        assert stats["field_coverage"]["body"]["ratio"] == 1.0
        assert stats["field_coverage"]["date_modified"] == {"present": 3, "of": 3, "ratio": 1.0,
                                                            "layers": {"meta": 1, "hint": 2}}
        assert stats["errors"] == {} and stats["finish_reason"] == "finished"
        assert stats["duration_s"] > 0 and stats["monitors"] == {"failed": []}

        # a third run finds nothing new: no output file at all
        third = run(tmp_path, *WINDOW)
        assert third.returncode == 0, third.stderr[-3000:]
        assert "loopnews: ok: 0 records written, 0 failed requests, 4 already stored" in third.stderr
        assert len(outputs(tmp_path)) == 2

        # --full ignores the store: every article is fetched and written
        full = run(tmp_path, *WINDOW, "--full")
        assert full.returncode == 0, full.stderr[-3000:]
        [out4] = [p for p in outputs(tmp_path) if p not in (out1, out2)]
        assert len(records(out4)) == 4
    assert not list((tmp_path / "output").rglob("*.part"))


def test_a_portal_asks_with_the_stored_etag_before_fetching_an_updated_entry_again(tmp_path):
    """Stories the feed lists as updated are fetched again conditionally: the one whose page did
    not change answers 304 and is not written; the edited one is written as revision 2."""
    with Newsroom([Story(1, day(3), etag='"s1"'), Story(2, day(4), etag='"s2"')]) as room:
        write_portal(tmp_path, room.base)
        first = run(tmp_path, *WINDOW)
        assert first.returncode == 0, first.stderr[-3000:]
        room.add(Story(1, day(3), etag='"s1"', listed_modified=day(10)),
                 Story(2, day(4), modified=day(10), extra=CORRECTION, etag='"s2b"'))
        second = run(tmp_path, *WINDOW)
        assert second.returncode == 0, second.stderr[-3000:]
        assert "loopnews: ok: 1 records written, 0 failed requests, 1 already stored" in second.stderr
        [out1, out2] = outputs(tmp_path)
        [edited] = records(out2)
        assert (edited["title"], edited["revision"]) == (Story(2, day(1)).title, 2)
        assert edited["body"].endswith(CORRECTION)
        sent = [h.get("If-None-Match") for path, h in zip(room.site.served, room.site.request_headers)
                if path.startswith("/news/")]
        assert sent == [None, None, '"s1"', '"s2"'] or sent == [None, None, '"s2"', '"s1"']
        stats = stats_of(out2)
        assert stats["skipped"] == {"not_modified": 1} and stats["errors"] == {}


def test_killed_run_loses_nothing_and_overlapping_run_is_refused(tmp_path):
    with Newsroom([Story(n, day(n)) for n in (1, 2, 3)]) as room:
        write_portal(tmp_path, room.base)
        first = run(tmp_path, *WINDOW)
        assert first.returncode == 0, first.stderr[-3000:]
        [out1] = outputs(tmp_path)

        room.add(*(Story(n, day(n)) for n in range(4, 10)))
        room.gate_after = room.served_articles + 2  # serve two new stories, then hold the rest
        with killed(start(tmp_path, *WINDOW)) as victim:
            wait_for(lambda: room.held >= 1 and list((tmp_path / "output").rglob("*.jsonl.*.part")), victim)
            # the held run owns the lock: a second run exits at once
            other = run(tmp_path, *WINDOW)
            assert other.returncode == 3
            assert "newsbot crawl: another crawl is running (pid" in other.stderr
            assert "Traceback" not in other.stderr
        room.gate.set()
        room.gate_after = None
        # nothing of the killed run is visible under a final name
        assert outputs(tmp_path) == [out1]
        [part] = list((tmp_path / "output").rglob("*.jsonl.*.part"))
        assert part.read_bytes().count(b"\n") <= 6

        third = run(tmp_path, *WINDOW)
        assert third.returncode == 0, third.stderr[-3000:]
    [out3] = [p for p in outputs(tmp_path) if p != out1]
    titles = sorted(r["title"] for r in records(out3))
    assert titles == sorted(Story(n, day(1)).title for n in range(4, 10))
    ids = [r["id"] for p in outputs(tmp_path) for r in records(p)]
    assert len(ids) == len(set(ids)) == 9


class MemoryStore:
    """A seen-store of another kind, built from the settings: what a shared store looks like."""

    built_with = None

    def __init__(self):
        self.entries = {}

    @classmethod
    def from_settings(cls, settings):
        cls.built_with = settings.get("MEMORY_STORE_NAME")
        return cls()

    def lookup(self, stream, key):
        return self.entries.get((stream, key))

    def commit(self, entries):
        entries = list(entries)
        for entry, aliases in entries:
            for key in {entry.id, *aliases}:
                self.entries[(entry.stream, key)] = entry
        return len(entries)

    def close(self):
        pass


def test_another_store_class_plugs_in(tmp_path):
    from types import SimpleNamespace

    from scrapy.settings import Settings
    from scrapy.statscollectors import MemoryStatsCollector

    from newsbot.incremental import Incremental

    from newsbot.settings_table import defaults

    settings = Settings({**defaults(), "NEWSBOT_SEEN_STORE_CLASS": f"{__name__}.MemoryStore", "MEMORY_STORE_NAME": "shared",
                         "NEWSBOT_STATE_DIR": str(tmp_path), "FEEDS": {}})
    crawler = SimpleNamespace(settings=settings, stats=None)
    crawler.stats = MemoryStatsCollector(crawler)
    ext = Incremental(crawler)
    ext.spider_opened(SimpleNamespace(incremental=None))
    assert ext.enabled and isinstance(ext.store, MemoryStore) and MemoryStore.built_with == "shared"
    from newsbot.feedstorage import Output

    output = Output(tmp_path / "out.jsonl", tmp_path / "out.jsonl.part", False, str(tmp_path / "out.jsonl"))
    (tmp_path / "out.jsonl.part").write_text("{}\n")
    ext.output_planned(output)
    response = SimpleNamespace(url=URL, request=SimpleNamespace(url=URL + "?utm_source=x"))
    ext.item_scraped({**RECORD, "revision": 1}, response)
    ext.record_written({**RECORD, "revision": 1}, output)
    journal = ext.before_store(output, "replace", None)  # as the atomic feed storage does
    (tmp_path / "out.jsonl.part").rename(tmp_path / "out.jsonl")
    ext.after_store(output, journal)
    [entry] = ext.previous(RECORD)
    assert entry.revision == 1 and entry.stream == str(tmp_path / "out.jsonl")
    assert not ext.should_fetch("http://example.org/news/2025/03/story-1", ["2025-03-04T09:00:00Z"])
    assert ext.should_fetch("http://example.org/news/2025/03/story-1", ["2025-03-05T09:00:00Z"])
    assert crawler.stats.get_value("newsbot/incremental/committed") == 1


def test_an_ad_hoc_run_takes_no_article_from_the_scheduled_one(tmp_path):
    """A hand run of the article spider writes a portal story to its own output; the portal's
    next scheduled run still writes that story to the portal's output."""
    with Newsroom([Story(n, day(n)) for n in (1, 2)]) as room:
        write_portal(tmp_path, room.base)
        url = room.base + Story(1, day(1)).path
        adhoc = run(tmp_path, f"urls={url}", scrapy=True, settings={"NEWSBOT_ALLOW_LOOPBACK": "true"},
                    spider="article")
        assert adhoc.returncode == 0, adhoc.stderr[-3000:]
        [mine] = list((tmp_path / "output" / "article").rglob("*.jsonl"))
        assert [r["url"] for r in records(mine)] == [url]
        scheduled = run(tmp_path, *WINDOW)
        assert scheduled.returncode == 0, scheduled.stderr[-3000:]
        assert "loopnews: ok: 2 records written" in scheduled.stderr.splitlines()[-1]
        [portal_out] = outputs(tmp_path)
        assert sorted(r["url"] for r in records(portal_out)) == sorted(room.base + Story(n, day(1)).path for n in (1, 2))
        # and the ad hoc run, again, finds its own output holding the story
        again = run(tmp_path, f"urls={url}", scrapy=True, spider="article")
        assert again.returncode == 0 and "0 records written" in again.stderr.splitlines()[-1]


def test_appending_runs_write_each_article_once(tmp_path):
    """``scrapy crawl … -o out.jsonl`` twice: the second run appends only what is new."""
    with Newsroom([Story(n, day(n)) for n in (1, 2)]) as room:
        write_portal(tmp_path, room.base)
        args = ("since=2025-03-01", "until=2025-03-31")
        first = subprocess.run(command(*args, scrapy=True) + ["-o", "out.jsonl"], cwd=tmp_path, env=env(tmp_path),
                               capture_output=True, text=True, timeout=120)
        assert first.returncode == 0, first.stderr[-3000:]
        room.add(Story(3, day(3)))
        second = subprocess.run(command(*args, scrapy=True) + ["-o", "out.jsonl"], cwd=tmp_path, env=env(tmp_path),
                                capture_output=True, text=True, timeout=120)
        assert second.returncode == 0, second.stderr[-3000:]
    titles = [r["title"] for r in records(tmp_path / "out.jsonl")]
    assert sorted(titles) == sorted(Story(n, day(1)).title for n in (1, 2, 3))
    assert titles[2] == Story(3, day(1)).title  # appended by the second run


def test_a_rerun_says_what_to_do_and_names_the_files_it_wrote(tmp_path):
    from newsroom import command, env
    import subprocess

    def scrapy(*extra):
        cmd = command("since=2025-03-01", "until=2025-03-31", scrapy=True) + list(extra)
        return subprocess.run(cmd, cwd=tmp_path, env=env(tmp_path), capture_output=True, text=True, timeout=120)

    with Newsroom([Story(1, day(3)), Story(2, day(4))]) as room:
        write_portal(tmp_path, room.base)
        first = run(tmp_path, *WINDOW)
        [out] = outputs(tmp_path)
        assert first.stderr.splitlines()[-1] == (
            f"loopnews: ok: 2 records written, 0 failed requests; wrote {out.relative_to(tmp_path)}")
        again = run(tmp_path, *WINDOW)
        assert again.stderr.splitlines()[-1] == (
            "loopnews: ok: 0 records written, 0 failed requests, 2 already stored; nothing new: 2 articles found "
            "are already stored in the seen-store (--full, or -a incremental=false, writes them again)")
        full = run(tmp_path, *WINDOW, "--full")
        assert "loopnews: ok: 2 records written" in full.stderr.splitlines()[-1]
        # an -o file is a stream of its own: written once, then nothing new, never a duplicate
        ad_hoc = [scrapy("-o", "x.jsonl"), scrapy("-o", "x.jsonl")]
        assert ad_hoc[0].stderr.splitlines()[-1] == "loopnews: ok: 2 records written, 0 failed requests; wrote x.jsonl"
        assert "0 records written, 0 failed requests, 2 already stored; nothing new" in ad_hoc[1].stderr
        again = scrapy("-o", "x.jsonl", "-a", "incremental=false")
        assert again.stderr.splitlines()[-1] == "loopnews: ok: 2 records written, 0 failed requests; wrote x.jsonl"
    assert len(records(tmp_path / "x.jsonl")) == 4  # the first run's and the full one's
    assert not [p for p in tmp_path.rglob("*.lock") if ".state" not in p.parts]  # the crawl lock only


LOOP_PORTAL = """name = "loopnews"
domains = ["127.0.0.1"]
{source}
allow = ["{allow}"]

[[editions]]
lang = "en"
base = "{base}"
"""


SECTION = "<meta property='article:section' content='Ports'>"


def _story_page(n: int) -> bytes:
    paras = "".join(f"<p>Story {n}, part {i}: the port authority explained how the new berth will be shared.</p>"
                    for i in range(4))
    return article_page(f"Berth story {n}", f"2025-03-0{n}T09:00:00+00:00", paras, head=SECTION)


@pytest.mark.parametrize("allow", ["^/story\\\\.php", "^/news/"])  # matching the sitemap's URLs, and none of them
def test_sitemap_entries_of_the_pattern_fallback_are_skipped_as_seen(tmp_path, allow):
    """A second backfill run skips the stored articles before download whether a pattern
    matched their sitemap entries or, matching none, the entries were fetched as candidates."""
    from loopback import Site

    paths = [f"/story.php?id={n}" for n in range(1, 5)]
    sitemap = ('<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
               + "".join(f"<url><loc>{{base}}{p}</loc><lastmod>2025-03-0{n}T09:00:00+00:00</lastmod></url>"
                         for n, p in enumerate(paths, 1)) + "</urlset>")
    routes = {p: (200, {"Content-Type": "text/html; charset=utf-8"}, _story_page(n)) for n, p in enumerate(paths, 1)}
    with Site(routes) as site:
        routes["/sitemap.xml"] = (200, {"Content-Type": "application/xml"},
                                  sitemap.format(base=site.url("")).encode())
        (tmp_path / "loopnews.toml").write_text(
            LOOP_PORTAL.format(source='sitemaps = ["{base}/sitemap.xml"]', base=site.url(""), allow=allow),
            encoding="utf-8")
        args = ("--mode", "backfill", *WINDOW)
        first = run(tmp_path, *args, settings={"NEWSBOT_STANDARD_DISCOVERY": "false"})
        assert "loopnews: ok: 4 records written" in first.stderr, first.stderr[-3000:]
        second = run(tmp_path, *args, settings={"NEWSBOT_STANDARD_DISCOVERY": "false"})
        assert second.returncode == 0, second.stderr[-3000:]
        assert all(site.hits[p] == 1 for p in paths), site.hits
    assert "loopnews: ok: 0 records written, 0 failed requests, 4 already stored" in second.stderr
    assert len(outputs(tmp_path)) == 1


def _quay_page(n: int, pages: int = 3) -> bytes:
    url = lambda i: "/news/quay" if i == 1 else f"/news/quay?page={i}"  # noqa: E731
    links = ((f"<link rel='prev' href='{url(n - 1)}'>" if n > 1 else "")
             + (f"<link rel='next' href='{url(n + 1)}'>" if n < pages else ""))
    paras = "".join(f"<p>Part {n}, sentence {i}: the harbour board set out how the quay will be rebuilt.</p>"
                    for i in range(3))
    return article_page("Quay plan", "2025-03-04T09:00:00+00:00", paras, head=links + SECTION)


def test_a_stored_article_listed_by_its_later_pages_is_not_fetched_again(tmp_path):
    """A feed listing the second and third pages of an article: the first run writes it once,
    whole; the second fetches none of its pages, one article already stored, the other page
    in ``newsbot/pages/again``."""
    from loopback import Site
    from support import rss

    paths = ["/news/quay", "/news/quay?page=2", "/news/quay?page=3"]
    routes = {p: (200, {"Content-Type": "text/html; charset=utf-8"}, _quay_page(n)) for n, p in enumerate(paths, 1)}
    with Site(routes) as site:
        routes["/feed.xml"] = (200, {"Content-Type": "application/rss+xml"},
                               rss([(site.url(p), "Quay plan", day(4)) for p in paths[1:]]))
        (tmp_path / "loopnews.toml").write_text(
            LOOP_PORTAL.format(source='feeds = ["{base}/feed.xml"]', base=site.url(""), allow="^/news/"),
            encoding="utf-8")
        first = run(tmp_path, *WINDOW)
        assert "loopnews: ok: 1 records written" in first.stderr, first.stderr[-3000:]
        hits = {p: site.hits.get(p) for p in paths}
        second = run(tmp_path, *WINDOW)
        assert second.returncode == 0, second.stderr[-3000:]
        assert {p: site.hits.get(p) for p in paths} == hits
        assert site.hits["/feed.xml"] == 2
    assert "loopnews: ok: 0 records written, 0 failed requests, 1 already stored" in second.stderr
    [out] = outputs(tmp_path)
    [record] = records(out)
    assert record["quality_flags"] == ["paginated"] and record["body"].count("Part 3") == 3


def _edited_page(extra: str = "", modified: str = "") -> bytes:
    paras = "".join(f"<p>Sentence {i}: the ferry company set out how the winter timetable will run.</p>"
                    for i in range(4)) + (f"<p>{extra}</p>" if extra else "")
    head = SECTION + (f"<meta property='article:modified_time' content='{modified}'>" if modified else "")
    return article_page("Winter ferry timetable", "2025-03-03T09:00:00+00:00", paras, head=head)


@pytest.mark.parametrize("late", ["feed", "sitemap"])
def test_the_latest_date_any_listing_gives_decides_a_refetch(tmp_path, late):
    """A sitemap (announced by robots.txt) whose ``<lastmod>`` did not move and a feed whose
    ``pubDate`` did list the same edited article: the second run fetches it once and writes its new revision, whichever of
    the two documents is read first."""
    import time

    from loopback import Site
    from support import rss

    path = "/news/ferry"
    routes = {path: (200, {"Content-Type": "text/html; charset=utf-8"}, _edited_page())}
    dated = {"feed": day(3)}

    def document(kind, body):
        def answer(headers):
            if kind == late:
                time.sleep(1.5)  # read after the other one
            return 200, {"Content-Type": "application/xml"}, body(site)
        return answer

    with Site(routes) as site:
        routes["/feed.xml"] = document("feed", lambda s: rss([(s.url(path), "Winter ferry timetable", dated["feed"])]))
        routes["/sitemap.xml"] = document("sitemap", lambda s: (
            '<?xml version="1.0" encoding="UTF-8"?><urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">'
            f"<url><loc>{s.url(path)}</loc><lastmod>2025-03-03T09:00:00+00:00</lastmod></url></urlset>").encode())
        routes["/robots.txt"] = (200, {"Content-Type": "text/plain"},
                                 f"User-agent: *\nAllow: /\nSitemap: {site.url('/sitemap.xml')}\n".encode())
        (tmp_path / "loopnews.toml").write_text(
            LOOP_PORTAL.format(source='feeds = ["{base}/feed.xml"]', base=site.url(""), allow="^/news/"),
            encoding="utf-8")
        first = run(tmp_path, *WINDOW)
        assert "loopnews: ok: 1 records written" in first.stderr, first.stderr[-3000:]
        routes[path] = (200, {"Content-Type": "text/html; charset=utf-8"},
                        _edited_page(CORRECTION, "2025-03-10T09:00:00+00:00"))
        dated["feed"] = day(10)
        second = run(tmp_path, *WINDOW)
        assert second.returncode == 0, second.stderr[-3000:]
        assert site.hits[path] == 2 and site.hits["/sitemap.xml"] == 2 and site.hits["/feed.xml"] == 2
    assert "loopnews: ok: 1 records written, 0 failed requests" in second.stderr, second.stderr[-3000:]
    [_, out] = outputs(tmp_path)
    [record] = records(out)
    assert record["revision"] == 2 and record["body"].endswith(CORRECTION)
    assert record["date_modified"] == "2025-03-10T09:00:00+00:00"
    stats = stats_of(out)
    # one listing fetched, the other counted as listed twice; the skip as seen taken back
    assert {k: v for k, v in stats["skipped"].items() if v} == {"listed_twice": 1}


def _ferry_page(n: int) -> bytes:
    paras = "".join(f"<p>Route {n}, sentence {i}: the ferry company set out how the crossing will run.</p>"
                    for i in range(4))
    return article_page(f"Ferry route {n} timetable", "2025-03-03T09:00:00+00:00", paras, head=SECTION)


def test_only_a_valid_past_last_modified_is_sent_back(tmp_path):
    """``Last-Modified`` values that are no HTTP-date (RFC 9110 §5.6.7) or lie in the future are
    not kept: a page fetched again is asked ``If-Modified-Since`` only with a valid past one,
    in any of the three forms the RFC accepts."""
    from loopback import Site
    from support import rss

    served = {1: "Sun, 02 Mar 2025 08:49:37 GMT", 2: "Sunday, 02-Mar-25 08:49:37 GMT",
              3: "Sun Mar  2 08:49:37 2025", 4: "Thu, 01 Jan 2099 00:00:00 GMT", 5: "garbage",
              6: "Mon, 32 Foo 2026 99:99:99 GMT", 7: "2025-03-02T08:49:37Z"}
    paths = {n: f"/news/route-{n}" for n in served}
    routes = {paths[n]: (200, {"Content-Type": "text/html; charset=utf-8", "Last-Modified": value}, _ferry_page(n))
              for n, value in served.items()}
    dated = {"feed": day(3)}
    with Site(routes) as site:
        routes["/feed.xml"] = (200, {"Content-Type": "application/rss+xml"},
                               lambda s: rss([(s.url(p), "Ferry", dated["feed"]) for p in paths.values()]))
        (tmp_path / "loopnews.toml").write_text(
            LOOP_PORTAL.format(source='feeds = ["{base}/feed.xml"]', base=site.url(""), allow="^/news/"),
            encoding="utf-8")
        first = run(tmp_path, *WINDOW)
        assert f"loopnews: ok: {len(served)} records written" in first.stderr, first.stderr[-3000:]
        dated["feed"] = day(10)  # every entry moved: each page is fetched again
        second = run(tmp_path, *WINDOW)
        assert second.returncode == 0, second.stderr[-3000:]
        sent = {path: h.get("If-Modified-Since") for path, h in zip(site.served, site.request_headers)
                if path.startswith("/news/")}
    assert sent == {paths[n]: served[n] if n <= 3 else None for n in served}


def test_validators_belong_to_the_url_they_were_served_for(tmp_path):
    """A stored page that now redirects: its target is asked without the old URL's validators
    (here they would get a 304 hiding the target's page); two URLs of one canonical article are
    each asked with their own validators, and the article counts once as already stored."""
    import time

    from loopback import Site
    from support import rss

    moved, target, page, amp = "/news/moved", "/news/target", "/news/pier", "/news/amp/pier"
    html = {"Content-Type": "text/html; charset=utf-8"}
    canonical = "<link rel='canonical' href='{base}/news/pier'>"

    def honours(tag, modified, body, delay=0.0):  # a server answering 304 when either validator matches
        def answer(headers):
            time.sleep(delay)
            if headers.get("If-None-Match") == tag or (headers.get("If-Modified-Since") or "") >= modified:
                return 304, {"ETag": tag}, b""
            return 200, {**html, "ETag": tag, "Last-Modified": modified}, body
        return answer

    routes = {}
    dated = {"feed": day(3)}
    with Site(routes) as site:
        pier = lambda n: article_page("Pier works begin", "2025-03-03T09:00:00+00:00", "".join(  # noqa: E731
            f"<p>Sentence {i}: the harbour board said the pier works begin in spring.</p>" for i in range(4)),
            head=SECTION + canonical.format(base=site.base))
        routes.update({moved: honours('"m1"', "Mon, 03 Mar 2025 09:00:00 GMT", _ferry_page(1)),
                       target: honours('"t1"', "Sun, 02 Mar 2025 09:00:00 GMT", _ferry_page(2)),
                       page: honours('"p1"', "Sun, 02 Mar 2025 09:00:00 GMT", pier(1)),
                       amp: honours('"a1"', "Sun, 02 Mar 2025 09:00:00 GMT", pier(2), delay=1.0)})
        routes["/feed.xml"] = (200, {"Content-Type": "application/rss+xml"},
                               lambda s: rss([(s.url(p), "Pier", dated["feed"]) for p in (moved, page, amp)]))
        (tmp_path / "loopnews.toml").write_text(
            LOOP_PORTAL.format(source='feeds = ["{base}/feed.xml"]', base=site.url(""), allow="^/news/"),
            encoding="utf-8")
        first = run(tmp_path, *WINDOW)
        assert first.returncode == 0, first.stderr[-3000:]
        routes[moved] = (301, {"Location": site.url(target)}, b"")
        dated["feed"] = day(10)
        second = run(tmp_path, *WINDOW)
        assert second.returncode == 0, second.stderr[-3000:]
        # the article of the two URLs counts once as already stored
        assert "loopnews: ok: 1 records written, 0 failed requests, 1 already stored" in second.stderr
        sent = [(path, h.get("If-None-Match"), h.get("If-Modified-Since"))
                for path, h in zip(site.served, site.request_headers) if path.startswith("/news/")]
    asked = {path: (etag, since) for path, etag, since in sent[-4:]}
    assert asked[moved] == ('"m1"', "Mon, 03 Mar 2025 09:00:00 GMT") and asked[target] == (None, None)
    # the first run wrote the article from the canonical URL, answered first (the other, a
    # duplicate, left no validators): it is asked with its own, the other plainly
    assert asked[page] == ('"p1"', "Sun, 02 Mar 2025 09:00:00 GMT") and asked[amp] == (None, None)
    [_, out] = outputs(tmp_path)
    assert [r["url"] for r in records(out)] == [site.url(target)]
