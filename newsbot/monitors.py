"""Spidermon monitors run when a spider closes: records written, field coverage, error ratio,
finish reason.

Thresholds come from ``NEWSBOT_MONITOR`` (every portal) merged with the portal file's
``[monitor.coverage]`` floors, then with ``NEWSBOT_MONITOR_PORTALS[<portal>]`` (``coverage``
merged field by field):

- ``min_records``: records written at least this (default 0: an incremental run may find
  nothing new);
- ``min_found``: articles found at least this: written or already stored (skipped as seen or
  unchanged), not counting links and pages outside the date window (default 1: discovery that
  finds nothing of the window, a stale sitemap of old articles only, is broken);
- ``coverage``: ``{field: floor}``, share (0..1) of the articles extracted in the run that have
  the field (defaults: the ``floor`` of each field in :data:`newsbot.extraction.record.FIELDS`:
  title, date_published, body 1.0; section, language 0.95);
- ``not_generic``: ``{field: floor}``, share of the extracted articles whose field came from
  structured data or the portal's own rules rather than the generic fallback, for fields the
  portal has selectors for (default: body 0.9). A selector that stops matching after a
  redesign shows here even when the generic extractor still finds some text.
- ``same_title_share``, ``same_title_min``: a title that more than this share of the extracted
  articles have (default 0.3), at least ``same_title_min`` of them (default 5), is a site name
  printed in place of the headlines, not a title: those articles count as without one in the
  title's coverage (:func:`same_title`);
- ``max_error_ratio``: failed requests / requests that ended (default 0.2), checked once at
  least ``min_requests`` requests ended (default 20: the ratio of a handful is noise); not
  checked in replay runs (``NEWSBOT_REPLAY``), where a page missing from the WARC is no error.

The finish reason must be ``finished`` (or a ``closespider_*`` limit). Record, coverage and
error monitors apply to portal spiders; the ``article`` spider (any site) gets the finish-reason
check only.

A failed check logs one ERROR line ``Monitor failed: <portal>: <message>`` naming the field or
figure, and adds its message to the stat ``newsbot/monitors/failed`` (a list), which
:func:`newsbot.stats.summary` turns into exit status 1. Notifications are Spidermon's actions
(e-mail, Slack, Telegram…): name their classes in ``NEWSBOT_MONITOR_ACTIONS`` (empty by
default) and give the settings each action documents.
"""
from __future__ import annotations

import copy
import logging
import warnings

from scrapy.utils.misc import load_object
from spidermon import Monitor, MonitorSuite, monitors

from .extraction.record import BY_NAME, COUNTED, FLOORS
from .stats import MONITORS_FAILED, figures

logger = logging.getLogger(__name__)
# unittest leaves this module's frames out of failure reports: Spidermon's report of a failed
# monitor shows the message, not a traceback
__unittest = True
# Spidermon's report writer still calls Spider.log(); keep its deprecation notice out of every run
warnings.filterwarnings("ignore", message=r"Spider\.log\(\) is deprecated", module=r"spidermon\.")

DEFAULTS = {
    "min_records": 0,
    "min_found": 1,
    "coverage": dict(FLOORS),  # the field table's floors
    "not_generic": {"body": 0.9},
    "max_error_ratio": 0.2,
    "min_requests": 20,
    "same_title_share": 0.3,
    "same_title_min": 5,
}
FAILED_STAT = MONITORS_FAILED


def _check_numbers(where: str, values: dict) -> None:
    for key, value in values.items():
        if key in ("coverage", "not_generic"):
            if not isinstance(value, dict):
                raise ValueError(f"{where}: {key} must be an object {{field: floor}}")
            for field, floor in value.items():
                if field not in COUNTED:
                    raise ValueError(f"{where}: {key} of unknown field {field!r} "
                                     f"(known: {', '.join(COUNTED)})")
                if isinstance(floor, bool) or not isinstance(floor, (int, float)) or not 0 <= floor <= 1:
                    raise ValueError(f"{where}: {key} floor of {field} must be a number from 0 to 1")
        elif key in ("min_records", "min_found", "min_requests"):
            if isinstance(value, bool) or not isinstance(value, int) or value < 0:
                raise ValueError(f"{where}: {key} must be a whole number >= 0")
        elif key in ("max_error_ratio", "same_title_share"):
            if isinstance(value, bool) or not isinstance(value, (int, float)) or not 0 <= value <= 1:
                raise ValueError(f"{where}: {key} must be a number from 0 to 1")
        elif key == "same_title_min":
            if isinstance(value, bool) or not isinstance(value, int) or value < 2:
                raise ValueError(f"{where}: same_title_min must be a whole number >= 2")
        else:
            raise ValueError(f"{where}: unknown key {key!r} (known: {', '.join(DEFAULTS)})")


