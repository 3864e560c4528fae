"""Euractiv (euractiv.com): WordPress multisite; the language editions are other domains
(euractiv.de, euractiv.fr). Article URLs: older ``/section/<s>/news/<slug>/``, newer
``/news/<slug>/``. Behind a CDN that may refuse non-browser clients (403 or a challenge page:
counted in ``newsbot/blocked/euractiv``, never retried in a loop). Bodies may hold political-ad
notices, dropped as boilerplate.
"""
from ..extraction.rules import ExtractionRules
from . import Edition, Portal

PORTAL = Portal(
    name="euractiv",
    family="wordpress",
    domains=("euractiv.com", "euractiv.de", "euractiv.fr"),
    editions=(Edition("en", "https://www.euractiv.com"), Edition("de", "https://www.euractiv.de"),
              Edition("fr", "https://www.euractiv.fr")),
    listings=("{base}/news/page/{page}/",),
    allow=(r"^/section/[^/]+/news/[^/]+/?$", r"^/news/[^/]+/?$"),
    deny=(r"/page/\d+", r"/feed/?$"),
    trailing_slash=True,
    rules=ExtractionRules(
        timezone="Europe/Brussels",
        title=("h1.ea-article-title", "h1"),
        lead=(".ea-article-lead",),
        section=(".ea-article-section a",),
        authors=(".ea-article-byline a[rel=author]",),
        tags=(".ea-article-tags a",),
        body=("div.ea-article-body",),
        body_exclude=(".ea-related", ".ea-newsletter-box"),
        boilerplate=("This is a political ad", "Dies ist eine politische Anzeige",
                     "Ceci est une publicité politique"),
        site_names=("Euractiv", "EURACTIV"),
    ),
)
