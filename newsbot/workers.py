"""Extraction off the crawl's thread: a pool of worker processes that run
:func:`newsbot.extraction.extract_article`, so pages are extracted on every core while the
downloads go on, and one slow page stalls one worker (and the page waiting in it), never the
crawl.

The pool starts with the first page (``NEWSBOT_EXTRACT_WORKERS`` processes; the default, ``-1``,
is one a core; ``0`` extracts in the crawl process itself). Workers come from a fork server that
has imported the extraction code once, so a worker starts in milliseconds and shares nothing
with the crawl's threads; the crawl starts that server as it starts (:func:`start_fork_server`),
so its imports run beside the crawl's own. Each worker has a socket to the crawl, which the crawl's event loop
reads and writes without blocking (no thread of its own): a page goes out as its pickled
arguments and its body's bytes as they are, the :class:`~newsbot.extraction.Extraction` comes
back pickled, and each worker holds at most :data:`PAGES_IN_A_WORKER` pages, so that it never
waits for the next. A worker that dies (killed, out of memory, a crash in a C library) closes
its socket: each page it held is tried once more in a worker of its own, and a page whose own
worker dies too raises :class:`WorkerDied`. A page that kills its worker never runs in the
crawl process, and costs no other page. Each death is counted in :attr:`ExtractionPool.deaths`
and reported to the pool's ``on_death`` callback (the item pipeline counts and logs it);
without one, the pool logs the first death at WARNING and the others at DEBUG. A page a worker
has worked on for longer than the pool's ``timeout`` (seconds) fails with
:class:`ExtractionTimeout`: its worker is killed (not counted as a death) and the other page it
held is tried again in a worker of its own, so one pathological page costs one deadline, not the
crawl (a stop, which extracts the pages already downloaded first, waits at most that long for each).
"""
from __future__ import annotations

import logging
import multiprocessing
import multiprocessing.forkserver
import os
import pickle
import socket
import struct
import traceback
from collections import deque

logger = logging.getLogger(__name__)


def _extract(kwargs: dict):
    from .extraction import extract_article

    return extract_article(**kwargs)


PAGES_IN_A_WORKER = 2  # pages sent to a worker and not yet answered: the one it works on and the next
_PAGE = struct.Struct("!Qq")  # a page's frame: bytes of its pickled arguments, bytes of its body (-1: none apart)
_REPLY = struct.Struct("!Q")  # a reply's frame: bytes of the pickled (ok, value, traceback text)
READY = b"R"  # what a worker writes once, when started, before its first reply
READ_SIZE = 65536  # bytes read from a worker at once: a reply is a few KiB, and recv allocates this much each call


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


def ignore_interrupts() -> None:
    """Ignore SIGINT: a Ctrl-C in the terminal reaches every process of the crawl's group, and
    the crawl process alone answers it (Scrapy's graceful stop, which closes the pool); a fork
    server or a worker would otherwise die of it, printing a traceback, and cost the page it
    works on."""
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)


def start_worker() -> None:
    """Initializer of each extraction worker: it dies with its parent
    (:func:`die_with_parent`), leaves Ctrl-C to the crawl (:func:`ignore_interrupts`) and its
    collector is quiet (:func:`quiet_collector`)."""
    die_with_parent()
    ignore_interrupts()
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


def _forkserver_context():
    """The ``multiprocessing`` context whose fork server has imported :mod:`newsbot.forkserver`."""
    context = multiprocessing.get_context("forkserver")
    context.set_forkserver_preload(["newsbot.forkserver"])
    return context


def start_fork_server():
    """Start the extraction workers' fork server (one a process, shared by every pool) unless
    it runs, without waiting for its imports; returns its ``multiprocessing`` context. The crawl
    calls it as it starts (:func:`newsbot.runner.start`), so those imports run beside its own.
    A fork server that cannot start is left to the first page, which fails with the error."""
    context = _forkserver_context()
    try:
        multiprocessing.forkserver.ensure_running()
    except Exception:  # the first page starts it again and fails with the error
        pass
    return context


def death_line(pages: int) -> str:
    """What the log says of an extraction worker that died with ``pages`` pages under way."""
    fate = ("each is tried once more in a worker of its own, and dropped (worker_died) when that one dies too"
            if pages else "none was lost; another is started when a page needs it")
    return f"An extraction worker died with {pages} pages under way: {fate}"


class WorkerDied(RuntimeError):
    """A page broke the extraction pool twice (its worker died on both tries); ``str()`` names
    the page's URL."""


class ExtractionTimeout(RuntimeError):
    """A page's extraction took longer than the pool's deadline; ``str()`` names the page and
    the deadline in seconds."""


