"""The seen-store: which articles earlier runs delivered to which output, so a scheduled run
writes only what is new or changed.

An entry is keyed by its output stream and the record ``id`` (the fingerprint of the canonical
URL, :func:`newsbot.extraction.urls.fingerprint`), and reachable from aliases: the fingerprints
of the other URLs the article was fetched under (requested URL, final URL), so a page can be
recognised from a feed link before it is downloaded; each of those URLs keeps the validators
(``ETag``, ``Last-Modified``) it was served with, for itself. A stream is one series of output files
(:func:`newsbot.feeds.stream_of`: a ``FEEDS`` template with the spider's name), so a record
counts as delivered only for the output it was written to: an ad hoc run writing elsewhere
takes nothing from the scheduled one, and a second feed of the same run is its own stream.

Entries enter the store only when the output file holding their records is in place (see
:mod:`newsbot.feedstorage`), through a commit journal that the next run settles: a run killed
half-way leaves nothing of an unfinished file in the store, and the next run writes those
articles again.

The store sits behind :class:`SeenStore` (``lookup`` / ``commit`` / ``close``); the embedded
implementation is SQLite (:class:`SqliteSeenStore`). A shared store (e.g. Redis hashes keyed by
stream and fingerprint) can replace it by implementing the same three methods and naming its
class in ``NEWSBOT_SEEN_STORE_CLASS``; a class with a ``from_settings(settings)`` classmethod is
built with it (to read its own URL setting), others get the ``NEWSBOT_SEEN_STORE`` path.
"""
from __future__ import annotations

import hashlib
import json
import sqlite3
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterable, Mapping, Protocol

from .atomic import AtomicFile, put_in_place, write_atomic
from .extraction import dates
from .extraction.record import CONTENT

# Record fields whose change makes an article "changed" (besides date_modified): the field
# table's content fields.
CONTENT_FIELDS = CONTENT
SCHEMA_VERSION = "6"
GONE = "gone"  # SeenEntry.state: delivered, then answered 404 / 410 (withdrawn)
OUTSIDE = "outside"  # SeenEntry.state: fetched, found outside the date window, never delivered
Validators = tuple  # (ETag, Last-Modified) header values as received, each str or None
# aliases of a commit: the URL fingerprints an article is known by, as an iterable of keys (their
# stored validators kept) or a mapping {key: (ETag, Last-Modified) that URL was just served with,
# or None to keep the stored ones}
Aliases = Iterable[str] | Mapping[str, Validators | None]


@dataclass(frozen=True)
class SeenEntry:
    """What the store keeps of one delivered article: ``stream`` (the output series it went
    to), ``id`` (40-hex fingerprint), ``url``, ``portal``, ``content_hash``
    (:func:`content_hash`), ``date_published`` / ``date_modified`` (ISO 8601 strings with
    offset, or ``None``), ``revision`` (int >= 1, the record's ``revision`` when last written),
    ``seen_at`` (ISO 8601 UTC commit time), the validators ``etag`` and ``last_modified``
    (the ``ETag`` and ``Last-Modified`` response header values as received, or ``None``) that
    the URL the entry was looked up by was served with, which a later run sends back to that
    URL as ``If-None-Match`` / ``If-Modified-Since`` (RFC 9110 §13.1): validators belong to
    one URL, not to the article (a commit takes them per URL, in its aliases), and ``partial``: the record, joined from several
    pages, was flagged ``partial`` (a page of it could not be read, or the page limit cut it),
    so a later run that reaches the article fetches it again to write it whole. A one-page
    record flagged ``partial`` (a paywall, a body cut where it was served) is not: fetching it
    again gives the same cut body, on every run. ``listed``: the latest date a feed, sitemap or
    listing gave the article when a run last fetched it (ISO 8601 UTC, or ``None``): a later
    run fetches it again only for a listing date later than this one too (:func:`needs_fetch`),
    so a page found unchanged (or answered 304) under a listing date that moved is not fetched
    again for that same date. ``state``: ``None`` for a delivered article, :data:`GONE` for one
    delivered earlier whose page then answered 404 or 410 (withdrawn), :data:`OUTSIDE` for a
    page fetched and found outside the date window, never delivered (``revision`` 0): kept so
    that it is not downloaded again while the window leaves it out and its listing date does
    not move."""

    stream: str
    id: str
    url: str
    portal: str
    content_hash: str
    date_published: str | None
    date_modified: str | None
    revision: int
    seen_at: str
    etag: str | None = None
    last_modified: str | None = None
    partial: bool = False
    listed: str | None = None
    state: str | None = None

    @property
    def validators(self) -> tuple[str | None, str | None]:
        """``(etag, last_modified)``."""
        return self.etag, self.last_modified


