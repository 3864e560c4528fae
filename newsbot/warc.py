"""WARC archive and replay of HTTP responses, without Scrapy.

:class:`WarcWriterFile` appends ``response`` records (ISO 28500 / WARC 1.1) to a WARC,
gzipped or not as the file already is or its name says (warcio); :class:`WarcIndex` reads
one (FastWARC, about twice as fast as warcio's reader) and serves stored responses by URL.
"""
from __future__ import annotations

import io
import os
import threading
import zlib
from dataclasses import dataclass
from datetime import datetime, timezone
from pathlib import Path

from fastwarc.warc import ArchiveIterator, WarcRecordType
from warcio.statusandheaders import StatusAndHeaders
from warcio.warcwriter import WARCWriter

from .extraction.urls import strip_tracking

_REASONS = {200: "OK", 301: "Moved Permanently", 302: "Found", 304: "Not Modified", 403: "Forbidden",
            404: "Not Found", 410: "Gone", 500: "Internal Server Error", 503: "Service Unavailable"}
# Headers describing the transfer, not the (already decoded) payload we store.
_TRANSFER_HEADERS = {"content-encoding", "transfer-encoding", "content-length"}


@dataclass
class StoredResponse:
    """A response read from a WARC: ``url``, ``status`` (int), ``headers`` (list of
    ``(name, value)`` str pairs), ``body`` (bytes, decoded of any transfer/content coding) and
    ``date`` (the record's ``WARC-Date``: when it was fetched, an aware datetime, or ``None``)."""

    url: str
    status: int
    headers: list[tuple[str, str]]
    body: bytes
    date: datetime | None = None


class CorruptRecord(ValueError):
    """A ``response`` record of an indexed WARC that cannot be served: its block is no HTTP
    response (no status line), or its body does not decode (a ``Content-Encoding`` or chunked
    ``Transfer-Encoding`` the bytes do not follow). ``str()`` names the file, the URL,
    the byte offset and the reason."""


def check_appendable(path: str | Path) -> None:
    """Refuse, with ``ValueError`` naming ``path``, an existing non-empty file that does not
    start with a WARC record: appending WARC records to it would mix formats. A missing or
    empty file, or an existing WARC, is fine."""
    path = Path(path)
    if not path.exists() or (path.is_file() and path.stat().st_size == 0):
        return
    if not path.is_file():
        raise ValueError(f"{path} is not a regular file")
    try:
        fh = open(path, "rb")
    except OSError as exc:
        raise ValueError(f"{path} cannot be read ({exc.strerror or exc})") from None
    with fh:
        try:
            next(iter(ArchiveIterator(fh, parse_http=False)))
        except (OSError, StopIteration):  # FastWARC: "Invalid WARC header", or no record at all
            raise ValueError(f"{path} exists and is not a WARC file; refusing to append to it") from None


def is_gzipped(path: Path) -> bool | None:
    """Whether the existing non-empty file at ``path`` starts with the gzip magic bytes
    (RFC 1952 §2.3.1); ``None`` for a missing or empty file."""
    try:
        with open(path, "rb") as fh:
            head = fh.read(2)
    except FileNotFoundError:
        return None
    return head == b"\x1f\x8b" if head else None


