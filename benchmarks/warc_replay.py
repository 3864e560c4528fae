"""WARC replay against the WARC readers' own iteration over the same archive, one run.

Usage: ``python benchmarks/warc_replay.py [--rounds N] [--copies N]``. The archive is written
with newsbot's own writer from the pages of ``../shared/corpus`` (news and snippets; each page
``--copies`` times under its own URL), or from generated pages when the corpus is absent.
Sides, each a round, interleaved (:mod:`rounds`), CPU time of this process:

- replay: what a replayed crawl costs, :class:`newsbot.warc.WarcIndex` built (one pass,
  completeness checked) and every stored URL read back with ``get`` (status, headers, body);
- warcio: ``warcio.ArchiveIterator`` over the file, each response's URL, status and content
  read (the reader newsbot used before);
- FastWARC: ``fastwarc.warc.ArchiveIterator`` over the file, the same fields read.

Prints the ratios replay / warcio (goal ≤ 1.2) and replay / FastWARC.
"""
from __future__ import annotations

import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT), str(Path(__file__).resolve().parent)]

from rounds import command, interleaved, per_item_line, ratio_line, ratios  # noqa: E402


def corpus_pages(root: Path = ROOT.parent / "shared" / "corpus") -> list[bytes]:
    """The HTML bytes of the labelled corpora under ``root`` (news, snippets), or generated
    pages of similar size when they are absent."""
    from newsbot.evaluate import load_corpus

    pages = []
    for name in ("news", "snippets"):
        try:
            pages += [entry["html"] for entry in load_corpus(root / name)]
        except (FileNotFoundError, ValueError):
            pass
    if not pages:
        words = " ".join(f"word{n}" for n in range(400))
        pages = [(f"<html><head><title>Page {n}</title></head><body>"
                  + f"<p>{words} {n}</p>" * 40 + "</body></html>").encode() for n in range(600)]
    return pages


def write_archive(path: Path, pages: list[bytes], copies: int) -> list[str]:
    """Write ``pages`` ``copies`` times each to a gzipped WARC at ``path``; their URLs."""
    from newsbot.warc import WarcWriterFile

    writer = WarcWriterFile(path)
    urls = []
    for copy in range(copies):
        for number, body in enumerate(pages):
            url = f"https://replay.example/{copy}/page-{number}"
            writer.write(url, 200, [("Content-Type", "text/html; charset=utf-8")], body)
            urls.append(url)
    writer.close()
    return urls


def sides(path: Path, urls: list[str]) -> dict:
    """The three sides over the archive at ``path``."""
    import fastwarc.warc as fastwarc
    from warcio.archiveiterator import ArchiveIterator

    import newsbot.warc as warc

    def replay():
        warc._SPANS.clear()  # a crawl's first index is a real pass
        with warc.WarcIndex(path) as index:
            for url in urls:
                stored = index.get(url)
                stored.status, stored.headers, stored.body

    def warcio_iteration():
        with open(path, "rb") as fh:
            for record in ArchiveIterator(fh):
                if record.rec_type == "response":
                    record.rec_headers.get_header("WARC-Target-URI"), record.http_headers.get_statuscode()
                    record.http_headers.headers, record.content_stream().read()

    def fastwarc_iteration():
        with open(path, "rb") as fh:
            for record in fastwarc.ArchiveIterator(fh, auto_decode="all"):
                if record.record_type == fastwarc.WarcRecordType.response:
                    record.headers.get("WARC-Target-URI"), record.http_headers.status_code
                    record.http_headers.items(), record.reader.read()

    return {"replay": replay, "warcio": warcio_iteration, "FastWARC": fastwarc_iteration}


def run(rounds: int = 5, copies: int = 2) -> list[str]:
    """The benchmark's printed lines."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "replay.warc.gz"
        urls = write_archive(path, corpus_pages(), copies)
        spent = interleaved(sides(path, urls), rounds)
    lines = [f"WARC replay: {len(urls)} records, {path.name}"]
    lines += [per_item_line(name, spent[name], len(urls), "ms/record") for name in spent]
    lines.append(ratio_line("WARC replay / warcio iteration", ratios(spent["replay"], spent["warcio"]), "<= 1.2"))
    lines.append(ratio_line("WARC replay / FastWARC iteration", ratios(spent["replay"], spent["FastWARC"])))
    return lines


def main(argv: list[str] | None = None) -> int:
    """Run the benchmark from the command line (:func:`rounds.command`)."""
    return command(run, __doc__, argv, {"copies": "times each page is archived"})


if __name__ == "__main__":
    sys.exit(main())