class SeenStore(Protocol):
    """Interface of a seen-store."""

    def lookup(self, stream: str, key: str) -> SeenEntry | None:
        """The entry of ``stream`` whose id or alias is ``key`` (a 40-hex URL fingerprint),
        else ``None``."""

    def commit(self, entries: Iterable[tuple[SeenEntry, Aliases]]) -> int:
        """Store ``(entry, aliases)`` pairs in one transaction, replacing older entries of the
        same stream and id; return how many were stored. All or nothing. ``aliases``
        (:data:`Aliases`): the keys the entry is reachable from besides its id, with the
        validators each URL was served with (:func:`alias_validators`); ``entry.etag`` and
        ``entry.last_modified`` are not stored."""

    def close(self) -> None:
        """Release the store."""


def content_hash(record: dict) -> str:
    """Hex SHA-1 of the record's content fields (:data:`CONTENT_FIELDS`) as canonical JSON;
    ``crawled_at``, ``url`` and other bookkeeping do not count."""
    data = json.dumps({k: record.get(k) for k in CONTENT_FIELDS}, sort_keys=True, ensure_ascii=False)
    return hashlib.sha1(data.encode("utf-8")).hexdigest()


def alias_validators(aliases: Aliases) -> dict[str, Validators | None]:
    """``{key: validators or None}`` of the ``aliases`` of a commit (:data:`Aliases`; a plain
    iterable of keys: ``None`` for each, their stored validators kept)."""
    if isinstance(aliases, Mapping):
        return {key: (tuple(value) if value is not None else None) for key, value in aliases.items()}
    return dict.fromkeys(aliases)


def entry_for(record: dict, revision: int, stream: str) -> SeenEntry:
    """The :class:`SeenEntry` of a record written to ``stream`` with ``revision``; ``partial``
    is whether its ``quality_flags`` hold both ``partial`` and ``paginated``."""
    return SeenEntry(stream=stream, id=record["id"], url=record["url"], portal=record.get("portal") or "",
                     content_hash=content_hash(record), date_published=record.get("date_published"),
                     date_modified=record.get("date_modified"), revision=revision,
                     seen_at=datetime.now(timezone.utc).replace(microsecond=0).isoformat(),
                     partial={"partial", "paginated"} <= set(record.get("quality_flags") or ()))


def is_unchanged(entry: SeenEntry, record: dict) -> bool:
    """True when ``record`` has the stored content hash and ``date_modified``, or the stored
    content hash and no ``date_modified`` at all: a page that gives none takes the date of the
    listing that reached it first (a sitemap's ``<lastmod>``), and a run reached by a listing
    without one is no change. An entry found gone (:data:`GONE`) is never unchanged: the
    article is back, and written again for a consumer that removed it."""
    if entry.state is not None:
        return False
    modified = record.get("date_modified")
    return entry.content_hash == content_hash(record) and (modified is None or entry.date_modified == modified)


def latest_listed(hint_dates: Iterable[str | None], tz: str | None = None) -> str | None:
    """The latest of ``hint_dates`` (a link's listing dates; naive and day-only ones in ``tz``,
    default UTC) as ISO 8601 UTC, or ``None`` when none is readable: what
    :attr:`SeenEntry.listed` keeps."""
    parsed = [p.value for p in (dates.parse_date(v, tz) for v in hint_dates if v) if p is not None]
    return max(parsed).astimezone(timezone.utc).isoformat() if parsed else None


def needs_fetch(entry: SeenEntry | None, hint_dates: Iterable[str | None], tz: str | None = None) -> bool:
    """The skip-before-download rule for an article link found in a feed or sitemap.

    Fetch when the article is not stored, or when a date the feed/sitemap gives for it
    (``pubDate``, ``<updated>``, ``<lastmod>``, news ``publication_date``) is later than the
    stored reference: ``date_modified``, else ``date_published``, else the time it was stored,
    and later than the listing date it was last fetched under (:attr:`SeenEntry.listed`).
    Skip when the article is stored and no hint date is later (including when there is no hint
    date at all): a page whose feed entry did not move is taken as unchanged. Day-only dates
    (``2025-03-01``) count as 00:00 in ``tz`` (the portal's zone, default UTC).
    """
    if entry is None:
        return True
    reference = None
    for value in (entry.date_modified, entry.date_published, entry.seen_at):
        parsed = dates.parse_date(value) if value else None
        if parsed is not None:
            reference = parsed.value
            break
    listed = dates.parse_date(entry.listed) if entry.listed else None
    if listed is not None and (reference is None or listed.value > reference):
        reference = listed.value
    if reference is None:
        return True
    for value in hint_dates:
        parsed = dates.parse_date(value, tz) if value else None
        if parsed is not None and parsed.value > reference:
            return True
    return False


