"""Items passed from spiders to item pipelines."""
import scrapy


class ArticlePage(scrapy.Item):
    """A fetched article page, as a spider yields it.

    ``url`` (final URL after redirects), ``body`` (bytes as received, decompressed),
    ``content_type`` (the HTTP header value, for the charset), ``hints``
    (:class:`~newsbot.extraction.hints.Hints` from discovery) and ``fetched_at`` (aware datetime of the fetch when the response is replayed
    from an archive, else ``None``: now), which chooses the portal's markup layout.
    """

    url = scrapy.Field()
    body = scrapy.Field()
    content_type = scrapy.Field()
    hints = scrapy.Field()
    fetched_at = scrapy.Field()
