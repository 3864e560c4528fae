"""Peak memory of a backfill over a large generated sitemap.

Builds a sitemap index with gzipped child sitemaps (``--urls`` article URLs in all, at most
50,000 a child as sitemaps.org allows) for a portal defined by a TOML file, stores them in a
WARC, and runs ``scrapy crawl bench -a mode=backfill`` over it in replay (no network; the
article pages are absent from the WARC and answer 404, so the run measures discovery and
scheduling, not extraction). Prints the child process's peak resident memory (``ru_maxrss``)
and the run time.

    .venv/bin/python benchmarks/backfill_memory.py                      # 200,000 URLs
    .venv/bin/python benchmarks/backfill_memory.py --urls 50000 --max-queued 1000000000
                                                                        # everything queued at once

Linux only (``ru_maxrss`` in KiB). ``BENCH_LOG_LEVEL=INFO BENCH_DEBUG=1`` prints the crawl's
log tail and stats. Measured (2 cores): 200,000 URLs with ``NEWSBOT_MAX_QUEUED=2000``: peak
135 MiB; 50,000 URLs all queued at once (``--max-queued 1000000000``): peak 337 MiB.
"""
from __future__ import annotations

import argparse
import gzip
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from newsbot.warc import WarcWriterFile

BASE = "https://bench.example"
TOML = f'''name = "bench"
domains = ["bench.example"]
sitemaps = ["{{base}}/sitemap_index.xml"]
allow = ['^/news/\\d{{4}}/\\d{{2}}/\\d{{2}}/[^/]+/$']

[[editions]]
lang = "en"
base = "{BASE}"
'''
PER_CHILD = 50_000


def build(folder: Path, urls: int) -> Path:
    """Write the portal file and the WARC into ``folder``; return the WARC path."""
    (folder / "bench.toml").write_text(TOML, "utf-8")
    warc = WarcWriterFile(folder / "bench.warc.gz")
    children = (urls + PER_CHILD - 1) // PER_CHILD
    index = ['<?xml version="1.0" encoding="UTF-8"?>\n<sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">']
    for c in range(children):
        loc = f"{BASE}/post-sitemap{c + 1}.xml.gz"
        index.append(f"<sitemap><loc>{loc}</loc><lastmod>2025-03-31T12:00:00+00:00</lastmod></sitemap>")
        rows = ['<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">']
        for i in range(c * PER_CHILD, min(urls, (c + 1) * PER_CHILD)):
            day = 1 + i % 28
            rows.append(f"<url><loc>{BASE}/news/2025/03/{day:02d}/generated-article-number-{i}/</loc>"
                        f"<lastmod>2025-03-{day:02d}T10:00:00+00:00</lastmod></url>")
        rows.append("</urlset>")
        warc.write(loc, 200, [("Content-Type", "application/x-gzip")],
                   gzip.compress("\n".join(rows).encode(), mtime=0))
    index.append("</sitemapindex>")
    warc.write(f"{BASE}/sitemap_index.xml", 200, [("Content-Type", "application/xml")], "\n".join(index).encode())
    warc.close()
    return folder / "bench.warc.gz"


def run(folder: Path, warc: Path, max_queued: int) -> tuple[int, float, str]:
    """Crawl; return (peak RSS in KiB, seconds, last stderr lines)."""
    cmd = [sys.executable, "-m", "scrapy", "crawl", "bench", "-a", "mode=backfill", "-a", "since=2025-03-01",
           "-a", "until=2025-03-31", "-O", str(folder / "out.jsonl")]
    for setting in (f"NEWSBOT_REPLAY={warc}", f"NEWSBOT_PORTALS_FILE={folder / 'bench.toml'}",
                    f"NEWSBOT_MAX_QUEUED={max_queued}", "NEWSBOT_INCREMENTAL=false", "ROBOTSTXT_OBEY=false",
                    "DOWNLOAD_DELAY=0", "AUTOTHROTTLE_ENABLED=false", "CONCURRENT_REQUESTS=256", "CONCURRENT_ITEMS=1",
                    "CONCURRENT_REQUESTS_PER_DOMAIN=256", f"LOG_LEVEL={os.environ.get('BENCH_LOG_LEVEL', 'ERROR')}", "SPIDERMON_ENABLED=false",
                    "MEMUSAGE_ENABLED=false", f"NEWSBOT_STATE_DIR={folder / 'state'}"):
        cmd += ["-s", setting]
    env = {**os.environ, "SCRAPY_SETTINGS_MODULE": "newsbot.settings"}
    start = time.monotonic()
    proc = subprocess.run(cmd, cwd=folder, env=env, capture_output=True, text=True)
    seconds = time.monotonic() - start
    peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss
    if os.environ.get("BENCH_DEBUG"):
        print(proc.stderr[-6000:])
    return peak, seconds, "\n".join(proc.stderr.strip().splitlines()[-3:])


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--urls", type=int, default=200_000, help="article URLs in the sitemaps")
    parser.add_argument("--max-queued", type=int, default=2000, help="NEWSBOT_MAX_QUEUED for the run")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        warc = build(folder, args.urls)
        peak, seconds, tail = run(folder, warc, args.max_queued)
    print(tail)
    print(f"{args.urls} sitemap URLs, NEWSBOT_MAX_QUEUED={args.max_queued}: "
          f"peak RSS {peak / 1024:.0f} MiB, {seconds:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
