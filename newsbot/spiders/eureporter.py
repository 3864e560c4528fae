"""EU Reporter spider (every language edition; ``-a lang=en,de`` restricts)."""
from ..portals.eureporter import PORTAL
from .wordpress import WordPressSpider


class EuReporterSpider(WordPressSpider):
    """eureporter.co and its machine-translated subdomain editions."""

    portal = PORTAL
