"""Every portal layout against the real pages saved from it: each page of the shared corpus
that a registry portal owns is extracted with the portal's rules in the layout of its crawl
date and compared field by field with its labels (title, date, lead, body, bylines but the brand, tags).
Layouts without a saved page are listed as skipped, saying so; the whole file skips, saying
why, when the corpus is absent."""
from __future__ import annotations

import pytest
from support import CORPUS, corpus_entries

from newsbot.evaluate import crawl_date, date_scores, norm_title, predict
from newsbot.extraction.text import tokens
from newsbot.portals import load_registry

REGISTRY = load_registry(None)
# the portals with real saved pages (Politico Europe, Euronews): see ../shared/docs/portals.md
SAVED = ("politico_eu", "euronews")


def _pages(portal, layout) -> list[dict]:
    entries = [e for e in corpus_entries() if REGISTRY.for_url(e["url"]) is portal]
    return [e for e in entries if portal.rules_for(crawl_date(e)) is layout.rules]


@pytest.mark.parametrize("name, index", [(n, i) for n in SAVED for i in range(len(REGISTRY[n].layouts))])
def test_layout_reads_its_saved_pages_as_labelled(name, index):
    portal = REGISTRY[name]
    layout = portal.layouts[index]
    pages = _pages(portal, layout)
    if not pages:
        pytest.skip(f"{name} layout {index + 1} (until {layout.until or 'now'}): no saved page of it in {CORPUS}")
    for entry in pages:
        record, expected = predict(entry, portals=REGISTRY), entry["expected"]
        assert record["portal"] == name
        assert norm_title(record["title"]) == norm_title(expected["title"]), entry["id"]
        assert date_scores(record["date_published"], expected["date"]) == (True, True), entry["id"]
        assert record["lead"] == expected["lead"], entry["id"]
        assert tokens(record["body"]) == tokens(expected["body"]), entry["id"]
        # the labels count the portal's brand as an author where the page names no person;
        # newsbot never does (a brand is not a byline)
        bylines = [a for a in expected["authors"] if a.casefold() not in {n.casefold() for n in layout.rules.site_names}]
        assert record["authors"] == bylines, entry["id"]
        assert record["tags"] == expected["tags"], entry["id"]


def test_the_corpus_holds_pages_of_the_saved_portals():
    owned = {REGISTRY.for_url(e["url"]).name for e in corpus_entries() if REGISTRY.for_url(e["url"])}
    assert owned == set(SAVED)
