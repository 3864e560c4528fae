"""WARC files (:mod:`newsbot.warc`): written and read back, truncated files refused with the
record that is cut, appending to an archive and refusing files that are not WARCs, and the
fetch date each record keeps."""
from __future__ import annotations

import gzip

import pytest
from support import WARC_PAGES as PAGES, write_warc

from newsbot.warc import WarcIndex, WarcWriterFile, check_appendable


def test_warc_round_trip(tmp_path):
    path = tmp_path / "a.warc.gz"
    w = WarcWriterFile(path)
    w.write("https://site.example/a?utm_source=x", 200, [("Content-Type", "text/html; charset=utf-8"),
                                                         ("Content-Encoding", "gzip")], "Grüße".encode())
    w.write("https://site.example/gone", 410, [("Content-Type", "text/plain")], b"")
    w.close()
    index = WarcIndex(path)
    assert len(index) == 2
    got = index.get("https://site.example/a")  # found without its tracking parameter
    assert got.status == 200 and got.body.decode() == "Grüße"
    assert ("Content-Type", "text/html; charset=utf-8") in got.headers
    assert not any(k.lower() == "content-encoding" for k, _ in got.headers)
    assert index.get("https://site.example/gone").status == 410
    assert index.get("https://site.example/other") is None
    bad = tmp_path / "bad.warc.gz"
    bad.write_bytes(b"not a warc at all")
    with pytest.raises(ValueError, match="not a readable WARC"):
        WarcIndex(bad)


def test_warc_index_refuses_truncated_files(tmp_path):
    data = write_warc(tmp_path / "a.warc.gz", PAGES).read_bytes()
    assert len(WarcIndex(tmp_path / "a.warc.gz")) == 3
    for cut in (len(data) - 5, len(data) - 60, len(data) // 2):
        (tmp_path / "cut.warc.gz").write_bytes(data[:cut])
        with pytest.raises(ValueError, match="truncated"):
            WarcIndex(tmp_path / "cut.warc.gz")
    plain = gzip.decompress(data)
    (tmp_path / "cut.warc").write_bytes(plain[:-40])
    # the cut takes the record's closing CRLF CRLF (4 bytes) and 36 bytes of its block
    with pytest.raises(ValueError, match="record 3 ends 36 bytes before its Content-Length"):
        WarcIndex(tmp_path / "cut.warc")


def test_archive_appends_to_a_warc_and_refuses_other_files(tmp_path):
    warc = write_warc(tmp_path / "a.warc.gz", PAGES[:2])
    writer = WarcWriterFile(warc)
    writer.write(*PAGES[2][:1], 200, [("Content-Type", "text/html")], PAGES[2][1])
    writer.close()
    assert WarcIndex(warc).get(PAGES[2][0]).body == PAGES[2][1]
    notes = tmp_path / "notes.txt"
    notes.write_bytes(b"my notes\n")
    for path in (notes, tmp_path / "binary.gz"):
        if path.suffix == ".gz":
            path.write_bytes(gzip.compress(b"not a warc at all\n"))
        before = path.read_bytes()
        with pytest.raises(ValueError, match="is not a WARC file"):
            check_appendable(path)
        with pytest.raises(ValueError, match="is not a WARC file"):
            WarcWriterFile(path)
        assert path.read_bytes() == before


def test_a_replayed_page_is_read_with_the_layout_of_its_fetch_date(tmp_path):
    """A WARC record's WARC-Date chooses the layout: the same page read as fetched in 2024 and in 2026."""
    from datetime import datetime, timezone

    from newsbot.warc import WarcIndex, WarcWriterFile

    writer = WarcWriterFile(tmp_path / "a.warc.gz")
    writer.write("https://demo-news.example/a", 200, [("Content-Type", "text/html")], b"<p>x</p>")
    writer.close()
    stored = WarcIndex(tmp_path / "a.warc.gz").get("https://demo-news.example/a")
    assert stored.date is not None and abs((stored.date - datetime.now(timezone.utc)).total_seconds()) < 60
