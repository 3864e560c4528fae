"""The ``portal`` spider: any portal of the registry, named by a spider argument."""
from __future__ import annotations

from ..portals import Portal, registry
from .portal import PortalSpider


class PortalByNameSpider(PortalSpider):
    """``portal``: crawl the registered portal named by ``-a name=`` (or ``-a portal=``: scrapyd
    keeps ``name`` for itself); every other argument is that portal's spider's (``mode``,
    ``since``, ``until``, ``limit``, ``lang``)."""

    name = "portal"

    @staticmethod
    def _portal(settings, name: str | None, portal: str | None = None) -> Portal:
        if name and portal and name != portal:
            raise ValueError(f"name={name!r} and portal={portal!r} name two portals: give one")
        name = name or portal
        if not name:
            raise ValueError("give the portal with -a name=<portal>")
        portals = registry(settings)
        if name not in portals:
            raise ValueError(f"unknown portal {name!r} (known: {', '.join(sorted(portals))})")
        return portals[name]

    @classmethod
    def check_arguments(cls, name=None, settings=None, portal=None, **kwargs):
        """Validate ``name`` (or ``portal``) and the portal spider's arguments; ``ValueError``
        with one line."""
        from scrapy.utils.project import get_project_settings

        portal = cls._portal(settings or get_project_settings(), name, portal)
        PortalSpider.for_portal(portal).check_arguments(**kwargs)

    @classmethod
    def from_crawler(cls, crawler, *args, name=None, portal=None, **kwargs):
        return PortalSpider.for_portal(cls._portal(crawler.settings, name, portal)).from_crawler(crawler, *args, **kwargs)
