"""The crawl stats: every key newsbot writes into Scrapy's stats collector is named here, and
here alone are they read back (:func:`figures` for the monitors, the stats file and the
progress line; :func:`summary` for the run's summary line and exit status).

Keys come in families (:class:`Family`): ``ERRORS("timeout")`` is ``newsbot/errors/timeout``.
Scrapy's own keys that newsbot reads are named too (``SCRAPY_*``).
"""
from __future__ import annotations

from datetime import datetime

from .extraction.record import COUNTED


class Family:
    """Stats keys sharing a prefix: calling it names one key, :meth:`read` collects them."""

    def __init__(self, prefix: str, doc: str = ""):
        self.prefix = prefix
        self.__doc__ = doc

    def __call__(self, *parts: str) -> str:
        """The key ``<prefix><part>/<part>…``."""
        return self.prefix + "/".join(parts)

    def read(self, stats: dict) -> dict[str, int | float]:
        """``{rest of the key: value}`` of the numeric stats of this family."""
        n = len(self.prefix)
        return {k[n:]: v for k, v in stats.items()
                if k.startswith(self.prefix) and isinstance(v, (int, float)) and not isinstance(v, bool)}


ERRORS = Family("newsbot/errors/", "requests failed after retries, by kind (newsbot.middlewares.failure_kind)")
REDIRECT_REFUSED = Family("newsbot/redirect_refused/", "redirects refused before download, by reason")
RETRY = Family("newsbot/retry/", "retries by kind; retry_after_honoured, retry_after_too_long, waited_seconds")
DISCOVERY = Family("newsbot/discovery/", "discovery documents read, by kind (rss, atom, sitemapindex, urlset, "
                   "listing, wp_api, robots, home), and their faults (truncated, dtd_ignored, not_xml, "
                   "pattern_matched_none: documents listing links of which no article pattern matched one; "
                   "robots_sitemaps_left_out: Sitemap: lines of robots.txt past NEWSBOT_MAX_ROBOTS_SITEMAPS)")
SKIPPED = Family("newsbot/skipped/", "links not fetched, by reason (seen, out_of_window, limit, "
                 "not_article_url, other_edition: served by an edition not crawled, bad_url, not_html, sitemap_out_of_window, sitemap_undated: children of "
                 "an index without lastmod in latest mode, listed_twice: links already requested; "
                 "not_modified: a conditional request answered 304; robots: forbidden by robots.txt, "
                 "offsite: off the portal's domains; gone: articles found withdrawn by an "
                 "earlier run, their listing date not moved; dated_ahead: links dated after the end of a "
                 "window that ends at the clock, now + 1 h)")
DROPPED = Family("newsbot/dropped/", "fetched pages that gave no record, by reason (not_article, "
                 "out_of_window, dated_ahead: published after a window that ends at the clock, "
                 "invalid/<field>, duplicate, unchanged, worker_died: the page's extraction "
                 "worker died twice, extraction_timeout: its extraction passed NEWSBOT_EXTRACT_TIMEOUT)")
WORKERS = Family("newsbot/workers/", "died: extraction worker processes that died (newsbot.workers)")
FIELD = Family("newsbot/field/", "<field>/<layer>: the layer that served each counted field; <field>/missing")
ENCODING = Family("newsbot/encoding/", "pages decoded with each charset")
MALFORMED = Family("newsbot/malformed/", "page parts that did not parse (jsonld)")
RECORDS = Family("newsbot/records", "records past deduplication; newsbot/records/revised: written again")
PAGES = Family("newsbot/pages/", "joined: later pages of articles printed over several, joined to their first "
               "page's record; cut: such articles with more pages than NEWSBOT_ARTICLE_PAGES; other: next "
               "pages that were another article's (a redirect elsewhere, no article); again: pages of an "
               "article this run counted already as stored or written (skipped, 304 or unchanged), not "
               "counted as found again")
ROBOTS_FAILED = Family("newsbot/robots_failed/", "robots.txt not read, by failure kind (the site is then "
                       "not crawled: RFC 9309 complete disallow)")
ROBOTS_REUSED = "newsbot/robots_reused"  # requests for a robots.txt answered with the one already fetched
BLOCKED = Family("newsbot/blocked/", "refusals of the site (HTTP 403, challenge pages), by spider")
BACKFILL = Family("newsbot/backfill/", "backfill stages started (stage_<n>), no_source, wp_api_unavailable, "
                  "listing_past_since, listing_page_cap")
