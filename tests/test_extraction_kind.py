"""What a page is (:mod:`newsbot.extraction.kind`): articles by structured data, by
``article:published_time``, by a dated headline over running text (short briefs included) or
by a long text; fronts by their type or their teaser lists, whatever their URL."""
from __future__ import annotations

import re

import pytest
from sitekit import load_site, site_pages

from newsbot.extraction import extract_article
from newsbot.extraction.page import Page
from newsbot.extraction.record import Fields

SITE = load_site("harbour_post")
PAGES = {url.removeprefix(SITE["origin"]): body for url, body, *_ in site_pages(SITE)}
TEASER = ('<article><h3><a href="/s/{n}">Harbour board names a new chair for story {n}</a></h3>'
          '<time datetime="2025-03-0{n}">{n} March</time></article>')
PARA = "<p>The ferry company said the new boats would be delivered in two batches, the first next spring.</p>"


def kind(html: str | bytes, url: str = "https://www.harbourpost.example/x") -> tuple[bool, str]:
    return Fields(Page(html, url)).kind


@pytest.mark.parametrize("path, expected", [
    ("/stories/2025/03/dredging-plan-for-the-outer-harbour", (True, "typed")),
    ("/stories/2025/03/a-night-on-the-pilot-boat", (True, "typed")),  # ReportageNewsArticle
    ("/stories/2025/03/ferry-timetable-changes-for-spring", (True, "published_meta")),
    ("/stories/2025/03/crane-inspection-closes-quay-four", (True, "dated_headline")),  # a brief
    ("/topics/shipping", (False, "teaser_run")),  # its running text: one line of introduction over its teasers
    ("/authors/lena-dahl", (False, "front_typed")),  # ProfilePage, three paragraphs of biography
    ("/sections/ports", (False, "teaser_run")),
    ("/", (False, "front")),  # its running text: the links of its menu and teasers
])
def test_fixture_site_pages(path, expected):
    assert kind(PAGES[path], SITE["origin"] + path) == expected


def test_untyped_article_with_related_teasers_is_an_article():
    html = ("<html><body><h1>New ferries ordered for the island routes</h1>"
            '<p class="by"><time datetime="2025-03-04T10:00:00+01:00">4 March</time></p>'
            + PARA * 3 + "<aside>" + "".join(TEASER.format(n=n) for n in range(1, 6)) + "</aside></body></html>")
    assert kind(html) == (True, "dated_headline")


BRIEF = ("<html><body><main><h1>Havnen får ny færgeplan</h1>{line}"
         "<p>Rederiet oplyser, at de to nye færger sættes ind på ruten fra næste forår.</p>"
         "<p>Havnebestyrelsen godkendte planen på sit møde i aftes.</p>{tail}</main></body></html>")


@pytest.mark.parametrize("line", [
    '<div class="meta"><span class="writer">Af Mette Holm</span> <span class="posted">04.03.2025, 10:15</span></div>',
    '<p class="meta">Mette Holm · 4. marts 2025 kl. 10.15</p>',  # a day with its month's name
    '<div class="layout-date"><span>14-03-2025 - 10:15</span></div>',  # day, month, year with dashes
    '<div class="layout-date"><span>04-03-2025 - 10:15</span></div>',
])
def test_brief_under_a_printed_date_line_is_an_article(line):
    # no <time>, no meta, no structured data: the date line printed under the headline dates it
    assert kind(BRIEF.format(line=line, tail="")) == (True, "dated_headline")


def test_a_date_printed_in_a_teaser_does_not_date_the_headline():
    teaser = '<ul><li><a href="/a">Kranen er flyttet</a> <span class="date">04.03.2025</span></li></ul>'
    assert kind(BRIEF.format(line=teaser, tail="")) == (False, "no_evidence")


def test_untyped_undated_article_beside_many_teasers_keeps_its_text():
    # no h1, no date, og:type website: its own long text is no list of the teasers' headlines
    html = ('<html><head><meta property="og:type" content="website"></head><body><h2>Hotel reopens as a stage</h2>'
            + PARA * 6 + "<aside>" + "".join(TEASER.format(n=n) for n in range(1, 8)) + "</aside></body></html>")
    assert kind(html) == (True, "long_text")


def test_long_untyped_text_without_date_is_still_an_article():
    assert kind("<html><body><h1>Letters to the editor</h1>" + PARA * 6 + "</body></html>") == (True, "long_text")


def test_a_bare_list_of_links_is_a_front():
    # no type, no date, the links in list items (no headings, no <article>): the extracted text is theirs
    items = "".join(f'<li><a href="/world/story-{n}">Ministers agree on new harbour rules, part {n}</a></li>'
                    for n in range(40))
    html = ('<html lang="en"><head><title>World | Harbour Post</title><meta property="og:type" content="website">'
            '</head><body><nav><a href="/">Home</a><a href="/world">World</a></nav><main><h1>World</h1>'
            f"<ul>{items}</ul></main><footer>© 2025 Harbour Post</footer></body></html>")
    assert kind(html) == (False, "front")
    # an article with a list of related links keeps its own text apart from theirs
    related = "".join(f'<li><a href="/world/story-{n}">Related: harbour story {n}</a></li>' for n in range(8))
    article = f"<html><body><h1>New ferries ordered</h1>{PARA * 6}<ul>{related}</ul></body></html>"
    assert kind(article) == (True, "long_text")


def test_headline_without_running_text_is_not_an_article():
    html = ('<html><body><h1>Register for the harbour open day</h1><time datetime="2025-03-04">4 March</time>'
            "<form><input name=email><button>Register</button></form></body></html>")
    assert kind(html) == (False, "no_evidence")


def test_collection_page_is_a_front_even_with_text():
    html = ('<html><head><script type="application/ld+json">{"@type": "CollectionPage", "name": "Ports"}</script>'
            "</head><body><h1>Ports</h1>" + PARA * 6 + "</body></html>")
    assert kind(html) == (False, "front_typed")


def test_extract_article_reports_the_kind():
    assert extract_article(PAGES["/topics/shipping"], SITE["origin"] + "/topics/shipping").is_article is False
    brief = "/stories/2025/03/crane-inspection-closes-quay-four"
    assert extract_article(PAGES[brief], SITE["origin"] + brief).is_article is True


CARD = ('<article class="card"><h2><a href="/s/{n}">Harbour board names a new chair for story {n}</a></h2>'
        '<p>The board met on Monday and chose a chair from the shipping trade for the {n}th time.</p>'
        '<time>{n} March 2025</time></article>')


def test_an_untyped_author_page_of_teaser_cards_is_a_front():
    # no og:type profile, no JSON-LD: a name, a biography, and cards whose headlines the body leaves out
    html = ('<html lang="en"><body><main><div class="writer-head"><h1>Lena Dahl</h1><p class="bio">Lena Dahl '
            'writes about ports and shipping. She worked for a regional paper in the north before.</p></div>'
            '<div class="list">' + "".join(CARD.format(n=n) for n in range(1, 6)) + "</div></main></body></html>")
    assert kind(html) == (False, "teaser_run")
    # an article with cards of related stories keeps its own text
    article = ("<html><body><h1>New ferries ordered</h1>" + PARA * 6 + '<div class="more">'
               + "".join(CARD.format(n=n) for n in range(1, 6)) + "</div></body></html>")
    assert kind(article) == (True, "long_text")


ITEM = ('<li><a href="/s/{n}">Harbour board names a new chair for story {n}</a> <span class="date">{n} March 2025'
        '</span><p>The board met on Monday and chose a chair from the shipping trade, the {n}th in a row.</p></li>')
ROW = ('<div class="views-row"><div class="views-field views-field-title"><span class="field-content">'
       '<a href="/s/{n}">Harbour board names a new chair for story {n}</a></span></div>'
       '<div class="views-field views-field-body"><div class="field-content"><p>The board met on Monday and chose '
       'a chair from the shipping trade, the {n}th in a row.</p></div></div>'
       '<div class="views-field views-field-created">0{n}.03.2025</div></div>')


LINK_CARD = ('<a class="tile" href="/s/{n}"><h3>Harbour board names a new chair for story {n}</h3><p>The board met '
             'on Monday and chose a chair from the shipping trade, the {n}th in a row.</p></a>')


POST = ("<div class='post'><time datetime='2025-03-0{n}'>{n} March 2025</time> <a href='/s/{n}'>Harbour board "
        "names a new chair for story {n}</a><p>The board met on Monday and chose a chair from the shipping trade, "
        "the {n}th in a row.</p></div>")


@pytest.mark.parametrize("units", [
    "<ul class='archive'>" + "".join(ITEM.format(n=n) for n in range(1, 6)) + "</ul>",  # an archive's list items
    "<div class='tiles'>" + "".join(LINK_CARD.format(n=n) for n in range(1, 6)) + "</div>",  # cards printed as links
    # the units' dates beside the page's heading date no headline
    "<div class='posts'>" + "".join(POST.format(n=n) for n in range(1, 6)) + "</div>",
    "<div class='view-content'>" + "".join(ROW.format(n=n) for n in range(1, 6)) + "</div>",  # a Drupal view
])
def test_an_untyped_list_of_repeated_teaser_units_is_a_front(units):
    # no type, no date beside the heading, no headings around the links: the units' excerpts are the text
    html = ('<html lang="en"><head><meta property="og:type" content="website"></head><body><main>'
            f"<h1>Archive: March 2025</h1>{units}</main></body></html>")
    assert kind(html) [0] is False


def test_an_article_with_a_related_list_or_a_list_of_linked_sentences_stays_an_article():
    # a related list of teaser units after the article's own text
    related = "<ul class='related'>" + "".join(ITEM.format(n=n) for n in range(1, 6)) + "</ul>"
    assert kind(f"<html><body><h1>New ferries ordered</h1>{PARA * 6}{related}</body></html>") == (True, "long_text")
    # a round-up whose list items are sentences with a link in them: running text, no teasers
    items = "".join(f'<li>The board said that <a href="/s/{n}">the harbour board named a new chair</a> on Monday, '
                    f"the {n}th change this year, and more changes follow.</li>" for n in range(1, 7))
    assert kind(f"<html><body><h1>The week at the harbour</h1><ul>{items}</ul></body></html>") == (True, "long_text")


def test_a_drupal_7_views_numbered_rows_are_teaser_units():
    rows = "".join(ROW.format(n=n).replace('class="views-row"', f'class="views-row views-row-{n} views-row-'
                                           f'{"odd" if n % 2 else "even"}"') for n in range(1, 6))
    html = ('<html lang="en"><head><meta property="og:type" content="website"></head><body><main>'
            f"<h1>News of March 2025</h1><div class='view-content'>{rows}</div></main></body></html>")
    assert kind(html) == (False, "teaser_run")


ENTRY = ("<div class='ticker-entry' id='e{n}'><time datetime='2025-03-04T10:1{n}'>10:1{n}</time><p>The new ferry "
         "is in sight now, {n} minutes out; it sails slowly because of the fog over the harbour.</p>"
         "<a class='share' href='#e{n}'>Copy the link to this entry</a></div>")
PROJECT = ("<div class='project'><a href='/projects/p{n}'>A green quay wall for the north harbour {n}</a><p>Climbing "
           "plants would grow along the old wall and give shade in summer, the club that proposed it says.</p></div>")
ROWS = ("<div class='container'><div class='row'><div class='col'><a href='/news'>Back to the list of all notices"
        "</a> <span class='date'>04.03.2025</span></div></div><div class='row'><div class='col'><h1>Ferry cancelled on "
        "Saturday</h1></div></div><div class='row'><div class='col'><p>Because of works on the pier the ferry to the "
        "island does not run on Saturday. A bus takes the bridge instead, every hour from six in the morning.</p>"
        "<p>The timetable applies again on "
        "Sunday.</p></div></div><div class='row'><div class='col'><p>Town hall, Harbour Road 1</p></div></div></div>")


@pytest.mark.parametrize("body", [
    # a live ticker's entries each link to themselves: no other page, no teasers
    "<h1>Live: the new ferry's first crossing</h1><div class='entries'>"
    + "".join(ENTRY.format(n=n) for n in range(6)) + "</div>",
    # the entries' links to pages of their own, each printed alike: no headlines
    "<h1>Live: the new ferry's first crossing</h1><div class='entries'>"
    + "".join(ENTRY.format(n=n).replace("href='#e", "href='/live/ferry?entry=") for n in range(6)) + "</div>",
    # a round-up presenting projects, each a link over its description, no date: the article's text
    "<h1>Five projects for the harbour</h1><p>Until the end of April the people of the town can vote on which "
    "project of the citizens' budget comes first; five proposals are on the list.</p><div class='projects'>"
    + "".join(PROJECT.format(n=n) for n in range(5)) + "</div>",
    # a brief in a grid's rows, one row holding a link back to the list and the date
    ROWS,
])
def test_an_untyped_article_with_rows_or_entries_is_no_front(body):
    is_article, _ = kind(f"<html lang='en'><body>{body}</body></html>")
    assert is_article


DAY = ("<div class='day day-{n}'><p class='when'>{n} March 2025</p><p>On day {n} the harbour board met again and "
       "decided that the old cranes stay on the north quay, which the campaign celebrated that evening.</p>"
       "<p><a href='/s/{n}'>Harbour board keeps the old cranes on the quay, day {n}</a></p></div>")


def test_a_round_up_telling_each_story_before_its_link_is_no_front():
    days = "".join(DAY.format(n=n) for n in range(1, 6))
    is_article, _ = kind("<html lang='en'><body><main><div class='content'><h1>The week at the harbour</h1>"
                         "<p class='intro'>What mattered at the harbour this week, gathered for you in one look "
                         f"back.</p>{days}<p class='author'>Put together by Ann Weber</p></div></main></body></html>")
    assert is_article
    # teaser cards print their headline link first, the excerpt after it: a front
    cards = "".join(POST.format(n=n).replace("<p>", "<p>A long excerpt follows: ") for n in range(1, 6))
    assert kind("<html lang='en'><head><meta property='og:type' content='website'></head><body><main>"
                f"<h1>News of March 2025</h1><div class='posts'>{cards}</div></main></body></html>") == (False, "teaser_run")


RELATED_ROW = ("<div class='row'><div class='col'><a href='/news/notice-{n}'>Harbour office notice number {n} on the "
               "quay works</a> <span class='date'>0{n}.02.2025</span></div></div>")


@pytest.mark.parametrize("related", [3, 4])
def test_rows_before_and_after_the_headlines_row_are_no_one_list(related):
    # a brief's grid: a back link with the brief's date above its headline's row, "more notices" rows below
    more = "<div class='row'><div class='col'><h2>More notices</h2></div></div>" + "".join(
        RELATED_ROW.format(n=n) for n in range(1, related + 1))
    assert kind(f"<html lang='en'><body>{ROWS.replace('</div></div></div>', '</div></div>' + more + '</div>')}"
                "</body></html>") == (True, "dated_headline")


def _wp_entry(n: int, whole: bool = False) -> str:
    # a WordPress theme's archive entry: the post's date, its excerpt (or the whole post), its headline
    text = ("<p>A câmara aprovou o plano de mobilidade para a zona ribeirinha, com mais ciclovias e menos "
            "lugares de estacionamento junto ao rio, anunciou ontem a vereadora responsável.</p>") * (4 if whole else 1)
    return (f'<article id="post-{n}" class="post-{n} post type-post status-publish format-standard hentry">'
            f'<div class="entry-meta"><time class="entry-date published" datetime="2025-03-{n:02d}T09:10:00+00:00">'
            f'{n} de março de 2025</time></div><div class="entry-summary">{text}</div>'
            f'<h2 class="entry-title"><a href="https://porto.example.pt/2025/03/{n:02d}/entrada-{n}/" rel="bookmark">'
            f'Câmara aprova o plano de mobilidade número {n}</a></h2></article>')


def _wp_page(body_class: str, entries: str, head: str = "") -> str:
    return (f'<html lang="pt-PT"><head><title>março 2025 - Jornal do Porto</title>{head}</head>'
            f'<body class="{body_class}"><main><header class="page-header"><h1 class="page-title">Mês: '
            f'<span>março 2025</span></h1></header>{entries}</main></body></html>')


@pytest.mark.parametrize("body_class, head", [
    ("archive date wp-theme-newsup", ""),
    # the theme prints og:type article on every page: the archive's body says otherwise
    ("archive category category-cidade", '<meta property="og:type" content="article">'),
    ("search search-results", ""),
])
def test_a_wordpress_archive_or_search_page_is_a_front(body_class, head):
    # three posts printed whole: neither a teaser list by its share of text nor a dated headline
    html = _wp_page(body_class, "".join(_wp_entry(n, whole=True) for n in (5, 14, 21)), head)
    assert kind(html, "https://porto.example.pt/category/cidade/") == (False, "listing")


