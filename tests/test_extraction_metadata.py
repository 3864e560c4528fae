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


def test_a_printed_category_link_is_the_section_when_structured_data_names_none():
    rec = _record("", "<footer class='entry-footer'><a href='/category/port/' rel='category tag'>› Port</a> "
                      "<a href='/tag/cranes/' rel='tag'>Cranes</a></footer>")
    assert (rec["section"], rec["tags"]) == ("Port", ["Cranes"])


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


def test_the_article_object_that_names_the_page_wins_over_a_related_story_listed_first():
    other = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": "Ferry strike ends",
             "url": "https://harbour.example.org/port/ferry-strike-ends", "datePublished": "2025-04-01T10:00:00+02:00",
             "articleSection": "Ferries", "keywords": ["ferries", "strike"]}
    own = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": HEADLINE,
           "mainEntityOfPage": {"@id": URL}, "datePublished": "2025-04-08T07:45:00+02:00",
           "articleSection": "Port", "keywords": ["cranes"]}
    html = _doc(_ld([other, own]), f"<article><h1>{HEADLINE}</h1>{_paras(4)}</article>")
    rec = extract_article(html.encode(), URL).record
    assert (rec["title"], rec["date_published"], rec["section"], rec["tags"]) == (
        HEADLINE, "2025-04-08T07:45:00+02:00", "Port", ["cranes"])


def test_an_article_nested_as_a_web_page_main_entity_gives_section_tags_image_and_authors():
    page = {"@context": "https://schema.org", "@type": "WebPage", "url": URL, "mainEntity": {
        "@type": "NewsArticle", "headline": HEADLINE, "datePublished": "2025-04-08T07:45:00+02:00",
        "articleSection": "Port", "keywords": "cranes, quay", "image": {"@type": "ImageObject", "url": "/img/cranes.jpg"},
        "author": [{"@type": "Person", "name": "Ana Berg"}, {"@type": "Person", "name": "Ole Nyström"}]}}
    html = _doc(_ld(page), f"<article><h1>{HEADLINE}</h1>{_paras(4)}</article>")
    rec = extract_article(html.encode(), URL).record
    assert (rec["section"], rec["tags"], rec["image"], rec["authors"]) == (
        "Port", ["cranes", "quay"], "https://harbour.example.org/img/cranes.jpg", ["Ana Berg", "Ole Nyström"])


def test_an_image_given_by_reference_is_resolved_in_the_graph():
    graph = {"@context": "https://schema.org", "@graph": [
        {"@type": "NewsArticle", "headline": HEADLINE, "image": {"@id": URL + "#primaryimage"}},
        {"@type": "ImageObject", "@id": URL + "#primaryimage", "url": "https://harbour.example.org/img/quay.jpg"}]}
    assert _record(_ld(graph))["image"] == "https://harbour.example.org/img/quay.jpg"


def test_a_microdata_image_outside_a_figure_is_the_image_but_not_the_author_photo():
    html = _doc(f"<title>{HEADLINE}</title>",
                f"<article itemscope itemtype='https://schema.org/NewsArticle'><h1 itemprop='headline'>{HEADLINE}</h1>"
                "<div itemprop='author' itemscope itemtype='https://schema.org/Person'>"
                "<img itemprop='image' src='/people/ana.jpg' alt=''><span itemprop='name'>Ana Berg</span></div>"
                f"<img itemprop='image' src='/img/cranes-wide.jpg' alt='Cranes'>{_paras(4)}</article>")
    assert extract_article(html.encode(), URL).record["image"] == "https://harbour.example.org/img/cranes-wide.jpg"


def test_a_microdata_image_of_a_post_typed_creative_work_is_its_image():
    # GeneratePress types a post as a CreativeWork
    html = _doc(f"<title>{HEADLINE}</title>",
                f"<article itemscope itemtype='https://schema.org/CreativeWork'><h1>{HEADLINE}</h1>"
                f"<div class='featured-image'><img src='/uploads/cranes.jpg' itemprop='image' alt=''></div>{_paras(4)}</article>")
    assert extract_article(html.encode(), URL).record["image"] == "https://harbour.example.org/uploads/cranes.jpg"


def _page(body: str, head: str = "") -> dict:
    html = _doc(f"<title>{HEADLINE}</title><meta property='og:type' content='article'>{head}", body)
    return extract_article(html.encode(), URL).record


ARTICLE = f"<h1>{HEADLINE}</h1>{_paras(4)}"


def test_a_category_label_named_by_its_class_is_the_section():
    # a theme's label above the headline; the slug class WordPress puts on every post is no label
    rec = _page(f"<article class='post category-port-news'><ul class='td-category'><li><a href='/port/'>Port</a>"
                f"</li></ul>{ARTICLE}</article>")
    assert rec["section"] == "Port"
    rec = _page(f"<article class='post category-port-news'><p><a href='/x'>A link in the text</a></p>{ARTICLE}</article>")
    assert rec["section"] is None