class RemoteTraceback(Exception):
    """The ``__cause__`` of an exception raised in a worker: ``str()`` is the worker's
    traceback text."""

    def __str__(self) -> str:
        return self.args[0]


def _receive(sock: socket.socket, size: int) -> bytes | None:
    """Exactly ``size`` bytes from the blocking ``sock``; ``None`` when it ends first."""
    data = sock.recv(size, socket.MSG_WAITALL)
    while len(data) < size:
        more = sock.recv(size - len(data), socket.MSG_WAITALL)
        if not more:
            return None
        data += more
    return data


def _serve(sock: socket.socket, function) -> None:
    """A worker's life: read a page (:data:`_PAGE` frame), run ``function`` on its keyword
    arguments, write the reply (:data:`_REPLY` frame: ``(True, result, "")`` or ``(False,
    exception, traceback text)``), until the crawl closes its end of ``sock``. It first writes
    :data:`READY` once started, so no page's deadline counts the start of its process."""
    start_worker()
    try:
        sock.sendall(READY)
    except OSError:  # the crawl closed the pool meanwhile
        return
    while (head := _receive(sock, _PAGE.size)) is not None:
        arguments, body = _PAGE.unpack(head)
        kwargs, html = _receive(sock, arguments), _receive(sock, body) if body >= 0 else b""
        if kwargs is None or html is None:  # the crawl closed the pool while writing
            return
        kwargs = pickle.loads(kwargs)
        if body >= 0:
            kwargs["html"] = html
        try:
            reply = (True, function(kwargs), "")
        except Exception as exc:  # the crawl process raises it where the page is awaited
            reply = (False, exc, traceback.format_exc())
        try:
            data = pickle.dumps(reply, pickle.HIGHEST_PROTOCOL)
        except Exception as exc:  # an exception or a result that cannot be pickled
            data = pickle.dumps((False, RuntimeError(f"the worker's reply cannot be pickled: {exc!r}"),
                                 reply[2]), pickle.HIGHEST_PROTOCOL)
        try:
            sock.sendall(_REPLY.pack(len(data)) + data)
        except OSError:  # the crawl closed the pool meanwhile
            return


class _Worker:
    """One worker process (started from ``context``'s fork server, running ``function``) and
    the crawl's end of its socket, non-blocking: ``pages`` holds the ``(future, kwargs)`` sent
    and not yet answered, in order; ``outgoing`` the bytes not yet written; ``incoming`` those
    read and not yet a whole reply. ``alone``: a worker for one page tried again."""

    def __init__(self, context, function, alone: bool = False):
        mine, its = socket.socketpair()
        try:
            self.process = context.Process(target=_serve, args=(its, function), daemon=True)
            self.process.start()
        except BaseException:
            mine.close()
            raise
        finally:
            its.close()
        mine.setblocking(False)
        self.sock = mine
        self.alone = alone
        self.pages: deque = deque()
        self.outgoing: deque = deque()
        self.incoming = bytearray()
        self.writing = False  # the loop watches for room to write
        self.loop = None
        self.deadline = None  # the timer of the page it works on (the first of ``pages``)
        self.ready = False  # it wrote READY: it runs, and works on its first page