BACKLOG = Family("newsbot/backlog/", "waits: refills of the article backlog when the scheduler ran dry")
REPLAY = Family("newsbot/replay/", "hit / miss: requests answered from the WARC or not; corrupt: its "
                "records that hold no readable HTTP response")
ARCHIVE = Family("newsbot/archive/", "records: responses written to the WARC")
GONE = Family("newsbot/gone/", "http_404 / http_410: pages of articles earlier runs delivered that answered so "
              "(withdrawn; not failed requests)")
WITHDRAWN = "newsbot/withdrawn"  # a list of {url, id, status}: the articles found withdrawn (GONE) in this run
DATED_AHEAD = "newsbot/dated_ahead"  # a list of {url, date}: the first links skipped as dated_ahead (at most 5)
INCREMENTAL = Family("newsbot/incremental/", "committed, recovered, not_committed: seen-store entries")
ITEM_ERRORS = Family("newsbot/item_errors/", "records lost to a pipeline exception, by exception name")
OUTPUT_FAILED = Family("newsbot/output_failed/", "output files that failed, by step (open, write, store)")
SOURCE = Family("newsbot/source/", "<edition>/<kind>/<outcome>: root discovery sources by outcome (answered, "
                "http_404, http_410, blocked, unusable, or a failure kind: robots for a source robots.txt forbids, "
                "robots_unreachable for one of a site whose robots.txt was not read, dns, timeout… for a "
                "robots.txt or document that failed), <edition>/<kind>/entries: entries they listed")
SOURCES = "newsbot/sources"  # a list of {edition, kind, origin, url, outcome, entries, newest, …}, one a root source
JOBDIR_UNCLEAN = "newsbot/jobdir/unclean"  # job folders left by a run that did not stop cleanly, started afresh
HELD_BACK = "newsbot/held_back"  # requests waiting for their turn in the downloader when the run began to stop, not sent
JOB_FOUND_BEFORE = "newsbot/jobdir/found_before"  # articles the earlier runs of a resumed job folder found
MONITORS_FAILED = "newsbot/monitors/failed"  # a list of the failed monitors' messages
OUTPUTS = "newsbot/outputs"  # a list of the output files the run put in place (paths, in order)
SAME_TITLE = "newsbot/same_title"  # {"text", "count"}: the title most extracted articles of the run share

SCRAPY_RECORDS = "item_scraped_count"
SCRAPY_ROBOTS_FORBIDDEN = "robotstxt/forbidden"  # requests robots.txt disallowed, not made
SCRAPY_RESPONSES = "downloader/response_count"
SCRAPY_FEED_FAILED = Family("feedexport/failed_count/", "Scrapy: output files not stored, by storage class")
SCRAPY_SPIDER_EXCEPTIONS = Family("spider_exceptions/", "Scrapy: exceptions raised in spider callbacks")
SCRAPY_DOWNLOAD_EXCEPTIONS = Family("downloader/exception_type_count/", "Scrapy: download exceptions by class")


def request_failures(stats: dict) -> dict[str, int]:
    """The failed requests of a run by kind, the one count the summary line, the progress line,
    the stats file and the monitors read: ``newsbot/errors/<kind>`` after retries, and the
    redirects refused before download as ``redirect_<reason>`` (their 3xx answer counts among
    the responses)."""
    failures = dict(ERRORS.read(stats))
    failures |= {"redirect_" + k: v for k, v in REDIRECT_REFUSED.read(stats).items()}
    return failures


