"""The ``newsbot`` command.

- ``newsbot crawl [--all | portal…] [--since D] [--until D] [--mode M] [--full] [--jobdir DIR]``: crawl
  portals in one process, under the crawl lock.
- ``newsbot evaluate DIR``: score extraction on a labelled corpus.

Exit codes: 0 success, 1 a crawl failed (or one of its monitors), 2 bad arguments or
unreadable input (one line on stderr), 3 another ``newsbot crawl`` holds the crawl lock.
"""
from __future__ import annotations

import argparse
import json
import os
import sys
from collections import defaultdict
from pathlib import Path

from .evaluate import Scores, load_corpus
from .extraction import extract_article
from .portals import portal_for_url


def _fmt(s: dict) -> str:
    return (f"{s['pages']:>4} pages  title {s['title_exact']:.3f}  date instant {s['date_instant']:.3f}  "
            f"day {s['date_day']:.3f}  body P {s['body_precision']:.3f} R {s['body_recall']:.3f} "
            f"F1 {s['body_f1']:.3f} exact {s['body_exact']:.3f}")


def _open_predictions(path: str):
    """``(open file, its path)``: a temporary file beside ``path`` (renamed to it once every page is written, so an
    existing file is replaced only by a complete one). ``ValueError`` naming ``path`` when it is
    a folder or its folder cannot be written."""
    import tempfile

    target = Path(path)
    if target.is_dir():
        raise ValueError(f"--write-predictions {path}: is a folder, not a file path")
    if target.exists() and not target.is_file():
        raise ValueError(f"--write-predictions {path}: not a regular file")
    try:
        fd, name = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
    except OSError as exc:
        raise ValueError(f"--write-predictions {path}: cannot write in {target.parent} "
                         f"({exc.strerror or exc})") from None
    umask = os.umask(0)
    os.umask(umask)
    os.fchmod(fd, 0o666 & ~umask)  # as open() would create it
    return os.fdopen(fd, "w", encoding="utf-8"), name


def evaluate(args) -> int:
    """Extract every corpus page through the pipelines' code and print the corpus metrics."""
    try:
        entries = load_corpus(args.dir)
    except (FileNotFoundError, ValueError) as exc:
        print(f"newsbot evaluate: {exc}", file=sys.stderr)
        return 2
    total, eu = Scores(), Scores()
    publishers: dict[str, Scores] = defaultdict(Scores)
    try:
        out, part = _open_predictions(args.write_predictions) if args.write_predictions else (None, None)
    except ValueError as exc:
        print(f"newsbot evaluate: {exc}", file=sys.stderr)
        return 2
    try:
        for entry in entries:
            portal = None if args.generic else portal_for_url(entry["url"])
            ex = extract_article(entry["html"], entry["url"], rules=portal.rules if portal else None)
            record = ex.record
            total.add(entry["id"], record, entry["expected"])
            publishers[entry.get("publisher", "?")].add(entry["id"], record, entry["expected"])
            if entry.get("eu_portal"):
                eu.add(entry["id"], record, entry["expected"])
            if out:
                out.write(json.dumps({**record, "id": entry["id"], "portal": portal.name if portal else None},
                                     ensure_ascii=False) + "\n")
    except BaseException:
        if out:
            out.close()
            os.unlink(part)  # the partial file; an earlier FILE stays as it was
        raise
    if out:
        out.close()
        os.replace(part, args.write_predictions)
    print(f"all        {_fmt(total.summary())}")
    if eu.n:
        print(f"eu portals {_fmt(eu.summary())}")
    print("\nper publisher:")
    for name in sorted(publishers):
        print(f"  {name:<28} {_fmt(publishers[name].summary())}")
    print("\nworst pages by body F1:")
    for row in sorted(total.pages, key=lambda r: r["f1"])[:10]:
        print(f"  {row['id']:<40} F1 {row['f1']:.3f}  P {row['precision']:.3f}  R {row['recall']:.3f}"
              f"  title {'ok' if row['title'] else 'WRONG'}  date {'ok' if row['instant'] else 'WRONG'}")
    return 0