class ExtractionPool:
    """A lazily started process pool for extraction; :meth:`extract` is awaited by the item
    pipeline, on an asyncio event loop. ``size`` 0: extract in this process. ``function``: what
    a worker runs on the keyword arguments (a module-level function; default
    :func:`~newsbot.extraction.extract_article`). ``on_death``: called with the number of pages
    a worker held each time one dies (those pages are tried again, each alone); ``None``: the
    first death is logged at WARNING, the others at DEBUG. :attr:`deaths` counts the workers
    that died. ``timeout``: seconds a worker may work on one page before the page fails with
    :class:`ExtractionTimeout` and the worker is killed (``None``, 0: no deadline; none applies
    to a pool of size 0, which extracts in this process)."""

    def __init__(self, size: int, function=_extract, on_death=None, timeout: float | None = None):
        self.size = size
        self.function = function
        self.timeout = timeout or None
        self.on_death = on_death or self._log_death
        self.deaths = 0
        self.workers: list[_Worker] = []
        self.waiting: deque = deque()  # (future, kwargs) of pages no worker holds yet
        self.loop = None
        self._context = None

    def start(self) -> None:
        """Start the fork server the workers come from, not yet the workers (a pool of size 0:
        nothing). Its imports (the extraction code, dateparser, htmldate, trafilatura: about a
        third of a second of CPU) then run in a process of their own while the crawl starts,
        instead of holding up the first page: the crawl process waits for them when it asks
        for its first worker. A fork server that cannot start is left to the first page, which
        fails with the error."""
        if self.size > 0 and self._context is None:
            self._context = start_fork_server()

    @property
    def pids(self) -> list[int]:
        """Process ids of the pool's live workers."""
        return [worker.process.pid for worker in self.workers]

    async def extract(self, **kwargs):
        """:func:`~newsbot.extraction.extract_article` of ``kwargs`` in a worker (here when the
        pool has none); raises what it raises. Raises :class:`WorkerDied` when the page's worker
        died in the pool and again in a worker of its own, :class:`ExtractionTimeout` when its
        worker took longer than the pool's ``timeout`` over it."""
        if self.size <= 0:
            return self.function(kwargs)
        import asyncio

        loop = asyncio.get_running_loop()
        if loop is not self.loop:  # a pool used from one event loop, then another (tests)
            self.loop = loop
            for worker in self.workers:
                self._watch(worker)
        future = loop.create_future()
        self.waiting.append((future, kwargs))
        self._dispatch()
        return await future

    def _start(self, alone: bool = False) -> _Worker:
        if self._context is None:
            self._context = _forkserver_context()
        worker = _Worker(self._context, self.function, alone)
        self._watch(worker)
        return worker

    def _watch(self, worker: _Worker) -> None:
        """Read ``worker``'s replies (and write what it still has to get) on the pool's loop."""
        if worker.loop is not None and worker.loop is not self.loop and not worker.loop.is_closed():
            worker.loop.remove_reader(worker.sock)
            worker.loop.remove_writer(worker.sock)
        worker.loop = self.loop
        self.loop.add_reader(worker.sock, self._read, worker)
        if worker.writing:
            self.loop.add_writer(worker.sock, self._write, worker)

    def _dispatch(self) -> None:
        """Hand waiting pages to the workers that hold the fewest, up to
        :data:`PAGES_IN_A_WORKER` each. A worker is started (up to ``size``) only for a page
        that finds every live one busy: starting a process holds up the crawl's event loop
        (a tenth of a second or more on a loaded machine), so a large pool is started as the
        pages come, not all at once on the first page, and downloads go on in between."""
        can_start = True
        while self.waiting:
            if can_start and len(self.workers) < self.size and all(worker.pages for worker in self.workers):
                try:
                    self.workers.append(self._start())
                except Exception as exc:  # no process could be started: the pages waiting fail with it
                    can_start = False
                    if self.workers:  # unless live workers take them on (a start is tried at the next page)
                        continue
                    while self.waiting:
                        future, _ = self.waiting.popleft()
                        if not future.done():
                            future.set_exception(exc)
                    return
            worker = min(self.workers, key=lambda w: len(w.pages))
            if len(worker.pages) >= PAGES_IN_A_WORKER:
                break
            future, kwargs = self.waiting.popleft()
            if not future.done():  # not cancelled meanwhile
                self._send(worker, future, kwargs)

    def _send(self, worker: _Worker, future, kwargs: dict) -> None:
        """Give ``worker`` the page of ``kwargs`` (its body's bytes written as they are, the
        rest pickled), settled through ``future``."""
        body = kwargs.get("html")
        if not isinstance(body, bytes):
            body = None
        try:
            arguments = pickle.dumps({k: v for k, v in kwargs.items() if body is None or k != "html"},
                                     pickle.HIGHEST_PROTOCOL)
        except Exception as exc:  # arguments a worker cannot be given
            future.set_exception(exc)
            return
        idle = not worker.outgoing
        worker.pages.append((future, kwargs))
        if len(worker.pages) == 1:
            self._arm(worker)
        worker.outgoing.append(_PAGE.pack(len(arguments), -1 if body is None else len(body)) + arguments)
        if body:
            worker.outgoing.append(memoryview(body))
        if idle:
            self._write(worker)

    def _write(self, worker: _Worker) -> None:
        """Write what ``worker`` can take now; the loop calls again when it can take more."""
        try:
            while worker.outgoing:
                sent = worker.sock.sendmsg(list(worker.outgoing)[:64])
                while sent:
                    first = worker.outgoing[0]
                    if len(first) > sent:
                        worker.outgoing[0] = memoryview(first)[sent:]
                        break
                    sent -= len(first)
                    worker.outgoing.popleft()
        except (BlockingIOError, InterruptedError):
            pass
        except OSError:  # the worker is gone: its socket's reader sees the end
            worker.outgoing.clear()
        if bool(worker.outgoing) != worker.writing:  # the loop calls back while there is more to write
            worker.writing = bool(worker.outgoing)
            if worker.writing:
                worker.loop.add_writer(worker.sock, self._write, worker)
            else:
                worker.loop.remove_writer(worker.sock)

    def _read(self, worker: _Worker) -> None:
        """Read ``worker``'s replies and settle their pages; a closed socket is a dead worker."""
        try:
            data = worker.sock.recv(READ_SIZE)
        except (BlockingIOError, InterruptedError):
            return
        except OSError:
            data = b""
        if not data:
            self._died(worker)
            return
        if not worker.ready:  # its first byte: it runs, so its first page's deadline starts now
            worker.ready = True
            data = data[len(READY):]
            self._arm(worker)
        worker.incoming += data
        while len(worker.incoming) >= _REPLY.size:
            end = _REPLY.size + _REPLY.unpack_from(worker.incoming)[0]
            if len(worker.incoming) < end:
                break
            try:
                ok, value, remote = pickle.loads(worker.incoming[_REPLY.size:end])
            except Exception as exc:  # a result or exception this process cannot rebuild
                ok, value, remote = False, exc, ""
            del worker.incoming[:end]
            future, _ = worker.pages.popleft()
            self._arm(worker)  # the worker goes on with its next page
            if not future.done() and not future.get_loop().is_closed():
                if ok:
                    future.set_result(value)
                else:
                    value.__cause__ = RemoteTraceback(remote)
                    future.set_exception(value)
        if worker.alone and not worker.pages:
            self._stop(worker)
        else:
            self._dispatch()

    def _arm(self, worker: _Worker) -> None:
        """Start the deadline of the page ``worker`` works on now (its first), ending the last one;
        none before the worker is ready (a process starting on a loaded machine may take seconds)."""
        if worker.deadline is not None:
            worker.deadline.cancel()
            worker.deadline = None
        if self.timeout and worker.pages and worker.ready:
            worker.deadline = self.loop.call_later(self.timeout, self._overdue, worker)

    def _overdue(self, worker: _Worker) -> None:
        """``worker`` has worked on its first page for ``timeout`` seconds: kill it, fail that
        page with :class:`ExtractionTimeout`, and try the others it held again, each alone."""
        worker.deadline = None
        future, kwargs = worker.pages.popleft()
        worker.process.kill()
        self._stop(worker)
        self._retry(worker, self._unsettled(worker))
        if not future.done() and not future.get_loop().is_closed():
            future.set_exception(ExtractionTimeout(
                f"{kwargs.get('url')}: its extraction took longer than {self.timeout:g} seconds"))

    def _died(self, worker: _Worker) -> None:
        """``worker`` ended: each page it held is tried again in a worker of its own, or, in
        such a worker already, fails with :class:`WorkerDied`."""
        self._stop(worker)
        pages = self._unsettled(worker)
        self.deaths += 1
        self.on_death(len(pages))
        if worker.alone:
            for future, kwargs in pages:
                future.set_exception(WorkerDied(f"{kwargs.get('url')}: its extraction worker died twice"))
            return
        self._retry(worker, pages)

    @staticmethod
    def _unsettled(worker: _Worker) -> list:
        return [(f, kwargs) for f, kwargs in worker.pages if not f.done() and not f.get_loop().is_closed()]

    def _retry(self, worker: _Worker, pages: list) -> None:
        """Take ``worker`` out of the pool; each of ``pages`` goes to a worker of its own."""
        if worker in self.workers:
            self.workers.remove(worker)
        for future, kwargs in pages:
            try:
                self._send(self._start(alone=True), future, kwargs)
            except Exception as exc:
                future.set_exception(exc)
        self._dispatch()

    def _log_death(self, pages: int) -> None:
        """The default ``on_death``: one line (:func:`death_line`), at WARNING for the pool's
        first death."""
        logger.log(logging.WARNING if self.deaths == 1 else logging.DEBUG, "%s%s", death_line(pages),
                   "; further deaths are logged at DEBUG" if self.deaths == 1 else "")

    def _stop(self, worker: _Worker) -> None:
        if worker.deadline is not None:
            worker.deadline.cancel()
            worker.deadline = None
        if worker.loop is not None and not worker.loop.is_closed():
            worker.loop.remove_reader(worker.sock)
            worker.loop.remove_writer(worker.sock)
        worker.sock.close()

    def close(self) -> None:
        """Stop the workers: each ends when the page it works on is done (the crawl closes the
        pool once its pages are)."""
        workers, self.workers = self.workers, []
        for worker in workers:
            self._stop(worker)
        for worker in workers:
            worker.process.join()
