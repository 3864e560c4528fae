"""The settings table: every setting newsbot defines or checks, with its type, default and
limits, in one place. :mod:`newsbot.settings` takes newsbot's defaults from here;
:func:`check` validates a crawl's settings before it starts (one line naming the first bad
one); :func:`value` reads one typed.

Kinds: ``int`` / ``float`` (a finite number from ``least`` to ``most``), ``bool`` (true/false/True/False/1/0, what Scrapy's ``getbool`` reads),
``str``, ``path`` (a file path; ``folder``: a folder that must be writable), ``json`` (a JSON
object or a dict), ``list`` (a list, or comma-separated text), ``class`` (an importable
``module.Name``). ``default`` is ``None`` for Scrapy's own settings (Scrapy's default applies).
"""
from __future__ import annotations

import errno
import logging
import os
import tempfile
import warnings
from dataclasses import dataclass
from pathlib import Path
from typing import Any


@dataclass(frozen=True)
class Setting:
    """One setting: ``name``, ``kind`` (see the module docstring), ``default`` (``None``: Scrapy's),
    ``least`` / ``most`` (smallest / greatest number allowed), ``unit`` / ``doc`` (what the
    value means)."""

    name: str
    kind: str
    default: Any = None
    least: float | None = None
    unit: str = ""
    doc: str = ""
    most: float | None = None


