"""Run outcome: one summary line and an exit status per crawler, from its stats.

Exit statuses: 0 the crawl finished and wrote what it found; 1 the crawl failed (no record
and no feed or sitemap read while requests failed, invalid records, spider errors, abnormal
finish, a failed monitor of :mod:`newsbot.monitors`); 2 bad
arguments or settings (refused before start); 3 another ``newsbot crawl`` holds the crawl lock
(nothing was done; see :func:`crawl_lock`).
"""
from __future__ import annotations

import fcntl
import os
from pathlib import Path

OK, FAILED, BAD_ARGUMENTS, LOCKED = 0, 1, 2, 3


# name: (kind, smallest allowed value, what the value means); kind "int" or "float"
NUMERIC_SETTINGS = {
    "DOWNLOAD_TIMEOUT": ("float", 0.001, "seconds"),
    "DOWNLOAD_MAXSIZE": ("int", 0, "bytes; 0: no limit"),
    "DOWNLOAD_WARNSIZE": ("int", 0, "bytes; 0: no warning"),
    "DOWNLOAD_DELAY": ("float", 0, "seconds"),
    "CONCURRENT_REQUESTS": ("int", 1, "requests"),
    "CONCURRENT_REQUESTS_PER_DOMAIN": ("int", 1, "requests"),
    "AUTOTHROTTLE_START_DELAY": ("float", 0, "seconds"),
    "AUTOTHROTTLE_MAX_DELAY": ("float", 0, "seconds"),
    "AUTOTHROTTLE_TARGET_CONCURRENCY": ("float", 0.001, "requests"),
    "RETRY_TIMES": ("int", 0, "retries"),
    "REDIRECT_MAX_TIMES": ("int", 0, "redirects"),
    "CLOSESPIDER_TIMEOUT": ("float", 0, "seconds; 0: none"),
    "CLOSESPIDER_ITEMCOUNT": ("int", 0, "items; 0: none"),
    "CLOSESPIDER_PAGECOUNT": ("int", 0, "pages; 0: none"),
    "CLOSESPIDER_ERRORCOUNT": ("int", 0, "errors; 0: none"),
    "MEMUSAGE_LIMIT_MB": ("int", 0, "MiB; 0: none"),
    "MEMUSAGE_WARNING_MB": ("int", 0, "MiB; 0: none"),
    "CONCURRENT_ITEMS": ("int", 1, "items"),
    "REACTOR_THREADPOOL_MAXSIZE": ("int", 1, "threads"),
    "DNS_TIMEOUT": ("float", 0.001, "seconds"),
    "LOGSTATS_INTERVAL": ("float", 0, "seconds; 0: none"),
    "MEMUSAGE_CHECK_INTERVAL_SECONDS": ("float", 0.001, "seconds"),
    "NEWSBOT_RETRY_BACKOFF": ("float", 0, "seconds"),
    "NEWSBOT_RETRY_BACKOFF_MAX": ("float", 0, "seconds"),
    "NEWSBOT_RETRY_AFTER_MAX": ("float", 0, "seconds"),
    "NEWSBOT_MAX_SITEMAP_URLS": ("int", 1, "entries"),
    "NEWSBOT_MAX_QUEUED": ("int", 1, "requests"),
}
BOOLEAN_SETTINGS = ("NEWSBOT_ALLOW_LOOPBACK", "NEWSBOT_PROVENANCE", "NEWSBOT_INCREMENTAL", "ROBOTSTXT_OBEY", "AUTOTHROTTLE_ENABLED",
                    "RETRY_ENABLED", "REDIRECT_ENABLED", "DOWNLOAD_FAIL_ON_DATALOSS")


def _check_limits(settings) -> None:
    for name, (kind, least, unit) in NUMERIC_SETTINGS.items():
        value = settings.get(name)
        if value is None:
            continue
        try:
            number = int(str(value).strip()) if kind == "int" else float(str(value).strip())
        except ValueError:
            raise ValueError(f"{name}={value!r} is not a {'whole ' if kind == 'int' else ''}number of {unit}") from None
        if number != number or number in (float("inf"), float("-inf")) or number < least:
            raise ValueError(f"{name}={value!r} must be at least {least} ({unit})")
    for name in BOOLEAN_SETTINGS:
        try:
            settings.getbool(name)
        except ValueError:
            raise ValueError(f"{name}={settings.get(name)!r} is not true or false") from None
    try:
        codes = [int(c) for c in settings.getlist("RETRY_HTTP_CODES")]
    except ValueError:
        raise ValueError(f"RETRY_HTTP_CODES={settings.get('RETRY_HTTP_CODES')!r} is not a list of HTTP statuses") from None
    if any(not 100 <= c <= 599 for c in codes):
        raise ValueError(f"RETRY_HTTP_CODES={settings.get('RETRY_HTTP_CODES')!r} holds a value that is not an HTTP status")