@pytest.mark.parametrize("info, section", [
    # Joomla's article info block: the category as a linked genre
    ("<dl class='article-info'><dd class='category-name'>Kategorie: <a href='/hafen' itemprop='genre'>Hafen</a></dd>"
     "</dl>", "Hafen"),
    ("<meta itemprop='articleSection' content='Port'>", "Port"),
    # Joomla 4 prints the parent category first: the article's own category is the section
    ("<dl class='article-info'><dd class='parent-category-name'><span class='icon-folder'></span> Hoofdcategorie: "
     "<a href='/nieuws' itemprop='genre'>Nieuws</a></dd><dd class='category-name'><span class='icon-folder-open'>"
     "</span> Categorie: <a href='/nieuws/mobiliteit' itemprop='genre'>Mobiliteit</a></dd></dl>", "Mobiliteit"),
    # the parent alone (the category's own line hidden): the wider section is still the page's
    ("<dl class='article-info'><dd class='parent-category-name'>Kategoria nadrzędna: <a href='/wiadomosci' "
     "itemprop='genre'>Wiadomości</a></dd></dl>", "Wiadomości"),
    ("<span itemprop='articleSection'>Port</span>", "Port"),
    ("<span itemprop='genre'>Report</span>", None),  # a genre linking nowhere: a kind of text
    # another item's genre: a product's
    ("<div itemscope itemtype='https://schema.org/Product'><a href='/shop' itemprop='genre'>Shop</a></div>", None),
])
def test_the_section_the_articles_microdata_names(info, section):
    rec = _page(f"<div itemscope itemtype='https://schema.org/Article'>{info}{ARTICLE}</div>")
    assert rec["section"] == section


_TEASERS = ("<section class='more'><h2>More stories</h2>" + "".join(
    f"<div itemscope itemtype='https://schema.org/NewsArticle'><a itemprop='url' href='/sport/{i}'>"
    f"<h3 itemprop='headline'>Match report {i}</h3></a><meta itemprop='articleSection' content='Sport'></div>"
    for i in range(2)) + "</section>")


@pytest.mark.parametrize("html", [
    f"<article>{ARTICLE}</article>{_TEASERS}",  # the article with no microdata, the teasers after it
    f"<article itemscope itemtype='https://schema.org/NewsArticle'>{ARTICLE}</article>{_TEASERS}",
    f"<article itemscope itemtype='https://schema.org/NewsArticle'>{ARTICLE}{_TEASERS}</article>",  # inside it
])
def test_the_section_of_a_teaser_cards_microdata_is_not_the_articles(html):
    assert _page(html)["section"] is None


@pytest.mark.parametrize("label, section", [
    # Joomla's info block without microdata: the category named by its class, the parent's passed
    ("<dl class='article-info'><dd class='parent-category-name'>Bereich: <a href='/wirtschaft'>Wirtschaft</a></dd>"
     "<dd class='category-name'>Kategorie: <a href='/wirtschaft/hafen'>Hafen</a></dd></dl>", "Hafen"),
    # Drupal 7 and 8+ fields of a category, named in the site's language, with a printed label
    ("<div class='field field-name-field-sekcja field-type-taxonomy-term-reference'><div class='field-label'>"
     "Sekcja:&nbsp;</div><div class='field-items'><div class='field-item even'><a href='/sekcja/port'>Port</a>"
     "</div></div></div>", "Port"),
    ("<div class='field field--name-field-kategorie field--type-entity-reference'><div class='field__label'>"
     "Kategorie</div><div class='field__item'><a href='/kategorie/hafen'>Hafen</a></div></div>", "Hafen"),
    # a Drupal field named otherwise, its printed label naming a category (accents and case aside)
    ("<div class='field field--name-field-term field--label-inline'><div class='field__label'>Kategória</div>"
     "<div class='field__item'><a href='/t/7'>Prístav</a></div></div>", "Prístav"),
    ("<div class='field field-name-field-x'><div class='field-label'>Sadaļa:&nbsp;</div><div class='field-items'>"
     "<div class='field-item'><a href='/t/8'>Osta</a></div></div></div>", "Osta"),
    ("<div class='field field--name-field-term'><div class='field__label'>Tags</div>"
     "<div class='field__item'><a href='/t/9'>Cranes</a></div></div>", None),
    # TYPO3 tx_news prints the category as plain text; a printed label before a colon is left out
    ("<div class='news-list-category'><span class='news-list-category'>Haven</span></div>", "Haven"),
    ("<p class='category-label'>Rubrik: Hafen</p>", "Hafen"),
    # no category: a Drupal tags field, an author field, a category element holding a sentence or a date
    ("<div class='field field--name-field-tags'><div class='field__item'><a href='/tags/cranes'>Cranes</a></div>"
     "</div>", None),
    ("<div class='field field--name-field-author'><a href='/people/ann'>Ann Weber</a></div>", None),
    ("<span class='entry-category'>The cranes were ordered in spring.</span>", None),
    ("<span class='entry-category'>08.04.2025</span>", None),
])
def test_a_category_named_by_a_cms_field_or_class_is_the_section(label, section):
    assert _page(f"<article><h1>{HEADLINE}</h1>{label}{_paras(4)}</article>")["section"] == section