_OWN = (
    Setting("NEWSBOT_CONTACT_URL", "str", "https://github.com/newsbot-eu/newsbot",
            doc="contact URL placed in the User-Agent"),
    Setting("NEWSBOT_ARCHIVE", "path", "", doc="a .warc.gz that receives every response (WARC records)"),
    Setting("NEWSBOT_REPLAY", "path", "", doc="a .warc.gz that answers requests instead of the network"),
    Setting("NEWSBOT_ALLOW_LOOPBACK", "bool", False,
            doc="allow redirects to loopback hosts (tests); private, link-local and reserved are always refused"),
    Setting("NEWSBOT_PROVENANCE", "bool", False, doc="add provenance ({field: layer}) to each record"),
    Setting("NEWSBOT_STATE_DIR", "folder", "output/.state", doc="folder of the crawl state (seen-store, lock, journals)"),
    Setting("NEWSBOT_INCREMENTAL", "bool", True,
            doc="skip and drop articles earlier runs wrote (off for -O; -a incremental=false for one run)"),
    Setting("NEWSBOT_SEEN_STORE", "path", "", doc="path of the SQLite seen-store (default <NEWSBOT_STATE_DIR>/seen.sqlite)"),
    Setting("NEWSBOT_SEEN_STORE_CLASS", "class", "newsbot.seenstore.SqliteSeenStore", doc="the seen-store's implementation"),
    Setting("NEWSBOT_MONITOR", "json", {}, doc="monitor thresholds for every portal (newsbot.monitors)"),
    Setting("NEWSBOT_MONITOR_PORTALS", "json", {}, doc="{portal: thresholds}, merged over NEWSBOT_MONITOR"),
    Setting("NEWSBOT_MONITOR_ACTIONS", "list", [], doc="Spidermon action classes run when a monitor fails"),
    Setting("NEWSBOT_RETRY_BACKOFF", "float", 1.0, 0, "seconds", "wait before the first retry, doubled at each further one"),
    Setting("NEWSBOT_RETRY_BACKOFF_MAX", "float", 30.0, 0, "seconds", "longest backoff wait"),
    Setting("NEWSBOT_RETRY_AFTER_MAX", "float", 120.0, 0, "seconds",
            "longest Retry-After honoured; a server asking for more is not retried"),
    Setting("NEWSBOT_MAX_SITEMAP_URLS", "int", 50_000, 1, "entries", "entries read from one feed or sitemap"),
    Setting("NEWSBOT_PORTALS_FILE", "path", os.environ.get("NEWSBOT_PORTALS_FILE", ""),
            doc="a portal file or a folder of them (default: the environment variable of the same name)"),
    Setting("NEWSBOT_MAX_QUEUED", "int", 2000, 1, "requests",
            "article requests of sitemaps and feeds waiting in the scheduler at once"),
    Setting("NEWSBOT_CHUNK_RECORDS", "int", 5000, 0, "records; 0: one file a run",
            "records a feed file holds before the next one starts (feeds named by batch, as the default is); "
            "each file and its seen-store entries are committed when it is full"),
    Setting("NEWSBOT_MAX_HEADERS", "int", 200, 1, "header lines", "header lines of one response"),
    Setting("NEWSBOT_MAX_HEADER_BYTES", "int", 256 * 1024, 1024, "bytes", "bytes of one response's header section"),
    Setting("NEWSBOT_STANDARD_DISCOVERY", "bool", True,
            doc="read each edition's robots.txt and home page for the sitemaps, feeds and REST root the site "
                "announces, before the portal file's endpoints"),
    Setting("NEWSBOT_MAX_ROBOTS_SITEMAPS", "int", 50, 0, "sitemaps",
            "Sitemap: lines of one robots.txt read (the others left out, counted and logged once)"),
    Setting("NEWSBOT_MAX_SITEMAP_DEPTH", "int", 4, 1, "levels",
            "sitemap indexes followed below a root sitemap (an index of indexes of urlsets is 2)"),
    Setting("NEWSBOT_DEADLINE", "float", 3 * 3600.0, 0, "seconds; 0: none",
            "longest a run may take; then it commits what it has, stops (finish reason deadline) and exits 1"),
    Setting("NEWSBOT_EXTRACT_WORKERS", "int", -1, -1, "processes; -1: one a core, 0: none",
            "worker processes extracting pages beside the crawl (each holds a parser and a page: a "
            "few dozen MiB)", most=256),
    Setting("NEWSBOT_EXTRACT_TIMEOUT", "float", 60.0, 0, "seconds; 0: none",
            "longest a worker may extract one page: a page past it is dropped (extraction_timeout) "
            "and its worker replaced (none applies with NEWSBOT_EXTRACT_WORKERS = 0)"),
    Setting("NEWSBOT_ARTICLE_PAGES", "int", 20, 1, "pages; 1: each page alone",
            "pages of an article printed over several (rel=next) read and joined into one record"),
    Setting("NEWSBOT_RESOLVE", "str", {},
            doc="host names answered with a loopback address and, given one, a port, like curl --resolve "
                "(newsbot.resolver)"),
)
_SCRAPY = (
    Setting("DOWNLOAD_TIMEOUT", "float", least=0.001, unit="seconds"),
    Setting("DOWNLOAD_MAXSIZE", "int", least=0, unit="bytes; 0: no limit"),
    Setting("DOWNLOAD_WARNSIZE", "int", least=0, unit="bytes; 0: no warning"),
    Setting("DOWNLOAD_DELAY", "float", least=0, unit="seconds"),
    Setting("CONCURRENT_REQUESTS", "int", least=1, unit="requests"),
    Setting("CONCURRENT_REQUESTS_PER_DOMAIN", "int", least=1, unit="requests"),
    Setting("AUTOTHROTTLE_START_DELAY", "float", least=0, unit="seconds"),
    Setting("AUTOTHROTTLE_MAX_DELAY", "float", least=0, unit="seconds"),
    Setting("AUTOTHROTTLE_TARGET_CONCURRENCY", "float", least=0.001, unit="requests"),
    Setting("RETRY_TIMES", "int", least=0, unit="retries"),
    Setting("REDIRECT_MAX_TIMES", "int", least=0, unit="redirects"),
    Setting("CLOSESPIDER_TIMEOUT", "float", least=0, unit="seconds; 0: none"),
    Setting("CLOSESPIDER_ITEMCOUNT", "int", least=0, unit="items; 0: none"),
    Setting("CLOSESPIDER_PAGECOUNT", "int", least=0, unit="pages; 0: none"),
    Setting("CLOSESPIDER_ERRORCOUNT", "int", least=0, unit="errors; 0: none"),
    Setting("MEMUSAGE_LIMIT_MB", "int", least=0, unit="MiB; 0: none"),
    Setting("MEMUSAGE_WARNING_MB", "int", least=0, unit="MiB; 0: none"),
    Setting("CONCURRENT_ITEMS", "int", least=1, unit="items"),
    Setting("REACTOR_THREADPOOL_MAXSIZE", "int", least=1, unit="threads"),
    Setting("DNS_TIMEOUT", "float", least=0.001, unit="seconds"),
    Setting("LOGSTATS_INTERVAL", "float", least=0, unit="seconds; 0: none"),
    Setting("MEMUSAGE_CHECK_INTERVAL_SECONDS", "float", least=0.001, unit="seconds"),
    Setting("ROBOTSTXT_OBEY", "bool"),
    Setting("AUTOTHROTTLE_ENABLED", "bool"),
    Setting("RETRY_ENABLED", "bool"),
    Setting("REDIRECT_ENABLED", "bool"),
    Setting("DOWNLOAD_FAIL_ON_DATALOSS", "bool"),
    Setting("RETRY_HTTP_CODES", "list"),
    Setting("LOG_LEVEL", "str"),
    Setting("FEED_EXPORT_BATCH_ITEM_COUNT", "int", least=0, unit="items; 0: one file"),
    Setting("JOBDIR", "folder"),
    Setting("LOG_FILE", "path"),
)
TABLE: dict[str, Setting] = {s.name: s for s in _OWN + _SCRAPY}