def figures(stats: dict) -> dict:
    """Figures of one run from its Scrapy stats dict.

    Returns a dict: ``pages_fetched`` (responses received, robots.txt included),
    ``records_written`` (items exported), ``records_dropped`` ({reason: n}), ``skipped``
    ({reason: n}: links not fetched), ``articles_extracted`` (pages the extraction took for
    articles), ``field_coverage`` ({field: {"present", "of", "ratio", "layers": {layer: n}}},
    over the extracted articles, so a field lost with the markup shows even when the record is
    then dropped as invalid), ``articles_found`` (written + already stored: the articles of the
    date window; links and pages dropped as outside it are not found; in a run resuming a job
    folder, with those its earlier runs found, :data:`JOB_FOUND_BEFORE`), ``already_stored``,
    ``outside_window`` (links skipped and pages dropped as outside the date window),
    ``withdrawn`` (``[{"url", "id", "status"}]``: delivered articles whose page answered 404 or
    410 in this run, :data:`WITHDRAWN`), ``dated_ahead`` (``[{"url", "date"}]``: the first links
    skipped as dated ahead of the clock, :data:`DATED_AHEAD`), ``errors``
    ({kind: n}: failed requests by kind (:func:`request_failures`), spider exceptions, output
    files not stored), ``failed_requests``, ``requests_ended`` (responses + requests failed
    without one), ``error_ratio`` (failed
    requests / requests that ended, 0.0 when none), ``item_errors``, ``output_failed``,
    ``blocked``, ``discovered`` (discovery documents read), ``same_title`` (``{"text",
    "count"}``: the title most extracted articles share, and how many; ``None`` before any),
    ``invalid`` ({field: n}),
    ``finish_reason``, ``start_time`` / ``finish_time`` (ISO 8601, UTC) and ``duration_s``
    (seconds).
    """
    dropped = DROPPED.read(stats)
    skipped = SKIPPED.read(stats)
    coverage = {}
    extracted = 0
    for name in COUNTED:
        layers = FIELD.read(stats)
        layers = {k.split("/", 1)[1]: v for k, v in layers.items() if k.startswith(name + "/")}
        total = sum(layers.values())
        present = total - layers.get("missing", 0)
        extracted = max(extracted, total)
        coverage[name] = {"present": present, "of": total, "ratio": round(present / total, 4) if total else None,
                          "layers": layers}
    request_errors = request_failures(stats)
    errors = dict(request_errors)
    errors.update({f"spider_exception/{k}": v for k, v in SCRAPY_SPIDER_EXCEPTIONS.read(stats).items() if k != "count"})
    errors.update({f"feed_not_stored/{k}": v for k, v in SCRAPY_FEED_FAILED.read(stats).items()})
    failed = sum(request_errors.values())
    pages = stats.get(SCRAPY_RESPONSES, 0)
    ended = pages + sum(v for k, v in request_errors.items() if not k.startswith(("http_", "redirect_")))
    written = stats.get(SCRAPY_RECORDS, 0)
    stored = skipped.get("seen", 0) + skipped.get("not_modified", 0) + dropped.get("unchanged", 0)
    outside = skipped.get("out_of_window", 0) + dropped.get("out_of_window", 0)

    def when(key):
        value = stats.get(key)
        return value.isoformat() if isinstance(value, datetime) else value

    return {
        "pages_fetched": pages,
        "records_written": written,
        "records_dropped": dropped,
        "skipped": skipped,
        "articles_extracted": extracted,
        "field_coverage": coverage,
        "articles_found": written + stored + stats.get(JOB_FOUND_BEFORE, 0),
        "already_stored": stored,
        "outside_window": outside,
        "withdrawn": list(stats.get(WITHDRAWN) or []),
        "dated_ahead": list(stats.get(DATED_AHEAD) or []),
        "errors": errors,
        "failed_requests": failed,
        "requests_ended": ended,
        "error_ratio": round(failed / ended, 4) if ended else 0.0,
        "item_errors": ITEM_ERRORS.read(stats),
        "output_failed": {**OUTPUT_FAILED.read(stats), **SCRAPY_FEED_FAILED.read(stats)},
        "blocked": sum(BLOCKED.read(stats).values()),
        "discovered": sum(v for k, v in DISCOVERY.read(stats).items() if k in DOCUMENT_KINDS),
        "sources": list(stats.get(SOURCES) or []),
        "dead_endpoints": dead_endpoints(stats),
        "same_title": dict(stats[SAME_TITLE]) if isinstance(stats.get(SAME_TITLE), dict) else None,
        "invalid": {k.split("/", 1)[1]: v for k, v in dropped.items() if k.startswith("invalid/")},
        "monitors_failed": list(stats.get(MONITORS_FAILED) or []),
        "finish_reason": stats.get("finish_reason"),
        "start_time": when("start_time"),
        "finish_time": when("finish_time"),
        "duration_s": stats.get("elapsed_time_seconds"),
    }


OK, FAILED = 0, 1
BLOCKED_ADVICE = ("give -s NEWSBOT_CONTACT_URL=<a page where the site can reach you>, or -s USER_AGENT=<another "
                  "User-Agent>, and crawl slower (-s DOWNLOAD_DELAY=5)")
"""What a user can do when a portal refuses the crawler (the summary line says it)."""
DOCUMENT_KINDS = ("rss", "atom", "sitemapindex", "urlset", "listing", "wp_api")
"""The :data:`DISCOVERY` keys that count documents read (the others count faults)."""


