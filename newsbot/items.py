"""Items passed from spiders to item pipelines."""
import scrapy


class ArticlePage(scrapy.Item):
    """A fetched article page, as a spider yields it.

    ``url`` (final URL after redirects), ``requested_url``, ``status`` (int), ``body``
    (bytes as received, decompressed), ``encoding`` (Scrapy's guess), ``content_type`` (the
    HTTP header value), ``portal`` (spider name), ``hints`` (dict from discovery: ``published``
    and ``modified`` date strings, ``title``, ``language`` of the edition,
    ``machine_translated``).
    """

    url = scrapy.Field()
    requested_url = scrapy.Field()
    status = scrapy.Field()
    body = scrapy.Field()
    encoding = scrapy.Field()
    content_type = scrapy.Field()
    headers = scrapy.Field()
    portal = scrapy.Field()
    hints = scrapy.Field()
