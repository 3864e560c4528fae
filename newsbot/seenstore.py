"""The seen-store: which articles earlier runs wrote, so a scheduled run writes only what is new
or changed.

An entry is keyed by the record ``id`` (the fingerprint of the canonical URL,
:func:`newsbot.extraction.urls.fingerprint`) and reachable from aliases: the fingerprints of
the other URLs the article was fetched under (requested URL, final URL), so a page can be
recognised from a feed link before it is downloaded.

Entries enter the store only when the output file holding their records is committed (renamed
to its final name, see :mod:`newsbot.feedstorage`): a run killed half-way leaves nothing in the
store, and the next run writes its articles again.

The store sits behind :class:`SeenStore` (``lookup`` / ``commit`` / ``close``); the embedded
implementation is SQLite (:class:`SqliteSeenStore`). A shared store (e.g. Redis hashes keyed by
fingerprint) can replace it by implementing the same three methods and naming its class in
``NEWSBOT_SEEN_STORE_CLASS``; a class with a ``from_settings(settings)`` classmethod is built
with it (to read its own URL setting), others get the ``NEWSBOT_SEEN_STORE`` path.
"""
from __future__ import annotations

import hashlib
import json
import sqlite3
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path
from typing import Iterable, Protocol

from .extraction import dates
from .extraction.record import CONTENT

# Record fields whose change makes an article "changed" (besides date_modified): the field
# table's content fields.
CONTENT_FIELDS = CONTENT


@dataclass(frozen=True)
class SeenEntry:
    """What the store keeps of one written article: ``id`` (40-hex fingerprint), ``url``,
    ``portal``, ``content_hash`` (:func:`content_hash`), ``date_published`` /
    ``date_modified`` (ISO 8601 strings with offset, or ``None``), ``revision`` (int >= 1, the
    record's ``revision`` when last written) and ``seen_at`` (ISO 8601 UTC commit time)."""

    id: str
    url: str
    portal: str
    content_hash: str
    date_published: str | None
    date_modified: str | None
    revision: int
    seen_at: str


class SeenStore(Protocol):
    """Interface of a seen-store."""

    def lookup(self, key: str) -> SeenEntry | None:
        """The entry whose id or alias is ``key`` (a 40-hex URL fingerprint), else ``None``."""

    def commit(self, entries: Iterable[tuple[SeenEntry, Iterable[str]]]) -> int:
        """Store ``(entry, aliases)`` pairs in one transaction, replacing older entries of the
        same id; return how many were stored. All or nothing."""

    def close(self) -> None:
        """Release the store."""


def content_hash(record: dict) -> str:
    """Hex SHA-1 of the record's content fields (:data:`CONTENT_FIELDS`) as canonical JSON;
    ``crawled_at``, ``url`` and other bookkeeping do not count."""
    data = json.dumps({k: record.get(k) for k in CONTENT_FIELDS}, sort_keys=True, ensure_ascii=False)
    return hashlib.sha1(data.encode("utf-8")).hexdigest()


def entry_for(record: dict, revision: int) -> SeenEntry:
    """The :class:`SeenEntry` of a record about to be written with ``revision``."""
    return SeenEntry(id=record["id"], url=record["url"], portal=record.get("portal") or "",
                     content_hash=content_hash(record), date_published=record.get("date_published"),
                     date_modified=record.get("date_modified"), revision=revision,
                     seen_at=datetime.now(timezone.utc).replace(microsecond=0).isoformat())


def is_unchanged(entry: SeenEntry, record: dict) -> bool:
    """True when ``record`` has the stored content hash and ``date_modified``."""
    return entry.content_hash == content_hash(record) and entry.date_modified == record.get("date_modified")