@pytest.mark.parametrize("label", [
    # a trail printed inside a theme's category title: its home link is no section
    "<div class='category-title'><div class='breadcrumbs'><a href='/blog/'>Home</a> › Cranes</div></div>",
    # a teaser's label inside its link, beside the headline, or beside its link in a card in the article
    "<a class='teaser' href='/s/1'><em class='teaser__category'>Report</em> Ferries run late</a>",
    "<div class='card'><span class='card-category'>Ferries</span><a href='/s/2'>Night ferries run late again</a></div>",
])
def test_a_trail_or_a_teasers_label_named_as_a_category_is_not_the_section(label):
    assert _page(f"<article><h1>{HEADLINE}</h1>{label}{_paras(4)}</article>")["section"] is None


@pytest.mark.parametrize("label, section", [
    # Drupal 8+ prints an inline label without its colon: the label's own field gives the value
    ("<div class='field field--name-field-thema field--label-inline'><span class='field__label'>Kategorie</span> "
     "<span class='field__item'>Hafen</span></div>", "Hafen"),
    # a plain list or trail printed as a category's text: its first name, the trail's last step
    ("<span class='entry-category'>Category: Port, Ferries</span>", "Port"),
    ("<div class='category-title'>You are here: Home / Port</div>", "Port"),
    ("<span class='cat-links'>Posted in Port news</span>", "Port news"),
    ("<span class='cat-links'>This entry was posted in Port news</span>", "Port news"),
    ("<span class='cat-links'>Veröffentlicht unter Hafen</span>", "Hafen"),
    # a printed trail ends at the article, under its headline's words or after two steps
    ("<div class='category-title'>You are here: Home / Port / New cranes arrive</div>", "Port"),
    ("<div class='category-title'>Home › Port › Two barges in the night</div>", "Port"),
    ("<div class='category-title'>Port / Cranes arrive at the harbour</div>", None),
    ("<div class='category-title'>Home / Europe / Ports</div>", "Ports"),
    # one department's name with a comma: a conjunction closes it
    ("<span class='category'>Ports, Ferries and Coast</span>", "Ports, Ferries and Coast"),
    ("<span class='category'>Häfen, Fähren und Küste</span>", "Häfen, Fähren und Küste"),
])
def test_a_category_printed_as_plain_text_gives_its_name(label, section):
    assert _page(f"<article><h1>{HEADLINE}</h1>{label}{_paras(4)}</article>")["section"] == section


@pytest.mark.parametrize("label", [
    # the headline or an advert's label in an element named like a category (Swedish "rubrik": headline)
    f"<span class='rubrik'>{HEADLINE}</span>",
    "<span class='category-label'>Sponsored</span>",
    "<span class='category-label'><a href='/anzeige'>Anzeige</a></span>",
    # a box's heading over other stories
    "<h3 class='category-title'>More from the region</h3>",
    # a lead-in before two names: one name or two
    "<span class='cat-links'>Posted in Port and Ferries</span>",
    # a label word without its value
    "<span class='category'>Category</span>",
    # a label in a meta line or a list holding other fields: only a Drupal field's label names its value
    "<dl class='meta'><dt class='field-label'>Category</dt><dd>Port</dd><dt class='field-label'>Author</dt>"
    "<dd><a href='/authors/ann-weber'>Ann Weber</a></dd></dl>",
    "<p class='meta'><span class='field-label'>Category:</span> Port <span class='field-label'>By</span> "
    "<a href='/authors/ann-weber'>Ann Weber</a></p>",
    # a spec sheet's or a budget's cells
    "<table><tr><th class='field-label'>Category</th><td>Compact</td></tr></table>",
    "<table><tr><td class='category'>Building costs</td><td>12 m</td></tr></table>",
    # Drupal Paragraphs' content sections (the text's own links) and a related-sections field
    "<div class='field field--name-field-sections field--type-entity-reference-revisions'><div class='field__item'>"
    "<p>The cranes were built in <a href='/places/north'>North Harbour</a> over the winter and shipped in March "
    "on two barges, the port's spokeswoman said on Monday.</p></div></div>",
    "<div class='field field--name-field-related-sections'><div class='field__item'><a href='/sport'>Sport</a>"
    "</div></div>",
    # a related story's label three blocks from its headline's link, inside the article
    "<div class='more'><h2>More on this</h2><div class='teaser'><div class='teaser-meta'><p><span "
    "class='teaser-category'>Business</span></p></div><h3><a href='/2025/02/yard'>Yard wins order</a></h3></div></div>",
])
def test_a_category_class_or_label_on_no_category_gives_no_section(label):
    assert _page(f"<article><h1>{HEADLINE}</h1>{label}{_paras(4)}</article>")["section"] is None


@pytest.mark.parametrize("label, section", [
    # a Drupal field printing its term without a link, in its items' wrapper, under a printed label
    ("<div class='field field--name-field-category field--type-entity-reference field--label-hidden field__items'>"
     "<div class='field__item'>Port</div></div>", "Port"),
    ("<div class='field field-name-field-kategorie field-type-taxonomy-term-reference field-label-inline'>"
     "<div class='field-label'>Kategorie:&nbsp;</div><div class='field-items'><div class='field-item even'>Hafen"
     "</div></div></div>", "Hafen"),
    # a theme's category list of plain items
    ("<ul class='td-category'><li>Port</li><li>Ships</li></ul>", "Port"),
    ("<div class='post-categories'><div class='cat'>Port</div></div>", "Port"),
])
def test_a_plain_label_in_the_items_of_a_category_element_is_the_section(label, section):
    assert _page(f"<article><h1>{HEADLINE}</h1>{label}{_paras(4)}</article>")["section"] == section


