"""The Brussels Times (brusselstimes.com): headless WordPress behind an Angular front end.
Sitemaps ``/sitemap-index.xml`` (backfill) and ``/google-news-sitemap.xml`` (latest); the
feed is on ``api.brusselstimes.com`` (the ``www`` feed paths answer the app page). Article
URLs ``/<section>/<id>/<slug>/`` or ``/<id>/<slug>/``; bodies carry a "Related News" insert.
"""
from ..extraction.rules import ExtractionRules
from . import Edition, Portal

PORTAL = Portal(
    name="brussels_times",
    domains=("brusselstimes.com",),
    editions=(Edition("en", "https://www.brusselstimes.com"),),
    feeds=("https://api.brusselstimes.com/rss",),
    news_sitemaps=("{base}/google-news-sitemap.xml",),
    sitemaps=("{base}/sitemap-index.xml",),
    listings=("{base}/news?page={page}",),
    allow=(r"^/(?:[a-z-]+/)?\d+/[^/]+/?$",),
    trailing_slash=False,
    rules=ExtractionRules(
        timezone="Europe/Brussels",
        title=("h1.bt-title",),
        lead=("p.bt-lead",),
        section=("a.bt-category",),
        authors=(".bt-author",),
        body=("div.bt-article-body",),
        body_exclude=(".bt-related-news",),
        boilerplate=("Related News",),
        site_names=("The Brussels Times", "Brussels Times"),
    ),
)
