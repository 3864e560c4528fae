"""New Europe (neweurope.eu): WordPress (feed, Yoast sitemaps, REST ``posts``); articles
``/article/<slug>/``. Premium articles show a teaser and a subscription prompt: the record
keeps the teaser and is flagged ``partial``.
"""
from ..extraction.rules import ExtractionRules
from . import Edition, Portal

PORTAL = Portal(
    name="neweurope",
    family="wordpress",
    domains=("neweurope.eu",),
    editions=(Edition("en", "https://www.neweurope.eu"),),
    listings=("{base}/category/world/page/{page}/",),
    allow=(r"^/article/[^/]+/?$",),
    deny=(r"/page/\d+",),
    trailing_slash=True,
    rules=ExtractionRules(
        timezone="Europe/Brussels",
        title=("h1.entry-title",),
        lead=(".ne-excerpt",),
        section=(".ne-category a",),
        authors=(".ne-author a",),
        tags=(".ne-tags a",),
        body=("div.entry-content",),
        partial_markers=("This content is available to New Europe premium members",
                         "Log in or subscribe to read the full article"),
        site_names=("New Europe",),
    ),
)
