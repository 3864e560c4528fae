"""The ``newsbot`` command.

- ``newsbot crawl [--all | portal…] [--since D] [--until D] [--mode M] [--lang [P=]L] [--limit [P=]N]
  [--full] [--jobdir DIR] [-o FILE | -O FILE] [-a NAME=VALUE] [-L LEVEL]``: crawl portals in one process, under the
  crawl lock (:mod:`newsbot.runner`).
- ``newsbot extract FILE --url URL`` / ``newsbot extract URL``: one page to one JSON record.
- ``newsbot evaluate DIR``: score extraction on a labelled corpus.
- ``newsbot schema``: print the record's JSON Schema.
- ``newsbot check [PORTAL…]``: does each portal still work, and what broke (:mod:`newsbot.check`).
- ``newsbot portal new URL``: write a portal file for a site from its home page
  (:mod:`newsbot.newportal`).

Exit codes: 0 success, 1 a crawl failed (or one of its monitors), 2 bad arguments or
unreadable input (one line on stderr), 3 another crawl holds the crawl lock.
"""
from __future__ import annotations

import argparse
import json
import logging
import os
import re
import sys
from collections import defaultdict
from pathlib import Path


def _fmt(s: dict) -> str:
    line = (f"{s['pages']:>4} pages  title {s['title_exact']:.3f}  date instant {s['date_instant']:.3f}  "
            f"day {s['date_day']:.3f}  body P {s['body_precision']:.3f} R {s['body_recall']:.3f} "
            f"F1 {s['body_f1']:.3f} exact {s['body_exact']:.3f}")
    if "authors_exact" in s:
        line += (f"  authors exact {s['authors_exact']:.3f} P {s['authors_precision']:.3f} "
                 f"R {s['authors_recall']:.3f}")
    return line


def _open_predictions(path: str, corpus: str, entries: list[dict]):
    """An :class:`~newsbot.atomic.AtomicFile` for ``path`` (so an existing file is replaced
    only by a complete one). ``ValueError`` naming ``path`` when it is a folder, the index or a
    page of the ``corpus`` folder (whose ``entries`` name their pages: labels are never
    overwritten), or its folder cannot be written."""
    from .atomic import AtomicFile

    target = Path(path)
    folder = Path(corpus)
    protected = {(folder / "index.jsonl").resolve()} | {(folder / e["file"]).resolve() for e in entries}
    if target.resolve() in protected:
        raise ValueError(f"--write-predictions {path}: a file of the corpus {corpus}, whose labels and pages "
                         "are never overwritten; write the predictions elsewhere")
    if target.is_dir():
        raise ValueError(f"--write-predictions {path}: is a folder, not a file path")
    if target.exists() and not target.is_file():
        raise ValueError(f"--write-predictions {path}: not a regular file")
    try:
        return AtomicFile(target, mkdir=False)
    except OSError as exc:
        raise ValueError(f"--write-predictions {path}: cannot write in {target.parent} "
                         f"({exc.strerror or exc})") from None


def _fmt_snippets(s: dict) -> str:
    return (f"{s['pages']:>4} pages  snippets P {s['precision']:.3f} R {s['recall']:.3f} "
            f"accuracy {s['accuracy']:.3f} F1 {s['f1']:.3f}  (tp {s['tp']} fn {s['fn']} fp {s['fp']} tn {s['tn']})")