def test_a_month_archive_address_over_dated_entries_is_a_front():
    html = _wp_page("hfeed", "".join(_wp_entry(n, whole=True) for n in (5, 14, 21, 28)))
    assert kind(html, "https://porto.example.pt/2025/03/") == (False, "listing")
    # the same entries under a post's address: no listing by the address
    assert kind(html, "https://porto.example.pt/2025/03/28/entrada-28/")[1] != "listing"


def test_a_wordpress_post_and_a_blog_home_are_no_listing():
    post = ('<html lang="pt-PT"><body class="post-template-default single single-post postid-28"><main>'
            '<article class="post-28 post type-post hentry"><h1 class="entry-title">Câmara aprova o plano de '
            'mobilidade</h1><time class="entry-date published" datetime="2025-03-28T09:10:00+00:00">28 de março</time>'
            + "<p>A câmara aprovou o plano de mobilidade para a zona ribeirinha, com mais ciclovias e menos lugares "
              "de estacionamento junto ao rio, anunciou ontem a vereadora responsável.</p>" * 4
            + '</article><section class="related-posts">' + "".join(_wp_entry(n) for n in (5, 14, 21))
            + "</section></main></body></html>")
    assert kind(post, "https://porto.example.pt/2025/03/28/entrada-28/") == (True, "dated_headline")
    # the posts index prints its newest post whole: read as an article, as before
    assert kind(_wp_page("blog", _wp_entry(28, whole=True)), "https://porto.example.pt/")[1] != "listing"


SEARCH_HIT = ('<div class="search-result"><h3><a href="https://rannikko.example.fi/uutiset/{slug}/">{title}</a></h3>'
              '<p class="search-result-meta">{day}.3.2025 klo 14.05</p><p>{text}</p></div>')
HITS = [("nosturit", "Sataman nosturit palaavat töihin myrskyn jälkeen",
         "Kaksi myrskyssä kaatunutta nosturia on nostettu takaisin laiturille, ja liikenteen odotetaan palaavan "
         "normaaliksi ennen kesää, kertoo satamayhtiö tiedotteessaan."),
        ("lautta", "Satamaan tulee uusi lauttayhteys Tallinnaan",
         "Varustamo aloittaa kesäkuussa päivittäiset vuorot, ja kaupunki rakentaa terminaalin viereen uuden "
         "pysäköintialueen autoille ja pyörille."),
        ("tulos", "Sataman tulos parani viime vuonna selvästi",
         "Konttiliikenne kasvoi yhdeksän prosenttia ja risteilymatkustajia kävi ennätysmäärä, minkä ansiosta "
         "liikevoitto nousi odotettua paremmaksi.")]


def _results(box: str = "") -> str:
    hits = "".join(SEARCH_HIT.format(slug=s, title=t, text=x, day=d) for d, (s, t, x) in zip((12, 4, 2), HITS))
    return (f'<html lang="fi"><head><title>Haku: satama</title></head><body><main>'
            f'<h1>Hakutulokset haulle: satama</h1><div class="{box}">{hits}</div></main></body></html>')


def test_search_results_are_a_front():
    # three results with dates and excerpts: a search's query in the address, or a results box
    assert kind(_results(), "https://rannikko.example.fi/?s=satama") == (False, "listing")
    assert kind(_results("search-results"), "https://rannikko.example.fi/haku/satama") == (False, "listing")
    # without either, three teasers are too few to tell
    assert kind(_results(), "https://rannikko.example.fi/haku/satama")[1] != "listing"


def test_an_article_reached_with_a_query_in_its_address_is_no_listing():
    # a highlight's query after an article's address: its own text, its related headlines below
    related = "".join(SEARCH_HIT.format(slug=s, title=t, text="", day=d) for d, (s, t, _) in zip((12, 4, 2), HITS))
    html = ('<html lang="fi"><body><main><article><h1>Satama saa uudet nosturit kesäksi</h1>'
            + "".join(f"<p>Satamayhtiö tilasi kaksi uutta nosturia, jotka saapuvat proomulla kesäkuun alussa ja "
                      f"otetaan käyttöön heti, kun laiturin {n}. osan korjaus on valmis ja tarkastajat ovat "
                      "hyväksyneet sen.</p>" for n in (1, 2, 3))
            + f"</article><section>{related}</section></main></body></html>")
    assert kind(html, "https://rannikko.example.fi/uutiset/nosturit/?q=satama") == (True, "long_text")


def test_a_site_calling_an_old_articles_page_archive_is_no_wordpress_listing():
    # "archive" alone, without WordPress's kind of archive beside it, is a site's own name
    html = _wp_page("archive", "".join(_wp_entry(n, whole=True) for n in (5, 14, 21)))
    assert kind(html, "https://porto.example.pt/arquivo/camara")[1] != "listing"


NEWS_ITEM = ('<div class="article articletype-0" itemscope="itemscope" itemtype="http://schema.org/Article">'
             '<div class="header"><h3><a href="/aktuelles/detail/{slug}"><span itemprop="headline">{title}</span></a>'
             '</h3></div><div class="teaser-text"><div itemprop="description"><p>{text}</p></div></div>'
             '<div class="footer"><span class="news-list-date"><time itemprop="datePublished" datetime="2025-03-{day}">'
             '{day}.03.2025</time></span></div></div>')
NEWS = [("buslinie", "Neue Buslinie zum Bahnhof ab April", "Ab dem ersten April fährt die neue Linie 7 im "
         "Halbstundentakt vom Marktplatz über das Schulzentrum bis zum Bahnhof und zurück.", "12"),
        ("stadthalle", "Sanierung der Stadthalle beginnt im Sommer", "Der Stadtrat hat die Mittel freigegeben: "
         "Dach, Heizung und Bühnentechnik werden in zwei Bauabschnitten bis Ende des kommenden Jahres erneuert.", "05"),
        ("sprechstunde", "Bürgersprechstunde des Bürgermeisters im März", "Bürgerinnen und Bürger können ihre "
         "Anliegen am kommenden Dienstag ohne Anmeldung im Sitzungssaal des Rathauses vortragen.", "02")]
NEWS_LIST = ('<div class="news"><div class="news-list-view">'
             + "".join(NEWS_ITEM.format(slug=s, title=t, text=x, day=d) for s, t, x, d in NEWS) + "</div></div>")


def test_a_typo3_news_list_view_is_a_front():
    # each entry is a microdata Article whose headline is a link: a list, not the page's article
    html = f'<html lang="de"><body><main><h1>Aktuelles</h1>{NEWS_LIST}</main></body></html>'
    assert kind(html, "https://www.lindenau.example.de/aktuelles") == (False, "listing")


@pytest.mark.parametrize("headline, paragraphs", [
    ("Wochenmarkt zieht auf den Rathausplatz",
     "<p>Der Wochenmarkt findet ab Mai auf dem Rathausplatz statt, weil der Marktplatz bis zum Herbst neu "
     "gepflastert wird; die Stände bleiben in derselben Reihenfolge.</p>" * 3),
    # the list's teasers print more text than the story itself: the page's own headline decides
    ("Wochenmarkt zieht um",
     "<p>Der Wochenmarkt findet ab Mai auf dem Rathausplatz statt.</p><p>Die Stände bleiben gleich.</p>"),
])
def test_a_typo3_news_detail_with_a_list_view_below_is_an_article(headline, paragraphs):
    detail = ('<div class="news news-single"><div class="article" itemscope="itemscope" '
              f'itemtype="http://schema.org/Article"><h1 itemprop="headline">{headline}</h1>'
              f'<div class="news-text-wrap" itemprop="articleBody">{paragraphs}</div></div></div>')
    html = f'<html lang="de"><body><main>{detail}<h2>Weitere Meldungen</h2>{NEWS_LIST}</main></body></html>'
    assert kind(html, "https://www.lindenau.example.de/aktuelles/detail/wochenmarkt")[0] is True


def test_a_list_view_under_an_untyped_heading_stays_a_front_with_a_short_intro():
    # no article type: the page's heading and a short intro over the list are the list page's
    html = (f'<html lang="de"><body><main><h1>Aktuelles</h1><p>Neuigkeiten aus der Gemeinde.</p>{NEWS_LIST}'
            '</main></body></html>')
    assert kind(html, "https://www.lindenau.example.de/aktuelles") == (False, "listing")


def _ld(obj: dict) -> str:
    import json
    return f'<script type="application/ld+json">{json.dumps(obj)}</script>'


def _wp_category_excerpts() -> tuple[str, str]:
    # a theme printing og:type article everywhere and no body classes: Yoast's CollectionPage, a next page
    posts = "".join(
        f'<article id="post-{n}" class="post-{n} post type-post status-publish"><header class="entry-header">'
        f'<h2 class="entry-title"><a href="https://www.notizie.example.it/2025/03/{n:02d}/consiglio-{n}/">Il consiglio '
        f'comunale approva il bilancio numero {n}</a></h2><div class="entry-meta"><time class="entry-date" '
        f'datetime="2025-03-{n:02d}T10:00:00+01:00">{n} marzo 2025</time></div></header><div class="entry-summary">'
        "<p>Il consiglio comunale ha approvato ieri sera il bilancio di previsione con i voti della maggioranza, "
        "mentre l'opposizione ha chiesto più fondi per le scuole e per le strade di periferia.</p></div></article>"
        for n in (3, 7, 12, 18, 21))
    return ('<html lang="it"><head><title>Politica Archivi - Notizie</title><meta property="og:type" content="article">'
            + _ld({"@context": "https://schema.org", "@graph": [{"@type": "CollectionPage", "name": "Politica"}]})
            + '<link rel="next" href="https://www.notizie.example.it/category/politica/page/2/"></head>'
            '<body class="wp-theme-notizie"><main id="main"><header class="page-header"><h1 class="page-title">Politica'
            f"</h1></header>{posts}</main></body></html>", "https://www.notizie.example.it/category/politica/")


def _fr_search() -> tuple[str, str]:
    hits = "".join(
        f'<div class="resultat"><h3><a href="/actualites/port-{n}">Travaux sur le port : la phase {n} commence en avril'
        f'</a></h3><p>Les travaux de réaménagement du <strong>port</strong> se poursuivent ; la circulation sera déviée '
        f'pendant trois semaines sur le quai numéro {n}.</p><span class="date">{n:02d}/03/2025</span></div>'
        for n in range(1, 8))
    return ('<html lang="fr"><head><title>Recherche | Ville de Portville</title><meta property="og:type" content="article">'
            '</head><body><header><form action="/recherche"><input type="text" name="texte" value="port"></form></header>'
            '<main><h1>Résultats de la recherche</h1><p>7 résultats pour « port »</p><div class="liste">'
            f"{hits}</div></main></body></html>", "https://www.portville.example.fr/recherche?texte=port")


def _it_search() -> tuple[str, str]:
    # a date meta printed on every page dates the heading: no dated headline for all that
    hits = "".join(
        f'<li class="risultato"><a class="titolo" href="/notizie/{n}-mercato">Mercato coperto, nuovi orari dal mese di '
        f'aprile {n}</a><span class="data">{n} marzo 2025</span><div class="estratto">Il mercato coperto di via Roma cambia'
        f" orario: apertura alle sette e chiusura alle quattordici, anche la domenica numero {n}.</div></li>"
        for n in range(1, 11))
    return ('<html lang="it"><head><title>Cerca - Comune di Borgo</title><meta name="date" content="2025-03-14">'
            '</head><body><div class="container"><h1>Risultati della ricerca per: mercato</h1>'
            f'<ul class="risultati">{hits}</ul></div></body></html>', "https://www.borgo.example.it/ricerca?cerca=mercato")


def _drupal_view() -> tuple[str, str]:
    rows = "".join(
        f'<div class="views-row"><article class="node node--type-news node--view-mode-teaser"><h2 class="node__title">'
        f'<a href="/aktuelles/meldung-{n}"><span class="field--name-title">Gemeinderat beschließt Sanierung der Schule {n}'
        f'</span></a></h2><div class="node__meta">Veröffentlicht am {n}. März 2025</div><div class="field--name-body"><p>'
        "Der Gemeinderat hat in seiner Sitzung die Sanierung der Grundschule beschlossen; die Arbeiten beginnen in den "
        f'Sommerferien.</p></div><a href="/aktuelles/meldung-{n}" class="more-link">Weiterlesen</a></article></div>'
        for n in range(1, 9))
    return ('<html lang="de"><head><title>Aktuelles | Gemeinde Talheim</title><meta property="og:type" content="article">'
            '</head><body class="path-aktuelles page-view-aktuelles"><div class="region region-content">'
            '<div id="block-page-title" class="block block-core block-page-title-block"><h1>Aktuelles</h1></div>'
            '<div class="view view-aktuelles view-id-aktuelles"><div class="view-content">' + rows
            + '</div></div></div></body></html>', "https://www.talheim.example.de/aktuelles")


def _ghost_tag() -> tuple[str, str]:
    cards = "".join(
        f'<article class="post-card post tag-climate"><a class="post-card-image-link" href="/river-study-{n}/"><img '
        f'src="/content/images/{n}.jpg" alt=""></a><div class="post-card-content"><a class="post-card-content-link" '
        f'href="/river-study-{n}/"><header class="post-card-header"><h2 class="post-card-title">What the river study '
        f'found, part {n}</h2></header><div class="post-card-excerpt">Researchers measured the water at twelve places '
        f"along the river and found the summer heat did more harm than the floods, part {n}.</div></a><footer "
        f'class="post-card-meta"><time datetime="2025-03-{n:02d}">Mar {n}, 2025</time></footer></div></article>'
        for n in range(1, 7))
    return ('<html lang="en"><head><title>Climate - The River Letter</title><meta property="og:type" content="article">'
            + _ld({"@context": "https://schema.org", "@type": "Series", "name": "Climate"})
            + '</head><body class="tag-template tag-climate"><main id="site-main"><div class="post-feed"><section '
            'class="post-card post-card-large"><header class="tag-header"><h1>Climate</h1><p>Everything we wrote about '
            f"the river's climate.</p></header></section>{cards}</div></main></body></html>",
            "https://river.example.com/tag/climate/")


def _it_author() -> tuple[str, str]:
    # the body read is the biography; the author's articles are the page's list
    items = "".join(
        f'<div class="item-articolo"><span class="data">{n:02d}/03/2025</span><h3><a href="/cronaca/2025/03/{n:02d}/'
        f'incidente-{n}">Incidente sulla provinciale, chiusa la strada per ore {n}</a></h3><p>Un camion si è ribaltato '
        "all'alba sulla provinciale e la strada è rimasta chiusa fino a mezzogiorno; nessun ferito grave.</p></div>"
        for n in range(1, 7))
    return ('<html lang="it"><head><title>Marco Rossi - Gazzetta</title><meta property="og:type" content="article">'
            '</head><body><div class="colonna"><div class="autore-bio"><h1>Marco Rossi</h1><p>Marco Rossi è giornalista '
            "professionista dal 2004. Ha lavorato per quotidiani locali e nazionali occupandosi di cronaca e dal 2015 "
            "segue per la nostra redazione la provincia.</p><p>Ha scritto due libri sulla storia della città.</p></div>"
            f'<div class="lista-articoli">{items}</div></div></body></html>', "https://www.gazzetta.example.it/autore/marco-rossi")


def _press_list() -> tuple[str, str]:
    items = "".join(
        f'<div class="ecl-content-item"><div class="ecl-content-item__meta">Press release | {n} March 2025</div><div '
        f'class="ecl-content-item__title"><a href="/en/news/report-{n}">Agency publishes its yearly report on food '
        f'safety, number {n}</a></div><div class="ecl-content-item__description">The report covers residues in fruit '
        f"and finds most samples within the legal limits, edition {n}.</div></div>" for n in range(1, 11))
    return ('<html lang="en"><head><title>Press releases | Food Agency</title><meta property="og:type" content="article">'
            '<meta property="article:published_time" content="2025-01-01T00:00:00Z"></head><body><main><h1>Press '
            f"releases</h1><p>The agency's press releases, newest first.</p><div class='ecl-list'>{items}</div></main>"
            "</body></html>", "https://www.foodagency.example.eu/en/press")


def _bare_archive() -> tuple[str, str]:
    # the same archive without any listing's evidence: no CollectionPage, no next page, a plain address
    html, _ = _wp_category_excerpts()
    html = html.replace("CollectionPage", "WebPage").replace('rel="next"', 'rel="alternate"')
    return html, "https://www.notizie.example.it/politica"


@pytest.mark.parametrize("page", [_wp_category_excerpts, _fr_search, _it_search, _drupal_view, _ghost_tag, _it_author,
                                  _press_list, _bare_archive])
def test_a_run_of_teaser_units_is_a_listing_whatever_the_cms(page):
    # typed articles by og:type or a date meta, with no CMS class the listing rules know: the run decides
    assert kind(*page()) == (False, "teaser_run")


