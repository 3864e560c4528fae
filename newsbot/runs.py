"""Run outcome: one summary line and an exit status per crawler, from its stats.

Exit statuses: 0 the crawl finished and wrote what it found; 1 the crawl failed (no record
and no feed or sitemap read while requests failed, invalid records, spider errors, abnormal
finish); 2 bad
arguments or settings (refused before start).
"""
from __future__ import annotations

from pathlib import Path

OK, FAILED, BAD_ARGUMENTS = 0, 1, 2


def check_settings(settings) -> None:
    """Validate newsbot settings before a crawl; raise ``ValueError`` with one line."""
    replay = settings.get("NEWSBOT_REPLAY")
    if replay:
        path = Path(replay)
        if not path.is_file():
            raise ValueError(f"NEWSBOT_REPLAY={replay}: no such file")
        from .warc import WarcIndex

        WarcIndex(path)  # raises ValueError for a file that is not a WARC
    archive = settings.get("NEWSBOT_ARCHIVE")
    if archive and Path(archive).is_dir():
        raise ValueError(f"NEWSBOT_ARCHIVE={archive} is a folder, not a file path")


def _top(counts: dict[str, int], n: int = 3) -> str:
    return ", ".join(f"{k} ×{v}" for k, v in sorted(counts.items(), key=lambda kv: -kv[1])[:n])


def summarize(name: str, stats: dict | None) -> tuple[int, str]:
    """``(status, line)`` for one finished crawl given its stats dict (``None`` when the
    crawler never started)."""
    if not stats:
        return FAILED, f"{name}: FAILED: the crawl did not start"
    records = stats.get("item_scraped_count", 0)
    failures = {k.rsplit("/", 1)[-1].rsplit(".", 1)[-1]: v for k, v in stats.items()
                if k.startswith("downloader/exception_type_count/")}
    http = {k.split("/")[-1]: v for k, v in stats.items() if k.startswith("newsbot/errors/http_")}
    invalid = {k.split("/", 3)[-1]: v for k, v in stats.items() if k.startswith("newsbot/dropped/invalid/")}
    spider_errors = {k.split("/", 1)[-1]: v for k, v in stats.items()
                     if k.startswith("spider_exceptions/") and k != "spider_exceptions/count"}
    reason = stats.get("finish_reason", "?")
    problems = []
    discovered = sum(v for k, v in stats.items() if k.startswith("newsbot/discovery/") and k != "newsbot/discovery/not_xml")
    if records == 0 and not discovered and (failures or http):
        problems.append(f"no records; requests failed: {_top({**failures, **http})}")
    if invalid:
        problems.append(f"records dropped as invalid (markup changed?): {_top(invalid)}")
    if spider_errors:
        problems.append(f"spider errors: {_top(spider_errors)}")
    if reason != "finished" and not str(reason).startswith("closespider_"):
        problems.append(f"finish reason {reason}")
    if problems:
        return FAILED, f"{name}: FAILED: " + "; ".join(problems)
    failed = sum(failures.values()) + sum(http.values())
    return OK, f"{name}: ok: {records} records written, {failed} failed requests"
