"""Spiders for portals defined by configuration (:mod:`newsbot.portals.config`).

``scrapy crawl portal -a name=<portal>`` crawls any registered portal; the spider loader
(:class:`newsbot.spiders.loader.PortalSpiderLoader`) also registers each configured portal
under its own name, so ``scrapy crawl <portal>`` works as for built-in ones. The spider class
is that of the portal's family (:class:`~newsbot.spiders.base.PortalSpider` or
:class:`~newsbot.spiders.wordpress.WordPressSpider`) with the portal set on it.
"""
from __future__ import annotations

from ..portals import PORTALS, Portal
from .base import PortalSpider
from .wordpress import WordPressSpider

FAMILY_SPIDERS = {"generic": PortalSpider, "wordpress": WordPressSpider}
REGISTRY: dict[str, Portal] = dict(PORTALS)  # replaced by the spider loader from the settings
_CLASSES: dict[tuple[str, int], type] = {}


def spider_class(portal: Portal) -> type[PortalSpider]:
    """The spider class crawling ``portal`` (one class a portal object, cached)."""
    key = (portal.name, id(portal))
    if key not in _CLASSES:
        base = FAMILY_SPIDERS[portal.family]
        camel = "".join(part.capitalize() for part in portal.name.split("_"))
        _CLASSES[key] = type(f"{camel}Spider", (base,), {
            "portal": portal, "__module__": __name__,
            "__doc__": f"{portal.name}: a portal defined by configuration ({portal.family} family)."})
    return _CLASSES[key]


def _portal(name: str | None) -> Portal:
    if not name:
        raise ValueError("give the portal with -a name=<portal>")
    if name not in REGISTRY:
        raise ValueError(f"unknown portal {name!r} (known: {', '.join(sorted(REGISTRY))})")
    return REGISTRY[name]


class PortalByNameSpider(PortalSpider):
    """``portal``: crawl the registered portal named by ``-a name=``; every other argument is
    that portal's spider's (``mode``, ``since``, ``until``, ``limit``, ``lang``)."""

    name = "portal"

    @classmethod
    def check_arguments(cls, name=None, **kwargs):
        """Validate ``name`` and the portal spider's arguments; ``ValueError`` with one line."""
        spider_class(_portal(name)).check_arguments(**kwargs)

    @classmethod
    def from_crawler(cls, crawler, *args, name=None, **kwargs):
        return spider_class(_portal(name)).from_crawler(crawler, *args, **kwargs)
