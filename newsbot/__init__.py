"""newsbot: a Scrapy project that crawls EU news portals into clean article records.

As a library (:mod:`newsbot.api`, imported on first use): ``newsbot.extract(html, url)`` (one
page's record), ``newsbot.extract_url(url)`` (fetched the way a crawl fetches),
``newsbot.crawl(spiders, …)`` (a crawl's records or output files), and their exceptions
``ExtractionError``, ``NotAnArticle``, ``InvalidRecord``, ``CrawlFailed``, ``CrawlRefused``.
"""

_API = ("extract", "extract_url", "crawl", "ExtractionError", "NotAnArticle", "InvalidRecord", "CrawlFailed",
        "CrawlRefused")


def __getattr__(name: str):
    if name in _API:
        from . import api

        return getattr(api, name)
    if name == "__version__":
        from .useragent import package_version

        return package_version()
    raise AttributeError(f"module 'newsbot' has no attribute {name!r}")