def evaluate(args) -> int:
    """Extract every corpus page through the pipelines' code and print the corpus metrics:
    title, date and body figures for news labels, snippet precision, recall, accuracy and F1
    for snippet labels (:mod:`newsbot.evaluate`)."""
    from .evaluate import SNIPPETS, Scores, SnippetScores, label_format, load_corpus, predict
    from .portals import registry

    try:
        portals = None if args.generic else registry(_project_settings(None))
        entries = load_corpus(args.dir)
        out = _open_predictions(args.write_predictions, args.dir, entries) if args.write_predictions else None
    except (FileNotFoundError, ValueError) as exc:
        print(f"newsbot evaluate: {exc}", file=sys.stderr)
        return 2
    snippets = bool(entries) and label_format(entries[0]) == SNIPPETS
    total, eu = (SnippetScores(), None) if snippets else (Scores(), Scores())
    publishers: dict[str, Scores] = defaultdict(Scores)
    with out if out is not None else _nothing():
        for entry in entries:
            record = predict(entry, generic=args.generic, portals=portals)
            total.add(entry["id"], record, entry["expected"])
            if not snippets:
                publishers[entry.get("publisher", "?")].add(entry["id"], record, entry["expected"])
                if entry.get("eu_portal"):
                    eu.add(entry["id"], record, entry["expected"])
            if out is not None:
                out.file.write((json.dumps(record, ensure_ascii=False) + "\n").encode("utf-8"))
    if snippets:
        print(f"all        {_fmt_snippets(total.summary())}")
        print("\nworst pages by snippets missed and wrongly kept:")
        for row in sorted(total.pages, key=lambda r: -(r["fn"] + r["fp"]))[:10]:
            if row["fn"] + row["fp"]:
                print(f"  {row['id']:<40} missed {row['fn']} of {row['tp'] + row['fn']}  "
                      f"kept {row['fp']} of {row['fp'] + row['tn']} unwanted")
        return 0
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


class _nothing:
    def __enter__(self):
        return None

    def __exit__(self, *exc):
        return False


def _project_settings(pairs: list[str] | None):
    """The project's settings with ``-s NAME=VALUE`` pairs applied (``ValueError`` naming a
    pair without ``=``)."""
    os.environ.setdefault("SCRAPY_SETTINGS_MODULE", "newsbot.settings")
    from scrapy.utils.project import get_project_settings

    settings = get_project_settings()
    for name, value in _pairs(pairs).items():
        settings.set(name, value, priority="cmdline")
    return settings


def per_portal(option: str, values: list[str] | None, names: list[str]) -> dict[str, str]:
    """``{portal: value}`` of a per-portal option: each value is ``VALUE`` (every portal of
    ``names``) or ``PORTAL=VALUE`` (that portal; a later value wins). ``ValueError`` naming a
    portal that is not crawled."""
    out: dict[str, str] = {}
    for value in values or []:
        name, eq, rest = value.partition("=")
        if eq and name.strip() and not name.strip().isdigit():
            if name.strip() not in names:
                raise ValueError(f"{option} {value}: {name.strip()} is not one of the portals crawled "
                                 f"({', '.join(names)})")
            out[name.strip()] = rest
        else:
            out.update(dict.fromkeys(names, value))
    return out


def _editions_of(settings, langs: dict[str, str]) -> None:
    """``ValueError`` naming every portal without one of the editions ``--lang`` gives it."""
    from .portals import registry

    portals = registry(settings)
    missing = []
    for name, lang in langs.items():
        try:
            portals[name].select_editions(lang)
        except ValueError:
            known = ", ".join(sorted(e.lang.lower() for e in portals[name].editions))
            missing.append(f"{name} (editions: {known})")
    if missing:
        raise ValueError(f"--lang: no such edition for {'; '.join(missing)}; give a portal its own with "
                         "--lang PORTAL=LANGS")