NOT_ASKED = ("robots", "robots_unreachable")
"""Source outcomes of a request newsbot did not make: robots.txt forbids it, or the site's
robots.txt could not be read (RFC 9309: complete disallow). Such a source was never asked, so
it is not dead."""


def dead_endpoints(stats: dict) -> list[dict]:
    """The root sources of the portal file (origin ``configured``) that were asked and did not
    answer with a usable document (outcome other than ``answered``, ``blocked`` and
    :data:`NOT_ASKED`), from :data:`SOURCES`: the one rule of the summary line, the stats file
    and ``newsbot check``."""
    return [s for s in stats.get(SOURCES) or [] if isinstance(s, dict) and s.get("origin") == "configured"
            and s.get("outcome") not in ("answered", "blocked", *NOT_ASKED)]


def none_answered(sources: list[dict]) -> bool:
    """Of the root ``sources`` (rows of :data:`SOURCES`), no discovery document (robots.txt and
    the home page aside) answered, while some was asked (not :data:`NOT_ASKED`): the summary
    line's and ``newsbot check``'s "no discovery source answered"."""
    documents = [s for s in sources if isinstance(s, dict) and s.get("kind") not in ("robots", "home")]
    return (not any(s.get("outcome") == "answered" for s in documents)
            and any(s.get("outcome") not in NOT_ASKED for s in documents))


def _endpoints(sources: list[dict], n: int = 3) -> str:
    """The first ``n`` sources as ``kind URL (outcome)`` (a REST collection without its query)."""
    def url(s):
        return str(s.get("url")).split("?", 1)[0] if s.get("kind") == "wp_api" else s.get("url")
    named = ", ".join(f"{s.get('kind')} {url(s)} ({s.get('outcome')})" for s in sources[:n])
    return named + (f" and {len(sources) - n} more" if len(sources) > n else "")


def _top(counts: dict[str, int], n: int = 3) -> str:
    return ", ".join(f"{k} ×{v}" for k, v in sorted(counts.items(), key=lambda kv: -kv[1])[:n])


