"""The Parliament Magazine (theparliamentmagazine.eu): articles ``/news/article/<slug>``,
titles end " | The Parliament Magazine". No feed or sitemap is confirmed: ``/rss`` and
``/sitemap.xml`` are tried, and the ``/news?page=N`` listing is paginated when they fail.
"""
from ..extraction.rules import ExtractionRules
from . import Edition, Portal

PORTAL = Portal(
    name="parliament_magazine",
    domains=("theparliamentmagazine.eu",),
    editions=(Edition("en", "https://www.theparliamentmagazine.eu"),),
    feeds=("{base}/rss",),
    sitemaps=("{base}/sitemap.xml",),
    listings=("{base}/news?page={page}",),
    allow=(r"^/news/article/[^/]+/?$",),
    trailing_slash=False,
    rules=ExtractionRules(
        timezone="Europe/Brussels",
        lead=(".article-standfirst",),
        section=(".article-kicker a",),
        authors=(".article-author a",),
        body=("div.article-body",),
        body_exclude=(".article-related",),
        site_names=("The Parliament Magazine",),
    ),
)