def crawl(args) -> int:
    """Run several portal spiders in one process (:mod:`newsbot.runner`); print one summary
    line per portal and return the worst exit status. The spider arguments (``--since``,
    ``--until``, ``--mode``, ``--full``; ``--lang`` and ``--limit`` for every portal or, as
    ``PORTAL=VALUE``, one; ``-a NAME=VALUE``) go to each portal's spider. With ``--jobdir``,
    each portal keeps its queue in ``<DIR>/<portal>``."""
    from .runner import Job, Refused, lock, output_feeds, prepare, start, tell, worst
    from .spiders.loader import PortalSpiderLoader

    try:
        settings = _project_settings(args.set)
        if args.loglevel:
            settings.set("LOG_LEVEL", args.loglevel.upper(), priority="cmdline")
    except ValueError as exc:
        print(f"newsbot crawl: {exc}", file=sys.stderr)
        return 2
    common = {k: v for k, v in (("since", args.since), ("until", args.until), ("mode", args.mode)) if v}
    if args.full:
        common["incremental"] = "false"
    try:
        from .settings_table import check

        check(settings)  # first: a bad portals file is reported as such
        known = PortalSpiderLoader(settings).portals()
        names = known if args.all or not args.portals else list(dict.fromkeys(args.portals))
        unknown = [n for n in names if n not in known]
        if unknown:
            raise Refused(2, f"unknown portal {', '.join(unknown)} (known: {', '.join(known)})")
        for pair in args.arguments or []:
            key, eq, value = pair.partition("=")
            if not eq or not key.strip():
                raise ValueError(f"-a {pair!r} is not NAME=VALUE")
            common[key.strip()] = value
        output_feeds(settings, args.output, args.overwrite_output, len(names))
        langs, limits = per_portal("--lang", args.lang, names), per_portal("--limit", args.limit, names)
        _editions_of(settings, langs)
        jobs = []
        for name in names:
            arguments = {**common, **({"lang": langs[name]} if name in langs else {}),
                         **({"limit": limits[name]} if name in limits else {})}
            jobs.append(Job(name, arguments, str(Path(args.jobdir) / name) if args.jobdir else None))
        prepare(settings, jobs)
        held = lock(settings, jobs)
    except ValueError as exc:
        print(f"newsbot crawl: {exc}", file=sys.stderr)
        return 2
    except Refused as exc:
        tell(settings, f"newsbot crawl: {exc}", logging.ERROR)
        return exc.status
    results = start(settings, jobs, held=held)
    return worst(results)


def _pairs(items: list[str] | None) -> dict[str, str]:
    """``-s NAME=VALUE`` pairs as a dict (``ValueError`` naming a pair without ``=``)."""
    out = {}
    for item in items or []:
        name, eq, value = item.partition("=")
        if not eq or not name.strip():
            raise ValueError(f"-s {item!r} is not NAME=VALUE")
        out[name.strip()] = value
    return out


def extract(args) -> int:
    """One page to one JSON record on stdout (:mod:`newsbot.api`): ``FILE`` (``-`` for stdin)
    with ``--url``, the address it was fetched from, or a URL, fetched by a crawl of the
    ``article`` spider (robots.txt, User-Agent, redirect and address checks, size limits). Exit
    status 1 when the page gives no record (not an article, invalid, not fetched)."""
    from .api import CrawlFailed, CrawlRefused, ExtractionError, extract as extract_page, extract_url

    target = args.target
    try:
        pairs = _pairs(args.set)
        if target.startswith(("http://", "https://")):
            if args.url:
                raise ValueError("--url goes with a file; a URL given alone is fetched")
            level = {"LOG_LEVEL": args.loglevel.upper()} if args.loglevel else {}  # else extract_url's
            record = extract_url(target, settings={**level, **pairs}, provenance=args.provenance)
        else:
            if target != "-" and not os.path.exists(target) and re.match(r"[A-Za-z][A-Za-z0-9+.-]*://", target):
                raise ValueError(f"{target}: neither a file nor an http(s) URL")
            if not args.url:
                raise ValueError(f"{target}: a file needs --url URL (the address the page was fetched from)")
            from .portals import registry

            from .settings_table import check_kinds

            settings = _project_settings(args.set)
            check_kinds(settings)  # as a crawl would check them
            portals = registry(settings)
            limit = settings.getint("DOWNLOAD_MAXSIZE")  # as a crawl would fetch it
            if target == "-":
                html = sys.stdin.buffer.read(limit + 1)
            else:
                with open(target, "rb") as fh:
                    html = fh.read(limit + 1)
            if len(html) > limit:
                raise ValueError(f"{target}: larger than DOWNLOAD_MAXSIZE ({limit} bytes), as a crawl would refuse it")
            record = extract_page(html, args.url, portals=portals, provenance=args.provenance)
    except (ExtractionError, CrawlFailed) as exc:
        print(f"newsbot extract: {exc}", file=sys.stderr)
        return 1
    except CrawlRefused as exc:
        print(f"newsbot extract: {exc}", file=sys.stderr)
        return exc.status
    except (ValueError, OSError) as exc:
        detail = f"{exc.filename}: {exc.strerror}" if isinstance(exc, OSError) and exc.strerror else exc
        print(f"newsbot extract: {detail}", file=sys.stderr)
        return 2
    print(json.dumps(record, ensure_ascii=False))
    return 0