def summary(name: str, stats: dict | None) -> tuple[int, str]:
    """``(status, line)`` for one finished crawl given its stats dict (``None`` when the
    crawler never started): status 0 when the crawl finished and wrote what it found, 1 when
    it failed (no record and no article found while requests failed: the line names the
    failures by kind, ``requests failed: http_404 ×3``, whether the monitors are on or not; no
    record and no discovery source answered; no article found but URLs robots.txt forbids, a
    blocked portal
    with no record, invalid records, spider errors, pages whose extraction worker died twice or
    passed its deadline, corrupt records of a replayed archive, records lost to processing or
    output errors, an abnormal finish or none, a failed monitor). The line ends with the output
    files the run put in place (:data:`OUTPUTS`); a run that found only articles already stored
    says so and how to write them again."""
    if not stats:
        return FAILED, f"{name}: FAILED: the crawl did not start"
    fig = figures(stats)
    records = fig["records_written"]
    failures = request_failures(stats)
    failed = sum(failures.values())
    if not failures:  # to name why a run found nothing: Scrapy's download exceptions (robots.txt has no errback)
        failures = {k.rsplit(".", 1)[-1]: v for k, v in SCRAPY_DOWNLOAD_EXCEPTIONS.read(stats).items()
                    if not k.endswith(".IgnoreRequest")}  # a request not made (robots.txt, offsite): no failure
    dead = fig["dead_endpoints"]
    blocked = stats.get(BLOCKED(name), 0)
    why = []  # why a run wrote no record and found none
    if records == 0 and not fig["articles_found"] and failures:
        robots = ROBOTS_FAILED.read(stats)
        why.append(f"requests failed: {_top(failures)}"
                   + (f" (robots.txt not read: {_top(robots)})" if robots and "robots_unreachable" in failures else ""))
    elif records == 0 and not fig["discovered"] and none_answered(fig["sources"]) and not blocked:
        why.append("no discovery source answered" + (f" (dead configured endpoints: {_endpoints(dead)})" if dead else ""))
    if records == 0 and not fig["articles_found"] and fig["skipped"].get("robots"):
        why.append(f"robots.txt forbids the {fig['skipped']['robots']} URLs asked")
    if records == 0 and blocked:
        why.append(f"the portal refused the crawler {blocked} times (HTTP 403 or challenge page): " + BLOCKED_ADVICE)
    problems = ["no records; " + "; ".join(why)] if why else []
    if fig["invalid"]:
        problems.append(f"records dropped as invalid (markup changed?): {_top(fig['invalid'])}")
    spider_errors = {k: v for k, v in SCRAPY_SPIDER_EXCEPTIONS.read(stats).items() if k != "count"}
    if spider_errors:
        problems.append(f"spider errors: {_top(spider_errors)}")
    if fig["records_dropped"].get("worker_died"):
        problems.append(f"pages lost to extraction workers that died: {fig['records_dropped']['worker_died']}")
    if stats.get(REPLAY("corrupt")):
        problems.append(f"archive records that hold no readable HTTP response: {stats[REPLAY('corrupt')]}")
    if fig["records_dropped"].get("extraction_timeout"):
        problems.append("pages dropped as their extraction passed NEWSBOT_EXTRACT_TIMEOUT: "
                        f"{fig['records_dropped']['extraction_timeout']}")
    if fig["item_errors"]:
        problems.append(f"records lost to processing errors: {_top(fig['item_errors'])}")
    if fig["output_failed"]:
        problems.append(f"output not written in full: {_top(fig['output_failed'])}")
    reason = fig["finish_reason"]
    if not reason:
        problems.append("the crawl did not close (stopped by a second Ctrl-C, a kill or a crash)")
    elif reason != "finished" and not str(reason).startswith("closespider_"):
        problems.append(f"finish reason {reason}")
    monitors = [m for m in fig["monitors_failed"] if m not in problems]
    if monitors:
        problems.append("monitors: " + "; ".join(monitors))
    wrote = _wrote(stats.get(OUTPUTS) or [])
    if problems:
        return FAILED, f"{name}: FAILED: " + "; ".join(problems) + wrote
    stored = fig["already_stored"]
    nothing_new = (f"; nothing new: {stored} articles found are already stored in the seen-store "
                   "(--full, or -a incremental=false, writes them again)") if stored and not records else ""
    return OK, (f"{name}: ok: {records} records written, {failed} failed requests"
                + (f", {stored} already stored" if stored else "") + _fetched_for_nothing(fig) + nothing_new
                + (f"; dead configured endpoints: {_endpoints(dead)}" if dead else "")
                + (f"; refused the crawler {blocked} times (HTTP 403 or challenge page): {BLOCKED_ADVICE}"
                   if blocked else "") + wrote)


def _fetched_for_nothing(fig: dict) -> str:
    """What the summary line says of pages fetched that gave no record: stored articles
    fetched again and found unchanged or answered 304, pages dropped as outside the date
    window, articles found withdrawn (404 / 410), and links dated ahead of the clock; ``""``
    when there were none."""
    unchanged = fig["records_dropped"].get("unchanged", 0)
    not_modified = fig["skipped"].get("not_modified", 0)
    parts = []
    if unchanged or not_modified:
        told = [f"{unchanged} unchanged" if unchanged else "", f"{not_modified} answered 304" if not_modified else ""]
        parts.append(f" ({unchanged + not_modified} of them fetched again: {', '.join(t for t in told if t)})")
    outside = fig["records_dropped"].get("out_of_window", 0)
    if outside:
        parts.append(f"; {outside} pages fetched and dropped as outside the date window")
    if fig["withdrawn"]:
        parts.append(f"; {len(fig['withdrawn'])} withdrawn (404/410, recorded as gone): "
                     + ", ".join(w["url"] for w in fig["withdrawn"][:3])
                     + (f" and {len(fig['withdrawn']) - 3} more" if len(fig["withdrawn"]) > 3 else ""))
    ahead = fig["skipped"].get("dated_ahead", 0) + fig["records_dropped"].get("dated_ahead", 0)
    if ahead:
        first = fig["dated_ahead"][0] if fig["dated_ahead"] else None
        parts.append(f"; {ahead} dated ahead of the clock (after now + 1 h), left for a later run"
                     + (f", e.g. {first['url']} dated {first['date']}" if first else ""))
    return "".join(parts)


def _wrote(outputs: list[str]) -> str:
    """``"; wrote <file>"`` (``"; wrote <first> … <last> (N files)"``), or ``""`` for none."""
    if not outputs:
        return ""
    if len(outputs) == 1:
        return f"; wrote {outputs[0]}"
    return f"; wrote {outputs[0]} … {outputs[-1]} ({len(outputs)} files)"