def defaults() -> dict[str, Any]:
    """newsbot's own settings with their defaults (for :mod:`newsbot.settings`)."""
    return {s.name: s.default for s in _OWN}


def value(settings, name: str):
    """The value of setting ``name`` read as its kind says (``int``, ``float``, ``bool``, a
    ``dict`` for ``json``, a ``list`` for ``list``, else the raw value)."""
    kind = TABLE[name].kind
    if kind == "int":
        return settings.getint(name)
    if kind == "float":
        return settings.getfloat(name)
    if kind == "bool":
        return settings.getbool(name)
    if kind == "json":
        return settings.getdict(name)
    if kind == "list":
        return settings.getlist(name)
    return settings.get(name)


_SWITCH_WORDS = frozenset({"true", "false", "True", "False", "1", "0"})
"""The values a switch (``bool`` setting) may be written as: those Scrapy's ``Settings.getbool``
reads (it takes any whole number too, which a switch does not)."""


def state_dir(settings) -> Path:
    """``NEWSBOT_STATE_DIR`` as a path (relative paths from the working directory)."""
    return Path(settings.get("NEWSBOT_STATE_DIR") or ".")


def check_kinds(settings) -> None:
    """Validate the values of settings by their kinds alone (numbers, switches, JSON objects:
    the first part of :func:`check`, which touches no file); ``ValueError`` with one line naming
    the first bad one."""
    for s in TABLE.values():
        raw = settings.get(s.name)
        if raw is None:
            continue
        if s.kind in ("int", "float"):
            try:
                number = int(str(raw).strip()) if s.kind == "int" else float(str(raw).strip())
            except ValueError:
                raise ValueError(f"{s.name}={raw!r} is not a {'whole ' if s.kind == 'int' else ''}number of {s.unit}") from None
            if number != number or number in (float("inf"), float("-inf")):
                raise ValueError(f"{s.name}={raw!r} is not a finite number of {s.unit}")
            if s.least is not None and number < s.least:
                raise ValueError(f"{s.name}={raw!r} must be at least {s.least:g} ({s.unit})")
            if s.most is not None and number > s.most:
                raise ValueError(f"{s.name}={raw!r} must be at most {s.most:g} ({s.unit})")
        elif s.kind == "bool":
            if not isinstance(raw, bool) and str(raw) not in _SWITCH_WORDS:
                raise ValueError(f"{s.name}={raw!r} is not true or false")
        elif s.kind == "json":
            try:
                settings.getdict(s.name)
            except (TypeError, ValueError):
                raise ValueError(f"{s.name}={raw!r} is not a JSON object") from None


