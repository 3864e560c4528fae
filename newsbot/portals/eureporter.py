"""EU Reporter (eureporter.co): WordPress with the Zox News theme (``mvp-`` classes).

Editions are subdomains with the English path, machine-translated from the ``www`` original.
Discovery: the WordPress family (``/feed/``, Yoast ``/sitemap_index.xml``, REST ``posts``)
and the home pagination ``/page/N/``. Boilerplate strings from the theme and from the German
edition seed page.
"""
from ..extraction.rules import ExtractionRules
from . import Edition, Portal

_LANGS = ("de", "fr", "it", "es", "pt", "nl", "pl", "ro", "bg", "cs", "da", "el", "et", "fi",
          "hr", "hu", "lt", "lv", "mt", "sk", "sl", "sv", "ga")

BOILERPLATE = (
    # English theme strings
    "Connect with us", "Published", "on", "Share this article:", "Share this article", "Trending",
    "Related Topics:", "Up Next", "Don't Miss", "Continue Reading", "You may like",
    "Click to comment", "Advertisement", "SHARE:",
    "EU Reporter publishes articles from a variety of outside sources",
    "We use your sign-up to provide content in ways you've consented to",
    # German edition
    "Vernetzen Sie sich mit uns", "Veröffentlicht", "Teile diesen Artikel:", "Teile diesen Artikel",
    "Wir verwenden Ihre Anmeldung, um Inhalte auf eine Weise bereitzustellen",
    "EU Reporter veröffentlicht Artikel aus einer Vielzahl externer Quellen",
    "Verwandte Themen:", "Weiterlesen", "Das könnte Ihnen gefallen", "Werbung",
)

PORTAL = Portal(
    name="eureporter",
    family="wordpress",
    domains=("eureporter.co",),
    editions=(Edition("en", "https://www.eureporter.co"),)
    + tuple(Edition(lang, f"https://{lang}.eureporter.co", machine_translated=True) for lang in _LANGS),
    listings=("{base}/page/{page}/",),
    allow=(r"/\d{4}/\d{2}/\d{2}/[^/]+/?$",),
    deny=(r"^/(tag|author|category)/", r"/page/\d+", r"/feed/?$"),
    trailing_slash=True,
    rules=ExtractionRules(
        timezone="Europe/Brussels",
        title=("h1.mvp-post-title",),
        section=("h3.mvp-post-cat span", "h3.mvp-post-cat"),
        lead=(".mvp-post-excerpt",),
        date=(".mvp-author-info-date time.post-date", "time.post-date"),
        authors=(".mvp-author-info-name a", ".mvp-author-info-name"),
        tags=(".mvp-post-tags a",),
        body=("#mvp-content-main",),
        body_exclude=(".mvp-feat-caption", ".mvp-post-tags", ".mvp-org-wrap", ".sharedaddy",
                      ".mvp-related-posts", ".mvp-post-soc-wrap"),
        boilerplate=BOILERPLATE,
        body_stop=("Share this article:", "Teile diesen Artikel:",
                   "EU Reporter publishes articles from a variety of outside sources",
                   "EU Reporter veröffentlicht Artikel aus einer Vielzahl externer Quellen"),
        site_names=("EU Reporter",),
    ),
)
