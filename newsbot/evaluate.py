"""Scoring of extraction against a labelled corpus: an ``index.jsonl`` of entries ``{id, file,
url, expected}`` and the (gzipped) HTML files it names. Two label formats, told apart by
``expected`` (one format per corpus):

- news labels (the format of ``corpus/news/``): ``expected: {title, date, lead, body, authors,
  tags}`` beside ``publisher`` and ``eu_portal``; pages hold UTF-8 bytes. Metrics, as that
  corpus's README defines them: title exact after Unicode NFC and folding white space runs to
  one space; date ``instant`` = same moment within 60 s, ``day`` = same calendar day in the
  expected offset; body ``\\w+`` tokens, 4-token shingles as multisets, per page tp, fp, fn
  divided by tp+fp+fn, precision = tp/(tp+fp), recall = tp/(tp+fn) (1 when fp = fn = 0),
  averaged over pages, F1 from the two averages, ``exact`` = equal token sequences; authors
  (where labelled) exact = equal lists of names (each folded as titles are), precision and
  recall of the names summed over pages.
- snippet labels (the format of ``corpus/snippets/``, the rules of trafilatura's evaluation):
  ``expected: {with: [...], without: [...]}``; pages hold the bytes as served. The text scored
  is the record's title and body joined, white space runs folded to one space (in the snippets
  too); a snippet counts when it is a substring. Per page tp = ``with`` found, fn = ``with``
  missing, fp = ``without`` found, tn = ``without`` absent, summed over pages; precision,
  recall, accuracy = (tp+tn)/all and F1 from the sums.
"""
from __future__ import annotations

import gzip
import json
import unicodedata
import zlib
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime, timezone
from pathlib import Path

from .extraction import extract_article
from .extraction.text import tokens


def norm_title(text: str | None) -> str:
    """NFC with white space runs folded to one space, trimmed."""
    return " ".join(unicodedata.normalize("NFC", text or "").split())


def parse_expected_date(value: str | None) -> datetime | None:
    """The corpus's ``YYYY-MM-DD HH:MM:SS+HH:MM`` (or ISO 8601) as an aware datetime."""
    if not value:
        return None
    try:
        return datetime.fromisoformat(value)
    except ValueError:
        return None


def date_scores(predicted: str | None, expected: str | None) -> tuple[bool, bool]:
    """``(same instant within 60 s, same calendar day in the expected offset)``."""
    exp, pred = parse_expected_date(expected), parse_expected_date(predicted)
    if exp is None or pred is None:
        return False, False
    if pred.tzinfo is None or exp.tzinfo is None:
        return False, pred.date() == exp.date()
    instant = abs((pred - exp).total_seconds()) <= 60
    return instant, pred.astimezone(exp.tzinfo).date() == exp.date()


def _shingles(toks: list[str]) -> Counter:
    return Counter(tuple(toks[i:i + 4]) for i in range(max(len(toks) - 3, 0)))


def body_scores(predicted: str | None, expected: str | None) -> tuple[float, float, bool]:
    """``(precision, recall, exact)`` of one page's body by 4-token shingles."""
    pt, et = tokens(predicted), tokens(expected)
    ps, es = _shingles(pt), _shingles(et)
    tp = sum((ps & es).values())
    fp = sum((ps - es).values())
    fn = sum((es - ps).values())
    precision = 1.0 if fp == 0 else tp / (tp + fp)
    recall = 1.0 if fn == 0 else tp / (tp + fn)
    return precision, recall, pt == et


def author_counts(predicted: list[str] | None, expected: list[str] | None) -> tuple[bool, int, int, int]:
    """``(exact, tp, fp, fn)`` of one page's authors: the lists equal (names compared as titles
    are, :func:`norm_title`, in order), and the names found, extra and missing (as sets)."""
    got = [norm_title(a) for a in predicted or []]
    want = [norm_title(a) for a in expected or []]
    return got == want, len(set(got) & set(want)), len(set(got) - set(want)), len(set(want) - set(got))


