"""The seen-store (:mod:`newsbot.seenstore`) without a crawl: entries kept per stream with their
aliases across connections, files that are not a store refused (not a database, empty, a table
missing, another schema), a store of the first schema migrated, a failed commit storing nothing,
the content hash, the skip-before-download rule, and the journals of a killed commit settled
(rolled forward)."""
from __future__ import annotations

import dataclasses
import sqlite3

import pytest
from support import STORY_RECORD as RECORD, STORY_URL as URL

from newsbot.extraction.urls import fingerprint
from newsbot.seenstore import GONE, SCHEMA_VERSION, SeenEntry, latest_listed, SqliteSeenStore, content_hash, entry_for, is_unchanged, needs_fetch

STREAM = "/srv/out/loopnews/%(date)s/loopnews-%(time)s-%(batch_id)03d.jsonl"


def test_store_keeps_entries_with_aliases_across_connections(tmp_path):
    path = tmp_path / "state" / "seen.sqlite"
    store = SqliteSeenStore(path)
    assert store.lookup(STREAM, RECORD["id"]) is None and not path.exists()  # nothing written yet
    alias = fingerprint("https://example.org/?p=123")
    assert store.commit([(entry_for(RECORD, 1, STREAM), {alias})]) == 1
    store.close()
    again = SqliteSeenStore(path)
    entry = again.lookup(STREAM, alias)
    assert entry.id == RECORD["id"] and entry.revision == 1 and entry.content_hash == content_hash(RECORD)
    assert again.lookup(STREAM, fingerprint("http://example.org/news/2025/03/story-1")) == entry  # scheme, www., slash
    # a later revision replaces the entry
    again.commit([(entry_for({**RECORD, "body": "B2"}, 2, STREAM), set())])
    assert again.lookup(STREAM, alias).revision == 2 and len(again) == 1
    again.close()


def test_a_record_is_delivered_only_to_its_stream(tmp_path):
    store = SqliteSeenStore(tmp_path / "seen.sqlite")
    store.commit([(entry_for(RECORD, 1, "/adhoc/today.jsonl"), set())])
    assert store.lookup("/adhoc/today.jsonl", RECORD["id"]).stream == "/adhoc/today.jsonl"
    assert store.lookup(STREAM, RECORD["id"]) is None  # the scheduled stream never had it
    store.commit([(entry_for(RECORD, 1, STREAM), set())])
    assert len(store) == 2


@pytest.mark.parametrize("content, message", [
    (b"", "the file is empty"),
    (b"not a database" * 100, "file is not a database"),
])
def test_a_file_that_is_not_a_store_is_refused(tmp_path, content, message):
    path = tmp_path / "seen.sqlite"
    path.write_bytes(content)
    with pytest.raises(ValueError) as err:
        SqliteSeenStore(path)
    assert f"seen-store {path} is not usable: {message}" in str(err.value) and "\n" not in str(err.value)
    assert path.read_bytes() == content  # left as it was


@pytest.mark.parametrize("drop, message", [
    ("DROP TABLE aliases", "no table aliases"),
    ("UPDATE meta SET value = '9'", f"schema version 9, this newsbot reads {SCHEMA_VERSION}"),
    ("ALTER TABLE articles DROP COLUMN content_hash", "table articles lacks content_hash"),
])
def test_a_store_of_another_shape_is_refused(tmp_path, drop, message):
    path = tmp_path / "seen.sqlite"
    store = SqliteSeenStore(path)
    store.commit([(entry_for(RECORD, 1, STREAM), set())])
    store.close()
    db = sqlite3.connect(path)
    db.execute(drop)
    db.commit()
    db.close()
    with pytest.raises(ValueError, match=message):
        SqliteSeenStore(path)


def test_a_store_of_the_first_schema_is_migrated_to_the_default_stream(tmp_path):
    path = tmp_path / "seen.sqlite"
    db = sqlite3.connect(path)
    db.executescript(
        "CREATE TABLE articles (id TEXT PRIMARY KEY, url TEXT, portal TEXT, content_hash TEXT, date_published TEXT,"
        " date_modified TEXT, revision INTEGER, seen_at TEXT);"
        "CREATE TABLE aliases (key TEXT PRIMARY KEY, id TEXT NOT NULL);")
    db.execute("INSERT INTO articles VALUES (?, ?, 'loopnews', 'h', NULL, NULL, 3, '2025-03-04T09:00:00+00:00')",
               (RECORD["id"], RECORD["url"]))
    db.execute("INSERT INTO aliases VALUES (?, ?)", ("alias1", RECORD["id"]))
    db.commit()
    db.close()
    store = SqliteSeenStore(path, legacy_stream=lambda portal: f"default:{portal}")
    entry = store.lookup("default:loopnews", "alias1")
    assert (entry.id, entry.revision, entry.stream) == (RECORD["id"], 3, "default:loopnews")
    store.close()
    assert SqliteSeenStore(path).lookup("default:loopnews", RECORD["id"]).revision == 3  # migrated once


