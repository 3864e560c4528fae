"""The record's schema and the column types made from it (:mod:`newsbot.schema`), on the output
of real crawls of a loopback portal: the README's DuckDB and pandas recipes read every day's
files with one stable schema (files holding fields that are null, or empty lists, in every
record), dates as time-zone-aware timestamps, translations as one list of ``{language, url}``,
and a day-only date told apart by its ``day_only`` flag."""
from __future__ import annotations

import json
from datetime import timezone

import pytest
from newsroom import Newsroom, Story, day, outputs, records, run, write_portal

from newsbot.cli import main
from newsbot.schema import date_fields, duckdb_columns, duckdb_columns_sql, pandas_dtypes

WINDOW = ("--since", "2025-03-01", "--until", "2025-03-31")
STORIES = [Story(1, day(3), alternates={"de": "/news/2025/03/story-1-de", "fr": "/news/2025/03/story-1-fr"}),
           Story(2, day(4), day_only=True), Story(3, day(5))]
LATER = Story(4, day(6))
DUCKDB_NAMES = {"TIMESTAMPTZ": "TIMESTAMP WITH TIME ZONE", "STRUCT(language VARCHAR, url VARCHAR)[]":
                'STRUCT("language" VARCHAR, url VARCHAR)[]'}


def _published(story: Story):
    """The instant a record gives for ``story``: midnight UTC (the portal's zone) for a day alone."""
    return story.published.replace(hour=0) if story.day_only else story.published


@pytest.fixture(scope="module")
def crawled(tmp_path_factory):
    """Two runs of the portal: the first writes stories 1–3 (story 1 with two translations,
    story 2 dated by its day only), the second story 4 alone (no translation, no flag); the
    crawl folder and ``{title: story}``."""
    folder = tmp_path_factory.mktemp("crawl")
    with Newsroom(list(STORIES)) as room:
        write_portal(folder, room.base)
        assert run(folder, *WINDOW).returncode == 0
        room.add(LATER)
        second = run(folder, *WINDOW)
        assert second.returncode == 0, second.stderr[-3000:]
        base = room.base
    files = outputs(folder)
    assert [len(records(f)) for f in files] == [3, 1]
    return folder, base, {s.title: s for s in (*STORIES, LATER)}


def test_duckdb_reads_every_day_with_one_schema(crawled):
    duckdb = pytest.importorskip("duckdb", reason="duckdb is in the test extra")
    folder, base, stories = crawled
    columns = duckdb_columns_sql()

    def schema(pattern: str) -> list[tuple[str, str]]:
        sql = f"DESCRIBE SELECT * FROM read_json('{pattern}', format='newline_delimited', columns={columns})"
        return [(name, kind) for name, kind, *_ in duckdb.sql(sql).fetchall()]

    every_day = schema(f"{folder}/output/loopnews/*/*.jsonl")
    assert every_day == [(name, DUCKDB_NAMES.get(kind, kind)) for name, kind in duckdb_columns().items()]
    for path in outputs(folder):  # the second file: no translation, original_url and image null throughout
        assert schema(str(path)) == every_day
    rows = duckdb.sql(f"SELECT title, date_published, translations, list_contains(quality_flags, 'day_only') "
                      f"FROM read_json('{folder}/output/loopnews/*/*.jsonl', columns={columns}) ORDER BY title").fetchall()
    assert [r[0] for r in rows] == sorted(stories)
    for title, published, translations, day_only in rows:
        story = stories[title]
        assert published.tzinfo is not None and published == _published(story)
        assert translations == [{"language": lang, "url": base + path} for lang, path in story.alternates.items()]
        assert day_only is story.day_only


def test_pandas_reads_every_day_with_one_schema(crawled):
    pd = pytest.importorskip("pandas", reason="pandas is in the test extra")
    folder, base, stories = crawled
    files = outputs(folder)
    table = pd.concat((pd.read_json(f, lines=True, dtype=pandas_dtypes()) for f in files), ignore_index=True)
    table[date_fields()] = table[date_fields()].apply(pd.to_datetime, utc=True, format="ISO8601")
    assert date_fields() == ["date_published", "date_modified", "crawled_at"]
    for name in date_fields():
        assert str(table[name].dtype).endswith(", UTC]"), (name, table[name].dtype)
    assert str(table["original_url"].dtype) == "string" and table["original_url"].isna().all()
    assert str(table["machine_translated"].dtype) == "boolean" and str(table["revision"].dtype) == "Int64"
    by_title = table.set_index("title")
    for title, story in stories.items():
        assert by_title.loc[title, "date_published"] == _published(story)
        assert by_title.loc[title, "date_published"].tzinfo is not None
        assert by_title.loc[title, "translations"] == [
            {"language": lang, "url": base + path} for lang, path in story.alternates.items()]
    day_only = table["quality_flags"].apply(lambda flags: "day_only" in flags)
    assert sorted(table.loc[day_only, "title"]) == [STORIES[1].title]
    assert by_title.loc[STORIES[1].title, "date_published"] == STORIES[1].published.replace(hour=0)
    first = pd.read_json(files[1], lines=True, dtype=pandas_dtypes())  # one file, image null throughout
    assert str(first["image"].dtype) == "string"


def test_a_day_only_record_of_a_crawl_is_flagged_and_dated_midnight(crawled):
    folder, _, _ = crawled
    got = {r["title"]: r for f in outputs(folder) for r in records(f)}
    story = got[STORIES[1].title]
    assert story["quality_flags"] == ["day_only"]
    assert story["date_published"] == "2025-03-04T00:00:00+00:00"
    assert got[STORIES[0].title]["quality_flags"] == [] and got[STORIES[0].title]["date_published"] == \
        STORIES[0].published.astimezone(timezone.utc).isoformat()


def test_schema_command_prints_the_duckdb_columns(capsys):
    assert main(["schema", "--duckdb"]) == 0
    out = capsys.readouterr().out.strip()
    assert out == duckdb_columns_sql()
    assert "'translations': 'STRUCT(language VARCHAR, url VARCHAR)[]'" in out
    assert main(["schema"]) == 0
    printed = json.loads(capsys.readouterr().out)
    assert printed["properties"]["translations"]["items"]["required"] == ["language", "url"]


def test_schema_into_a_reader_that_went_away_ends_without_a_traceback(tmp_path):
    import os
    import subprocess
    import sys

    env = {**os.environ, "SCRAPY_SETTINGS_MODULE": "newsbot.settings"}
    proc = subprocess.Popen([sys.executable, "-m", "newsbot.cli", "schema"], cwd=tmp_path, env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    proc.stdout.close()  # the reader is gone before the command writes (as `| head -c 300` once it has its bytes)
    err = proc.stderr.read()
    assert proc.wait(60) == 1
    assert err == "", err
