"""The seen-store, the skip-before-download rule, atomic output files, the stats file name and
the crawl lock, without a crawl."""
from __future__ import annotations

import sqlite3

import pytest

from newsbot.extraction.urls import fingerprint
from newsbot.runner import Refused as CrawlLocked, crawl_lock
from newsbot.seenstore import SeenEntry, SqliteSeenStore, content_hash, entry_for, is_unchanged, needs_fetch

URL = "https://www.example.org/news/2025/03/story-1/"
RECORD = {"id": fingerprint(URL), "url": URL, "portal": "p", "title": "T", "lead": None, "body": "B",
          "section": "S", "authors": [], "tags": [], "date_published": "2025-03-04T09:00:00+00:00",
          "date_modified": None, "crawled_at": "2025-03-05T00:00:00+00:00"}


def test_store_keeps_entries_with_aliases_across_connections(tmp_path):
    path = tmp_path / "state" / "seen.sqlite"
    store = SqliteSeenStore(path)
    assert store.lookup(RECORD["id"]) is None and not path.exists()  # nothing written yet
    alias = fingerprint("https://example.org/?p=123")
    assert store.commit([(entry_for(RECORD, 1), {alias})]) == 1
    store.close()
    again = SqliteSeenStore(path)
    entry = again.lookup(alias)
    assert entry.id == RECORD["id"] and entry.revision == 1 and entry.content_hash == content_hash(RECORD)
    assert again.lookup(fingerprint("http://example.org/news/2025/03/story-1")) == entry  # scheme, www., slash
    # a later revision replaces the entry
    again.commit([(entry_for({**RECORD, "body": "B2"}, 2), set())])
    assert again.lookup(alias).revision == 2 and len(again) == 1
    again.close()


def test_a_file_that_is_not_a_store_is_refused(tmp_path):
    path = tmp_path / "seen.sqlite"
    path.write_bytes(b"not a database" * 100)
    with pytest.raises(ValueError, match="is not usable"):
        SqliteSeenStore(path)


def test_a_failed_commit_stores_nothing(tmp_path):
    store = SqliteSeenStore(tmp_path / "seen.sqlite")
    good = (entry_for(RECORD, 1), set())
    bad = (SeenEntry(*(["x"] * 6), revision=object(), seen_at="now"), set())  # not storable
    with pytest.raises(sqlite3.Error):
        store.commit([good, bad])
    assert len(store) == 0


def test_content_hash_ignores_bookkeeping_fields():
    assert content_hash(RECORD) == content_hash({**RECORD, "crawled_at": "2026-01-01T00:00:00+00:00",
                                                 "url": URL + "?x=1", "revision": 3})
    assert content_hash(RECORD) != content_hash({**RECORD, "body": "B, corrected"})
    entry = entry_for(RECORD, 1)
    assert is_unchanged(entry, dict(RECORD))
    assert not is_unchanged(entry, {**RECORD, "date_modified": "2025-03-06T10:00:00+00:00"})


def test_skip_before_download_rule():
    entry = entry_for(RECORD, 1)  # published 2025-03-04 09:00 UTC, never modified
    assert needs_fetch(None, [])  # not stored
    assert not needs_fetch(entry, [])  # stored, no date in the feed
    assert not needs_fetch(entry, ["Tue, 04 Mar 2025 09:00:00 GMT", None])  # same date
    assert needs_fetch(entry, [None, "2025-03-04T10:30:00+01:00"])  # 09:30 UTC: newer
    assert not needs_fetch(entry, ["2025-03-04T10:00:00+01:00"])  # 09:00 UTC: the same instant
    assert not needs_fetch(entry, ["2025-03-04"])  # a day-only date is 00:00
    assert needs_fetch(entry, ["2025-03-05"])
    modified = entry_for({**RECORD, "date_modified": "2025-03-10T08:00:00+00:00"}, 2)
    assert not needs_fetch(modified, ["2025-03-09T23:00:00+00:00"])  # compared to date_modified
    assert needs_fetch(modified, ["2025-03-10T08:00:01+00:00"])


def test_crawl_lock_is_exclusive_and_released_on_close(tmp_path):
    path = tmp_path / ".state" / "crawl.lock"
    held = crawl_lock(path)
    with pytest.raises(CrawlLocked, match=r"another crawl is running \(pid \d+ holds .*crawl.lock\); nothing done"):
        crawl_lock(path)
    held.close()
    crawl_lock(path).close()


def test_journals_of_a_killed_commit_are_settled(tmp_path):
    from newsbot.seenstore import recover_journals, write_journal

    store = SqliteSeenStore(tmp_path / "seen.sqlite")
    journal = tmp_path / "journal"
    other = {**RECORD, "id": fingerprint(URL + "2"), "url": URL + "2"}
    # killed after the rename: the part file is gone, the final file is there
    (tmp_path / "a.jsonl").write_text("{}\n")
    write_journal(journal, tmp_path / "a.jsonl", tmp_path / "a.jsonl.part", [(entry_for(RECORD, 1), {"k1"})])
    # killed before the rename: the part file is still there
    (tmp_path / "b.jsonl.part").write_text("{}\n")
    write_journal(journal, tmp_path / "b.jsonl", tmp_path / "b.jsonl.part", [(entry_for(other, 1), set())])
    (journal / "broken.json").write_text("{")
    assert recover_journals(journal, store) == (1, 1)
    assert store.lookup("k1").id == RECORD["id"] and store.lookup(other["id"]) is None
    assert list(journal.iterdir()) == []
    assert recover_journals(tmp_path / "absent", store) == (0, 0)


class MemoryStore:
    """A seen-store of another kind, built from the settings: what a shared store looks like."""

    built_with = None

    def __init__(self):
        self.entries = {}

    @classmethod
    def from_settings(cls, settings):
        cls.built_with = settings.get("MEMORY_STORE_NAME")
        return cls()

    def lookup(self, key):
        return self.entries.get(key)

    def commit(self, entries):
        entries = list(entries)
        for entry, aliases in entries:
            for key in {entry.id, *aliases}:
                self.entries[key] = entry
        return len(entries)

    def close(self):
        pass


def test_another_store_class_plugs_in(tmp_path):
    from types import SimpleNamespace

    from scrapy.settings import Settings
    from scrapy.statscollectors import MemoryStatsCollector

    from newsbot.incremental import Incremental

    from newsbot.settings_table import defaults

    settings = Settings({**defaults(), "NEWSBOT_SEEN_STORE_CLASS": f"{__name__}.MemoryStore", "MEMORY_STORE_NAME": "shared",
                         "NEWSBOT_STATE_DIR": str(tmp_path), "FEEDS": {}})
    crawler = SimpleNamespace(settings=settings, stats=None)
    crawler.stats = MemoryStatsCollector(crawler)
    ext = Incremental(crawler)
    ext.spider_opened(SimpleNamespace(incremental=None))
    assert ext.enabled and isinstance(ext.store, MemoryStore) and MemoryStore.built_with == "shared"
    response = SimpleNamespace(url=URL, request=SimpleNamespace(url=URL + "?utm_source=x"))
    ext.item_scraped({**RECORD, "revision": 1}, response)
    ext.record_written({**RECORD, "revision": 1}, None)  # through a storage that is not newsbot's
    ext.feed_exporter_closed()
    assert ext.previous(RECORD).revision == 1
    assert not ext.should_fetch("http://example.org/news/2025/03/story-1", ["2025-03-04T09:00:00Z"])
    assert ext.should_fetch("http://example.org/news/2025/03/story-1", ["2025-03-05T09:00:00Z"])
    assert crawler.stats.get_value("newsbot/incremental/committed") == 1
