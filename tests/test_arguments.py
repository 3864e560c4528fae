"""Spider and command arguments (:mod:`newsbot.arguments`): the bounds of the date window
(``since`` / ``until``, which :class:`newsbot.window.DateWindow` is built from), ``limit``,
``urls`` and ``url_file``, on/off switches, and ``since`` in the future."""
from __future__ import annotations

from datetime import datetime, timezone

import pytest

from newsbot.arguments import parse_limit, parse_urls, parse_window


def test_window_bounds_and_errors():
    start, end = parse_window("2025-01-02", "2025-01-03")
    assert start == datetime(2025, 1, 2, tzinfo=timezone.utc)
    assert end == datetime(2025, 1, 3, 23, 59, 59, tzinfo=timezone.utc)
    now = datetime(2025, 6, 1, 12, tzinfo=timezone.utc)
    start, _ = parse_window(None, None, now=now)
    assert start == datetime(2025, 5, 30, 12, tzinfo=timezone.utc)
    with pytest.raises(ValueError, match="is not a date"):
        parse_window("yesterday", None)
    with pytest.raises(ValueError, match="before since"):
        parse_window("2025-02-01", "2025-01-01")


def test_limit_and_urls(tmp_path):
    assert parse_limit("5") == 5 and parse_limit(None) is None
    with pytest.raises(ValueError):
        parse_limit("five")
    f = tmp_path / "urls.txt"
    f.write_text("# list\nhttps://a.example/1\n\nhttps://b.example/2\n")
    assert parse_urls("https://c.example/3", str(f)) == ["https://c.example/3", "https://a.example/1", "https://b.example/2"]
    with pytest.raises(ValueError, match="not an absolute"):
        parse_urls("ftp://x.example/1", None)
    with pytest.raises(ValueError, match="cannot be read|not a regular file|no such file"):
        parse_urls(None, str(tmp_path / "missing.txt"))


def test_since_in_the_future_without_until_names_now():
    from datetime import datetime, timezone

    from newsbot.arguments import parse_window

    now = datetime(2026, 5, 4, 10, 30, tzinfo=timezone.utc)
    with pytest.raises(ValueError) as err:
        parse_window("2099-01-01", None, now=now)
    assert str(err.value) == "since=2099-01-01 is in the future (after until=now, 2026-05-04 10:30 UTC)"
    with pytest.raises(ValueError, match="until=2099-01-01 is before since=2099-01-02"):
        parse_window("2099-01-02", "2099-01-01", now=now)


def test_incremental_switch_values():
    from newsbot.arguments import parse_switch

    assert [parse_switch("incremental", v) for v in ("true", "False", "NO", "on", "1", None, "")] == [
        True, False, False, True, True, None, None]
    with pytest.raises(ValueError, match="incremental='maybe' is not true or false"):
        parse_switch("incremental", "maybe")


def test_a_bad_url_file_line_is_named_never_quoted(tmp_path):
    secret = tmp_path / "environ"
    secret.write_bytes(b"HOME=/root\x00API_TOKEN=s3cr3t\x00")  # what /proc/self/environ holds
    with pytest.raises(ValueError) as err:
        parse_urls(None, str(secret))
    assert str(err.value) == f"url_file={str(secret)!r} line 1 is not an absolute http(s) URL"
    assert "s3cr3t" not in str(err.value)
    with pytest.raises(ValueError) as err:
        parse_urls(None, "/proc/self/environ")
    assert "line 1 is not an absolute http(s) URL" in str(err.value) and "=" not in str(err.value).split("'")[-1]


def test_the_date_window_rule_is_one_for_entries_and_records():
    from newsbot.window import DateWindow

    window = DateWindow(datetime(2025, 3, 1, tzinfo=timezone.utc), datetime(2025, 3, 31, 23, 59, 59, tzinfo=timezone.utc),
                        "Europe/Brussels")
    assert window.admits("2025-03-01")  # a day-only date matches the window's days
    assert window.admits("2025-03-01T00:00:00+01:00", day_only=True)  # a record's day-only midnight, in its zone
    assert not window.admits("2025-03-01T00:00:00+01:00")  # with a time: 23:00 UTC the day before
    assert not window.admits("2025-04-01") and window.admits(None) and window.admits("not a date")
    assert window.admits("2025-02-01", lower_only=False) is False and window.admits("2025-05-01", lower_only=True)
    assert window.before_start(["2025-03-10", None, "2025-02-27T12:00:00Z"])
    assert not window.before_start(["2025-02-01", "2025-03-02"])  # the last dated teaser decides


def test_the_portal_spider_takes_its_portal_once():
    from newsbot.spiders.byname import PortalByNameSpider

    PortalByNameSpider.check_arguments(name="politico_eu")
    PortalByNameSpider.check_arguments(portal="politico_eu", mode="backfill")
    PortalByNameSpider.check_arguments(name="politico_eu", portal="politico_eu")
    with pytest.raises(ValueError, match="^name='politico_eu' and portal='euronews' name two portals: give one$"):
        PortalByNameSpider.check_arguments(name="politico_eu", portal="euronews")
    with pytest.raises(ValueError, match="give the portal with -a name=<portal>"):
        PortalByNameSpider.check_arguments()
