"""Politico Europe (politico.eu): WordPress, custom post type ``article``.

Source of the rules: pages saved from the site (hero excerpt, ``article__content`` blocks
split by adverts, ``figcaption__inner`` captions) and the site's feeds and sitemaps. Latest:
``/feed/`` (links carry ``utm_*``) and ``/news-sitemap.xml``; backfill: REST type ``article``,
else the ``/sitemap.xml`` index, else section pagination. Pro content (``/pro/``) is not
fetched; Pro teasers on ``/article/`` pages give partial records.
"""
from ..extraction.rules import ExtractionRules
from . import Edition, Portal

PORTAL = Portal(
    name="politico_eu",
    family="wordpress",
    domains=("politico.eu",),
    editions=(Edition("en", "https://www.politico.eu"),),
    feeds=("{base}/feed/",),
    news_sitemaps=("{base}/news-sitemap.xml",),
    sitemaps=("{base}/sitemap.xml",),
    listings=("{base}/section/politics/page/{page}/",),
    wp_types=("article",),
    allow=(r"^/article/[^/]+/?$", r"^/newsletter/[^/]+/[^/]+/?$"),
    deny=(r"^/(podcast|video|section|tag|person|country|institution|author|pro)/", r"/page/\d+"),
    trailing_slash=True,
    rules=ExtractionRules(
        timezone="Europe/Brussels",
        lead=("p.hero__excerpt",),
        body=("div.article__content",),
        body_exclude=(".figcaption__inner", ".article__related", ".newsletter-promo"),
        site_names=("POLITICO", "Politico Europe"),
        partial_markers=("This article is part of POLITICO Pro", "Want more analysis from POLITICO?"),
    ),
)
