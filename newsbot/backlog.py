"""The bounded backlog of article requests: sitemaps and feeds can list 50,000 articles, but
at most ``limit`` wait in the scheduler at once; the rest stay in the documents' entry
iterators until the queue drains. Pure: no Scrapy import (requests are any objects with a
``meta`` dict)."""
from __future__ import annotations

from collections import deque
from typing import Iterable, Iterator

QUEUED = "newsbot_backlog"  # meta key of the requests the backlog handed out


class Backlog:
    """Iterators of article requests not yet scheduled, and the count of those handed out
    and not yet answered (``waiting``). ``limit``: the most that may wait at once."""

    def __init__(self, limit: int):
        self.limit = max(1, limit)
        self.waiting = 0
        self._sources: deque[Iterator] = deque()

    def __bool__(self) -> bool:
        return bool(self._sources)

    def add(self, requests: Iterable) -> None:
        """Queue a (lazy) iterable of requests, read only as room frees up."""
        self._sources.append(iter(requests))

    def take(self) -> Iterator:
        """Requests to schedule now, while fewer than ``limit`` wait; each is marked as the
        backlog's (meta ``newsbot_backlog``) and counted."""
        while self._sources and self.waiting < self.limit:
            try:
                request = next(self._sources[0])
            except StopIteration:
                self._sources.popleft()
                continue
            self.waiting += 1
            request.meta[QUEUED] = True
            yield request

    def settled(self, request) -> None:
        """A request handed out was answered, failed or dropped: its place is free."""
        if request is not None and request.meta.pop(QUEUED, False):
            self.waiting = max(0, self.waiting - 1)

    def restart(self) -> None:
        """The scheduler is empty: requests filtered before it (offsite, already stored)
        never came back, so the count starts again at zero."""
        self.waiting = 0
