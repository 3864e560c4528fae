"""newsbot as a library: one page to one record (:func:`extract`, :func:`extract_url`) and a
crawl run from Python (:func:`crawl`), with the exceptions they raise.

:func:`extract` is the pipelines' extraction without Scrapy: the rules of the registry's portal
owning the URL (else the generic path), the record's fields in order, checked against the
record schema. :func:`crawl` is a run of :mod:`newsbot.runner` (the same checks, lock, summary
lines and exit statuses as ``newsbot crawl``) in a child Python process: Twisted's reactor runs
once per process, so a crawl in a process of its own can be run again and leaves the caller's
event loop (a notebook's) alone. :func:`extract_url` fetches a page through such a crawl of the
``article`` spider, so robots.txt, the User-Agent, the redirect and address checks and the size
limits are those of every crawl.
"""
from __future__ import annotations

import json
import os
from dataclasses import replace
import pickle
import subprocess
import sys
import tempfile
from datetime import date, datetime, timezone
from pathlib import Path

from .extraction import Extraction, extract_article
from .extraction.hints import Hints
from .extraction.record import FIELDS
from .runner import Refused as CrawlRefused

__all__ = ["CrawlFailed", "CrawlRefused", "ExtractionError", "InvalidRecord", "NotAnArticle", "crawl", "extract",
           "extract_url", "record_of"]


class ExtractionError(ValueError):
    """A page that gives no record: ``url``, and ``record`` (what was extracted, or ``None``)."""

    def __init__(self, message: str, url: str, record: dict | None = None):
        super().__init__(message)
        self.url, self.record = url, record


class NotAnArticle(ExtractionError):
    """The page is not an article (a section front, a tag or author page, a video page…): the
    crawl drops such pages (``newsbot/dropped/not_article``)."""


class InvalidRecord(ExtractionError):
    """The record breaks the record schema (no title or no body, most often); ``field`` names
    the first field at fault. The crawl drops such records (``newsbot/dropped/invalid/<field>``)."""

    def __init__(self, message: str, url: str, record: dict | None, field: str):
        super().__init__(message, url, record)
        self.field = field


class CrawlFailed(RuntimeError):
    """A crawl ended with exit status 1 for some spider: ``results`` (one
    :class:`newsbot.runner.Result` a spider: ``name``, ``status``, the summary ``line``,
    ``stats``), and what it wrote nonetheless: ``records`` (when :func:`crawl` was to return
    them) or ``outputs`` (the files). ``str()`` is the failed spiders' summary lines."""

    def __init__(self, results: list, records: list[dict] | None = None, outputs: list[Path] | None = None):
        super().__init__("; ".join(r.line for r in results if r.status))
        self.results, self.records, self.outputs = results, records, outputs


GENERIC_PORTAL = "article"
"""The record's ``portal`` for a page no configured portal owns (the ``article`` spider's name)."""


def record_of(extraction: Extraction, owner, provenance: bool = False) -> dict:
    """The record of a crawl for ``extraction``: its fields, ``portal`` and ``crawled_at``
    (now, UTC) in the field table's order, and with ``provenance`` the layer of each field. No
    ``revision``: a crawl's seen-store gives it.

    ``owner`` is the :class:`~newsbot.portals.Portal` whose rules served the page (the portal
    the spider crawls, else the registry's portal owning the URL), or ``None`` (the generic
    path): ``portal`` is its name, else :data:`GENERIC_PORTAL`, however the page was read (a
    portal's crawl, the ``article`` spider, :func:`extract`, :func:`extract_url`)."""
    record = {**extraction.record, "portal": owner.name if owner is not None else GENERIC_PORTAL,
              "crawled_at": datetime.now(timezone.utc).replace(microsecond=0).isoformat()}
    record = {f.name: record[f.name] for f in FIELDS if f.name in record}
    if provenance:
        record["provenance"] = dict(extraction.provenance)
    return record


def _registry(portals):
    if portals is not None:
        return portals
    from .portals import default_registry

    return default_registry()


