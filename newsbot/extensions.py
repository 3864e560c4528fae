"""Crawl extensions."""
from __future__ import annotations

import logging

# Loggers whose download-failure messages Scrapy writes with a traceback.
_QUIET_LOGGERS = ("scrapy.downloadermiddlewares.robotstxt", "scrapy.core.scraper",
                  "scrapy.downloadermiddlewares.retry", "scrapy.core.downloader.handlers.http11")


# Loggers repeating a size-limit failure that the spider's errback reports.
_SIZE_LOGGERS = ("scrapy.core.downloader.handlers.http11", "scrapy.downloadermiddlewares.httpcompression")


class _NoNetworkTracebacks(logging.Filter):
    """Keep the message of a network failure, drop its traceback (one line a failure)."""

    def filter(self, record: logging.LogRecord) -> bool:
        if record.exc_info:
            exc = record.exc_info[1]
            if exc is not None and not isinstance(exc, (AssertionError, TypeError, AttributeError,
                                                         KeyError, NameError)):
                record.msg = f"{record.msg} [{type(exc).__name__}]"
                record.exc_info = None
                record.exc_text = None
        return True


class _NoSizeDuplicates(logging.Filter):
    """Drop Scrapy's own "larger than download max size" / "exceeded DOWNLOAD_MAXSIZE" lines:
    the spider's errback logs the same failure once, with its kind (``too_large``)."""

    def filter(self, record: logging.LogRecord) -> bool:
        message = record.getMessage()
        return not ("download max size" in message or "exceeded DOWNLOAD_MAXSIZE" in message)


class QuietErrors:
    """Network failures (DNS, refused connections, timeouts, robots.txt unreachable) are
    logged as one line each, without a traceback; programming errors keep theirs. The counts
    stay in Scrapy's ``downloader/exception_type_count/*`` stats. Scrapy's own lines about
    responses over ``DOWNLOAD_MAXSIZE`` are dropped: the spider's errback logs each once."""

    _filter = _NoNetworkTracebacks()
    _sizes = _NoSizeDuplicates()

    @classmethod
    def from_crawler(cls, crawler):
        for name in _QUIET_LOGGERS:
            logger = logging.getLogger(name)
            if cls._filter not in logger.filters:
                logger.addFilter(cls._filter)
        for name in _SIZE_LOGGERS:
            logger = logging.getLogger(name)
            if cls._sizes not in logger.filters:
                logger.addFilter(cls._sizes)
        return cls()