def test_validators_are_kept_per_url_and_a_second_schema_store_gains_their_columns(tmp_path):
    path = tmp_path / "seen.sqlite"
    db = sqlite3.connect(path)
    db.executescript(
        "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);"
        "CREATE TABLE articles (stream TEXT NOT NULL, id TEXT NOT NULL, url TEXT, portal TEXT, content_hash TEXT,"
        " date_published TEXT, date_modified TEXT, revision INTEGER, seen_at TEXT, PRIMARY KEY (stream, id));"
        "CREATE TABLE aliases (stream TEXT NOT NULL, key TEXT NOT NULL, id TEXT NOT NULL, PRIMARY KEY (stream, key));"
        "INSERT INTO meta VALUES ('schema', '2');")
    db.execute("INSERT INTO articles VALUES (?, ?, ?, 'loopnews', 'h', NULL, NULL, 2, '2025-03-04T09:00:00+00:00')",
               (STREAM, RECORD["id"], RECORD["url"]))
    db.execute("INSERT INTO aliases VALUES (?, ?, ?)", (STREAM, RECORD["id"], RECORD["id"]))
    db.commit()
    db.close()
    store = SqliteSeenStore(path)
    old = store.lookup(STREAM, RECORD["id"])
    assert (old.revision, old.validators) == (2, (None, None))
    amp = fingerprint(URL + "/amp")
    r3 = ('W/"r3"', "Tue, 04 Mar 2025 09:00:00 GMT")
    store.commit([(entry_for(RECORD, 3, STREAM), {RECORD["id"]: r3, amp: ('"amp"', None)})])
    store.close()
    again = SqliteSeenStore(path)
    # each URL of the article keeps the validators it was served with
    assert again.lookup(STREAM, RECORD["id"]).validators == r3
    assert again.lookup(STREAM, amp).validators == ('"amp"', None)
    # a later commit naming a URL without validators keeps its stored ones; (None, None) clears them
    again.commit([(entry_for(RECORD, 4, STREAM), {amp: None, RECORD["id"]: (None, None)})])
    assert again.lookup(STREAM, amp).validators == ('"amp"', None) and again.lookup(STREAM, amp).revision == 4
    assert again.lookup(STREAM, RECORD["id"]).validators == (None, None)
    assert again.db.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone() == (SCHEMA_VERSION,)
    again.close()


def _older_store(path, schema: int, articles: str, aliases: str, article: str, alias: str) -> None:
    """Write at ``path`` a seen-store as schema ``schema`` made it: the column lists ``articles``
    and ``aliases`` (after the key columns), one article of :data:`RECORD` with the values
    ``article`` (after stream, id and url) and its alias with ``alias`` (after stream, key, id)."""
    db = sqlite3.connect(path)
    db.executescript(
        "CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);"
        f"CREATE TABLE articles (stream TEXT NOT NULL, id TEXT NOT NULL, url TEXT, {articles},"
        " PRIMARY KEY (stream, id));"
        f"CREATE TABLE aliases (stream TEXT NOT NULL, key TEXT NOT NULL, id TEXT NOT NULL{aliases}, "
        "PRIMARY KEY (stream, key));"
        f"INSERT INTO meta VALUES ('schema', '{schema}');")
    db.execute(f"INSERT INTO articles VALUES (?, ?, ?, {article})", (STREAM, RECORD["id"], RECORD["url"]))
    db.execute(f"INSERT INTO aliases VALUES (?, ?, ?{alias})", (STREAM, RECORD["id"], RECORD["id"]))
    db.commit()
    db.close()