STORY = ("<p>The harbour board agreed on Tuesday to rebuild the north quay, which has been closed since the storm "
         "in January, and to open it again to fishing boats before the summer season starts.</p>") * 5
MORE = ('<div class="teaser"><h3><a href="/stories/2025/03/story-{n}">Another harbour story worth reading, number {n}'
        '</a></h3><p>A short excerpt of the other story, printed under its headline as every teaser does, {n}.</p>'
        '<span class="date">0{n}.03.2025</span></div>')


BRIEF_TEXT = ("<p>The north quay opens again on Monday, the harbour board said in a short statement today.</p>"
              "<p>Fishing boats may moor there from six in the morning; the ferry keeps its berth.</p>")


def _article(head: str = "", text: str = STORY, after: str = "", dated: bool = True) -> str:
    date = '<p class="byline">By Ann Weber, <time datetime="2025-03-04T10:00:00+01:00">4 March 2025</time></p>'
    return (f'<html lang="en"><head><meta property="og:type" content="website">{head}</head><body><main><article>'
            f'<h1>North quay to be rebuilt before the summer</h1>{date if dated else ""}<div class="text">{text}</div>'
            f"</article>{after}</main></body></html>")


@pytest.mark.parametrize("html", [
    # a long related-stories list below the article
    _article(after='<section class="related"><h2>Related</h2>' + "".join(MORE.format(n=n) for n in range(1, 10))
             + "</section>"),
    # a "more from this author" grid of cards
    _article(after='<div class="author-more"><h2>More from Ann Weber</h2><div class="grid">'
             + "".join(MORE.format(n=n).replace('"teaser"', '"card"') for n in range(1, 7)) + "</div></div>"),
    # a short brief over a list of links to dated stories
    _article(text=BRIEF_TEXT,
             after="<ul class='links'>" + "".join(f"<li><a href='/stories/{n}'>Harbour board statement number {n} on "
                                                  f"the quays</a> ({n}.03.2025)</li>" for n in range(1, 8)) + "</ul>"),
    # a brief over a grid of teasers with excerpts the body reads too
    _article(text=BRIEF_TEXT,
             after="".join(MORE.format(n=n) for n in range(1, 9))),
])
def test_an_article_beside_a_run_of_teasers_is_no_listing(html):
    # evidence of a listing (og:type website) and a run of teasers: the dated headline's own text decides
    assert kind(html, "https://www.harbourpost.example/stories/2025/03/north-quay")[0] is True


LIVE = ("<div class='live-entry' id='e{n}'><time datetime='2025-03-04T1{n}:00'>1{n}:00</time><h3>The crane is lifted "
        "onto the quay, hour {n}</h3><p>The second crane has been lifted onto the north quay; the workers now fix it to "
        "the rails before the wind picks up, <a href='/stories/2025/03/cranes'>as we reported this morning</a>.</p>"
        "<a class='share' href='#e{n}'>Share this entry on the live page</a></div>")
FIGURE = ("<figure class='gallery-item'><a href='/gallery/north-quay/photo-{n}'><img src='/img/{n}.jpg' alt=''>"
          "<span>The north quay seen from the pier at dawn, photo {n}</span></a></figure>")


@pytest.mark.parametrize("html", [
    # a live blog: many short entries, each with a heading and a time, linking to itself
    _article(text="".join(LIVE.format(n=n) for n in range(9))),
    # a gallery: photos, each a link to its own page with a caption, under a short text
    _article(text="<p>Photos of the north quay on the first day of works, taken from the pier and the boats.</p>"
             + "<div class='gallery'>" + "".join(FIGURE.format(n=n) for n in range(12)) + "</div>"),
])
def test_a_live_blog_or_a_gallery_is_no_listing(html):
    assert kind(html, "https://www.harbourpost.example/stories/2025/03/north-quay") != (False, "teaser_run")


def test_a_long_dated_article_typed_a_collection_page_is_an_article():
    # a plugin's wrong CollectionPage over a dated headline and a long text of its own
    html = _article(head=_ld({"@context": "https://schema.org", "@type": "CollectionPage", "name": "North quay"}))
    assert kind(html, "https://www.harbourpost.example/stories/2025/03/north-quay") == (True, "dated_headline")
    # the same type over an undated page of text: a front, as the type says
    assert kind(_article(head=_ld({"@type": "CollectionPage"}), dated=False)) == (False, "front_typed")


TITLE_BLOCK = ('<html lang="de"><head><title>{title} | Gemeinde Talheim</title></head><body class="path-node"><main>'
               '<div class="region region--content-above"><div id="block-olivero-page-title" class="block block-core '
               'block-page-title-block"><h1 class="page-title"><span class="field--name-title">{title}</span></h1>'
               '</div><div class="block block-local-tasks-block"><ul><li><a href="/node/12">Ansehen</a></li></ul></div>'
               '</div><div class="region region--content"><div class="block block-system-main-block"><article '
               'class="node node--type-article node--view-mode-full"><footer class="node__meta"><span class='
               '"node__author">Von <a href="/user/3">Redaktion</a></span>, <span>14.03.2025</span></footer><div '
               'class="node__content"><div class="field field--name-body">{body}</div></div></article></div></div>'
               '</main></body></html>')
MEETINGS = "".join(f'<tr><td>{n:02d}.04.2025</td><td><a href="/termine/sitzung-{n}">Sitzung des Bauausschusses Nummer '
                   f'{n}</a></td><td>Rathaus, Saal {n}</td></tr>' for n in range(1, 13))


@pytest.mark.parametrize("title, body", [
    # Drupal's title block outside the node, the node's own date line: a brief
    ("Neue Öffnungszeiten im Bürgerbüro", "<p>Ab dem ersten April ist das Bürgerbüro auch am Donnerstagnachmittag "
     "bis 18 Uhr geöffnet.</p><p>Termine können weiterhin online oder telefonisch vereinbart werden.</p>"),
    # the node's text mostly a table of dated rows, each linking to a meeting's page
    ("Sitzungstermine 2025", "<p>Der Gemeinderat und seine Ausschüsse tagen im Jahr 2025 an den folgenden Terminen; "
     "die Sitzungen sind öffentlich.</p><p>Die Tagesordnungen werden eine Woche vorher veröffentlicht.</p>"
     f"<table><tbody>{MEETINGS}</tbody></table>"),
])
def test_a_drupal_node_under_a_title_block_outside_it_is_an_article(title, body):
    html = TITLE_BLOCK.format(title=title, body=body)
    assert kind(html, "https://www.talheim.example.de/aktuelles/meldung") == (True, "dated_headline")


def test_a_table_layouts_bold_headline_is_dated_and_is_the_title():
    # no <h1>, the site's name in <title>, the date and the bold headline in cells over <br>-parted text
    menu = "".join(f'<tr><td><a href="/index.php?id={n}">Dział numer {n} urzędu gminy</a></td></tr>' for n in range(9))
    others = "".join(f'<tr><td>2005-03-0{n}</td><td><a href="/index.php?id=3&amp;news={n}">Inna wiadomość z gminy '
                     f'numer {n}</a></td></tr>' for n in range(1, 6))
    html = ('<html><head><title>Gmina Dębowo - Aktualności</title></head><body><table width="780"><tr><td colspan="2">'
            f'Gmina Dębowo</td></tr><tr><td width="180"><table>{menu}</table></td><td><table width="100%"><tr><td>'
            '2005-03-14</td></tr><tr><td><b>Remont drogi gminnej w Dębowie Małym</b></td></tr><tr><td>W poniedziałek '
            "rozpoczął się remont drogi gminnej prowadzącej przez Dębowo Małe do szkoły.<br><br>Prace potrwają około "
            "trzech tygodni, objazd prowadzi przez Lipówkę.<br><br>Wójt Gminy</td></tr></table><b>Inne aktualności"
            f"</b><table>{others}</table></td></tr></table></body></html>")
    url = "http://www.debowo.example.pl/index.php?id=3&news=112"
    assert kind(html, url) == (True, "dated_headline")
    assert extract_article(html, url).record["title"] == "Remont drogi gminnej w Dębowie Małym"


def _story_grid(n: int = 8, prefix: str = "/stories/2025/03/other-") -> str:
    # a grid of dated teasers with excerpts, the kind printed under a story as "more news"
    return "".join(f'<div class="tile"><h3><a href="{prefix}{i}">Lighthouse keepers return to the old tower, part {i}'
                   f'</a></h3><p>The keepers moved back into the tower this week after the roof was repaired, part '
                   f'{i}.</p><span class="when">{i} March 2025</span></div>' for i in range(1, n + 1))


def _news_ld(headline: str, dated: bool = True) -> str:
    node = {"@context": "https://schema.org", "@type": "NewsArticle", "headline": headline}
    if dated:
        node["datePublished"] = "2025-03-14T08:00:00+01:00"
    return _ld(node)


SHORT = "<p>The tower opens to visitors again on Saturday, the town said.</p>"  # own text under 150 characters


@pytest.mark.parametrize("head, body, url", [
    # headline in an <h2>, no <h1>, og:type website
    ('<meta property="og:type" content="website">',
     f'<article><h2>Tower opens on Saturday</h2>{SHORT}<div class="more">{_story_grid()}</div></article>',
     "https://www.harbourpost.example/2025/03/tower-opens/"),
    # a gallery: rel=prev/next, a short caption text
    ('<link rel="next" href="/gallery/tower-2"><link rel="prev" href="/gallery/tower-0">',
     f'<h1>Tower opens on Saturday</h1><div class="photos"><figure><img src="/t.jpg" alt=""><figcaption>The tower'
     f'</figcaption></figure></div>{SHORT}<section>{_story_grid()}</section>',
     "https://www.harbourpost.example/gallery/tower"),
    # a permalink under its category and its author's address, a "more from this writer" grid
    ("", f'<h1>Tower opens on Saturday</h1>{SHORT}<div class="writer-more">{_story_grid(6, "/category/towns/x-")}</div>',
     "https://www.harbourpost.example/category/towns/tower-opens"),
    ("", f'<h1>Tower opens on Saturday</h1>{SHORT}<div class="writer-more">{_story_grid(6, "/autor/ann/x-")}</div>',
     "https://www.harbourpost.example/autor/ann/tower-opens"),
    # a round-up typed NewsArticle: its items link to the full stories
    ("", f"<article><h1>In brief: the week on the coast</h1>{SHORT}{_story_grid(6)}</article>",
     "https://www.harbourpost.example/stories/in-brief-week-11"),
])
def test_a_dated_typed_article_over_a_run_of_teasers_stays_an_article(head, body, url):
    headline = "Tower opens on Saturday"
    html = f"<html lang='en'><head>{_news_ld(headline)}{head}</head><body><main>{body}</main></body></html>"
    assert kind(html, url) == (True, "typed")


def _undated_typed_list(head: str = "", body_class: str = "") -> str:
    # a theme printing an Article object without a date on every page, over a list of teasers
    return (f"<html lang='en'><head>{_news_ld('Towns', dated=False)}{head}</head><body class='{body_class}'><main>"
            f"<h1>Towns</h1>{_story_grid()}</main></body></html>")


@pytest.mark.parametrize("html, url", [
    # the page's own CollectionPage, a later page of the list, a listing's body class
    (_undated_typed_list(_ld({"@context": "https://schema.org", "@type": "CollectionPage", "name": "Towns"})),
     "https://www.harbourpost.example/towns"),
    (_undated_typed_list(), "https://www.harbourpost.example/towns?page=2"),
    (_undated_typed_list(), "https://www.harbourpost.example/towns/page/3/"),
    (_undated_typed_list(body_class="page-view-towns"), "https://www.harbourpost.example/towns"),
])
def test_an_undated_typed_page_with_a_listings_strong_evidence_is_a_listing(html, url):
    assert kind(html, url) == (False, "teaser_run")


def test_a_typed_page_over_a_run_with_weak_evidence_or_a_date_keeps_its_type():
    url = "https://www.harbourpost.example/towns"
    # og:type website, a next page's link, a category's address: weak evidence, the type stands
    weak = _undated_typed_list('<meta property="og:type" content="website"><link rel="next" href="/towns/2">')
    assert kind(weak, url) == (True, "typed")
    assert kind(_undated_typed_list(), "https://www.harbourpost.example/category/towns/") == (True, "typed")
    # a JSON-LD date of its own: the type stands whatever the evidence
    collection = _ld({"@context": "https://schema.org", "@type": "CollectionPage", "name": "Towns"})
    dated = _undated_typed_list(collection).replace(_news_ld("Towns", dated=False), _news_ld("Towns"))
    assert kind(dated, url) == (True, "typed")


def test_microdata_typing_each_entry_of_a_list_is_no_article_type():
    entry = ('<div class="entry" itemscope itemtype="https://schema.org/BlogPosting"><h2 itemprop="name"><a '
             'href="/news/{i}-meeting">Village meeting in the hall, number {i}</a></h2><time datetime="2025-03-0{i}">'
             '{i} March 2025</time><p>The mayor invites residents to the meeting on the village fund, number {i}.</p>'
             "</div>")
    html = ("<html lang='en'><head><meta property='og:type' content='article'></head><body><main><h1>News</h1>"
            + "".join(entry.format(i=i) for i in range(1, 7)) + "</main></body></html>")
    assert kind(html, "https://www.village.example/news") == (False, "teaser_run")


def test_an_og_article_brief_with_its_own_text_over_a_run_stays_an_article():
    # og:type article alone, no listing evidence, an undated headline over 150 characters of its own text
    text = ("<p>The tower opens to visitors again on Saturday, the town said; the stairs were rebuilt over the "
            "winter and the lamp room has a new floor.</p><p>Tickets are sold at the harbour office.</p>")
    html = ("<html lang='en'><head><meta property='og:type' content='article'></head><body><main>"
            f"<h1>Tower opens on Saturday</h1>{text}<div class='more'>{_story_grid()}</div></main></body></html>")
    assert kind(html, "https://www.harbourpost.example/stories/tower-opens") == (True, "typed")
    # the same page's own text under 150 characters, no headline of its own dated: the run decides
    assert kind(html.replace(text, SHORT), "https://www.harbourpost.example/stories/tower-opens") \
        == (False, "teaser_run")


RELEASE_ROWS = "".join(f"<tr><td>{i:02d}.03.2025</td><td><a href='/releases/r-{i}'>Water board publishes its quality "
                       f"figures, notice {i}</a></td><td>All samples met the limits this quarter, notice {i}.</td></tr>"
                       for i in range(1, 13))


def test_a_list_printed_as_a_table_dates_no_headline():
    # date | linked title | summary rows under an undated heading: a list, its rows' dates its entries'
    html = ("<html lang='en'><head><title>Releases | Water Board</title></head><body><main><h1>Releases</h1>"
            f"<table><thead><tr><th>Date</th><th>Title</th><th>Summary</th></tr></thead><tbody>{RELEASE_ROWS}</tbody>"
            "</table></main></body></html>")
    assert kind(html, "https://www.waterboard.example/releases")[0] is False
    # a headline with its own date line over the text, the same table after it: an article
    story = ("<p class='date'>14.03.2025</p><p>The water board has published its quarterly figures today; every sample "
             "taken at the twelve stations met the legal limits, the board said.</p><p>Earlier notices:</p>")
    dated = html.replace("<h1>Releases</h1>", f"<h1>All water samples within the limits</h1>{story}")
    assert kind(dated, "https://www.waterboard.example/releases/r-14") == (True, "dated_headline")


def test_a_short_dated_story_over_a_run_of_teasers_stays_an_article():
    # Drupal without clean URLs: the node's address holds ?q=node/…, no search's query
    rows = "".join(f'<div class="views-row"><h3><a href="/?q=node/{n}">Harbour news item number {n} of the week</a>'
                   "</h3><p>The port authority said on Tuesday that the works on the eastern quay are on schedule "
                   f"and that the crane number {n} returns to service soon.</p></div>" for n in range(400, 405))
    html = ('<html lang="en"><head><title>Night buses from May</title><meta property="og:type" content="article">'
            '<meta property="article:published_time" content="2025-03-12T09:00:00+00:00"></head><body>'
            '<h1 class="title">Night buses to the harbour from May</h1><div class="node node-article"><p>Two night '
            "lines will serve the harbour from May, the council said.</p></div>"
            f'<div class="view view-latest-news"><h2>Latest news</h2>{rows}</div></body></html>')
    assert kind(html, "https://www.harbour-news.example.eu/?q=node/4512")[0] is True
    # the same story reached by a site search's address is a search's page
    assert kind(html, "https://www.harbour-news.example.eu/?q=night+buses")[0] is False


def test_every_listing_container_name_holds_a_word_the_source_is_read_for():
    from newsbot.extraction.kind import _LISTING_BOX, _LISTING_BOX_WORDS

    assert all(any(w in name for w in _LISTING_BOX_WORDS) for name in _LISTING_BOX)