def check(settings) -> None:
    """Validate settings before a crawl; raise ``ValueError`` with one line naming the first
    bad one: the kinds of :data:`TABLE` (numbers not below their least value, switches,
    JSON objects), ``LOG_LEVEL`` (a :mod:`logging` level), ``NEWSBOT_CONTACT_URL`` (an http(s)
    or mailto: address without control characters), ``RETRY_HTTP_CODES`` (HTTP statuses), the monitor thresholds, the classes of
    ``NEWSBOT_SEEN_STORE_CLASS`` and ``NEWSBOT_MONITOR_ACTIONS`` (importable),
    ``NEWSBOT_STATE_DIR`` (a folder that can be written), an existing seen-store (usable),
    ``NEWSBOT_REPLAY`` (an existing, complete WARC file holding at least one response record),
    ``NEWSBOT_ARCHIVE`` (not a folder; an existing file must be a WARC, and not the file
    ``NEWSBOT_REPLAY`` reads, by any path to it), ``NEWSBOT_PORTALS_FILE``
    (a good portal file), the portals ``NEWSBOT_MONITOR_PORTALS`` names (known ones) and
    ``NEWSBOT_RESOLVE`` (host names mapped to loopback addresses)."""
    check_kinds(settings)
    _check_log_level(settings)
    _check_contact(settings)
    _check_retry_codes(settings)
    _check_monitor_settings(settings)
    _check_classes(settings)
    _check_state_dir(settings)
    _check_seen_store(settings)
    _check_outputs(settings)
    _check_replay(settings)
    _check_archive(settings)
    portals = settings.get("NEWSBOT_PORTALS_FILE")
    if portals:
        from .portals import load_registry

        load_registry(portals)  # raises ValueError naming the file, portal and key
    _check_monitor_portals(settings)
    from .resolver import resolve_map

    resolve_map(settings.get("NEWSBOT_RESOLVE"))  # ValueError: not host:ip, or not loopback


def _check_monitor_portals(settings) -> None:
    """Every portal ``NEWSBOT_MONITOR_PORTALS`` names must be one of the registry's (the
    packaged portals and ``NEWSBOT_PORTALS_FILE``'s): a misspelt name would lose its thresholds
    without a word."""
    from .portals import registry

    named = settings.getdict("NEWSBOT_MONITOR_PORTALS")
    if not named:
        return
    known = sorted(registry(settings))
    unknown = [name for name in named if name not in known]
    if unknown:
        raise ValueError(f"NEWSBOT_MONITOR_PORTALS names unknown portal {', '.join(map(repr, unknown))} "
                         f"(known: {', '.join(known)})")


def _check_log_level(settings) -> None:
    """``LOG_LEVEL`` must be a level name :mod:`logging` knows (``DEBUG``…``CRITICAL``) or a
    whole number."""
    raw = settings.get("LOG_LEVEL")
    if raw is None or isinstance(raw, int) and not isinstance(raw, bool):
        return
    if str(raw) not in logging.getLevelNamesMapping():
        raise ValueError(f"LOG_LEVEL={raw!r} is not a log level (DEBUG, INFO, WARNING, ERROR, CRITICAL)")


def _check_contact(settings) -> None:
    """``NEWSBOT_CONTACT_URL`` goes into the User-Agent header: no control characters, and an
    ``http(s):`` or ``mailto:`` address (what a site's operator can follow)."""
    raw = str(settings.get("NEWSBOT_CONTACT_URL") or "")
    if any(ord(c) < 32 or ord(c) == 127 for c in raw):
        raise ValueError(f"NEWSBOT_CONTACT_URL={raw!r} holds control characters")
    if raw and not _contact_address(raw):
        raise ValueError(f"NEWSBOT_CONTACT_URL={raw!r} is not an http(s) URL with a host or a mailto: "
                         "address")


def _contact_address(raw: str) -> bool:
    """``raw`` is an http(s) URL whose host is a host name or address and whose port is valid
    (:func:`newsbot.extraction.urls.absolute`), or ``mailto:`` an address with an ``@``; with no
    white space or parenthesis (it sits inside the User-Agent's comment, RFC 9110 §5.6.5)."""
    from .extraction.urls import absolute

    if any(c.isspace() or c in "()" for c in raw):
        return False
    if raw.lower().startswith("mailto:"):
        local, at, domain = raw[7:].partition("@")
        return bool(local and at and domain)
    return raw.lower().startswith(("http://", "https://")) and absolute(raw, raw) == raw


def _check_retry_codes(settings) -> None:
    try:
        codes = [int(c) for c in settings.getlist("RETRY_HTTP_CODES")]
    except ValueError:
        raise ValueError(f"RETRY_HTTP_CODES={settings.get('RETRY_HTTP_CODES')!r} is not a list of HTTP statuses") from None
    if any(not 100 <= c <= 599 for c in codes):
        raise ValueError(f"RETRY_HTTP_CODES={settings.get('RETRY_HTTP_CODES')!r} holds a value that is not an HTTP status")


