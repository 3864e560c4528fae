"""EU Reporter spider (every language edition; ``-a lang=en,de`` restricts)."""
from ..portals.eureporter import PORTAL
from .base import PortalSpider


class EuReporterSpider(PortalSpider):
    """eureporter.co and its machine-translated subdomain editions: the WordPress feed and
    sitemap index of each."""

    portal = PORTAL