def test_a_fourth_schema_store_loses_its_per_article_validators(tmp_path):
    path = tmp_path / "seen.sqlite"
    _older_store(path, 4,  # validators of the article
                 "portal TEXT, content_hash TEXT, date_published TEXT, date_modified TEXT, revision INTEGER,"
                 " seen_at TEXT, etag TEXT, last_modified TEXT, partial INTEGER NOT NULL DEFAULT 0", "",
                 "'loopnews', 'h', NULL, NULL, 2, '2025-03-04T09:00:00+00:00', '\"x\"',"
                 " 'Tue, 04 Mar 2025 09:00:00 GMT', 1", "")
    store = SqliteSeenStore(path)
    entry = store.lookup(STREAM, RECORD["id"])
    assert (entry.revision, entry.partial, entry.validators) == (2, True, (None, None))
    columns = {row[1] for row in store.db.execute("PRAGMA table_info(articles)")}
    assert not columns & {"etag", "last_modified"}
    assert store.db.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone() == (SCHEMA_VERSION,)
    store.close()


def test_a_partial_record_is_kept_partial_and_a_third_schema_store_gains_the_column(tmp_path):
    path = tmp_path / "seen.sqlite"
    store = SqliteSeenStore(path)
    store.commit([(entry_for(RECORD, 1, STREAM), set())])
    store.close()
    db = sqlite3.connect(path)  # the store as the third schema made it: no partial column
    db.execute("ALTER TABLE articles DROP COLUMN partial")
    db.execute("UPDATE meta SET value = '3'")
    db.commit()
    db.close()
    store = SqliteSeenStore(path)
    assert store.lookup(STREAM, RECORD["id"]).partial is False
    cut = {**RECORD, "quality_flags": ["partial", "paginated"]}
    store.commit([(entry_for(cut, 2, STREAM), set())])
    store.close()
    again = SqliteSeenStore(path)
    assert (again.lookup(STREAM, RECORD["id"]).partial, again.lookup(STREAM, RECORD["id"]).revision) == (True, 2)
    again.commit([(entry_for({**RECORD, "quality_flags": ["paginated"]}, 3, STREAM), set())])  # written whole
    assert again.lookup(STREAM, RECORD["id"]).partial is False
    # a one-page record cut by a paywall reads the same cut on every fetch: not kept partial
    assert entry_for({**RECORD, "quality_flags": ["partial"]}, 4, STREAM).partial is False
    assert again.db.execute("SELECT value FROM meta WHERE key = 'schema'").fetchone() == (SCHEMA_VERSION,)
    again.close()


def test_a_failed_commit_stores_nothing(tmp_path):
    store = SqliteSeenStore(tmp_path / "seen.sqlite")
    good = (entry_for(RECORD, 1, STREAM), set())
    bad = (SeenEntry(*(["x"] * 7), revision=object(), seen_at="now"), set())  # not storable
    with pytest.raises(sqlite3.Error):
        store.commit([good, bad])
    assert len(store) == 0


def test_content_hash_ignores_bookkeeping_fields():
    assert content_hash(RECORD) == content_hash({**RECORD, "crawled_at": "2026-01-01T00:00:00+00:00",
                                                 "url": URL + "?x=1", "revision": 3})
    assert content_hash(RECORD) != content_hash({**RECORD, "body": "B, corrected"})
    entry = entry_for(RECORD, 1, STREAM)
    assert is_unchanged(entry, dict(RECORD))
    assert not is_unchanged(entry, {**RECORD, "date_modified": "2025-03-06T10:00:00+00:00"})
    # stored with a sitemap's lastmod; reached this time by a listing without one: no change
    dated = entry_for({**RECORD, "date_modified": "2025-03-06T10:00:00+00:00"}, 1, STREAM)
    assert is_unchanged(dated, {**RECORD, "date_modified": None})
    assert not is_unchanged(dated, {**RECORD, "date_modified": "2025-03-07T10:00:00+00:00"})


def test_skip_before_download_rule():
    entry = entry_for(RECORD, 1, STREAM)  # published 2025-03-04 09:00 UTC, never modified
    assert needs_fetch(None, [])  # not stored
    assert not needs_fetch(entry, [])  # stored, no date in the feed
    assert not needs_fetch(entry, ["Tue, 04 Mar 2025 09:00:00 GMT", None])  # same date
    assert needs_fetch(entry, [None, "2025-03-04T10:30:00+01:00"])  # 09:30 UTC: newer
    assert not needs_fetch(entry, ["2025-03-04T10:00:00+01:00"])  # 09:00 UTC: the same instant
    assert not needs_fetch(entry, ["2025-03-04"])  # a day-only date is 00:00
    assert needs_fetch(entry, ["2025-03-05"])
    modified = entry_for({**RECORD, "date_modified": "2025-03-10T08:00:00+00:00"}, 2, STREAM)
    assert not needs_fetch(modified, ["2025-03-09T23:00:00+00:00"])  # compared to date_modified
    assert needs_fetch(modified, ["2025-03-10T08:00:01+00:00"])