def _check_monitor_settings(settings) -> None:
    """The monitor thresholds must be known keys and values (see :func:`newsbot.monitors.thresholds`)."""
    from .monitors import thresholds

    try:
        thresholds(settings, None)
    except (TypeError, AttributeError) as exc:
        raise ValueError(f"NEWSBOT_MONITOR / NEWSBOT_MONITOR_PORTALS: bad value ({exc})") from None


_METHODS = {"NEWSBOT_SEEN_STORE_CLASS": ("lookup", "commit", "close")}
"""Methods the class a setting names must have (:class:`newsbot.seenstore.SeenStore`)."""


def _check_classes(settings) -> None:
    """The classes named by ``NEWSBOT_SEEN_STORE_CLASS`` and ``NEWSBOT_MONITOR_ACTIONS``
    (``module.Name`` paths) must import and be classes; a seen-store class must have the
    methods of :data:`_METHODS`."""
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
            with warnings.catch_warnings():  # Spidermon's e-mail action imports Scrapy's deprecated mail module
                warnings.filterwarnings("ignore", message=r"The scrapy\.mail module is deprecated")
                obj = load_object(path.strip())
        except Exception as exc:  # ValueError, ImportError, NameError from load_object
            raise ValueError(f"{name}={path!r} cannot be imported ({exc.__class__.__name__}: {exc})") from None
        if not isinstance(obj, type):
            raise ValueError(f"{name}={path!r} is not a class")
        missing = [m for m in _METHODS.get(name, ()) if not callable(getattr(obj, m, None))]
        if missing:
            raise ValueError(f"{name}={path!r} is not a seen-store: it lacks {', '.join(missing)} "
                             "(newsbot.seenstore.SeenStore)")


def writable_folder(name: str, raw: str, folder: Path, label: str | None = None) -> None:
    """``ValueError`` naming setting ``name`` (as ``name=raw``, or ``label`` when given) when
    ``folder`` could not be created or written: its nearest existing ancestor must be a folder
    in which a file can be created (tried with a temporary file, removed at once; nothing else
    is created), no link on the way may lead nowhere, and no folder name to create may be
    longer than the file system allows (``PC_NAME_MAX``, bytes)."""
    label = label or f"{name}={raw}"
    existing = folder.absolute()
    while not _exists(existing) and existing != existing.parent:
        if _exists(existing, follow=False):
            raise ValueError(f"{label}: {existing} is a link to {os.readlink(existing)}, which does not exist")
        existing = existing.parent
    if not existing.is_dir():
        raise ValueError(f"{label}: {existing} is not a folder")
    try:
        longest = os.pathconf(existing, "PC_NAME_MAX")
    except (OSError, ValueError):
        longest = 255
    for part in folder.absolute().relative_to(existing).parts:
        if len(os.fsencode(part)) > longest:
            raise ValueError(f"{label}: a folder name of {len(os.fsencode(part))} bytes, longer than the "
                             f"{longest} the file system allows")
    try:
        with tempfile.TemporaryFile(dir=existing):
            pass
    except OSError as exc:
        # a folder that exists but answers ENOENT to a new file is of a file system that takes
        # none (/proc, /sys): the error's own words would say the folder is missing
        reason = ("its file system takes no new files" if exc.errno == errno.ENOENT and existing.is_dir()
                  else exc.strerror or exc)
        raise ValueError(f"{label}: cannot write in {existing} ({reason})") from None


def _exists(path: Path, follow: bool = True) -> bool:
    """``path`` exists (with ``follow`` False: as a name, a link that leads nowhere included);
    a name the system cannot even look up (too long) does not."""
    try:
        return path.exists() if follow else os.path.lexists(path)
    except OSError:
        return False


def _check_state_dir(settings) -> None:
    """``NEWSBOT_STATE_DIR`` (and the folder of ``NEWSBOT_SEEN_STORE``) must be writable."""
    state = settings.get("NEWSBOT_STATE_DIR")
    if state:
        writable_folder("NEWSBOT_STATE_DIR", state, Path(state))
    store = settings.get("NEWSBOT_SEEN_STORE")
    if store:
        if Path(store).is_dir():
            raise ValueError(f"NEWSBOT_SEEN_STORE={store} is a folder, not a file path")
        writable_folder("NEWSBOT_SEEN_STORE", store, Path(store).parent)


