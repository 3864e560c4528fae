"""WARC files (:mod:`newsbot.warc`): written and read back, truncated files refused with the
record that is cut, appending to an archive and refusing files that are not WARCs, and the
fetch date each record keeps."""
from __future__ import annotations

import gzip

import pytest
from support import WARC_PAGES as PAGES, response_record, write_warc

from newsbot.warc import CorruptRecord, WarcIndex, WarcWriterFile, check_appendable


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


def test_an_archive_is_gzipped_as_its_file_already_is_or_its_name_says(tmp_path):
    plain = tmp_path / "plain.warc"
    plain.write_bytes(gzip.decompress(write_warc(tmp_path / "a.warc.gz", PAGES[:1]).read_bytes()))
    for path in (plain, tmp_path / "new.warc", tmp_path / "new.warc.gz", tmp_path / "a.warc.gz"):
        writer = WarcWriterFile(path)
        writer.write(PAGES[2][0], 200, [("Content-Type", "text/html")], PAGES[2][1])
        writer.close()
        assert path.read_bytes()[:2] == (b"\x1f\x8b" if path.name.endswith(".gz") else b"WA")
        with WarcIndex(path) as index:  # one format a file: it reads back whole
            assert index.get(PAGES[2][0]).body == PAGES[2][1]
    assert len(WarcIndex(plain)) == 2 and len(WarcIndex(tmp_path / "a.warc.gz")) == 2


def test_a_replayed_page_is_read_with_the_layout_of_its_fetch_date(tmp_path):
    """A WARC record's WARC-Date chooses the layout: the same page read as fetched in 2024 and in 2026."""
    from datetime import datetime, timezone

    from newsbot.warc import WarcIndex, WarcWriterFile

    writer = WarcWriterFile(tmp_path / "a.warc.gz")
    writer.write("https://demo-news.example/a", 200, [("Content-Type", "text/html")], b"<p>x</p>")
    writer.close()
    stored = WarcIndex(tmp_path / "a.warc.gz").get("https://demo-news.example/a")
    assert stored.date is not None and abs((stored.date - datetime.now(timezone.utc)).total_seconds()) < 60


def test_an_archive_is_indexed_once_and_served_from_the_open_file(tmp_path, monkeypatch):
    """The settings check and each crawler's replay middleware share one pass over an unchanged
    file; records are then read from the file opened once, and a changed file is indexed again."""
    import builtins
    import os

    import newsbot.warc as warc

    path = write_warc(tmp_path / "a.warc.gz", PAGES)
    passes = []
    index_once = warc._index
    monkeypatch.setattr(warc, "_index", lambda *a: passes.append(a[0]) or index_once(*a))
    first, second = WarcIndex(path), WarcIndex(path)
    assert len(passes) == 1 and len(first) == len(second) == 3

    def refuse(*args, **kwargs):
        raise AssertionError("the archive is opened again")

    with monkeypatch.context() as m:
        m.setattr(builtins, "open", refuse)
        m.setattr(os, "open", refuse)
        assert [second.get(url).body for url, _, _ in PAGES] == [body for _, body, _ in PAGES]
    first.close()
    second.close()
    with pytest.raises(ValueError, match="closed"):
        second.get(PAGES[0][0])
    writer = WarcWriterFile(path)
    writer.write("http://127.0.0.1:9/late", 200, [("Content-Type", "text/html")], b"<p>late</p>")
    writer.close()
    with WarcIndex(path) as index:
        assert len(passes) == 2 and len(index) == 4 and index.get("http://127.0.0.1:9/late").body == b"<p>late</p>"


def test_replay_decodes_what_another_crawler_archived(tmp_path):
    """A record as other archivers write it (the HTTP message as received: chunked, gzip
    content coding) is served decoded, without the transfer headers."""
    import io

    from warcio.warcwriter import WARCWriter

    page = "<p>Zürich prices</p>".encode()
    coded = gzip.compress(page)
    chunked = b"%x\r\n%s\r\n0\r\n\r\n" % (len(coded), coded)
    message = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Encoding: gzip\r\n"
               b"Transfer-Encoding: chunked\r\nETag: \"v7\"\r\n\r\n" + chunked)
    with open(tmp_path / "other.warc.gz", "wb") as fh:
        writer = WARCWriter(fh, gzip=True)
        writer.write_record(writer.create_warc_record("https://other.example/a", "request",
                                                      payload=io.BytesIO(b"GET /a HTTP/1.1\r\n\r\n")))
        writer.write_record(writer.create_warc_record("https://other.example/a", "response",
                                                      payload=io.BytesIO(message), length=len(message)))
    with WarcIndex(tmp_path / "other.warc.gz") as index:
        got = index.get("https://other.example/a")
    assert len(index) == 1  # the request record is not served
    assert got.status == 200 and got.body == page
    assert got.headers == [("Content-Type", "text/html; charset=utf-8"), ("ETag", '"v7"')]


def test_a_warc_gzipped_as_one_stream_is_refused(tmp_path):
    plain = gzip.decompress(write_warc(tmp_path / "a.warc.gz", PAGES).read_bytes())
    (tmp_path / "whole.warc.gz").write_bytes(gzip.compress(plain))
    with pytest.raises(ValueError, match="gzipped as one stream"):
        WarcIndex(tmp_path / "whole.warc.gz")
    (tmp_path / "a.warc").write_bytes(plain)
    assert WarcIndex(tmp_path / "a.warc").get(PAGES[2][0]).body == PAGES[2][1]


BROKEN = {
    "no status line": (b"the harbour page as plain text", True, "holds no HTTP response"),
    "not typed, not HTTP": (b"the harbour page as plain text", False, "holds no HTTP response"),
    "gzip that is not": (b"HTTP/1.1 200 OK\r\nContent-Encoding: gzip\r\nContent-Type: text/html\r\n\r\nplain",
                         True, "its body does not decode"),
    "broken chunks": (b"HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\nContent-Type: text/html\r\n\r\nzz\r\nx",
                      True, "its body does not decode"),
}


@pytest.mark.parametrize("typed, block", [
    (False, b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>quay</p>"),  # no WARC Content-Type
    (True, b"HTTP/1.1 200 OK\nContent-Type: text/html\n\n<p>quay</p>"),  # header lines ended by LF alone
])
def test_a_response_as_other_crawlers_write_it_is_served(tmp_path, typed, block):
    for name, data in (("a.warc", response_record("https://h.example/a", block, typed)),
                       ("a.warc.gz", gzip.compress(response_record("https://h.example/a", block, typed)))):
        (tmp_path / name).write_bytes(data)
        with WarcIndex(tmp_path / name) as index:
            got = index.get("https://h.example/a")
        assert (got.status, got.headers, got.body) == (200, [("Content-Type", "text/html")], b"<p>quay</p>")


@pytest.mark.parametrize("case", sorted(BROKEN))
def test_a_record_without_a_readable_http_response_is_corrupt(tmp_path, case):
    block, typed, reason = BROKEN[case]
    good = b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>quay</p>"
    (tmp_path / "a.warc").write_bytes(response_record("https://h.example/bad", block, typed)
                                      + response_record("https://h.example/good", good))
    with WarcIndex(tmp_path / "a.warc") as index:
        with pytest.raises(CorruptRecord, match=f"the record of https://h.example/bad at byte 0.*{reason}"):
            index.get("https://h.example/bad")
        assert index.get("https://h.example/good").body == b"<p>quay</p>"
