"""One run lifecycle for every way a crawl starts (``newsbot crawl``, ``scrapy crawl``, the
tests): check the settings and arguments, take the crawl lock, run the spiders in one Scrapy
process, then give each its summary line and exit status, and clear the job folders of runs
that finished.

Exit statuses: 0 every crawl finished and wrote what it found; 1 a crawl failed
(:func:`newsbot.stats.summary`); 2 bad arguments or settings, nothing crawled; 3 another
incremental crawl holds the crawl lock of the same state folder, nothing done.
"""
from __future__ import annotations

import contextlib
import fcntl
import logging
import os
import shutil
import sys
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from .arguments import parse_switch
from .settings_table import check, state_dir
from .stats import summary

OK, FAILED, BAD_ARGUMENTS, LOCKED = 0, 1, 2, 3
logger = logging.getLogger("newsbot")


class Refused(Exception):
    """The run cannot start: ``status`` (2 bad arguments or settings, 3 locked) and the one-line
    message (``str()``)."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status


@dataclass
class Job:
    """One spider to run: ``spider`` (its name), ``arguments`` (``-a`` name → value) and
    ``jobdir`` (Scrapy's ``JOBDIR`` for this spider, to pause and resume; ``None``: none)."""

    spider: str
    arguments: dict = field(default_factory=dict)
    jobdir: str | None = None


@dataclass
class Result:
    """How one job ended: ``name`` (the spider's), ``status`` (0 or 1), ``line`` (the summary
    line), ``stats`` (Scrapy's stats dict, ``{}`` when it never started)."""

    name: str
    status: int
    line: str
    stats: dict


def incremental(settings, arguments: dict) -> bool:
    """Whether a run with ``settings`` and spider ``arguments`` uses the seen-store: the
    ``incremental`` argument wins; else ``NEWSBOT_INCREMENTAL``, except that a feed with
    ``overwrite`` (``-O``) makes a full crawl."""
    arg = parse_switch("incremental", arguments.get("incremental"))
    if arg is not None:
        return arg
    if not settings.getbool("NEWSBOT_INCREMENTAL"):
        return False
    return not any((opts or {}).get("overwrite") for opts in settings.getdict("FEEDS").values())


def prepare(settings, jobs: list[Job]) -> None:
    """Check everything before a crawl starts, before anything is logged: the settings
    (:func:`newsbot.settings_table.check`), the spider names and each spider's arguments.
    Raises :class:`Refused` (status 2) with one line on the first problem. Then Scrapy's
    banners are set to DEBUG (:func:`newsbot.logs.install`) before its crawler process logs
    them."""
    from scrapy.spiderloader import get_spider_loader

    from .logs import install

    try:
        check(settings)
    except ValueError as exc:
        raise Refused(BAD_ARGUMENTS, str(exc)) from None
    plan_feeds(settings)
    loader = get_spider_loader(settings)
    if settings.get("JOBDIR") and len(jobs) > 1 and not all(job.jobdir for job in jobs):
        raise Refused(BAD_ARGUMENTS, f"-s JOBDIR={settings.get('JOBDIR')} with {len(jobs)} spiders: one job folder "
                                     "holds one spider's queue; give --jobdir DIR (a folder for each)")
    for job in jobs:
        refuse_append(settings, job.spider)
        refuse_unwritable_feeds(settings, job.spider)
    known = sorted(loader.list())
    for job in jobs:
        try:
            spidercls = loader.load(job.spider)
        except KeyError:
            raise Refused(BAD_ARGUMENTS, f"unknown spider {job.spider!r} (known: {', '.join(known)})") from None
        try:
            if job.spider == "portal":
                spidercls.check_arguments(settings=settings, **job.arguments)
            elif hasattr(spidercls, "check_arguments"):
                spidercls.check_arguments(**job.arguments)
        except ValueError as exc:
            raise Refused(BAD_ARGUMENTS, f"{job.spider}: {exc}") from None
    install()


def output_feeds(settings, output: list[str] | None, overwrite: list[str] | None, spiders: int = 1) -> None:
    """Make the feeds of ``-o`` (``output``: appended to) or ``-O`` (``overwrite``: replaced)
    the run's ``FEEDS``, in place of the project's default feed (Scrapy merges dict settings by
    priority, which would also write under ``output/``); nothing when neither is given. Each is
    ``URI`` (format from the extension) or ``URI:FORMAT``, read by Scrapy
    (``scrapy.utils.conf.feed_process_params_from_cli``). Raises :class:`Refused` (status 2)
    with one line for a feed without a known format, ``-o`` with ``-O``, or a run of several
    ``spiders`` whose file name lacks ``%(name)s`` (their records would share one file)."""
    if not (output or overwrite):
        return
    from scrapy.exceptions import UsageError
    from scrapy.utils.conf import feed_process_params_from_cli

    option = "-O" if overwrite else "-o"
    settings.set("FEEDS", {}, priority="cmdline")
    feeds = settings.attributes["FEEDS"].value
    for uri in list(feeds):
        feeds.delete(uri, priority="cmdline")
    try:
        chosen = feed_process_params_from_cli(settings, list(output or []), overwrite_output=list(overwrite or []))
    except UsageError as exc:
        given = " ".join(output or overwrite or [])
        raise Refused(BAD_ARGUMENTS, f"{option} {given}: {exc}; nothing done") from None
    if spiders > 1:
        shared = [uri for uri in chosen if "%(name)s" not in uri]
        if shared:
            raise Refused(BAD_ARGUMENTS, f"{option} {shared[0]}: {spiders} portals would write one file; give "
                                         "%(name)s in its path (e.g. out/%(name)s.jsonl); nothing done")
    settings.set("FEEDS", chosen, priority="cmdline")


def plan_feeds(settings) -> None:
    """Complete the ``FEEDS`` of a run: each feed's options name the template its files come
    from (:data:`newsbot.feeds.STREAM_OPTION`, the seen-store's stream), and a feed whose
    template names files by batch (``%(batch_id)…``) without a ``batch_item_count`` of its own
    is cut every ``NEWSBOT_CHUNK_RECORDS`` records (0: one file), so a long run commits chunk
    by chunk."""
    from .feeds import STREAM_OPTION, chunked

    chunk = settings.getint("NEWSBOT_CHUNK_RECORDS")
    feeds = {}
    for uri, options in settings.getdict("FEEDS").items():
        options = dict(options or {})
        options.setdefault(STREAM_OPTION, str(uri))
        if chunked(str(uri)) and "batch_item_count" not in options and not settings.getint("FEED_EXPORT_BATCH_ITEM_COUNT"):
            options["batch_item_count"] = chunk
        feeds[uri] = options
    settings.set("FEEDS", feeds, priority=max(settings.getpriority("FEEDS") or 0, 40))


NOT_APPENDABLE = {"json": "a second JSON array would follow the first",
                  "csv": "a second header line would follow the first records",
                  "xml": "a second XML document would follow the first"}
"""Feed formats whose file is one document: records appended to a file of an earlier run make
it unreadable (the reason each gives). JSON Lines (and pickle, marshal) append fine."""


def refuse_append(settings, spider: str) -> None:
    """Raise :class:`Refused` (status 2) when a feed of ``spider`` appends (``-o``, no
    ``overwrite``) in a format of :data:`NOT_APPENDABLE` to a local file that exists and is not
    empty, naming the file, why, and what to write instead (``-O``, or JSON Lines). Feeds whose
    path changes from run to run (a ``%(time)s`` left in it) and remote ones are not checked."""
    from .feeds import stream_of

    for uri, options in settings.getdict("FEEDS").items():
        options = options or {}
        fmt = str(options.get("format") or "").lower()
        if options.get("overwrite") or fmt not in NOT_APPENDABLE:
            continue
        path = stream_of(str(uri), spider)
        if "%(" in path or "://" in path:
            continue
        try:
            size = os.stat(path).st_size
        except OSError:
            continue
        if size:
            raise Refused(BAD_ARGUMENTS, f"-o {uri}: {path} exists and {fmt.upper()} cannot be appended to "
                                         f"({NOT_APPENDABLE[fmt]}); replace it with -O {uri}, or append "
                                         "JSON Lines with -o <file>.jsonl; nothing done")


def refuse_unwritable_feeds(settings, spider: str) -> None:
    """Raise :class:`Refused` (status 2) when a local feed of ``spider`` cannot be written: its
    file is a folder, or its folder (the fixed part of its template, before any ``%(…)s`` that
    changes from run to run) cannot be created or written in
    (:func:`~newsbot.settings_table.writable_folder`). Remote feeds (``s3://``…) are not
    checked."""
    from .feeds import stream_of
    from .settings_table import writable_folder

    for uri in settings.getdict("FEEDS"):
        path = stream_of(str(uri), spider)
        if "://" in path:
            refuse_unstorable(settings, str(uri))
            continue
        fixed, varies, _ = path.partition("%(")
        if not varies and os.path.isdir(path):  # False for a name too long to look up
            raise Refused(BAD_ARGUMENTS, f"output {uri}: {path} is a folder, not a file; nothing done")
        folder = Path(fixed) if varies and fixed.endswith(os.sep) else Path(fixed).parent
        try:
            writable_folder("FEEDS", str(uri), folder, label=f"output {uri}")
        except ValueError as exc:
            raise Refused(BAD_ARGUMENTS, f"{exc}; nothing done") from None


STORAGE_LIBRARIES = {"s3": "boto3", "gs": "google.cloud.storage"}
"""The library each remote feed storage of Scrapy needs (``scrapy.extensions.feedexport``):
without it Scrapy disables the feed and the crawl would run with its records going nowhere."""


def refuse_unstorable(settings, uri: str) -> None:
    """Raise :class:`Refused` (status 2) when no feed storage of ``FEED_STORAGES`` serves the
    scheme of the remote feed ``uri``, or the one that does lacks its library
    (:data:`STORAGE_LIBRARIES`)."""
    import importlib.util

    scheme = urlsplit(uri).scheme.lower()
    if scheme not in settings.getwithbase("FEED_STORAGES"):
        raise Refused(BAD_ARGUMENTS, f"output {uri}: no feed storage for {scheme}:// (FEED_STORAGES); nothing done")
    library = STORAGE_LIBRARIES.get(scheme)
    try:
        found = library is None or importlib.util.find_spec(library) is not None
    except ModuleNotFoundError:
        found = False
    if not found:
        raise Refused(BAD_ARGUMENTS, f"output {uri}: {scheme}:// feeds need the {library.split('.')[0]} library, "
                                     "which is not installed; nothing done")


def crawl_lock(path: str | Path):
    """Take the exclusive crawl lock ``path`` (``fcntl.flock``, created with its folder; the
    holder's pid is written in it). Returns the open file, which holds the lock until it is
    closed or the process ends (a killed process releases it too). Raises :class:`Refused`
    (status 3) at once, without waiting, when another process holds it."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fh = open(path, "a+", encoding="utf-8")
    try:
        fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        fh.seek(0)
        holder = fh.read().strip() or "?"
        fh.close()
        raise Refused(LOCKED, f"another crawl is running (pid {holder} holds {path}); nothing done") from None
    fh.seek(0)
    fh.truncate()
    fh.write(f"{os.getpid()}\n")
    fh.flush()
    return fh


def job_folder(settings, job: Job) -> Path | None:
    """The ``JOBDIR`` of ``job`` (``--jobdir``'s folder for it, else the setting), or ``None``."""
    folder = job.jobdir or settings.get("JOBDIR")
    return Path(folder) if folder else None


def lock(settings, jobs: list[Job]) -> contextlib.ExitStack:
    """The locks a run holds until it ends, released by the returned stack's ``close()``:

    - the crawl lock ``<NEWSBOT_STATE_DIR>/crawl.lock`` when any job is incremental (runs that
      write with ``-O`` or ``incremental=false`` share no state and need none);
    - each job folder's :data:`JOB_LOCK`, whatever the run writes: two runs on one folder would
      empty and refill each other's queue.

    Raises :class:`Refused` (status 3, the holder's pid named) when another process holds one;
    the locks taken before it are released."""
    held = contextlib.ExitStack()
    try:
        if any(incremental(settings, job.arguments) for job in jobs):
            held.enter_context(crawl_lock(state_dir(settings) / "crawl.lock"))
        for folder in {f for f in (job_folder(settings, job) for job in jobs) if f is not None}:
            held.enter_context(crawl_lock(folder / JOB_LOCK))
    except BaseException:
        held.close()
        raise
    return held


def start(settings, jobs: list[Job], process=None, held=None, told: bool = True) -> list[Result]:
    """Run ``jobs`` (already :func:`prepare`\\ d) in one Scrapy process (``process``: a
    ``CrawlerProcess`` made with ``settings``, else a new one), holding the locks ``held``
    (from :func:`lock`, released once the job folders are cleared); returns one
    :class:`Result` a job, after telling each job's summary line (:func:`tell_results`: on
    stderr, and in ``LOG_FILE``) unless ``told`` is false (``newsbot check``, which reports in
    its own words, and :func:`newsbot.api.extract_url`, which raises or returns instead). The
    extraction workers' fork server is started first (:func:`newsbot.workers.start_fork_server`,
    unless ``NEWSBOT_EXTRACT_WORKERS`` is 0), so its imports run while Scrapy starts the crawl."""
    from scrapy.crawler import CrawlerProcess

    from .runstats import write_unwritten
    from .workers import start_fork_server, worker_count

    if worker_count(settings.getint("NEWSBOT_EXTRACT_WORKERS")) > 0:
        start_fork_server()  # its imports run while Scrapy starts the crawl
    try:
        process = process or CrawlerProcess(settings)
        logger.info(start_line(settings, jobs))
        crawlers = []
        for job in jobs:
            crawler = process.create_crawler(job.spider)  # settings copied, not frozen yet
            if job.jobdir:
                crawler.settings.set("JOBDIR", job.jobdir, priority="cmdline")
            crawlers.append((job, crawler))
            process.crawl(crawler, **job.arguments)
        process.start()
        results = []
        for job, crawler in crawlers:
            name = getattr(getattr(crawler, "spider", None), "name", None) or job.spider
            stats = crawler.stats.get_stats() if crawler.stats else {}
            status, line = summary(name, stats or None)
            write_unwritten(crawler)
            clear_finished_job(crawler)  # under the job folder's lock
            results.append(Result(name, status, line, dict(stats)))
    finally:
        if held is not None:
            held.close()
    if told:
        tell_results(settings, results)
    return results


def start_line(settings, jobs: list[Job]) -> str:
    """The run's first log line: newsbot's version, the spiders and their arguments, the
    seen-store (or a full crawl) and the output files' templates, e.g. ``newsbot 0.1.0:
    crawling euronews (lang=de); incremental, seen-store output/.state/seen.sqlite; output
    output/%(name)s/…jsonl; -L DEBUG logs Scrapy's settings and stats and every failure``."""
    from .incremental import seen_store_path
    from .useragent import package_version

    names = ", ".join(job.spider for job in jobs)
    arguments = {k: v for job in jobs[:1] for k, v in job.arguments.items() if not k.startswith("_")}
    shown = f" ({', '.join(f'{k}={v}' for k, v in arguments.items())})" if arguments else ""
    state = (f"incremental, seen-store {seen_store_path(settings)}" if any(incremental(settings, j.arguments)
                                                                          for j in jobs) else "full crawl")
    feeds = ", ".join(str(uri) for uri in settings.getdict("FEEDS")) or "no output file"
    return (f"newsbot {package_version()}: crawling {names}{shown}; {state}; output {feeds}; "
            "-L DEBUG logs Scrapy's settings and stats and every failure")


def tell(settings, line: str, level: int = logging.INFO) -> None:
    """Print ``line`` (a summary line, a refusal) on stderr and, when the run logs to a file
    (``LOG_FILE``: scrapyd's job log, the one its ``log_url`` serves), log it there at ``level``
    too, through Scrapy's root handler (installed for ``settings`` first when Scrapy has not
    installed it yet, as for a run refused before it starts). A log file that cannot be opened,
    or logging settings Scrapy refuses, leave the line on stderr alone."""
    print(line, file=sys.stderr)
    if not settings.get("LOG_FILE"):
        return  # the log is stderr itself
    from scrapy.utils.log import get_scrapy_root_handler, install_scrapy_root_handler

    if get_scrapy_root_handler() is None:
        try:
            install_scrapy_root_handler(settings)
        except (OSError, ValueError, TypeError):
            return
    logger.log(level, line)


def tell_results(settings, results: list[Result]) -> None:
    """:func:`tell` each job's summary line (a failed job's at ERROR)."""
    for result in results:
        tell(settings, result.line, logging.ERROR if result.status else logging.INFO)


def crawl(settings, jobs: list[Job], told: bool = True) -> list[Result]:
    """:func:`prepare`, :func:`lock`, then :func:`start` (``told``: as there): the whole run
    (raises :class:`Refused`)."""
    prepare(settings, jobs)
    return start(settings, jobs, held=lock(settings, jobs), told=told)


def worst(results: list[Result]) -> int:
    """The exit status of a run: the worst of its jobs' (0 when there are none)."""
    return max((r.status for r in results), default=OK)


JOB_FOUND = "newsbot.found"
"""A file newsbot keeps in a ``JOBDIR`` a run left unfinished (paused, past its deadline): how
many articles that run and the runs it resumed found (written or already stored), so a run
that resumes a queue the pause had already emptied is not taken for one that found nothing."""
JOB_FILES = ("requests.seen", "requests.queue", "spider.state", JOB_FOUND)  # Scrapy's files in JOBDIR, and ours
JOB_LOCK = "newsbot.lock"
"""The lock file (:func:`crawl_lock`) a run holds in each ``JOBDIR`` it uses, removed with the
folder's other files when its job finished."""
JOB_MARK = "newsbot.running"
"""A file newsbot keeps in a ``JOBDIR`` while a crawl uses it: present at start, the last run on
the folder did not close its engine (SIGKILL, a forced stop, a crash)."""


def _found_before(path: Path) -> int:
    """The count :data:`JOB_FOUND` holds, 0 when there is none or it cannot be read."""
    try:
        return max(0, int(path.read_text(encoding="utf-8").strip()))
    except (OSError, ValueError):
        return 0


def _remove_job_files(folder: Path) -> bool:
    """Remove Scrapy's files (:data:`JOB_FILES`) from the job folder ``folder``; True when
    there were any."""
    removed = False
    for entry in JOB_FILES:
        path = folder / entry
        if path.is_dir():
            shutil.rmtree(path)
            removed = True
        elif path.exists():
            path.unlink()
            removed = True
    return removed


class JobFolder:
    """Extension (with a ``JOBDIR``): a job folder that the last run on it did not close cleanly
    is not resumed. Scrapy writes the queue's state (``requests.queue/active.json``) only when
    the engine closes, while the seen-request fingerprints (``requests.seen``) are written as
    requests are made: after a SIGKILL, a second Ctrl-C or a crash the queue reads as empty and
    the start requests as already made, so a resume would fetch nothing. Such a folder (marked
    by :data:`JOB_MARK`, written when a crawl opens it and removed when its engine stops) is
    emptied before Scrapy's scheduler reads it and the crawl starts afresh: one WARNING, counted
    in :data:`newsbot.stats.JOBDIR_UNCLEAN`. Articles the killed run committed are skipped by
    the seen-store as usual. A run that stops unfinished writes how many articles it (and the
    runs it resumed) found to :data:`JOB_FOUND`; the run resuming the folder counts them in
    :data:`newsbot.stats.JOB_FOUND_BEFORE`, part of its ``articles_found``
    (:func:`newsbot.stats.figures`)."""

    def __init__(self, crawler, folder: Path):
        self.crawler = crawler
        self.folder = folder
        self.mark = folder / JOB_MARK
        self.unclean = self.mark.exists()
        if self.unclean:
            _remove_job_files(folder)
        self.found_before = _found_before(folder / JOB_FOUND)
        folder.mkdir(parents=True, exist_ok=True)
        self.mark.write_text(f"{os.getpid()}\n", encoding="utf-8")

    @classmethod
    def from_crawler(cls, crawler):
        from scrapy import signals
        from scrapy.exceptions import NotConfigured

        jobdir = crawler.settings.get("JOBDIR")
        if not jobdir:
            raise NotConfigured  # no message: Scrapy would log one at WARNING
        ext = cls(crawler, Path(jobdir))
        crawler.signals.connect(ext.spider_opened, signal=signals.spider_opened)
        crawler.signals.connect(ext.spider_closed, signal=signals.spider_closed)
        crawler.signals.connect(ext.engine_stopped, signal=signals.engine_stopped)
        return ext

    def spider_opened(self, spider):
        """Count and log an unclean folder started afresh, once; carry the articles the runs
        this one resumes found."""
        from .stats import JOB_FOUND_BEFORE, JOBDIR_UNCLEAN

        if self.found_before:
            self.crawler.stats.set_value(JOB_FOUND_BEFORE, self.found_before)
        if self.unclean:
            self.crawler.stats.inc_value(JOBDIR_UNCLEAN)
            logger.warning("Job folder %s was left by a run that did not stop cleanly (killed, or a second "
                           "Ctrl-C); its queue cannot be resumed, so %s starts afresh (articles already "
                           "written are skipped by the seen-store)", self.folder, spider.name,
                           extra={"spider": spider})

    def spider_closed(self, spider, reason):
        """A run that did not finish (the folder is kept to be resumed): write the articles
        found so far to :data:`JOB_FOUND`."""
        if reason == "finished":
            return
        from .stats import figures

        found = figures(self.crawler.stats.get_stats())["articles_found"]
        with contextlib.suppress(OSError):
            (self.folder / JOB_FOUND).write_text(f"{found}\n", encoding="utf-8")

    def engine_stopped(self):
        """The engine closed (the queue's state written): the folder can be resumed."""
        with contextlib.suppress(OSError):
            self.mark.unlink()


def clear_finished_job(crawler) -> bool:
    """After a crawl whose finish reason is ``finished``, remove Scrapy's files from its
    ``JOBDIR`` (the seen-request fingerprints, the empty queue, the spider state) and the
    folder when that leaves it empty, so the next run with the same job folder starts afresh
    instead of filtering its feeds as already seen. A paused or failed run keeps its folder to
    be resumed. Returns True when files were removed."""
    jobdir = crawler.settings.get("JOBDIR") if crawler.settings else None
    stats = crawler.stats.get_stats() if crawler.stats else {}
    if not jobdir or stats.get("finish_reason") != "finished":
        return False
    folder = Path(jobdir)
    removed = _remove_job_files(folder)
    with contextlib.suppress(OSError):
        (folder / JOB_LOCK).unlink()  # still held: a run starting now makes a new one
    with contextlib.suppress(OSError):
        folder.rmdir()  # only when empty
    return removed
