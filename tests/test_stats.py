"""The summary line of a run (:func:`newsbot.stats.summary`): a run fails on records lost to
processing errors, on output not written in full and on failed monitors; an ``ok`` line counts
the records already stored. The figures the monitors check are tested in test_monitors.py."""
from __future__ import annotations

from support import known_stats as _stats

from newsbot.stats import figures, summary as summarize


def test_summary_fails_on_lost_records_and_unwritten_output():
    from newsbot.stats import summary as summarize

    base = {"item_scraped_count": 3, "finish_reason": "finished"}
    assert summarize("x", base) == (0, "x: ok: 3 records written, 0 failed requests")
    status, line = summarize("x", {**base, "newsbot/item_errors/ValueError": 2})
    assert status == 1 and line == "x: FAILED: records lost to processing errors: ValueError ×2"
    status, line = summarize("x", {**base, "feedexport/failed_count/AtomicFileFeedStorage": 1})
    assert status == 1 and "output not written in full: AtomicFileFeedStorage ×1" in line
    status, line = summarize("x", {"item_scraped_count": 3})  # killed before Scrapy set a finish reason
    assert (status, line) == (1, "x: FAILED: the crawl did not close (stopped by a second Ctrl-C, a kill or a crash)")
    assert summarize("x", {**base, "finish_reason": "shutdown"}) == (1, "x: FAILED: finish reason shutdown")


def test_summary_line_carries_monitor_failures():
    status, line = summarize("p", _stats(**{"newsbot/monitors/failed": ["field body: coverage 90.0 %"]}))
    assert status == 1
    assert line == ("p: FAILED: records dropped as invalid (markup changed?): body ×1; "
                    "monitors: field body: coverage 90.0 %")
    status, line = summarize("p", {"item_scraped_count": 3, "finish_reason": "finished", "newsbot/skipped/seen": 5})
    assert (status, line) == (0, "p: ok: 3 records written, 0 failed requests, 5 already stored")


def test_summary_line_names_the_files_written_and_what_to_do_when_nothing_is_new():
    base = {"item_scraped_count": 3, "finish_reason": "finished"}
    assert summarize("x", {**base, "newsbot/outputs": ["out/x-001.jsonl"]})[1] == (
        "x: ok: 3 records written, 0 failed requests; wrote out/x-001.jsonl")
    assert summarize("x", {**base, "newsbot/outputs": ["out/x-001.jsonl", "out/x-002.jsonl", "out/x-003.jsonl"]})[1] \
        == "x: ok: 3 records written, 0 failed requests; wrote out/x-001.jsonl … out/x-003.jsonl (3 files)"
    status, line = summarize("x", {"item_scraped_count": 0, "finish_reason": "finished", "newsbot/skipped/seen": 4,
                                   "newsbot/dropped/unchanged": 1})
    assert (status, line) == (0, "x: ok: 0 records written, 0 failed requests, 5 already stored (1 of them fetched "
                                 "again: 1 unchanged); nothing new: 5 articles found are already stored in the "
                                 "seen-store (--full, or -a incremental=false, writes them again)")


def test_summary_line_names_pages_fetched_for_nothing_withdrawn_articles_and_dates_ahead():
    stats = {"item_scraped_count": 0, "finish_reason": "finished", "newsbot/skipped/seen": 1,
             "newsbot/skipped/not_modified": 1, "newsbot/dropped/unchanged": 2, "newsbot/dropped/out_of_window": 8,
             "newsbot/skipped/dated_ahead": 2, "newsbot/dated_ahead": [{"url": "http://h/n/3", "date": "2030-01-01T00:00:00Z"}],
             "newsbot/gone/http_410": 1,
             "newsbot/withdrawn": [{"url": "http://h/n/2", "id": "a" * 40, "status": 410}]}
    status, line = summarize("x", stats)
    assert (status, line) == (0, "x: ok: 0 records written, 0 failed requests, 4 already stored (3 of them fetched "
                                 "again: 2 unchanged, 1 answered 304); 8 pages fetched and dropped as outside the "
                                 "date window; 1 withdrawn (404/410, recorded as gone): http://h/n/2; 2 dated ahead "
                                 "of the clock (after now + 1 h), left for a later run, e.g. http://h/n/3 dated "
                                 "2030-01-01T00:00:00Z; nothing new: 4 articles found are already stored in the "
                                 "seen-store (--full, or -a incremental=false, writes them again)")
    fig = figures(stats)
    assert fig["failed_requests"] == 0 and fig["withdrawn"][0]["status"] == 410


def _source(kind, url, outcome, origin="configured"):
    return {"edition": "en", "kind": kind, "origin": origin, "url": url, "outcome": outcome, "entries": 0}


def test_summary_names_dead_configured_endpoints_and_refusals():
    sources = [_source("robots", "https://n.example/robots.txt", "answered", "standard"),
               _source("feed", "https://n.example/rss.xml", "answered", "standard"),
               _source("feed", "https://n.example/feed/", "http_404"),
               _source("listing", "https://n.example/latest?page=1", "http_410"),
               _source("sitemap", "https://n.example/a.xml", "unusable"),
               _source("sitemap", "https://n.example/b.xml", "timeout")]
    base = {"item_scraped_count": 3, "finish_reason": "finished", "newsbot/sources": sources}
    assert summarize("n", base) == (0, "n: ok: 3 records written, 0 failed requests; dead configured endpoints: "
                                       "feed https://n.example/feed/ (http_404), listing "
                                       "https://n.example/latest?page=1 (http_410), sitemap https://n.example/a.xml "
                                       "(unusable) and 1 more")
    status, line = summarize("n", {**base, "newsbot/blocked/n": 2})
    assert status == 0 and line.endswith("; refused the crawler 2 times (HTTP 403 or challenge page): give -s "
                                          "NEWSBOT_CONTACT_URL=<a page where the site can reach you>, or -s "
                                          "USER_AGENT=<another User-Agent>, and crawl slower (-s DOWNLOAD_DELAY=5)")


def test_nothing_answered_fails_without_failed_requests():
    sources = [_source("robots", "https://n.example/robots.txt", "http_404", "standard"),
               _source("feed", "https://n.example/feed/", "http_404")]
    status, line = summarize("n", {"item_scraped_count": 0, "finish_reason": "finished", "newsbot/sources": sources})
    assert (status, line) == (1, "n: FAILED: no records; no discovery source answered (dead configured endpoints: "
                                 "feed https://n.example/feed/ (http_404))")


def test_links_robots_txt_forbids_are_no_failures_unless_they_are_all_the_run_found():
    sources = [_source("feed", "https://n.example/feed/", "answered", "standard")]
    base = {"finish_reason": "finished", "newsbot/sources": sources, "newsbot/skipped/robots": 11,
            "newsbot/discovery/rss": 1}
    assert summarize("n", {**base, "item_scraped_count": 19}) == (0, "n: ok: 19 records written, 0 failed requests")
    assert summarize("n", {**base, "item_scraped_count": 0, "newsbot/skipped/seen": 19})[0] == 0  # nothing new
    assert summarize("n", {**base, "item_scraped_count": 0}) == (
        1, "n: FAILED: no records; robots.txt forbids the 11 URLs asked")


def test_requests_robots_txt_forbids_are_not_named_as_failed_download_exceptions():
    stats = {"finish_reason": "finished", "item_scraped_count": 0, "newsbot/skipped/robots": 2,
             "downloader/exception_type_count/scrapy.exceptions.IgnoreRequest": 2}
    assert summarize("n", stats) == (1, "n: FAILED: no records; robots.txt forbids the 2 URLs asked")
