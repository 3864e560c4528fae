"""New Europe (neweurope.eu) spider."""
from ..portals.neweurope import PORTAL
from .wordpress import WordPressSpider


class NewEuropeSpider(WordPressSpider):
    """New Europe (neweurope.eu): discovery and rules from :mod:`newsbot.portals.neweurope`."""

    portal = PORTAL
