"""The ``article`` spider: any site, from explicit URLs."""
from __future__ import annotations

from ..arguments import parse_switch, parse_urls
from ..extraction.urls import strip_tracking
from .base import PageSpider
from .byname import PortalByNameSpider  # noqa: F401 (registered by the spider loader: ``portal``)


class ArticleSpider(PageSpider):
    """Fetch the article URLs given as ``-a urls=u1,u2`` and/or ``-a url_file=path`` and
    extract each with the rules of the portal owning it, or the generic path. No date window."""

    name = "article"

    @classmethod
    def check_arguments(cls, urls=None, url_file=None, **kwargs):
        """Validate spider arguments; raise ``ValueError`` with one line on the first bad one."""
        parse_urls(urls, url_file)
        parse_switch("incremental", kwargs.get("incremental"))
        unknown = set(kwargs) - {"_job", "incremental"}
        if unknown:
            raise ValueError(f"unknown argument {', '.join(sorted(unknown))} for article")

    def __init__(self, urls=None, url_file=None, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.urls = parse_urls(urls, url_file)

    async def start(self):
        """One request a given URL, tracking parameters removed."""
        for url in self.urls:
            yield self.article_page(strip_tracking(url))