_SCHEMA = (
    "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);"
    "CREATE TABLE articles (stream TEXT NOT NULL, id TEXT NOT NULL, url TEXT, portal TEXT, content_hash TEXT,"
    " date_published TEXT, date_modified TEXT, revision INTEGER, seen_at TEXT,"
    " partial INTEGER NOT NULL DEFAULT 0, listed TEXT, state TEXT, PRIMARY KEY (stream, id));"
    "CREATE TABLE aliases (stream TEXT NOT NULL, key TEXT NOT NULL, id TEXT NOT NULL, etag TEXT, last_modified TEXT,"
    " PRIMARY KEY (stream, key));"
)
_COLUMNS = {"meta": {"key", "value"},
            "articles": {"stream", "id", "url", "portal", "content_hash", "date_published", "date_modified",
                         "revision", "seen_at", "partial", "listed", "state"},
            "aliases": {"stream", "key", "id", "etag", "last_modified"}}
# columns that a later schema added to a store of schema 2, 3, 4 or 5, by table
_ADDED = {"articles": {"partial": "INTEGER NOT NULL DEFAULT 0", "listed": "TEXT", "state": "TEXT"},
          "aliases": {"etag": "TEXT", "last_modified": "TEXT"}}
# columns of the articles table that schemas 3 and 4 had and the fifth dropped (the validators of an
# article, whichever of its URLs gave them)
_DROPPED = ("etag", "last_modified")
_V1_COLUMNS = {"articles": _COLUMNS["articles"] - {"stream", *_ADDED["articles"]}, "aliases": {"key", "id"}}
_ARTICLE_COLUMNS = ("stream, id, url, portal, content_hash, date_published, date_modified, revision, seen_at, "
                    "partial, listed, state")


@contextmanager
def _transaction(db):
    """``BEGIN IMMEDIATE`` on ``db`` (a connection or cursor), ``COMMIT`` when the block ends,
    ``ROLLBACK`` and re-raise when it raises."""
    db.execute("BEGIN IMMEDIATE")
    try:
        yield db
        db.execute("COMMIT")
    except BaseException:
        db.execute("ROLLBACK")
        raise