@pytest.mark.parametrize("label", [
    # a box of text under a category's name, a dated item, a heading: no label of items
    "<div class='category'><p>Port news: the cranes and the ships that call here every week.</p><p>More.</p></div>",
    "<ul class='categories'><li>Port</li><li><time datetime='2025-03-04'>4 March 2025</time></li></ul>",
    "<div class='category'><h3>Port</h3></div>",
    "<div class='category'>In <div class='cat'>Port</div> and elsewhere</div>",
])
def test_a_category_element_holding_text_a_date_or_a_heading_gives_no_plain_label(label):
    assert _page(f"<article><h1>{HEADLINE}</h1>{label}{_paras(4)}</article>")["section"] is None


@pytest.mark.parametrize("lang, section", [("sv", None), ("da", None), ("nb", None), ("de", "Kultur")])
def test_rubrik_names_the_headline_in_the_scandinavian_languages(lang, section):
    # "rubrik" is the headline in Swedish, Danish and Norwegian (a short one above the long), the section in German
    body = f"<article><span class='rubrik'>Kultur</span><h1>{HEADLINE}</h1>{_paras(4)}</article>"
    html = _doc(f"<title>{HEADLINE}</title><meta property='og:type' content='article'>", body)
    html = html.replace("<html>", f"<html lang='{lang}'>")
    assert extract_article(html.encode(), URL).record["section"] == section


def test_a_plain_label_of_a_list_item_in_a_side_column_is_not_the_section():
    # TYPO3 tx_news: the detail view without a category, its list view in a side column (no <aside>)
    detail = ("<div class='article' itemscope itemtype='http://schema.org/Article'><div class='header'><h1 "
              f"itemprop='headline'>{HEADLINE}</h1></div><div itemprop='articleBody'>{_paras(3)}</div></div>")
    item = ("<div class='article' itemscope itemtype='http://schema.org/Article'><h3><a href='/news/run'><span "
            "itemprop='headline'>Run</span></a></h3><div itemprop='description'><p>The run crosses the bridge.</p>"
            "<p>Sign up by Friday.</p></div><p><a href='/news/run'>More</a></p><div class='footer'><p><span "
            "class='news-list-category'>Sport</span></p></div></div>")
    html = f"<div class='row'><div class='col-md-8'>{detail}</div><div class='col-md-4'>{item}</div></div>"
    assert _page(html)["section"] is None


def test_a_plain_category_label_in_the_articles_microdata_item_is_the_section():
    # TYPO3 tx_news's detail view: the headline an <h3>, the category in the item's footer
    item = ("<div class='article' itemscope itemtype='http://schema.org/Article'><div class='header'><h3 "
            f"itemprop='headline'>{HEADLINE}</h3></div><div class='footer'><p><span class='news-list-category'>Haven"
            f"</span></p></div><div itemprop='articleBody'>{_paras(4)}</div></div>")
    assert _page(f"<h1 class='logo'>Harbour Post</h1><div class='news news-single'>{item}</div>")["section"] == "Haven"
    # a teaser card typed as an article names another story's
    card = ("<div itemscope itemtype='http://schema.org/Article'><span class='news-list-category'>Ferries</span>"
            "<h3 itemprop='headline'>Night ferry</h3><p>Late again.</p></div>")
    assert _page(f"<h1 class='logo'>Harbour Post</h1><div class='text'>{_paras(4)}</div>{card}")["section"] is None


_TX_NEWS = ("<div class='news news-single'><div class='article' itemscope itemtype='http://schema.org/Article'>"
            "<div class='header'>{headline}</div><div class='footer'><p><span class='news-list-date'><time "
            "itemprop='datePublished' datetime='2026-03-02'>02.03.2026</time></span>{label}</p></div>"
            "<div class='news-text-wrap'>{text}</div></div></div>")


def test_a_plain_category_label_in_a_microdata_item_holding_its_own_headline_is_the_section():
    # TYPO3 tx_news's detail view, its text not marked articleBody and no <h1>: the item's own
    # unlinked itemprop="headline" makes it the article's
    html = _TX_NEWS.format(headline=f"<h3 itemprop='headline'>{HEADLINE}</h3>", text=_paras(4),
                           label="<span class='news-list-category'>Bildung &amp; Familie</span>")
    assert _page(html)["section"] == "Bildung & Familie"


@pytest.mark.parametrize("headline, label", [
    # a list view's item: its headline a link to the story
    (f"<h3><a href='/news/cranes'><span itemprop='headline'>{HEADLINE}</span></a></h3>",
     "<span class='news-list-category'>Haven</span>"),
    # the detail view's tags, no category
    (f"<h3 itemprop='headline'>{HEADLINE}</h3>", "<span class='news-list-tags'>Kita</span>"),
])
def test_a_plain_label_of_a_teaser_item_or_a_tag_list_is_no_section(headline, label):
    assert _page(_TX_NEWS.format(headline=headline, text=_paras(4), label=label))["section"] is None


