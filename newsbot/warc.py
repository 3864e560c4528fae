"""WARC archive and replay of HTTP responses (warcio), without Scrapy.

:class:`WarcWriterFile` appends ``response`` records (ISO 28500 / WARC 1.1) to a gzipped
WARC; :class:`WarcIndex` reads one and serves stored responses by URL.
"""
from __future__ import annotations

import threading
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
    ``(name, value)`` str pairs) and ``body`` (bytes, decoded of any transfer/content coding)."""

    url: str
    status: int
    headers: list[tuple[str, str]]
    body: bytes


class WarcWriterFile:
    """Append-only gzipped WARC. ``write(url, status, headers, body)`` adds one ``response``
    record; ``headers`` is a list of ``(name, value)`` pairs. Raises ``OSError`` when the path
    cannot be opened. Thread-safe; ``close()`` flushes and closes the file."""

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        self._fh = open(self.path, "ab")
        self._writer = WARCWriter(self._fh, gzip=True)
        self._lock = threading.Lock()

    def write(self, url: str, status: int, headers: list[tuple[str, str]], body: bytes) -> None:
        http_headers = StatusAndHeaders(
            f"{status} {_REASONS.get(status, 'Status')}",
            [(k, v) for k, v in headers if k.lower() not in _TRANSFER_HEADERS]
            + [("Content-Length", str(len(body)))],
            protocol="HTTP/1.1",
        )
        import io

        record = self._writer.create_warc_record(url, "response", payload=io.BytesIO(body),
                                                 length=len(body), http_headers=http_headers)
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
    missing file and ``ValueError`` for a file that is not a WARC. The index keeps file
    offsets, not bodies.
    """

    def __init__(self, path: str | Path):
        self.path = Path(path)
        self._offsets: dict[str, int] = {}
        try:
            with open(self.path, "rb") as fh:
                records = ArchiveIterator(fh)
                for record in records:
                    if record.rec_type != "response":
                        continue
                    url = record.rec_headers.get_header("WARC-Target-URI")
                    offset = records.get_record_offset()
                    self._offsets.setdefault(url, offset)
                    self._offsets.setdefault(strip_tracking(url), offset)
        except OSError:
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
        return StoredResponse(record.rec_headers.get_header("WARC-Target-URI"), status, headers, body)
