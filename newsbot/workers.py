"""Extraction off the crawl's thread: a pool of worker processes that run
:func:`newsbot.extraction.extract_article`, so pages are extracted on every core while the
downloads go on, and one slow page stalls one worker, never the crawl.

The pool starts with the first page (``NEWSBOT_EXTRACT_WORKERS`` processes; the default, ``-1``,
is one a core; ``0`` extracts in the crawl process itself). Workers come from a fork server that
has imported the extraction code once, so a worker starts in milliseconds and shares nothing
with the crawl's threads. A worker that dies (killed, out of memory, a crash in a C library)
breaks the pool, and the pool cannot tell which page did it: each page under way is tried
once more in a worker of its own, and a page whose own worker dies too raises
:class:`WorkerDied`. A page that kills its worker never runs in the crawl process, and costs no
other page.
"""
from __future__ import annotations

import logging
import multiprocessing
import os
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool

logger = logging.getLogger(__name__)


def _extract(kwargs: dict):
    from .extraction import extract_article

    return extract_article(**kwargs)


def die_with_parent() -> None:
    """On Linux, ask the kernel to kill this process when its parent dies
    (``prctl(PR_SET_PDEATHSIG, SIGKILL)``); elsewhere nothing. The fork server calls it when it
    starts (its parent: the crawl) and each worker (its parent: the fork server), so a crawl
    killed with SIGKILL leaves no process behind."""
    import ctypes
    import signal

    try:
        ctypes.CDLL("libc.so.6", use_errno=True).prctl(1, signal.SIGKILL)  # 1: PR_SET_PDEATHSIG
    except (OSError, AttributeError):
        pass


YOUNG_COLLECTION_THRESHOLD = 5000  # container allocations between two young-generation collections (CPython: 700)


def quiet_collector() -> tuple[int, int, int]:
    """Less work for Python's cyclic garbage collector in a process that runs pages for a
    while: the objects alive now (modules, classes, tables) move to the collector's permanent
    generation (:func:`gc.freeze`), so its full collections no longer walk them, and the
    youngest generation is collected every :data:`YOUNG_COLLECTION_THRESHOLD` allocations
    instead of every 700 (a page's objects die by reference counting; a collection every 700
    allocations, several a page, finds next to nothing to free). Returns the thresholds as
    they were, for :func:`gc.set_threshold` to restore."""
    import gc

    before = gc.get_threshold()
    gc.freeze()
    gc.set_threshold(max(YOUNG_COLLECTION_THRESHOLD, before[0]), *before[1:])
    return before


def start_worker() -> None:
    """Initializer of each extraction worker: it dies with its parent
    (:func:`die_with_parent`) and its collector is quiet (:func:`quiet_collector`)."""
    die_with_parent()
    quiet_collector()


def worker_count(setting: int) -> int:
    """The pool size for the ``NEWSBOT_EXTRACT_WORKERS`` value: a negative one means one process
    a core (:func:`os.sched_getaffinity`), 0 none."""
    if setting < 0:
        try:
            return len(os.sched_getaffinity(0))
        except (AttributeError, OSError):
            return os.cpu_count() or 1
    return setting


class WorkerDied(RuntimeError):
    """A page broke the extraction pool twice (its worker died on both tries); ``str()`` names
    the page's URL."""


class ExtractionPool:
    """A lazily started process pool for extraction; :meth:`extract` is awaited by the item
    pipeline. ``size`` 0: extract in this process. ``function``: what a worker runs on the
    keyword arguments (a module-level function; default
    :func:`~newsbot.extraction.extract_article`)."""

    def __init__(self, size: int, function=_extract):
        self.size = size
        self.function = function
        self.executor: ProcessPoolExecutor | None = None

    def _executor(self, size: int) -> ProcessPoolExecutor:
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["newsbot.forkserver"])
        return ProcessPoolExecutor(max_workers=size, mp_context=context, initializer=start_worker)

    async def extract(self, **kwargs):
        """:func:`~newsbot.extraction.extract_article` of ``kwargs`` in a worker (here when the
        pool has none). Raises :class:`WorkerDied` when the page's worker died in the pool and
        again in a worker of its own."""
        if self.size <= 0:
            return self.function(kwargs)
        import asyncio

        executor = self.executor = self.executor or self._executor(self.size)
        try:
            return await asyncio.wrap_future(executor.submit(self.function, kwargs))
        except BrokenProcessPool:
            if self.executor is executor:  # the first page to see it restarts the pool
                logger.warning("An extraction worker died; the pages under way are tried again, each alone")
                self.executor = None
                executor.shutdown(wait=False, cancel_futures=True)
        alone = self._executor(1)
        try:
            return await asyncio.wrap_future(alone.submit(self.function, kwargs))
        except BrokenProcessPool:
            raise WorkerDied(f"{kwargs.get('url')}: its extraction worker died twice") from None
        finally:
            alone.shutdown(wait=False)

    def close(self) -> None:
        """Stop the workers (pages under way finish first)."""
        if self.executor is not None:
            self.executor.shutdown(wait=True)
            self.executor = None
