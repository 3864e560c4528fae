"""Soak: 2,000 pages of which a fifth misbehave, in one crawl of the fault site. Every good
page is written exactly once, every fault is counted, and the crawl's peak memory and time
are printed (they are figures to watch, not pass/fail conditions)."""
from __future__ import annotations

from collections import Counter

from faultsite import FaultSite, run_crawl

PAGES = 2000
# one faulty page in five, cycling through these; "{i}" makes each URL distinct
FAULTY = [
    ("/status/404/s{i}", "newsbot/errors/http_404"),
    ("/status/500/s{i}", "newsbot/errors/http_500"),
    ("/status/410/s{i}", "newsbot/errors/http_410"),
    ("/reset/s{i}", "newsbot/errors/connection_lost"),
    ("/short/s{i}", "newsbot/errors/dataloss"),
    ("/redirect/metadata/s{i}", "newsbot/redirect_refused/private"),
    ("/redirect/loop-a/s{i}", "newsbot/redirect_refused/loop"),
    ("/redirect/file/s{i}", "newsbot/redirect_refused/scheme"),
    ("/status/403/s{i}?challenge=1", "newsbot/errors/http_403"),
    ("/bomb/gzip/s{i}", "newsbot/errors/too_large"),
]
STALLS = [("/silent/s{i}", "newsbot/errors/timeout"), ("/trickle/s{i}", "newsbot/errors/timeout")]
RECOVERING = "/flaky/503/1/s{i}"  # fails once, then serves an article: must be written


def _plan():
    """``(paths in crawl order, good paths, Counter of expected counters)``."""
    paths, good, expected = [], [], Counter()
    faulty_seen = 0
    for i in range(PAGES):
        if i % 5 != 4:
            path = f"/good/s{i}" if i % 50 else RECOVERING.format(i=i)
            good.append(path)
        else:
            kinds = STALLS if faulty_seen % 40 == 39 else FAULTY  # a few stalls, cut by the deadline
            template, counter = kinds[faulty_seen % len(kinds)]
            path = template.format(i=i)
            expected[counter] += 1
            faulty_seen += 1
        paths.append(path)
    return paths, good, expected


def test_soak_2000_pages_one_fifth_faulty(tmp_path, capsys):
    paths, good, expected = _plan()
    assert len(paths) == PAGES and len(paths) - len(good) == PAGES // 5
    with FaultSite(max_requests=10 * PAGES, stall_limit=10) as site:
        urls = tmp_path / "urls.txt"
        urls.write_text("\n".join(site.url(p) for p in paths) + "\n", encoding="utf-8")
        result = run_crawl(tmp_path, "article", f"url_file={urls}", timeout=170, settings={
            "CONCURRENT_REQUESTS": "48", "CONCURRENT_REQUESTS_PER_DOMAIN": "48", "RETRY_TIMES": "1",
            "DOWNLOAD_TIMEOUT": "2", "MEMUSAGE_CHECK_INTERVAL_SECONDS": "1",
        })
    assert result.returncode == 0, result.stderr[-3000:]
    assert result.stats["finish_reason"] == "finished"
    written = Counter(r["url"] for r in result.records)
    expected_urls = {site.url(p if not p.startswith("/flaky/") else p) for p in good}
    assert set(written) == expected_urls
    assert max(written.values()) == 1
    for counter, n in expected.items():
        assert result.stats.get(counter) == n, (counter, result.stats.get(counter), n)
    assert "Traceback" not in result.stderr
    with capsys.disabled():
        print(f"\nsoak: {PAGES} pages ({PAGES - len(good)} faulty), {len(result.records)} records, "
              f"{result.seconds:.1f} s, peak RSS {result.peak_rss_mb:.0f} MiB")
