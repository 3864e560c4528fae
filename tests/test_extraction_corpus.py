"""The shared labelled corpus as a regression suite of the generic extraction: every page
must keep at least the body F1, title and date it reached when ``tests/corpus_floors.json``
was written (floors sit slightly below the measured values), so a change that breaks one page
fails here. Skips, saying why, when the corpus is absent.

``python tests/test_extraction_corpus.py --write-floors`` rewrites the floors file from the
current extraction (F1 floor = measured F1 minus 0.02, rounded down to 0.01).
"""
from __future__ import annotations

import json
import math
import sys
from functools import lru_cache
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parent))
from support import CORPUS, corpus_entries  # noqa: E402

from newsbot.evaluate import body_scores, date_scores, norm_title  # noqa: E402
from newsbot.extraction import extract_article  # noqa: E402

FLOORS = Path(__file__).resolve().parent / "corpus_floors.json"
MARGIN = 0.02


def _floors() -> dict:
    return json.loads(FLOORS.read_text(encoding="utf-8")) if FLOORS.is_file() else {}


@lru_cache(maxsize=1)
def _entries() -> dict:
    return {e["id"]: e for e in corpus_entries()}


def _measure(entry: dict) -> dict:
    record = extract_article(entry["html"], entry["url"]).record
    exp = entry["expected"]
    p, r, _ = body_scores(record["body"], exp["body"])
    return {
        "f1": 2 * p * r / (p + r) if p + r else 0.0,
        "title": norm_title(record["title"]) == norm_title(exp["title"]),
        "date": date_scores(record["date_published"], exp["date"])[0],
    }


def _ids() -> list[str]:
    return sorted(_floors())


@pytest.mark.parametrize("page_id", _ids())
def test_corpus_page_keeps_its_floor(page_id):
    entry = _entries().get(page_id)
    assert entry is not None, f"{page_id} is in corpus_floors.json but not in {CORPUS}"
    floor = _floors()[page_id]
    got = _measure(entry)
    assert got["f1"] >= floor["f1"], f"body F1 {got['f1']:.3f} < floor {floor['f1']}"
    if floor["title"]:
        assert got["title"], "title no longer matches"
    if floor["date"]:
        assert got["date"], "date no longer the same instant"


def test_every_corpus_page_has_a_floor():
    assert sorted(_entries()) == _ids()


def write_floors() -> None:
    """Measure every corpus page and write ``corpus_floors.json``."""
    floors = {}
    for page_id, entry in sorted(_entries().items()):
        got = _measure(entry)
        floors[page_id] = {"f1": max(0.0, math.floor((got["f1"] - MARGIN) * 100) / 100),
                           "title": got["title"], "date": got["date"]}
    FLOORS.write_text(json.dumps(floors, indent=1, sort_keys=True) + "\n", encoding="utf-8")


if __name__ == "__main__":
    if sys.argv[1:] != ["--write-floors"]:
        sys.exit("usage: python tests/test_extraction_corpus.py --write-floors")
    write_floors()
