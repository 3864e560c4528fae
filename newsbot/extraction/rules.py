"""Extraction rules of one portal: CSS selectors and boilerplate strings.

A value object with no behaviour; ``newsbot.extraction.fields`` applies it. Every selector
tuple is tried in order and the first that yields a value wins; ``body`` selectors are all
collected (a body split into several containers by adverts is read whole).
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class ExtractionRules:
    """Selectors (CSS) and strings that override the generic layers for one portal.

    - ``title``, ``lead``, ``section``, ``date``, ``authors``, ``tags``: CSS selectors. A match
      on ``<meta>`` reads ``content``, on ``<time>`` reads ``datetime``, else the element text.
    - ``body``: containers whose block elements (paragraphs, sub-headings, list items) form the
      body, all matches in document order; ``body_exclude``: selectors dropped inside them.
    - ``boilerplate``: paragraph texts (case-insensitive, exact or as a prefix) never kept in
      title, section or body; ``body_stop``: a paragraph starting with one of these ends the body.
    - ``partial_markers``: texts whose presence on the page marks a paywalled or cut body
      (the record gets ``quality_flags: ["partial"]``); the paragraphs holding them are dropped.
    - ``timezone``: IANA zone for naive times printed by the portal.
    """

    timezone: str = "UTC"
    title: tuple[str, ...] = ()
    lead: tuple[str, ...] = ()
    section: tuple[str, ...] = ()
    date: tuple[str, ...] = ()
    authors: tuple[str, ...] = ()
    tags: tuple[str, ...] = ()
    body: tuple[str, ...] = ()
    body_exclude: tuple[str, ...] = ()
    boilerplate: tuple[str, ...] = ()
    body_stop: tuple[str, ...] = ()
    partial_markers: tuple[str, ...] = ()
    site_names: tuple[str, ...] = field(default_factory=tuple)


GENERIC = ExtractionRules()
