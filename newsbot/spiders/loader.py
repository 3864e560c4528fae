"""The spider loader: Scrapy's (``SPIDER_MODULES``: ``article``, ``portal``), plus one spider
a portal of the registry (:func:`newsbot.portals.registry`)."""
from __future__ import annotations

import logging

from scrapy.spiderloader import SpiderLoader

from ..portals import load_registry, registry
from .portal import PortalSpider

logger = logging.getLogger(__name__)


class PortalSpiderLoader(SpiderLoader):
    """Scrapy's :class:`~scrapy.spiderloader.SpiderLoader`, then every portal of the registry
    of the settings (the packaged portal files and ``NEWSBOT_PORTALS_FILE``) as a spider of
    its own name; never replacing a spider that is not a portal (``article``, ``portal``). A bad
    portals file is left out here and its one-line error kept in ``portals_error``: the crawl
    runner refuses it (exit status 2) before looking up the spider."""

    def __init__(self, settings):
        super().__init__(settings)
        self.portals_error: str | None = None
        try:
            portals = registry(settings)
        except ValueError as exc:
            self.portals_error = str(exc)
            portals = load_registry(None)
        for name, portal in portals.items():
            existing = self._spiders.get(name)
            if existing is not None and getattr(existing, "portal", None) is None:
                logger.error("Portal %s not registered: %s is a spider that is not a portal", name, name)
                continue
            self._spiders[name] = PortalSpider.for_portal(portal)

    def portals(self) -> list[str]:
        """Names of the spiders that crawl a portal, sorted."""
        return sorted(n for n, cls in self._spiders.items() if getattr(cls, "portal", None) is not None)