# a table layout of the 2000s: the <title> opens with the site's name, the headline a line of a cell
_CELL_MENU = "".join(f'<tr><td><a href="/seccao.asp?id={n}">Secção regional número {n} do jornal</a></td></tr>'
                     for n in range(8))
_CELL_OTHERS = "".join(f'<tr><td><a href="/noticia.asp?id={n}">Outra notícia da região número {n}</a></td></tr>'
                       for n in range(1, 7))
TABLE_PT = ('<html><head><title>Jornal do Vale - Câmara aprova obras no mercado municipal</title></head><body>'
            '<table width="780"><tr><td colspan="2"><a href="/"><img src="/img/logo.gif" alt="Jornal do Vale"></a>'
            f'</td></tr><tr><td width="160" valign="top"><table>{_CELL_MENU}</table></td><td valign="top">'
            '<table width="100%"><tr><td>14-03-2005</td></tr>'
            '<tr><td><font size="4"><b>Câmara aprova obras no mercado municipal</b></font></td></tr>'
            '<tr><td><i>Texto de Rui Mendes</i></td></tr>'
            '<tr><td>A câmara municipal aprovou ontem, por unanimidade, o projecto de remodelação do mercado '
            'municipal, que vai custar cerca de dois milhões de euros.<br><br>As obras começam em Junho e duram um '
            'ano, período em que os vendedores passam para um pavilhão provisório junto ao rio.<br><br>O presidente '
            'disse que o mercado precisava de obras há mais de uma década.</td></tr></table>'
            f'<b>Outras notícias</b><table>{_CELL_OTHERS}</table></td></tr></table></body></html>')
_SIDE_ES = "".join(f'<a href="/seccion/{n}">Sección de noticias {n} del diario</a><br>' for n in range(8))
_ROWS_ES = "".join(f'<tr><td>1{n}/03/2005</td><td><a href="/noticias/2005/03/1{n}/otra-{n}.htm">Otra noticia de '
                   f'la provincia número {n}</a></td></tr>' for n in range(1, 7))
TABLE_ES = ('<html><head><title>Diario del Jiloca - El ayuntamiento renueva el alumbrado del casco antiguo</title>'
            '</head><body><table width="100%"><tr><td><img src="/img/cabecera.gif" alt="Diario del Jiloca"></td>'
            f'</tr></table><table width="100%"><tr><td width="20%" valign="top">{_SIDE_ES}</td><td valign="top">'
            '<span class="titulo">El ayuntamiento renueva el alumbrado del casco antiguo</span><br>'
            '<span class="firma">Por Carmen Gil</span><br>'
            '<p>El ayuntamiento ha comenzado esta semana la renovación del alumbrado público del casco antiguo, una '
            'obra que afecta a más de cuarenta calles.</p><p>Las nuevas farolas consumen la mitad de energía que las '
            'antiguas, según los técnicos municipales.</p><p>Los trabajos terminarán antes del verano.</p>'
            f'<table>{_ROWS_ES}</table></td></tr></table></body></html>')


@pytest.mark.parametrize("html, url, title", [
    # the site's name in the header's logo; the day printed in the cell over the headline
    (TABLE_PT, "http://www.jornaldovale.example/noticia.asp?id=4412", "Câmara aprova obras no mercado municipal"),
    # the site's name in the address's host; the day in the address before the page's name
    (TABLE_ES, "http://www.diariodeljiloca.example/noticias/2005/03/14/alumbrado.htm",
     "El ayuntamiento renueva el alumbrado del casco antiguo"),
])
def test_a_table_layouts_headline_line_under_the_sites_title_is_an_article(html, url, title):
    assert kind(html, url) == (True, "dated_headline")
    assert extract_article(html, url).record["title"] == title


def test_a_title_opening_with_no_name_of_the_site_keeps_it():
    # "Informe - …" names no site: no logo, header or host prints it
    html = TABLE_ES.replace("Diario del Jiloca - El", "Informe - El")
    url = "http://www.diariodeljiloca.example/noticias/2005/03/14/alumbrado.htm"
    assert extract_article(html, url).record["title"] == "Informe - El ayuntamiento renueva el alumbrado del casco antiguo"


_NAV = "<nav><ul>" + "".join(f'<li><a href="/section-{n}">Section {n}</a></li>' for n in range(6)) + "</ul></nav>"
_GRID = "".join(f'<div class="card"><h3><a href="/2025/03/1{n}/other-story-{n}">Another story from the coast number '
                f'{n}</a></h3><p>A short excerpt of that other story, number {n}.</p></div>' for n in range(1, 7))
LOGO_H1 = ('<html><head><title>Pier lights switched to LED – Coastline Daily</title></head><body><div id="page">'
           '<header id="masthead"><div class="{brand}"><h1>{name}</h1><p>News from the coast</p></div>' + _NAV +
           '</header><div id="content"><div class="wrap"><main id="main"><div class="post-head"><h2 class="entry-title">'
           'Pier lights switched to LED</h2><p class="meta">By Ann Lee · March 12, 2025</p></div>'
           '<div class="entry-content"><p>The council replaced the last of the old pier lamps this week, finishing a '
           'project that began two years ago.</p><p>The new lights use a third of the power and can be dimmed late at '
           'night, the council said.</p></div></main>'
           f'<aside><h2>More news</h2>{_GRID}</aside></div></div></div></body></html>')


@pytest.mark.parametrize("brand, name", [
    ("site-branding", "Coastline Daily"),  # a logo's class over it
    ("top", "Coastline Daily"),  # the name the site's address holds
    ("site-title", "Harbour Views"),
])
def test_an_article_whose_only_h1_is_the_sites_logo_is_dated_by_its_sub_heading(brand, name):
    html = LOGO_H1.format(brand=brand, name=name)
    url = "https://www.coastlinedaily.example/pier-lights-switched-to-led"
    assert kind(html, url) == (True, "dated_headline")
    assert extract_article(html, url).record["title"] == "Pier lights switched to LED"


def test_an_h1_naming_no_site_stays_the_headline():
    # an <h1> in the page's header that no logo's name, site name or address names: the page's own
    html = LOGO_H1.format(brand="top", name="Storm closes the harbour").replace("Pier lights switched to LED –",
                                                                                "Storm closes the harbour –")
    url = "https://www.coastlinedaily.example/storm"
    assert extract_article(html, url).record["title"] == "Storm closes the harbour"


URL_DATED = ('<html><head><title>Neue Buslinie zum Bahnhof</title></head><body>'
             '<div id="kopf"><a href="/"><img src="/logo.png" alt="Stadtblatt"></a></div>'
             '<div id="inhalt"><h1>Neue Buslinie zum Bahnhof</h1><p>Ab Montag fährt die Linie 12 im Halbstundentakt '
             'vom Marktplatz zum Bahnhof, teilten die Stadtwerke mit.</p><p>Die Fahrt dauert zwölf Minuten; am '
             'Wochenende fährt der Bus stündlich.</p></div><div id="rand">'
             + "".join(f'<div class="teaser"><h3><a href="../../{n:02d}/andere-meldung-{n}/">Eine andere Meldung aus '
                       f'der Stadt {n}</a></h3><p>Kurzer Anreißer zur Meldung {n}.</p></div>' for n in range(1, 7))
             + "</div></body></html>")


def test_a_brief_dated_only_by_its_address_is_an_article():
    assert kind(URL_DATED, "https://www.stadtblatt.example/2025/03/12/neue-buslinie-zum-bahnhof/") \
        == (True, "dated_headline")
    # the same page under an address without the day: nothing dates it, a short text
    assert kind(URL_DATED, "https://www.stadtblatt.example/meldungen/neue-buslinie-zum-bahnhof/")[0] is False


_J_ITEM = ('<div class="item column-1" itemprop="blogPost" itemscope itemtype="https://schema.org/BlogPosting">'
           '<div class="page-header"><h2 itemprop="name"><a href="/index.php/noticias/{n}-regata" itemprop="url">'
           'Noticia del club de remo número {n}</a></h2></div><dl class="article-info"><dd class="published">'
           '<time datetime="2025-03-1{n}T10:00:00+01:00" itemprop="datePublished">1{n} marzo 2025</time></dd></dl>'
           '<p>El club de remo celebró este fin de semana su regata de primavera con más de cien remeros.</p>'
           '<p class="readmore"><a href="/index.php/noticias/{n}-regata">Leer más: Noticia {n}</a></p></div>')
JOOMLA_BLOG = ('<html><head><title>Noticias</title><meta property="og:type" content="article"></head>'
               '<body class="site com_content view-{view} layout-blog no-task itemid-101">'
               '<div class="blog" itemscope itemtype="https://schema.org/Blog"><div class="items-leading">'
               '<div class="leading-0" itemprop="blogPost" itemscope itemtype="https://schema.org/BlogPosting">'
               '<div class="page-header"><h2 itemprop="name"><a href="/index.php/noticias/9-regata">Gran regata de '
               'primavera en el embalse</a></h2></div><p>Más de doscientos remeros participaron el domingo en la regata '
               'de primavera del embalse, la más concurrida de los últimos años.</p><p>La organización agradeció la '
               'ayuda de los voluntarios y de protección civil, que vigilaron el recorrido toda la mañana.</p><p>Las '
               'clasificaciones completas se publicarán esta semana en la web del club.</p></div></div>'
               '<div class="items-row cols-2 row-0">{row0}</div><div class="items-row cols-2 row-1">{row1}</div>'
               '</div></body></html>')


def test_a_joomla_category_blog_is_a_listing():
    row0 = _J_ITEM.format(n=1) + _J_ITEM.format(n=2)
    row1 = _J_ITEM.format(n=3) + _J_ITEM.format(n=4)
    url = "https://www.clubremo.example/index.php/noticias"
    assert kind(JOOMLA_BLOG.format(view="category", row0=row0, row1=row1), url) == (False, "listing")
    # Joomla's article view of one of them, its related links below: an article
    html = JOOMLA_BLOG.format(view="article", row0=row0, row1=row1)
    assert kind(html, url)[0] is True


_RECENT = "".join(f'<li><a href="/node/{4500 + n}">{{item}} {n}</a> <span class="submitted">1{n} Mar 2025</span></li>'
                  for n in range(1, 9))
DRUPAL7_NODE = ('<html lang="en"><head><title>Library opens on Saturdays | Valley Council</title></head>'
                '<body class="html not-front one-sidebar sidebar-first page-node page-node-4512 node-type-article">'
                '<div id="page"><div id="header"><div id="site-name"><strong><a href="/" rel="home"><span>Valley Council'
                '</span></a></strong></div></div><div id="main"><div id="content" class="column"><div class="section">'
                '<a id="main-content"></a><h1 class="title" id="page-title">{h1}</h1><div class="tabs"></div>'
                '<div class="region region-content"><div id="block-system-main" class="block block-system">'
                '<div class="content"><div id="node-4512" class="node node-article node-full clearfix" '
                'about="/news/library" typeof="sioc:Item foaf:Document"><div class="meta submitted"><span '
                'property="dc:date dc:created" content="2025-03-12T10:00:00+01:00" datatype="xsd:dateTime">Submitted by '
                '<span class="username">editor</span> on Wed, 03/12/2025 - 10:00</span></div><div class="content">'
                '<div class="field field-name-body"><div class="field-items"><div class="field-item even" '
                'property="content:encoded"><p>From Monday the town library will also open on Saturday mornings, from '
                'ten to two.</p><p>The change follows requests from residents and from students who need a quiet place '
                'to work during the exam weeks.</p></div></div></div></div><ul class="links inline"><li class="comment-add">'
                '<a href="/comment/reply/4512#comment-form">Add new comment</a></li></ul></div></div></div></div></div>'
                '</div><div id="sidebar-first"><div class="block"><h2>Recent content</h2><div class="content"><ul>'
                + _RECENT + '</ul></div></div></div></div></div></body></html>')


def test_a_drupal7_node_dated_by_its_submitted_line_beside_its_links_is_an_article():
    # the node's "Add new comment" list item is an action, no teaser: the submitted line beside it dates the headline
    html = DRUPAL7_NODE.format(h1="Library opens on Saturdays", item="Recent news item from the council number")
    assert kind(html, "https://www.valleycouncil.example/news/library") == (True, "dated_headline")


def test_a_date_in_a_list_item_of_headline_links_dates_no_headline():
    # the same region holding list items that link with headlines: their dates are theirs, not the headline's
    html = DRUPAL7_NODE.format(h1="Library opens on Saturdays", item="Recent news item from the council number").replace(
        "Add new comment", "Another story from the council about the library").replace(
        ' content="2025-03-12T10:00:00+01:00"', "").replace("Submitted by <span", "By <span").replace(
        " on Wed, 03/12/2025 - 10:00", "").replace('<li class="comment-add">', '<li class="comment-add">12 Mar 2025 ')
    assert kind(html, "https://www.valleycouncil.example/news/library") != (True, "dated_headline")


# a headline <h1> whose class or box names a brand or masthead, no site's logo
_STORY = ('<html lang="en"><head><title>Harbour crane returns after repairs - Bay Courier</title></head><body>'
          '<header class="site-header"><a href="/"><img src="/logo.png" alt="Bay Courier"></a></header>'
          '<div class="{box}"><h1 class="{cls}">Harbour crane returns after repairs</h1>'
          '<time datetime="2025-04-02T08:00:00Z">2 April 2025</time></div><div class="text"><p>The big crane at the '
          'container quay is back at work after six weeks of repairs to its gearbox and cables.</p><p>Port staff '
          'said the backlog of ships waiting to unload should clear by the weekend.</p></div></body></html>')


@pytest.mark.parametrize("box, cls", [
    ("story-masthead", ""),  # a word holding "masthead" is no logo's name
    ("hero hero--with-logo", ""),
    ("brand-story", ""),
    ("col", "title text-brand"),
    ("site-branding", ""),  # a logo's name, but the <title> opens with the <h1>'s headline
])
def test_a_headline_h1_in_a_box_named_for_a_brand_stays_the_headline(box, cls):
    html = _STORY.format(box=box, cls=cls)
    url = "https://www.baycourier.example/news/crane-returns"
    assert kind(html, url) == (True, "dated_headline")
    assert extract_article(html, url).record["title"] == "Harbour crane returns after repairs"


def test_an_h1_printing_one_word_of_the_domain_is_no_logo():
    # "Harbour" is one word of harbourwatch's name, the topic over the story's sub-title
    html = ('<html lang="en"><head><title>Harbour, a year later</title></head><body><div id="top"><a href="/">'
            'Home</a></div><div id="content"><h1>Harbour</h1><h2>A year after the storm, what was rebuilt</h2>'
            '<p class="date"><time datetime="2025-04-02">2 April 2025</time></p><p>The harbour wall took most of '
            'the damage last spring and its last section was finished this month.</p><p>Fishermen say the new '
            'wall is higher and the boats are safer in winter storms.</p></div></body></html>')
    assert kind(html, "https://www.harbourwatch.example/2025/04/02/harbour-a-year-later/") == (True, "dated_headline")
    # the domain's whole name in the <h1>: the site's logo
    logo = html.replace("<h1>Harbour</h1>", "<h1>Harbour Watch</h1>")
    from newsbot.extraction.title import logo_h1s
    page = Page(logo.encode(), "https://www.harbourwatch.example/2025/04/02/harbour-a-year-later/", None)
    assert [h.text_content() for h in logo_h1s(page, [])] == ["Harbour Watch"]
    page = Page(html.encode(), "https://www.harbourwatch.example/2025/04/02/harbour-a-year-later/", None)
    assert logo_h1s(page, []) == []


_LIST_FRONT = ('<html lang="de"><head><title>Kurz berichtet – Talbote</title></head><body><div id="kopf"><a href="/">'
               '<img src="/logo.png" alt="Talbote"></a></div><div id="inhalt"><h1>Kurz berichtet</h1><p>Die Meldungen '
               'des Tages aus dem Tal und den Gemeinden ringsum, knapp zusammengefasst von unserer Redaktion. Längere '
               'Berichte stehen in den Ressorts auf der Startseite.</p><div class="{box}"><time datetime="2025-04-02">'
               'Stand: 02.04.2025</time><ul class="{ul}">'
               + "".join(f'<li><a href="/kurz/m-{n}.html">Meldung {n} aus dem Tal</a></li>' for n in range(6))
               + '</ul></div></div></body></html>')


def test_a_date_beside_a_list_of_short_headline_links_dates_no_headline():
    # any list of short links is teasers: the date stamps the list, not the <h1>
    assert kind(_LIST_FRONT.format(box="stand", ul="kurz"), "https://www.talbote.example/kurz/")[0] is False
    # a Drupal node's own links list (comments, print) inside the node: no teasers, the date is the node's
    node = _LIST_FRONT.format(box="node node-article", ul="links inline")
    assert kind(node, "https://www.talbote.example/kurz/")[0] is True


