"""Every ratio benchmark, one after the other, in one command.

Usage: ``python benchmarks/run_all.py [--rounds N] [--only NAME ...]`` (names: extraction, crawl,
urllist, warc). Each benchmark runs its sides in interleaved rounds (:mod:`rounds`) and prints
its figures and ratios (median of the rounds, least–greatest beside it) as it finishes:

- extraction (:mod:`extraction_cpu`): extraction CPU against trafilatura and the lxml parse;
- crawl (:mod:`crawl_cpu`): a backfill crawl's CPU a page against the extraction loop alone,
  and its throughput on 2 cores against 1;
- urllist (:mod:`urllist_rerun`): a URL-list crawl run again against its first run;
- warc (:mod:`warc_replay`): WARC replay against warcio's and FastWARC's own iteration.

The pages are those of ``../shared/corpus`` (generated ones where it is absent; the extraction
benchmark needs the corpus and is skipped without it). Exit status 0, or 1 when a benchmark
failed (its error is printed and the others still run).
"""
from __future__ import annotations

import argparse
import sys
import time
import traceback
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path[:0] = [str(HERE.parent), str(HERE)]

import crawl_cpu  # noqa: E402
import extraction_cpu  # noqa: E402
import urllist_rerun  # noqa: E402
import warc_replay  # noqa: E402

BENCHMARKS = {"extraction": extraction_cpu.run, "crawl": crawl_cpu.run, "urllist": urllist_rerun.run,
              "warc": warc_replay.run}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=3, help="rounds of each benchmark")
    parser.add_argument("--only", nargs="+", choices=sorted(BENCHMARKS), help="run only these")
    args = parser.parse_args(argv)
    status = 0
    for name in args.only or BENCHMARKS:
        start = time.perf_counter()
        try:
            lines = BENCHMARKS[name](rounds=args.rounds)
        except ValueError as exc:  # no corpus for the extraction benchmark
            lines = [f"{name}: skipped ({exc})"]
        except Exception:  # noqa: BLE001 (one failed benchmark must not hide the others)
            traceback.print_exc()
            lines, status = [f"{name}: FAILED"], 1
        for line in lines:
            print(line, flush=True)
        print(f"  ({name}: {time.perf_counter() - start:.0f} s)\n", flush=True)
    return status


if __name__ == "__main__":
    sys.exit(main())
