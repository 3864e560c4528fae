"""A backfill crawl against the extraction loop alone on the same pages, and on two cores
against one, one run.

Usage: ``python benchmarks/crawl_cpu.py [--rounds N] [--copies N] [--few N]``. A portal file
and a WARC are written to a temporary folder: a sitemap listing article URLs whose pages are
those of ``../shared/corpus`` (news and snippets, ``--copies`` times each under its own URL;
generated pages when the corpus is absent), and beside them a second portal and WARC of the
first ``--few`` of those pages only. ``scrapy crawl bench -a mode=backfill`` then reads them in
replay (no network, incremental off), extracting in the worker pool
(``NEWSBOT_EXTRACT_WORKERS`` default: one process a core). Sides, interleaved round by round
(:mod:`rounds`):

- crawl of all pages, and crawl of the few, on 2 cores: user + system CPU seconds of the crawl
  process (``getrusage`` when it is waited for) and of every process under it (the extraction
  workers and their fork server, sampled from ``/proc`` until they end);
- extraction loop: :func:`newsbot.extraction.extract_article` over the pages of the whole
  crawl that the few-page crawl does not hold (same bytes and URLs) in this process;
- backfill of all pages on 1 core (the crawl bound to CPU 0 with ``taskset``, so the default
  pool has one worker), for the throughput: pages a second of wall time; and the crawl of the
  few pages on 1 core, for the throughput beyond the fixed part (the pages of the whole crawl
  less the few over the difference of the two crawls' wall times, on each side).

A crawl's CPU is a fixed part (Python and Scrapy starting, imports, the fork server and its
workers starting, the replay index, output files and stats written at the end) plus a part a
page. Each round gives the part a page as the difference of the two crawls' CPU over the
difference of their pages, and the fixed part as the few-page crawl's CPU less its pages at
that rate. Prints, as medians of the rounds with their range: the whole crawl's CPU a page
(fixed part included) against the loop's; the crawl's CPU a page beyond the fixed part
against the loop's on the same pages (goal <= 1.15), split into crawl process and workers;
the fixed part; and 2-core / 1-core throughput (goal >= 1.7), with beside it the same ratio
beyond the fixed part's wall time (start-up runs on one core). Linux only (``/proc``,
``taskset``); the 2-core side needs 2 CPUs.
"""
from __future__ import annotations

import json
import os
import resource
import shutil
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path[:0] = [str(ROOT), str(HERE)]

from rounds import command, interleaved, per_item_line, ratio_line, ratios, summary  # noqa: E402
from warc_replay import corpus_pages  # noqa: E402

BASE = "https://bench.example"
TOML = f'''name = "bench"
domains = ["bench.example"]
sitemaps = ["{{base}}/sitemap.xml"]
allow = ['^/news/2025/03/\\d{{2}}/[^/]+/$']

[[editions]]
lang = "en"
base = "{BASE}"
'''
TICK = os.sysconf("SC_CLK_TCK")


def articles_of(pages: list[bytes], copies: int) -> list[tuple[str, bytes]]:
    """``(url, body)`` of each article page: every page ``copies`` times, each under its own
    URL."""
    return [(f"{BASE}/news/2025/03/{1 + n % 28:02d}/story-{copy}-{n}/", body)
            for copy in range(copies) for n, body in enumerate(pages)]


def build(folder: Path, articles: list[tuple[str, bytes]]) -> Path:
    """Write ``bench.toml`` and ``bench.warc.gz`` (sitemap and article pages) into ``folder``
    (made if missing); returns ``folder``."""
    from newsbot.warc import WarcWriterFile

    folder.mkdir(parents=True, exist_ok=True)
    (folder / "bench.toml").write_text(TOML, "utf-8")
    rows = ['<?xml version="1.0" encoding="UTF-8"?>\n<urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">']
    rows += [f"<url><loc>{url}</loc><lastmod>2025-03-{url.split('/')[6]}T10:00:00+00:00</lastmod></url>"
             for url, _ in articles]
    rows.append("</urlset>")
    warc = WarcWriterFile(folder / "bench.warc.gz")
    warc.write(f"{BASE}/sitemap.xml", 200, [("Content-Type", "application/xml")], "\n".join(rows).encode())
    for url, body in articles:
        warc.write(url, 200, [("Content-Type", "text/html; charset=utf-8")], body)
    warc.close()
    return folder


