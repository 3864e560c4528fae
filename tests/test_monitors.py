"""Monitors (:mod:`newsbot.monitors`): a portal whose markup changes between runs makes the run
fail naming the field; thresholds per portal; bad threshold settings refused at start; the
checks on known figures (:func:`newsbot.stats.figures`); notification actions from the settings."""
from __future__ import annotations

import json

import pytest
from newsroom import Newsroom, Story, day, outputs, run, stats_of, write_portal
from scrapy.settings import Settings
from support import known_stats as _stats

from newsbot.monitors import (check_coverage, check_errors, check_finish, check_not_generic, check_records,
                              thresholds)
from newsbot.stats import figures

WINDOW = ("--since", "2025-03-01", "--until", "2025-03-31")


def test_markup_change_fails_the_run_and_names_the_field(tmp_path):
    with Newsroom([Story(1, day(3)), Story(2, day(4))]) as room:
        write_portal(tmp_path, room.base)
        first = run(tmp_path, *WINDOW)
        assert first.returncode == 0, first.stderr[-3000:]
        assert "Monitor failed" not in first.stderr
        # the redesign: article bodies now arrive by script, the body selector matches nothing
        room.add(Story(3, day(11), new_markup=True), Story(4, day(12), new_markup=True))
        second = run(tmp_path, *WINDOW)
    assert second.returncode == 1
    message = ("field body: 0 of 2 articles from the portal's rules or structured data (0.0 %, the rest "
               "from the generic fallback or missing: markup changed?), floor 90 %")
    assert f"Monitor failed: loopnews: {message}" in second.stderr
    assert f"loopnews: FAILED: monitors: {message}" in second.stderr.splitlines()[-1]
    assert "Traceback" not in second.stderr
    out2 = outputs(tmp_path)[-1]
    assert stats_of(out2)["monitors"] == {"failed": [message]}
    assert stats_of(out2)["field_coverage"]["body"]["layers"] == {"generic": 2}


def test_per_portal_thresholds_and_their_messages(tmp_path):
    with Newsroom([Story(1, day(3)), Story(2, day(4))]) as room:
        write_portal(tmp_path, room.base)
        strict = json.dumps({"loopnews": {"min_records": 5, "coverage": {"tags": 0.5}}})
        proc = run(tmp_path, *WINDOW, settings={"NEWSBOT_MONITOR_PORTALS": strict})
    assert proc.returncode == 1
    last = proc.stderr.splitlines()[-1]
    [out] = outputs(tmp_path)
    assert last == ("loopnews: FAILED: monitors: records written 2, below the minimum 5; "
                    f"field tags: coverage 0.0 % (0 of 2 articles), floor 50 %; wrote {out.relative_to(tmp_path)}")


def test_a_feed_of_old_articles_only_finds_nothing(tmp_path):
    # every entry of the feed is dated before the window: skipped unfetched, and none of them counts
    with Newsroom([Story(1, day(3)), Story(2, day(4))]) as room:
        write_portal(tmp_path, room.base)
        proc = run(tmp_path, "--since", "2025-03-20", "--until", "2025-03-31")
        assert room.article_hits() == {}
    assert proc.returncode == 1
    assert ("loopnews: FAILED: monitors: articles found 0 (written 0, already stored 0; 2 outside the date "
            "window, not counted), below the minimum 1") in proc.stderr.splitlines()[-1]


def test_a_site_name_on_every_page_in_place_of_the_headline_fails_the_title_coverage(tmp_path):
    with Newsroom([Story(n, day(n + 2), headline=False) for n in range(1, 7)]) as room:
        write_portal(tmp_path, room.base)
        proc = run(tmp_path, *WINDOW)
    assert proc.returncode == 1
    message = ("field title: coverage 0.0 % (0 of 6 articles; 6 have the same title 'Loop News', counted missing: "
               "a site name?), floor 100 %")
    assert f"Monitor failed: loopnews: {message}" in proc.stderr
    [out] = outputs(tmp_path)
    assert stats_of(out)["same_title"] == {"text": "Loop News", "count": 6}
    assert stats_of(out)["monitors"] == {"failed": [message]}


def test_a_title_many_articles_share_counts_missing_from_a_minimum_count():
    limits = thresholds(Settings(), "p")

    def title_messages(stats):
        return [m for m in check_coverage(figures(stats), limits) if m.startswith("field title")]

    assert title_messages(_stats(**{"newsbot/same_title": {"text": "Example Times", "count": 6}})) == [
        "field title: coverage 40.0 % (4 of 10 articles; 6 have the same title 'Example Times', counted missing: "
        "a site name?), floor 100 %"]
    # distinct titles, a few alike under the minimum count, or a share at most the ceiling: no failure
    for count in (1, 4):
        assert title_messages(_stats(**{"newsbot/same_title": {"text": "Morning briefing", "count": count}})) == []
    assert title_messages(_stats(**{"newsbot/field/title/jsonld": 20,
                                    "newsbot/same_title": {"text": "Podcast", "count": 6}})) == []
    # a small run of three articles alike stays under the minimum count
    small = figures({"newsbot/field/title/html": 3, "newsbot/same_title": {"text": "Letters", "count": 3}})
    assert check_coverage(small, limits) == []
    assert check_coverage(small, {**limits, "same_title_min": 3}) == [
        "field title: coverage 0.0 % (0 of 3 articles; 3 have the same title 'Letters', counted missing: a site "
        "name?), floor 100 %"]