def test_a_plain_label_of_a_side_columns_item_headed_by_another_story_is_no_section():
    # a list view's item in a side column, its own headline unlinked but another story's; the
    # detail view beside it (its <h1>, its articleBody) prints no category
    side = _TX_NEWS.format(headline="<h3 itemprop='headline'>Wochenmarkt zieht in die Altstadt um</h3>",
                           text=_paras(3), label="<span class='news-list-category'>Wirtschaft</span>")
    detail = (f"<div class='article' itemscope itemtype='http://schema.org/Article'><h1 itemprop='headline'>"
              f"{HEADLINE}</h1><div itemprop='articleBody'>{_paras(4)}</div></div>")
    html = f"<div id='left'>{side}</div><div id='main'>{detail}</div>"
    assert _page(html)["section"] is None
    # the item printing the page's headline is the article's
    assert _page(side.replace("Wochenmarkt zieht in die Altstadt um", HEADLINE))["section"] == "Wirtschaft"


def test_a_plain_category_label_away_from_the_headline_is_not_the_section():
    # no <article>: a teaser list's plain label after the text names another story's section
    teasers = ("<div class='more'><div class='teaser'><a href='/ferries/1'>Ferry timetable changes</a>"
               "<span class='teaser-category'>Ferries</span></div></div>")
    html = f"<div class='page'><div class='content'><div class='story'><h1>{HEADLINE}</h1></div></div>" \
           f"<div class='text'>{_paras(4)}</div></div>{teasers}"
    assert _page(html)["section"] is None


def test_a_category_label_of_a_related_story_is_not_the_section():
    related = "<article class='teaser'><span class='post-category'><a href='/ferries/'>Ferries</a></span></article>"
    assert _page(f"<article>{ARTICLE}{related}</article>")["section"] is None


RELATED_ITEM = ("<div class='item'><a class='cat-links' href='/category/sport/' {rel}>Sport</a> "
                "<a href='/2025/03/10/rowing/'>Rowing club wins the spring regatta again</a></div>")


@pytest.mark.parametrize("box", [
    "<div class='related-posts'>{items}</div>",  # named a box of other stories
    "<div class='more-from'>{items}</div>",
    "<section><h3>More from Sport</h3>{items}</section>",  # a heading announcing one
])
@pytest.mark.parametrize("rel", ["rel='category tag'", ""])
def test_a_category_link_in_a_related_box_before_the_articles_own_is_not_the_section(box, rel):
    related = box.format(items=RELATED_ITEM.format(rel=rel) * 2)
    own = f"<div class='entry-meta'><span class='cat-links'><a href='/category/port/' {rel}>Port</a></span></div>"
    html = f"<div class='site'>{related}<div class='post'><h1>{HEADLINE}</h1>{own}{_paras(4)}</div></div>"
    assert _page(html)["section"] == "Port"


@pytest.mark.parametrize("wrapper", ["layout-with-related-posts", "site-content has-related", "no-related"])
def test_a_container_whose_class_names_a_related_boxs_layout_is_no_box(wrapper):
    # the wrapper of the whole page says it lays out a related box; it is none itself
    html = (f"<div class='{wrapper}'><div class='post-header'><span class='cat-links'><a href='/category/port/' "
            f"rel='category tag'>Port</a></span><h1>{HEADLINE}</h1></div>{_paras(4)}"
            "<div class='related-posts'>" + RELATED_ITEM.format(rel="rel='category'") + "</div></div>")
    assert _page(html)["section"] == "Port"


def test_a_pages_own_headline_opening_like_a_boxs_heading_announces_no_box():
    # Joomla's item-page opens with the article's headline; "Most popular …" there is the story's
    headline = "Most popular harbour walks of the year"
    html = _doc(f"<title>{headline} | Harbour News</title>",
                f"<div class='item-page'><h2><a href='/port/walks'>{headline}</a></h2><dl class='article-info'>"
                "<dd class='category-name'>Category: <a href='/port'>Port</a></dd></dl>"
                f"{_paras(4)}</div>")
    assert extract_article(html.encode(), URL).record["section"] == "Port"
    # the false friend: a box's heading that is no headline of the page still announces a box
    html = _doc(f"<title>{HEADLINE}</title>",
                f"<div class='story'><h1>{HEADLINE}</h1>{_paras(4)}</div><div class='box'><h3>Most popular</h3>"
                + RELATED_ITEM.format(rel="rel='category tag'") + "</div>")
    assert extract_article(html.encode(), URL).record["section"] is None


def test_a_posts_own_category_link_under_its_category_slug_class_is_the_section():
    # WordPress's post class names its categories' slugs: "category-popular" names no box
    html = (f"<div class='post type-post category-blog category-popular'><h1>{HEADLINE}</h1>{_paras(4)}"
            "<h2>Category: <a href='/category/blog/' rel='category tag'>Blog</a></h2></div>")
    assert _page(html)["section"] == "Blog"