def check_settings(settings) -> None:
    """Validate settings before a crawl; raise ``ValueError`` with one line naming the first
    bad one: ``LOG_LEVEL`` (a :mod:`logging` level), the numbers of :data:`NUMERIC_SETTINGS` (a
    number, not below their least value), the switches of :data:`BOOLEAN_SETTINGS`
    (true/false/1/0), ``RETRY_HTTP_CODES`` (HTTP statuses), ``NEWSBOT_MONITOR`` /
    ``NEWSBOT_MONITOR_PORTALS`` (JSON objects of known thresholds), the classes of
    ``NEWSBOT_SEEN_STORE_CLASS`` and ``NEWSBOT_MONITOR_ACTIONS`` (importable),
    ``NEWSBOT_STATE_DIR`` (a folder that can be written), ``NEWSBOT_REPLAY`` (an existing,
    complete WARC file holding at least one response record), ``NEWSBOT_ARCHIVE`` (not a
    folder; an existing file must be a WARC), ``NEWSBOT_PORTALS_FILE`` and ``NEWSBOT_RESOLVE``
    (host names mapped to loopback addresses only, :func:`newsbot.resolver.resolve_map`)."""
    _check_log_level(settings)
    _check_contact(settings)
    _check_limits(settings)
    _check_monitor_settings(settings)
    _check_classes(settings)
    _check_state_dir(settings)
    _check_seen_store(settings)
    replay = settings.get("NEWSBOT_REPLAY")
    if replay:
        path = Path(replay)
        if not path.is_file():
            raise ValueError(f"NEWSBOT_REPLAY={replay}: no such file")
        from .warc import WarcIndex

        try:
            index = WarcIndex(path)  # ValueError for a file that is not a WARC or is cut short
        except OSError as exc:
            raise ValueError(f"NEWSBOT_REPLAY={replay} cannot be read ({exc.strerror or exc})") from None
        except ValueError as exc:
            raise ValueError(f"NEWSBOT_REPLAY={replay}: {str(exc).removeprefix(f'{path}: ')}") from None
        if not len(index):
            raise ValueError(f"NEWSBOT_REPLAY={replay}: the WARC file holds no response record")
    archive = settings.get("NEWSBOT_ARCHIVE")
    if archive:
        if Path(archive).is_dir():
            raise ValueError(f"NEWSBOT_ARCHIVE={archive} is a folder, not a file path")
        from .warc import check_appendable

        try:
            check_appendable(archive)
        except ValueError as exc:
            raise ValueError(f"NEWSBOT_ARCHIVE={archive}: {str(exc).removeprefix(f'{archive} ')}") from None
        _check_writable_folder("NEWSBOT_ARCHIVE", archive, Path(archive).parent)
    portals = settings.get("NEWSBOT_PORTALS_FILE")
    if portals:
        from .portals import load_registry

        load_registry(portals)  # raises ValueError naming the file, portal and key
    from .resolver import resolve_map

    resolve_map(settings.get("NEWSBOT_RESOLVE"))  # ValueError: not host:ip, or not loopback


def _check_log_level(settings) -> None:
    """``LOG_LEVEL`` must be a level name :mod:`logging` knows (``DEBUG``…``CRITICAL``) or a
    whole number."""
    import logging

    value = settings.get("LOG_LEVEL")
    if value is None or isinstance(value, int) and not isinstance(value, bool):
        return
    if str(value) not in logging.getLevelNamesMapping():
        raise ValueError(f"LOG_LEVEL={value!r} is not a log level (DEBUG, INFO, WARNING, ERROR, CRITICAL)")