def extract(html: bytes | str, url: str, *, content_type: str | None = None, fetched_at: datetime | date | None = None,
            portals=None, provenance: bool = False) -> dict:
    """One page's record, as a crawl writes it, without fetching anything.

    ``html``: the page (bytes, decoded by ``content_type``'s charset, a BOM, ``<meta charset>`` or
    detection; or text); ``url``: where it was fetched from (absolute http(s) URL: the portal and
    its rules follow from it, and the edition serving it gives the language where the page names
    none and, for a machine-translated edition, ``machine_translated`` and ``original_url``, as
    in a crawl); ``fetched_at``: when (chooses the portal's markup layout; default
    the current one); ``portals``: a :class:`~newsbot.portals.Registry` (default: the packaged
    portals and ``NEWSBOT_PORTALS_FILE`` of the environment); ``provenance``: add the layer of
    each field. Returns the record's dict (the fields of :data:`~newsbot.extraction.record.FIELDS`,
    ``portal`` being the owning portal or ``"article"``, ``crawled_at`` now; no ``revision``).

    Raises ``ValueError`` for a ``url`` that is not an absolute http(s) URL,
    :class:`NotAnArticle` for a page that does not read as an article, :class:`InvalidRecord`
    for a record the schema refuses (both are ``ValueError``\\ s, carrying ``url`` and ``record``).
    """
    from .arguments import check_url
    from .schema import validator

    check_url(url)
    owner = _registry(portals).for_url(url)
    edition = owner.edition_of(url) if owner else None
    hints = Hints(language=edition.lang, machine_translated=edition.machine_translated,
                  original_url=owner.original_url(url)) if edition else None
    ex = extract_article(html, url, hints, rules=owner.rules_for(fetched_at) if owner else None,
                         content_type=content_type, domains=owner.domains if owner else ())
    record = record_of(ex, owner, provenance)
    if not ex.is_article:
        from .extraction.kind import REASON_TEXT

        raise NotAnArticle(f"{url}: not an article page ({REASON_TEXT.get(ex.kind, ex.kind)})", url, record)
    errors = list(validator().iter_errors(record))
    if errors:
        where = str(errors[0].path[0]) if errors[0].path else "record"
        raise InvalidRecord(f"{url}: invalid record: {where}: {errors[0].message[:200]}", url, record, where)
    return record


def _text(value) -> str:
    if isinstance(value, (date, datetime)):
        return value.isoformat()[:10]
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (list, tuple)):
        return ",".join(map(str, value))
    return str(value)


def crawl(spiders: str | list[str], *, output: str | os.PathLike | None = None, settings: dict | None = None,
          **arguments) -> list[dict] | list[Path]:
    """Run a crawl of ``spiders`` (a spider name or a list: portals, ``article``, ``portal``)
    with the spider ``arguments`` given to each (``since``/``until`` as dates or
    ``YYYY-MM-DD``, ``mode``, ``lang`` (text or a list), ``limit``, ``urls``, ``incremental``…)
    and Scrapy ``settings`` (``{name: value}``, as ``-s`` gives them), in a child process.

    Without ``output`` the records are written to a temporary JSON Lines file, read back and
    returned (a list of dicts); with ``output`` (a path; with several spiders it must hold
    ``%(name)s``) each spider's records replace that file, and the paths written are returned.
    Either way the output is replaced as ``-O`` does: a full crawl, without the seen-store,
    unless ``incremental=True`` is given. The run logs to stderr.

    Raises :class:`CrawlRefused` (``status`` 2: bad arguments or settings; 3: another
    incremental crawl holds the lock) before anything is fetched, :class:`CrawlFailed` when a
    spider's run failed (it carries what was written), ``ValueError`` for an ``output`` that
    names several spiders' files without ``%(name)s``."""
    results, records, written = _crawl(spiders, output, settings, arguments)
    if any(r.status for r in results):
        raise CrawlFailed(results, records, None if output is None else written)
    return records if output is None else written


def _crawl(spiders, output, settings, arguments, told: bool = True) -> tuple[list, list[dict] | None, list[Path]]:
    """:func:`crawl`'s run: ``(results, records or None, paths written)``, nothing raised for
    a failed spider; ``told``: the summary lines are logged (:func:`newsbot.runner.start`)."""
    names = [spiders] if isinstance(spiders, str) else list(spiders)
    args = {k: _text(v) for k, v in arguments.items() if v is not None}
    with tempfile.TemporaryDirectory(prefix="newsbot-") as tmp:
        template = str(output) if output is not None else str(Path(tmp) / "%(name)s.jsonl")
        try:
            paths = [Path(template % {"name": name}) for name in names]
        except (KeyError, ValueError, TypeError):
            raise ValueError(f"output {template}: only %(name)s may be filled in") from None
        if len(set(paths)) < len(paths):
            raise ValueError(f"output {template}: give %(name)s in the path of several spiders' files")
        feeds = {template: {"format": _format(template), "overwrite": True}}
        results = _run(names, args, {**(settings or {}), "FEEDS": feeds}, Path(tmp), told)
        records = None
        if output is None:
            records = [json.loads(line) for p in paths if p.exists()
                       for line in p.read_text("utf-8").splitlines() if line.strip()]
    return results, records, [p for p in paths if p.exists()]