@pytest.mark.parametrize("lang, label", [
    # a lead-in the vocabulary does not know, or a byline after the name: words around a name
    ("es", "Publicado en Política por Ana Gil"),
    ("hr", "Objavljeno u Vijesti"),
    ("en", "Stories filed today in Port news"),
    ("pl", "Wpis w kategorii Wiadomości"),
])
def test_a_category_line_of_words_around_a_name_gives_no_section(lang, label):
    html = _doc(f"<title>{HEADLINE}</title><meta property='og:type' content='article'>",
                f"<article><h1>{HEADLINE}</h1><span class='cat-links'>{label}</span>{_paras(4)}</article>")
    html = html.replace("<html>", f"<html lang='{lang}'>")
    assert extract_article(html.encode(), URL).record["section"] is None


@pytest.mark.parametrize("trail, section", [
    ("<a href='/'>Home</a> › <a href='/port/'>Port</a>", "Port"),
    # the article itself as the trail's last link (by its URL), then a back button
    (f"<a href='/'>Home</a> › <a href='/port/'>Port</a> › <a href='{URL}'>New cranes…</a>"
     "<a class='crumbs-back' href='/port/'>‹ Back</a>", "Port"),
    ("<a href='/'>Home</a> <a onclick='history.back()' href='#'>Zurück</a>", None),  # home alone names no section
    # utility pages and archives are no sections: search, login, a pager, a year or a month
    ("<a href='/'>Home</a> › <a href='/search/'>Search</a>", None),
    ("<a href='/'>Startseite</a> › <a href='/?s=kran'>Suchergebnisse</a>", None),
    ("<a href='/'>Home</a> › <a href='/account/login'>Sign in</a>", None),
    ("<a href='/'>Home</a> / <a href='/archive/'>Archive</a> / <a href='/2024/'>2024</a>", None),
    ("<a href='/'>Home</a> › <a href='/port/'>Port</a> › <a href='/port/2025/03/'>March 2025</a>", None),
    ("<a href='/'>Home</a> / <a href='/port/'>Port</a> / <a href='/port/page/2/'>Older stories</a>", None),
])
def test_the_section_is_the_printed_breadcrumb_before_the_article(trail, section):
    rec = _page(f"<nav class='breadcrumb'>{trail}</nav><article>{ARTICLE}</article>")
    assert rec["section"] == section


@pytest.mark.parametrize("label, section", [
    # Jannah's category link over the headline, Brightspot's section, a channel's label
    ("<span class='post-cat-wrap'><a class='post-cat tie-cat-12' href='/category/port/'>Port</a></span>", "Port"),
    ("<div class='ArticlePage-section'><a class='Link' href='/ports'>Ports</a></div>", "Ports"),
    ("<div class='Page-articleSection'><a href='/ports'>Ports</a></div>", "Ports"),
    ("<div class='article-channel'>Hafen</div>", "Hafen"),
    ("<div class='article-header__channel'><a href='/hafen/'>Hafen</a></div>", "Hafen"),
    # a bare channel is a broadcaster's, a video site's or a chat's
    ("<span class='channel'><a href='https://tv.example/sender/nord'>Nord TV</a></span>", None),
    ("<div class='yt-channel'><a href='https://video.example/@porttv'>Port TV</a></div>", None),
    ("<p class='chat-channel'>Join us: <a href='https://chat.example/c/1'>#harbour</a></p>", None),
])
def test_a_category_named_by_a_theme_or_a_channel_is_the_section(label, section):
    assert _page(f"<article>{label}<h1>{HEADLINE}</h1>{_paras(4)}</article>")["section"] == section


def test_a_channel_in_an_aside_is_no_section():
    aside = "<aside><div class='channel'><a href='/c/harbour-tv'>Harbour TV</a></div></aside>"
    assert _page(f"<article><h1>{HEADLINE}</h1>{aside}{_paras(4)}</article>")["section"] is None


@pytest.mark.parametrize("meta, section", [
    # a link printed after a label naming a category, in any language
    ("<div class='meta'><span>Κατηγορία: <a href='/limani/'>Λιμάνι</a></span></div>", "Λιμάνι"),
    ("<h3 class='print-meta'>Dział: <a href='/port'>Port</a></h3>", "Port"),
    ("<p><em>Rubrik: <a href='/hafen/'>Hafen</a></em></p>", "Hafen"),
    # another label's link is none: tags, an author
    ("<div class='meta'>Tags: <a href='/tag/cranes'>Cranes</a></div>", None),
    ("<div class='meta'>Autor: <a href='/autor/ann-weber'>Ann Weber</a></div>", None),
    # a spec sheet's row, a box's heading over its links
    ("<div class='facts'><p><b>Kategorie:</b> <a href='/boote/jollen/'>Jollen</a></p><p><b>Länge:</b> 4,2 m</p></div>",
     None),
    ("<div class='box'><h4>Rubriken</h4><a href='/hafen/'>Hafen</a> <a href='/sport/'>Sport</a></div>", None),
])
def test_a_link_after_a_printed_category_label_is_the_section(meta, section):
    assert _page(f"<article><h1>{HEADLINE}</h1>{meta}{_paras(4)}</article>")["section"] == section


