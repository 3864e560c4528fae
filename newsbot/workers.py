"""Extraction off the crawl's thread: a pool of worker processes that run
:func:`newsbot.extraction.extract_article`, so pages are extracted on every core while the
downloads go on, and one slow page stalls one worker, never the crawl.

The pool starts with the first page (``NEWSBOT_EXTRACT_WORKERS`` processes; the default, ``-1``,
is one a core; ``0`` extracts in the crawl process itself). Workers come from a fork server that
has imported the extraction code once, so a worker starts in milliseconds and shares nothing
with the crawl's threads. A worker that dies (killed, out of memory) fails only the pages it
held: they are extracted again in the crawl process.
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


def worker_count(setting: int) -> int:
    """The pool size for the ``NEWSBOT_EXTRACT_WORKERS`` value: a negative one means one process
    a core (:func:`os.sched_getaffinity`), 0 none."""
    if setting < 0:
        try:
            return len(os.sched_getaffinity(0))
        except (AttributeError, OSError):
            return os.cpu_count() or 1
    return setting


class ExtractionPool:
    """A lazily started process pool for extraction; :meth:`extract` is awaited by the item
    pipeline. ``size`` 0: extract in this process."""

    def __init__(self, size: int):
        self.size = size
        self.executor: ProcessPoolExecutor | None = None

    def _start(self) -> ProcessPoolExecutor:
        context = multiprocessing.get_context("forkserver")
        context.set_forkserver_preload(["newsbot.forkserver"])
        self.executor = ProcessPoolExecutor(max_workers=self.size, mp_context=context, initializer=die_with_parent)
        return self.executor

    async def extract(self, **kwargs):
        """:func:`~newsbot.extraction.extract_article` of ``kwargs`` in a worker (or here when
        the pool has no worker, or the worker holding the page died)."""
        if self.size <= 0:
            return _extract(kwargs)
        import asyncio

        executor = self.executor or self._start()
        try:
            return await asyncio.wrap_future(executor.submit(_extract, kwargs))
        except BrokenProcessPool:
            logger.warning("An extraction worker died; its page is extracted in the crawl process, the pool restarts")
            self.executor = None
            executor.shutdown(wait=False, cancel_futures=True)
            return _extract(kwargs)

    def close(self) -> None:
        """Stop the workers (pages under way finish first)."""
        if self.executor is not None:
            self.executor.shutdown(wait=True)
            self.executor = None
