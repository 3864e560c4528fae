"""Kills at random moments in every output mode: how many articles are lost or written twice.

Usage: ``python benchmarks/kill_soak.py [--pages 2000] [--kills 6] [--seed 1]``. A loopback
portal lists ``--pages`` articles in its feed. For each output mode, runs are started and
killed with SIGKILL after a random delay, ``--kills`` times, then one run goes to its end; then
every article must be in the output exactly once. Modes:

- ``default``: ``newsbot crawl`` with the default feed (files of NEWSBOT_CHUNK_RECORDS records);
- ``-O``: ``scrapy crawl -O out.jsonl`` (each run replaces the file: the last one must hold all);
- ``-o``: ``scrapy crawl -o out.jsonl`` (each run appends what is new);
- ``batches``: the default feed in chunks of 50 records;
- ``two feeds``: the default feed and ``b.jsonl`` appended, each a stream of its own;
- ``two at once``: two ``newsbot crawl`` runs started together each time (one is refused);
- ``two scrapy``: the same with two ``scrapy crawl`` runs (cron beside a hand run).

Prints one row a mode: articles offered, written (distinct, in the outputs), lost, duplicated
(lines beyond one an article), kills, runs refused by the lock, seconds the mode took.
"""
from __future__ import annotations

import argparse
import json
import random
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from datetime import datetime, timedelta, timezone
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from newsroom import FAST, Newsroom, Story, command, env, write_portal  # noqa: E402

WINDOW = ("--since", "2025-03-01", "--until", "2025-03-31")
SCRAPY_WINDOW = ("since=2025-03-01", "until=2025-03-31")
QUICK = {**FAST, "LOG_LEVEL": "WARNING", "CONCURRENT_REQUESTS": "16", "CONCURRENT_REQUESTS_PER_DOMAIN": "16"}


def _lines(paths) -> list[str]:
    """Record ids of every line of ``paths``; a line that is not a whole record is counted as
    the id ``"<broken line>"`` (and reported)."""
    out = []
    for path in paths:
        for n, line in enumerate(Path(path).read_text("utf-8", "replace").splitlines(), 1):
            if not line.strip():
                continue
            try:
                out.append(json.loads(line)["id"])
            except (ValueError, KeyError):
                print(f"  broken line {n} of {path}: {line[:120]!r}…", file=sys.stderr)
                out.append("<broken line>")
    return out


def _mode_command(mode: str, work: Path) -> list[str]:
    if mode in ("-O", "-o"):
        return command(*SCRAPY_WINDOW, settings=QUICK, scrapy=True) + [mode, str(work / "out.jsonl")]
    if mode == "two scrapy":
        return command(*SCRAPY_WINDOW, settings=QUICK, scrapy=True)
    settings = dict(QUICK)
    if mode == "batches":
        settings["NEWSBOT_CHUNK_RECORDS"] = "50"
    if mode == "two feeds":
        settings["FEEDS"] = json.dumps({"output/%(name)s/%(date)s/%(name)s-%(time)s-%(batch_id)03d.jsonl":
                                        {"format": "jsonlines"}, "b.jsonl": {"format": "jsonlines"}})
    return command(*WINDOW, settings=settings)


def _outputs(mode: str, work: Path) -> dict[str, list[Path]]:
    """The output streams of a mode and their files."""
    if mode in ("-O", "-o"):
        return {"out.jsonl": [work / "out.jsonl"] if (work / "out.jsonl").exists() else []}
    streams = {"default": sorted((work / "output").rglob("*.jsonl"))}
    if mode == "two feeds":
        streams["b.jsonl"] = [work / "b.jsonl"] if (work / "b.jsonl").exists() else []
    return streams


def soak(mode: str, pages: int, kills: int, rng: random.Random, keep: bool = False) -> dict:
    work = Path(tempfile.mkdtemp(prefix="kill-soak-"))
    start = datetime(2025, 3, 2, tzinfo=timezone.utc)
    stories = [Story(n, start + timedelta(minutes=n)) for n in range(1, pages + 1)]
    refused = 0
    began = time.monotonic()
    try:
        with Newsroom(stories) as room:
            room.site.max_requests = 10 ** 9
            write_portal(work, room.base)
            cmd = _mode_command(mode, work)
            for _ in range(kills):
                procs = [subprocess.Popen(cmd, cwd=work, env=env(work), stdout=subprocess.DEVNULL,
                                          stderr=subprocess.DEVNULL)]
                if mode in ("two at once", "two scrapy"):
                    procs.append(subprocess.Popen(cmd, cwd=work, env=env(work), stdout=subprocess.DEVNULL,
                                                  stderr=subprocess.DEVNULL))
                time.sleep(rng.uniform(0.3, 12.0))
                for p in procs:
                    if p.poll() is None:
                        p.send_signal(signal.SIGKILL)
                    p.wait()
                    refused += p.returncode == 3
                time.sleep(1.05)  # a new second: file names of the next run differ
            final = subprocess.run(cmd, cwd=work, env=env(work), capture_output=True, text=True, timeout=900)
            if final.returncode not in (0,):
                print(f"  {mode}: the last run ended with {final.returncode}: {final.stderr.strip()[-300:]}",
                      file=sys.stderr)
        offered = {Story(n, start).title for n in range(1, pages + 1)}
        rows = {}
        for stream, files in _outputs(mode, work).items():
            ids = _lines(files)
            rows[stream] = (len(set(ids)), len(ids) - len(set(ids)))
        written = min(w for w, _ in rows.values()) if rows else 0
        duplicated = sum(d for _, d in rows.values())
        return {"mode": mode, "offered": len(offered), "written": written, "lost": len(offered) - written,
                "duplicated": duplicated, "kills": kills, "refused": refused, "streams": len(rows),
                "seconds": time.monotonic() - began}
    finally:
        if keep:
            print(f"  kept {work}", file=sys.stderr)
        else:
            shutil.rmtree(work, ignore_errors=True)


def main(argv=None) -> int:
    """Run every mode and print the table; exit status 1 when an article was lost or doubled."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=2000)
    parser.add_argument("--kills", type=int, default=6)
    parser.add_argument("--seed", type=int, default=1)
    parser.add_argument("--modes", default="default,-O,-o,batches,two feeds,two at once,two scrapy")
    parser.add_argument("--keep", action="store_true", help="keep each mode's folder (its path is printed)")
    args = parser.parse_args(argv)
    rng = random.Random(args.seed)
    print(f"{'mode':<12} {'offered':>8} {'written':>8} {'lost':>5} {'duplicated':>10} {'kills':>6} {'refused':>8} {'seconds':>8}")
    bad = False
    for mode in args.modes.split(","):
        row = soak(mode, args.pages, args.kills, rng, args.keep)
        bad |= row["lost"] > 0 or row["duplicated"] > 0
        print(f"{row['mode']:<12} {row['offered']:>8} {row['written']:>8} {row['lost']:>5} {row['duplicated']:>10} "
              f"{row['kills']:>6} {row['refused']:>8} {row['seconds']:>8.0f}", flush=True)
    return 1 if bad else 0


if __name__ == "__main__":
    sys.exit(main())