def _check_seen_store(settings) -> None:
    """An existing embedded seen-store must open (``ValueError`` naming the file otherwise)."""
    from .incremental import seen_store_path
    from .seenstore import SqliteSeenStore

    if not settings.getbool("NEWSBOT_INCREMENTAL"):
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


def _check_outputs(settings) -> None:
    """``JOBDIR`` must be a folder that can be written, ``LOG_FILE`` a file in one, and with a
    ``FEED_EXPORT_BATCH_ITEM_COUNT`` every ``FEEDS`` template must name its files by batch
    (``%(batch_id)d`` or ``%(batch_time)s``), else Scrapy would silently write no output."""
    from .feeds import chunked

    jobdir = settings.get("JOBDIR")
    if jobdir:
        if Path(jobdir).exists() and not Path(jobdir).is_dir():
            raise ValueError(f"JOBDIR={jobdir} is not a folder")
        writable_folder("JOBDIR", jobdir, Path(jobdir))
    log_file = settings.get("LOG_FILE")
    if log_file:
        if Path(log_file).is_dir():
            raise ValueError(f"LOG_FILE={log_file} is a folder, not a file path")
        writable_folder("LOG_FILE", log_file, Path(log_file).parent)
    if settings.getint("FEED_EXPORT_BATCH_ITEM_COUNT"):
        for uri in settings.getdict("FEEDS"):
            if not chunked(str(uri)):
                raise ValueError(f"FEED_EXPORT_BATCH_ITEM_COUNT={settings.get('FEED_EXPORT_BATCH_ITEM_COUNT')} "
                                 f"needs %(batch_id)d or %(batch_time)s in every output path; {uri} has none")


def _check_replay(settings) -> None:
    replay = settings.get("NEWSBOT_REPLAY")
    if not replay:
        return
    path = Path(replay)
    if path.is_dir():
        raise ValueError(f"NEWSBOT_REPLAY={replay} is a folder, not a WARC file")
    if not path.is_file():
        raise ValueError(f"NEWSBOT_REPLAY={replay}: no such file")
    from .warc import WarcIndex

    try:
        with WarcIndex(path) as index:  # ValueError for a file that is not a WARC or is cut short
            records = len(index)
    except OSError as exc:
        raise ValueError(f"NEWSBOT_REPLAY={replay} cannot be read ({exc.strerror or exc})") from None
    except ValueError as exc:
        raise ValueError(f"NEWSBOT_REPLAY={replay}: {str(exc).removeprefix(f'{path}: ')}") from None
    if not records:
        raise ValueError(f"NEWSBOT_REPLAY={replay}: the WARC file holds no response record")


def _local_path(uri: str) -> Path | None:
    """The local file an output URI names (a path, or a ``file:`` URI), ``None`` for other
    schemes and for templates (``%(name)s``…), whose files are named at run time."""
    if "%(" in uri:
        return None
    from urllib.parse import unquote, urlsplit

    parts = urlsplit(uri)
    if parts.scheme == "file":
        return Path(unquote(parts.path))
    return Path(uri) if len(parts.scheme) <= 1 else None  # a Windows drive letter is no scheme


def _check_archive(settings) -> None:
    archive = settings.get("NEWSBOT_ARCHIVE")
    if not archive:
        return
    if Path(archive).is_dir():
        raise ValueError(f"NEWSBOT_ARCHIVE={archive} is a folder, not a file path")
    replay = settings.get("NEWSBOT_REPLAY")
    if replay and Path(archive).exists() and os.path.samefile(archive, replay):
        # the replay's misses would be appended to it as 404 answers the site never sent
        raise ValueError(f"NEWSBOT_ARCHIVE={archive} is the file NEWSBOT_REPLAY={replay} reads: "
                         "archive to another file")
    for uri in settings.getdict("FEEDS"):
        output = _local_path(str(uri))
        if output is not None and output.resolve() == Path(archive).resolve():
            raise ValueError(f"NEWSBOT_ARCHIVE={archive} is the output file {uri}: archive to another file")
    from .warc import check_appendable

    try:
        check_appendable(archive)
    except ValueError as exc:
        raise ValueError(f"NEWSBOT_ARCHIVE={archive}: {str(exc).removeprefix(f'{archive} ')}") from None
    writable_folder("NEWSBOT_ARCHIVE", archive, Path(archive).parent)
