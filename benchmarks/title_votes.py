"""How well the title sources' vote weights hold on pages a fit did not see, one run.

Usage: ``python benchmarks/title_votes.py [CORPUS_DIR]`` (default corpus:
``../shared/corpus/news``, a corpus of news labels: :mod:`newsbot.evaluate`). For every page
the title candidates are read once (:func:`newsbot.extraction.title.title_candidates`), then
voted (:func:`newsbot.extraction.title.vote_title`) with:

- the shipped weights (:data:`newsbot.extraction.title.TITLE_WEIGHTS`);
- the weights of a grid (each source 0.25 to 3) that get the most titles right on the whole
  corpus (a figure on the pages the fit saw: an upper bound, not a forecast);
- leave-one-publisher-out: for each publisher, the grid's best weights on the other
  publishers' pages, scored on that publisher's pages (a figure from unseen pages only).

Output: one line each, titles exact (Unicode NFC, white space folded) as a share of the pages.
New weights are worth shipping only when the cross-validated line beats the shipped one.
"""
from __future__ import annotations

import argparse
import itertools
import sys
from collections import defaultdict
from pathlib import Path

GRID = (0.25, 0.5, 1.0, 1.5, 2.0, 3.0)


def main(argv: list[str] | None = None) -> int:
    """Run the comparison; returns the exit status (2 when the corpus cannot be read)."""
    root = Path(__file__).resolve().parents[1]
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default=str(root.parent / "shared" / "corpus" / "news"))
    args = parser.parse_args(argv)
    sys.path.insert(0, str(root))
    from newsbot.evaluate import NEWS, PAGE_CONTENT_TYPE, label_format, load_corpus, norm_title
    from newsbot.extraction.page import Page
    from newsbot.extraction.record import Fields
    from newsbot.extraction.title import TITLE_SOURCES, TITLE_WEIGHTS, title_candidates, vote_title

    try:
        entries = [e for e in load_corpus(args.corpus) if label_format(e) == NEWS]
    except (FileNotFoundError, ValueError) as exc:
        print(f"title_votes: {exc}", file=sys.stderr)
        return 2
    if not entries:
        print(f"title_votes: {args.corpus} holds no page with news labels", file=sys.stderr)
        return 2
    pages = []  # (publisher, expected title, candidates)
    for e in entries:
        fields = Fields(Page(e["html"], e["url"], PAGE_CONTENT_TYPE[NEWS]))
        pages.append((e.get("publisher", e["id"]), norm_title(e["expected"].get("title")), title_candidates(fields)))
    grid = [dict(zip(TITLE_SOURCES, w)) for w in itertools.product(GRID, repeat=len(TITLE_SOURCES))]
    # hits[j][i]: weights j get page i's title right
    hits = [[bool(c) and norm_title(vote_title(c, w)[0]) == want for _, want, c in pages] for w in grid]
    totals = [sum(h) for h in hits]
    shipped = sum(bool(c) and norm_title(vote_title(c, TITLE_WEIGHTS)[0]) == want for _, want, c in pages)
    best = max(range(len(grid)), key=totals.__getitem__)
    by_publisher: dict[str, list[int]] = defaultdict(list)
    for i, (publisher, _, _) in enumerate(pages):
        by_publisher[publisher].append(i)
    unseen = 0
    for held in by_publisher.values():
        fit = max(range(len(grid)), key=lambda j: totals[j] - sum(hits[j][i] for i in held))
        unseen += sum(hits[fit][i] for i in held)
    n = len(pages)
    print(f"shipped weights                      {shipped / n:.3f}  {dict(TITLE_WEIGHTS)}")
    print(f"best grid weights (pages seen)       {totals[best] / n:.3f}  {grid[best]}")
    print(f"leave one publisher out (unseen)     {unseen / n:.3f}  ({len(by_publisher)} publishers, {n} pages)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
