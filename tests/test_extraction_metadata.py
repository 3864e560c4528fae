"""The descriptive fields read from structured data and markup (:mod:`newsbot.extraction.metadata`,
:mod:`newsbot.extraction.image`): the section from a breadcrumb trail, tags printed by the page
before a site-wide keywords meta tag, the article's JSON-LD object among several and nested in a
web page node, an image given by reference or by microdata."""
from __future__ import annotations

import json

import pytest

from support import html_doc as _doc, paragraphs as _paras

from newsbot.extraction import extract_article

URL = "https://harbour.example.org/port/new-cranes-arrive"
HEADLINE = "New cranes arrive at the harbour"


def _record(head: str, body: str = "") -> dict:
    html = _doc(f"<title>{HEADLINE} | Harbour Post</title>"
                "<meta property='article:published_time' content='2025-04-08T07:45:00+02:00'>" + head,
                f"<article><h1>{HEADLINE}</h1>{_paras(4)}{body}</article>")
    return extract_article(html.encode(), URL).record


def _ld(data) -> str:
    return f"<script type='application/ld+json'>{json.dumps(data)}</script>"


def _crumbs(*names: str) -> str:
    return _ld({"@context": "https://schema.org", "@type": "BreadcrumbList", "itemListElement": [
        {"@type": "ListItem", "position": i, "name": n} for i, n in enumerate(names, 1)]})


@pytest.mark.parametrize("trail, section", [
    (("Home", HEADLINE), None),          # Yoast's trail of a post: the home page and the post
    (("Home", "Port", HEADLINE), "Port"),
    (("Home", "Port"), "Port"),
])
def test_the_section_is_the_trail_item_before_the_article(trail, section):
    assert _record(_crumbs(*trail))["section"] == section


def test_printed_tag_links_beat_a_site_wide_keywords_meta():
    rec = _record("<meta name='keywords' content='news, harbour, daily, sport'>",
                  "<p class='tags'><a href='/tag/cranes/' rel='tag'>Cranes</a> "
                  "<a href='/tag/logistics/' rel='tag'>Logistics</a> "
                  "<a href='/category/port/' rel='category tag'>Port</a></p>")
    assert rec["tags"] == ["Cranes", "Logistics"]


def test_a_tag_cloud_in_the_sidebar_is_not_the_article_tags():
    html = _doc(f"<title>{HEADLINE}</title>",
                f"<article><h1>{HEADLINE}</h1>{_paras(4)}<a href='/tag/cranes/' rel='tag'>Cranes</a></article>"
                "<aside><a href='/tag/ferries/' rel='tag'>Ferries</a></aside>")
    assert extract_article(html.encode(), URL).record["tags"] == ["Cranes"]
