"""CPU time of newsbot's generic extraction against trafilatura and against the lxml parse
alone, on the same pages, one run.

Usage: ``python benchmarks/extraction_cpu.py [CORPUS_DIR ...] [--rounds N]`` (default corpora:
``../shared/corpus/news`` and ``../shared/corpus/snippets``). Every page is handled by:

- newsbot: :func:`newsbot.extraction.extract_article` without portal rules (the generic path:
  decoding, parsing, title, dates, lead, body, authors, tags, language, flags);
- trafilatura: ``trafilatura.bare_extraction(html, url=…, with_metadata=True)`` (title, date
  and main text from the same bytes, its default settings), the way a peer extractor is used;
- lxml parse: ``lxml.html.document_fromstring`` of the page bytes, the floor under any
  extractor that reads the tree.

CPU seconds of this process (:func:`time.process_time`), each side over every page once a
round, the rounds interleaved (:mod:`rounds`). Prints each side's median ms a page and the
ratios newsbot / trafilatura (goal <= 0.30) and newsbot / lxml parse (goal <= 6), each the
median of the rounds with the range beside it.
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
sys.path[:0] = [str(ROOT), str(HERE)]

from rounds import interleaved, per_item_line, ratio_line, ratios  # noqa: E402

CORPORA = [ROOT.parent / "shared" / "corpus" / "news", ROOT.parent / "shared" / "corpus" / "snippets"]


def load(corpora: list[Path]) -> list[dict]:
    """The entries of every readable corpus folder; ``ValueError`` when none can be read."""
    from newsbot.evaluate import load_corpus

    pages, problems = [], []
    for folder in corpora:
        try:
            pages += load_corpus(folder)
        except (FileNotFoundError, ValueError) as exc:
            problems.append(str(exc))
    if not pages:
        raise ValueError("; ".join(problems) or "no corpus given")
    return pages


def run(rounds: int = 3, corpora: list[Path] | None = None) -> list[str]:
    """The benchmark's printed lines; ``ValueError`` when no corpus can be read."""
    import lxml.html
    import trafilatura

    from newsbot.extraction import extract_article

    pages = load(corpora or CORPORA)
    texts = [page["html"].decode("utf-8", errors="replace") for page in pages]
    # warm-up: imports and lazy tables of every side are not part of the per-page cost
    extract_article(pages[0]["html"], pages[0]["url"])
    trafilatura.bare_extraction(texts[0], url=pages[0]["url"], with_metadata=True)
    sides = {
        "newsbot": lambda: [extract_article(p["html"], p["url"]) for p in pages],
        "trafilatura": lambda: [trafilatura.bare_extraction(t, url=p["url"], with_metadata=True)
                                for p, t in zip(pages, texts)],
        "lxml parse": lambda: [lxml.html.document_fromstring(p["html"]) for p in pages],
    }
    spent = interleaved(sides, rounds)
    n = len(pages)
    lines = [f"Extraction: {n} pages"] + [per_item_line(name, spent[name], n) for name in sides]
    lines.append(ratio_line("extraction / trafilatura, CPU", ratios(spent["newsbot"], spent["trafilatura"]),
                            "<= 0.30"))
    lines.append(ratio_line("extraction / lxml parse, CPU", ratios(spent["newsbot"], spent["lxml parse"]), "<= 6"))
    return lines


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; returns the exit status (2 when no corpus can be read)."""
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="*", help="labelled corpus folders (default: both shared corpora)")
    parser.add_argument("--rounds", type=int, default=3, help="rounds, each side once a round")
    args = parser.parse_args(argv)
    try:
        lines = run(args.rounds, [Path(c) for c in args.corpus] or None)
    except ValueError as exc:
        print(f"extraction_cpu: {exc}", file=sys.stderr)
        return 2
    for line in lines:
        print(line, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