def schema(args) -> int:
    """Print the record's JSON Schema (from the field table); with ``--duckdb``, the column
    types for DuckDB's ``read_json(…, columns=…)`` instead."""
    from .schema import duckdb_columns_sql, record_schema

    print(duckdb_columns_sql() if args.duckdb else json.dumps(record_schema(), indent=2, ensure_ascii=False))
    return 0


def check(args) -> int:
    """Check portals (:mod:`newsbot.check`): print each one's diagnosis on stdout; 0 when every
    portal wrote articles with every required field, 1 otherwise, 2 for bad arguments."""
    from .check import run_check
    from .runner import Refused
    from .spiders.loader import PortalSpiderLoader

    try:
        settings = _project_settings(args.set)
        settings.set("LOG_LEVEL", (args.loglevel or "WARNING").upper(), priority="cmdline")
        from .settings_table import check as check_settings

        check_settings(settings)
        known = PortalSpiderLoader(settings).portals()
        names = list(dict.fromkeys(args.portals)) or known
        unknown = [n for n in names if n not in known]
        if unknown:
            raise Refused(2, f"unknown portal {', '.join(unknown)} (known: {', '.join(known)})")
        found = run_check(settings, names, since=args.since, until=args.until, limit=args.limit)
    except ValueError as exc:
        print(f"newsbot check: {exc}", file=sys.stderr)
        return 2
    except Refused as exc:
        print(f"newsbot check: {exc}", file=sys.stderr)
        return exc.status
    for diagnosis in found:
        print("\n".join(diagnosis.lines()))
    return 0 if found and all(d.ok for d in found) else 1


def _check_new_file(target: Path) -> None:
    """``ValueError`` (one line) unless ``target`` can be created: it does not exist and its
    folder is an existing, writable folder."""
    if target.exists() or target.is_symlink():
        raise ValueError(f"{target} exists; give another --output")
    folder = target.parent
    if not folder.is_dir():
        raise ValueError(f"{target}: {folder} is not a folder")
    if not os.access(folder, os.W_OK | os.X_OK):
        raise ValueError(f"{target}: the folder {folder} is not writable")


def _without_password(url: str) -> str:
    """``url`` with a password in it replaced by ``***`` (for messages)."""
    from urllib.parse import urlsplit

    parts = urlsplit(url)
    return url.replace(f":{parts.password}@", ":***@") if parts.password else url