@pytest.mark.parametrize("url, link, section", [
    # a plain link over the headline to the section the article's address lies under, named by its slug
    ("https://www.example.hr/vijesti/susa-na-jugu-123", "<a href='/vijesti/'>Vijesti</a>", "Vijesti"),
    ("https://www.example.pl/tygodnik/swiat/2116825,1,krolowa.read", "<a href='https://www.example.pl/tygodnik/swiat'>"
     "Świat</a>", "Świat"),
    ("https://www.example.de/magazin/fuehrung/staerken", "<div><a href='/magazin/fuehrung'>Führung</a></div>", "Führung"),
    # a link named otherwise, to a path with an item's number, holding a heading, or to another section
    ("https://www.example.de/blog/hafen", "<a href='/blog/'>Home</a>", None),
    ("https://www.example.com/fiction/34798/melas/chapter/1", "<a href='/fiction/34798/melas'>Melas</a>", None),
    ("https://www.example.com/port/cranes", "<a href='/port/'><h2>Port</h2></a>", None),
    ("https://www.example.hr/vijesti/susa-na-jugu-123", "<a href='/sport/'>Sport</a>", None),
    # a language switcher's, an author's or a menu's link is none
    ("https://www.example.eu/de/hafen-streik", "<div class='lang-switch'><a href='/de/'>DE</a> <a href='/fr/'>FR</a></div>",
     None),
    ("https://www.example.eu/it/sciopero-porto", "<a href='/it/' hreflang='it'>It</a>", None),
    ("https://blogs.example.cz/eva-kralova/proc-odchazim", "<a class='blog-author' href='/eva-kralova/'>Eva Králová</a>",
     None),
    ("https://www.example.hr/vijesti/susa-na-jugu-123", "<nav><a href='/vijesti/'>Vijesti</a></nav>", None),
])
def test_a_link_over_the_headline_to_the_section_holding_the_article_is_the_section(url, link, section):
    html = _doc(f"<title>{HEADLINE}</title>", f"<article>{link}<h1>{HEADLINE}</h1>{_paras(4)}</article>")
    assert extract_article(html.encode(), url).record["section"] == section


def test_a_category_label_in_a_meta_line_under_the_text_is_the_section_a_boxs_heading_none():
    meta = "<div class='metainfo'><em>Rubrik: <a href='/hafen/'>Hafen</a><br><p>Erschienen: 07.02.2022</p></em></div>"
    assert _page(f"<div class='post'><h1>{HEADLINE}</h1>{_paras(4)}{meta}</div>")["section"] == "Hafen"
    box = "<div class='widget'><h4>Rubriken</h4><a href='/politik/'>Politik</a> <a href='/sport/'>Sport</a></div>"
    assert _page(f"<div class='post'><h1>{HEADLINE}</h1>{_paras(4)}</div>{box}")["section"] is None


def test_a_link_under_the_headline_to_the_section_is_not_read_as_its_label():
    html = _doc(f"<title>{HEADLINE}</title>", f"<article><h1>{HEADLINE}</h1><p>More news from the "
                f"<a href='/vijesti/'>Vijesti</a> desk.</p>{_paras(4)}</article>")
    assert extract_article(html.encode(), "https://www.example.hr/vijesti/susa-na-jugu-123").record["section"] is None


def test_a_reader_comment_or_an_author_box_label_gives_no_author():
    comments = ("<section class='kommentare'><div class='kommentar'><span class='autor'>Heinz Maler</span>"
                "<p>Ein Leser meint etwas dazu.</p></div></section>")
    assert _page(f"<article>{ARTICLE}</article>{comments}")["authors"] == []
    box = "<div class='autor-info'><span class='autor'>Über die Autorin</span></div>"
    assert _page(f"<article>{ARTICLE}{box}</article>")["authors"] == []
    byline = "<p class='autor'>Von Klara Weiss</p>"
    assert _page(f"<article><h1>{HEADLINE}</h1>{byline}{_paras(4)}</article>{comments}")["authors"] == ["Klara Weiss"]


_ENTRY = ("<article class='post type-post'><header class='entry-header'>{over}<h1 class='entry-title'>{h}</h1>"
          "<div class='entry-meta'>By <a href='/author/mara/'>Mara</a></div></header>"
          "<div class='entry-content'>{text}</div>{under}</article>")


@pytest.mark.parametrize("terms", [
    # Astra, Kadence, OceanWP, Soledad: the post's term list over the headline, no rel="category"
    "<div class='ast-terms-link'><a href='/categoria/porto/'>Porto</a></div>",
    "<div class='entry-taxonomies'><span class='category-links term-links'><a href='/categoria/porto/' rel='tag'>"
    "Porto</a></span></div>",
    "<ul class='meta'><li class='meta-cat'><i class='icon-folder'></i><a href='/categoria/porto/'>Porto</a></li></ul>",
    "<div class='post-box-meta'><span class='cat'><a href='/categoria/porto/'>Porto</a></span></div>",
])
def test_a_themes_term_list_over_the_headline_is_the_section(terms):
    html = _ENTRY.format(over=terms, h=HEADLINE, text=_paras(4), under="")
    assert _page(html)["section"] == "Porto"


def test_a_themes_term_list_under_the_text_is_no_section():
    # the same list printed in the entry footer holds the post's tags
    under = "<footer class='entry-footer'><div class='ast-terms-link'><a href='/tag/gruas/'>gruas</a></div></footer>"
    assert _page(_ENTRY.format(over="", h=HEADLINE, text=_paras(4), under=under))["section"] is None


