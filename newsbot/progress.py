"""Where a portal crawl stands in its source plan (:mod:`newsbot.plan`), edition by edition.
Pure: no Scrapy; the spider turns the sources handed out here into requests and tells back
how each was settled.

An edition goes through two steps:

1. Probing: its :func:`~newsbot.plan.probes` (robots.txt, home page) are read; what each
   announces is kept (:meth:`PlanProgress.announce`). When the last probe is settled
   (answered, failed or dropped), :meth:`PlanProgress.probe_settled` gives the edition's
   :class:`~newsbot.plan.Found`.
2. Stages: :meth:`PlanProgress.plan` makes the edition's stages from it and starts the
   first. A stage is settled when each of its root sources is; in ``backfill`` mode a stage
   none of whose roots answered starts the next one (:meth:`PlanProgress.root_settled`), in
   ``latest`` mode there is only one stage.
"""
from __future__ import annotations

import dataclasses
from dataclasses import dataclass

from .plan import NOTHING_FOUND, Found, Source, probes, stages
from .portals import Portal
from .window import DateWindow


@dataclass(frozen=True)
class Stage:
    """A started stage: ``key`` (``(edition, index)``, 0-based index into the edition's
    stages; the spider carries it in the meta of each root request) and its root ``sources``."""

    key: tuple[str, int]
    sources: tuple[Source, ...]


class PlanProgress:
    """The probes and stages of every edition of one portal crawl in ``mode`` (``latest`` or
    ``backfill``) over ``window``."""

    def __init__(self, portal: Portal, mode: str, window: DateWindow):
        self.portal, self.mode, self.window = portal, mode, window
        self._probing: dict[str, int] = {}  # edition -> probes not yet settled
        self._found: dict[str, Found] = {}  # edition -> what its settled probes announced
        self._stages: dict[str, list[list[Source]]] = {}
        self._pending: dict[tuple[str, int], int] = {}  # stage key -> roots not yet settled
        self._answered: set[tuple[str, int]] = set()  # stage keys one root of which answered

    # -- probing ---------------------------------------------------------------------------------

    def probe(self, lang: str) -> list[Source]:
        """The probes of edition ``lang`` (robots.txt, home page), counted as not yet settled."""
        sources = probes(self.portal.edition(lang))
        self._probing[lang] = len(sources)
        self._found[lang] = NOTHING_FOUND
        return sources

    def probing(self, lang: str) -> bool:
        """True while a probe of edition ``lang`` is not settled."""
        return bool(self._probing.get(lang))

    def announce(self, lang: str, **found) -> None:
        """Keep what a probe of edition ``lang`` announced: any of ``sitemaps``, ``feeds``
        (sequences of absolute URLs) and ``rest_root`` (a URL ending in ``/``, or ``None``)."""
        found = {k: tuple(v) if k != "rest_root" else v for k, v in found.items()}
        self._found[lang] = dataclasses.replace(self._found[lang], **found)

    def probe_settled(self, lang: str) -> Found | None:
        """A probe of edition ``lang`` was answered, failed or dropped: what the probes
        announced once it was the last one, else ``None``."""
        self._probing[lang] -= 1
        return None if self._probing[lang] else self._found[lang]

    # -- stages ----------------------------------------------------------------------------------

    def plan(self, lang: str, found: Found = NOTHING_FOUND) -> Stage | None:
        """Make the stages of edition ``lang`` from what was ``found`` and start the first
        (``None``: the plan has no source)."""
        self._stages[lang] = stages(self.portal, self.portal.edition(lang), self.mode, self.window, found)
        return self.start(lang, 0)

    def start(self, lang: str, index: int) -> Stage | None:
        """Start stage ``index`` of edition ``lang``: its roots counted as not yet settled.
        ``None`` when the plan has no such stage."""
        plan = self._stages[lang]
        if index >= len(plan):
            return None
        self._pending[(lang, index)] = len(plan[index])
        return Stage((lang, index), tuple(plan[index]))

    def sources(self, lang: str, index: int) -> tuple[Source, ...]:
        """The root sources of stage ``index`` of edition ``lang`` (``()`` when there is none)."""
        plan = self._stages.get(lang) or []
        return tuple(plan[index]) if 0 <= index < len(plan) else ()

    def roots_added(self, key: tuple[str, int], count: int) -> None:
        """``count`` documents below a root of stage ``key`` (a sitemap index's children) were
        requested: each settles like a root, so the stage gave nothing until one answers."""
        self._pending[tuple(key)] += count

    def outcome(self, key: tuple[str, int]) -> bool | None:
        """Whether stage ``key`` answered, once every root below it settled; ``None`` before
        (or for a stage never started)."""
        key = tuple(key)
        if self._pending.get(key, 1) > 0:
            return None
        return key in self._answered

    def root_settled(self, key: tuple[str, int], ok: bool) -> int | None:
        """A root of stage ``key`` was settled: ``ok`` when it answered with something usable.
        Returns the index of the stage to start next (in ``backfill`` mode, when this was the
        stage's last root and none answered), else ``None``."""
        key = tuple(key)
        if ok:
            self._answered.add(key)
        self._pending[key] -= 1
        if self._pending[key] == 0 and key not in self._answered and self.mode == "backfill":
            return key[1] + 1
        return None
