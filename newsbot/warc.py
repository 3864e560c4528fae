"""WARC archive and replay of HTTP responses (warcio), without Scrapy.

:class:`WarcWriterFile` appends ``response`` records (ISO 28500 / WARC 1.1) to a gzipped
WARC; :class:`WarcIndex` reads one and serves stored responses by URL.
"""
from __future__ import annotations

import gzip
import threading
from datetime import datetime, timezone
import zlib
from dataclasses import dataclass
from pathlib import Path

from warcio.archiveiterator import ArchiveIterator
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


def is_gzip(path: str | Path) -> bool:
    """True when the file starts with the gzip magic bytes (RFC 1952 §2.3.1)."""
    with open(path, "rb") as fh:
        return fh.read(2) == b"\x1f\x8b"


def _check_gzip_complete(path: Path) -> None:
    """Read every gzip member of ``path`` to its end; ``ValueError`` when the file stops inside
    one (a WARC cut short while copying or writing)."""
    try:
        with gzip.open(path, "rb") as fh:
            while fh.read(1 << 20):
                pass
    except EOFError:
        raise ValueError(f"{path}: WARC file is truncated (its last gzip member is cut short)") from None
    except zlib.error as exc:
        raise ValueError(f"{path}: WARC file is corrupt ({exc})") from None


def _check_block_complete(path: Path, record, number: int) -> None:
    """Read the rest of ``record``'s block; ``ValueError`` when the file ends before its
    Content-Length. ``number`` counts records from 1 (for the message)."""
    declared = getattr(record.raw_stream, "limit", None)
    got = 0
    while chunk := record.raw_stream.read(1 << 16):
        got += len(chunk)
    if declared is not None and got < declared:
        raise ValueError(f"{path}: WARC file is truncated (record {number} ends {declared - got} "
                         f"bytes before its Content-Length)")


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
        with open(path, "rb") as fh:
            first = next(iter(ArchiveIterator(fh)))
    except OSError as exc:
        if not isinstance(exc, gzip.BadGzipFile):
            raise ValueError(f"{path} cannot be read ({exc.strerror or exc})") from None
        raise ValueError(f"{path} exists and is not a WARC file; refusing to append to it") from None
    except Exception:  # warcio's ArchiveLoadFailed, StopIteration, decoding errors
        first = None
    if first is None or first.format != "warc":  # warcio also reads ARC, which any 5-word line resembles
        raise ValueError(f"{path} exists and is not a WARC file; refusing to append to it")


class WarcWriterFile:
    """Append-only gzipped WARC. ``write(url, status, headers, body)`` adds one ``response``
    record; ``headers`` is a list of ``(name, value)`` pairs. Raises ``OSError`` when the path
    cannot be opened and ``ValueError`` when it is an existing file that is not a WARC (see
    :func:`check_appendable`). Thread-safe; ``close()`` flushes and closes the file."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        check_appendable(self.path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._fh = open(self.path, "ab")
        self._writer = WARCWriter(self._fh, gzip=True)
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
        import io

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
    """An index of the ``response`` records of a WARC (gzipped or not) by URL.

    ``get(url)`` returns the :class:`StoredResponse` stored for ``url``, trying the exact URL,
    then the URL without tracking parameters; ``None`` when absent. Raises ``OSError`` for a
    missing file and ``ValueError`` (one line naming the file) for a file that is not a WARC or
    is cut short: a gzip member without its end, or a record whose block is shorter than its
    ``Content-Length`` (WARC 1.1 §5.3). The index keeps file offsets, not bodies.
    """

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self._offsets: dict[str, int] = {}
        try:
            if is_gzip(self.path):
                _check_gzip_complete(self.path)
            with open(self.path, "rb") as fh:
                records = ArchiveIterator(fh)
                for number, record in enumerate(records, 1):
                    if record.format != "warc":  # warcio also reads ARC, which a text line can resemble
                        raise ValueError(f"{self.path}: not a readable WARC file (record {number} is not a WARC record)")
                    _check_block_complete(self.path, record, number)
                    offset = records.get_record_offset()
                    if record.rec_type != "response":
                        continue
                    url = record.rec_headers.get_header("WARC-Target-URI")
                    self._offsets.setdefault(url, offset)
                    self._offsets.setdefault(strip_tracking(url), offset)
        except OSError as exc:
            if isinstance(exc, gzip.BadGzipFile):
                raise ValueError(f"{self.path}: not a readable WARC file ({exc})") from None
            raise
        except ValueError:
            raise
        except Exception as exc:  # warcio raises ArchiveLoadFailed and others on non-WARC input
            raise ValueError(f"{self.path}: not a readable WARC file ({exc})") from exc

    def __len__(self) -> int:
        return len(set(self._offsets.values()))

    def get(self, url: str) -> StoredResponse | None:
        offset = self._offsets.get(url)
        if offset is None:
            offset = self._offsets.get(strip_tracking(url))
        if offset is None:
            return None
        with open(self.path, "rb") as fh:
            fh.seek(offset)
            record = next(iter(ArchiveIterator(fh)))
            status = int(record.http_headers.get_statuscode() or 200)
            headers = [(k, v) for k, v in record.http_headers.headers if k.lower() not in _TRANSFER_HEADERS]
            body = record.content_stream().read()
        return StoredResponse(record.rec_headers.get_header("WARC-Target-URI"), status, headers, body,
                              _warc_date(record.rec_headers.get_header("WARC-Date")))


def _warc_date(value: str | None) -> datetime | None:
    """``WARC-Date`` (W3C-ISO8601, UTC, e.g. ``2024-04-30T16:52:27Z``) as an aware datetime."""
    try:
        return datetime.fromisoformat(value.replace("Z", "+00:00")) if value else None
    except ValueError:
        return None