def portal_new(args) -> int:
    """Write a portal file for the site at ``args.url`` (:mod:`newsbot.newportal`): to
    ``--output`` (default ``<name>.toml``), never over an existing file. Exit status 0 when
    written, 1 when the site could not be read, 2 for bad arguments or settings (their kinds
    checked as a crawl's, :func:`newsbot.settings_table.check_kinds`)."""
    from .atomic import write_atomic
    from .newportal import propose
    from .useragent import of_settings

    from urllib.parse import urlsplit

    from .portals.reader import check_name
    from .resolver import resolve_targets
    from .settings_table import check_kinds

    target = Path(args.output or "")
    try:
        settings = _project_settings(args.set)
        check_kinds(settings)  # as a crawl would check them
        targets = resolve_targets(settings.get("NEWSBOT_RESOLVE"))
        timeout, max_bytes = settings.getfloat("DOWNLOAD_TIMEOUT"), settings.getint("DOWNLOAD_MAXSIZE")  # as a crawl's
        parts = urlsplit(args.url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise ValueError(f"{args.url}: not an http(s) URL")
        if parts.username is not None or parts.password is not None:
            raise ValueError("the URL holds a user name or password; give the site's home page without them")
        parts.port  # noqa: B018 (raises ValueError for a port out of range)
        if args.name is not None:
            check_name(args.name, "--name")
        if args.output:
            _check_new_file(target)
    except ValueError as exc:
        print(f"newsbot portal new: {str(exc).replace(args.url, _without_password(args.url))}", file=sys.stderr)
        return 2
    try:
        name, text = propose(args.url, of_settings(settings), args.name,
                             log=lambda line: print(line, file=sys.stderr),
                             allow_loopback=settings.getbool("NEWSBOT_ALLOW_LOOPBACK"), targets=targets,
                             timeout=timeout, max_bytes=max_bytes)
    except ValueError as exc:  # the home page unread (newportal.FetchFailed), or the file made refused
        print(f"newsbot portal new: {exc}", file=sys.stderr)
        return 1
    target = Path(args.output or f"{name}.toml")
    try:
        _check_new_file(target)
        write_atomic(target, text.encode("utf-8"))
    except (ValueError, OSError) as exc:
        detail = f"{target}: cannot be written ({exc.strerror or exc})" if isinstance(exc, OSError) else exc
        print(f"newsbot portal new: {detail}", file=sys.stderr)
        return 2
    print(f"newsbot portal new: wrote {target} (portal {name}); try it with: newsbot check {name} "
          f"-s NEWSBOT_PORTALS_FILE={target}", file=sys.stderr)
    return 0


def build_parser() -> argparse.ArgumentParser:
    """The ``newsbot`` argument parser (sub-commands: ``crawl``, ``evaluate``, ``extract``,
    ``schema``, ``check``, ``portal new``; each sub-command is one function taking the parsed arguments)."""
    from .useragent import package_version

    parser = argparse.ArgumentParser(prog="newsbot", description="EU news portal crawler tools.")
    parser.add_argument("--version", action="version", version=f"newsbot {package_version()}")
    sub = parser.add_subparsers(dest="command", required=True)
    ev = sub.add_parser("evaluate", help="score extraction on a labelled corpus folder")
    ev.add_argument("dir", help="folder holding index.jsonl (news or with/without snippet labels) and the pages")
    ev.add_argument("--write-predictions", metavar="FILE", help="write one JSON line per page")
    ev.add_argument("--generic", action="store_true", help="ignore portal rules (generic path only)")
    ev.set_defaults(func=evaluate)
    cr = sub.add_parser("crawl", help="crawl portals in one process (exit status: the worst portal's)")
    cr.add_argument("portals", nargs="*", help="portal names (none: every registered portal, as --all)")
    cr.add_argument("--all", action="store_true", help="every registered portal")
    cr.add_argument("--since", help="YYYY-MM-DD (UTC, from 00:00), default: 2 days ago")
    cr.add_argument("--until", help="YYYY-MM-DD (UTC, to 23:59:59), default: now + 1 h")
    cr.add_argument("--lang", action="append", metavar="[PORTAL=]LANGS",
                    help="editions to crawl (comma-separated), of every portal named, or of PORTAL; "
                         "a portal without such an edition is refused (repeatable)")
    cr.add_argument("--limit", action="append", metavar="[PORTAL=]N",
                    help="at most N articles per portal, or for PORTAL (repeatable): links of the window taken in "
                         "turn, those skipped as already stored counting too")
    cr.add_argument("--mode", choices=("latest", "backfill"),
                    help="latest (default): feeds, news sitemaps, first listing pages; "
                         "backfill: REST API, sitemap indexes, paginated listings or feeds over the window "
                         "(what robots.txt and the home page announce first, then the portal file's)")
    cr.add_argument("--full", action="store_true",
                    help="ignore the seen-store: fetch and write every article found")
    cr.add_argument("--jobdir", metavar="DIR",
                    help="keep each portal's queue in DIR/<portal> (Scrapy JOBDIR) to pause and resume; "
                         "cleared when the portal's run finishes")
    cr.add_argument("-a", dest="arguments", action="append", metavar="NAME=VALUE",
                    help="another spider argument, for every portal")
    cr.add_argument("-o", "--output", action="append", metavar="FILE",
                    help="append the records to FILE (format from its extension, or FILE:FORMAT; with several "
                         "portals %%(name)s in it) instead of output/<portal>/…; repeatable")
    cr.add_argument("-O", "--overwrite-output", action="append", metavar="FILE",
                    help="as -o, but replace FILE: a full crawl, without the seen-store")
    cr.add_argument("-L", "--loglevel", metavar="LEVEL",
                    help="log level (default INFO; DEBUG adds Scrapy's settings and stats and every failure)")
    cr.add_argument("-s", "--set", action="append", metavar="NAME=VALUE", help="Scrapy setting")
    cr.set_defaults(func=crawl)
    ex = sub.add_parser("extract", help="one page to one JSON record on stdout")
    ex.add_argument("target", metavar="FILE|URL", help="a saved page (- for stdin) with --url, or a URL to fetch")
    ex.add_argument("--url", help="the address the file was fetched from (its portal and rules follow from it)")
    ex.add_argument("--provenance", action="store_true", help="add the layer that served each field")
    ex.add_argument("-L", "--loglevel", metavar="LEVEL", help="log level of the fetch (default WARNING)")
    ex.add_argument("-s", "--set", action="append", metavar="NAME=VALUE", help="Scrapy setting")
    ex.set_defaults(func=extract)
    ch = sub.add_parser("check", help="does each portal still work, and what broke (exit 0: all work)")
    ch.add_argument("portals", nargs="*", help="portal names (default: all)")
    ch.add_argument("--since", help="YYYY-MM-DD (UTC, from 00:00), default: 30 days ago")
    ch.add_argument("--until", help="YYYY-MM-DD (UTC, to 23:59:59), default: now + 1 h")
    ch.add_argument("--limit", type=int, default=3, help="articles fetched per portal (default 3)")
    ch.add_argument("-s", "--set", action="append", metavar="NAME=VALUE", help="a Scrapy or newsbot setting")
    ch.add_argument("-L", "--loglevel", help="log level (default WARNING)")
    ch.set_defaults(func=check)
    po = sub.add_parser("portal", help="portal files: `portal new URL` writes one for a site")
    posub = po.add_subparsers(dest="portal_command", required=True)
    pn = posub.add_parser("new", help="write a portal file from a site's home page")
    pn.add_argument("url", help="the site's home page (an edition's, for a site with several)")
    pn.add_argument("-o", "--output", help="file to write (default <name>.toml); never overwritten")
    pn.add_argument("--name", help="the portal's name (default from the host name)")
    pn.add_argument("-s", "--set", action="append", metavar="NAME=VALUE",
                    help="a setting: USER_AGENT, NEWSBOT_CONTACT_URL, NEWSBOT_ALLOW_LOOPBACK, NEWSBOT_RESOLVE, "
                         "DOWNLOAD_TIMEOUT, DOWNLOAD_MAXSIZE (repeatable)")
    pn.set_defaults(func=portal_new)
    sc = sub.add_parser("schema", help="print the record's JSON Schema")
    sc.add_argument("--duckdb", action="store_true", help="print the columns for DuckDB's read_json instead")
    sc.set_defaults(func=schema)
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of the ``newsbot`` console script; returns the exit code. Output to a reader
    that goes away (``newsbot schema | head``) ends the command with status 1 and no
    traceback, as the Python documentation advises for SIGPIPE (``signal`` module, "Note on
    SIGPIPE")."""
    args = build_parser().parse_args(argv)
    try:
        status = args.func(args)
        sys.stdout.flush()  # here, not at exit, where a broken pipe could only be reported
    except BrokenPipeError:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())  # so the flush at exit writes nowhere
        return 1
    return status


if __name__ == "__main__":
    sys.exit(main())
