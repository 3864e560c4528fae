"""EUobserver (euobserver.com) spider."""
from ..portals.euobserver import PORTAL
from .base import PortalSpider


class EuObserverSpider(PortalSpider):
    """EUobserver (euobserver.com): discovery and rules from :mod:`newsbot.portals.euobserver`."""

    portal = PORTAL
