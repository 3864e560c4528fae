"""EUobserver (euobserver.com, bare host): its own CMS, three generations of article URLs
(``/<section>/<number>``, ``/<section>/ar<hex>``, since late 2025 ``/<number>/<slug>/``).
Feed ``/rss.xml``; no sitemap is known, so backfill pages through ``/latest?page=N``.
Members-only articles show a cut body ending in "…" and membership prompts: the record keeps
the visible text and is flagged ``partial``.
"""
from ..extraction.rules import ExtractionRules
from . import Edition, Portal

PORTAL = Portal(
    name="euobserver",
    domains=("euobserver.com",),
    editions=(Edition("en", "https://euobserver.com"),),
    feeds=("{base}/rss.xml",),
    listings=("{base}/latest?page={page}",),
    allow=(r"^/[a-z-]+/\d+/?$", r"^/[a-z-]+/ar[0-9a-f]{6,}/?$", r"^/\d+/[^/]+/?$"),
    deny=(r"^/(tag|author|search|latest|podcast)\b",),
    rules=ExtractionRules(
        timezone="Europe/Brussels",
        title=("h1.eo-title", "h1"),
        lead=("p.eo-lead",),
        section=("a.eo-section",),
        authors=(".eo-byline a",),
        body=("div.eo-article-body",),
        body_exclude=(".eo-inline-related",),
        partial_markers=("Back our independent journalism", "Already a member? Login here",
                         "Become a member to continue reading"),
        site_names=("EUobserver",),
    ),
)