@dataclass
class Scores:
    """Aggregated metrics over a set of pages."""

    n: int = 0
    title: int = 0
    instant: int = 0
    day: int = 0
    precision: float = 0.0
    recall: float = 0.0
    exact: int = 0
    authored: int = 0  # pages whose labels hold authors
    authors_exact: int = 0
    author_tp: int = 0
    author_fp: int = 0
    author_fn: int = 0
    pages: list = field(default_factory=list)

    def add(self, page_id: str, predicted: dict, expected: dict) -> dict:
        """Score one page's predicted record against its labels; return its per-page row."""
        t = norm_title(predicted.get("title")) == norm_title(expected.get("title"))
        instant, day = date_scores(predicted.get("date_published"), expected.get("date"))
        p, r, exact = body_scores(predicted.get("body"), expected.get("body"))
        self.n += 1
        self.title += t
        self.instant += instant
        self.day += day
        self.precision += p
        self.recall += r
        self.exact += exact
        f1 = 2 * p * r / (p + r) if p + r else 0.0
        row = {"id": page_id, "title": t, "instant": instant, "day": day, "precision": p,
               "recall": r, "f1": f1, "exact": exact}
        if "authors" in expected:
            same, tp, fp, fn = author_counts(predicted.get("authors"), expected.get("authors"))
            self.authored += 1
            self.authors_exact += same
            self.author_tp, self.author_fp, self.author_fn = (
                self.author_tp + tp, self.author_fp + fp, self.author_fn + fn)
            row["authors"] = same
        self.pages.append(row)
        return row

    def summary(self) -> dict:
        """``{pages, title_exact, date_instant, date_day, body_precision, body_recall, body_f1,
        body_exact}`` as fractions in [0, 1]; for pages whose labels hold authors also
        ``authors_exact`` (the list equal), ``authors_precision`` and ``authors_recall`` (of
        the names, summed over those pages: 1 when nothing was found, or expected)."""
        n = self.n or 1
        p, r = self.precision / n, self.recall / n
        out = {
            "pages": self.n, "title_exact": self.title / n, "date_instant": self.instant / n,
            "date_day": self.day / n, "body_precision": p, "body_recall": r,
            "body_f1": 2 * p * r / (p + r) if p + r else 0.0, "body_exact": self.exact / n,
        }
        if self.authored:
            tp, fp, fn = self.author_tp, self.author_fp, self.author_fn
            out.update(authors_exact=self.authors_exact / self.authored,
                       authors_precision=tp / (tp + fp) if tp + fp else 1.0,
                       authors_recall=tp / (tp + fn) if tp + fn else 1.0)
        return out


def _folded(text: str | None) -> str:
    return " ".join((text or "").split())


def snippet_text(record: dict) -> str:
    """The text a snippet-labelled page is scored on: the record's title and body joined by a
    space, white space runs folded to one space."""
    return _folded(" ".join(part for part in (record.get("title"), record.get("body")) if part))


def snippet_counts(predicted: dict, expected: dict) -> tuple[int, int, int, int]:
    """``(tp, fn, fp, tn)`` of one page: ``with`` snippets found / missing and ``without``
    snippets found / absent in :func:`snippet_text` of the record ``predicted`` (substring
    match after folding white space in each snippet)."""
    text = snippet_text(predicted)
    found = [_folded(s) in text for s in expected.get("with") or []]
    wrong = [_folded(s) in text for s in expected.get("without") or []]
    return sum(found), len(found) - sum(found), sum(wrong), len(wrong) - sum(wrong)