def thresholds(settings, portal: str | None, floors: tuple[tuple[str, float], ...] = ()) -> dict:
    """Thresholds for ``portal`` from the settings (see the module docstring); ``floors``:
    the ``(field, floor)`` coverage floors of the portal's file (``[monitor.coverage]``,
    :attr:`newsbot.portals.Portal.coverage_floors`, checked by its reader), laid over
    ``NEWSBOT_MONITOR`` and under ``NEWSBOT_MONITOR_PORTALS``. Raises ``ValueError`` with one
    line for an unknown key, field or a value out of range."""
    result = copy.deepcopy(DEFAULTS)
    base = settings.getdict("NEWSBOT_MONITOR")
    per_portal = settings.getdict("NEWSBOT_MONITOR_PORTALS")
    _check_numbers("NEWSBOT_MONITOR", base)
    for name, values in per_portal.items():
        if not isinstance(values, dict):
            raise ValueError(f"NEWSBOT_MONITOR_PORTALS[{name}] must be an object")
        _check_numbers(f"NEWSBOT_MONITOR_PORTALS[{name}]", values)
    for layer in (base, {"coverage": dict(floors)}, per_portal.get(portal) or {}):
        for key, value in layer.items():
            if key in ("coverage", "not_generic"):
                result[key].update(value)
            else:
                result[key] = value
    return result


def check_records(fig: dict, limits: dict) -> list[str]:
    """Messages for record floors broken (empty when fine); ``fig`` from
    :func:`newsbot.runstats.figures`."""
    out = []
    if fig["records_written"] < limits["min_records"]:
        out.append(f"records written {fig['records_written']}, below the minimum {limits['min_records']}")
    if fig["articles_found"] < limits["min_found"]:
        out.append(f"articles found {fig['articles_found']} (written {fig['records_written']}, already stored "
                   f"{fig['already_stored']}" + (f"; {fig['outside_window']} outside the date window, not counted"
                                                  if fig["outside_window"] else "")
                   + f"), below the minimum {limits['min_found']}")
    return out


def same_title(fig: dict, limits: dict) -> dict | None:
    """The run's most shared title (``fig["same_title"]``, ``{"text", "count"}``) when it is
    no headline: at least ``same_title_min`` extracted articles, and more than
    ``same_title_share`` of them, have it (a site name printed where the headlines were);
    else ``None``."""
    same = fig.get("same_title")
    of = (fig["field_coverage"].get("title") or {}).get("of") or 0
    if same and same["count"] >= limits["same_title_min"] and same["count"] > limits["same_title_share"] * of:
        return same
    return None


def check_coverage(fig: dict, limits: dict) -> list[str]:
    """One message per field whose coverage is below its floor (fields with no article
    skipped); the articles with a title many share (:func:`same_title`) count as without one."""
    out = []
    repeated = same_title(fig, limits)
    for field, floor in limits["coverage"].items():
        cov = fig["field_coverage"].get(field) or {}
        if not cov.get("of"):
            continue
        present, note = cov["present"], ""
        if field == "title" and repeated:
            present = max(present - repeated["count"], 0)
            note = f"; {repeated['count']} have the same title {repeated['text']!r}, counted missing: a site name?"
        if present / cov["of"] < floor:
            out.append(f"field {field}: coverage {100 * present / cov['of']:.1f} % "
                       f"({present} of {cov['of']} articles{note}), floor {100 * floor:g} %")
    return out


def rule_fields(rules) -> set[str]:
    """Record fields for which ``rules`` (an ``ExtractionRules``) has selectors (the field
    table's ``rule`` keys)."""
    return {f.name for f in BY_NAME.values() if f.rule and rules is not None and rules.css(f.rule)}


