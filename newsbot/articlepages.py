"""Articles printed over several pages, read whole during a crawl: the first page and each
``rel=next`` page of the same article are fetched through the crawl's downloader and extracted
like any page, and their bodies joined into the first page's record. Which pages belong to an
article is the extraction's (:mod:`newsbot.extraction.pagination`); the fetching is here."""
from __future__ import annotations

from urllib.parse import urlsplit

import scrapy
from scrapy.spidermiddlewares.httperror import HttpError
from twisted.python.failure import Failure

from .extraction.pagination import article_key, join_pages, same_article
from .extraction.urls import fingerprint, strip_tracking
from .logs import failure_level
from .middlewares import FETCHED_AT
from .signals import pages_joined
from .stats import PAGES, SKIPPED


class ArticlePages:
    """Joins the pages of the articles of one crawl. ``crawler``: the running crawler (its
    engine downloads, its stats count); ``max_pages``: the most pages of one article read
    (``NEWSBOT_ARTICLE_PAGES``). Keeps the key
    (:func:`~newsbot.extraction.pagination.article_key`) of every article joined in the run."""

    def __init__(self, crawler, max_pages: int):
        self.crawler, self.stats = crawler, crawler.stats
        self.max_pages = max_pages
        self.articles: set[tuple] = set()

    async def whole(self, ex, record: dict, spider, extract) -> dict | None:
        """The record of an article printed over several pages (``ex`` the extraction of one of
        them, ``record`` its record; ``extract``: the awaitable that extracts a page of it,
        called as ``extract(url, body, content_type, fetched_at)``, giving ``(extraction,
        record)``): from its first page
        (fetched when ``ex`` is a later page), the following ``rel=next`` pages are fetched, up
        to ``max_pages``, and their bodies joined (:func:`~newsbot.extraction.pagination.join_pages`); when they do not lead to
        ``ex``'s page, it and the pages after it are joined after them.

        ``None`` for an article already joined in this run, from another of its pages: nothing
        is fetched for it again. When the first page cannot be
        read, the page alone is the record, under the first page's URL as its canonical URL
        unless it names another. A page that cannot be read (its failure counted and logged by
        the spider's errback, or ``newsbot/skipped/not_html``), a next page that is another
        article's (a redirect elsewhere, a page that reads as no article:
        ``newsbot/pages/other``) and the page limit (``newsbot/pages/cut``) end the article
        there and flag it ``partial``. Counts ``newsbot/pages/joined`` (pages added to a first
        page's record). Sends :data:`newsbot.signals.pages_joined` with the URLs of the pages
        joined, so the seen-store knows the article by each of them."""
        key = article_key(ex.pages.first or record["url"])
        if key in self.articles:
            return None
        self.articles.add(key)
        given = (ex, record)
        if ex.pages.first:
            first = await self._page(ex.pages.first, spider, extract)
            if first is None:  # the page alone, under the article's identity, as a later run will write it
                if _same_page(record["canonical_url"], record["url"]):
                    article = strip_tracking(ex.pages.first)
                    record = {**record, "canonical_url": article, "id": fingerprint(article)}
                return join_pages([record], missing=1)
            ex, record = first
        records = [record]
        have = {given[1]["url"]: given}
        missing, last = await self._follow(ex, records, have, spider, extract)
        if not any(r is given[1] for r in records) and not missing and given[0].pages.number > last.pages.number:
            # the pages before it do not lead to the page the crawl reached: it follows them
            missing = given[0].pages.number > last.pages.number + 1
            records.append(given[1])
            missing = (await self._follow(given[0], records, have, spider, extract))[0] or missing
        self.stats.inc_value(PAGES("joined"), len(records) - 1)
        joined = join_pages(records, int(missing))
        self.crawler.signals.send_catch_log(pages_joined, record=joined, urls=[r["url"] for r in records])
        return joined

    async def _follow(self, ex, records: list[dict], have: dict, spider, extract):
        """Append to ``records`` the record of each next page from ``ex`` on (a page in ``have``,
        ``{url: (extraction, record)}``, is not fetched again); returns ``(missing, last)``:
        whether the article ended early (a page failed, was another article's, or the page
        limit was reached) and the extraction of the last page appended."""
        while ex.pages.next:
            if len(records) >= self.max_pages:
                self.stats.inc_value(PAGES("cut"))
                return True, ex
            url = ex.pages.next
            page = have.get(url) or await self._page(url, spider, extract)
            if page is None:
                return True, ex
            following_ex, following = page
            if following["url"] in {r["url"] for r in records}:
                return False, ex  # a page leading back to one already read
            of_it = following_ex.pages.number >= 2 or following_ex.is_article
            if not of_it or not same_article(following["url"], strip_tracking(url)):
                self.stats.inc_value(PAGES("other"))
                level, note = failure_level(self.crawler, "other_article_page")
                spider.logger.log(level, "Next page %s of an article is no page of it (%s): the article ends "
                                  "before it%s", url, following["url"], note)
                return True, ex
            records.append(following)
            ex = following_ex
        return False, ex

    async def _page(self, url: str, spider, extract):
        """``(extraction, record)`` of one more page of an article, downloaded through the
        crawl's downloader middlewares (robots.txt, the address check, retries, the archive);
        ``None`` when it fails (counted and logged by ``spider.on_error``) or is no HTML page
        (counted in ``newsbot/skipped/not_html``)."""
        request = scrapy.Request(url, dont_filter=True)
        try:
            response = await self.crawler.engine.download_async(request)
            if response.status != 200:
                raise HttpError(response, f"article page answered {response.status}")
        except Exception as exc:  # every download failure goes to the errback that counts them
            failure = Failure(exc)
            failure.request = request
            spider.on_error(failure)
            return None
        if not isinstance(response, scrapy.http.HtmlResponse):
            self.stats.inc_value(SKIPPED("not_html"))
            level, note = failure_level(self.crawler, "not_html")
            spider.logger.log(level, "Page %s of an article is no HTML page (%s): the article ends before it%s",
                              url, (response.headers.get("Content-Type") or b"?").decode("latin-1"), note)
            return None
        return await extract(response.url, response.body,
                             (response.headers.get("Content-Type") or b"").decode("latin-1") or None,
                             response.meta.get(FETCHED_AT))


def _same_page(url: str, other: str) -> bool:
    """``url`` and ``other`` name the same page, the scheme and a trailing ``/`` aside."""
    a, b = urlsplit(url), urlsplit(other)
    return (a.netloc.lower(), a.path.rstrip("/"), a.query) == (b.netloc.lower(), b.path.rstrip("/"), b.query)