def test_a_dated_h2_on_a_page_without_h1_is_no_dated_headline():
    html = ('<html lang="de"><head><title>Neues aus dem Tal – Talbote</title></head><body><header><a href="/">'
            '<img src="/logo.png" alt="Talbote"></a></header><main><h2>Neues aus dem Tal</h2><p class="stand">'
            '<time datetime="2025-04-02T08:00:00+02:00">02.04.2025, 08:00 Uhr</time></p><p>Die Meldungen des Tages '
            'aus dem Tal und den Gemeinden ringsum, knapp zusammengefasst von unserer Redaktion. Längere Berichte '
            'stehen in den Ressorts auf der Startseite.</p>'
            + "".join(f'<div class="teaser"><h3><a href="/tal/m-{n}.html">Meldung {n}</a></h3><p>Kurz.</p></div>'
                      for n in range(3)) + '</main></body></html>')
    assert kind(html, "https://www.talbote.example/tal/")[0] is False


def test_a_day_in_an_events_address_dates_no_article():
    html = URL_DATED.replace("Neue Buslinie zum Bahnhof", "Orgelkonzert in der Stadtkirche")
    assert kind(html, "https://www.stadtblatt.example/2025/03/12/orgelkonzert/") == (True, "dated_headline")
    assert kind(html, "https://www.stadtblatt.example/veranstaltungen/2025/03/12/orgelkonzert/")[0] is False
    assert kind(html, "https://www.stadtblatt.example/events/2025/03/12/orgelkonzert/")[0] is False


def test_a_section_name_over_a_short_table_list_of_teasers_is_no_article():
    rows = "".join(f'<tr><td><a href="/noticia.php?id={n}">Titular de otra noticia de la comarca {n}</a><br>Resumen '
                   f'breve de la noticia número {n} de la comarca, con lo ocurrido hoy.</td></tr>' for n in range(4))
    html = ('<html lang="es"><head><title>Diario del Jiloca - Noticias de la comarca</title></head><body>'
            '<table width="780"><tr><td><a href="/"><img src="/logo.gif" alt="Diario del Jiloca"></a></td></tr>'
            '<tr><td><span class="seccion">Noticias de la comarca</span><br><span class="fecha">Actualizado: '
            '12/03/2025</span></td></tr><tr><td><p>Toda la actualidad de los pueblos de la comarca, con las noticias '
            'de los ayuntamientos, las asociaciones y los clubes, y la agenda de fiestas de la semana, puesta al día cada '
            'mañana.</p></td></tr>'
            f'<tr><td><table>{rows}</table></td></tr></table></body></html>')
    assert kind(html, "http://www.diariodeljiloca.example/seccion.php?id=3")[0] is False


def test_a_title_line_among_deeply_nested_spans_is_found():
    nest = "<span>" * 300 + "x" + "</span>" * 300
    cells = "".join(f"<tr><td>{nest}</td></tr>" for _ in range(60))
    html = TABLE_ES.replace("<table>", f"<table>{cells}", 1)
    url = "http://www.diariodeljiloca.example/noticias/2005/03/14/alumbrado.htm"
    assert kind(html, url) == (True, "dated_headline")


@pytest.mark.parametrize("title, expected", [
    ("Tarn: Bridge reopens after the flood", "Tarn: Bridge reopens after the flood"),  # a place, then a colon
    ("Tarn - Bridge reopens after the flood", "Tarn - Bridge reopens after the flood"),  # one word of tarnvalleynews
    ("Tarn Valley News - Bridge reopens after the flood", "Bridge reopens after the flood"),  # the site's whole name
    ("Tarn Valley News: Bridge reopens after the flood", "Tarn Valley News: Bridge reopens after the flood"),
])
def test_a_leading_name_is_dropped_only_when_it_is_the_sites_whole_name(title, expected):
    html = (f'<html lang="en"><head><title>{title}</title></head><body><table width="780"><tr><td>'
            '<img src="/img/top.gif" alt="Local news"></td></tr><tr><td><table><tr><td>02.04.2025</td></tr>'
            f'<tr><td><font size="4"><b>{title}</b></font></td></tr><tr><td>The old stone bridge over the river '
            'opened again on Tuesday, three weeks after the flood damaged its eastern arch.<br><br>Engineers said '
            'the repairs will hold until a full rebuild next year.</td></tr></table></td></tr></table></body></html>')
    assert extract_article(html, "http://www.tarnvalleynews.example/story.asp?id=12").record["title"] == expected


def test_a_home_links_image_naming_a_section_is_no_sites_name():
    html = TABLE_PT.replace('alt="Jornal do Vale"', 'alt="Opinião"').replace(
        "Jornal do Vale - Câmara", "Opinião - Câmara").replace("<b>Câmara aprova", "<b>Opinião - Câmara aprova")
    url = "http://www.jornaldovale.example/noticia.asp?id=4412"
    assert extract_article(html, url).record["title"] == "Opinião - Câmara aprova obras no mercado municipal"
    # the logo's alt naming the site by a word its domain holds: dropped
    html = TABLE_PT.replace('alt="Jornal do Vale"', 'alt="O Vale Online"').replace(
        "Jornal do Vale - Câmara", "O Vale Online - Câmara")
    assert extract_article(html, url).record["title"] == "Câmara aprova obras no mercado municipal"


META_LINE_PAGE = ('<html><head><meta charset="utf-8"><title>Obecná knižnica rozšírila otváracie hodiny</title></head>'
                  '<body><header><a href="/"><img src="/logo.png" alt="Obec Dolany"></a><ul><li><a href="/">Úvod</a>'
                  '</li><li><a href="/spravy">Správy</a></li></ul></header><div class="content">'
                  '<h1>Obecná knižnica rozšírila otváracie hodiny</h1><div class="info">{line}</div><div class="text">'
                  '<p>Od budúceho týždňa bude obecná knižnica otvorená aj v utorok popoludní a v sobotu dopoludnia.</p>'
                  '<p>O dlhšie otváracie hodiny žiadali najmä rodičia so školopovinnými deťmi, uviedla knihovníčka.</p>'
                  '<p>Knižnica zároveň dostala do daru viac ako dvesto nových kníh pre deti.</p></div>'
                  '<div class="share"><a href="https://facebook.com/sharer.php?u=x">Zdieľať</a></div></div>'
                  '<footer><p>Obec Dolany, Hlavná 1</p></footer></body></html>')


@pytest.mark.parametrize("line, expected", [
    ("Uverejnené 7. 4. 2026 o 11:30 | Autor: Jana Kováčová", (True, "dated_headline")),
    ("2026. gada 12. martā plkst. 15:45 · Autors: Anna Bērziņa", (True, "dated_headline")),
    ("7. 4. 2026 | Autor: Jana Kováčová", (True, "dated_headline")),
    ("Uverejnené 7. 4. 2026 o 11:30 | Autor: Jana Kováčová, foto: Peter Horváth", (True, "dated_headline")),
    # a line of a place and a day, no byline: an event's, no article's meta line
    ("Kultúrny dom | Vstupné dobrovoľné | 7. 4. 2026", (False, "no_evidence")),
])
def test_a_meta_line_of_a_day_and_a_byline_dates_the_headline(line, expected):
    # no <time>, no meta, no structured data, under 500 characters: the meta line tells a story's page
    assert kind(META_LINE_PAGE.format(line=line), "https://www.dolany.example/spravy/kniznica") == expected


BLOCKSY_POST = (
    '<html lang="en"><head><title>Club volunteers repaint the old pavilion &#8211; Riverside Cricket</title></head>'
    '<body class="post-template-default single single-post postid-812 single-format-standard">'
    '<header class="ct-header"><p class="site-title"><a href="https://riverside.example/">Riverside Cricket</a></p>'
    '</header><main id="main" class="site-main"><div class="hero-section"><header class="entry-header">'
    '<h1 class="page-title">Club volunteers repaint the old pavilion</h1><ul class="entry-meta">'
    '<li class="meta-author"><a href="https://riverside.example/author/tom/" rel="author">Tom Reed</a></li>'
    '<li class="meta-date"><time datetime="2026-04-02T09:10:00+01:00">April 2, 2026</time></li>'
    '<li class="meta-categories"><a href="https://riverside.example/category/club-news/">Club News</a></li>'
    '</ul></header></div><article id="post-812" class="post-812 post type-post status-publish hentry">'
    '<div class="entry-content"><p>Twelve members spent Saturday scraping and repainting the pavilion that '
    'has stood by the river since 1954.</p><p>The paint was donated by a local hardware shop, and the juniors '
    'helped with the benches.</p><p>The committee thanked everyone who came along.</p></div>'
    '<nav class="post-navigation"><a href="https://riverside.example/2026/03/fixtures/"><span>Previous Post</span>'
    '<span>Season fixtures announced for the summer</span></a><a href="https://riverside.example/2026/04/nets/">'
    '<span>Next Post</span><span>Practice nets open on Tuesday evenings</span></a></nav>' + "".join(
        f'<article class="ct-related-posts-items"><h4><a href="https://riverside.example/2026/0{n}/more-{n}/">'
        f'Another club story number {n} from the ground</a></h4><ul class="entry-meta"><li><time datetime='
        f'"2026-0{n}-10">{n} March 2026</time></li></ul></article>' for n in range(1, 4))
    + '</article></main><footer><p>Copyright 2026 Riverside Cricket</p></footer></body></html>')


def test_a_meta_lists_items_are_no_teasers():
    # Blocksy prints the date in <ul class="entry-meta"> beside the headline: a meta list, no teasers
    assert kind(BLOCKSY_POST, "https://riverside.example/club-volunteers-repaint/") == (True, "dated_headline")


def test_a_list_of_short_dated_links_under_a_headline_is_no_meta_list():
    items = "".join(f'<li><a href="/notes/{n}">Note {n}</a> <time datetime="2026-03-0{n}">{n} March 2026</time></li>'
                    for n in range(1, 7))
    html = (f"<html><body><main><h1>Short notes</h1><ul class='notes'>{items}</ul>"
            "<p>Short notes from the club's committee, one line each.</p></main></body></html>")
    assert kind(html)[0] is False


TERM_VIEW = "".join(
    f'<div class="views-row"><article class="node node--view-mode-teaser"><h2><a href="/novice/{slug}">{title}</a></h2>'
    f'<div class="node__content"><p>{text}</p></div></article></div>' for slug, title, text in (
        ("most", "Obnova mostu čez reko se začne maja", "Občina je izbrala izvajalca del za obnovo starega mostu."),
        ("knjiznica", "Nova knjižnica bo odprta poleti", "V središču mesta gradijo novo knjižnico s čitalnico."),
        ("steza", "Kolesarska steza do sosednje vasi", "Nova steza bo povezala mesto s sosednjo vasjo.")))


@pytest.mark.parametrize("body_class, expected", [
    ("path-taxonomy page-taxonomy-term-17", (False, "listing")),  # Drupal 8 and later
    ("page-taxonomy page-taxonomy-term page-taxonomy-term-17", (False, "listing")),  # Drupal 7
    ("path-node page-node-type-article", (True, "published_meta")),  # a node's page: its date meta tag says so
])
def test_a_drupal_term_page_is_a_listing(body_class, expected):
    html = ('<html><head><meta property="article:published_time" content="2026-03-12T10:00:00+01:00">'
            f'<title>Infrastruktura</title></head><body class="{body_class}"><main><h1>Infrastruktura</h1>'
            '<p>Novice o cestah, mostovih in vodovodu v občini, ki jih urejamo skupaj z izvajalci del.</p>'
            f'<div class="view view-taxonomy-term">{TERM_VIEW}</div></main></body></html>')
    assert kind(html, "https://www.zelenadolina.example/taxonomy/term/17") == expected


JOOMLA4_TAG = ('<html><head><title>Gemeinde</title></head><body><main><div class="{box}"><h1>Gemeinde</h1>'
               '<p>Alle Beiträge zum Schlagwort Gemeinde aus dem Gemeindeamt.</p><ul class="category list-group">'
               + "".join(f'<li class="list-group-item"><h3><a href="/index.php/aktuelles/{n}">{t}</a></h3><p>{x}</p></li>'
                         for n, t, x in (
                             ("wahl", "Ergebnisse der Gemeinderatswahl liegen vor",
                              "Die Ergebnisse der Wahl vom Sonntag liegen vor, die Beteiligung war höher als zuletzt."),
                             ("schule", "Schule bekommt eine neue Turnhalle",
                              "Der Gemeinderat hat den Bau einer neuen Turnhalle für die Volksschule beschlossen."),
                             ("wehr", "Feuerwehr feiert ihr Bestehen",
                              "Mit einem großen Fest auf dem Dorfplatz feiert die Feuerwehr ihr Jubiläum."),
                             ("wasser", "Wasserleitung in der Hauptstraße wird erneuert",
                              "Ab Montag wird die alte Wasserleitung erneuert, mit Behinderungen ist zu rechnen.")))
               + "</ul></div></main></body></html>")


@pytest.mark.parametrize("box, expected", [
    ("com-tags-tag tag-category", (False, "listing")),
    ("com-content-category category-list", (False, "listing")),
    ("tag-category", (True, "long_text")),  # no CMS's listing box: its text decides
])
def test_joomla_4_listing_boxes(box, expected):
    assert kind(JOOMLA4_TAG.format(box=box), "https://www.tal.example/index.php/component/tags/tag/gemeinde") == expected


TAG_PAGE = ('<html><head><title>Radfahren &#8211; Seite 2 &#8211; Radblog</title>'
            '<meta property="og:type" content="article"></head><body class="{body}"><main><header class="page-header">'
            '<h1 class="page-title">Radfahren</h1></header>' + "".join(
                f'<article class="post-{n} post type-post"><h2 class="entry-title"><a href="https://radblog.example/{s}/">'
                f'{t}</a></h2><time datetime="2025-09-{n}">{n}. September 2025</time><div class="entry-summary"><p>{x}</p>'
                '</div></article>' for n, s, t, x in (
                    (12, "see", "Eine Tour rund um den großen See",
                     "Wir sind an einem sonnigen Samstag um den See gefahren und haben dreimal angehalten."),
                    (10, "reifen", "Neue Reifen für den Winter getestet",
                     "Welche Reifen halten bei Nässe und Laub am besten? Vier Modelle im Vergleich."),
                    (11, "radweg", "Neuer Radweg entlang der Bahnlinie",
                     "Der lange geforderte Radweg ist endlich fertig, und wir sind ihn gleich abgefahren.")))
            + "</main></body></html>")


@pytest.mark.parametrize("body, url, expected", [
    ("paged paged-2 tag-paged-2", "https://radblog.example/?tag=radfahren&paged=2", (False, "listing")),
    ("wp-theme", "https://radblog.example/tag/radfahren/page/2/", (False, "listing")),  # the address says so
    ("wp-theme", "https://radblog.example/radfahren-seite-2/", (True, "typed")),
])
def test_a_listings_later_page_with_few_entries_is_a_listing(body, url, expected):
    assert kind(TAG_PAGE.format(body=body), url) == expected


def test_a_posts_later_page_is_no_archives():
    from newsbot.extraction.kind import _later_listing_page, _wordpress_listing

    assert not _wordpress_listing({"single", "single-post", "paged-2", "single-paged-2"})
    assert _wordpress_listing({"paged", "paged-2", "category-paged-2"})
    assert not _later_listing_page("/2025/09/tour-am-see/page/2/")
    assert _later_listing_page("/category/touren/page/3/")


AGENDA = ('<html lang="fr"><head><title>Agenda - Mairie de Saint-Aubin</title></head><body><header><a href="/">'
          '<img src="/logo.png" alt="Mairie de Saint-Aubin"></a></header><main><h1>{h1}</h1>{lead}'
          '<div class="{box}">' + "".join(
              f'<div class="event-item"><h3>{t}</h3><div class="when">{d}, 20h30</div><div class="place">{p}</div>'
              '<p>Entrée libre, ouvert à tous les habitants et aux visiteurs, renseignements auprès de la mairie.</p></div>'
              for t, d, p in (("Concert d’été de l’harmonie municipale", "samedi 13 juin 2026", "Kiosque du parc"),
                              ("Exposition des élèves de l’atelier de peinture", "mardi 16 juin 2026", "Salle des fêtes"),
                              ("Marché des producteurs locaux", "vendredi 19 juin 2026", "Place de l’église"),
                              ("Fête de la musique dans le bourg", "dimanche 21 juin 2026", "Centre-bourg")))
          + "</div></main></body></html>")


@pytest.mark.parametrize("box", ["agenda", "events-list", "eventi"])
def test_a_box_of_dated_events_is_an_agenda(box):
    assert kind(AGENDA.format(h1="Agenda", lead="", box=box), "https://www.saint-aubin.example/agenda") == (False, "listing")