@pytest.mark.parametrize("value, message", [
    ('{"loopnews": {"coverage": {"bodyy": 1}}}', "NEWSBOT_MONITOR_PORTALS[loopnews]: coverage of unknown field 'bodyy'"),
    ('{"loopnews": {"max_error_ratio": 3}}', "max_error_ratio must be a number from 0 to 1"),
    ('{"loopnews": {"min_recs": 1}}', "unknown key 'min_recs'"),
    ('{"loopnews": {"same_title_min": 1}}', "same_title_min must be a whole number >= 2"),
])
def test_bad_thresholds_are_refused_at_start(tmp_path, value, message):
    write_portal(tmp_path, "http://127.0.0.1:9")  # never contacted
    proc = run(tmp_path, *WINDOW, settings={"NEWSBOT_MONITOR_PORTALS": value})
    assert proc.returncode == 2
    assert message in proc.stderr
    assert "Traceback" not in proc.stderr
    assert not (tmp_path / "output").exists()


def test_figures_and_checks_on_known_stats():
    fig = figures(_stats(**{"newsbot/errors/http_404": 6, "newsbot/errors/timeout": 3}))
    assert fig["field_coverage"]["body"] == {"present": 9, "of": 10, "ratio": 0.9,
                                             "layers": {"portal": 7, "generic": 2, "missing": 1}}
    assert fig["articles_found"] == 8 + 4 and fig["already_stored"] == 4 and fig["outside_window"] == 1
    assert fig["requests_ended"] == 33 and fig["error_ratio"] == round(9 / 33, 4)
    limits = thresholds(Settings({"NEWSBOT_MONITOR_PORTALS": {"p": {"coverage": {"section": 0.95}}}}), "p")
    assert limits["coverage"] == {"title": 1.0, "date_published": 1.0, "body": 1.0, "section": 0.95,
                                  "language": 0.95}
    assert sorted(check_coverage(fig, limits)) == [
        "field body: coverage 90.0 % (9 of 10 articles), floor 100 %",
        "field section: coverage 90.0 % (9 of 10 articles), floor 95 %",
    ]
    assert check_not_generic(fig, limits, {"body"}) == [
        "field body: 7 of 10 articles from the portal's rules or structured data (70.0 %, the rest from the "
        "generic fallback or missing: markup changed?), floor 90 %"]
    assert check_not_generic(fig, limits, {"title"}) == []  # the portal has no body selector
    assert check_errors(fig, limits) == [
        "error ratio 27.3 % (9 of 33 requests failed: http_404 ×6, timeout ×3), ceiling 20 %"]
    assert check_errors(fig, {**limits, "min_requests": 40}) == []
    assert check_records(fig, limits) == []
    assert check_records(figures({}), limits) == [
        "articles found 0 (written 0, already stored 0), below the minimum 1"]
    # links outside the date window alone (a sitemap of old articles) are no articles found
    stale = figures({"newsbot/skipped/out_of_window": 50000, "newsbot/dropped/out_of_window": 3})
    assert stale["articles_found"] == 0 and stale["outside_window"] == 50003
    assert check_records(stale, limits) == [
        "articles found 0 (written 0, already stored 0; 50003 outside the date window, not counted), below the "
        "minimum 1"]
    assert check_finish(fig) == [] and check_finish(figures({"finish_reason": "shutdown"})) == ["finish reason shutdown"]
    assert check_finish(figures({"finish_reason": "closespider_itemcount"})) == []


def test_notification_actions_come_from_the_settings():
    from types import SimpleNamespace

    from spidermon.core.actions import DummyAction

    from newsbot.monitors import SpiderCloseMonitorSuite

    off = SpiderCloseMonitorSuite(crawler=SimpleNamespace(settings=Settings()))
    assert off.monitors_failed_actions == []
    on = SpiderCloseMonitorSuite(crawler=SimpleNamespace(settings=Settings(
        {"NEWSBOT_MONITOR_ACTIONS": "spidermon.core.actions.DummyAction"})))
    assert [type(a) for a in on.monitors_failed_actions] == [DummyAction]


@pytest.mark.parametrize("action", ["spidermon.contrib.actions.slack.notifiers.SendSlackMessageSpiderFinished",
                                    "spidermon.contrib.actions.email.smtp.SendSmtpEmail"])
def test_the_readmes_notification_actions_load_with_what_make_installs(action):
    import re
    import tomllib
    from pathlib import Path

    from scrapy.utils.project import get_project_settings

    from newsbot.settings_table import check

    root = Path(__file__).resolve().parents[1]
    assert f"NEWSBOT_MONITOR_ACTIONS={action}" in (root / "README.md").read_text("utf-8") or \
        f"`{action}`" in (root / "README.md").read_text("utf-8")
    extras = tomllib.loads((root / "pyproject.toml").read_text("utf-8"))["project"]["optional-dependencies"]
    assert any(r.startswith("spidermon[monitoring]") for r in extras["notify"])
    installed = re.search(r"pip install --quiet -e '\.\[([a-z,]+)\]'", (root / "Makefile").read_text("utf-8"))
    assert "notify" in installed.group(1).split(",")
    settings = get_project_settings().copy()
    settings.set("NEWSBOT_MONITOR_ACTIONS", action, priority="cmdline")
    check(settings)  # the run is not refused: the action imports
