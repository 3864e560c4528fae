"""A portal spider over the fault site (:mod:`faultsite`), for crawl subprocesses that add
``faultspiders`` to ``SPIDER_MODULES``. The site's address comes from ``FAULTSITE_BASE``
and its discovery documents (paths, space-separated) from ``FAULTSITE_FEEDS``."""
from __future__ import annotations

import os

from newsbot.portals import Edition, Portal
from newsbot.spiders.base import PortalSpider

BASE = os.environ.get("FAULTSITE_BASE", "http://127.0.0.1:9")

PORTAL = Portal(
    name="faultsite",
    domains=("127.0.0.1",),
    editions=(Edition("en", BASE),),
    feeds=tuple("{base}" + path for path in os.environ.get("FAULTSITE_FEEDS", "").split()),
    allow=(r"^/good/",),
)


class FaultSiteSpider(PortalSpider):
    """Crawls the fault site's feeds and sitemaps; only ``/good/…`` pages are articles."""

    portal = PORTAL