def check_not_generic(fig: dict, limits: dict, fields: set[str]) -> list[str]:
    """One message per field of ``fields`` whose share served by structured data or portal
    rules (not ``generic``, not missing) is below its ``not_generic`` floor."""
    out = []
    for field, floor in limits["not_generic"].items():
        cov = fig["field_coverage"].get(field) or {}
        if field not in fields or not cov.get("of"):
            continue
        layers = cov.get("layers") or {}
        own = cov["of"] - layers.get("missing", 0) - layers.get("generic", 0)
        if own / cov["of"] < floor:
            out.append(f"field {field}: {own} of {cov['of']} articles from the portal's rules or structured "
                       f"data ({100 * own / cov['of']:.1f} %, the rest from the generic fallback or missing: "
                       f"markup changed?), floor {100 * floor:g} %")
    return out


def check_errors(fig: dict, limits: dict) -> list[str]:
    """A message when the error ratio is above the ceiling (and enough requests ended)."""
    if fig["requests_ended"] >= limits["min_requests"] and fig["error_ratio"] > limits["max_error_ratio"]:
        kinds = ", ".join(f"{k} ×{v}" for k, v in sorted(fig["errors"].items(), key=lambda kv: -kv[1])[:3])
        return [f"error ratio {100 * fig['error_ratio']:.1f} % ({fig['failed_requests']} of {fig['requests_ended']} "
                f"requests failed: "
                f"{kinds}), ceiling {100 * limits['max_error_ratio']:g} %"]
    return []


def check_finish(fig: dict) -> list[str]:
    """A message when the spider did not finish normally."""
    reason = str(fig["finish_reason"])
    if reason == "finished" or reason.startswith("closespider_"):
        return []
    return [f"finish reason {reason}"]


class _NewsbotMonitor(Monitor):
    def _fail_with(self, messages: list[str]) -> None:
        if not messages:
            return
        crawler = self.data.crawler
        failed = list(crawler.stats.get_value(FAILED_STAT) or [])
        name = getattr(self.data.spider, "name", "?")
        for msg in messages:
            logger.error("Monitor failed: %s: %s", name, msg)
            failed.append(msg)
        crawler.stats.set_value(FAILED_STAT, failed)
        self.fail("; ".join(messages))

    def _portal_only(self) -> tuple[dict, dict]:
        spider = self.data.spider
        if getattr(spider, "portal", None) is None:
            self.skipTest("not a portal spider")
        fig = figures(dict(self.data.crawler.stats.get_stats()))
        return fig, thresholds(self.data.crawler.settings, spider.name, getattr(spider.portal, "coverage_floors", ()))


@monitors.name("Records")
class RecordsMonitor(_NewsbotMonitor):
    """Records written and articles found reach the portal's minimums."""

    @monitors.name("records written and articles found")
    def test_records(self):
        fig, limits = self._portal_only()
        self._fail_with(check_records(fig, limits))


@monitors.name("Field coverage")
class CoverageMonitor(_NewsbotMonitor):
    """Each field is present in at least its floor's share of the extracted articles."""

    @monitors.name("field coverage floors")
    def test_coverage(self):
        fig, limits = self._portal_only()
        fields = rule_fields(getattr(self.data.spider.portal, "rules", None))
        self._fail_with(check_coverage(fig, limits) + check_not_generic(fig, limits, fields))


@monitors.name("Errors")
class ErrorRatioMonitor(_NewsbotMonitor):
    """Failed requests stay under the error-ratio ceiling."""

    @monitors.name("error ratio ceiling")
    def test_error_ratio(self):
        fig, limits = self._portal_only()
        if self.data.crawler.settings.get("NEWSBOT_REPLAY"):
            self.skipTest("replay run: a page missing from the WARC is no site error")
        self._fail_with(check_errors(fig, limits))


@monitors.name("Finish")
class FinishReasonMonitor(_NewsbotMonitor):
    """The spider finished normally."""

    @monitors.name("finish reason")
    def test_finish_reason(self):
        self._fail_with(check_finish(figures(dict(self.data.crawler.stats.get_stats()))))


class SpiderCloseMonitorSuite(MonitorSuite):
    """The monitors run on ``spider_closed`` (``SPIDERMON_SPIDER_CLOSE_MONITORS``). Failed-monitor
    actions: the classes named in ``NEWSBOT_MONITOR_ACTIONS``."""

    monitors = [RecordsMonitor, CoverageMonitor, ErrorRatioMonitor, FinishReasonMonitor]

    def __init__(self, *args, crawler=None, **kwargs):
        super().__init__(*args, crawler=crawler, **kwargs)
        if crawler is not None:
            self.add_monitors_failed_actions(
                [load_object(path) for path in crawler.settings.getlist("NEWSBOT_MONITOR_ACTIONS")])
