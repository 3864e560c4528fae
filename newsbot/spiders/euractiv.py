"""Euractiv (euractiv.com, .de, .fr) spider."""
from ..portals.euractiv import PORTAL
from .wordpress import WordPressSpider


class EuractivSpider(WordPressSpider):
    """Euractiv (euractiv.com, .de, .fr): discovery and rules from :mod:`newsbot.portals.euractiv`."""

    portal = PORTAL