def _check_contact(settings) -> None:
    """``NEWSBOT_CONTACT_URL`` goes into the User-Agent header: no control characters."""
    value = str(settings.get("NEWSBOT_CONTACT_URL") or "")
    if any(ord(c) < 32 or ord(c) == 127 for c in value):
        raise ValueError(f"NEWSBOT_CONTACT_URL={value!r} holds control characters")


def _check_monitor_settings(settings) -> None:
    """``NEWSBOT_MONITOR`` / ``NEWSBOT_MONITOR_PORTALS`` must read as JSON objects of known
    thresholds (see :func:`newsbot.monitors.thresholds`)."""
    for name in ("NEWSBOT_MONITOR", "NEWSBOT_MONITOR_PORTALS"):
        try:
            settings.getdict(name)
        except (TypeError, ValueError):
            raise ValueError(f"{name}={settings.get(name)!r} is not a JSON object") from None
    from .monitors import thresholds

    try:
        thresholds(settings, None)
    except (TypeError, AttributeError) as exc:
        raise ValueError(f"NEWSBOT_MONITOR / NEWSBOT_MONITOR_PORTALS: bad value ({exc})") from None


def _check_classes(settings) -> None:
    """The classes named by ``NEWSBOT_SEEN_STORE_CLASS`` and ``NEWSBOT_MONITOR_ACTIONS``
    (``module.Name`` paths) must import."""
    from scrapy.utils.misc import load_object

    named = [("NEWSBOT_SEEN_STORE_CLASS", settings.get("NEWSBOT_SEEN_STORE_CLASS"))]
    try:
        named += [("NEWSBOT_MONITOR_ACTIONS", path) for path in settings.getlist("NEWSBOT_MONITOR_ACTIONS")]
    except (TypeError, ValueError):
        raise ValueError(f"NEWSBOT_MONITOR_ACTIONS={settings.get('NEWSBOT_MONITOR_ACTIONS')!r} "
                         "is not a list of class paths") from None
    for name, path in named:
        if not path:
            continue
        if not isinstance(path, str):
            if callable(path):
                continue  # a class given directly (Python settings)
            raise ValueError(f"{name}={path!r} is not a class path (module.Name)")
        try:
            load_object(path.strip())
        except Exception as exc:  # ValueError, ImportError, NameError from load_object
            raise ValueError(f"{name}={path!r} cannot be imported ({exc.__class__.__name__}: {exc})") from None


def _check_writable_folder(name: str, value: str, folder: Path) -> None:
    """``ValueError`` naming setting ``name`` when ``folder`` could not be created or written:
    its nearest existing ancestor must be a folder in which a file can be created (tried with a
    temporary file, removed at once; nothing else is created)."""
    import tempfile

    existing = folder.absolute()
    while not existing.exists() and existing != existing.parent:
        existing = existing.parent
    if not existing.is_dir():
        raise ValueError(f"{name}={value}: {existing} is not a folder")
    try:
        with tempfile.TemporaryFile(dir=existing):
            pass
    except OSError as exc:
        raise ValueError(f"{name}={value}: cannot write in {existing} ({exc.strerror or exc})") from None


def _check_state_dir(settings) -> None:
    """``NEWSBOT_STATE_DIR`` (and the folder of ``NEWSBOT_SEEN_STORE``) must be writable."""
    state = settings.get("NEWSBOT_STATE_DIR")
    if state:
        _check_writable_folder("NEWSBOT_STATE_DIR", state, Path(state))
    store = settings.get("NEWSBOT_SEEN_STORE")
    if store:
        if Path(store).is_dir():
            raise ValueError(f"NEWSBOT_SEEN_STORE={store} is a folder, not a file path")
        _check_writable_folder("NEWSBOT_SEEN_STORE", store, Path(store).parent)


def _top(counts: dict[str, int], n: int = 3) -> str:
    return ", ".join(f"{k} ×{v}" for k, v in sorted(counts.items(), key=lambda kv: -kv[1])[:n])


