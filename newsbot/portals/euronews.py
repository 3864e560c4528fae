"""Euronews (euronews.com): every language edition is a subdomain; articles list their
translations (translated slugs) in ``<link rel="alternate" hreflang>``.

Rules from pages saved from the site: the 2024 layout has ``p.c-article-summary`` and h2
sub-heads, the 2026 layout ``h2.c-article-summary`` and h3 sub-heads; the record title is the
``og:title`` headline; JSON-LD may be missing (2026), so meta tags come next. Discovery:
latest-news sitemap and RSS per edition (latest); the ``articles.xml`` index of monthly
sitemaps (backfill); ``/just-in`` pagination as listing.
"""
from ..extraction.rules import ExtractionRules
from . import Edition, Portal

_EDITIONS = (
    ("en", "www", "en"), ("fr", "fr", "fr"), ("de", "de", "de"), ("it", "it", "it"),
    ("es", "es", "es"), ("pt", "pt", "pt"), ("ru", "ru", "ru"), ("tr", "tr", "tr"),
    ("el", "gr", "gr"), ("hu", "hu", "hu"), ("pl", "pl", "pl"), ("ar", "arabic", "ar"),
    ("fa", "parsi", "fa"),
)

PORTAL = Portal(
    name="euronews",
    domains=("euronews.com",),
    editions=tuple(Edition(lang, f"https://{sub}.euronews.com", code) for lang, sub, code in _EDITIONS),
    feeds=("{base}/rss?level=theme&name=news",),
    news_sitemaps=("{base}/sitemaps/{code}/latest-news.xml",),
    sitemaps=("{base}/sitemaps/{code}/articles.xml",),
    listings=("{base}/just-in?p={page}",),
    allow=(r"/\d{4}/\d{2}/\d{2}/[^/]+/?$",),
    deny=(r"^/video/", r"/video/\d{4}/"),
    trailing_slash=False,
    rules=ExtractionRules(
        timezone="Europe/Paris",
        title=('meta[property="og:title"]',),
        lead=("p.c-article-summary", "h2.c-article-summary"),
        body=("div.c-article-content",),
        body_exclude=(".c-article-summary", ".widget", ".c-ad", ".js-poool__content"),
        site_names=("euronews", "Euronews"),
    ),
)
