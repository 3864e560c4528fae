"""Paywall detection: a portal's membership or subscription prompt anywhere in the page.

Pure function of a parsed :class:`~newsbot.extraction.page.Page`. Complements the body
filter, which drops prompt paragraphs met inside the body: prompts in boxes the body reader
skips (``paywall``, ``teaser``, ``subscribe`` classes) still mark the record partial.
"""
from __future__ import annotations

from .values import text_of
from .page import Page
from .rules import ExtractionRules
from .text import key


def has_partial_marker(page: Page, rules: ExtractionRules) -> bool:
    """True when one of ``rules.partial_markers`` occurs in the visible text of the page's
    ``<body>`` (scripts and styles skipped; compared case- and space-insensitively)."""
    if not rules.partial_markers:
        return False
    body = page.tree.find("body")
    if body is None:
        return False
    text = key(text_of(body))
    return any(key(m) in text for m in rules.partial_markers)