def test_an_article_beside_an_agenda_box_stays_an_article():
    story = "<p>" + "La commune a présenté dimanche le programme de l’été, préparé avec les associations. " * 12 + "</p>"
    html = AGENDA.format(h1="Un été animé à Saint-Aubin", lead=story, box="agenda")
    assert kind(html, "https://www.saint-aubin.example/actualites/un-ete-anime")[0] is True
    # the same box under a name of no events: the events are the page's text, no agenda's list
    assert kind(AGENDA.format(h1="Agenda", lead="", box="programme"), "https://www.saint-aubin.example/agenda")[0] is True


@pytest.mark.parametrize("ld, expected", [
    ('{"@type": "NewsArticle", "headline": "Ce que la commune propose cet été", "datePublished": "2026-06-02"}', True),
    ('{"@type": "NewsArticle", "headline": "Ce que la commune propose cet été"}', False),  # no date of its own
    ('{"@type": "WebPage", "name": "Agenda", "datePublished": "2026-06-02"}', False),  # typed no article
])
def test_a_round_up_of_events_typed_an_article_with_its_date_stays_an_article(ld, expected):
    head = f'<script type="application/ld+json">{ld}</script></head>'
    html = AGENDA.format(h1="Ce que la commune propose cet été", lead="", box="agenda").replace("</head>", head)
    assert kind(html, "https://www.saint-aubin.example/actualites/ete")[0] is expected


EVENT_META = ('<html lang="it"><head><title>{title}</title></head><body><div id="content"><div class="{box}">'
              '<h1>{title}</h1><p class="info">{line}</p></div><div class="text"><p>La nuova stagione porta in scena '
              'un titolo molto amato con la regia di un giovane talento e un cast di voci giovani e già note.</p>'
              '<p>Biglietti in vendita presso la biglietteria e online, con riduzioni per studenti.</p></div></div>'
              '</body></html>')


@pytest.mark.parametrize("box, expected", [("header", True), ("evento-header", False)])
def test_a_meta_line_on_an_events_page_dates_no_headline(box, expected):
    # an opera's day and its composer under the title, in a box naming an event: no story's byline
    html = EVENT_META.format(box=box, title="La Traviata torna al Comunale",
                             line="Sabato 18 aprile 2026, ore 20:30 | di Giuseppe Verdi")
    assert kind(html, "https://www.teatro.example/notizie/traviata")[0] is expected


def test_a_meta_lines_parts():
    from lxml import html as lh

    from newsbot.extraction.kind import _meta_line, _person_name

    assert _person_name("Jan de Vries") and _person_name("Giuseppe Verdi")
    assert not _person_name("scena il capolavoro") and not _person_name("Beginn an") and not _person_name("Anna 2")
    page = Page(b"<html><body><p>x</p></body></html>", "https://www.teatro.example/eventi/traviata")
    line = lh.fragment_fromstring("<p>Sabato 18 aprile 2026 | di Giuseppe Verdi</p>")
    assert _meta_line(line) and not _meta_line(line, page)  # an event's address
    assert not _meta_line(lh.fragment_fromstring("<p>18.04.2026 – 30.05.2026 | di Giuseppe Verdi</p>"))  # a run
    assert not _meta_line(lh.fragment_fromstring("<p>18.04.2026 | di scena il capolavoro del maestro</p>"))


# --- video and podcast pages: no record ----------------------------------------------------

VIDEO_FI = (
    '<html lang="fi"><head><title>Satama sai uuden nosturin | Videot | Rannikkouutiset</title>'
    '<meta property="og:type" content="video.other"><meta property="og:title" content="Satama sai uuden nosturin">'
    '<script type="application/ld+json">{"@context":"https://schema.org","@type":"VideoObject","name":"Satama sai uuden nosturin","uploadDate":"2026-02-08T09:00:00+02:00","duration":"PT4M","thumbnailUrl":"https://rannikko.example/t.jpg","description":"Uusi nosturi nostettiin paikalleen."}</script>'
    '</head><body><header><a href="/">Rannikkouutiset</a><nav><a href="/uutiset">Uutiset</a> <a href="/videot">Videot</a></nav></header>'
    '<main><div class="player"><video controls src="/v/nosturi.mp4"></video></div>'
    '<h1>Satama sai uuden nosturin</h1><p class="meta">Kesto 4 min · Julkaistu 8.2.2026</p>'
    '<p>Uusi nosturi nostettiin paikalleen satamassa maanantaina, ja se otetaan käyttöön jo ensi kuussa kun tarkastukset on tehty.</p>'
    '<h2>More videos</h2><ul><li><a href="/videot/lautta-myohassa">Lautta myöhässä myrskyn takia aamulla</a></li><li><a href="/videot/kalastajat">Kalastajat kertovat talven saaliista</a></li><li><a href="/videot/jaa">Jää sulaa satamassa tavallista aiemmin</a></li></ul>'
    '</main></body></html>'
)
VIDEO_NL = (
    '<html lang="nl"><head><title>Nieuwe kraan in de haven - Video - Kustnieuws</title><meta property="og:type" content="video.other"></head>'
    '<body><nav><a href="/">Home</a> <a href="/video">Video</a></nav>'
    '<main class="video-page"><div class="video-player"><video controls src="/v/kraan.mp4"></video></div>'
    '<h1 class="video-title">Nieuwe kraan in de haven</h1><div class="video-meta">Duur 2:48 · 14 april 2026</div>'
    '<p class="video-description">De haven heeft een nieuwe kraan gekregen die de helft sneller containers kan lossen dan de oude.</p>'
    '<details class="transcript"><summary>Transcript</summary><p>Verslaggever: Hier staat de nieuwe kraan.</p><p>Havenmeester: We zijn er erg blij mee.</p><p>Verslaggever: Wanneer gaat hij draaien?</p><p>Havenmeester: Volgende week al.</p></details>'
    '<div class="more-videos"><h2>Meer video\'s</h2><a href="/video/veerboot">Veerboot vaart weer na storing</a><a href="/video/vissers">Vissers protesteren bij het stadhuis</a></div>'
    '</main></body></html>'
)
PODCAST_ES = (
    '<html lang="es"><head><title>Episodio 42: El puerto que no duerme | Voces del Mar</title><meta property="og:type" content="music.song">'
    '<script type="application/ld+json">{"@context":"https://schema.org","@type":"PodcastEpisode","name":"Episodio 42: El puerto que no duerme","datePublished":"2026-03-12","timeRequired":"PT38M","partOfSeries":{"@type":"PodcastSeries","name":"Voces del Mar"}}</script></head>'
    '<body><main class="podcast-episode"><a class="show" href="/podcast/voces-del-mar">Voces del Mar</a>'
    '<h1>Episodio 42: El puerto que no duerme</h1><p class="meta">12 de marzo de 2026 · 38 min</p>'
    '<audio controls src="/a/ep42.mp3"></audio>'
    '<div class="episode-notes"><p>En este episodio hablamos con los estibadores del turno de noche sobre cómo ha cambiado su trabajo en los últimos diez años.</p>'
    '<p>Invitados: María López, estibadora, y Juan Ruiz, capitán del puerto, que nos cuenta los planes para la nueva terminal.</p><p>Suscríbete en tu aplicación de podcasts favorita.</p></div>'
    '<ul class="episode-list"><li><a href="/podcast/voces-del-mar/41">Episodio 41: Pescadores de invierno</a></li><li><a href="/podcast/voces-del-mar/40">Episodio 40: El faro olvidado</a></li></ul></main></body></html>'
)
PODCAST_DA = (
    '<html lang="da"><head><title>Afsnit 18: Havnens nye naboer - Kystpodcast</title><meta property="og:type" content="website"></head>'
    '<body><main class="podcast"><a href="/podcast/kystpodcast">Podcast: Kystpodcast</a>'
    '<h1>Afsnit 18: Havnens nye naboer</h1><p>20. marts 2026 · 31 minutter</p><audio controls src="/a/18.mp3"></audio>'
    '<p>I dette afsnit besøger vi de nye boligblokke ved havnen og taler med beboerne om livet tæt på færgerne og larmen.</p>'
    '<p>Vært: Mette Holm. Gæst: byplanlægger Søren Dahl, der fortæller om planerne for kajen.</p><p>Lyt også på Spotify og Apple Podcasts.</p></main></body></html>'
)


@pytest.mark.parametrize("html", [VIDEO_FI, VIDEO_NL, PODCAST_ES, PODCAST_DA])
def test_a_video_or_podcast_page_is_no_article(html):
    # its type, a container named for it, an episode's number, a length in minutes, a player
    assert kind(html, "https://www.harbourpost.example/media/12345") == (False, "media")


MEDIA_TEXT = "".join(f"<p>Paragraph {n} of the report: the harbour board met on Monday and agreed to extend "
                     f"the quay by another eighty metres before the summer season begins.</p>" for n in range(6))


@pytest.mark.parametrize("html, reason", [
    # a news article with a video over its text, typed an article by og:type or JSON-LD (its video property)
    ('<html><head><meta property="og:type" content="article"></head><body><main><div class="video-player">'
     '<video src="/v.mp4"></video></div><h1>Quay extension agreed</h1><p>4 min · 3 March 2026</p>'
     + MEDIA_TEXT + "</main></body></html>", "typed"),
    ('<html><head><script type="application/ld+json">{"@type": "NewsArticle", "headline": "Quay extension agreed",'
     ' "datePublished": "2026-03-03", "video": {"@type": "VideoObject", "duration": "PT4M"}}</script></head>'
     '<body><video src="/v.mp4"></video><h1>Quay extension agreed</h1>' + MEDIA_TEXT + "</body></html>", "typed"),
    # a broadcaster's article: VideoObject beside NewsArticle in a @graph
    ('<html><head><script type="application/ld+json">{"@graph": [{"@type": "VideoObject", "name": "Quay",'
     ' "uploadDate": "2026-03-03", "duration": "PT2M"}, {"@type": "NewsArticle", "headline": "Quay extension agreed",'
     ' "datePublished": "2026-03-03"}]}</script></head><body><main class="video-page"><video src="/v.mp4"></video>'
     '<h1>Quay extension agreed</h1><p>Duration 2 min</p>' + MEDIA_TEXT + "</main></body></html>", "typed"),
    # an untyped article about a podcast, its episode player inside the text
    ('<html><body><main><h1>Harbour podcast wins a national prize</h1><p class="meta">3.3.2026 · Mette Holm</p>'
     + MEDIA_TEXT[:600] + '<audio src="/a.mp3"></audio>' + MEDIA_TEXT[600:] + "</main></body></html>", "dated_headline"),
    # a text article with a "listen to this article" player and a reading time under its headline
    ('<html lang="da"><body><main><h1>Havnen udvides med firs meter</h1><p class="meta">3. marts 2026 · 5 min læsetid</p>'
     '<div class="listen"><audio src="/tts.mp3"></audio> Lyt til artiklen</div>' + MEDIA_TEXT + "</main></body></html>",
     "long_text"),
    # a live blog with videos in its entries
    ('<html><body><main class="liveblog"><h1>Live: storm over the coast</h1><p>3.3.2026</p>'
     + "".join(f'<div class="entry"><time datetime="2026-03-03T1{n}:00">1{n}:00</time><p>Update {n}: the wind is now '
               f'blowing at gale force along the whole coast and the ferries stay in port.</p>'
               f'<video src="/v{n}.mp4"></video></div>' for n in range(5)) + "</main></body></html>", "dated_headline"),
])
def test_an_article_with_a_video_or_player_stays_an_article(html, reason):
    assert kind(html) == (True, reason)


def test_a_reading_time_is_no_media_length():
    # without the reading-time words, the minutes, the player and the container make a media page
    html = ('<html lang="da"><body><main class="podcast"><h1>Havnen udvides med firs meter</h1>'
            '<p class="meta">3. marts 2026 · 5 min{}</p><audio src="/a.mp3"></audio>'
            + "</p>".join(MEDIA_TEXT.split("</p>")[:2]) + '</p></main></body></html>')
    assert kind(html.format(" læsetid"))[1] != "media"  # the container and the player alone
    assert kind(html.format("")) == (False, "media")


# --- listings a CMS's or a headline's label calls so ------------------------------------------

DRUPAL_TERM = (
    '<!DOCTYPE html><html lang="pl"><head><title>Port | Wiadomości Portowe</title></head>'
    '<body class="html not-front not-logged-in one-sidebar sidebar-first page-taxonomy page-taxonomy-term page-taxonomy-term- page-taxonomy-term-14">'
    '<div id="page"><div class="main-container container"><section class="col-sm-9"><h1 class="page-header">Port</h1>'
    '<div class="term-listing-heading"><div id="taxonomy-term-14" class="taxonomy-term vocabulary-tags"><div class="content"><div class="taxonomy-term-description"><p>Wiadomości o porcie, statkach i pracy nabrzeża w naszym mieście.</p></div></div></div></div>'
    '<div class="view view-taxonomy-term view-id-taxonomy_term view-display-id-page"><div class="view-content">'
    '<div class="views-row views-row-1 views-row-odd views-row-first"><div class="views-field views-field-title"><span class="field-content"><a href="/wiadomosci/nowy-dzwig">Nowy dźwig stanął na nabrzeżu</a></span></div><div class="views-field views-field-created"><span class="field-content">03.04.2026</span></div><div class="views-field views-field-body"><div class="field-content"><p>Nowy dźwig może rozładować kontener w połowę czasu, jaki potrzebował stary.</p></div></div></div>'
    '<div class="views-row views-row-2 views-row-even"><div class="views-field views-field-title"><span class="field-content"><a href="/wiadomosci/prom-opozniony">Prom opóźniony przez sztorm</a></span></div><div class="views-field views-field-created"><span class="field-content">01.04.2026</span></div><div class="views-field views-field-body"><div class="field-content"><p>Poranny prom wypłynął z trzygodzinnym opóźnieniem z powodu silnego wiatru.</p></div></div></div>'
    '<div class="views-row views-row-3 views-row-odd views-row-last"><div class="views-field views-field-title"><span class="field-content"><a href="/wiadomosci/rybacy">Rybacy protestują pod ratuszem</a></span></div><div class="views-field views-field-created"><span class="field-content">28.03.2026</span></div><div class="views-field views-field-body"><div class="field-content"><p>Kilkudziesięciu rybaków protestowało przeciwko nowym limitom połowowym na Bałtyku.</p></div></div></div>'
    '</div></div></section></div></div></body></html>'
)
TAG_PAGE_LT = (
    '<!DOCTYPE html><html lang="lt"><head><title>Žyma: uostas | Pajūrio žinios</title></head>'
    '<body><header><a href="/">Pajūrio žinios</a></header><main><h1>Žyma: uostas</h1>'
    '<div class="articles-list">'
    '<div class="article-item"><h3><a href="/naujienos/naujas-keltas">Uoste pradėjo veikti naujas keltas</a></h3><span class="date">2026-04-03 10:15</span><p>Naujas keltas per dieną gali perplukdyti iki tūkstančio keleivių.</p></div>'
    '<div class="article-item"><h3><a href="/naujienos/audra">Audra sutrikdė keltų eismą</a></h3><span class="date">2026-03-30 08:40</span><p>Rytiniai reisai buvo atšaukti dėl stipraus vėjo marių pakrantėje.</p></div>'
    '<div class="article-item"><h3><a href="/naujienos/zvejai">Žvejai protestavo prie savivaldybės</a></h3><span class="date">2026-03-28 14:05</span><p>Keliasdešimt žvejų protestavo prieš naujas žvejybos kvotas Baltijoje.</p></div>'
    '</div></main></body></html>'
)
AGENDA_IT = (
    '<!DOCTYPE html><html lang="it"><head><title>Agenda eventi - Comune di Portoverde</title></head>'
    '<body><header><a href="/">Comune di Portoverde</a></header><main><h1>Agenda eventi</h1>'
    '<div class="elenco-eventi">'
    '<div class="evento"><div class="data"><span class="giorno">18</span> <span class="mese">apr</span></div><h3><a href="/eventi/concerto-banda">Concerto della banda cittadina</a></h3><p>Piazza del Porto</p><p>ore 21:00</p></div>'
    '<div class="evento"><div class="data"><span class="giorno">25</span> <span class="mese">apr</span></div><h3><a href="/eventi/mercato">Mercato del pesce in piazza</a></h3><p>Lungomare</p><p>ore 8:00</p></div>'
    '<div class="evento"><div class="data"><span class="giorno">2</span> <span class="mese">mag</span></div><h3><a href="/eventi/regata">Regata di primavera</a></h3><p>Porto turistico</p><p>ore 10:30</p></div>'
    '</div></main></body></html>'
)


@pytest.mark.parametrize("html", [DRUPAL_TERM, TAG_PAGE_LT, AGENDA_IT])
def test_a_term_page_a_labelled_tag_page_and_an_agenda_of_three_entries_are_listings(html):
    # three dated entries: fewer than a teaser run needs, but the body class, the headline's
    # label ("Žyma:", tag) or the agenda's box and its day badges say so
    assert kind(html) == (False, "listing")


