"""Scheduled runs over the life of an article, against a loopback portal under the default
window (the last 2 days up to now + 1 h): a correction to an article published before the
window, pages fetched and found unchanged or outside the window, withdrawn articles, dates
ahead of the clock, and a run killed among these."""
from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

from newsroom import Newsroom, Story, killed, outputs, records, run, start, wait_for, write_portal

CORRECTION = "Correction: an earlier version of this article gave the wrong year for the review."


def now() -> datetime:
    return datetime.now(timezone.utc).replace(microsecond=0)


def last_stats(workdir) -> dict:
    """The ``.stats.json`` of the latest run (written also when the run wrote no record)."""
    return json.loads(sorted((workdir / "output" / "loopnews").glob("*/*.stats.json"))[-1].read_text("utf-8"))


def ok(proc) -> str:
    assert proc.returncode == 0, proc.stderr[-3000:]
    return proc.stderr


def test_a_correction_to_an_article_published_before_the_window_is_written_as_its_next_revision(tmp_path):
    t = now()
    old = t - timedelta(days=3)
    with Newsroom([Story(1, old), Story(2, t - timedelta(hours=3))]) as room:
        write_portal(tmp_path, room.base)
        ok(run(tmp_path, "--since", (t - timedelta(days=4)).date().isoformat()))
        room.add(Story(1, old, modified=t - timedelta(minutes=5), extra=CORRECTION))
        assert "loopnews: ok: 1 records written, 0 failed requests, 1 already stored" in ok(run(tmp_path))
        [_, out2] = outputs(tmp_path)
        [corrected] = records(out2)
        assert (corrected["title"], corrected["revision"]) == (Story(1, old).title, 2)
        assert corrected["body"].endswith(CORRECTION)
        assert corrected["date_published"] == old.isoformat()

        # an article published before the window that no run delivered stays out, updated or not
        room.add(Story(3, old, modified=t - timedelta(minutes=5)))
        assert "loopnews: ok: 0 records written" in ok(run(tmp_path))
        assert Story(3, old).path not in room.hits
        assert last_stats(tmp_path)["skipped"] == {"seen": 2, "out_of_window": 1}


def test_a_page_found_unchanged_or_not_modified_is_not_fetched_again_for_the_same_listing_date(tmp_path):
    t = now()
    one = dict(n=1, published=t - timedelta(hours=2), modified=t - timedelta(minutes=90))
    two = dict(n=2, published=t - timedelta(hours=3), etag='"s2"')
    with Newsroom([Story(**one), Story(**two)]) as room:
        write_portal(tmp_path, room.base)
        ok(run(tmp_path))
        # the feed's <updated> moves past what the pages themselves say (a comment, a regenerated feed)
        room.add(Story(**one, listed_modified=t - timedelta(minutes=10)),
                 Story(**two, listed_modified=t - timedelta(minutes=10)))
        second = ok(run(tmp_path))
        assert ("loopnews: ok: 0 records written, 0 failed requests, 2 already stored (2 of them fetched again: "
                "1 unchanged, 1 answered 304)") in second
        assert room.article_hits() == {Story(**one).path: 2, Story(**two).path: 2}
        third = ok(run(tmp_path))
        assert "loopnews: ok: 0 records written, 0 failed requests, 2 already stored; nothing new" in third
        assert room.article_hits() == {Story(**one).path: 2, Story(**two).path: 2}
        assert last_stats(tmp_path)["skipped"] == {"seen": 2}
        # a listing date that moves again asks once more
        room.add(Story(**one, listed_modified=t - timedelta(minutes=1)))
        ok(run(tmp_path))
        assert room.article_hits() == {Story(**one).path: 3, Story(**two).path: 2}


def test_pages_of_an_undated_feed_found_outside_the_window_are_not_downloaded_again(tmp_path):
    t = now()
    stories = [Story(n, t - timedelta(days=5, hours=n)) for n in (1, 2, 3)] + [Story(4, t - timedelta(hours=1))]
    with Newsroom(stories, dated=False) as room:
        write_portal(tmp_path, room.base)
        first = ok(run(tmp_path))
        assert "loopnews: ok: 1 records written, 0 failed requests; 3 pages fetched and dropped as outside the date " \
               "window" in first
        ok(run(tmp_path))
        assert sorted(room.article_hits().values()) == [1, 1, 1, 1]
        assert last_stats(tmp_path)["skipped"] == {"seen": 1, "out_of_window": 3}
        # a window that holds them (a backfill) fetches and writes them
        third = ok(run(tmp_path, "--since", (t - timedelta(days=7)).date().isoformat()))
        assert "loopnews: ok: 3 records written, 0 failed requests, 1 already stored" in third
        assert sorted(room.article_hits().values()) == [1, 2, 2, 2]


