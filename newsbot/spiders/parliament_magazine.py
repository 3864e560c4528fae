"""The Parliament Magazine (theparliamentmagazine.eu) spider."""
from ..portals.parliament_magazine import PORTAL
from .base import PortalSpider


class ParliamentMagazineSpider(PortalSpider):
    """The Parliament Magazine (theparliamentmagazine.eu): discovery and rules from :mod:`newsbot.portals.parliament_magazine`."""

    portal = PORTAL
