"""``newsbot check [PORTAL…]``: does a portal still work, and what broke.

One short crawl per portal (latest mode, a few articles per portal, its own state folder, no
seen-store, the layer of every field recorded) through the usual runner, then a diagnosis
from its stats and records (:func:`diagnose`): per edition every discovery source probed
(kind, origin, URL, outcome, entries, newest entry's date), the articles fetched and written,
per field the layers that served it, and the portal's selectors that served no article
(their field came from another layer, or from none). A portal passes when it wrote at least
one article, every article has each of :data:`REQUIRED`, and no field that a crawl's
monitor wants in some share of the articles (:func:`newsbot.monitors.thresholds`) is missing
from all of them: a portal that passes its check does not fail every crawl's monitors for a
field its site never gives (a few articles are too few to judge a share).
"""
from __future__ import annotations

import json
import tempfile
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path

from .extraction.record import COUNTED, FLOORS, RULE_KEYS
from .stats import BLOCKED, DROPPED, SCRAPY_ROBOTS_FORBIDDEN, SOURCES, figures, none_answered

REQUIRED: tuple[str, ...] = tuple(name for name, floor in FLOORS.items() if floor >= 1.0)
"""The fields every article must have (those whose monitor floor is 100 %: title,
date_published, body)."""
CHECK_DAYS = 30  # default window of a check: the last 30 days
CHECK_LIMIT = 3  # articles fetched per portal
CHECK_SECONDS = 120  # longest a portal's check crawls (CLOSESPIDER_TIMEOUT)


@dataclass
class Diagnosis:
    """What a check found for one portal: ``portal``, ``ok``, ``sources`` (the root sources'
    rows of :data:`newsbot.stats.SOURCES`), ``articles`` (records written), ``fetched``
    (article pages that reached extraction), ``dropped`` ({reason: n}), ``layers`` ({field:
    {layer: n}}), ``missing`` ({required field: articles without it}), ``unmatched`` ({rule
    key: its selectors} of portal selectors that served no article), ``blocked`` (refusals)
    and ``problems`` (one line each)."""

    portal: str
    ok: bool = False
    sources: list[dict] = field(default_factory=list)
    articles: int = 0
    fetched: int = 0
    dropped: dict = field(default_factory=dict)
    layers: dict = field(default_factory=dict)
    missing: dict = field(default_factory=dict)
    unmatched: dict = field(default_factory=dict)
    blocked: int = 0
    problems: list[str] = field(default_factory=list)

    def lines(self) -> list[str]:
        """The report, one line each: the verdict, then indented details."""
        out = [f"{self.portal}: {'ok' if self.ok else 'FAILED'}"
               + (": " + "; ".join(self.problems) if self.problems else "")]
        for s in sorted(self.sources, key=lambda s: (s.get("edition") or "", _ORDER.get(s.get("kind"), 9))):
            detail = s["outcome"]
            if s["outcome"] == "answered":
                detail += f", {s.get('entries', 0)} entries"
                if s.get("newest"):
                    detail += f", newest {s['newest']}"
                if s.get("links") and not s.get("matched") and s.get("kind") not in ("robots", "home"):
                    detail += f", article pattern matched none of {s['links']} links"
            out.append(f"  {s.get('edition')} {s.get('kind')} ({s.get('origin')}) {s.get('url')}: {detail}")
        out.append(f"  articles: {self.fetched} fetched, {self.articles} written"
                   + (", dropped " + ", ".join(f"{k} ×{v}" for k, v in sorted(self.dropped.items()))
                      if self.dropped else ""))
        for name, layers in self.layers.items() if self.articles else ():
            ranked = sorted(layers.items(), key=lambda kv: (-kv[1], kv[0]))
            out.append(f"  field {name}: " + ", ".join(f"{k} ×{v}" for k, v in ranked))
        for key, selectors in self.unmatched.items():
            out.append(f"  selectors matched nothing: {key} = {list(selectors)}")
        return out


_ORDER = {"robots": 0, "home": 1, "feed": 2, "news_sitemap": 3, "sitemap": 4, "wp_api": 5, "listing": 6}


