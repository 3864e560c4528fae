"""Output feeds: the default ``FEEDS`` template, its URI parameters, and the stream a feed
writes (the identity the seen-store keeps deliveries under)."""
from __future__ import annotations

import os
import re
import weakref
from urllib.parse import urlsplit

DEFAULT_FEED = "output/%(name)s/%(date)s/%(name)s-%(time)s-%(batch_id)03d.jsonl"
"""One series of JSON Lines files a portal: ``output/<portal>/<day>/<portal>-<run start>-<chunk>.jsonl``
(``<chunk>`` 001, 002…: a file every ``NEWSBOT_CHUNK_RECORDS`` records)."""
STREAM_OPTION = "newsbot_stream"  # feed option: the template the feed's files were made from

_UNSAFE = re.compile(r"[^A-Za-z0-9._+-]")
_BATCH = re.compile(r"%\(batch_time\)s|%\(batch_id\)")


def safe_component(value: str) -> str:
    """``value`` made a single safe path component: every character outside ``A-Z a-z 0-9 . _
    + -`` becomes ``_`` (so no ``/``, ``\\``, ``:`` or NUL) and leading dots are replaced, so
    ``..`` or a hidden name cannot come out; never empty."""
    text = _UNSAFE.sub("_", value)
    stripped = text.lstrip(".")
    return "_" * (len(text) - len(stripped)) + stripped or "_"


_RUN_TIME: weakref.WeakKeyDictionary = weakref.WeakKeyDictionary()  # spider -> its first file's time


def uri_params(params: dict, spider) -> dict:
    """Add ``date`` (``YYYY-MM-DD`` of the run start, UTC) to Scrapy's ``name`` / ``time`` /
    ``batch_id`` parameters, with ``time`` the run start as ``YYYY-MM-DDTHH-MM-SS+00-00``
    (UTC): Scrapy gives each file (each chunk) the time it is opened, so the time of a
    spider's first file is kept and given to its later ones, and every chunk of a run carries
    the run's start in its name (``…-<run start>-002.jsonl``) and lies in its day's folder.

    Every string parameter (Scrapy passes all spider attributes, spider arguments included)
    goes through :func:`safe_component`, so a value can never add folders to, or climb out
    of, the folder the ``FEEDS`` template names."""
    params = {k: safe_component(v) if isinstance(v, str) else v for k, v in params.items()}
    if spider is not None:
        params["time"] = _RUN_TIME.setdefault(spider, params["time"])
    return {**params, "date": params["time"][:10]}


def chunked(template: str) -> bool:
    """True when a feed template names its files by batch (``%(batch_id)…`` or
    ``%(batch_time)s``), so the feed can be cut into chunks."""
    return bool(_BATCH.search(template))


JOB_PLACEHOLDER = "%(_job)s"
"""What stands for a scrapyd job's id in the stream of its items feed (:func:`stream_of`)."""


def stream_of(template: str, spider: str, job: str | None = None) -> str:
    """The stream of a feed: its template with ``%(name)s`` filled with the spider's name (the
    other parameters change from run to run and stay as they are), local paths made absolute
    (relative to the working directory), e.g. ``/srv/newsbot/output/euronews/%(date)s/
    euronews-%(time)s-%(batch_id)03d.jsonl``. Two runs writing the same stream deliver to the
    same series of files; an ad hoc ``-o other.jsonl`` is another stream.

    ``job``: the id of the scrapyd job running the spider (its ``_job`` argument). scrapyd
    names each job's items feed after the job, ``<items_dir>/<project>/<spider>/<job>.jl``
    (``scrapyd.environ.Environment``), so a file name that is ``job`` and an extension has the
    id replaced by :data:`JOB_PLACEHOLDER`: every job of one scrapyd spider writes one stream,
    ``/srv/scrapyd/items/newsbot/euronews/%(_job)s.jl``, and is incremental like a cron run."""
    text = template.replace("%(name)s", safe_component(spider))
    if job:
        folder, slash, file = text.rpartition("/")
        if file.startswith(job + "."):
            text = folder + slash + JOB_PLACEHOLDER + file[len(job):]
    parts = urlsplit(text)
    if parts.scheme == "file":
        text = parts.path
    elif parts.scheme and len(parts.scheme) > 1:
        return text  # s3://, gs://, ftp://…: the URI is the identity
    return os.path.abspath(text)