def test_a_node_page_with_three_related_rows_and_a_long_labelled_headline_stay_articles():
    node = DRUPAL_TERM.replace("page-taxonomy page-taxonomy-term page-taxonomy-term- page-taxonomy-term-14",
                               "page-node page-node-88 node-type-article").replace(
        '<h1 class="page-header">Port</h1>', '<h1 class="page-header">Nowe nabrzeże gotowe przed sezonem</h1>'
        '<p>03.04.2026</p>' + "<p>Nowe nabrzeże w porcie zostało oddane do użytku w poniedziałek, dwa tygodnie "
        "przed terminem i bez przekroczenia budżetu, poinformował zarząd portu.</p>" * 4)
    assert kind(node)[0] is True
    headline = TAG_PAGE_LT.replace("<h1>Žyma: uostas</h1>", "<h1>Žyma: kodėl uosto plėtra vėl atidedama kitiems metams</h1>"
                                   "<p>2026-04-03</p>" + "<p>Uosto direkcija pranešė, kad plėtros darbai atidedami, "
                                   "nes konkursas buvo nutrauktas dėl per didelių kainų pasiūlymų.</p>" * 4)
    assert kind(headline)[0] is True


def test_an_agenda_badge_needs_an_events_box():
    # the same items in a box that names no events: their day badges date nothing
    html = AGENDA_IT.replace("elenco-eventi", "elenco-notizie").replace("Agenda eventi", "Notizie dal porto")
    assert kind(html)[1] != "listing"


# --- articles read as listings ---------------------------------------------------------------

ELEMENTOR_POST = (
    '<!DOCTYPE html><html lang="lt"><head><title>Uoste pradėjo veikti naujas keltas – Pajūrio žinios</title></head>'
    '<body class="post-template-default single single-post postid-5512 single-format-standard elementor-default elementor-kit-7 elementor-page-120">'
    '<div data-elementor-type="header" class="elementor elementor-12"><nav><a href="/">Pradžia</a> <a href="/naujienos/">Naujienos</a> <a href="/sportas/">Sportas</a></nav></div>'
    '<div data-elementor-type="wp-post" data-elementor-id="120" class="elementor elementor-120">'
    '<div class="elementor-element elementor-widget elementor-widget-theme-post-title elementor-page-title elementor-widget-heading"><div class="elementor-widget-container"><h1 class="elementor-heading-title elementor-size-default">Uoste pradėjo veikti naujas keltas</h1></div></div>'
    '<div class="elementor-element elementor-widget elementor-widget-post-info"><div class="elementor-widget-container"><ul class="elementor-inline-items elementor-icon-list-items elementor-post-info">'
    '<li class="elementor-icon-list-item elementor-repeater-item-a1"><span class="elementor-icon-list-text elementor-post-info__item elementor-post-info__item--type-author">Autorius: Rūta Kazlauskienė</span></li>'
    '<li class="elementor-icon-list-item elementor-repeater-item-a2"><span class="elementor-icon-list-text elementor-post-info__item elementor-post-info__item--type-date"><time>2026-04-03</time></span></li></ul></div></div>'
    '<div class="elementor-element elementor-widget elementor-widget-theme-post-content"><div class="elementor-widget-container">'
    '<p>Klaipėdos uoste šį pirmadienį pradėjo kursuoti naujas keltas, kuris per dieną gali perplukdyti iki tūkstančio keleivių.</p>'
    '<p>Keltų bendrovės vadovas teigė, kad naujas laivas sumažins eiles vasaros sezono metu ir sutrumpins kelionės laiką.</p>'
    '<p>Bilietų kainos nesikeis, o keleiviai bilietus galės įsigyti ir internetu, ir kasose prie perkėlos.</p></div></div></div>'
    '<div data-elementor-type="footer"><p>© Pajūrio žinios</p></div></body></html>'
)


def test_an_elementor_post_is_dated_by_its_post_info_list():
    # no <article>, no og:type, no JSON-LD: the date in Elementor's post-info list dates the headline
    assert kind(ELEMENTOR_POST, "https://www.pajuris.example/naujas-keltas/") == (True, "dated_headline")
    teaser = ELEMENTOR_POST.replace('<time>2026-04-03</time>', '<a href="/kiti/naujienos-apie-uosta-ir-keltus">'
                                    'Kitos naujienos apie uostą ir keltus</a> <time>2026-04-03</time>')
    assert kind(teaser, "https://www.pajuris.example/naujas-keltas/")[1] != "dated_headline"  # a teaser's date


# --- a media page's signals read where a media page prints them --------------------------------

QUAY_TEXT = ("<p>The harbour board met on Monday and agreed to extend the quay by another eighty metres "
              "before the summer season begins, the chair said.</p><p>Work starts in April and should end "
              "in June, when the first cruise ships of the year are due.</p>")


def media_brief(meta: str, after: str = '<video controls src="/v/quay.mp4"></video>', head: str = "",
                main: str = "<main>", h1: str = "Quay extension agreed by the board", lang: str = "en") -> str:
    return (f'<html lang="{lang}"><head><title>{h1}</title>{head}</head><body><nav><a href="/">Home</a></nav>'
            f'{main}<div class="story"><h1>{h1}</h1><p class="meta">{meta}</p>{after}{QUAY_TEXT}</div></main></body></html>')


@pytest.mark.parametrize("meta, lang", [
    ("3 March 2026 · 20 min", "en"),  # a length alone in its meta item
    ("Duration 4:12 · 3 March 2026", "en"),  # a length after a duration word
    ("Kesto 4 min · 3.3.2026", "fi"),
])
def test_a_length_in_the_headlines_meta_line_and_a_bare_player_make_a_media_page(meta, lang):
    # with the container named for a video: three signals, no structured type needed
    assert kind(media_brief(meta, lang=lang, main='<main class="video-page">')) == (False, "media")
    assert kind(media_brief(meta, lang=lang))[0] is True  # two signals: a theme's clock icon and a hero video


@pytest.mark.parametrize("meta, lang", [
    ("3 March 2026 · Updated 20 min ago", "en"),  # a relative time
    ("3. März 2026 · vor 40 Minuten", "de"),
    ("3 mars 2026 · il y a 12 min", "fr"),
    ("3 de marzo de 2026 · Lectura: 2 min", "es"),  # reading times
    ("3 mars 2026 · Läsetid 3 min", "sv"),
    ("3 de março de 2026 · Leitura: 4 min", "pt"),
    ("3 martie 2026 · Citire: 3 min", "ro"),
    ("3 March 2026 · 14:20", "en"),  # a clock time
])
def test_a_relative_time_a_reading_time_or_a_clock_is_no_media_length(meta, lang):
    assert kind(media_brief(meta, lang=lang))[1] != "media"  # the player alone


def test_a_matchs_minute_alone_on_its_line_is_no_media_length():
    html = media_brief("3. března 2026 10:20", after='<p class="time">90 min</p><div class="clip"><video src="/g.mp4"></video></div>',
                       lang="cs")
    assert kind(html)[1] != "media"


def test_a_labelled_listen_player_is_an_articles():
    labelled = '<div class="listen"><span>Listen to this article</span> <audio controls src="/tts.mp3"></audio></div>'
    bare = '<div class="listen"><audio controls src="/tts.mp3"></audio></div>'
    main = '<main class="podcast">'
    assert kind(media_brief("3 March 2026 · 3 min", after=labelled, main=main))[0] is True
    assert kind(media_brief("3 March 2026 · 3 min", after=bare, main=main)) == (False, "media")


def test_a_player_inside_the_text_or_after_it_is_no_signal():
    html = media_brief("3 March 2026 · 20 min", after="").replace(
        "</div></main>", '<p>Watch: <video src="/v.mp4"></video></p></div></main>')
    assert kind(html)[0] is True


@pytest.mark.parametrize("main, classes", [
    ('<main><div class="section-video">', ""),  # an outer ancestor's name
    ("<main>", "post type-post format-video hentry tag-video"),  # WordPress's post classes
    ("<main>", "video-article__header"),  # a part of a block named for a video
])
def test_a_container_name_counts_on_the_main_or_the_headlines_block_only(main, classes):
    html = media_brief("3 March 2026 · 20 min", main=main).replace('<div class="story">', f'<div class="story {classes}">')
    assert kind(html)[0] is True  # the player and the length alone
    assert kind(html.replace("<main>", '<main class="video-page">')) == (False, "media")


def test_an_episodes_number_alone_or_without_its_colon_makes_no_media_page():
    # a review's headline numbers an episode: one signal, no media page
    assert kind(media_brief("3 March 2026", after="", h1="Episode 5: the keeper finally tells his secret"))[0] is True
    # no colon after the number, or no episode word: the player is the one signal
    assert kind(media_brief("3. März 2026", h1="Folge 12 unserer Serie: die Bäckerin vom Markt", lang="de"))[1] != "media"
    assert kind(media_brief("2026年3月3日", h1="第3期：港口的新起重机", lang="zh"))[1] != "media"


def test_an_episodes_number_and_a_colon_beside_another_signal_make_a_media_page():
    episode = media_brief("3 March 2026", h1="Episode 5: the keeper finally tells his secret", main='<main class="podcast">')
    assert kind(episode) == (False, "media")
    assert kind(episode.replace("Episode 5: the", "The"))[0] is True  # the container and the player alone


def test_a_published_time_meta_says_article_before_a_media_type():
    html = media_brief("3 March 2026 · 20 min", head='<meta property="og:type" content="video.other">'
                       '<meta property="article:published_time" content="2026-03-03T09:00:00Z">')
    assert kind(html) == (True, "published_meta")


def test_a_text_that_reads_as_an_articles_makes_no_media_page():
    typed = media_brief("3 March 2026 · 20 min", head='<meta property="og:type" content="video.other">')
    assert kind(typed) == (False, "media")  # a short description under the video
    long_html = typed.replace(QUAY_TEXT, QUAY_TEXT + MEDIA_TEXT).replace("<main>", '<main class="video-page">')
    assert kind(long_html)[0] is True  # its type and three signals over an article's text (a player plugin's)


def test_a_video_object_types_the_page_only_naming_its_headline():
    ld = ('<script type="application/ld+json">{"@context": "https://schema.org", "@type": "VideoObject", '
          '"name": "%s", "uploadDate": "2026-03-03"}</script>')
    assert kind(media_brief("3 March 2026", head=ld % "Quay works"))[0] is True  # an embedded clip's name
    assert kind(media_brief("3 March 2026", head=ld % "Quay extension agreed by the board")) == (False, "media")


# --- a labelled front's headline and entries ---------------------------------------------------

RELATED_DATED = ('<aside class="related"><ul><li><a href="/news/ferry-timetable-changes">Ferry timetable changes '
                 'for the spring</a> <span>02.03.2026</span></li><li><a href="/news/new-harbour-master">New harbour '
                 'master starts in April</a> <span>27.02.2026</span></li><li><a href="/news/fishing-quotas-cut">'
                 'Fishing quotas cut again this year</a> <span>20.02.2026</span></li></ul></aside>')


@pytest.mark.parametrize("h1, lang", [
    ("Archive: how the harbour's ledgers were found", "en"),  # more than three words
    ("Tag: you're it, harbour master", "en"),  # a sentence's comma
    ("Autorin: Die Dichterin, die heimkehrte", "de"),
])
def test_a_kicker_headline_over_a_related_box_stays_an_article(h1, lang):
    html = (f'<html lang="{lang}"><body><main><div class="story"><h1>{h1}</h1><p class="dateline">3.3.2026</p>'
            f'{QUAY_TEXT}</div>{RELATED_DATED}</main></body></html>')
    assert kind(html)[0] is True


def test_a_labelled_fronts_entries_in_an_aside_make_no_listing():
    assert kind(TAG_PAGE_LT) == (False, "listing")
    boxed = TAG_PAGE_LT.replace('<div class="articles-list">', '<aside class="articles-list">').replace(
        "</div></main>", "</aside></main>")
    assert kind(boxed)[1] != "listing"


LABELLED_ENTRY = ('<article class="entry"><h2><a href="/2026/03/0{n}/quay-story-{n}/">Quay story number {n} of the spring</a></h2>'
         '<p>0{n}.03.2026</p><p>A short excerpt of the story about the quay.</p></article>')


@pytest.mark.parametrize("h1, lang", [
    ("Tag: quay", "en"),  # entries right under <main>
    ("Tag Archives: quay", "en"),
    ("Archives de catégorie : quai", "fr"),
])
def test_a_labelled_fronts_entries_under_main(h1, lang):
    entries = "".join(LABELLED_ENTRY.format(n=n) for n in range(1, 4))
    html = (f'<html lang="{lang}"><body><main><header class="archive-header"><h1 class="archive-title">{h1}</h1></header>'
            f'{entries}</main></body></html>')
    assert kind(html, "https://www.harbourpost.example/label/quay/") == (False, "listing")


# --- an agenda's day badges name a month -----------------------------------------------------------

def agenda(badges: list[str]) -> str:
    days = iter(badges)
    return re.sub(r'<div class="data">.*?</div>', lambda m: f'<div class="data">{next(days)}</div>', AGENDA_IT)


def test_a_day_badge_names_a_month_or_prints_one_in_digits():
    assert kind(agenda(["18 apr", "25 apr", "2 mag"])) == (False, "listing")
    assert kind(agenda(["8.12.", "14.12.", "2.1."])) == (False, "listing")
    assert kind(agenda(["17 ore", "19 ore", "20 ore"]))[1] != "listing"  # times
    assert kind(agenda(["12 commenti", "3 commenti", "7 commenti"]))[1] != "listing"


# --- a short text under a signed headline ----------------------------------------------------------

SV_CLIP = ('<html lang="sv"><head><meta charset="utf-8"><title>Färjan ställs in efter stormen | Radio Norr</title></head>'
           '<body><nav><a href="/">Start</a> <a href="/nyheter">Nyheter</a></nav><main><article class="nr-article">'
           '<a class="nr-section" href="/nyheter/gotland">Gotland</a><h1>Färjan ställs in efter stormen</h1>'
           '<div class="nr-video-player"><div class="player-placeholder">Spela klipp 1:42</div>'
           '<p class="caption">Se klippet: vågorna slog över kajen i Visby. Foto: Anna Berg/TT</p></div>'
           '<p class="nr-lead">Alla avgångar till Visby är inställda under tisdagen.</p>'
           '<div class="nr-byline">Erik Lund, reporter</div>'
           '<div class="nr-meta">Publicerad 12 mars 2026 kl 07.15 · Uppdaterad 12 mars 2026 kl 09.02</div>'
           '<div class="nr-body"><p>Rederiet meddelade på morgonen att inga fartyg lämnar hamnen förrän vinden mojnar.</p>'
           '<p>Resenärer som redan bokat kan flytta sin resa utan kostnad, uppger bolaget.</p>'
           '<p>Nästa besked väntas vid lunchtid, då en ny prognos kommer.</p>'
           '<aside><h2>Läs också</h2><ul><li><a href="/nyheter/a1">Stormen drar in över östkusten under natten</a></li>'
           '<li><a href="/nyheter/a2">Så påverkas tågen av det hårda vädret i helgen</a></li></ul></aside>'
           '</div></article></main></body></html>')
SK_INFO = ('<html lang="sk"><head><meta charset="utf-8"><title>Mesto opraví most cez Hron | Noviny Pohronia</title></head>'
           '<body><div class="menu"><a href="/">Domov</a> <a href="/spravy">Správy</a></div>'
           '<article><h1>Mesto opraví most cez Hron</h1>'
           '<div class="article-info">Publikované 10. marca 2026 o 14:35 · <a class="author" href="/autor/jk">Jana Kováčová</a></div>'
           '<div class="article-content"><p>Oprava starého mosta sa začne v apríli a potrvá približne pol roka.</p>'
           '<p>Počas prác bude doprava presmerovaná na obchvat, uviedla radnica.</p>'
           '<p>Náklady dosiahnu takmer dva milióny eur, väčšinu zaplatí eurofond.</p></div></article></body></html>')
HR_TABLE = ('<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1250">'
            '<title>Glas Zagorja :: Općina gradi novi vrtić u središtu</title></head><body><table><tr>'
            '<td class="menu"><a href="/">Naslovnica</a><br><a href="/vijesti">Vijesti</a><br><a href="/sport">Šport</a></td>'
            '<td valign="top"><h2>Općina gradi novi vrtić u središtu</h2>'
            '<p class="datum">Objavljeno: 10.03.2026. u 12:50 | Autor: Marija Horvat</p>'
            '<p>Gradnja novog dječjeg vrtića počet će već sljedećeg mjeseca, potvrdio je načelnik.</p>'
            '<p>Vrtić će primiti sto dvadeset djece, a otvorenje se očekuje iduće jeseni.</p>'
            '<p>Roditelji se zasad mogu prijaviti u općinskoj službi svakog radnog dana.</p></td></tr></table></body></html>')