class SqliteSeenStore:
    """:class:`SeenStore` in one SQLite file (WAL journal, so runs of several portals in one
    process or in parallel processes can share it).

    The file is created whole by the first :meth:`commit` (its schema written to a temporary
    file that is then renamed into place); until then lookups find nothing and nothing is
    written. An existing file is checked when the store opens: a file that is empty, not a
    SQLite database, or lacks the tables and columns of the schema (version
    :data:`SCHEMA_VERSION`) raises ``ValueError`` naming it, since reading it as empty would
    write every article again. A store of the first schema (no streams) is migrated once:
    its entries go to ``legacy_stream(portal)`` (the default output of their portal); a store of
    the second (without validators), the third (validators per article, no ``partial``), the
    fourth (validators per article) or the fifth (no ``listed`` nor ``state``) gains the columns
    it lacks (``partial`` false for its entries, validators per URL empty, ``listed`` and
    ``state`` empty: every entry a delivered article) and loses its per-article validators: they may be
    another URL's, so each known page is asked once more without them."""

    def __init__(self, path: str | Path, legacy_stream=None):
        self.path = Path(path)
        self.db = None
        self.legacy_stream = legacy_stream
        if self.path.exists():
            self._open()

    def _fail(self, why: str):
        raise ValueError(f"seen-store {self.path} is not usable: {why} (move it away to start afresh, "
                         "or give another path with NEWSBOT_SEEN_STORE)")

    def _open(self) -> None:
        try:
            if self.path.stat().st_size == 0:
                self._fail("the file is empty")
            db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
        except OSError as exc:
            self._fail(exc.strerror or str(exc))
        except sqlite3.DatabaseError as exc:
            self._fail(str(exc))
        try:
            tables = {name: {row[1] for row in db.execute(f"PRAGMA table_info({name})")}
                      for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            if all(tables.get(t, set()) >= cols for t, cols in _V1_COLUMNS.items()) and "meta" not in tables:
                self._migrate(db)
                tables = {name: {row[1] for row in db.execute(f"PRAGMA table_info({name})")}
                          for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            if (all(tables.get(t, set()) >= cols - set(_ADDED.get(t, ())) for t, cols in _COLUMNS.items())
                    and db.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone() in (("2",), ("3",), ("4",), ("5",))):
                self._add_columns(db, tables)
                tables = {name: {row[1] for row in db.execute(f"PRAGMA table_info({name})")}
                          for (name,) in db.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
            for table in _COLUMNS:
                if table not in tables:
                    self._fail(f"no table {table}")
            for table, columns in _COLUMNS.items():
                if not tables[table] >= columns:
                    self._fail(f"table {table} lacks {', '.join(sorted(columns - tables[table]))}")
            version = db.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone()
            if not version or version[0] != SCHEMA_VERSION:
                self._fail(f"schema version {version[0] if version else 'missing'}, this newsbot reads "
                           f"{SCHEMA_VERSION}")
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
        except sqlite3.DatabaseError as exc:
            db.close()
            self._fail(str(exc))
        except ValueError:
            db.close()
            raise
        self.db = db

    def _migrate(self, db) -> None:
        """Move a first-schema store (entries without a stream) to the current schema, in one
        transaction; its entries go to the default output stream of their portal."""
        with _transaction(db):
            db.execute("ALTER TABLE articles RENAME TO articles_v1")
            db.execute("ALTER TABLE aliases RENAME TO aliases_v1")
            for statement in _SCHEMA.split(";"):
                if statement.strip():
                    db.execute(statement)
            streams = {}
            for (portal,) in db.execute("SELECT DISTINCT portal FROM articles_v1").fetchall():
                streams[portal] = self.legacy_stream(portal or "") if self.legacy_stream else f"legacy:{portal}"
            for portal, stream in streams.items():
                db.execute("INSERT INTO articles (stream, id, url, portal, content_hash, date_published,"
                           " date_modified, revision, seen_at) SELECT ?, id, url, portal, content_hash, date_published,"
                           " date_modified, revision, seen_at FROM articles_v1 WHERE portal IS ?", (stream, portal))
                db.execute("INSERT OR REPLACE INTO aliases (stream, key, id) SELECT ?, k.key, k.id FROM aliases_v1 k"
                           " JOIN articles_v1 a ON a.id = k.id WHERE a.portal IS ?", (stream, portal))
                db.execute("INSERT OR REPLACE INTO aliases (stream, key, id) SELECT ?, id, id FROM articles_v1"
                           " WHERE portal IS ?",
                           (stream, portal))
            db.execute("DROP TABLE articles_v1")
            db.execute("DROP TABLE aliases_v1")
            db.execute("INSERT INTO meta VALUES ('schema', ?)", (SCHEMA_VERSION,))

    def _add_columns(self, db, tables: dict[str, set[str]]) -> None:
        """Give a store of schema 2, 3, 4 or 5 (its ``tables``: ``{name: column names}``) the columns
        of :data:`_ADDED` it lacks (empty, or not partial, for its entries), drop the
        per-article validators (:data:`_DROPPED`) and set the current schema version, in one
        transaction."""
        with _transaction(db):
            for table, columns in _ADDED.items():
                for column, kind in columns.items():
                    if column not in tables[table]:
                        db.execute(f"ALTER TABLE {table} ADD COLUMN {column} {kind}")
            for column in _DROPPED:
                if column in tables["articles"]:
                    db.execute(f"ALTER TABLE articles DROP COLUMN {column}")
            db.execute("UPDATE meta SET value = ? WHERE key = 'schema'", (SCHEMA_VERSION,))

    def _create(self) -> None:
        """Write a new, empty store with its schema to a temporary file beside the path and
        rename it into place (a crash leaves no half-made store behind)."""
        new = AtomicFile(self.path)
        new.sync()  # SQLite writes the part file itself, and syncs its own commit
        try:
            db = sqlite3.connect(new.part)
            try:
                db.executescript(_SCHEMA)
                db.execute("INSERT INTO meta VALUES ('schema', ?)", (SCHEMA_VERSION,))
                db.commit()
            finally:
                db.close()
            new.commit()
        except BaseException:
            new.discard()
            raise
        self._open()

    def lookup(self, stream: str, key: str) -> SeenEntry | None:
        if self.db is None:
            return None
        row = self.db.execute(
            "SELECT a.stream, a.id, a.url, a.portal, a.content_hash, a.date_published, a.date_modified,"
            " a.revision, a.seen_at, k.etag, k.last_modified, a.partial, a.listed, a.state FROM aliases k"
            " JOIN articles a ON a.stream = k.stream AND a.id = k.id WHERE k.stream = ? AND k.key = ?",
            (stream, key)).fetchone()
        return SeenEntry(*row[:-3], partial=bool(row[-3]), listed=row[-2], state=row[-1]) if row else None

    def commit(self, entries: Iterable[tuple[SeenEntry, Aliases]]) -> int:
        entries = list(entries)
        if not entries:
            return 0
        if self.db is None:
            if self.path.exists():
                self._open()
            else:
                self._create()
        n = 0
        cur = self.db.cursor()
        with _transaction(cur):
            for entry, aliases in entries:
                cur.execute(f"INSERT OR REPLACE INTO articles ({_ARTICLE_COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                            (entry.stream, entry.id, entry.url, entry.portal, entry.content_hash,
                             entry.date_published, entry.date_modified, entry.revision, entry.seen_at,
                             int(entry.partial), entry.listed, entry.state))
                for key, validators in {entry.id: None, **alias_validators(aliases)}.items():
                    if validators is None:  # the URL's stored validators kept
                        cur.execute("INSERT INTO aliases (stream, key, id) VALUES (?, ?, ?)"
                                    " ON CONFLICT (stream, key) DO UPDATE SET id = excluded.id",
                                    (entry.stream, key, entry.id))
                    else:
                        cur.execute("INSERT OR REPLACE INTO aliases VALUES (?, ?, ?, ?, ?)",
                                    (entry.stream, key, entry.id, *validators))
                n += 1
        return n

    def __len__(self) -> int:
        if self.db is None:
            return 0
        return self.db.execute("SELECT COUNT(*) FROM articles").fetchone()[0]

    def close(self) -> None:
        """Close the database; later lookups return ``None``."""
        if self.db is not None:
            self.db.close()
            self.db = None


# --- commit journal ---------------------------------------------------------------------------
# Putting an output file in place and committing its entries cannot be one atomic step. The
# part file is complete and fsynced first; then a journal names the output (stream, final path,
# part path, how it is put in place: "replace" renames the part over the final file, "append"
# cuts the final file back to ``offset`` and appends the part) and holds the entries; the file
# is put in place; the entries are committed; the journal is deleted. A process killed in
# between leaves the journal, and the next run settles it (recover_journals): the step is done
# again if the part file is still there (rolled forward), then the entries are committed.

def write_journal(folder: str | Path, output, entries: Iterable[tuple[SeenEntry, Aliases]],
                  mode: str, offset: int | None = None) -> Path:
    """Write a commit journal into ``folder`` for ``entries`` about to be committed with
    ``output`` (a :class:`~newsbot.feedstorage.Output`) put in place by ``mode`` (``replace``
    or ``append`` at ``offset`` bytes), durably (:func:`newsbot.atomic.write_atomic`); return
    its path."""
    import uuid

    data = {"final": str(Path(output.final).absolute()), "part": str(Path(output.part).absolute()),
            "mode": mode, "offset": offset,
            "entries": [[asdict(entry), alias_validators(aliases)] for entry, aliases in entries]}
    return write_atomic(Path(folder) / f"{uuid.uuid4().hex}.json", json.dumps(data).encode("utf-8"))


def recover_journals(folder: str | Path, store: SeenStore) -> tuple[int, int]:
    """Settle the journals left in ``folder`` by killed runs: a journal whose part file is still
    there is rolled forward (:func:`newsbot.atomic.put_in_place`), then its entries are committed; one whose
    part and final files are both gone is dropped. Every settled journal is deleted. Returns
    ``(entries committed, entries dropped)``. Unreadable journals are dropped."""
    committed = dropped = 0
    for path in sorted(Path(folder).glob("*.json")) if Path(folder).is_dir() else []:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            entries = [(SeenEntry(**entry), aliases) for entry, aliases in data["entries"]]
            final, part = Path(data["final"]), Path(data["part"])
            if part.exists():
                put_in_place(final, part, data.get("mode", "replace"), data.get("offset"))
            done = final.exists()
        except (OSError, ValueError, TypeError, KeyError):
            entries, done = [], False
        if done:
            committed += store.commit(entries)
        else:
            dropped += len(entries)
        path.unlink(missing_ok=True)
    return committed, dropped
