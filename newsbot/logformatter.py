"""Log lines for items: a URL and a reason, never the item itself (a page item holds the
whole HTML)."""
from __future__ import annotations

import logging

from scrapy.logformatter import LogFormatter


def _url(item, response) -> str:
    try:
        url = item.get("url")
    except AttributeError:
        url = None
    return url or getattr(response, "url", None) or "?"


class NewsLogFormatter(LogFormatter):
    """Dropped items are logged at DEBUG as ``Dropped <url>: <reason>`` (the reasons are
    counted in ``newsbot/dropped/<reason>``); an item that fails in a pipeline is logged at
    ERROR as ``Error processing <url>`` with its traceback, without the item."""

    def dropped(self, item, exception, response, spider=None):
        """``Dropped <url>: <reason>`` at DEBUG."""
        return {"level": logging.DEBUG, "msg": "Dropped %(url)s: %(exception)s",
                "args": {"url": _url(item, response), "exception": exception}}

    def item_error(self, item, exception, response, spider=None):
        """``Error processing <url>`` at ERROR (the traceback is added by Scrapy)."""
        return {"level": logging.ERROR, "msg": "Error processing %(url)s",
                "args": {"url": _url(item, response)}}
