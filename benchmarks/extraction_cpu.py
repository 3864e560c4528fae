"""CPU time of newsbot's generic extraction against trafilatura on the same pages, one run.

Usage: ``python benchmarks/extraction_cpu.py [CORPUS_DIR] [--repeat N]`` (default corpus:
``../shared/corpus/news``). Every page is extracted by:

- newsbot: :func:`newsbot.extraction.extract_article` without portal rules (the generic path:
  decoding, parsing, title, dates, lead, body, authors, tags, language, flags);
- trafilatura: ``trafilatura.bare_extraction(html, url=…, with_metadata=True)`` (title, date
  and main text from the same bytes, its default settings), the way a peer extractor is used.

CPU seconds come from :func:`time.process_time` (this process only, user + system), summed
over the pages, taking the best of ``N`` passes for each side. Output: one line per side and
the ratio newsbot / trafilatura (below 1.0: newsbot spends less CPU per page).
"""
from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path


def _measure(func, pages, repeat: int) -> float:
    best = None
    for _ in range(repeat):
        start = time.process_time()
        for page in pages:
            func(page)
        spent = time.process_time() - start
        best = spent if best is None else min(best, spent)
    return best


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark; returns the exit status (2 when the corpus cannot be read)."""
    root = Path(__file__).resolve().parents[1]
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("corpus", nargs="?", default=str(root.parent / "shared" / "corpus" / "news"))
    parser.add_argument("--repeat", type=int, default=1, help="passes per side; the best counts")
    args = parser.parse_args(argv)
    sys.path.insert(0, str(root))
    import trafilatura

    from newsbot.evaluate import load_corpus
    from newsbot.extraction import extract_article

    try:
        pages = load_corpus(args.corpus)
    except (FileNotFoundError, ValueError) as exc:
        print(f"extraction_cpu: {exc}", file=sys.stderr)
        return 2
    # warm-up: imports and lazy tables of both sides are not part of the per-page cost
    extract_article(pages[0]["html"], pages[0]["url"])
    trafilatura.bare_extraction(pages[0]["html"].decode("utf-8"), url=pages[0]["url"], with_metadata=True)

    ours = _measure(lambda p: extract_article(p["html"], p["url"]), pages, args.repeat)
    peer = _measure(lambda p: trafilatura.bare_extraction(p["html"].decode("utf-8"), url=p["url"],
                                                          with_metadata=True), pages, args.repeat)
    n = len(pages)
    print(f"newsbot      {ours:7.2f} s CPU  {1000 * ours / n:6.1f} ms/page  ({n} pages)")
    print(f"trafilatura  {peer:7.2f} s CPU  {1000 * peer / n:6.1f} ms/page")
    print(f"ratio newsbot/trafilatura {ours / peer:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