def diagnose(portal, stats: dict, records: list[dict], limits: dict | None = None) -> Diagnosis:
    """The :class:`Diagnosis` of one check crawl of ``portal`` (a :class:`~newsbot.portals.Portal`)
    from its Scrapy ``stats`` and the ``records`` it wrote (with ``provenance``); ``limits``: the
    monitor thresholds of the portal (:func:`newsbot.monitors.thresholds`; default the
    project's defaults)."""
    from .monitors import DEFAULTS

    fig = figures(stats)
    found = Diagnosis(portal.name, sources=list(stats.get(SOURCES) or []), articles=len(records),
                      fetched=fig["articles_extracted"] + fig["records_dropped"].get("not_article", 0),
                      dropped={k: v for k, v in DROPPED.read(stats).items()},
                      blocked=stats.get(BLOCKED(portal.name), 0))
    for name in COUNTED:
        found.layers[name] = dict(Counter((r.get("provenance") or {}).get(name) or "missing" for r in records))
    for name in REQUIRED:
        without = sum(1 for r in records if r.get(name) in (None, "", []))
        if without:
            found.missing[name] = without
    for key in sorted(portal.rules.keys()):
        name = RULE_KEYS[key]
        if records and not any((r.get("provenance") or {}).get(name) == "portal" for r in records):
            found.unmatched[key] = portal.rules.css(key)
    if found.blocked:
        found.problems.append(f"refused {found.blocked} times (HTTP 403 or challenge page)")
    forbidden = stats.get(SCRAPY_ROBOTS_FORBIDDEN, 0)
    if forbidden:
        found.problems.append(f"the site's robots.txt disallows newsbot: {forbidden} requests not made")
    if none_answered(found.sources):
        found.problems.append("no discovery source answered")
    if not records:
        found.problems.append("no article written")
    if found.missing:
        found.problems.append("articles without " + ", ".join(f"{k} ({v})" for k, v in found.missing.items()))
    dead = fig["dead_endpoints"]
    if dead:
        found.problems.append(f"{len(dead)} configured endpoints dead")
    if found.unmatched:
        found.problems.append("selectors matched nothing: " + ", ".join(found.unmatched))
    floors = (limits or DEFAULTS)["coverage"]
    never = [name for name, floor in floors.items()
             if floor > 0 and name not in found.missing and records and all(r.get(name) in (None, "", []) for r in records)]
    for name in never:
        found.problems.append(f"no article has {name} (a crawl's monitor wants {100 * floors[name]:g} %; for a site "
                              f"that never gives it: -s 'NEWSBOT_MONITOR_PORTALS={{\"{portal.name}\": "
                              f"{{\"coverage\": {{\"{name}\": 0}}}}}}')")
    found.ok = bool(records) and not found.missing and not never
    return found


def run_check(settings, names: list[str], since: str | None = None, until: str | None = None,
              limit: int = CHECK_LIMIT, workdir: str | Path | None = None) -> list[Diagnosis]:
    """Crawl each portal of ``names`` in latest mode for at most ``limit`` articles of the
    window (``since`` / ``until``, ``YYYY-MM-DD``; default the last :data:`CHECK_DAYS` days) in
    one process, for at most :data:`CHECK_SECONDS` (``CLOSESPIDER_TIMEOUT``; a ``-s`` of the
    user's wins), with records and state in ``workdir`` (a temporary folder by default), and
    diagnose each. Raises :class:`newsbot.runner.Refused` for bad settings or arguments."""
    from .runner import Job, lock, prepare, start

    since = since or (datetime.now(timezone.utc) - timedelta(days=CHECK_DAYS)).strftime("%Y-%m-%d")
    with tempfile.TemporaryDirectory(prefix="newsbot-check-") as tmp:
        folder = Path(workdir or tmp)
        settings = settings.copy()
        # a check stops reading sitemaps after CHECK_SECONDS unless the user's own -s says otherwise
        settings.set("CLOSESPIDER_TIMEOUT", CHECK_SECONDS, priority="spider")
        for key, value in {"FEEDS": {str(folder / "%(name)s.jsonl"): {"format": "jsonlines", "encoding": "utf8"}},
                           "NEWSBOT_PROVENANCE": True, "NEWSBOT_INCREMENTAL": False,
                           "NEWSBOT_STATE_DIR": str(folder / "state"), "NEWSBOT_CHUNK_RECORDS": 0,
                           "SPIDERMON_ENABLED": False, "NEWSBOT_STANDARD_DISCOVERY": True}.items():
            settings.set(key, value, priority="cmdline")
        arguments = {"mode": "latest", "since": since, "limit": str(limit), "incremental": "false",
                     **({"until": until} if until else {})}
        jobs = [Job(name, dict(arguments)) for name in names]
        prepare(settings, jobs)
        held = lock(settings, jobs)
        results = start(settings, jobs, held=held, told=False)
        from .monitors import thresholds
        from .portals import registry

        portals = registry(settings)
        out = []
        for result in results:
            path = folder / f"{result.name}.jsonl"
            records = [json.loads(x) for x in path.read_text("utf-8").splitlines()] if path.exists() else []
            out.append(diagnose(portals[result.name], result.stats, records, thresholds(settings, result.name,
                                                                             portals[result.name].coverage_floors)))
        return out