def needs_fetch(entry: SeenEntry | None, hint_dates: Iterable[str | None], tz: str | None = None) -> bool:
    """The skip-before-download rule for an article link found in a feed or sitemap.

    Fetch when the article is not stored, or when a date the feed/sitemap gives for it
    (``pubDate``, ``<updated>``, ``<lastmod>``, news ``publication_date``) is later than the
    stored reference: ``date_modified``, else ``date_published``, else the time it was stored.
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
    if reference is None:
        return True
    for value in hint_dates:
        parsed = dates.parse_date(value, tz) if value else None
        if parsed is not None and parsed.value > reference:
            return True
    return False


class SqliteSeenStore:
    """:class:`SeenStore` in one SQLite file (WAL journal, so runs of several portals in one
    process or in parallel processes can share it). The file and its folder are created by the
    first :meth:`commit`; until then lookups find nothing and nothing is written. Raises
    ``ValueError`` when the file exists but is not a usable SQLite database."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.db = None
        if self.path.exists():
            self._connect()

    def _connect(self):
        self.path.parent.mkdir(parents=True, exist_ok=True)
        try:
            self.db = sqlite3.connect(self.path, timeout=30, isolation_level=None)
            self.db.execute("PRAGMA journal_mode=WAL")
            self.db.execute("PRAGMA synchronous=NORMAL")
            self.db.executescript(
                "CREATE TABLE IF NOT EXISTS articles (id TEXT PRIMARY KEY, url TEXT, portal TEXT,"
                " content_hash TEXT, date_published TEXT, date_modified TEXT, revision INTEGER,"
                " seen_at TEXT);"
                "CREATE TABLE IF NOT EXISTS aliases (key TEXT PRIMARY KEY, id TEXT NOT NULL);")
        except sqlite3.DatabaseError as exc:
            raise ValueError(f"seen-store {self.path} is not usable: {exc}") from None

    def lookup(self, key: str) -> SeenEntry | None:
        if self.db is None:
            return None
        row = self.db.execute(
            "SELECT a.id, a.url, a.portal, a.content_hash, a.date_published, a.date_modified,"
            " a.revision, a.seen_at FROM aliases k JOIN articles a ON a.id = k.id WHERE k.key = ?",
            (key,)).fetchone()
        return SeenEntry(*row) if row else None

    def commit(self, entries: Iterable[tuple[SeenEntry, Iterable[str]]]) -> int:
        entries = list(entries)
        if not entries:
            return 0
        if self.db is None:
            self._connect()
        n = 0
        cur = self.db.cursor()
        cur.execute("BEGIN IMMEDIATE")
        try:
            for entry, aliases in entries:
                cur.execute("INSERT OR REPLACE INTO articles VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
                            (entry.id, entry.url, entry.portal, entry.content_hash, entry.date_published,
                             entry.date_modified, entry.revision, entry.seen_at))
                for key in {entry.id, *aliases}:
                    cur.execute("INSERT OR REPLACE INTO aliases VALUES (?, ?)", (key, entry.id))
                n += 1
            cur.execute("COMMIT")
        except BaseException:
            cur.execute("ROLLBACK")
            raise
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
# The rename of an output file and the commit of its entries cannot be one atomic step. Before
# the rename a journal names the final and the part file and holds the entries; after the
# commit it is deleted. A process killed between the two leaves the journal, and the next run
# settles it (recover_journals): part file gone and final file present -> the rename happened,
# commit the entries; otherwise the file never appeared, drop them.

def write_journal(folder: str | Path, final: str | Path, part: str | Path,
                  entries: Iterable[tuple[SeenEntry, Iterable[str]]]) -> Path:
    """Write a commit journal for ``entries`` about to be committed with the output file
    ``final`` (now ``part``) into ``folder``, durably (:func:`newsbot.atomic.write_atomic`);
    return its path."""
    import uuid
    from dataclasses import asdict

    from .atomic import write_atomic

    data = {"final": str(Path(final).absolute()), "part": str(Path(part).absolute()),
            "entries": [[asdict(entry), sorted(aliases)] for entry, aliases in entries]}
    return write_atomic(Path(folder) / f"{uuid.uuid4().hex}.json", json.dumps(data).encode("utf-8"))


def recover_journals(folder: str | Path, store: SeenStore) -> tuple[int, int]:
    """Settle the journals left in ``folder`` by killed runs: commit the entries of those whose
    output file was renamed into place, drop the others; delete every journal. Returns
    ``(entries committed, entries dropped)``. Unreadable journals are dropped."""
    committed = dropped = 0
    for path in sorted(Path(folder).glob("*.json")) if Path(folder).is_dir() else []:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
            entries = [(SeenEntry(**entry), aliases) for entry, aliases in data["entries"]]
            done = not Path(data["part"]).exists() and Path(data["final"]).exists()
        except (OSError, ValueError, TypeError, KeyError):
            entries, done = [], False
        if done:
            committed += store.commit(entries)
        else:
            dropped += len(entries)
        path.unlink(missing_ok=True)
    return committed, dropped
