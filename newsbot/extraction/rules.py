"""Extraction rules of one portal layout: CSS selectors by record field, and boilerplate strings.

A value object with no behaviour; the field extractors apply it. Selector keys are the
``rule`` keys of the record's field table (:data:`newsbot.extraction.record.FIELDS`: ``title``,
``lead``, ``section``, ``date``, ``authors``, ``tags``, ``body``, ``image``), so a new field
with a rule key needs no change here. Every selector list is tried in order and the first
that yields a value wins; ``body`` selectors are all collected (a body split into several
containers by adverts is read whole).
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class ExtractionRules:
    """Selectors (CSS) and strings that override the generic layers for one portal layout.

    - ``selectors``: ``((rule key, (CSS selector, …)), …)``. A match on ``<meta>`` reads
      ``content``, on ``<time>`` reads ``datetime``, on ``<img>`` reads ``src``, else the
      element text. For ``body``: the containers whose block elements (paragraphs,
      sub-headings, list items) form the body, all matches in document order.
    - ``body_exclude``: selectors dropped inside the body containers.
    - ``boilerplate``: paragraph texts (case-insensitive, exact or as a prefix) never kept in
      title, section or body; ``body_stop``: a paragraph starting with one of these ends the body.
    - ``partial_markers``: texts whose presence on the page marks a paywalled or cut body
      (the record gets ``quality_flags: ["partial"]``); the paragraphs holding them are dropped.
    - ``site_names``: the portal's names, stripped from title candidates.
    - ``section_names``: ``((raw value, readable name), …)``: section values the portal prints
      as slugs (Euronews' ``news_news``), replaced by their names whatever layer served them.
    - ``timezone``: IANA zone for naive times printed by the portal; ``zone_named``: whether
      the portal's rules name it (a portal file's ``timezone``, even ``"UTC"``), ``None`` for:
      whether it is another zone than UTC. A time read in a zone nobody named is flagged
      ``offset_assumed``.
    """

    timezone: str = "UTC"
    zone_named: bool | None = None
    selectors: tuple[tuple[str, tuple[str, ...]], ...] = ()
    body_exclude: tuple[str, ...] = ()
    boilerplate: tuple[str, ...] = ()
    body_stop: tuple[str, ...] = ()
    partial_markers: tuple[str, ...] = ()
    site_names: tuple[str, ...] = field(default_factory=tuple)
    section_names: tuple[tuple[str, str], ...] = ()

    def css(self, key: str) -> tuple[str, ...]:
        """The selectors given for rule key ``key`` (``()`` when none)."""
        for name, selectors in self.selectors:
            if name == key:
                return selectors
        return ()

    def section_name(self, value: str | None) -> str | None:
        """``value`` or, for a raw value of :attr:`section_names` (case-insensitive), its name."""
        if value:
            for raw, name in self.section_names:
                if raw.casefold() == value.casefold():
                    return name
        return value

    @property
    def names_zone(self) -> bool:
        """The rules name the zone of the portal's naive times (see ``zone_named``)."""
        return self.zone_named if self.zone_named is not None else self.timezone != "UTC"

    def keys(self) -> set[str]:
        """The rule keys that have selectors."""
        return {name for name, selectors in self.selectors if selectors}


GENERIC = ExtractionRules()