def crawl(args) -> int:
    """Run several portal spiders in one process; print one summary line per portal and
    return the worst exit status (see :mod:`newsbot.runs`). The crawl lock
    (``<NEWSBOT_STATE_DIR>/crawl.lock``) is held for the whole run: a second ``newsbot crawl``
    started meanwhile prints one line and returns 3 at once. With ``--jobdir``, the job folder
    of a portal whose run finished is cleared (a paused one is kept to be resumed)."""
    import os

    os.environ.setdefault("SCRAPY_SETTINGS_MODULE", "newsbot.settings")
    from pathlib import Path

    from scrapy.crawler import CrawlerProcess
    from scrapy.spiderloader import get_spider_loader
    from scrapy.utils.project import get_project_settings

    from .commands.crawl import clear_finished_job, spider_name
    from .runs import BAD_ARGUMENTS, LOCKED, CrawlLocked, check_settings, crawl_lock, summarize

    settings = get_project_settings()
    for item in args.set or []:
        name, eq, value = item.partition("=")
        if not eq or not name.strip():
            print(f"newsbot crawl: -s {item!r} is not NAME=VALUE", file=sys.stderr)
            return BAD_ARGUMENTS
        settings.set(name.strip(), value, priority="cmdline")
    spargs = {k: v for k, v in (("since", args.since), ("until", args.until), ("limit", args.limit),
                                ("mode", args.mode)) if v}
    if args.full:
        spargs["incremental"] = "false"
    try:
        check_settings(settings)  # first: a bad portals file is reported as such
    except ValueError as exc:
        print(f"newsbot crawl: {exc}", file=sys.stderr)
        return BAD_ARGUMENTS
    loader = get_spider_loader(settings)
    known = sorted(n for n in loader.list() if getattr(loader.load(n), "portal", None) is not None)
    names = known if args.all or not args.portals else args.portals
    unknown = [n for n in names if n not in known]
    if unknown:
        print(f"newsbot crawl: unknown portal {', '.join(unknown)} (known: {', '.join(known)})", file=sys.stderr)
        return BAD_ARGUMENTS
    try:
        for name in names:  # before the crawler process, which logs its start
            loader.load(name).check_arguments(**spargs)
    except ValueError as exc:
        print(f"newsbot crawl: {exc}", file=sys.stderr)
        return BAD_ARGUMENTS
    process = CrawlerProcess(settings)
    crawlers = []
    try:
        for name in names:
            crawler = process.create_crawler(name)  # settings copied, not frozen yet
            if args.jobdir:
                crawler.settings.set("JOBDIR", str(Path(args.jobdir) / name), priority="cmdline")
            crawlers.append((name, crawler))
    except ValueError as exc:
        print(f"newsbot crawl: {exc}", file=sys.stderr)
        return BAD_ARGUMENTS
    try:
        lock = crawl_lock(Path(settings.get("NEWSBOT_STATE_DIR") or ".") / "crawl.lock")
    except CrawlLocked as exc:
        print(f"newsbot crawl: {exc}", file=sys.stderr)
        return LOCKED
    try:
        for _, crawler in crawlers:
            process.crawl(crawler, **spargs)
        process.start()
    finally:
        lock.close()
    worst = 0
    for name, crawler in crawlers:
        status, line = summarize(spider_name(crawler, name), crawler.stats.get_stats() if crawler.stats else None)
        print(line, file=sys.stderr)
        clear_finished_job(crawler)
        worst = max(worst, status)
    return worst


def build_parser() -> argparse.ArgumentParser:
    """The ``newsbot`` argument parser (sub-commands: ``evaluate``)."""
    parser = argparse.ArgumentParser(prog="newsbot", description="EU news portal crawler tools.")
    sub = parser.add_subparsers(dest="command", required=True)
    ev = sub.add_parser("evaluate", help="score extraction on a labelled corpus folder")
    ev.add_argument("dir", help="folder holding index.jsonl and the gzipped pages")
    ev.add_argument("--write-predictions", metavar="FILE", help="write one JSON line per page")
    ev.add_argument("--generic", action="store_true", help="ignore portal rules (generic path only)")
    ev.set_defaults(func=evaluate)
    cr = sub.add_parser("crawl", help="crawl portals in one process (exit status: the worst portal's)")
    cr.add_argument("portals", nargs="*", help="portal names (default: all)")
    cr.add_argument("--all", action="store_true", help="every registered portal")
    cr.add_argument("--since", help="YYYY-MM-DD (UTC), default: 2 days ago")
    cr.add_argument("--until", help="YYYY-MM-DD (UTC), default: now")
    cr.add_argument("--limit", help="at most N article requests per portal")
    cr.add_argument("--mode", choices=("latest", "backfill"),
                    help="latest (default): feeds, news sitemaps, first listing pages; "
                         "backfill: REST API, sitemap indexes or paginated listings over the window")
    cr.add_argument("--full", action="store_true",
                    help="ignore the seen-store: fetch and write every article found")
    cr.add_argument("--jobdir", metavar="DIR",
                    help="keep each portal's queue in DIR/<portal> (Scrapy JOBDIR) to pause and resume; "
                         "cleared when the portal's run finishes")
    cr.add_argument("-s", "--set", action="append", metavar="NAME=VALUE", help="Scrapy setting")
    cr.set_defaults(func=crawl)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``newsbot`` console script; returns the exit code."""
    args = build_parser().parse_args(argv)
    return args.func(args)


if __name__ == "__main__":
    sys.exit(main())