def test_journals_of_a_killed_commit_are_settled(tmp_path):
    from newsbot.feedstorage import Output
    from newsbot.seenstore import recover_journals, write_journal

    store = SqliteSeenStore(tmp_path / "seen.sqlite")
    journal = tmp_path / "journal"
    other = {**RECORD, "id": fingerprint(URL + "2"), "url": URL + "2"}
    third = {**RECORD, "id": fingerprint(URL + "3"), "url": URL + "3"}
    # killed after the rename: the part file is gone, the final file is there
    (tmp_path / "a.jsonl").write_text("{}\n")
    write_journal(journal, Output(tmp_path / "a.jsonl", tmp_path / "a.jsonl.part", True, STREAM),
                  [(entry_for(RECORD, 1, STREAM), {"k1"})], "replace")
    # killed before the rename: the complete part file is put in place now
    (tmp_path / "b.jsonl.part").write_text('{"b": 1}\n')
    write_journal(journal, Output(tmp_path / "b.jsonl", tmp_path / "b.jsonl.part", True, STREAM),
                  [(entry_for(other, 1, STREAM), set())], "replace")
    # killed half-way through an append: the file is cut back to its length and appended again
    (tmp_path / "c.jsonl").write_bytes(b'{"old": 1}\n{"new": 1, "cut sh')
    (tmp_path / "c.jsonl.part").write_bytes(b'{"new": 1, "cut short": false}\n')
    write_journal(journal, Output(tmp_path / "c.jsonl", tmp_path / "c.jsonl.part", False, STREAM),
                  [(entry_for(third, 1, STREAM), set())], "append", offset=len(b'{"old": 1}\n'))
    (journal / "broken.json").write_text("{")
    assert recover_journals(journal, store) == (3, 0)
    assert store.lookup(STREAM, "k1").id == RECORD["id"] and store.lookup(STREAM, other["id"]).id == other["id"]
    assert (tmp_path / "b.jsonl").read_text() == '{"b": 1}\n' and not (tmp_path / "b.jsonl.part").exists()
    assert (tmp_path / "c.jsonl").read_bytes() == b'{"old": 1}\n{"new": 1, "cut short": false}\n'
    assert list(journal.iterdir()) == []
    assert recover_journals(tmp_path / "absent", store) == (0, 0)


def test_a_fifth_schema_store_gains_listed_and_state_and_a_listing_date_checked_is_not_a_reason_again(tmp_path):
    path = tmp_path / "seen.sqlite"
    _older_store(path, 5,  # no listed, no state
                 "portal TEXT, content_hash TEXT, date_published TEXT, date_modified TEXT, revision INTEGER,"
                 " seen_at TEXT, partial INTEGER NOT NULL DEFAULT 0", ", etag TEXT, last_modified TEXT",
                 "'loopnews', 'h', '2025-03-04T09:00:00+00:00', NULL, 1, '2025-03-05T00:00:00+00:00', 0",
                 ", NULL, NULL")
    store = SqliteSeenStore(path)
    entry = store.lookup(STREAM, RECORD["id"])
    assert (entry.revision, entry.listed, entry.state) == (1, None, None)
    assert needs_fetch(entry, ["2025-03-06T12:00:00+01:00"])
    store.commit([(dataclasses.replace(entry, listed=latest_listed(["2025-03-06T12:00:00+01:00", None])), ())])
    checked = store.lookup(STREAM, RECORD["id"])
    assert checked.listed == "2025-03-06T11:00:00+00:00"
    assert not needs_fetch(checked, ["2025-03-06T11:00:00Z"])  # the date it was checked under
    assert needs_fetch(checked, ["2025-03-06T11:00:01Z"])  # a later one
    store.commit([(dataclasses.replace(checked, state=GONE), ())])
    assert store.lookup(STREAM, RECORD["id"]).state == GONE
    fresh = entry_for(RECORD, 1, STREAM)
    assert is_unchanged(fresh, RECORD)
    assert not is_unchanged(dataclasses.replace(fresh, state=GONE), RECORD)  # back from gone: written again
    store.close()