_ASTRA_META = ("<div class='entry-meta'><span class='ast-terms-link'><a href='{href}'{rel}>{name}</a></span> / By "
               "<span class='posted-by vcard author'><a class='url fn n' href='/author/anna/' rel='author'>"
               "<span class='author-name'>Anna Berg</span></a></span></div>")
_ASTRA_ENTRY = ("<article class='post type-post hentry {classes}'><header class='entry-header'>"
                "<h1 class='entry-title'>{h}</h1>{meta}</header><div class='entry-content'>{text}</div>"
                "<footer class='entry-footer'>{under}</footer></article>")


def _astra(meta: str = "", text: str = "", under: str = "", classes: str = "category-schule") -> str:
    return _ASTRA_ENTRY.format(classes=classes, h=HEADLINE, meta=meta, text=text or _paras(4), under=under)


def _meta(href: str, name: str = "Schule", rel: str = "") -> str:
    return _ASTRA_META.format(href=href, name=name, rel=f" rel='{rel}'" if rel else "")


@pytest.mark.parametrize("html", [
    # Astra prints the post's categories in its meta line under the headline: a category's address,
    # rel="category", the slug of the post's category class (a category base stripped)
    _astra(_meta("/category/schule/")),
    _astra(_meta("/kategorie/schule/")),
    _astra(_meta("/schule/", rel="category tag")),
    _astra(_meta("/schule/")),
    _astra(_meta("/?cat=4")),
    # the meta line a paragraph of its own in the header
    _astra(_meta("/category/schule/").replace("<div class='entry-meta'>", "<p class='entry-meta'>")
           .replace("</span></div>", "</span></p>")),
    # OceanWP's meta list right under the header
    _astra().replace("</header>", "</header><ul class='meta'><li class='meta-cat'><a href='/category/schule/'>Schule"
                                  "</a></li></ul>"),
])
def test_a_themes_term_list_in_the_meta_line_under_the_headline_is_the_section(html):
    assert _page(html)["section"] == "Schule"


_RELATED_CARD = ("<div class='wp-block-group read-also'><strong>Lesen Sie auch</strong><div class='ast-row'>"
                 "<div class='ast-col'><span class='ast-terms-link'><a href='/category/sport/'>Sport</a></span><h4>"
                 "<a href='/2026/03/10/lauf/'>Der Stadtlauf kommt zurück</a></h4></div></div></div>")


@pytest.mark.parametrize("html", [
    # the meta line's tags: a tag's address, a tag base in the site's language and the post's tag class,
    # plain permalinks' ?tag=, a rel="tag" under a base that names no category
    _astra(_meta("/tag/kita/", "Kita")),
    _astra(_meta("/schlagwort/kita/", "Kita"), classes="category-allgemein tag-kita"),
    _astra(_meta("/?tag=kita", "Kita")),
    _astra(_meta("/thema/kita/", "Kita", rel="tag"), classes="category-allgemein"),
    # a link to the front page
    _astra(_meta("/", "Startseite")),
    # a term list under the text's first paragraph, a related box's category label
    _astra(text=_paras(4) + "<div class='ast-terms-link'><a href='/category/sport/'>Sport</a></div>", classes=""),
    _astra(under=_RELATED_CARD, classes=""),
    # a related story's card in the text before its first paragraph
    _astra(text=_RELATED_CARD + _paras(4), classes=""),
    # a recipe card's bare "cat" under the headline
    _astra(text="<div class='recipe-card'><ul class='recipe-meta'><li class='cat'><a href='/vrsta-jela/glavna/'>"
                "Glavna jela</a></li><li class='time'>3 sata</li></ul></div>" + _paras(4), classes=""),
])
def test_a_term_list_under_the_headline_that_names_no_category_is_no_section(html):
    assert _page(html)["section"] is None


@pytest.mark.parametrize("over", [
    # a term list of tags, a language switcher's item named for Catalan, a link to the terms of use
    "<div class='entry-meta'><span class='ast-terms-link'><a href='/tag/gruas/' rel='tag'>Gruas</a>, "
    "<a href='/tag/porto/' rel='tag'>Porto</a></span></div>",
    "<ul class='langs'><li class='lang-cat'><a href='/ca/'>Català</a></li><li class='lang-es'><a href='/es/'>"
    "Castellano</a></li></ul>",
    "<div class='notice'><span class='terms-link'><a href='/terms-of-use/'>Terms of use</a></span></div>",
])
def test_a_list_over_the_headline_that_is_no_themes_category_list_is_no_section(over):
    html = _ENTRY.format(over=over, h=HEADLINE, text=_paras(4), under="")
    assert _page(html)["section"] is None


@pytest.mark.parametrize("href, classes", [
    # plain permalinks' tag; a tag base in the site's language, the slug the post's tag class names
    ("/?tag=kita", "post type-post"),
    ("/schlagwort/kita/", "post type-post category-allgemein tag-kita"),
])
def test_a_themes_term_list_over_the_headline_leading_to_a_tag_is_no_section(href, classes):
    over = f"<div class='ast-terms-link'><a href='{href}'>Kita</a></div>"
    html = _ENTRY.format(over=over, h=HEADLINE, text=_paras(4), under="").replace("'post type-post'", f"'{classes}'")
    assert _page(html)["section"] is None
