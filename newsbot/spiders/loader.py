"""The spider loader: Scrapy's, plus one spider a portal defined by configuration."""
from __future__ import annotations

import logging

from scrapy.spiderloader import SpiderLoader

from ..portals import builtin_portals, load_registry

logger = logging.getLogger(__name__)


class PortalSpiderLoader(SpiderLoader):
    """Scrapy's :class:`~scrapy.spiderloader.SpiderLoader` (``SPIDER_MODULES``), then every
    portal of the packaged TOML files and of ``NEWSBOT_PORTALS_FILE`` (a file or folder) as a
    spider of its own name, replacing a built-in portal spider of the same name (never a
    spider that is not a portal, such as ``article``). A bad portals file is left out here and
    its one-line error kept in ``portals_error`` (the crawl commands refuse it, exit status 2,
    before looking up the spider)."""

    def __init__(self, settings):
        super().__init__(settings)
        from . import configured

        self.portals_error: str | None = None
        try:
            registry = load_registry(settings.get("NEWSBOT_PORTALS_FILE") or None)
        except ValueError as exc:
            self.portals_error = str(exc)
            registry = load_registry(None)
        configured.REGISTRY = registry
        builtin = builtin_portals()
        for name, portal in registry.items():
            if builtin.get(name) is portal:
                continue
            existing = self._spiders.get(name)
            if existing is not None and getattr(existing, "portal", None) is None:
                logger.error("Portal %s not registered: %s is a spider that is not a portal", name, name)
                continue
            self._spiders[name] = configured.spider_class(portal)