def summarize(name: str, stats: dict | None) -> tuple[int, str]:
    """``(status, line)`` for one finished crawl given its stats dict (``None`` when the
    crawler never started)."""
    if not stats:
        return FAILED, f"{name}: FAILED: the crawl did not start"
    records = stats.get("item_scraped_count", 0)
    # final failures by kind (after retries; see newsbot.middlewares.failure_kind), else, for
    # requests without an errback (robots.txt), Scrapy's count of download exceptions
    failures = {k.split("/", 2)[-1]: v for k, v in stats.items() if k.startswith("newsbot/errors/")}
    failures |= {"redirect_" + k.split("/", 2)[-1]: v for k, v in stats.items()
                 if k.startswith("newsbot/redirect_refused/")}
    if not failures:
        failures = {k.rsplit("/", 1)[-1].rsplit(".", 1)[-1]: v for k, v in stats.items()
                    if k.startswith("downloader/exception_type_count/")}
    invalid = {k.split("/", 3)[-1]: v for k, v in stats.items() if k.startswith("newsbot/dropped/invalid/")}
    spider_errors = {k.split("/", 1)[-1]: v for k, v in stats.items()
                     if k.startswith("spider_exceptions/") and k != "spider_exceptions/count"}
    reason = stats.get("finish_reason", "?")
    problems = []
    discovered = sum(v for k, v in stats.items() if k.startswith("newsbot/discovery/") and k != "newsbot/discovery/not_xml")
    if records == 0 and not discovered and failures:
        problems.append(f"no records; requests failed: {_top(failures)}")
    blocked = stats.get(f"newsbot/blocked/{name}", 0)
    if records == 0 and blocked:
        problems.append(f"no records; the portal refused the crawler {blocked} times (HTTP 403 or challenge page)")
    if invalid:
        problems.append(f"records dropped as invalid (markup changed?): {_top(invalid)}")
    if spider_errors:
        problems.append(f"spider errors: {_top(spider_errors)}")
    item_errors = {k.rsplit("/", 1)[-1]: v for k, v in stats.items() if k.startswith("newsbot/item_errors/")}
    if item_errors:
        problems.append(f"records lost to processing errors: {_top(item_errors)}")
    output = {k.rsplit("/", 1)[-1]: v for k, v in stats.items()
              if k.startswith(("feedexport/failed_count/", "newsbot/output_failed/"))}
    if output:
        problems.append(f"output file not written: {_top(output)}")
    if reason != "finished" and not str(reason).startswith("closespider_"):
        problems.append(f"finish reason {reason}")
    monitors = [m for m in stats.get("newsbot/monitors/failed") or [] if m not in problems]
    if monitors:
        problems.append("monitors: " + "; ".join(monitors))
    if problems:
        return FAILED, f"{name}: FAILED: " + "; ".join(problems)
    failed = sum(failures.values())
    stored = stats.get("newsbot/skipped/seen", 0) + stats.get("newsbot/dropped/unchanged", 0)
    return OK, (f"{name}: ok: {records} records written, {failed} failed requests"
                + (f", {stored} already stored" if stored else ""))


def _check_seen_store(settings) -> None:
    """An existing embedded seen-store must open (``ValueError`` naming the file otherwise)."""
    from .incremental import seen_store_path
    from .seenstore import SqliteSeenStore

    if not settings.getbool("NEWSBOT_INCREMENTAL", True):
        return
    if settings.get("NEWSBOT_SEEN_STORE_CLASS") not in (None, "", "newsbot.seenstore.SqliteSeenStore"):
        return
    path = seen_store_path(settings)
    if path.exists():
        store = SqliteSeenStore(path)
        try:
            len(store)
        except Exception as exc:  # sqlite3.DatabaseError: not a database, or not ours
            raise ValueError(f"seen-store {path} is not usable: {exc}") from None
        finally:
            store.close()


class CrawlLocked(Exception):
    """Another process holds the crawl lock; ``str()`` is the one-line message."""


def crawl_lock(path: str | Path):
    """Take the exclusive crawl lock ``path`` (``fcntl.flock``, created with its folder;
    the holder's pid is written in it). Returns the open file, which holds the lock until it is
    closed or the process ends (a killed process releases it too). Raises :class:`CrawlLocked`
    at once, without waiting, when another process holds it."""
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    fh = open(path, "a+", encoding="utf-8")
    try:
        fcntl.flock(fh, fcntl.LOCK_EX | fcntl.LOCK_NB)
    except BlockingIOError:
        fh.seek(0)
        holder = fh.read().strip() or "?"
        fh.close()
        raise CrawlLocked(f"another crawl is running (pid {holder} holds {path}); nothing done") from None
    fh.seek(0)
    fh.truncate()
    fh.write(f"{os.getpid()}\n")
    fh.flush()
    return fh
