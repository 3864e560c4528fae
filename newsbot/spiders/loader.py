"""The spider loader: Scrapy's, plus one spider a portal defined by configuration."""
from __future__ import annotations

import logging

from scrapy.spiderloader import SpiderLoader

from ..portals import builtin_portals, load_registry

logger = logging.getLogger(__name__)


class PortalSpiderLoader(SpiderLoader):
    """Scrapy's :class:`~scrapy.spiderloader.SpiderLoader` (``SPIDER_MODULES``), then every
    portal of the packaged TOML files and of ``NEWSBOT_PORTALS_FILE`` (a file or folder) as a
    spider of its own name, replacing a built-in spider of the same name. A bad portals file
    is left out here (the crawl commands refuse it with one line, exit status 2)."""

    def __init__(self, settings):
        super().__init__(settings)
        from . import configured

        try:
            registry = load_registry(settings.get("NEWSBOT_PORTALS_FILE") or None)
        except ValueError:
            registry = load_registry(None)
        configured.REGISTRY = registry
        builtin = builtin_portals()
        for name, portal in registry.items():
            if builtin.get(name) is not portal:
                self._spiders[name] = configured.spider_class(portal)
