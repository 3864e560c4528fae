"""The seen-store (:mod:`newsbot.seenstore`) without a crawl: entries kept with their aliases
across connections, a file that is not a store refused, a failed commit storing nothing, the
content hash, the skip-before-download rule, and the journals of a killed commit settled."""
from __future__ import annotations

import sqlite3

import pytest
from support import STORY_RECORD as RECORD, STORY_URL as URL

from newsbot.extraction.urls import fingerprint
from newsbot.seenstore import SeenEntry, SqliteSeenStore, content_hash, entry_for, is_unchanged, needs_fetch


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