class WarcWriterFile:
    """Append-only WARC. ``write(url, status, headers, body)`` adds one ``response`` record;
    ``headers`` is a list of ``(name, value)`` pairs. Records are gzipped, one gzip member
    each (WARC 1.1 annex D), in a new file whose name ends in ``.gz`` and in an existing
    gzipped WARC, and written uncompressed in any other (a ``.warc`` file, an existing
    uncompressed WARC), so a file never mixes both (:func:`is_gzipped`). Raises ``OSError``
    when the path cannot be opened and ``ValueError`` when it is an existing file that is not a
    WARC (see :func:`check_appendable`). Thread-safe; ``close()`` flushes and closes the file."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        check_appendable(self.path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        gzipped = is_gzipped(self.path)
        self._fh = open(self.path, "ab")
        self._writer = WARCWriter(self._fh, gzip=self.path.name.endswith(".gz") if gzipped is None else gzipped)
        self._lock = threading.Lock()

    def write(self, url: str, status: int, headers: list[tuple[str, str]], body: bytes,
              date: datetime | None = None) -> None:
        """Add one ``response`` record; ``date`` (aware) is its ``WARC-Date``, now by default."""
        http_headers = StatusAndHeaders(
            f"{status} {_REASONS.get(status, 'Status')}",
            [(k, v) for k, v in headers if k.lower() not in _TRANSFER_HEADERS]
            + [("Content-Length", str(len(body)))],
            protocol="HTTP/1.1",
        )
        warc_headers = ({"WARC-Date": date.astimezone(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ")}
                        if date is not None else None)
        record = self._writer.create_warc_record(url, "response", payload=io.BytesIO(body), length=len(body),
                                                 http_headers=http_headers, warc_headers_dict=warc_headers)
        with self._lock:
            self._writer.write_record(record)
            self._fh.flush()

    def close(self) -> None:
        with self._lock:
            self._fh.close()


class WarcIndex:
    """An index of the ``response`` records of a WARC (gzipped or not) by URL, read with
    FastWARC (Resiliparse).

    The archive is read once: one pass records where each ``response`` record starts and how
    many bytes it spans (in a gzipped WARC: its gzip member, WARC 1.1 annex D) and checks that
    the file is complete. ``get(url)`` then reads only that span from the file, which stays
    open until :meth:`close` (``os.pread``: safe from several threads). It tries the exact URL,
    then the URL without tracking parameters; ``None`` when absent. The index keeps spans, not
    bodies. Indexing the same unchanged file again in this process (the settings check, then
    each crawler's replay middleware) reuses the spans of the first pass.

    Raises ``OSError`` for a missing or unreadable file and ``ValueError`` (one line naming the
    file) for a file that is not a WARC, a gzipped WARC compressed as one stream instead of a
    member a record, or a file cut short: a record whose block is shorter than its
    ``Content-Length`` (WARC 1.1 §5.3), or a last gzip member without its end (RFC 1952 §2.2).
    """

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self._fd = os.open(self.path, os.O_RDONLY)
        try:
            key = _file_key(self._fd, self.path)
            cached = _SPANS.get(key)
            if cached is None:
                cached = _index(self.path, self._fd)
                _SPANS.clear()  # one archive at a time: a crawl replays one file
                _SPANS[key] = cached
        except BaseException:
            os.close(self._fd)
            raise
        self._spans, self._count = cached

    def __len__(self) -> int:
        return self._count

    def __enter__(self) -> "WarcIndex":
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        """Close the archive; :meth:`get` raises ``ValueError`` afterwards."""
        if self._fd is not None:
            os.close(self._fd)
            self._fd = None

    def get(self, url: str) -> StoredResponse | None:
        """The :class:`StoredResponse` stored for ``url`` (or for it without tracking
        parameters), ``None`` when the archive has none. Raises :class:`CorruptRecord` for a
        record that holds no readable HTTP response, ``ValueError`` when the index is closed or
        the record cannot be read any more (the file changed since it was indexed)."""
        span = self._spans.get(url)
        if span is None:
            span = self._spans.get(strip_tracking(url))
        if span is None:
            return None
        if self._fd is None:
            raise ValueError(f"{self.path}: the WARC index is closed")
        offset, length = span
        block = os.pread(self._fd, length, offset)
        try:
            record = next(iter(ArchiveIterator(io.BytesIO(block), parse_http=False)))
        except (OSError, StopIteration) as exc:
            raise ValueError(f"{self.path}: the record of {url} at byte {offset} cannot be read ({exc}); "
                             "has the file changed since it was indexed?") from None
        where = f"{self.path}: the record of {url} at byte {offset}"
        if not record.is_http:  # FastWARC reads HTTP only under the exact "application/http" type
            try:
                record = next(iter(ArchiveIterator(io.BytesIO(_typed_as_http(block)), parse_http=False)))
            except (OSError, StopIteration, zlib.error) as exc:
                raise CorruptRecord(f"{where} cannot be read ({exc})") from None
        try:
            record.parse_http(auto_decode="all", quirks_mode=True)  # quirks: header lines ended by LF alone
        except OSError as exc:
            raise CorruptRecord(f"{where} holds no HTTP response ({exc})") from None
        status_line = record.http_headers.status_line or ""
        if not status_line.startswith("HTTP/") or not record.http_headers.status_code:
            raise CorruptRecord(f"{where} holds no HTTP response (a status line and headers)")
        try:
            body = record.reader.read()
        except OSError as exc:
            raise CorruptRecord(f"{where}: its body does not decode ({exc})") from None
        headers = [(_header_text(k), _header_text(v)) for k, v in record.http_headers.items_bytes()
                   if k.lower().decode("latin-1") not in _TRANSFER_HEADERS]
        return StoredResponse(record.headers.get("WARC-Target-URI"), record.http_headers.status_code, headers,
                              body, _warc_date(record.headers.get("WARC-Date")))


def _typed_as_http(block: bytes) -> bytes:
    """The record ``block`` (its bytes as stored: one gzip member, or plain) uncompressed, with
    the WARC ``Content-Type`` of an HTTP response (``application/http; msgtype=response``) in
    place of its own: FastWARC reads the HTTP message only under that exact type, and other
    crawlers write ``Application/HTTP`` or none (WARC 1.1 §6.3.2 says "should")."""
    data = zlib.decompressobj(16 + zlib.MAX_WBITS).decompress(block) if block[:2] == b"\x1f\x8b" else block
    head, sep, rest = data.partition(b"\r\n\r\n")
    lines = [line for line in head.split(b"\r\n") if not line.lower().startswith(b"content-type:")]
    return b"\r\n".join([*lines, b"Content-Type: application/http; msgtype=response"]) + sep + rest


# (device, inode, size, mtime in ns) of the file last indexed -> (spans by URL, record count)
_SPANS: dict[tuple, tuple[dict[str, tuple[int, int]], int]] = {}


def _file_key(fd: int, path: Path) -> tuple:
    st = os.fstat(fd)
    return (str(path.resolve()), st.st_dev, st.st_ino, st.st_size, st.st_mtime_ns)


def _index(path: Path, fd: int) -> tuple[dict[str, tuple[int, int]], int]:
    """One pass over the archive open at ``fd``: the ``(offset, length)`` span of each
    ``response`` record by its URL (and by its URL without tracking parameters) and the number
    of such records; raises ``ValueError`` as :class:`WarcIndex` says."""
    gzipped = os.pread(fd, 2, 0) == b"\x1f\x8b"
    size = os.fstat(fd).st_size
    starts: list[int] = []
    urls: list[str | None] = []
    with open(fd, "rb", closefd=False) as fh:
        fh.seek(0)
        try:
            for number, record in enumerate(ArchiveIterator(fh, parse_http=False), 1):
                declared = int(record.headers.get("Content-Length") or 0)
                got = record.reader.consume()
                if got < declared:
                    raise ValueError(f"{path}: WARC file is truncated (record {number} ends {declared - got} "
                                     f"bytes before its Content-Length)")
                if starts and record.stream_pos <= starts[-1]:
                    raise ValueError(f"{path}: the WARC file is gzipped as one stream; replay needs one gzip "
                                     "member a record (WARC 1.1 annex D), e.g. `warcio recompress IN OUT`")
                starts.append(record.stream_pos)
                urls.append(record.headers.get("WARC-Target-URI")
                            if record.record_type == WarcRecordType.response else None)
        except OSError as exc:  # FastWARC's "Invalid WARC header" and decompression errors
            raise ValueError(f"{path}: not a readable WARC file ({exc})") from None
    if gzipped and starts:
        _check_last_member(path, fd, starts[-1])
    spans: dict[str, tuple[int, int]] = {}
    count = 0
    for number, (start, url) in enumerate(zip(starts, urls)):
        if url is None:
            continue
        count += 1
        span = (start, (starts[number + 1] if number + 1 < len(starts) else size) - start)
        spans.setdefault(url, span)
        spans.setdefault(strip_tracking(url), span)
    return spans, count


def _check_last_member(path: Path, fd: int, start: int) -> None:
    """Decompress the last gzip member (from byte ``start``) to its end; ``ValueError`` when
    the file stops inside it (a WARC cut short while copying or writing) or it is corrupt."""
    inflater = zlib.decompressobj(wbits=31)
    offset = start
    try:
        while not inflater.eof and (chunk := os.pread(fd, 1 << 20, offset)):
            offset += len(chunk)
            inflater.decompress(chunk)
    except zlib.error as exc:
        raise ValueError(f"{path}: WARC file is corrupt ({exc})") from None
    if not inflater.eof:
        raise ValueError(f"{path}: WARC file is truncated (its last gzip member is cut short)")


def _header_text(value: bytes) -> str:
    """A header name or value as text: UTF-8 when it is, else ISO-8859-1 (RFC 9110 §5.5)."""
    try:
        return value.decode("utf-8")
    except UnicodeDecodeError:
        return value.decode("latin-1")


def _warc_date(value: str | None) -> datetime | None:
    """``WARC-Date`` (W3C-ISO8601, UTC, e.g. ``2024-04-30T16:52:27Z``) as an aware datetime."""
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")) if value else None
    except ValueError:
        return None
