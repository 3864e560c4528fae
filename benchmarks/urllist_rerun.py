"""A URL-list crawl run again over the same pages, against its first run, one run.

Usage: ``python benchmarks/urllist_rerun.py [--rounds N] [--pages N]``. A loopback site serves
``--pages`` article pages (the corpus pages of ``../shared/corpus``, or generated ones), each
with an ``ETag``, answering ``304`` to an ``If-None-Match`` naming it. Each round starts with an
empty seen-store and runs ``scrapy crawl article -a url_file=…`` twice: the first run fetches
and extracts every page, the re-run asks the server about each one (conditional requests).
Pages are extracted in the crawl process (``NEWSBOT_EXTRACT_WORKERS=0``) so that its CPU
time, user + system, holds all the work; wall seconds beside it. The ratio re-run / first run
a round (the start of Scrapy, about a second, is in both).
"""
from __future__ import annotations

import hashlib
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path[:0] = [str(ROOT), str(HERE), str(ROOT / "tests")]

from rounds import command, per_item_line, ratio_line, ratios  # noqa: E402
from warc_replay import corpus_pages  # noqa: E402

SETTINGS = {"NEWSBOT_ALLOW_LOOPBACK": "true", "DOWNLOAD_DELAY": "0", "AUTOTHROTTLE_ENABLED": "false",
            "RETRY_TIMES": "0", "CONCURRENT_REQUESTS_PER_DOMAIN": "16", "LOG_LEVEL": "WARNING",
            "SPIDERMON_ENABLED": "false", "NEWSBOT_EXTRACT_WORKERS": "0"}  # all CPU in the crawl process


def _children_cpu() -> float:
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def crawl(workdir: Path, url_file: Path, extra: dict | None = None) -> tuple[float, float]:
    """One ``scrapy crawl article`` over ``url_file`` in ``workdir``: ``(CPU s, wall s)``."""
    cmd = [sys.executable, "-m", "scrapy", "crawl", "article", "-a", f"url_file={url_file}", "-o", "out.jsonl"]
    for name, value in {**SETTINGS, **(extra or {})}.items():
        cmd += ["-s", f"{name}={value}"]
    env = {**os.environ, "SCRAPY_SETTINGS_MODULE": "newsbot.settings"}
    cpu, wall = _children_cpu(), time.perf_counter()
    proc = subprocess.run(cmd, cwd=workdir, env=env, capture_output=True, text=True, timeout=900)
    cpu, wall = _children_cpu() - cpu, time.perf_counter() - wall
    if proc.returncode != 0:
        raise RuntimeError(f"crawl failed ({proc.returncode}): {proc.stderr[-2000:]}")
    return cpu, wall


def routes(pages: list[bytes]) -> dict:
    """``/a/<n>`` routes answering 200 with an ETag, or 304 to a matching ``If-None-Match``."""
    table = {}
    for number, body in enumerate(pages):
        tag = '"%s"' % hashlib.sha1(body).hexdigest()[:16]
        table[f"/a/{number}"] = (lambda headers, tag=tag, body=body:
                                 (304, {"ETag": tag}, b"") if headers.get("If-None-Match") == tag
                                 else (200, {"Content-Type": "text/html; charset=utf-8", "ETag": tag}, body))
    return table


def run(rounds: int = 3, pages: int = 600) -> list[str]:
    """The benchmark's printed lines."""
    from loopback import Site

    bodies = corpus_pages()[:pages]
    first_cpu, rerun_cpu, first_wall, rerun_wall = [], [], [], []
    with Site(routes(bodies), max_requests=10 ** 7, max_seconds=3600) as site, \
            tempfile.TemporaryDirectory() as folder:
        url_file = Path(folder) / "urls.txt"
        url_file.write_text("".join(site.url(f"/a/{n}") + "\n" for n in range(len(bodies))))
        for number in range(rounds):
            workdir = Path(folder) / f"round-{number}"
            workdir.mkdir()
            cpu, wall = crawl(workdir, url_file)
            first_cpu.append(cpu), first_wall.append(wall)
            cpu, wall = crawl(workdir, url_file)
            rerun_cpu.append(cpu), rerun_wall.append(wall)
    n = len(bodies)
    return [f"URL-list re-run: {n} pages, {rounds} rounds (a fresh seen-store each)",
            per_item_line("first run CPU", first_cpu, n), per_item_line("re-run CPU", rerun_cpu, n),
            ratio_line("URL-list re-run / first run (CPU)", ratios(rerun_cpu, first_cpu)),
            ratio_line("URL-list re-run / first run (wall)", ratios(rerun_wall, first_wall))]


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark from the command line (:func:`rounds.command`)."""
    return command(run, __doc__, argv)


if __name__ == "__main__":
    sys.exit(main())