LV_BYLINE = ('<html lang="lv"><head><title>Rīgas ziņas - Ostā sāk būvēt jaunu piestātni</title></head><body>'
             '<div class="galva"><a href="/">Sākums</a> <a href="/zinas">Ziņas</a></div>'
             '<div class="raksts"><h1>Ostā sāk būvēt jaunu piestātni</h1><div class="autors">Autore: Līga Ozoliņa</div>'
             '<div class="teksts"><p>Ostas pārvalde šonedēļ parakstīja līgumu par jaunas piestātnes būvniecību.</p>'
             '<p>Darbi ilgs divus gadus, un tie izmaksās vairāk nekā četrus miljonus eiro.</p>'
             '<p>Jaunā piestātne ļaus ostā pieņemt lielākus kuģus, skaidroja pārvaldes vadītājs.</p></div></div></body></html>')


@pytest.mark.parametrize("html, reason", [
    (SV_CLIP, "signed_headline"),  # a byline's class beside a clip's placeholder (no <video>: no media page)
    (SK_INFO, "dated_headline"),  # its date line (a day `o` a time, closed by the author's name) is read first
    (HR_TABLE.encode("cp1250"), "signed_headline"),  # a table layout's <h2> the <title> repeats, its date and byline line
    (LV_BYLINE.encode("cp1257"), "signed_headline"),  # a byline's lead-in and name, no date printed; no charset declared
])
def test_a_short_text_under_a_signed_headline_is_an_article(html, reason):
    assert kind(html, "https://www.example.test/news/a-story-1234") == (True, reason)


def test_no_signature_no_event_and_no_update_alone_signs_a_short_text():
    assert kind(SK_INFO.replace('<a class="author" href="/autor/jk">Jana Kováčová</a>', "foto: archív")
                .replace("Publikované", "Aktualizované"), "https://www.example.test/news/a") == (False, "no_evidence")
    assert kind(LV_BYLINE.replace("Autore: Līga Ozoliņa", "Foto: arhīvs"), "https://www.example.test/x") \
        == (False, "no_evidence")
    exhibition = LV_BYLINE.replace('<div class="raksts">', '<div class="event-detail"><div class="raksts">').replace("</body>", "</div></body>")
    assert kind(exhibition, "https://www.example.test/podujatia/most") == (False, "no_evidence")
    assert kind(LV_BYLINE, "https://www.example.test/veranstaltungen/most") == (False, "no_evidence")
    # a byline in the footer signs no headline
    footer = LV_BYLINE.replace('<div class="autors">Autore: Līga Ozoliņa</div>', "").replace(
        "</body>", '<div><p>x</p></div><div class="kajene"><p>y</p></div><footer><p>Autore: Līga Ozoliņa</p></footer></body>')
    assert kind(footer, "https://www.example.test/x") == (False, "no_evidence")


def test_a_signed_lead_story_over_teasers_stays_a_front():
    teasers = "".join(TEASER.format(n=n) for n in range(1, 8))
    html = SK_INFO.replace("</article>", f"</article><section>{teasers}</section>")
    assert kind(html, "https://www.example.test/") == (False, "no_evidence")
    related = "".join(f'<li><a href="/nyheter/r{n}">Another story about the storm, part {n}</a></li>' for n in range(6))
    assert kind(SV_CLIP.replace("</ul></aside>", f"{related}</ul></aside>"), "https://www.example.test/a") \
        == (True, "signed_headline")  # a long related box


def _front(body: str, lang: str = "de", title: str = "Hafen | Kurier am Deich") -> str:
    return (f'<html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title></head><body>'
            f'<nav><a href="/">Start</a> <a href="/lokales">Lokales</a></nav><main>{body}</main></body></html>')


SIGNED_BRIEF = ('<h1>Fähre fährt ab Montag wieder nach Fahrplan</h1><p class="byline">Von Anna Berger</p>'
                '<p>Nach drei Wochen Werftaufenthalt kehrt die Inselfähre am Montag in den regulären Dienst zurück, teilte die Reederei mit.</p>'
                '<p>Die Ersatzschiffe werden am Wochenende abgezogen.</p>')


def test_a_signed_brief_on_its_own_page_is_an_article():
    assert kind(_front(SIGNED_BRIEF), "https://www.example.test/lokales/faehre-88") == (True, "signed_headline")


def test_a_person_named_by_the_headline_signs_no_text():
    about = ('<div class="author-head"><h1>Anna Berger</h1><div class="author-role">Autorin: Anna Berger, Lokalredaktion</div></div>'
             '<p>Anna Berger schreibt seit 2015 für den Kurier über Hafen, Verkehr und Stadtentwicklung an der ganzen Westküste.</p>'
             '<p>Zuvor arbeitete sie sechs Jahre beim Lokalradio in Husum.</p>')
    assert kind(_front(about), "https://www.example.test/autoren/anna-berger") == (False, "no_evidence")
    profile = about.replace('<div class="author-role">Autorin: Anna Berger, Lokalredaktion</div>', '<div class="byline">Anna Berger</div>')
    assert kind(_front(profile), "https://www.example.test/autoren/anna-berger") == (False, "no_evidence")


def test_a_source_line_or_a_shops_author_signs_no_text():
    source = SIGNED_BRIEF.replace("Von Anna Berger", "Quelle: Statistisches Landesamt Nord")
    assert kind(_front(source), "https://www.example.test/service/pegel") == (False, "no_evidence")
    book = ('<div class="product-info"><h1>Das Salz der Marsch</h1><p class="product-author">Autor: Jan Peters</p>'
            '<p class="product-price">22,00 €</p><button>In den Warenkorb</button></div>'
            '<div class="description"><p>Ein Roman über zwei Schwestern, die eine Salzsiederei an der Küste erben und gegen einen Investor um ihr Erbe kämpfen müssen.</p>'
            '<p>Gebunden, 312 Seiten, mit einem Nachwort der Autorin.</p></div>')
    assert kind(_front(book), "https://www.example.test/buch/das-salz-der-marsch") == (False, "no_evidence")
    sidebar = '<div class="shop"><span class="price">4,90 €</span></div>'
    assert kind(_front(f"<article>{SIGNED_BRIEF}</article><div>{sidebar}</div>"), "https://www.example.test/lokales/faehre-88") \
        == (True, "signed_headline")  # a price outside the headline's block


def test_a_poll_under_a_signed_headline_is_no_article():
    poll = ('<h1>Soll der Deich begrünt werden?</h1><p class="author">Anna Berger</p><form class="poll">'
            '<p>Der Gemeinderat berät über eine Bepflanzung des alten Deichs. Sollte die Gemeinde dafür im nächsten Jahr Geld aus der Rücklage ausgeben?</p>'
            '<label><input type="radio" name="v"> Ja</label><label><input type="radio" name="v"> Nein</label></form>')
    assert kind(_front(poll), "https://www.example.test/umfrage/deich") == (False, "no_evidence")
    signup = '<form class="newsletter"><p>Der Newsletter am Morgen.</p><input name="mail"></form>'
    assert kind(_front(SIGNED_BRIEF + signup), "https://www.example.test/lokales/faehre-88") == (True, "signed_headline")


def test_a_lead_story_signed_in_its_own_box_or_over_a_list_signs_no_front():
    box = ('<h1>Hafen</h1><div class="topic-lead"><h2>Neuer Kran für den Containerhafen</h2><p class="byline">Von Anna Berger</p>'
           '<p>Der Hafenbetreiber hat einen zweiten Kran bestellt, der ab dem Herbst die Abfertigung der Schiffe beschleunigen soll.</p>'
           '<a href="/hafen/neuer-kran-a1">Weiterlesen</a></div>'
           '<div><h3><a href="/hafen/schlepper-a2">Schlepper rettet Segler vor der Mole</a></h3></div>')
    assert kind(_front(box), "https://www.example.test/thema/hafen") == (False, "no_evidence")
    items = "".join(f'<li><a href="/hafen/meldung-{n}">Kurzmeldung aus dem Hafen Nummer {n} des Tages</a></li>' for n in range(4))
    assert kind(_front(SIGNED_BRIEF + f"<ul>{items}</ul>"), "https://www.example.test/thema/hafen") == (False, "no_evidence")
    three = "".join(f'<li><a href="/hafen/meldung-{n}">Kurzmeldung aus dem Hafen Nummer {n} des Tages</a></li>' for n in range(3))
    assert kind(_front(SIGNED_BRIEF + f"<ul>{three}</ul>"), "https://www.example.test/lokales/faehre-88") \
        == (True, "signed_headline")  # three stories linked: an article's further reading
    menu = f"<header><ul>{items}</ul></header>"
    body = SIGNED_BRIEF.replace("</h1>", '</h1><div class="content">') + "<h2>Wie es weitergeht</h2><p>Die Werft prüft das Schiff im Herbst erneut.</p></div>"
    assert kind(_front(body), "https://www.example.test/lokales/faehre-88") == (True, "signed_headline")  # a text's sub-heading
    named = SIGNED_BRIEF.replace("Fähre fährt ab Montag wieder nach Fahrplan", "Hamlet").replace("Anna Berger", "Anna Berger, Hamlet")
    assert kind(_front(named), "https://www.example.test/kultur/hamlet-88") == (True, "signed_headline")  # no person's name
    assert kind(_front(menu + SIGNED_BRIEF), "https://www.example.test/lokales/faehre-88") == (True, "signed_headline")


# --- a page typed a thing no article is -----------------------------------------------------------

JOB_LD = ('{"@context":"https://schema.org","@type":"JobPosting","title":"Library Assistant","datePosted":"2026-03-02",'
          '"validThrough":"2026-03-23","hiringOrganization":{"@type":"Organization","name":"Northvale Borough Council"}}')
JOB_BODY = ('<h1>Library Assistant</h1><table class="job-summary"><tr><th>Closing date</th><td>23 March 2026</td></tr>'
            '<tr><th>Salary</th><td>£24,500 pro rata</td></tr><tr><th>Location</th><td>Central Library</td></tr></table>'
            '<h2>The role</h2><p>You will help visitors find books, run the reading hour on Saturdays and look after '
            'the study rooms.</p><p>The post is 22 hours a week, including one late evening and alternate Saturdays.</p>'
            '<h2>Requirements</h2><ul><li>Experience of working with the public</li><li>Good computer skills</li></ul>'
            '<p>For an informal chat about the role, call the library manager before you apply online.</p>'
            '<p><a href="/jobs/apply/4411">Apply online</a></p>')


def _typed(ld: str, body: str = JOB_BODY, head: str = '<meta property="og:type" content="article">') -> str:
    return (f'<html lang="en"><head><title>Library Assistant | Northvale Council</title>{head}'
            f'<script type="application/ld+json">{ld}</script></head><body><main>{body}</main></body></html>')


def test_a_job_advertisement_or_an_event_typed_so_is_no_article():
    assert kind(_typed(JOB_LD)) == (False, "typed_other")
    assert kind(_typed(JOB_LD, head="")) == (False, "typed_other")
    event = '{"@context":"https://schema.org","@type":"MusicEvent","name":"Library Assistant","startDate":"2026-04-18"}'
    assert kind(_typed(event)) == (False, "typed_other")


def test_an_article_on_jobs_or_on_an_event_it_reports_stays_an_article():
    news = '{"@context":"https://schema.org","@type":"NewsArticle","headline":"Library Assistant"}'
    assert kind(_typed(news)) == (True, "typed")
    graph = ('{"@context":"https://schema.org","@graph":[{"@type":"NewsArticle","headline":"Library Assistant"},'
             '{"@type":"Event","name":"Library Assistant","startDate":"2026-04-18"}]}')
    assert kind(_typed(graph)) == (True, "typed")
    other = '{"@context":"https://schema.org","@type":"JobPosting","title":"Night porter"}'  # another page's job
    assert kind(_typed(other)) == (True, "typed")
    product = '{"@context":"https://schema.org","@type":"Product","name":"Library Assistant"}'
    assert kind(_typed(product, head=""))[0] is True


REPORT_BODY = ('<article><h1>Library Assistant</h1><p class="byline">By Ruth Ellery</p>'
               '<p>The borough is hiring a library assistant for the reopened central library, the council said on Monday.</p>'
               '<p>Applications close later this month, and the library expects a long list of candidates.</p></article>')


def test_an_event_or_a_job_reported_on_under_a_byline_stays_an_article():
    event = '{"@context":"https://schema.org","@type":"Festival","name":"Library Assistant","startDate":"2026-04-18"}'
    assert kind(_typed(event, REPORT_BODY)) == (True, "typed")  # its og:type is article
    assert kind(_typed(event, REPORT_BODY, head="")) == (True, "signed_headline")
    dated = '<meta property="article:published_time" content="2026-03-09T10:00:00Z">'
    assert kind(_typed(event, JOB_BODY, head=dated)) == (True, "published_meta")
    assert kind(_typed(event, JOB_BODY, head=""), "https://www.example.test/2026/03/09/library-assistant/")[0] is True
    assert kind(_typed(JOB_LD, REPORT_BODY)) == (True, "typed")


def test_a_job_advertisements_posting_day_or_an_events_own_day_reports_nothing():
    posted = JOB_BODY.replace("</h1>", '</h1><p class="meta">Published on 2 March 2026</p>')
    assert kind(_typed(JOB_LD, posted)) == (False, "typed_other")
    event = '{"@context":"https://schema.org","@type":"TheaterEvent","name":"Library Assistant","startDate":"2026-04-18"}'
    on = JOB_BODY.replace("</h1>", '</h1><p class="event-date">Saturday 18 April 2026, 7.30pm</p>')
    assert kind(_typed(event, on)) == (False, "typed_other")


# --- a data table beside little text of its own ---------------------------------------------------

FORECAST = ('<table class="forecast"><tr><th>Den</th><th>Max</th><th>Min</th><th>Srážky</th></tr>'
            + "".join(f"<tr><td>{d} {n}. 3.</td><td>{n + 2} °C</td><td>{n - 8} °C</td><td>{n % 4} mm</td></tr>"
                      for n, d in ((10, "Úterý"), (11, "Středa"), (12, "Čtvrtek"), (13, "Pátek"), (14, "Sobota")))
            + "</table>")
SUMMARY = ("<p>V úterý bude polojasno, odpoledne se od západu zatáhne a ve středu místy sprchne. Ke konci týdne se "
           "ochladí a v noci může mrznout. Na horách se čeká slabé sněžení a silný vítr.</p>")


def _weather(body: str) -> str:
    return ('<html lang="cs"><head><title>Počasí Brno | Jihomoravský deník</title></head><body><main><h1>Počasí Brno</h1>'
            f'<p class="updated">Aktualizováno: <time datetime="2026-03-10T14:00">10. 3. 2026 14:00</time></p>{body}'
            '</main></body></html>')


def test_a_forecast_table_beside_one_paragraph_is_no_article():
    assert kind(_weather(FORECAST + SUMMARY)) == (False, "data_table")


def test_a_report_or_results_over_a_data_table_stay_articles():
    assert kind(_weather(SUMMARY))[0] is True  # no table: a brief under its dated headline
    three = SUMMARY + "<p>Meteorologové varují řidiče před náledím na silnicích.</p><p>Výstraha platí do čtvrtka.</p>"
    assert kind(_weather(FORECAST + three))[0] is True  # results, a report: three paragraphs
    aside = f"<aside>{FORECAST}</aside>"
    assert kind(_weather(SUMMARY + aside))[0] is True  # a box beside the text
    wide = FORECAST.replace("<td>Sobota 14. 3.</td>", "<td>Sobota, kdy se k večeru od západu zatáhne a sprchne</td>")
    assert kind(_weather(wide + SUMMARY))[0] is True  # a cell of text: a layout table, no data


def test_a_signed_brief_over_a_data_table_stays_an_article():
    signed = _weather(FORECAST + SUMMARY).replace('<p class="updated">', '<p class="updated">Autor: Petr Dvořák · ')
    assert kind(signed) == (True, "dated_headline")
    assert kind(_weather(FORECAST + SUMMARY), "https://www.example.test/2026/03/10/pocasi-brno/") == (True, "dated_headline")


def test_an_event_word_is_one_vocabulary_for_the_dates_and_the_kind():
    from newsbot.extraction.date_fields import _token_names_event
    from newsbot.extraction.kind import _dated_path

    assert _token_names_event("agenda-date") and _token_names_event("eventi-list") and _token_names_event("events")
    assert not _token_names_event("agenda-slider") and not _token_names_event("pointer-events-none")
    assert not _dated_path("/agenda/2026/04/18/concerto-in-piazza/")  # an event's day, no article's
    assert _dated_path("/2026/04/18/concerto-in-piazza/")
