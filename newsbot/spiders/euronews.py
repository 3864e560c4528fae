"""Euronews spider (every language edition; ``-a lang=de,fr`` restricts)."""
from ..portals.euronews import PORTAL
from .base import PortalSpider


class EuronewsSpider(PortalSpider):
    """euronews.com editions: latest-news sitemap and RSS (latest); monthly sitemaps (backfill)."""

    portal = PORTAL