@dataclass
class SnippetScores:
    """Snippet counts summed over pages (not averaged per page), as trafilatura's evaluation
    sums them."""

    n: int = 0
    tp: int = 0
    fn: int = 0
    fp: int = 0
    tn: int = 0
    pages: list = field(default_factory=list)

    def add(self, page_id: str, predicted: dict, expected: dict) -> dict:
        """Count one page's snippets in the record ``predicted``; return its per-page row
        ``{id, tp, fn, fp, tn}``."""
        tp, fn, fp, tn = snippet_counts(predicted, expected)
        self.n += 1
        self.tp += tp
        self.fn += fn
        self.fp += fp
        self.tn += tn
        row = {"id": page_id, "tp": tp, "fn": fn, "fp": fp, "tn": tn}
        self.pages.append(row)
        return row

    def summary(self) -> dict:
        """``{pages, tp, fn, fp, tn, precision, recall, accuracy, f1}``; the ratios are
        fractions in [0, 1] (0 when their denominator is 0)."""
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        total = self.tp + self.fn + self.fp + self.tn
        return {"pages": self.n, "tp": self.tp, "fn": self.fn, "fp": self.fp, "tn": self.tn,
                "precision": p, "recall": r, "accuracy": (self.tp + self.tn) / total if total else 0.0,
                "f1": 2 * p * r / (p + r) if p + r else 0.0}


NEWS, SNIPPETS = "news", "snippets"
"""The two label formats of a corpus (see the module's docstring)."""

PAGE_CONTENT_TYPE = {NEWS: "text/html; charset=utf-8", SNIPPETS: None}
"""The ``Content-Type`` a corpus page is read with, by label format: a news corpus stores
every page as UTF-8 bytes whatever charset the page declares (its servers' headers are not
kept); a snippet corpus stores the bytes as served, so the page's BOM, ``<meta charset>`` or
detection decide."""

_TEXT_LABELS = ("title", "date", "lead", "body")
_LIST_LABELS = ("authors", "tags")
_SNIPPET_LABELS = ("with", "without")


def label_format(entry: dict) -> str:
    """:data:`SNIPPETS` when the entry's ``expected`` holds ``with`` or ``without``, else
    :data:`NEWS`."""
    expected = entry.get("expected")
    return SNIPPETS if isinstance(expected, dict) and any(k in expected for k in _SNIPPET_LABELS) else NEWS


def _check_entry(entry) -> None:
    """``ValueError`` (message without location) when an index entry lacks a field the scoring
    reads, holds one of the wrong type, or an expected date :func:`parse_expected_date` cannot
    read."""
    if not isinstance(entry, dict):
        raise ValueError(f"an entry must be a JSON object, not {type(entry).__name__}")
    for key in ("id", "url", "file"):
        if not isinstance(entry.get(key), str) or not entry[key].strip():
            raise ValueError(f"{key!r} missing or not a non-empty string")
    if not isinstance(entry.get("publisher", ""), str):
        raise ValueError("'publisher' is not a string")
    expected = entry.get("expected")
    if not isinstance(expected, dict):
        raise ValueError("'expected' missing or not an object")
    if label_format(entry) == SNIPPETS:
        for key in _SNIPPET_LABELS:
            value = expected.get(key, [])
            if not (isinstance(value, list) and all(isinstance(v, str) and v.strip() for v in value)):
                raise ValueError(f"expected {key!r} is not a list of non-empty strings")
        return
    for key in _TEXT_LABELS:
        if expected.get(key) is not None and not isinstance(expected[key], str):
            raise ValueError(f"expected {key!r} is not a string or null")
    if expected.get("date") and parse_expected_date(expected["date"]) is None:
        raise ValueError(f"expected 'date' {expected['date'][:40]!r} is not an ISO 8601 date")
    for key in _LIST_LABELS:
        value = expected.get(key)
        if value is not None and not (isinstance(value, list) and all(isinstance(v, str) for v in value)):
            raise ValueError(f"expected {key!r} is not a list of strings or null")


def _read_page(directory: Path, name: str) -> bytes:
    """Bytes of page file ``name`` (gunzipped when it ends in ``.gz``); ``ValueError`` for a
    path leaving ``directory`` or a gzip file that is cut short or corrupt."""
    root = directory.resolve()
    path = (directory / name).resolve()
    if not path.is_relative_to(root):
        raise ValueError(f"file {name!r} is outside the corpus folder")
    if not path.is_file():
        raise ValueError(f"file {name!r} not found or not a regular file")
    data = path.read_bytes()
    if path.suffix != ".gz":
        return data
    try:
        return gzip.decompress(data)
    except EOFError:
        raise ValueError(f"file {name!r} is a truncated gzip file") from None
    except (OSError, zlib.error) as exc:
        raise ValueError(f"file {name!r} is not a readable gzip file ({exc})") from None


