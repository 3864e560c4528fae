"""Politico Europe spider."""
from ..portals.politico_eu import PORTAL
from .wordpress import WordPressSpider


class PoliticoEuSpider(WordPressSpider):
    """politico.eu: feed and news sitemap (latest); REST ``article`` type, sitemap index (backfill)."""

    portal = PORTAL