def _format(path: str) -> str:
    suffix = Path(path).suffix.lstrip(".").lower()
    return suffix if suffix in ("json", "jsonl", "jsonlines", "jl", "csv", "xml") else "jsonlines"


def _run(names: list[str], arguments: dict, settings: dict, tmp: Path, told: bool = True) -> list:
    """:func:`newsbot.runner.crawl` in a child interpreter; its results, or the refusal raised."""
    job, answer = tmp / "job.pickle", tmp / "answer.pickle"
    job.write_bytes(pickle.dumps((names, arguments, settings, str(answer), told)))
    env = {**os.environ, "SCRAPY_SETTINGS_MODULE": os.environ.get("SCRAPY_SETTINGS_MODULE", "newsbot.settings")}
    proc = subprocess.run([sys.executable, "-m", "newsbot.api", str(job)], env=env, stdin=subprocess.DEVNULL)
    if not answer.exists():
        raise RuntimeError(f"the crawl process ended without a result (exit status {proc.returncode})")
    kind, value = pickle.loads(answer.read_bytes())
    if kind == "refused":
        raise CrawlRefused(*value)
    return value


def _child(job: Path) -> None:
    """The child's side of :func:`_run`: the crawl, then its results (or refusal) pickled."""
    from scrapy.utils.project import get_project_settings

    from .runner import Job, crawl as run_crawl

    names, arguments, overrides, answer, told = pickle.loads(job.read_bytes())
    settings = get_project_settings()
    for name, value in overrides.items():
        settings.set(name, value, priority="cmdline")
    try:
        outcome = ("done", run_crawl(settings, [Job(name, dict(arguments)) for name in names], told))
    except CrawlRefused as exc:
        outcome = ("refused", (exc.status, str(exc)))
    Path(answer).write_bytes(pickle.dumps(outcome))


def extract_url(url: str, *, settings: dict | None = None, provenance: bool = False) -> dict:
    """Fetch ``url`` with a crawl of the ``article`` spider (:func:`crawl`: robots.txt, the
    User-Agent, redirect and address checks, size limits, retries; ``settings`` as there, e.g.
    ``{"NEWSBOT_ALLOW_LOOPBACK": "true"}`` for a page on this machine; it logs warnings only
    unless ``LOG_LEVEL`` says otherwise, and no summary line: what went wrong is raised) and
    return its record (``revision`` 1, ``portal`` the owning portal, else ``article``). Raises ``ValueError`` for a ``url`` that is not an absolute http(s) URL,
    :class:`NotAnArticle` or :class:`InvalidRecord` (without ``record``) when the page gives no
    record, :class:`CrawlFailed` when it could not be fetched (its message is the summary line,
    naming the failure), :class:`CrawlRefused` for bad settings."""
    from .arguments import check_url
    from .stats import DROPPED

    check_url(url)
    with tempfile.TemporaryDirectory(prefix="newsbot-") as tmp:
        listing = Path(tmp) / "url.txt"
        listing.write_text(url + "\n", encoding="utf-8")  # a file: a URL may hold commas
        extra = {"LOG_LEVEL": "WARNING", **({"NEWSBOT_PROVENANCE": "true"} if provenance else {})}
        results, records, _ = _crawl("article", None, {**extra, **(settings or {})}, {"url_file": str(listing)},
                                     told=False)
    if records:
        return records[0]
    [result] = results
    dropped = DROPPED.read(result.stats)
    if dropped.get("not_article"):
        raise NotAnArticle(f"{url}: not an article page (no article markup, under 3 paragraphs of text)", url)
    invalid = [k.split("/", 1)[1] for k in dropped if k.startswith("invalid/")]
    if invalid:
        raise InvalidRecord(f"{url}: invalid record: {invalid[0]} (see the log)", url, None, invalid[0])
    if result.stats.get("robotstxt/forbidden"):
        raise CrawlFailed([replace(result, status=1, line=f"{url}: forbidden by robots.txt")], [])
    raise CrawlFailed([result if result.status else replace(result, status=1, line=f"{url}: no record ({result.line})")],
                      [])


if __name__ == "__main__":  # the child process of crawl()
    _child(Path(sys.argv[1]))
