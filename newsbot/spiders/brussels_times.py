"""The Brussels Times (brusselstimes.com) spider."""
from ..portals.brussels_times import PORTAL
from .base import PortalSpider


class BrusselsTimesSpider(PortalSpider):
    """The Brussels Times (brusselstimes.com): discovery and rules from :mod:`newsbot.portals.brussels_times`."""

    portal = PORTAL