def _cpu_of(pid: int) -> tuple[int, float] | None:
    """``(parent pid, CPU seconds)`` of a live process from ``/proc/<pid>/stat``."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as fh:
            fields = fh.read().rsplit(b")", 1)[1].split()
    except OSError:
        return None
    return int(fields[1]), (int(fields[11]) + int(fields[12])) / TICK  # ppid, utime, stime


def _children(pid: int) -> list[int]:
    """The child processes of ``pid`` (``/proc/<pid>/task/<tid>/children``), ``[]`` when gone."""
    found = []
    try:
        for tid in os.listdir(f"/proc/{pid}/task"):
            with open(f"/proc/{pid}/task/{tid}/children", "rb") as fh:
                found += [int(child) for child in fh.read().split()]
    except OSError:
        pass
    return found


class TreeCPU(threading.Thread):
    """Samples, every ``interval`` seconds until stopped, the CPU seconds of every process
    below ``root`` (not ``root`` itself, whose figure comes from ``getrusage`` when it is
    waited for); :attr:`seconds` sums each process's last sample. It reads only the files of
    that process tree, so it takes next to no CPU from the crawl it measures."""

    def __init__(self, root: int, interval: float = 0.1):
        super().__init__(daemon=True)
        self.root, self.interval = root, interval
        self.last: dict[int, float] = {}
        self.done = threading.Event()

    def run(self):
        while not self.done.wait(self.interval):
            below, todo = set(), _children(self.root)
            while todo:
                pid = todo.pop()
                if pid not in below:
                    below.add(pid)
                    todo += _children(pid)
            for pid in below:
                if info := _cpu_of(pid):
                    self.last[pid] = info[1]

    @property
    def seconds(self) -> float:
        return sum(self.last.values())


def crawl(folder: Path, cpus: str | None = None) -> tuple[float, float, float, int]:
    """One backfill crawl of the bench portal in replay: ``(wall s, CPU s of the crawl
    process, CPU s of the processes under it, pages extracted)``; ``cpus`` binds it with
    ``taskset -c``."""
    out = folder / "out.jsonl"
    cmd = [sys.executable, "-m", "scrapy", "crawl", "bench", "-a", "mode=backfill", "-a", "since=2025-03-01",
           "-a", "until=2025-03-31", "-O", str(out)]
    for setting in (f"NEWSBOT_REPLAY={folder / 'bench.warc.gz'}", f"NEWSBOT_PORTALS_FILE={folder / 'bench.toml'}",
                    "NEWSBOT_INCREMENTAL=false", "ROBOTSTXT_OBEY=false", "DOWNLOAD_DELAY=0",
                    "AUTOTHROTTLE_ENABLED=false", "LOG_LEVEL=ERROR", "SPIDERMON_ENABLED=false",
                    "MEMUSAGE_ENABLED=false", f"NEWSBOT_STATE_DIR={folder / 'state'}"):
        cmd += ["-s", setting]
    if cpus:
        cmd = ["taskset", "-c", cpus, *cmd]
    env = {**os.environ, "SCRAPY_SETTINGS_MODULE": "newsbot.settings"}
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=folder, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    sampler = TreeCPU(proc.pid)
    sampler.start()
    _, err = proc.communicate(timeout=1800)
    wall = time.perf_counter() - start
    sampler.done.set()
    sampler.join()
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    own = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    stats = json.loads(out.with_name(out.name + ".stats.json").read_text("utf-8"))["scrapy_stats"]
    extracted = sum(v for k, v in stats.items() if k.startswith("newsbot/field/title/"))
    if proc.returncode not in (0, 1) or not extracted:
        raise RuntimeError(f"the crawl failed ({proc.returncode}): {err[-2000:]}")
    return wall, own, sampler.seconds, extracted


def seconds_line(label: str, values: list[float]) -> str:
    """One printed line of a figure in seconds: median and range over the rounds."""
    median, low, high = summary(values)
    return f"  {label:<42} {median:7.2f} s       ({low:.2f}–{high:.2f})"


def run(rounds: int = 3, copies: int = 2, few: int = 20) -> list[str]:
    """The benchmark's printed lines."""
    from newsbot.extraction import extract_article

    with tempfile.TemporaryDirectory() as tmp:
        articles = articles_of(corpus_pages(), copies)
        n, few = len(articles), max(1, min(few, len(articles) // 10))
        whole, part = build(Path(tmp) / "all", articles), build(Path(tmp) / "few", articles[:few])
        rest = articles[few:]  # the pages the whole crawl has beyond the few-page one
        extract_article(articles[0][1], articles[0][0])  # warm-up: lazy tables
        cpu: dict[str, dict[str, list[float]]] = {side: {"crawl process": [], "extraction workers": []}
                                                  for side in ("all", "few")}
        walls: dict[str, list[float]] = {"2 cores": [], "1 core": [], "few, 2 cores": [], "few, 1 core": []}
        counts: set[int] = set()

        def side(folder, cpus, name, key):
            def go():
                wall, own, below, extracted = crawl(folder, cpus)
                if key == "all":
                    counts.add(extracted)
                if name:
                    walls[name].append(wall)
                if key:
                    cpu[key]["crawl process"].append(own)
                    cpu[key]["extraction workers"].append(below)
            return go

        two = "0,1" if len(os.sched_getaffinity(0)) >= 2 and shutil.which("taskset") else None
        sides = {"extraction loop": lambda: [extract_article(body, url) for url, body in rest],
                 "crawl, 2 cores": side(whole, two, "2 cores", "all"),
                 f"crawl of {few} pages": side(part, two, "few, 2 cores" if two else None, "few"),
                 "crawl, 1 core": side(whole, "0" if two else None, "1 core", None)}
        if two:  # the fixed part of the wall time on one core, for the throughput beyond it
            sides[f"crawl of {few} pages, 1 core"] = side(part, "0", "few, 1 core", None)
        spent = interleaved(sides, rounds)
    loop = spent["extraction loop"]  # CPU seconds over the n - few pages
    parts = ("crawl process", "extraction workers")
    total = {key: [sum(v) for v in zip(*(cpu[key][p] for p in parts))] for key in cpu}
    # a page beyond the fixed part: difference of the two crawls over the difference of their pages
    slope = {p: [(a - b) / (n - few) for a, b in zip(cpu["all"][p], cpu["few"][p])] for p in parts}
    slope_total = [(a - b) / (n - few) for a, b in zip(total["all"], total["few"])]
    fixed = {p: [b - few * k for b, k in zip(cpu["few"][p], slope[p])] for p in parts}
    loop_page = [s / (n - few) for s in loop]
    lines = [f"Backfill crawl in replay: {n} article pages (extracted by the crawl: {sorted(counts)}); "
             f"a crawl of the first {few} for the fixed part",
             per_item_line("extraction loop CPU", loop, n - few),
             per_item_line("crawl CPU, every process, fixed part in", total["all"], n),
             ratio_line("  crawl CPU / extraction loop, fixed part in", ratios([t / n for t in total["all"]], loop_page)),
             per_item_line("crawl CPU a page beyond the fixed part", [x * (n - few) for x in slope_total], n - few),
             *(per_item_line(f"  of which {p}", [x * (n - few) for x in slope[p]], n - few) for p in parts),
             *(seconds_line(f"fixed part, {p}", fixed[p]) for p in parts),
             ratio_line("crawl CPU / extraction loop, a page", ratios(slope_total, loop_page), "<= 1.15")]
    if two:
        pages_s = {name: [n / w for w in walls[name]] for name in ("2 cores", "1 core")}
        for name, values in pages_s.items():
            median, low, high = summary(values)
            lines.append(f"  backfill on {name:<34} {median:7.1f} pages/s ({low:.1f}–{high:.1f})")
        lines.append(ratio_line("backfill 2 cores / 1 core, pages/s", ratios(pages_s["2 cores"], pages_s["1 core"]),
                                ">= 1.7"))
        # beyond the fixed part: the whole crawl's wall time less the few-page crawl's, on each side
        beyond = {name: [(n - few) / (w - f) for w, f in zip(walls[name], walls[f"few, {name}"])]
                  for name in ("2 cores", "1 core")}
        lines.append(ratio_line("  the same beyond the fixed part's wall time", ratios(beyond["2 cores"], beyond["1 core"])))
    else:
        lines.append("backfill 2 cores / 1 core: skipped (needs 2 CPUs and taskset)")
    return lines


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark from the command line (:func:`rounds.command`)."""
    return command(run, __doc__, argv, {"copies": "times each page is listed under its own URL",
                                        "few": "pages of the crawl that measures the fixed part"})


if __name__ == "__main__":
    sys.exit(main())
