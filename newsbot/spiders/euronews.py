"""Euronews spider (every language edition; ``-a lang=de,fr`` restricts)."""
from ..portals.euronews import PORTAL
from .base import PortalSpider


class EuronewsSpider(PortalSpider):
    """euronews.com editions: the latest-news sitemap and the RSS feed of each."""

    portal = PORTAL