def test_a_withdrawn_article_is_recorded_as_gone_not_failed_and_not_asked_again(tmp_path):
    t = now()
    kept = {n: dict(n=n, published=t - timedelta(hours=n)) for n in (1, 2, 3)}
    with Newsroom([Story(**kept[n]) for n in (1, 2, 3)]) as room:
        write_portal(tmp_path, room.base)
        ok(run(tmp_path))
        moved = t - timedelta(minutes=5)
        room.add(Story(**kept[2], status=404, listed_modified=moved), Story(**kept[3], status=410, listed_modified=moved))
        second = ok(run(tmp_path))
        assert "loopnews: ok: 0 records written, 0 failed requests, 1 already stored; 2 withdrawn (404/410, " \
               "recorded as gone): " in second
        stats = last_stats(tmp_path)
        assert stats["errors"] == {} and stats["error_ratio"] == 0.0
        assert sorted((w["url"].removeprefix(room.base), w["status"]) for w in stats["withdrawn"]) == [
            (Story(**kept[2]).path, 404), (Story(**kept[3]).path, 410)]
        assert stats["scrapy_stats"]["newsbot/gone/http_404"] == 1
        # the feed still lists them, with the same date: not asked again
        third = ok(run(tmp_path))
        assert "0 failed requests" in third and "withdrawn" not in third
        assert room.article_hits() == {Story(**kept[n]).path: 1 + (n > 1) for n in (1, 2, 3)}
        assert last_stats(tmp_path)["skipped"] == {"seen": 1, "gone": 2}
        # its listing date moves and the page is back: written again, as its next revision
        room.add(Story(**kept[2], listed_modified=t - timedelta(minutes=1)))
        fourth = ok(run(tmp_path))
        assert "loopnews: ok: 1 records written" in fourth
        [back] = records(outputs(tmp_path)[-1])
        assert (back["title"], back["revision"]) == (Story(**kept[2]).title, 2)


def test_articles_dated_ahead_of_the_clock_are_counted_and_named(tmp_path):
    t = now()
    soon, later, far = (Story(1, t + timedelta(minutes=30)), Story(2, t + timedelta(hours=3)),
                        Story(3, t + timedelta(days=3)))
    with Newsroom([soon, later, far]) as room:
        write_portal(tmp_path, room.base)
        first = ok(run(tmp_path))
        assert ("loopnews: ok: 1 records written, 0 failed requests; 2 dated ahead of the clock (after now + 1 h), "
                f"left for a later run, e.g. {room.base}{later.path} dated ") in first
        assert room.article_hits() == {soon.path: 1}
        stats = last_stats(tmp_path)
        assert stats["skipped"] == {"dated_ahead": 2}
        assert [a["url"] for a in stats["dated_ahead"]] == [room.base + later.path, room.base + far.path]
        assert records(outputs(tmp_path)[0])[0]["date_published"] == soon.published.isoformat()


def test_a_run_killed_among_its_checks_loses_nothing_and_writes_nothing_twice(tmp_path):
    """A run that stores checks at once (a page found unchanged under a moved listing date, a
    page outside the window, a withdrawn one) while its output file is still a part file is
    killed with SIGKILL: the next run writes every new article once, and the run after it
    fetches nothing."""
    t = now()
    base = {n: dict(n=n, published=t - timedelta(hours=n)) for n in (1, 2, 3)}
    base[1]["modified"] = t - timedelta(minutes=50)  # the page states it: a later listing date is no change
    with Newsroom([Story(**base[n]) for n in (1, 2, 3)]) as room:
        write_portal(tmp_path, room.base)
        ok(run(tmp_path))
        moved = t - timedelta(minutes=5)
        room.add(Story(**base[1], listed_modified=moved), Story(**base[2], status=410, listed_modified=moved),
                 *(Story(n, t - timedelta(minutes=10 * n)) for n in range(4, 9)))
        room.gate_after = room.served_articles + 3
        with killed(start(tmp_path)) as victim:
            wait_for(lambda: room.held >= 1 and list((tmp_path / "output").rglob("*.jsonl.*.part")), victim)
        room.gate.set()
        room.gate_after = None
        ok(run(tmp_path))
        ids = [r["id"] for p in outputs(tmp_path) for r in records(p)]
        assert len(ids) == len(set(ids)) == 8  # 1..3 by the first run, 4..8 once
        titles = {r["title"] for p in outputs(tmp_path)[1:] for r in records(p)}
        assert titles == {Story(n, t).title for n in range(4, 9)}
        hits = dict(room.article_hits())
        fourth = ok(run(tmp_path))
        assert "loopnews: ok: 0 records written, 0 failed requests" in fourth
        assert room.article_hits() == hits


def test_a_page_of_an_undated_link_dated_ahead_of_the_clock_is_dropped_as_such_and_fetched_when_due(tmp_path):
    t = now()
    ahead = Story(1, t + timedelta(hours=3))
    with Newsroom([ahead, Story(2, t - timedelta(hours=1))], dated=False) as room:
        write_portal(tmp_path, room.base)
        first = ok(run(tmp_path))
        assert "loopnews: ok: 1 records written, 0 failed requests; 1 dated ahead of the clock" in first
        assert last_stats(tmp_path)["records_dropped"] == {"dated_ahead": 1}
        # a window that holds its date (here: one ending later) fetches and writes it
        second = ok(run(tmp_path, "--until", (t + timedelta(days=1)).date().isoformat()))
        assert "loopnews: ok: 1 records written" in second
        assert room.article_hits() == {ahead.path: 2, Story(2, t).path: 1}