def load_corpus(directory: str | Path) -> list[dict]:
    """Entries of ``DIR/index.jsonl`` (UTF-8 JSON Lines) with ``html`` (bytes) added. Raises
    ``FileNotFoundError`` when the index is missing and ``ValueError`` naming the file and line
    for a line that is not UTF-8 or not a JSON object, an entry without ``id``, ``url``,
    ``file`` (strings) or ``expected`` (an object of string labels, or of ``with`` /
    ``without`` snippet lists), an entry whose label format differs from the first entry's,
    a page file outside ``DIR``, missing, or a cut-short gzip file, an ``id`` given twice, and
    ``ValueError`` for an index without any entry."""
    directory = Path(directory)
    index = directory / "index.jsonl"
    if not index.is_file():
        raise FileNotFoundError(f"{index} not found: not a labelled corpus folder")
    entries, ids = [], set()
    try:
        fh = index.open("rb")
    except OSError as exc:
        raise ValueError(f"{index}: cannot be read ({exc.strerror or exc})") from None
    with fh:
        for n, raw in enumerate(fh, 1):
            try:
                line = raw.decode("utf-8")
                if not line.strip():
                    continue
                entry = json.loads(line)
                _check_entry(entry)
                if entries and label_format(entry) != label_format(entries[0]):
                    raise ValueError(f"{label_format(entry)} labels in a corpus of "
                                     f"{label_format(entries[0])} labels")
                if entry["id"] in ids:
                    raise ValueError(f"id {entry['id']!r} given twice")
                ids.add(entry["id"])
                entry["html"] = _read_page(directory, entry["file"])
            except UnicodeDecodeError:
                raise ValueError(f"{index}:{n}: bad corpus entry (not UTF-8)") from None
            except RecursionError:
                raise ValueError(f"{index}:{n}: bad corpus entry (JSON nested too deeply)") from None
            except (ValueError, OSError) as exc:
                raise ValueError(f"{index}:{n}: bad corpus entry ({exc})") from None
            entries.append(entry)
    if not entries:
        raise ValueError(f"{index}: no entry (a labelled corpus lists its pages one a line)")
    return entries


def crawl_date(entry: dict) -> datetime | None:
    """When a corpus page was fetched (its ``crawl_date``, naive UTC in the corpus), an aware
    datetime, or ``None``: it chooses the portal layout the page was read with."""
    value = entry.get("crawl_date")
    try:
        when = datetime.fromisoformat(value) if isinstance(value, str) else None
    except ValueError:
        return None
    return when.replace(tzinfo=timezone.utc) if when is not None and when.tzinfo is None else when


def predict(entry: dict, generic: bool = False, portals=None) -> dict:
    """The record newsbot extracts from one corpus entry (its ``html`` and ``url``), with the
    rules of the registry's portal owning the URL in the layout of the page's crawl date
    (none with ``generic``); the entry's ``id`` replaces the record's, ``portal`` names the
    portal (``None`` for the generic path). ``portals``: a registry (default: the one of the
    project's settings, :func:`newsbot.portals.registry`). The page's bytes are decoded as its
    corpus format says they are stored (:data:`PAGE_CONTENT_TYPE`)."""
    portal = None
    if not generic:
        if portals is None:
            from .portals import default_registry

            portals = default_registry()
        portal = portals.for_url(entry["url"])
    rules = portal.rules_for(crawl_date(entry)) if portal else None
    record = extract_article(entry["html"], entry["url"], rules=rules,
                             content_type=PAGE_CONTENT_TYPE[label_format(entry)]).record
    return {**record, "id": entry["id"], "portal": portal.name if portal else None}
