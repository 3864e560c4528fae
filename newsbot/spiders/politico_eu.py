"""Politico Europe spider."""
from ..portals.politico_eu import PORTAL
from .base import PortalSpider


class PoliticoEuSpider(PortalSpider):
    """politico.eu: ``/feed/`` and the news sitemap."""

    portal = PORTAL
