"""The field table (newsbot/extraction/record.py) and the fields it added: one declaration a
field, read by the schema, the stats, the monitors, the seen-store and the portal file reader;
the image field; typed discovery hints."""
from __future__ import annotations

import html as html_lib
import json

import pytest

from newsbot.extraction import Hints, extract_article
from newsbot.extraction.metadata import split_names
from newsbot.extraction.record import BY_NAME, CONTENT, COUNTED, FIELDS, FLOORS, RULE_KEYS
from newsbot.extraction.rules import ExtractionRules
from newsbot.extraction.urls import names_a_section
from newsbot.schema import record_schema

PAGE = """<html lang="en"><head><title>Harbour cranes return | Coast Post</title>{head}</head><body>
<article><h1>Harbour cranes return</h1>{figure}
<p>The two cranes that were taken down in the storm went back up on the quay this week, the port said.</p>
<p>Dock workers had moved containers by hand for a month while the new motors were shipped from the north.</p>
<p>The port authority expects traffic to reach last year's level before the summer season begins.</p>
</article></body></html>"""


def _page(head: str = "", figure: str = "") -> str:
    return PAGE.format(head=head, figure=figure)


def test_every_field_is_in_the_schema_in_record_order():
    schema = record_schema()
    assert list(schema["properties"]) == [f.name for f in FIELDS]
    assert set(schema["required"]) == {f.name for f in FIELDS if f.required}
    assert schema["properties"]["image"]["description"].startswith("the article's main image")


def test_the_table_names_the_derived_sets():
    assert set(CONTENT) == {"title", "lead", "body", "section", "authors", "tags", "date_published"}
    assert "image" in COUNTED and "image" not in CONTENT  # a CDN resizing parameter is no new revision
    assert RULE_KEYS == {"title": "title", "date": "date_published", "section": "section", "lead": "lead",
                         "body": "body", "authors": "authors", "tags": "tags", "image": "image"}
    assert FLOORS == {"language": 0.95, "title": 1.0, "date_published": 1.0, "section": 0.95, "body": 1.0}


def test_extracted_record_has_every_extracted_field_in_order():
    record = extract_article(_page(), "https://coast.example/news/cranes").record
    assert list(record) == [f.name for f in FIELDS if f.extract is not None]
    assert record["image"] is None  # no image anywhere: null, never ""


@pytest.mark.parametrize("head, figure, want, layer", [
    ('<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Harbour cranes return",'
     ' "image": {"@type": "ImageObject", "url": "/img/cranes-ld.jpg"}}</script>'
     '<meta property="og:image" content="https://cdn.coast.example/og.jpg">', "",
     "https://coast.example/img/cranes-ld.jpg", "jsonld"),
    ('<script type="application/ld+json">{"@type": "NewsArticle", "image": ["https://cdn.coast.example/a.jpg",'
     ' "https://cdn.coast.example/b.jpg"]}</script>', "", "https://cdn.coast.example/a.jpg", "jsonld"),
    ('<meta property="og:image" content="//cdn.coast.example/og.jpg">', "", "https://cdn.coast.example/og.jpg", "meta"),
    ('<meta name="twitter:image" content="https://cdn.coast.example/tw.jpg">', "", "https://cdn.coast.example/tw.jpg", "meta"),
    ("", '<figure><img src="data:image/gif;base64,R0lGOD" data-src="/media/quay.jpg"><figcaption>The quay</figcaption></figure>',
     "https://coast.example/media/quay.jpg", "html"),
    ("", '<figure><img srcset="/media/q-640.jpg 640w, /media/q-1280.jpg 1280w"></figure>',
     "https://coast.example/media/q-640.jpg", "html"),
    ('<meta property="og:image" content="data:image/png;base64,iVBOR">', "", None, None),
])
def test_image_sources_in_order(head, figure, want, layer):
    ex = extract_article(_page(head, figure), "https://coast.example/news/cranes")
    assert ex.record["image"] == want
    assert ex.provenance.get("image") == layer


def test_image_from_the_portal_selector_wins():
    rules = ExtractionRules(selectors=(("image", ("img.lead-picture",)),))
    page = _page('<meta property="og:image" content="https://cdn.coast.example/og.jpg">',
                 '<img class="lead-picture" src="/p/lead.jpg">')
    ex = extract_article(page, "https://coast.example/news/cranes", rules=rules)
    assert (ex.record["image"], ex.provenance["image"]) == ("https://coast.example/p/lead.jpg", "portal")


def test_a_figure_outside_the_body_is_no_image():
    page = _page().replace("<body>", '<body><header><figure><img src="/logo.png"></figure></header>')
    assert extract_article(page, "https://coast.example/news/cranes").record["image"] is None


def test_discovery_dates_reach_both_date_fields():
    hints = Hints(published="Tue, 04 Mar 2025 08:00:00 GMT", modified="2025-03-10T12:30:00+01:00", language="en")
    ex = extract_article(_page(), "https://coast.example/news/cranes", hints=hints)
    assert ex.record["date_published"] == "2025-03-04T08:00:00+00:00"
    assert ex.record["date_modified"] == "2025-03-10T12:30:00+01:00"
    assert ex.provenance["date_modified"] == "hint"
    # the page's own modification time wins over the sitemap's
    head = '<meta property="article:modified_time" content="2025-03-06T07:00:00+00:00">'
    ex = extract_article(_page(head), "https://coast.example/news/cranes", hints=hints)
    assert (ex.record["date_modified"], ex.provenance["date_modified"]) == ("2025-03-06T07:00:00+00:00", "meta")


def test_a_day_only_date_is_flagged():
    ex = extract_article(_page(), "https://coast.example/news/cranes", hints=Hints(published="2025-03-04"))
    assert ex.record["date_published"] == "2025-03-04T00:00:00+00:00"
    assert ex.record["quality_flags"] == ["day_only"]
    ex = extract_article(_page(), "https://coast.example/news/cranes", hints=Hints(published="2025-03-04T09:15:00Z"))
    assert ex.record["quality_flags"] == []


def test_a_time_read_without_any_offset_is_flagged_as_assumed():
    naive = '<meta property="article:published_time" content="2025-03-04T09:15:00">'
    ex = extract_article(_page(naive), "https://coast.example/news/cranes")
    assert ex.record["date_published"] == "2025-03-04T09:15:00+00:00"
    assert ex.record["quality_flags"] == ["offset_assumed"]
    # an offset the page prints with another of its dates is the page's own: nothing assumed
    modified = '<meta property="article:modified_time" content="2025-03-05T10:00:00+01:00">'
    ex = extract_article(_page(naive + modified), "https://coast.example/news/cranes")
    assert (ex.record["date_published"], ex.record["quality_flags"]) == ("2025-03-04T09:15:00+01:00", [])
    # a portal's rules name its zone: the time is read there, nothing assumed
    rules = ExtractionRules(timezone="Europe/Brussels")
    ex = extract_article(_page(naive), "https://coast.example/news/cranes", rules=rules)
    assert (ex.record["date_published"], ex.record["quality_flags"]) == ("2025-03-04T09:15:00+01:00", [])
    # nor when they name UTC itself (a portal file's timezone = "UTC")
    rules = ExtractionRules(timezone="UTC", zone_named=True)
    ex = extract_article(_page(naive), "https://coast.example/news/cranes", rules=rules)
    assert (ex.record["date_published"], ex.record["quality_flags"]) == ("2025-03-04T09:15:00+00:00", [])


def test_the_feed_title_serves_a_page_without_one():
    page = "<html><body><p>" + "Words of a page that names no headline anywhere at all. " * 12 + "</p></body></html>"
    ex = extract_article(page, "https://coast.example/n/1", hints=Hints(title="Cranes back on the quay"))
    assert (ex.record["title"], ex.provenance["title"]) == ("Cranes back on the quay", "hint")


def test_every_field_is_documented_and_the_crawl_sets_the_rest():
    assert [f.name for f in FIELDS if f.extract is None] == ["portal", "crawled_at", "revision", "provenance"]
    for f in FIELDS:
        assert f.doc and (f.extract is None or f.extract.__doc__), f.name
    assert BY_NAME["body"].rule == "body"


@pytest.mark.parametrize("canonical, want, layer", [
    ("https://coast.example/news/cranes-v2", "https://coast.example/news/cranes-v2", "html"),  # its own site
    ("https://www.coast.example/news/cranes", "https://www.coast.example/news/cranes", "html"),
    ("https://m.coast.example/news/cranes", "https://m.coast.example/news/cranes", "html"),  # same registrable domain
    ("https://portal.example/story/1", "https://coast.example/news/cranes", "url"),  # another site: not trusted
    ("https://coast.example/", "https://coast.example/news/cranes", "url"),  # the home page: would merge articles
    ("/", "https://coast.example/news/cranes", "url"),
])
def test_a_canonical_url_counts_only_on_the_page_own_site(canonical, want, layer):
    page = _page(f'<link rel="canonical" href="{canonical}">')
    got = extract_article(page, "https://coast.example/news/cranes")
    assert got.record["canonical_url"] == want
    assert got.record["id"] == __import__("newsbot.extraction.urls", fromlist=["fingerprint"]).fingerprint(want)
    assert got.provenance["canonical_url"] == layer  # the page's own URL too: coverage never reads missing


@pytest.mark.parametrize("address, canonical, section", [
    # views of the article: its canonical URL stands
    *((f"https://coast.example/news/cranes/{view}", "https://coast.example/news/cranes", False)
      for view in ("amp", "amp.html", "print/", "2", ".", "page/2", "comments", "live", "printable", "seite-2",
                   "2.html", "gallery/3")),
    ("https://coast.example/news/cranes", "https://coast.example/news/cranes", False),  # itself
    ("https://coast.example/news/cranes", "https://coast.example/news/cranes-v2", False),
    ("https://coast.example/news/cranes", "https://coast.example/news?id=7", False),
    ("https://coast.example/news/38853/cranes-return-to-the-quay", "https://coast.example/news/38853", False),  # an id
    ("https://coast.example/news/cranes", "https://other.example/news", False),  # another host: same_site decides
    # a section above an article's id, year or slug
    ("https://coast.example/news/38853_Cranes_back", "https://www.coast.example/news", True),
    ("https://coast.example/news/2025/cranes", "https://coast.example/news/", True),
    ("https://coast.example/news/cranes-return-to-the-quay", "https://coast.example/news", True),
])
def test_a_canonical_url_naming_the_section_the_page_lies_under(address, canonical, section):
    assert names_a_section(canonical, address) is section
    got = extract_article(_page(f'<link rel="canonical" href="{canonical}">'), address)
    if section:
        assert (got.record["canonical_url"], got.provenance["canonical_url"]) == (address, "url")


def test_a_canonical_url_on_the_portal_domains_counts():
    page = _page('<meta property="og:url" content="https://www.euractiv.com/news/cranes/">')
    got = extract_article(page, "https://www.euractiv.de/news/cranes/", domains=("euractiv.com", "euractiv.de"))
    assert got.record["canonical_url"] == "https://www.euractiv.com/news/cranes/"
    alone = extract_article(page, "https://www.euractiv.de/news/cranes/")
    assert alone.record["canonical_url"] == "https://www.euractiv.de/news/cranes/"


def _byline_page(head: str, top: str, url: str = "https://www.harbour-news.example/port/cranes",
                 lang: str = "en") -> dict:
    paras = "".join(f"<p>Paragraph {i} about the harbour cranes and the night shifts of the dock workers, "
                    f"which the union wants to review before winter.</p>" for i in range(4))
    html = (f"<html lang='{lang}'><head><title>Cranes return</title>{head}</head><body><article><h1>Cranes return</h1>"
            f"{top}{paras}</article></body></html>")
    return extract_article(html.encode(), url).record


LD_GRAPH = ('<script type="application/ld+json">{"@context": "https://schema.org", "@graph": ['
            '{"@type": "NewsArticle", "@id": "#article", "headline": "Cranes return", '
            '"author": [{"@id": "https://www.harbour-news.example/#/person/1"}, '
            '{"@id": "https://www.harbour-news.example/#/person/2"}], '
            '"publisher": {"@id": "https://www.harbour-news.example/#org"}}, '
            '{"@type": "Person", "@id": "https://www.harbour-news.example/#/person/1", "name": "Mara Lindqvist"}, '
            '{"@type": "Person", "@id": "https://www.harbour-news.example/#/person/2", "name": "Tom Okafor"}, '
            '{"@type": "Organization", "@id": "https://www.harbour-news.example/#org", "name": "Harbour News"}]}</script>')


@pytest.mark.parametrize("head, top, want, layer", [
    (LD_GRAPH, "", ["Mara Lindqvist", "Tom Okafor"], "jsonld"),  # @id references resolved in the @graph
    ("", "<p class='byline'>By Mara Lindqvist and Tom Okafor</p>", ["Mara Lindqvist", "Tom Okafor"], "html"),
    ("", "<div class='article-author__name'>Von: Mara Lindqvist und Tom Okafor, dpa</div>",
     ["Mara Lindqvist", "Tom Okafor", "dpa"], "html"),  # a news agency's credit is kept
    ("", "<span class='authors'>Mara Lindqvist, Tom Okafor and Ana Ruiz</span>",
     ["Mara Lindqvist", "Tom Okafor", "Ana Ruiz"], "html"),
    ("", "<p>Text: <a rel='author' href='/authors/mara'>Mara Lindqvist</a></p>", ["Mara Lindqvist"], "html"),
    ("", "<span itemprop='author' itemscope itemtype='https://schema.org/Person'><span itemprop='name'>Mara "
         "Lindqvist</span></span>", ["Mara Lindqvist"], "microdata"),
    ("<meta name='author' content='Mara Lindqvist (mli)'>", "", ["Mara Lindqvist"], "meta"),
    # a field of items named by its class in the site's language, its label left out (Drupal)
    ("", "<div class='field field--name-field-autores'><div class='field__label'>Autores</div><div class='field__items'>"
         "<div class='field__item'>Mara Lindqvist</div><div class='field__item'>Tom Okafor</div></div></div>",
     ["Mara Lindqvist", "Tom Okafor"], "html"),
    # Wix's blog names its writer by a data-hook
    ("", "<div data-hook='post-header'><span data-hook='user-name' class='user-name'>Mara Lindqvist</span></div>",
     ["Mara Lindqvist"], "html"),
    # the date line under the headline, the byline before its date
    ("", "<p class='meta'>Af Mara Lindqvist · <time datetime='2025-03-04T10:00:00+01:00'>4. marts 2025</time></p>",
     ["Mara Lindqvist"], "html"),
    # a name too long to be one (a markup dump in the meta tag) is passed over for the next source
    (f"<meta name='author' content='{'Mara Lindqvist ' * 700}'>", "<p class='byline'>By Tom Okafor</p>",
     ["Tom Okafor"], "html"),
])
def test_bylines_are_read_from_every_source_and_split(head, top, want, layer):
    record = _byline_page(head, top)
    assert record["authors"] == want
    assert extract_article(b"", "https://x.example/").record["authors"] == []


@pytest.mark.parametrize("byline, want", [
    # the word "and" of each language (Unicode CLDR's list patterns)
    ("Ioana Marin și Radu Stan", ["Ioana Marin", "Radu Stan"]),
    ("Νίκος Ράπτης και Ελένη Κώτση", ["Νίκος Ράπτης", "Ελένη Κώτση"]),
    ("Петър Колев и Елена Данова", ["Петър Колев", "Елена Данова"]),
    ("Rokas Vaitkus ir Eglė Mažeikė", ["Rokas Vaitkus", "Eglė Mažeikė"]),
    ("Artis Liepa un Ilze Kalna", ["Artis Liepa", "Ilze Kalna"]),
    ("Luka Zupan in Nina Hrib", ["Luka Zupan", "Nina Hrib"]),
    ("Marko Babić i Iva Lončar", ["Marko Babić", "Iva Lončar"]),
    ("Pawlu Vella u Rita Galea", ["Pawlu Vella", "Rita Galea"]),
    ("Ciarán de Búrca agus Aoife Nic Aodha", ["Ciarán de Búrca", "Aoife Nic Aodha"]),
    # lead-ins
    ("Napisała: Ewa Lis", ["Ewa Lis"]),
    ("Szerző: Szabó Réka", ["Szabó Réka"]),
    ("Escrito por Nuria Vidal", ["Nuria Vidal"]),
    ("A cura di Paolo Neri", ["Paolo Neri"]),
    ("Kirjoittanut Aino Salo", ["Aino Salo"]),
    ("Autorius: Tomas Urbonas", ["Tomas Urbonas"]),
    ("Door Femke Visser", ["Femke Visser"]),
    # an interviewer's credit
    ("Interview: Mara Lindqvist", ["Mara Lindqvist"]), ("Das Gespräch führte Tom Okafor", ["Tom Okafor"]),
    ("Rozmawiała Ewa Lis", ["Ewa Lis"]), ("Propos recueillis par Lucie Morel", ["Lucie Morel"]),
    ("Intervista di Paolo Neri", ["Paolo Neri"]), ("Ptala se Jana Horáková", ["Jana Horáková"]),
    # places, outlets and other roles' credits
    ("Mara Lindqvist, Brussels", ["Mara Lindqvist"]),
    ("Mara Lindqvist, PAP", ["Mara Lindqvist", "PAP"]),  # a news agency, not a place
    ("By Mara Lindqvist in Brussels", ["Mara Lindqvist"]),
    ("Text: Mara Lindqvist, Fotos: Tom Okafor", ["Mara Lindqvist"]),
    ("Par Lucie Morel, avec AFP", ["Lucie Morel"]),
    ("Tom Okafor for Reuters", ["Tom Okafor"]),
    ("Mara Lindqvist, Tom Okafor, Ana Ruiz", ["Mara Lindqvist", "Tom Okafor", "Ana Ruiz"]),
    # accounts and desks; the byline's date
    ("admin", []), ("Redaktion", []), ("Redazione", []), ("Super User", []), ("Door onze correspondent", []),
    ("Mara Lindqvist, 24. März 2025", ["Mara Lindqvist"]), ("Tom Okafor 8 January 2025, 3:51 pm", ["Tom Okafor"]),
    ("Ana Ruiz am 29.12.2024", ["Ana Ruiz"]), ("BR24 Redaktion", ["BR24 Redaktion"]),
    # a news agency credited after a slash or in parentheses is a name of its own
    ("Mara Lindqvist/dpa", ["Mara Lindqvist", "dpa"]), ("Tom Okafor (Reuters)", ["Tom Okafor", "Reuters"]),
    ("Von Ana Ruiz / AFP", ["Ana Ruiz", "AFP"]),
])
def test_a_byline_gives_the_people_it_names(byline, want):
    assert split_names(byline) == want


@pytest.mark.parametrize("byline, want", [
    # two names joined by each language's "and", both kept
    ("Nina Kos in Jure Horvat", ["Nina Kos", "Jure Horvat"]), ("Kovács Anna és Nagy Péter", ["Kovács Anna", "Nagy Péter"]),
    ("Jonas Jonaitis ir Ona Onaitė", ["Jonas Jonaitis", "Ona Onaitė"]), ("Jānis Bērziņš un Anna Ozola", ["Jānis Bērziņš", "Anna Ozola"]),
    ("Matti Virtanen ja Liisa Korhonen", ["Matti Virtanen", "Liisa Korhonen"]), ("Mari Tamm ja Jaan Kask", ["Mari Tamm", "Jaan Kask"]),
    ("Kari Nordmann og Ola Hansen", ["Kari Nordmann", "Ola Hansen"]), ("Lars Jensen og Mette Holm", ["Lars Jensen", "Mette Holm"]),
    ("Anna Svensson och Erik Lund", ["Anna Svensson", "Erik Lund"]), ("Jan Novák a Petr Svoboda", ["Jan Novák", "Petr Svoboda"]),
    ("Jan Nowak i Anna Kowalska", ["Jan Nowak", "Anna Kowalska"]), ("Ioana Marin și Radu Stan", ["Ioana Marin", "Radu Stan"]),
    ("Ioana Marin şi Radu Stan", ["Ioana Marin", "Radu Stan"]), ("Иван Петров и Мария Иванова", ["Иван Петров", "Мария Иванова"]),
    ("Петар Петровић и Ана Анић", ["Петар Петровић", "Ана Анић"]), ("Petar Petrović i Ana Anić", ["Petar Petrović", "Ana Anić"]),
    ("Олена Шевченко та Іван Петренко", ["Олена Шевченко", "Іван Петренко"]),
    ("Іван Петренко і Олена Шевченко", ["Іван Петренко", "Олена Шевченко"]),
    ("Іван Петренко й Олена Шевченко", ["Іван Петренко", "Олена Шевченко"]),
    ("Jón Jónsson og Anna Sigurðardóttir", ["Jón Jónsson", "Anna Sigurðardóttir"]), ("Joan Puig i Maria Vila", ["Joan Puig", "Maria Vila"]),
    ("Ana Borg u Mark Vella", ["Ana Borg", "Mark Vella"]),
    ("João Silva e Maria Costa", ["João Silva", "Maria Costa"]), ("Ana Ruiz y Pedro Gil", ["Ana Ruiz", "Pedro Gil"]),
    ("Marie Dupont et Jean Martin", ["Marie Dupont", "Jean Martin"]), ("Hans Müller und Eva Schmidt", ["Hans Müller", "Eva Schmidt"]),
    ("Jan de Vries en Piet Bakker", ["Jan de Vries", "Piet Bakker"]), ("Μαρία Παππά και Γιώργος Νικολάου", ["Μαρία Παππά", "Γιώργος Νικολάου"]),
    ("Máire Ní Bhriain agus Seán Ó Briain", ["Máire Ní Bhriain", "Seán Ó Briain"]),
])
def test_two_names_joined_by_and_in_any_language_are_both_kept(byline, want):
    assert split_names(byline) == want


@pytest.mark.parametrize("lang, top", [
    ("sl", "<p class='author'>Avtorji: Nina Kos in Jure Horvat</p>"),  # the plural's label: no name dropped with it
    ("sl", "<div class='byline'><a href='/avtor/nina-kos'>Nina Kos</a> in <a href='/avtor/jure-horvat'>Jure Horvat</a></div>"),
    ("sl", "<p class='meta'>Avtor: Nina Kos in Jure Horvat · <time datetime='2026-01-14T10:00:00+01:00'>14. januar 2026</time></p>"),
    ("sl", "<div class='meta'>Avtorja: <a href='/avtor/nina-kos'>Nina Kos</a> in <a href='/avtor/jure-horvat'>Jure Horvat</a>"
           " | 14. 1. 2026</div>"),
])
def test_two_slovene_authors_joined_by_in_are_both_the_byline(lang, top):
    assert _byline_page("", top, lang=lang)["authors"] == ["Nina Kos", "Jure Horvat"]


@pytest.mark.parametrize("byline, want", [
    # each language's lead-in, the plural's and the dual's too, is no part of the name
    ("Аутори: Милан Петровић, Сања Илић", ["Милан Петровић", "Сања Илић"]),
    ("Autori: Milan Petrović, Sanja Ilić", ["Milan Petrović", "Sanja Ilić"]),
    ("Аутор: Милан Петровић", ["Милан Петровић"]), ("Autor: Sanja Ilić", ["Sanja Ilić"]),
    ("Γράφει η Μαρία Παππά", ["Μαρία Παππά"]), ("Γράφει ο Γιώργος Νικολάου", ["Γιώργος Νικολάου"]),
    ("Γράφουν οι Μαρία Παππά και Γιώργος Νικολάου", ["Μαρία Παππά", "Γιώργος Νικολάου"]),
    ("Opracowanie: Anna Nowak", ["Anna Nowak"]), ("Oprac. Anna Nowak", ["Anna Nowak"]),
    ("Autorzy: Anna Nowak i Jan Kos", ["Anna Nowak", "Jan Kos"]), ("Pisze Anna Nowak", ["Anna Nowak"]),
    ("Avtorja: Nina Kos in Jure Horvat", ["Nina Kos", "Jure Horvat"]),
    ("Написа Иван Петров", ["Иван Петров"]), ("Автори: Олена Шевченко, Іван Петренко", ["Олена Шевченко", "Іван Петренко"]),
    ("Höfundur: Jón Jónsson", ["Jón Jónsson"]), ("Eftir Jón Jónsson", ["Jón Jónsson"]),
    ("Skrivet av Anna Svensson", ["Anna Svensson"]), ("Auteurs : Marie Dupont et Jean Martin", ["Marie Dupont", "Jean Martin"]),
    ("Autoren: Hans Müller und Eva Schmidt", ["Hans Müller", "Eva Schmidt"]), ("Szerzők: Kovács Anna", ["Kovács Anna"]),
    ("Authors: Mara Lindqvist, Tom Okafor", ["Mara Lindqvist", "Tom Okafor"]),
    ("Аутор текста: Милан Петровић", ["Милан Петровић"]),  # the label's own word before its colon
    # names keep their particles
    ("Door Jan van der Berg", ["Jan van der Berg"]), ("Von Hans von Stein", ["Hans von Stein"]),
    ("Por Ana de la Cruz", ["Ana de la Cruz"]), ("By Seán Mac Giolla", ["Seán Mac Giolla"]),
    # false friends: a name's particle or a title's word opening the value is no lead-in
    ("De Luca Marco", ["De Luca Marco"]), ("de la Cruz", ["de la Cruz"]), ("de Volkskrant", ["de Volkskrant"]),
    ("Le Monde diplomatique", ["Le Monde diplomatique"]), ("Le Figaro", ["Le Figaro"]), ("Per Olsson", ["Per Olsson"]),
])
def test_a_bylines_lead_in_in_any_language_is_no_part_of_the_name(byline, want):
    assert split_names(byline) == want


@pytest.mark.parametrize("byline, language, want", [
    # a lead-in read on a page of its language only, in its own case
    ("de Andrei Pop", "ro", ["Andrei Pop"]), ("de Andrei Pop și Ioana Mureșan", "ro", ["Andrei Pop", "Ioana Mureșan"]),
    ("Le Máire Ní Bhriain", "ga", ["Máire Ní Bhriain"]),
    ("Le Máire Ní Bhriain agus Seán Ó Briain", "ga", ["Máire Ní Bhriain", "Seán Ó Briain"]),
    # elsewhere the word is a name's: a Vietnamese surname, a Breton one printed first, a Dutch article
    ("Le Van Minh", "en", ["Le Van Minh"]), ("LE BRAS Maël", "fr", ["LE BRAS Maël"]), ("Le Van Minh", "", ["Le Van Minh"]),
    ("de Groene Amsterdammer", "nl", ["de Groene Amsterdammer"]), ("De Andrei Pop", "ro", ["De Andrei Pop"]),
    # a one-letter "and" between a name and one word joins a compound surname
    ("Jordi Puig i Ferrer", "ca", ["Jordi Puig i Ferrer"]), ("Jordi Puig i Ferrer", "", ["Jordi Puig i Ferrer"]),
    ("Pilar Ramón y Cajal", "es", ["Pilar Ramón y Cajal"]),
    ("Jordi Puig i Ferrer i Núria Vila", "ca", ["Jordi Puig i Ferrer", "Núria Vila"]),
    ("Núria Vila i Jordi Puig", "ca", ["Núria Vila", "Jordi Puig"]),
    ("Anna Nowak i Kos", "pl", ["Anna Nowak", "Kos"]),  # Polish "and", on a Polish page
    # a place or outlet of several words after a preposition of the page's language, not its "and"
    ("Words: Owen Hart in Buenos Aires", "en", ["Owen Hart"]), ("Owen Hart for The Harbour Times", "en", ["Owen Hart"]),
    ("Owen Hart and Nora Quill in Cape Town", "en", ["Owen Hart", "Nora Quill"]),
    ("Nina Kos in Jure Horvat", "sl", ["Nina Kos", "Jure Horvat"]), ("Anna Berg mit Jonas Weber", "de", ["Anna Berg", "Jonas Weber"]),
])
def test_a_lead_in_or_an_and_of_the_pages_own_language(byline, language, want):
    assert split_names(byline, language) == want


@pytest.mark.parametrize("lang, top, want", [
    ("en", "<p class='byline'>By <span class='author'>Le Van Minh</span></p>", ["Le Van Minh"]),
    ("ga", "<p class='byline'>Le Máire Ní Bhriain</p>", ["Máire Ní Bhriain"]),
    ("ca", "<p class='author'>Jordi Puig i Ferrer</p>", ["Jordi Puig i Ferrer"]),
    # a source's lead-in names no writer, in every language; the word alone may be a name
    ("ca", "<p class='author'>Font: Consell Comarcal</p>", []), ("sl", "<p class='author'>Vir: Mestna Občina Koper</p>", []),
    ("es", "<p class='author'>Fuente: Ayuntamiento de Soria</p>", []),
    ("en", "<p class='author'>Vir Sanghvi</p>", ["Vir Sanghvi"]), ("ca", "<p class='author'>Font Roig</p>", ["Font Roig"]),
])
def test_a_printed_byline_is_read_in_the_pages_declared_language(lang, top, want):
    assert _byline_page("", top, lang=lang)["authors"] == want


@pytest.mark.parametrize("lang, top, want", [
    ("sl", "<p class='author'>Avtorja: Nina Kos in Jure Horvat</p>", ["Nina Kos", "Jure Horvat"]),
    ("sr", "<div class='article-author'>Аутори: Милан Петровић, Сања Илић</div>", ["Милан Петровић", "Сања Илић"]),
    ("el", "<p class='byline'>Γράφει η Μαρία Παππά</p>", ["Μαρία Παππά"]),
    ("ro", "<p class='author'>de Andrei Pop și Ioana Mureșan</p>", ["Andrei Pop", "Ioana Mureșan"]),
    ("pl", "<p class='author'>Opracowanie: Anna Nowak</p>", ["Anna Nowak"]),
])
def test_a_printed_byline_gives_its_names_without_the_lead_in(lang, top, want):
    assert _byline_page("", top, lang=lang)["authors"] == want


@pytest.mark.parametrize("byline, want", [
    # a writer's role after the name, as a phrase, a word or the end of a compound word
    ("Lina Berg, political commentator", ["Lina Berg"]),
    ("By Lina Berg, Senior Correspondent", ["Lina Berg"]),
    ("Olof Sand Ekonomireporter", ["Olof Sand"]),
    ("Von Jonas Keller, Wirtschaftsredakteurin", ["Jonas Keller"]),
    ("Ewa Lis, dziennikarka, i Jan Kos, redaktor", ["Ewa Lis", "Jan Kos"]),
    ("Lina Berg, ekonomireporter, och Olof Sand, kulturkommentator", ["Lina Berg", "Olof Sand"]),
    ("Par Lucie Morel, envoyée spéciale", ["Lucie Morel"]),
    # before the name
    ("Korespondentka Ewa Lis", ["Ewa Lis"]), ("Redaktor naczelny Jan Kos", ["Jan Kos"]),
    ("김민준 기자", ["김민준"]),  # a name of one word in a script without case
    # the word "and" after a comma (a list of three)
    ("Lina Berg, Olof Sand, and Tom Okafor", ["Lina Berg", "Olof Sand", "Tom Okafor"]),
    # a name credited with another role in parentheses
    ("Von Jonas Keller (Text) und Lea Brandt (Fotos)", ["Jonas Keller"]),
    # a full stop that is no sentence's: an abbreviation's, an initial's
    ("Jonas K.", ["Jonas K."]),
    ("By Tom Okafor Jr. Photo: Ana Ruiz", ["Tom Okafor Jr."]),  # before a cut credit too
    # one credit for the text and the photos: the name is the writer's
    ("Text und Fotos: Jonas Keller", ["Jonas Keller"]), ("Text and photos: Lina Berg", ["Lina Berg"]),
    ("Texto y fotos: Nuria Vidal", ["Nuria Vidal"]),
    # the word "and" before another role's credit, and the credit cut
    ("Por Rui Costa e fotos de Ana Lima", ["Rui Costa"]),
    ("Von Jonas Keller und Video von Lea Brandt", ["Jonas Keller"]),
    ("By Lina Berg and photos by Olof Sand", ["Lina Berg"]),
    ("Lina Berg and Olof Sand", ["Lina Berg", "Olof Sand"]),  # no credit cut: both names stay
    ("Von Jonas Keller und Lea Brandt, Fotos: Tom Okafor", ["Jonas Keller", "Lea Brandt"]),
    # a guest's or a host's lead-in
    ("Ein Gastbeitrag von Jonas Keller", ["Jonas Keller"]), ("Hosted by Lina Berg", ["Lina Berg"]),
])
def test_a_byline_gives_the_people_it_names_not_their_roles(byline, want):
    assert split_names(byline) == want


@pytest.mark.parametrize("byline, want", [
    # a name holding a role's letters, more than an inflection after them
    ("Jan Redaktorski", ["Jan Redaktorski"]), ("Piotr Reporterowicz", ["Piotr Reporterowicz"]),
    ("Anna Korrespondentova", ["Anna Korrespondentova"]),
    ("Lina Berg, Olof Sand", ["Lina Berg", "Olof Sand"]),  # two names, no role
])
def test_a_name_holding_a_roles_letters_is_kept(byline, want):
    assert split_names(byline) == want


@pytest.mark.parametrize("byline, want", [
    # a photographer's role (a photo's word and a writer's role in one compound) credits no writer
    ("By Lina Berg and photojournalist Olof Sand", ["Lina Berg"]),
    ("Von Mara Lindqvist und Bildreporterin Lea Brandt", ["Mara Lindqvist"]),
    ("Tekst Ewa Lis, fotoreporter Jan Kos", ["Ewa Lis"]),
    ("Mara Lindqvist, Lea Brandt, Bildredakteurin", ["Mara Lindqvist"]),
    ("Bildungsredakteur Jonas Keller", ["Jonas Keller"]),  # education, no picture
    ("By Lina Berg and photographer Olof Sand", ["Lina Berg"]), ("Von Mara Lindqvist und Fotografin Lea Brandt",
                                                                  ["Mara Lindqvist"]),
    ("Text: Jonas Keller, Fotograf: Lea Brandt", ["Jonas Keller"]),
    ("Jonas Keller, Korrespondent für Wirtschaft und Politik", ["Jonas Keller"]),  # the role's words after "und"
    # the outlet or place after a role is its tail, never a name
    ("By Lina Berg, correspondent for Northern Ledger", ["Lina Berg"]),
    ("Von Jonas Keller, Korrespondent der Kieler Rundschau", ["Jonas Keller"]),
    ("Ewa Lis, dziennikarka Dziennika Portowego", ["Ewa Lis"]),
    ("Giulia Neri, inviata de Il Porto", ["Giulia Neri"]),
    ("Rui Costa, correspondente em Nova Iorque", ["Rui Costa"]),
    ("Jonas Keller, Korrespondent in Den Haag", ["Jonas Keller"]),
    ("Paolo Neri, inviato a Reggio Calabria", ["Paolo Neri"]),
    ("By Lina Berg, Correspondent for Northern Europe", ["Lina Berg"]),
    ("Lina Berg, Northern Ledger correspondent", ["Lina Berg"]),  # the outlet before the role
    # capitalised words on both sides of a role: which is the name is not known
    ("By Chief Economics Correspondent Lina Berg", []), ("Lina Berg Reporter Northern Ledger", []),
    # a role of two words before the name goes whole
    ("By Foreign Editor Lina Berg", ["Lina Berg"]),
    ("Business Editor Olof Sand and Chief Reporter Tom Okafor", ["Olof Sand", "Tom Okafor"]),
    ("Enviado Especial Pablo Sanz", ["Pablo Sanz"]),
    # an organisation named by a role stays whole
    ("Reporters Without Borders", ["Reporters Without Borders"]),
    ("By Northern Federation of Journalists", ["Northern Federation of Journalists"]),
    ("Committee to Protect Journalists", ["Committee to Protect Journalists"]),
    ("Union to Protect Reporters", ["Union to Protect Reporters"]),
    # a role in the plural closing a list of names is the listed people's, no organisation
    ("Von Mara Lindqvist, Jonas Keller, Korrespondenten", ["Mara Lindqvist", "Jonas Keller"]),
    ("Von Mara Lindqvist, Jonas Keller, Korrespondentinnen und Korrespondenten", ["Mara Lindqvist", "Jonas Keller"]),
    ("By Lina Berg, Olof Sand, Staff Reporters", ["Lina Berg", "Olof Sand"]),
    ("By Lina Berg and Olof Sand, Foreign Correspondents", ["Lina Berg", "Olof Sand"]),
    ("Par Lucie Morel et Jean Blanc, envoyés spéciaux", ["Lucie Morel", "Jean Blanc"]),
])
def test_a_byline_gives_no_photographer_outlet_or_place_for_a_role(byline, want):
    assert split_names(byline) == want


@pytest.mark.parametrize("byline, want", [
    # a role of a language that names the outlet after it: the capitalised words before it are a name
    ("di Marco Rossi, Luca Bianchi corrispondente", ["Marco Rossi", "Luca Bianchi"]),
    ("Por Nuria Vidal, Pedro Ruiz corresponsal", ["Nuria Vidal", "Pedro Ruiz"]),
    ("Par Lucie Morel, Jean Blanc correspondant", ["Lucie Morel", "Jean Blanc"]),
    # where English (or a role several languages share) may print the outlet there, one name
    ("Lina Berg, Northern Ledger correspondent", ["Lina Berg"]),
    ("Lina Berg, Northern Ledger reporter", ["Lina Berg"]),
    ("Giulia Neri, corrispondente da Bruxelles", ["Giulia Neri"]),  # the role's place after it
])
def test_a_second_name_closed_by_a_role_naming_its_outlet_after_it_is_kept(byline, want):
    assert split_names(byline) == want


@pytest.mark.parametrize("byline, want", [
    # an organisation's name is a source, no author: a legal form, an authority's or a company's word
    ("Text: Stadtwerke Mainz · Fotos: Jan Berg", []),
    ("Text: Pressestelle der Stadt Mainz", []),
    ("Von Bundesministerium für Verkehr", []),
    ("Fuente: Ayuntamiento de Valencia", []),
    ("Teksti: Satama Oy", []), ("Bund der Hafenarbeiter e.V.", []),
    ("By Lina Berg, Harbour University", ["Lina Berg"]),  # an affiliation after the name
    ("Von Jonas Keller und Verkehrsverbund Rhein-Main", ["Jonas Keller"]),
    # a person's name that holds no such word as a whole, nor a compound's end after three letters
    ("Von Hans Neustadt", ["Hans Neustadt"]), ("Von Anna Kammerer", ["Anna Kammerer"]),
    ("By Kari As and Ana Sas", ["Kari As", "Ana Sas"]), ("Von Eva Werkmeister", ["Eva Werkmeister"]),
])
def test_an_organisation_in_a_byline_is_no_author(byline, want):
    assert split_names(byline) == want


@pytest.mark.parametrize("byline, language, want", [
    # initials are no legal form: a legal form is written as its language does, after a name's word
    ("By A. S. Novak", "en", ["A. S. Novak"]), ("Door N.V. Pieters", "nl", ["N.V. Pieters"]),
    ("Door Haven Pieters N.V.", "nl", []), ("Autor: Přístav Hrubý a.s.", "cs", []),
    # an organisation word as the first of two person-shaped words is a first name
    ("Δήμος Ζαφειρίου", "el", ["Δήμος Ζαφειρίου"]), ("Δήμος Ζαφειρίου", "", ["Δήμος Ζαφειρίου"]),
    # a news agency's name beside its word for agency is the agency's credit
    ("Agência Lusa", "pt", ["Agência Lusa"]), ("By Anadolu Agency", "en", ["Anadolu Agency"]),
    # only the page's language's organisation words: German "Verein" is no English one
    ("By Lina Verein", "en", ["Lina Verein"]), ("Von Lina Verein", "de", []),
])
def test_an_organisation_word_is_read_in_the_pages_language_and_shape(byline, language, want):
    assert split_names(byline, language) == want


@pytest.mark.parametrize("byline, language", [
    # false friends: still an organisation's name
    ("Του Δήμου Αθηναίων Γραφείο Τύπου", "el"), ("Ministerium für Verkehr", "de"), ("By Harbour Council", "en"),
    ("Teksti: Satama Oy", "fi"), ("Text: Hafen Mainz GmbH", "en"), ("Por Ayuntamiento de Valencia", ""),
    ("Agência Portuária do Norte", "pt"),
])
def test_an_organisation_stays_no_author_in_the_pages_language(byline, language):
    assert split_names(byline, language) == []


def test_a_date_lines_label_left_by_its_date_is_no_author():
    assert split_names("Zuletzt geändert am") == [] and split_names("Publiziert am") == []


@pytest.mark.parametrize("top", [
    "<p class='meta'>von APA Donnerstag <time datetime='2025-03-04T10:00:00+01:00'>4. März 2025</time></p>",  # no separator
    "<p class='meta'>By Harbour desk, in Ports, Ferries · <time datetime='2025-03-04'>4 March 2025</time></p>",
    "<p>Von den Kränen im Hafen war am <time datetime='2025-03-04'>4. März</time> nichts zu sehen.</p>",
    # no lead-in: a place before the date, names not right under the headline
    "<p class='meta'>Harbour Town | Brussels, 4 March 2025</p>",
    "<p class='kicker'>Ports</p><p class='meta'>Mara Lindqvist · 4 March 2025</p>",
    # no lead-in, nothing marking the capitalised words as people's: a section, a place, a kicker
    "<p class='meta'>European Affairs | <time datetime='2025-03-04'>4 March 2025</time></p>",
    "<p>Santa Cruz · Climate Change · <time datetime='2025-03-04'>4 March 2025</time></p>",
    "<div>Night Buses · <time datetime='2025-03-04'>4 March 2025</time></div>",
    "<p class='meta'><span>Sign In</span> <span>3 hours ago</span></p>",
    # a lead-in only before its colon, the kind of piece and its topic after it
    "<p>Interview: Night Buses · <time datetime='2025-03-04'>4 March 2025</time></p>",
])
def test_a_date_line_gives_no_author_unless_it_prints_person_names_before_the_date(top):
    assert _byline_page("", top)["authors"] == []


@pytest.mark.parametrize("lang, top, want", [
    # the fields of the date line: a reading time, a place, a photo credit before the byline
    ("nl", "<p class='meta'>Door Pieter van den Berg · 6 maart 2025 · Leestijd 4 minuten</p>", ["Pieter van den Berg"]),
    ("es", "<p class='firma'>Por Nuria Vidal | Valencia | 5 de marzo de 2025</p>", ["Nuria Vidal"]),
    ("de", "<p class='meta'>Foto: dpa/Kai Brenner · Von Mara Lindqvist · 04.03.2025</p>", ["Mara Lindqvist"]),
    ("de", "<p class='meta'>Von Mara Lindqvist/dpa · 04.03.2025</p>", ["Mara Lindqvist", "dpa"]),
    ("de", "<p class='meta'>Von Mara Lindqvist · Aktualisiert am 05.03.2025</p>", ["Mara Lindqvist"]),
    # the weekday of a block of its own is no part of the name
    ("de", "<section class='info'><p>Von <a href='/mara'>Mara Lindqvist</a></p>\n<p>Di, 4. März 2025 um 10:12 Uhr</p>"
           "</section>", ["Mara Lindqvist"]),
    # a printed byline's time ago
    ("es", "<div class='autor'><h6>Nuria Vidal Soler | Publicado hace 3 horas</h6></div>", ["Nuria Vidal Soler"]),
    ("de", "<div class='autor'><span>Mara Lindqvist</span> | <span>vor 20 Minuten</span></div>", ["Mara Lindqvist"]),
    # a time ago in an element of its own after the name's, no separator between
    ("en", "<div class='byline'><span class='author-name'>Mara Lindqvist and Tom Okafor</span>\n<span class='ago'>"
           "2 hours ago</span> <span>(4 March 2025 10:00 CET)</span></div>", ["Mara Lindqvist", "Tom Okafor"]),
    ("es", "<div class='byline'><a href='/nuria'>Nuria Vidal</a> <span>hace 3 horas</span></div>", ["Nuria Vidal"]),
    # the date in the lead-in's field after a word in lower case
    ("en", "<div class='post-meta'>Written by <a href='/authors/mara'>Mara Lindqvist</a> on 4 March 2025</div>",
     ["Mara Lindqvist"]),
    # no lead-in: the names before the date of the line right under the headline, linked to
    # their author pages or marked as authors
    ("cs", "<p class='meta'><a href='/autor/jana-horakova'>Jana Horáková</a> a <a href='/autor/petr-dvorak'>Petr "
           "Dvořák</a> · 4. března 2025 10:00</p>", ["Jana Horáková", "Petr Dvořák"]),
    ("it", "<p class='info'><a href='/autori/giulia-neri'>Giulia Neri</a> · 4 marzo 2025 alle ore 10:00</p>",
     ["Giulia Neri"]),
    # an interviewer's credit before a name that links to its author page
    ("en", "<p>Interview: <a href='/author/mara-lindqvist'>Mara Lindqvist</a> · 4 March 2025</p>", ["Mara Lindqvist"]),
])
def test_a_date_line_gives_the_names_of_its_byline_field(lang, top, want):
    assert _byline_page("", top, lang=lang)["authors"] == want


@pytest.mark.parametrize("lang, top, want", [
    # the elements marked as names, the role beside each left out
    ("sv", "<div class='writers'><div class='writer-byline'><span class='byline-name'>Lina Berg</span> <span "
           "class='byline-role'>Ekonomireporter</span></div><div class='writer-byline'><span class='byline-name'>Olof "
           "Sand</span> <span class='byline-role'>Kulturredaktör</span></div></div>", ["Lina Berg", "Olof Sand"]),
    ("en", "<div class='byline'><span class='author-name'>Tom Okafor</span> <span class='category-name'>Ports</span>"
           "</div>", ["Tom Okafor"]),
    ("en", "<div class='byline'>Tom Okafor <span class='author-role'>Harbour correspondent</span></div>", ["Tom Okafor"]),
    # role elements before the names: the one crediting photos drops the name after it, not the one before
    ("de", "<div class='byline'><span class='byline-role'>Text</span> <span class='byline-name'>Jonas Keller</span> "
           "<span class='byline-role'>Fotos</span> <span class='byline-name'>Lea Brandt</span></div>",
     ["Jonas Keller"]),
    ("de", "<div class='byline'><span class='byline-role'>Text:</span> <span class='byline-name'>Jonas Keller</span> "
           "<span class='byline-role'>Fotos:</span> <span class='byline-name'>Lea Brandt</span></div>",
     ["Jonas Keller"]),
    ("de", "<div class='byline'><span class='byline-role'>Text</span> <span class='byline-name'>Jonas Keller</span> "
           "<span class='byline-role'>Text</span> <span class='byline-name'>Mara Lindqvist</span></div>",
     ["Jonas Keller", "Mara Lindqvist"]),
    # a name element inside a source's credit
    ("de", "<div class='byline'><span class='author-name'>Jonas Keller</span> <span class='source'>Quelle: <span "
           "class='author-name'>Hafenagentur Nord</span></span></div>", ["Jonas Keller"]),
    ("en", "<div class='byline'><span class='author-name'>Tom Okafor</span> and <span class='author-name'>Ana "
           "Ruiz</span></div>", ["Tom Okafor", "Ana Ruiz"]),
    ("de", "<div class='autor'>Jonas Keller, <span itemprop='jobTitle'>Lokalredakteur</span></div>", ["Jonas Keller"]),
    ("sv", "<p class='byline'>Olof Sand<br>Politisk kommentator</p>", ["Olof Sand"]),  # a line of its own
    ("en", "<p class='byline'>Lina Berg and<br>Tom Okafor</p>", ["Lina Berg", "Tom Okafor"]),
    # a photo's credit beside the byline, in an element of its own or in the text
    ("pl", "<div class='autor-box'><span>Autor: Ewa Lis</span> <span class='foto'>Fot. Jan Kos / PAP</span></div>",
     ["Ewa Lis"]),
    ("pl", "<p class='autor'>Autor: Ewa Lis Fot. Jan Kos</p>", ["Ewa Lis"]),
    ("en", "<p class='byline'>By Tom Okafor, photos by Ana Ruiz</p>", ["Tom Okafor"]),
    ("it", "<p class='autore'>Di Paolo Neri, foto di Giulia Sala</p>", ["Paolo Neri"]),
    ("en", "<p class='byline'>By Tom Okafor Photograph: Ana Ruiz/AFP</p>", ["Tom Okafor"]),
    ("fr", "<p class='auteur'>Par Lucie Morel · Crédit photo : Jean Blanc</p>", ["Lucie Morel"]),
    ("de", "<p class='byline'>Fotos: Lea Brandt · Text: Jonas Keller</p>", ["Jonas Keller"]),  # the credit first
    ("de", "<p class='autor'>Jonas Keller | Bildquelle: Lea Brandt</p>", ["Jonas Keller"]),
    ("en", "<div class='byline'>Tom Okafor <span class='credit'>Credit: Ana Ruiz</span></div>", ["Tom Okafor"]),
    ("pl", "<div class='autor'><span>Ewa Lis</span><span>Zdjęcie: Jan Kos</span></div>", ["Ewa Lis"]),  # no space
    ("es", "<div class='autor'>Por Lucía Mora. Fotos: Pablo Sanz</div>", ["Lucía Mora"]),
    # a lead-in with no date after it: names linked to their author pages, or a credits line
    ("es", "<div class='firma'>Por <a href='/autor/lucia-mora'>Lucía Mora</a> y <a href='/autor/pablo-sanz'>Pablo "
           "Sanz</a></div>", ["Lucía Mora", "Pablo Sanz"]),
    ("de", "<div class='article-credits'>Text: Jonas Keller · Fotos: Lea Brandt</div>", ["Jonas Keller"]),
    ("fr", "<p class='signature'>Par <strong>Lucie Morel</strong>, journaliste · Photo : Jean Blanc</p>", ["Lucie Morel"]),
    # an author box: the name, not its description
    ("en", "<div class='author-info'><h4 class='author-title'>Lina Berg</h4><p class='author-desc'>Lina covers the "
           "ports.</p></div>", ["Lina Berg"]),
    # a link to an author's page beside a place, a section or a tag, or in an interview's credit
    ("en", "<p class='meta'><a href='/tag/ghent'>Ghent</a> · <a href='/author/eva-smit'>Eva Smit</a> · 4 March 2025</p>",
     ["Eva Smit"]),
    ("en", "<div class='meta'><a href='/author/eva-smit'>Eva Smit</a>, Ghent</div>", ["Eva Smit"]),
    ("en", "<p class='meta'><a href='/section/culture'>Culture Desk</a> | <a href='/autor/eva-smit'>Eva Smit</a></p>",
     ["Eva Smit"]),
    ("en", "<p>Interview by <a href='/author/eva-smit'>Eva Smit</a> with the harbour master Jan Bos</p>", ["Eva Smit"]),
    ("en", "<div class='meta'><span>Ghent</span> <a href='/writers/eva-smit'>Eva Smit</a></div>", ["Eva Smit"]),
])
def test_a_byline_gives_its_names_not_the_roles_credits_or_places_beside_them(lang, top, want):
    assert _byline_page("", top, lang=lang)["authors"] == want


@pytest.mark.parametrize("lang, top, want", [
    # names marked in a byline keep the role their credit states
    ("en", "<div class='entry-byline'>Words: <span class='byline-name'>Lina Berg</span> · Photos: <span "
           "class='byline-name'>Olof Sand</span></div>", ["Lina Berg"]),
    ("de", "<div class='autor'>Text: <span class='author-name'>Jonas Keller</span>, Fotos: <span class='author-name'>"
           "Lea Brandt</span></div>", ["Jonas Keller"]),
    ("en", "<div class='byline'><span class='byline-label'>By</span> <span class='byline-name'>Lina Berg</span></div>"
           "<div class='byline'><span class='byline-label'>Reviewed by</span> <span class='byline-name'>Olof Sand</span>"
           "</div>", ["Lina Berg"]),
    ("en", "<div class='byline'><span class='byline-name'>Lina Berg</span></div><div class='byline'><span class="
           "'byline-label'>Fact-checked by</span> <span class='byline-name'>Olof Sand</span></div>", ["Lina Berg"]),
    ("en", "<div class='byline'><span class='byline-name'>Lina Berg</span> and <span class='byline-name'>Olof Sand"
           "</span></div>", ["Lina Berg", "Olof Sand"]),
    # a place, a handle, an outlet's microdata name beside the name are none
    ("en", "<div class='byline'><span class='byline__name'>Lina Berg</span> <span class='byline__location-name'>Ghent"
           "</span></div>", ["Lina Berg"]),
    ("en", "<div class='author'><span class='display-name'>Lina Berg</span> <span class='user-name'>linaberg</span>"
           "</div>", ["Lina Berg"]),
    ("en", "<div class='byline'><span class='name'>Lina Berg</span> for <span itemscope itemtype='https://schema.org/"
           "NewsMediaOrganization'><span itemprop='name'>Northern Ledger</span></span></div>", ["Lina Berg"]),
    # a CSS utility class is no role's
    ("en", "<div class='author'><span class='d-inline position-relative'>Lina Berg</span></div>", ["Lina Berg"]),
    # a photographer's role beside a marked name, in an element of its own, before or after it
    ("en", "<div class='author-list'><div class='author'><span class='author-name'>Lina Berg</span></div><div class="
           "'author'><span class='author-role'>Photographer</span> <span class='author-name'>Olof Sand</span></div>"
           "</div>", ["Lina Berg"]),
    ("en", "<div class='byline'><span class='author-name'>Olof Sand</span> <span class='author-title'>Staff "
           "Photographer</span></div>", []),
    ("de", "<div class='autor'><span class='autor-name'>Lea Brandt</span> (Fotos)</div>", []),
    ("en", "<div class='post-author'><span class='post-author__label'>Photography</span> <a class='post-author__name' "
           "href='/author/olof-sand'>Olof Sand</a></div>", []),
    # a label element crediting another role makes the byline a photo's
    ("en", "<p class='byline'><span class='byline-label'>Photos:</span> Olof Sand</p>", []),
    ("de", "<div class='field field--name-field-autor'><div class='field__label'>Fotos</div><div class='field__item'>"
           "Lea Brandt</div></div>", []),
    ("en", "<div class='byline'><span class='author-name'>Lina Berg</span> <span class='author-role'>Reporter</span> "
           "<span class='author-name'>Olof Sand</span> <span class='author-role'>Chief reporter</span></div>",
     ["Lina Berg", "Olof Sand"]),
])
def test_a_name_element_is_read_with_the_credit_before_it(lang, top, want):
    assert _byline_page("", top, lang=lang)["authors"] == want


@pytest.mark.parametrize("lang, top, want", [
    ("en", "<div class='byline'>By Lina Berg · Edited by Olof Sand</div>", ["Lina Berg"]),
    ("en", "<div class='byline'>By <a href='/author/lina-berg'>Lina Berg</a> · Reviewed by <a href='/author/olof-sand'>"
           "Olof Sand</a></div>", ["Lina Berg"]),
    ("en", "<div class='byline'>By Lina Berg | Source: Reuters</div>", ["Lina Berg"]),
    ("de", "<div class='autor'>Von Jonas Keller · Redigiert von Lea Brandt</div>", ["Jonas Keller"]),
    ("en", "<span class='authors'>Lina Berg, Olof Sand and Tom Okafor</span>", ["Lina Berg", "Olof Sand", "Tom Okafor"]),
])
def test_a_printed_bylines_fields_end_where_another_role_is_credited(lang, top, want):
    assert _byline_page("", top, lang=lang)["authors"] == want


@pytest.mark.parametrize("lang, top, want", [
    # an element whose class names the article's signature
    ("it", "<div class='firma'>Marco Rossi</div>", ["Marco Rossi"]),
    ("it", "<p class='firma'>di Marco Rossi</p>", ["Marco Rossi"]),
    ("es", "<div class='firma-autor'><span>Ana Ruiz</span></div>", ["Ana Ruiz"]),
    ("es", "<div class='firma'>Por Ana Ruiz y Pedro Gil</div>", ["Ana Ruiz", "Pedro Gil"]),
    ("fr", "<p class='article-signature'>Marie Dupont</p>", ["Marie Dupont"]),
    ("pl", "<div class='podpis'>Anna Nowak</div>", ["Anna Nowak"]),
    # a signature that names no person, or a photo's caption (Polish "podpis"), is none
    ("pl", "<figure><img src='a.jpg'><figcaption class='podpis'>Anna Nowak</figcaption></figure>", []),
    ("pl", "<div class='podpis'>Fot. PAP/Leszek Szymański</div>", []),
    ("es", "<div class='firma'>Madrid, 14 de enero de 2026</div>", []),
    # a credit line in the standfirst's place names the writer when the page names none other
    ("de", "<p class='intro'>Ein Kommentar von Henrike Saal</p>", ["Henrike Saal"]),
    ("en", "<p class='standfirst'>A column by Lina Berg.</p>", ["Lina Berg"]),
    ("it", "<p class='sommario'>Un commento di Marco Rossi</p>", ["Marco Rossi"]),
    ("de", "<p class='intro'>Ein Kommentar von Henrike Saal</p><p class='author'>Von Jonas Keller</p>", ["Jonas Keller"]),
    ("de", "<p class='intro'>Eine Analyse von Tomas Brandt, Hamburg</p>", ["Tomas Brandt"]),  # the place after it cut
    ("de", "<p class='vorspann'>Ein Gastkommentar von Jonas Weber</p>", ["Jonas Weber"]),
    # a credit of a work of another kind names its maker, no writer
    ("de", "<p class='intro'>Ein Roman von Jonas Weber</p>", []),
    ("en", "<p class='standfirst'>A documentary by Lina Berg.</p>", []),
    ("it", "<p class='sommario'>Un romanzo di Marco Rossi</p>", []),
    ("de", "<p class='intro'>Ein Nachruf auf Tomas Brandt</p>", []),
    # a standfirst's sentence closing on a name is no credit
    ("de", "<p class='intro'>Der neue Kran am Kai wurde im Frühjahr geliefert und geplant von Henrike Saal</p>", []),
])
def test_a_signature_or_a_standfirsts_credit_line_gives_the_byline(lang, top, want):
    assert _byline_page("", top, lang=lang)["authors"] == want


def _signed_page(lang: str, before: str, middle: str, after: str) -> dict:
    para = ("<p>Paragraph {} on the tram depot, whose night shifts the city wants to review before the winter "
            "timetable starts.</p>")
    html = (f"<html lang='{lang}'><head><title>Depot</title></head><body><article><h1>Depot</h1>{before}"
            f"{para.format(1)}{para.format(2)}{middle}{para.format(3)}{para.format(4)}{after}</article></body></html>")
    return extract_article(html.encode(), "https://www.tram-news.example/city/depot").record


@pytest.mark.parametrize("lang, before, middle, after, want", [
    # the signature after the text, its place or outlet cut
    ("it", "", "", "<p class='firma'>Giulia Conti</p>", ["Giulia Conti"]),
    ("es", "", "", "<div class='firma'><span>Lucía Ferrer</span> <span>Valencia</span></div>", ["Lucía Ferrer"]),
    ("pl", "", "", "<p class='podpis-autora'>Ewa Zielińska, Kurier Lokalny</p>", ["Ewa Zielińska"]),
    ("it", "<div class='firma'>di Giulia Conti e Paolo Neri</div>", "", "", ["Giulia Conti", "Paolo Neri"]),
    ("it", "", "", "<p class='firma'><a href='/autori/giulia-conti'>Giulia Conti</a></p>", ["Giulia Conti"]),
    # the page's byline comes first
    ("en", "<p class='byline'>By Owen Hart</p>", "", "<p class='signature'>Nora Quill</p>", ["Owen Hart"]),
    # not the article's signature: a box, a dish, a quoted letter's signature among the paragraphs
    ("cs", "", "<div class='box'><span class='firma'>Truhlářství Dvořák Jihlava</span></div>", "", []),
    ("en", "", "<p>Try the <span class='signature-dish'>Harbour Chowder</span> at the depot café.</p>", "", []),
    ("en", "", "<blockquote><p>We ask you to keep the depot open.</p><p class='signature'>Nora Quill</p></blockquote>",
     "", []),
    # a link or a call elsewhere: a petition, a subscription
    ("it", "", "", "<a class='firma' href='/petizione'>Firma Anche Tu</a>", []),
    ("pt", "", "", "<div class='assinatura-box'><a href='/assinar'>Assine Agora</a></div>", []),
    ("pt", "", "", "<div class='cta-assinatura'>Assine Agora</div>", []),
    # an image's caption (Polish "podpis")
    ("pl", "<div class='zdjecie'><img src='/depot.jpg' alt=''><p class='podpis'>Marek Lis w zajezdni</p></div>", "",
     "", []),
    ("pl", "<div class='zdjecie'><img src='/depot.jpg' alt=''><span class='podpis'>Marek Lis</span></div>", "", "", []),
    ("hr", "<div class='kadar'><div class='slika'><img src='/d.jpg' alt=''></div><div class='opis'>"
           "<span class='foto-potpis'>Tomo Babić</span></div></div>", "", "", []),
    # the signature closing the text, its name alone
    ("hr", "", "", "<p class='potpis'><strong>Tomo Babić</strong></p>", ["Tomo Babić"]),
    # a form's field, a petition's box, a quoted message's sender, a contact's card after the text
    ("hr", "", "", "<form class='obrazac'><label class='potpis'>Tomo Babić</label><input name='potpis'></form>", []),
    ("de", "", "", "<div class='aufruf'><p>Schon 800 Unterschriften</p><div class='unterschrift'>Lea Brandt</div></div>",
     []),
    ("hr", "", "", "<div class='poruka'><p>Lijep pozdrav iz luke.</p><p class='potpis'>Tomo Babić</p></div>", []),
    ("fi", "", "", "<div class='allekirjoitus'>Eero Laine<br>tiedottaja, Satamayhtiö</div>", []),
    # after the text, another credit's label (a translator's) or an office beside the name: a reproduced
    # statement's signer, no writer; a byline's own label stands
    ("hr", "", "", "<p class='potpis'>Prijevod: Lana Perić</p>", []),
    ("de", "", "", "<p class='unterschrift'>Übersetzung: Jonas Weber</p>", []),
    ("hr", "", "", "<p class='potpis'>Gradonačelnica Lana Perić</p>", []),
    ("hr", "", "", "<p class='potpis'>Tomo Babić, gradonačelnik</p>", []),
    ("de", "", "", "<p class='unterschrift'>Jonas Weber, Bürgermeister</p>", []),
    ("hr", "", "", "<p class='potpis'>Autor: Lana Perić</p>", ["Lana Perić"]),
])
def test_a_signature_is_the_articles_own(lang, before, middle, after, want):
    assert _signed_page(lang, before, middle, after)["authors"] == want


@pytest.mark.parametrize("lang, text, sign", [
    ("hr", "Tramvaji od travnja voze i noću.<br><br>Grad plaća pola troška.", "<p class='potpis'>Lana Perić</p>"),
    ("de", "<p>Die Tram fährt ab April auch nachts.</p><p>Die Stadt zahlt die Hälfte.</p>",
     "<p class='unterschrift'>Jonas Weber</p>"),
])
def test_a_signature_closing_a_brief_with_no_paragraph_of_running_text_gives_its_writer(lang, text, sign):
    html = (f"<html lang='{lang}'><head><title>Depot</title></head><body><article><h1>Depot</h1>"
            f"<div class='entry'><div class='text'>{text}</div>{sign}</div></article></body></html>")
    record = extract_article(html.encode(), "https://www.tram-news.example/city/depot").record
    assert record["authors"] == [{"hr": "Lana Perić", "de": "Jonas Weber"}[lang]]


def test_a_signature_over_the_text_is_read_past_a_cookie_banners_paragraph():
    para = ("<p>Paragraph {} on the tram depot, whose night shifts the city wants to review before the winter "
            "timetable starts.</p>")
    html = ("<html lang='fr'><head><title>Dépôt</title></head><body><div class='cookies'>" + para.format(0) + "</div>"
            "<div class='story'><h1>Dépôt</h1><div class='story-info'><time datetime='2026-03-01'>1 mars</time>"
            "<span class='signature'>Nora Quill</span></div><div class='story-text'>"
            + "".join(para.format(i) for i in range(1, 5)) + "</div></div></body></html>")
    assert extract_article(html.encode(), "https://www.tram-news.example/city/depot").record["authors"] == ["Nora Quill"]


@pytest.mark.parametrize("byline, want", [
    ("Texto de Rui Costa; fotografia de Ana Lopes", ["Rui Costa"]),
    ("Texte de Claire Morel", ["Claire Morel"]),
    ("Testo di Marco Neri e foto di Lia Bo", ["Marco Neri"]),
])
def test_a_text_credit_with_its_preposition_gives_the_writer(byline, want):
    assert split_names(byline) == want


def test_bylines_repeated_per_writer_are_capped():
    top = "".join(f"<div class='byline'><span class='byline-name'>Lina Berg{'x' * i}</span></div>" for i in range(12))
    assert len(_byline_page("", top)["authors"]) == 6


@pytest.mark.parametrize("lang, top", [
    ("de", "<p>Quelle: Statistisches Landesamt</p>"),  # a lead-in, no date, no credit, nothing marking a person
    ("es", "<p class='antetitulo'>Por Qué Importa</p>"),
    ("en", "<p>Interview: Night Buses · Photos: Ines Roth</p>"),  # a lead-in only before its colon
    ("en", "<p class='credit'>Photos: <a href='/author/ines-roth'>Ines Roth</a></p>"),  # the photographer
    ("en", "<p class='meta'>More by <a href='/author/eva-smit'>this writer</a></p>"),  # no name
    ("en", "<figure><img src='/cranes.jpg' alt=''><figcaption>The quay at dawn <span class='byline'>Jan Kos</span>"
           "</figcaption></figure>"),  # a photo's byline
    ("en", "<div class='caption-byline'>Cranes at the quay, Ghent</div>"),
    ("es", "<p class='antetitulo'>Por Tierra y Mar</p>"),  # two words joined, no people's names
    ("de", "<p class='meta'>Von Jonas Keller (Text) und Lea Brandt (Fotos)</p>"),  # one person, no evidence
    # two capitalised names joined by "and" after a lead-in may be places: no evidence of people
    ("es", "<p>Por Sierra Morena y Las Hurdes</p>"), ("de", "<p>Von Bad Nauheim und Bad Orb</p>"),
    ("nl", "<p>Door Den Helder en Den Bosch</p>"),
    # a source or a desk before other roles' credits is no writer
    ("de", "<p>Quelle: Hafenbetriebe Kiel · Foto: Lea Brandt</p>"), ("en", "<p>Source: Port Authority · Photo: AP</p>"),
    ("it", "<p>Fonte: Autorità Portuale | Foto: Ansa</p>"), ("de", "<p>Autor: Redaktion Politik · Foto: dpa</p>"),
    ("en", "<p>By Ports Desk · Photo: AP</p>"), ("es", "<p>Por Redacción Sevilla · Foto: EFE</p>"),
    # a source or a desk before the date
    ("de", "<p>Quelle: Stadtverwaltung Kiel · 4. März 2025</p>"), ("en", "<p>Source: Port Authority · 4 March 2025</p>"),
    ("es", "<p class='meta'>Por Redacción Sevilla · 4 de marzo de 2025</p>"),
    ("en", "<p class='meta'><a href='/author/ports-desk'>Ports Desk</a> · 4 March 2025</p>"),
    # a source after the date, marked as a byline or not; a desk's author page with no date after it
    ("fr", "<p class='byline'><time datetime='2025-03-04'>4 mars 2025</time> · Source : Office du Port</p>"),
    ("it", "<p class='firma'>4 marzo 2025 | Fonte: Autorità Portuale</p>"),
    ("es", "<p class='autor'><time datetime='2025-03-04'>4 de marzo de 2025</time> · Fuente: Autoridad Portuaria</p>"),
    ("en", "<p class='byline'>By <a href='/authors/ports-desk'>Ports Desk</a></p>"),
    ("en", "<p class='meta'>By <a href='/authors/harbour-news-desk'>Harbour News Desk</a></p>"),
    # author-page links outside a byline: a review's book, another role's label, a sentence, a "Read also"
    ("en", "<p class='book-meta'><a href='/books/authors/ian-moss'>Ian Moss</a> · The Long Quay · Northfield, 2024</p>"),
    ("en", "<p class='credits'>Director: Ana Gil · Script: <a href='/writers/tom-berg'>Tom Berg</a> · 2024</p>"),
    ("en", "<p class='meta'>Medically reviewed by <a href='/contributors/lena-holt'>Lena Holt</a></p>"),
    ("en", "<p class='meta'>An interview with <a href='/authors/karin-lund'>Karin Lund</a></p>"),
    ("en", "<p>As <a href='/columnists/mara-lindqvist'>Mara Lindqvist</a> wrote on Monday, the quay is late.</p>"),
    ("en", "<p class='standfirst'>Our columnist <a href='/columnists/jan-berg'>Jan Berg</a> saw it coming.</p>"),
    ("en", "<p class='read-also'>Read also: <a href='/columnists/jan-berg/the-quay-is-late'>The Quay Is Late</a></p>"),
    # a link to no one author's page: a column, a topic, a series, the writers' index, the site's team
    ("en", "<p class='kicker'><a href='/opinion/columnists/'>Columnists</a> · <a href='/opinion/columnists/north-"
           "letters/'>North Letters</a></p>"),
    ("en", "<p class='meta'><a href='/topics/journalists/press-freedom'>Press Freedom</a> · 4 March 2025</p>"),
    ("en", "<p class='meta'><a href='/contributors/series/quay-diaries'>Quay Diaries</a></p>"),
    ("en", "<div class='meta'><a href='/about/writers/'>Meet Our Writers</a> · 4 March 2025</div>"),
])
def test_a_line_under_the_headline_gives_no_author_without_evidence_of_a_person(lang, top):
    assert _byline_page("", top, lang=lang)["authors"] == []


def _wrapped_headline_page(after: str) -> dict:
    paras = "".join(f"<p>Paragraph {i} about the harbour cranes and the night shifts of the dock workers, which the "
                    f"union wants to review before winter.</p>" for i in range(4))
    html = (f"<html lang='en'><head><title>Cranes return</title></head><body><article><header class='article-header'>"
            f"<h1>Cranes return</h1></header>{after}<div class='text'>{paras}</div></article></body></html>")
    return extract_article(html.encode(), "https://www.harbour-news.example/port/cranes").record


def test_author_links_joined_by_and_under_the_headline_are_the_byline():
    top = ("<div class='article-header__meta'><a href='/contributors/lina-berg'>Lina Berg</a> and <a href='/contributors/"
           "olof-sand'>Olof Sand</a></div>")
    assert _byline_page("", top)["authors"] == ["Lina Berg", "Olof Sand"]
    cited = ("<p>As <a href='/columnists/lina-berg'>Lina Berg</a> and <a href='/columnists/olof-sand'>Olof Sand</a> "
             "wrote on Monday, the quay is late.</p>")
    assert _byline_page("", cited)["authors"] == []


def test_the_sites_team_account_is_no_byline():
    top = "<div class='meta'><a href='/author/north-ledger-team'>North Ledger Team</a></div>"
    assert _byline_page("<meta property='og:site_name' content='North Ledger'>", top)["authors"] == []


def test_a_translators_author_link_beside_the_writers_is_no_byline():
    top = ("<p class='meta'>By <a href='/author/lina-berg'>Lina Berg</a> · Translated by <a href='/contributors/"
           "olof-sand'>Olof Sand</a></p>")
    assert _byline_page("", top)["authors"] == ["Lina Berg"]


def test_an_author_link_in_the_date_line_after_the_headlines_wrapper_is_the_byline():
    line = "<p class='meta'><a href='/tag/ghent'>Ghent</a> · <a href='/author/eva-smit'>Eva Smit</a> · 4 March 2025</p>"
    assert _wrapped_headline_page(line)["authors"] == ["Eva Smit"]


@pytest.mark.parametrize("after", [
    # an author box's biography: its link's words are no name ("Alles von …", all by)
    "<div class='author-bio'>Eva Smit writes about ports. <a href='/author/eva-smit'>Alles von Eva Smit</a></div>",
    # the article's text, a writer named in it
    "<div class='intro'><p>The cranes were ordered last year, as <a href='/author/eva-smit'>Eva Smit</a> reported in "
    "March, after the union and the port authority had argued about the night shifts for most of the winter and the "
    "spring, and a second order is planned for the autumn.</p></div>",
])
def test_an_author_link_after_the_headlines_wrapper_outside_a_date_line_is_no_byline(after):
    assert _wrapped_headline_page(after)["authors"] == []


def test_an_author_link_after_the_article_text_is_no_byline():
    html = ("<html lang='en'><head><title>Cranes return</title></head><body><article><h1>Cranes return</h1>"
            + "".join(f"<p>Paragraph {i} about the harbour cranes and the night shifts of the dock workers, which the "
                      f"union wants to review before winter.</p>" for i in range(4))
            + "<p>More from our writers: <a href='/author/eva-smit'>Eva Smit</a></p></article></body></html>")
    assert extract_article(html.encode(), "https://www.harbour-news.example/port/cranes").record["authors"] == []


def test_a_signed_in_readers_name_is_no_byline():
    assert _byline_page("", "<div class='account'><span class='user-name'>Mara Lindqvist</span></div>")["authors"] == []
    # Wix marks the reader's place in its menu as its writers: signed out, it reads "Log In"
    assert _byline_page("", "<div data-hook='user-name'>Log In</div>")["authors"] == []


def test_an_author_link_in_the_navigation_is_no_byline():
    assert _byline_page("", "<nav><a id='nav-autoren' class='nav-autoren' href='/autoren'>Autoren</a></nav>")["authors"] == []


def test_a_byline_naming_only_an_account_gives_way_to_the_printed_one():
    record = _byline_page("<meta name='author' content='admin'>", "<p class='byline'>Von Mara Lindqvist</p>")
    assert record["authors"] == ["Mara Lindqvist"]


def test_the_conjunctions_are_those_of_the_unicode_list_patterns():
    babel = pytest.importorskip("babel", reason="Babel (CLDR data) is installed with trafilatura's courlan")
    from newsbot.extraction.vocabulary import vocabulary

    for lang, categories in vocabulary().items():
        words = categories.get("name_conjunction", {}).get("", ())
        if not words:
            continue
        pattern = babel.Locale.parse(lang).list_patterns["standard"]["2"]
        assert pattern.replace("{0}", "").replace("{1}", "").strip() == words[0], lang


@pytest.mark.parametrize("head, top", [
    ("<meta name='author' content='euronews'>", ""),
    ("<meta property='og:site_name' content='Harbour News'><meta name='author' content='Harbour News'>", ""),
    ('<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Cranes return", "author": '
     '{"@type": "Organization", "name": "Harbour News"}, "publisher": {"@type": "Organization", "name": '
     '"Harbour News"}}</script>', ""),
    ("<meta name='author' content='harbour-news.example'>", ""),
])
def test_the_brand_is_never_an_author(head, top):
    url = "https://www.euronews.example/my-europe/cranes" if "euronews" in head else None
    record = _byline_page(head, top, *([url] if url else []))
    assert record["authors"] == []


def test_a_brand_in_structured_data_gives_way_to_the_printed_byline():
    head = ('<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Cranes return", '
            '"author": {"@type": "Person", "name": "Harbour News"}}</script>'
            "<meta property='og:site_name' content='Harbour News'>")
    record = _byline_page(head, "<div class='byline'>By Mara Lindqvist</div>")
    assert record["authors"] == ["Mara Lindqvist"]


GERMAN = ("<p>Der Stadtrat hat am Dienstag beschlossen, die alte Brücke über den Fluss im kommenden Frühjahr "
          "für mehrere Monate zu sperren, weil die Pfeiler dringend saniert werden müssen.</p>"
          "<p>Fußgänger und Radfahrer sollen während der Bauarbeiten eine Fähre nutzen, die jede halbe Stunde "
          "zwischen den beiden Ufern verkehrt; der Busverkehr wird über die Südbrücke umgeleitet.</p>"
          "<p>Die Händler in der Altstadt befürchten weniger Kundschaft und fordern von der Stadt einen "
          "Ausgleich für die Zeit der Sperrung.</p>")
ENGLISH = ("<p>The city council decided on Tuesday to close the old bridge over the river for several months "
           "next spring, because its piers are in urgent need of repair.</p>"
           "<p>Pedestrians and cyclists will take a ferry that crosses between the two banks every half hour "
           "while the work goes on; buses will be sent over the south bridge instead.</p>"
           "<p>Shop owners in the old town fear fewer customers and want the city to make up for the closure.</p>")
DANISH = ("<p>Byrådet besluttede tirsdag at lukke den gamle bro over åen i flere måneder til foråret, fordi "
          "bropillerne trænger til en hurtig reparation.</p><p>Fodgængere og cyklister skal i mellemtiden tage en "
          "færge, som sejler mellem de to bredder hver halve time, mens busserne kører over den sydlige bro.</p>"
          "<p>Butiksejerne i den gamle bydel frygter færre kunder og vil have byen til at kompensere dem.</p>")
CROATIAN = ("<p>Vijeće Europske unije u srijedu je usvojilo nova pravila o sigurnosti igračaka.</p><p>Države članice "
            "dogovorile su se da svaka igračka mora imati digitalnu putovnicu proizvoda.</p><p>Ministri su naglasili "
            "da će pravila zaštititi djecu od opasnih kemikalija, a proizvođači će imati tri godine za prilagodbu.</p>")
SERBIAN_CYRILLIC = ("<p>Градско веће је у уторак одлучило да стари мост преко реке буде затворен неколико месеци "
                    "током пролећа, јер његови стубови морају хитно да се поправе.</p><p>Пешаци и бициклисти ће за "
                    "то време користити скелу која саобраћа између две обале сваких пола сата.</p><p>Власници "
                    "радњи у старом делу града страхују да ће имати мање купаца и траже од града накнаду.</p>")
SLOVAK_BRIEF = ("<p>Mestské zastupiteľstvo v utorok rozhodlo, že starý most cez rieku bude na jar niekoľko mesiacov "
                "zatvorený, pretože jeho piliere treba opraviť.</p><p>Chodci a cyklisti budú počas opráv využívať kompu, ktorá premáva každú polhodinu.</p>")


@pytest.mark.parametrize("lang, paras, want, layer", [
    ("", ENGLISH, "en", "generic"),  # the page says nothing: the text's language
    ("", GERMAN, "de", "generic"),
    ("en-US", GERMAN, "de", "generic"),  # a theme's en-US over German text
    ("en-US", SLOVAK_BRIEF, "sk", "generic"),  # and over a brief of two short paragraphs
    ("de-DE", GERMAN, "de-DE", "html"),  # a declaration the text agrees with stands
    ("da", DANISH, "da", "html"),  # close neighbours (Norwegian) never overrule it
    ("hr", CROATIAN, "hr", "html"),  # CLD2 reads this Croatian as Bosnian, a language it cannot tell apart
    ("hr", SERBIAN_CYRILLIC, "sr", "generic"),  # but Serbian in Cyrillic is no Croatian: the script tells
    ("en", "<p>Kurz.</p>" * 3, "en", "html"),  # too little text to contradict
    ("", "<p>Kurz.</p>", None, None),  # too little text to tell
])
def test_language_from_the_text_when_the_page_does_not_say_or_says_otherwise(lang, paras, want, layer):
    attr = f" lang='{lang}'" if lang else ""
    html = f"<html{attr}><head><title>Bridge</title></head><body><article><h1>Bridge</h1>{paras}</article></body></html>"
    result = extract_article(html.encode(), "https://city.example/bridge")
    assert result.record["language"] == want
    assert result.provenance.get("language") == layer


@pytest.mark.parametrize("cls, ident, named", [
    ("Byline", None, True), ("post-AUTHOR-name", None, True), ("meta", "Authors", True),
    ("comment-author", None, False), ("author-bio", None, False), ("headline", "authority", False),
    ("field--name-field-auteurs", None, True), ("post-autor", None, True), ("autorzy", None, True),
    ("autocomplete", None, False), ("autoplay-video", None, False),
])
def test_a_class_or_id_names_a_byline_in_any_case(cls, ident, named):
    from newsbot.extraction.metadata import _names_byline

    assert _names_byline(cls, ident) is named


def test_the_cyclic_collector_is_held_off_while_a_page_is_extracted(monkeypatch):
    import gc

    from newsbot.extraction.record import Fields

    seen = []
    real = Fields.record

    def record(self):
        seen.append(gc.isenabled())
        return real(self)

    monkeypatch.setattr(Fields, "record", record)
    assert gc.isenabled()
    out = extract_article(_page(), "https://coastpost.example/news/cranes")
    assert seen == [False] and gc.isenabled()
    assert out.record["title"] == "Harbour cranes return"
    gc.disable()  # a caller's own choice is left as it was
    try:
        extract_article(_page(), "https://coastpost.example/news/cranes")
        assert seen == [False, False] and not gc.isenabled()
    finally:
        gc.enable()


def test_the_collector_is_back_on_after_an_extraction_that_raises(monkeypatch):
    import gc

    from newsbot.extraction.record import Fields

    def record(self):
        raise RuntimeError("broken field")

    monkeypatch.setattr(Fields, "record", record)
    with pytest.raises(RuntimeError, match="broken field"):
        extract_article(_page(), "https://coastpost.example/news/cranes")
    assert gc.isenabled()


def test_an_elements_visible_text_is_read_without_a_reference_cycle():
    import gc

    import lxml.html

    from newsbot.extraction.values import text_of

    tree = lxml.html.document_fromstring(
        "<html><body><div id='a'>Ferry <b>times</b><script>var x = 1;</script> change<br>on Monday"
        "<style>p{}</style></div> after</body></html>")
    gc.collect()
    gc.disable()
    try:
        assert text_of(tree.get_element_by_id("a")) == "Ferry times change on Monday"
        assert gc.collect() == 0  # nothing the walk left behind for the collector
    finally:
        gc.enable()


def test_a_bylines_and_a_kicked_headlines_texts_are_read_without_a_reference_cycle():
    import gc

    import lxml.html

    from newsbot.extraction.metadata import _byline_text
    from newsbot.extraction.title import _without_named_kicker

    tree = lxml.html.document_fromstring(
        "<html><body><h1 id='h'><span class='kicker'>Harbour</span> <span>Cranes return</span></h1>"
        "<div id='b'><span>Ana Ruiz</span><div>Coast Post</div></div></body></html>")
    gc.collect()
    gc.disable()
    try:
        assert _without_named_kicker(tree.get_element_by_id("h")) == "Cranes return"
        assert _byline_text(tree.get_element_by_id("b")) == "Ana Ruiz, Coast Post"
        assert gc.collect() == 0  # nothing the walks left behind for the collector
    finally:
        gc.enable()


def test_a_pages_declared_language_chooses_the_organisation_words_read_in_its_bylines():
    head = "<meta name='author' content='Lina Verein'>"
    assert _byline_page(head, "", lang="en")["authors"] == ["Lina Verein"]
    assert _byline_page(head, "", lang="de")["authors"] == []


@pytest.mark.parametrize("byline, language, want", [
    # a desk named as a common noun, with its article or a lead-in, is no author
    ("Gabinete de Comunicação", "pt", []), ("A cura della Redazione", "it", []),
    ("de Redactie Binnenland", "nl", []), ("door de Redactie Binnenland", "nl", []), ("the Newsroom", "en", []),
    # the false friends: a particle before a surname, a desk named with the site's name (the site's signature)
    ("Jan de Vries", "nl", ["Jan de Vries"]), ("de Vries", "nl", ["de Vries"]),
    ("Redactie Binnenland", "nl", ["Redactie Binnenland"]), ("A cura di Marco Rossi", "it", ["Marco Rossi"]),
    # a parenthesis after a name, whatever it holds, is no part of a name nor a place to split
    ("Julien Moreau (Lyon, avec AFP)", "fr", ["Julien Moreau"]), ("Julien Moreau (Lyon et Grenoble)", "fr", ["Julien Moreau"]),
    ("Ana Ruiz (EFE), Tom Weiss", "es", ["Ana Ruiz", "Tom Weiss"]),
    # Catalan "Per" (by) before a name of two words, on a Catalan page; a Scandinavian first name elsewhere
    ("Per Jordi Puig i Marta Soler", "ca", ["Jordi Puig", "Marta Soler"]), ("per Núria Vila", "ca", ["Núria Vila"]),
    ("Per Olsen og Ida Holm", "no", ["Per Olsen", "Ida Holm"]), ("Per Jordi Puig", "da", ["Per Jordi Puig"]),
    ("Per Olsen", "ca", ["Per Olsen"]),
    # Greek's genitive article (by), the name kept as printed
    ("Του Γιώργου Νικολάου", "el", ["Γιώργου Νικολάου"]), ("Της Μαρίας Παππά", "el", ["Μαρίας Παππά"]),
    ("Των Γιώργου Νικολάου και Μαρίας Παππά", "el", ["Γιώργου Νικολάου", "Μαρίας Παππά"]),
    # French title case "Le" is a name's (Irish "Le", by, only on an Irish page)
    ("Le Parisien Week-End", "fr", ["Le Parisien Week-End"]), ("Le Parisien Week-End", "", ["Le Parisien Week-End"]),
    # GmbH in any case is a company's legal form; another form keeps its case
    ("Hafenwerke Muster Gmbh", "de", []), ("HAFENWERKE MUSTER GMBH", "de", []), ("Tom Sas", "fr", ["Tom Sas"]),
])
def test_desks_places_and_lead_ins_of_a_byline(byline, language, want):
    assert split_names(byline, language) == want


ORGANISATION_LD = ('<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Cranes return", '
                   '"author": {"@type": "Organization", "name": "Brněnské dny"}}</script>')


def test_a_printed_persons_byline_wins_over_an_organisation_the_json_ld_credits():
    rec = _byline_page(ORGANISATION_LD, "<p class='autor'>Kateřina Veselá</p>", lang="cs")
    assert rec["authors"] == ["Kateřina Veselá"]
    # the false friends: nothing printed, or a person credited by the JSON-LD beside an agency
    assert _byline_page(ORGANISATION_LD, "", lang="cs")["authors"] == ["Brněnské dny"]
    both = ORGANISATION_LD.replace('{"@type": "Organization", "name": "Brněnské dny"}',
                                   '[{"@type": "Person", "name": "Jan Novák"}, {"@type": "Organization", "name": "ČTK"}]')
    assert _byline_page(both, "<p class='autor'>Kateřina Veselá</p>", lang="cs")["authors"] == ["Jan Novák", "ČTK"]


@pytest.mark.parametrize("top, want", [
    ("<p class='byline'><span>Par</span><a href='/auteurs/julien-moreau'>Julien Moreau</a></p>", ["Julien Moreau"]),
    ("<p class='byline'><span>Julien Moreau</span><span>, journaliste</span></p>", ["Julien Moreau"]),
])
def test_a_bylines_elements_side_by_side_are_read_as_a_date_lines_are(top, want):
    from lxml import html

    from newsbot.extraction.metadata import _edged_text
    from newsbot.extraction.values import text_of

    el = html.fromstring(top)
    assert _edged_text(el) == text_of(el, apart=True)
    assert _byline_page("", top, lang="fr")["authors"] == want


@pytest.mark.parametrize("byline, language, want", [
    # a parenthesis never closed splits no names and is no part of one
    ("Por Lucía Gil (Sevilla y Ben Adler", "es", ["Lucía Gil", "Ben Adler"]),
    # a desk's name before its writers in parentheses gives the writers
    ("Redaktion Kai (Lena Vogt, Paul Eck)", "de", ["Lena Vogt", "Paul Eck"]),
    # the false friend: a closed parenthesis after a person's name is left out whole
    ("Lena Vogt (Kiel, mit dpa)", "de", ["Lena Vogt"]),
    # capitalised Catalan "Per" before a single name of three words is a Scandinavian first name
    ("Per Aksel Lund", "ca", ["Per Aksel Lund"]), ("per Aksel Lund", "ca", ["Aksel Lund"]),
])
def test_parentheses_desks_and_per_in_a_byline(byline, language, want):
    assert split_names(byline, language) == want


ORG_TEXT = "".join(f"<p>Paragraph {i} about the harbour cranes and the night shifts of the dock workers, which the "
                   f"union wants to review before the winter season.</p>" for i in range(4))


@pytest.mark.parametrize("after", [
    "<div class='author-box'><h3>Editor-in-chief</h3><p class='author-name'>Eva Horáková</p></div>",
    "<section class='related'><h2>Related</h2><div><a href='/p/9'>Ferries</a> "
    "<a rel='author' href='/autor/eva-horakova'>Eva Horáková</a></div></section>",
])
def test_a_person_printed_below_the_text_does_not_win_over_the_organisation_credited(after):
    html = (f"<html lang='cs'><head><title>Cranes return</title>{ORGANISATION_LD}</head><body><article>"
            f"<h1>Cranes return</h1>{ORG_TEXT}{after}</article></body></html>")
    assert extract_article(html.encode(), "https://www.harbour-news.example/port/cranes").record["authors"] \
        == ["Brněnské dny"]


@pytest.mark.parametrize("top, text", [
    # separators printed as elements of their own stand apart from the names
    ("<p class='byline'><span>Lena Vogt</span><span>|</span><span>Paul Eck</span></p>", "Lena Vogt | Paul Eck"),
    ("<p class='byline'><span>Lena Vogt</span><span>/</span><span>Paul Eck</span></p>", "Lena Vogt / Paul Eck"),
    # the false friends: a date's parts and a comma glued to the element before
    ("<p class='byline'><b>Lena Vogt</b><b>(</b><b>Kiel</b><b>)</b></p>", "Lena Vogt (Kiel)"),
    ("<p class='byline'><span>Lena Vogt</span><span>, Reporterin</span></p>", "Lena Vogt, Reporterin"),
])
def test_elements_side_by_side_are_read_apart_unless_punctuation_joins_them(top, text):
    from lxml import html

    from newsbot.extraction.metadata import _edged_text
    from newsbot.extraction.values import text_of

    el = html.fromstring(top)
    assert text_of(el, apart=True) == text and _edged_text(el) == text


def test_the_last_resort_reads_the_shared_tree_and_leaves_it_as_it_was():
    from lxml import etree

    from newsbot.extraction.content import _trafilatura_body
    from newsbot.extraction.page import Page

    words = ("The ferry to the outer islands sails again from Monday after a winter spent in the yard, "
             "its hull painted and its engines overhauled by the crew who know them best.")
    html = (f"<html><head><title>Ferry</title><script>var x = 1;</script></head><body><nav><a href='/'>Home</a>"
            f"</nav><div><div>{words}</div><div>{words.replace('Monday', 'Tuesday')}</div></div>"
            "<footer>Contact</footer></body></html>")
    page = Page(html.encode(), "https://harbour.example/news/ferry")
    before = etree.tostring(page.tree)
    found = _trafilatura_body(page)
    assert any("sails again from Monday" in p for p in found)
    assert etree.tostring(page.tree) == before


def _drupal8(lang: str, lead: str, name: str, on: str, person: str = "") -> str:
    person = person or f"<span lang='' about='/user/5' typeof='schema:Person' property='schema:name' datatype=''>{name}</span>"
    return ("<div class='node__meta'><article typeof='schema:Person' about='/user/5' class='profile'></article>"
            f"<span>{lead} <span class='field field--name-uid field--type-entity-reference field--label-hidden'>{person}"
            f"</span> {on} <span class='field field--name-created field--type-created field--label-hidden'>"
            "10.03.2026 - 14:22</span></span></div>")


def _drupal7(lead: str, name: str, date: str) -> str:
    return ("<div class='submitted'><span property='dc:date dc:created' content='2026-03-10T14:22:00+01:00' "
            f"datatype='xsd:dateTime' rel='sioc:has_creator'>{lead} <span class='username' xml:lang='' about='/user/12' "
            f"typeof='sioc:UserAccount' property='foaf:name' datatype=''>{name}</span> {date}</span></div>")


def _node_page(lang: str, meta: str, after: str = "", node: str = "node node--type-article node--view-mode-full") -> dict:
    paras = "".join(f"<p>Paragraph {i} about the harbour cranes and the night shifts of the dock workers, "
                    f"which the union wants to review before winter.</p>" for i in range(4))
    html = (f"<html lang='{lang}'><head><title>Cranes return</title></head><body><h1 class='page-title'>Cranes return</h1>"
            f"<article class='{node}'>{meta}<div class='node__content'>{paras}</div></article>{after}</body></html>")
    return extract_article(html.encode(), "https://www.harbour-news.example/port/cranes").record


@pytest.mark.parametrize("lang, meta, want", [
    # Drupal 8 and later: the uid field of the node's meta, the name in its RDFa schema:name or its account link
    ("sk", _drupal8("sk", "Pridal", "Jana Nováková", "dňa"), ["Jana Nováková"]),
    ("sl", _drupal8("sl", "Objavil", "Luka Zupan", "dne"), ["Luka Zupan"]),
    ("fi", _drupal8("fi", "Lähettänyt", "", "", "<a href='/user/7' hreflang='fi'>Aino Virtanen</a>"), ["Aino Virtanen"]),
    ("hu", _drupal8("hu", "Beküldte", "", "", "<a href='/hu/felhasznalo/kovacs-anna'>Kovács Anna</a>"), ["Kovács Anna"]),
    # Drupal 7: rel="sioc:has_creator", the name in the foaf:name username, the lead-in and date around it
    ("hu", _drupal7("Beküldte", "Szabó Réka", "2026. március 10., kedd - 14:22"), ["Szabó Réka"]),
    ("pl", _drupal7("Opublikowane przez", "Ewa Lis", "wt., 10/03/2026 - 14:22"), ["Ewa Lis"]),
    ("cs", _drupal7("Vložil", "Jan Novák", "Út, 10/03/2026 - 14:22"), ["Jan Novák"]),
    ("en", _drupal7("Submitted by", "Owen Hart", "on Tue, 03/10/2026 - 14:22"), ["Owen Hart"]),
    # an account, or a login, is no author
    ("en", _drupal7("Submitted by", "webmaster", "on Tue, 03/10/2026 - 14:22"), []),
    ("sk", _drupal8("sk", "Pridal", "admin", "dňa"), []),
    ("de", _drupal7("Gespeichert von", "jnovak", "am 10. März 2026 - 14:22"), []),
    # a "submitted" line naming no account: no name's element, no account's link
    ("en", "<div class='submitted'>Posted in <a href='/news/port'>Port News</a></div>", []),
])
def test_a_drupal_nodes_meta_gives_its_creator(lang, meta, want):
    assert _node_page(lang, meta)["authors"] == want


def test_a_drupal_creator_in_a_related_views_teaser_or_a_comment_is_no_byline():
    teaser = ("<div class='views-element-container'><div class='view-content'><div class='views-row'>"
              "<article class='node node--type-article node--view-mode-teaser'><h2><a href='/port/ferries'>Ferries</a></h2>"
              + _drupal8("sk", "Pridal", "Jana Nováková", "dňa") + "</article></div></div></div>")
    assert _node_page("sk", "", after=teaser)["authors"] == []
    comment = ("<div id='comments' class='comment-wrapper'><div class='comment clearfix'>"
               + _drupal7("Submitted by", "Owen Hart", "on Tue, 03/10/2026 - 14:22") + "<p>Nice cranes.</p></div></div>")
    assert _node_page("en", comment)["authors"] == []
    # and outside any node or article: a block's, not the node's own meta
    html = ("<html lang='cs'><head><title>Cranes return</title></head><body><h1>Cranes return</h1>"
            + _drupal7("Vložil", "Jan Novák", "Út, 10/03/2026") + ORG_TEXT + "</body></html>")
    assert extract_article(html.encode(), "https://www.harbour-news.example/port/cranes").record["authors"] == []


def _node_text_page(lang: str, meta: str, inside: str = "", top: str = "") -> dict:
    """A Drupal 7 node: ``top`` and ``meta`` over its body field, ``inside`` after the body's paragraphs."""
    paras = "".join(f"<p>Paragraph {i} about the harbour cranes and the night shifts of the dock workers, "
                    f"which the union wants to review before winter.</p>" for i in range(4))
    html = (f"<html lang='{lang}'><head><title>Cranes return</title></head>"
            "<body class='html not-front page-node node-type-article'><h1 class='title'>Cranes return</h1>"
            f"<div id='node-12' class='node node-article clearfix'>{top}{meta}<div class='content'>"
            f"<div class='field field-name-body'><div class='field-items'><div class='field-item even'>{paras}{inside}"
            "</div></div></div></div></div></body></html>")
    return extract_article(html.encode(), "https://www.harbour-news.example/port/cranes").record


@pytest.mark.parametrize("lang, top, inside, want", [
    # the writer's printed credit beats the account that saved the node: a date line's byline, an author
    # field's label, an author's link, a signature
    ("it", "<p class='info'>di Marco Rossi - 12 marzo 2026</p>", "", ["Marco Rossi"]),
    ("it", "", "<p class='firma'>Marco Rossi</p>", ["Marco Rossi"]),
    ("hu", "<div class='field field-name-field-iro'><div class='field-label'>Szerző:&nbsp;</div>"
           "<div class='field-items'><div class='field-item'><a href='/cimke/nagy-eva'>Nagy Éva</a></div></div></div>",
     "", []),
    ("cs", "<div class='meta'><a href='/autori/eva-mala'>Eva Malá</a></div>", "", []),
])
def test_a_drupal_creator_is_read_only_where_the_node_prints_no_writer(lang, top, inside, want):
    meta = _drupal7("Beküldte", "Petra Holm", "2026. március 10., kedd - 14:22")
    assert _node_text_page(lang, meta, inside, top)["authors"] == want
    # the false friend: the same node printing no writer of its own gives the creator
    assert _node_text_page(lang, meta)["authors"] == ["Petra Holm"]


@pytest.mark.parametrize("lang, meta", [
    # logins and accounts: CamelCase, digits and underscores, a press office's account
    ("cs", _drupal7("Vložil", "PHolm", "Út, 10/03/2026 - 14:22")),
    ("hr", _drupal7("Objavio", "Urednistvo_3", "uto, 10.03.2026 - 14:22")),
    ("hu", _drupal7("Beküldte", "Sajtóiroda", "2026. március 10., kedd - 14:22")),
    # Drupal's anonymous user, in its translations
    ("en", _drupal7("Submitted by", "Anonymous (not verified)", "on Tue, 03/10/2026 - 14:22")),
    ("hu", _drupal7("Beküldte", "Névtelen (nem ellenőrzött)", "2026. március 10., kedd - 14:22")),
    ("de", _drupal8("de", "Gespeichert von", "Gast (nicht überprüft)", "am")),
])
def test_a_drupal_creator_that_is_no_persons_name_is_no_author(lang, meta):
    assert _node_page(lang, meta)["authors"] == []


def test_the_anonymous_users_name_is_no_author():
    assert split_names("Anonymous", "en") == [] and split_names("Névtelen", "hu") == []
    assert split_names("Anonim", "pl") == [] and split_names("Anna Anonimová", "cs") == ["Anna Anonimová"]


def test_a_submitted_line_outside_the_nodes_meta_is_no_byline():
    # a reader's photo credit in a figure's caption, a poll's thanks after the text, a related node inside the text
    figure = ("<figure><img src='/f/crane.jpg' alt=''><figcaption>The crane. <span class='submitted'>Reader photo by "
              "<a href='/user/88'>Mary Quinn</a></span></figcaption></figure>")
    assert _node_text_page("en", "", top=figure)["authors"] == []
    poll = "<div class='poll'><p>Agree?</p><div class='submitted'>Thanks, <span class='username'>Mark Doyle</span></div></div>"
    assert _node_text_page("en", "", inside=poll)["authors"] == []
    related = ("<div class='field field-name-field-related'><div id='node-7' class='node node-article'>"
               "<h2><a href='/port/ferries'>Ferries</a></h2>" + _drupal7("Beküldte", "Nagy Péter", "2025. május 2.")
               + "<p>Older story.</p></div></div>")
    assert _node_text_page("hu", "", inside=related)["authors"] == []
    # the false friend: the node's own meta over its text
    assert _node_text_page("hu", _drupal7("Beküldte", "Nagy Péter", "2025. május 2."))["authors"] == ["Nagy Péter"]


@pytest.mark.parametrize("label", ["Uploaded by", "Feltöltötte"])
def test_a_drupal_uid_field_with_a_visible_label_gives_the_name_alone(label):
    meta = ("<div class='field field--name-uid field--type-entity-reference field--label-inline'>"
            f"<div class='field__label'>{label}</div><div class='field__item'>Lena Park</div></div>")
    assert _node_page("en", meta)["authors"] == ["Lena Park"]


@pytest.mark.parametrize("field, want", [
    # the uid field printing its value as its own text, with no item nor label element
    ("<div class='node__meta'><div class='field field--name-uid'>Aino Lehtonen</div></div>", ["Aino Lehtonen"]),
    # a label printed with no item element: where the name starts is not known
    ("<div class='node__meta'><div class='field field--name-uid'><div class='field__label'>Lähettänyt</div>"
     "Aino Lehtonen</div></div>", []),
])
def test_a_drupal_uid_field_printing_the_name_as_its_own_text_gives_it(field, want):
    assert _node_page("fi", field)["authors"] == want


STANDFIRST_IT = ("<p>Il consiglio comunale ha approvato il piano per le nuove gru del porto, che arriveranno entro la "
                 "fine dell'estate.</p>")


@pytest.mark.parametrize("lang, top, want", [
    # a signature opening with a lead-in, right under the standfirst's paragraph
    ("it", STANDFIRST_IT + "<p class='firma'>di Alessandro Greco</p>", ["Alessandro Greco"]),
    ("es", STANDFIRST_IT + "<div class='firma'>Por Lucía Ferrer</div>", ["Lucía Ferrer"]),
    # a lead-in of the page's language alone (Catalan "Per" before names joined by "i")
    ("ca", STANDFIRST_IT + "<div class='signatura'>Per Jordi Puig i Marta Soler</div>", ["Jordi Puig", "Marta Soler"]),
    # the false friends: a firm's name after the first paragraph (Czech, German "firma"), a lead-in's
    # signature after the second
    ("cs", STANDFIRST_IT + "<div class='box'><span class='firma'>Pekárna Novák Brno</span></div>", []),
    ("it", STANDFIRST_IT * 2 + "<p class='firma'>di Alessandro Greco</p>", []),
])
def test_a_signature_with_its_lead_in_under_the_standfirst_is_the_byline(lang, top, want):
    assert _byline_page("", top, lang=lang)["authors"] == want


@pytest.mark.parametrize("lang, box", [
    # a signature with its lead-in after the first paragraph, but in a box: a card of another story, a quoted
    # letter, an expert's box, and a caption under an image's frame
    ("it", "<div class='correlato'><h3><a href='/porto/gru'>Le gru</a></h3><p class='firma'>di Luca Neri</p></div>"),
    ("it", "<blockquote><p class='firma'>di Luca Neri</p></blockquote>"),
    ("es", "<div class='despiece'><h4>La opinión</h4><p>Llega tarde.</p><p class='firma'>Por Javier Ortega</p></div>"),
    ("pl", "<div class='zdjecie'><div class='foto'></div></div><p class='podpis'>Autor zdjęcia: Jan Kowalski</p>"),
])
def test_a_signature_in_a_box_under_the_first_paragraph_is_no_byline(lang, box):
    assert _byline_page("", STANDFIRST_IT + box, lang=lang)["authors"] == []


@pytest.mark.parametrize("byline, language, want", [
    # the word for a news agency opening its name: the agency's credit
    ("Agenzia Nova", "it", ["Agenzia Nova"]), ("Agência Brasil", "pt", ["Agência Brasil"]), ("Agenzia Nova", "", ["Agenzia Nova"]),
    # the false friends: a public agency's longer name, a foundation's
    ("Agenzia delle Entrate", "it", []), ("Stiftung Warentest", "de", []),
])
def test_a_news_agencys_name_opening_with_its_word_for_agency_is_kept(byline, language, want):
    assert split_names(byline, language) == want


def test_format_controls_are_no_part_of_a_name():
    assert split_names("\u200eAnna\u00a0Berg\u200b\u202c", "en") == ["Anna Berg"]
    assert split_names("Ana Ruiz \u2066y\u2069 Tom Weiss", "es") == ["Ana Ruiz", "Tom Weiss"]


@pytest.mark.parametrize("lang, top, want", [
    # a meta line: the lead-in "written by", the name, then the date
    ("fr", "<p class='meta'>Rédigé par Camille Weber le 12 mars 2025 à 14h05</p>", ["Camille Weber"]),
    ("fr", "<p class='meta'>Écrit par Camille Weber le 12 mars 2025</p>", ["Camille Weber"]),
    ("nl", "<p class='meta'>Geschreven door Femke Visser op 12 maart 2025</p>", ["Femke Visser"]),
    ("ro", "<p class='meta'>Scris de Ioana Marin la 12 martie 2025</p>", ["Ioana Marin"]),
    # the false friend: a body, no person, wrote it
    ("fr", "<p class='meta'>Rédigé par la commission le 12 mars 2025</p>", []),
])
def test_a_written_by_meta_line_gives_the_name_before_its_date(lang, top, want):
    assert _byline_page("", top, lang=lang)["authors"] == want


@pytest.mark.parametrize("byline, language, want", [
    # desks: a compound's end, a genitive, a capitalised article
    ("Uutistoimitus", "fi", []), ("Urheilutoimitus", "fi", []), ("Sportredaktion", "de", []),
    ("Nieuwsredactie", "nl", []), ("Της Σύνταξης", "el", []), ("La Redacción", "es", []), ("La rédaction", "fr", []),
    # organisations: a foundation, a direction, a unit beside a person's name, an agency in the genitive
    ("Stiftung Warentest", "de", []), ("Direction des Travaux publics", "fr", []),
    ("Jane Doe, Climate Adaptation Unit", "en", ["Jane Doe"]),
    ("Του Αθηναϊκού Πρακτορείου Ειδήσεων", "el", []),
    # the false friends: a person's name holding such words' letters, an article's particle before a surname,
    # an organisation word that is a given name too
    ("Aino Toimi", "fi", ["Aino Toimi"]), ("Lucía La Rosa", "es", ["Lucía La Rosa"]), ("Lina Unitas", "en", ["Lina Unitas"]),
    ("Δήμος Ζαφειρίου", "el", ["Δήμος Ζαφειρίου"]), ("Stefan Stiftinger", "de", ["Stefan Stiftinger"]),
    # a short capitalised first name before a desk's word is no article: only a definite article opens a desk
    ("The Newsroom", "en", []), ("Ian Staff", "en", ["Ian Staff"]), ("Eva Red", "de", ["Eva Red"]),
])
def test_desks_units_and_organisations_are_no_authors(byline, language, want):
    assert split_names(byline, language) == want


def test_a_unit_printed_beside_a_person_is_dropped_when_the_json_ld_credits_an_organisation():
    ld = ('<script type="application/ld+json">{"@type": "NewsArticle", "headline": "Cranes return", '
          '"author": {"@type": "Organization", "name": "Harbour Environment Agency"}}</script>')
    top = "<p class='byline'>Jane Doe, Climate Adaptation Unit</p>"
    assert _byline_page(ld, top)["authors"] == ["Jane Doe"]


# --- bylines: co-authors, lead-ins, the closing signature, the page's language -----------------

TEXTS = {  # a few paragraphs of running text in the page's language, for a page declaring none
    "ca": "El port ha tornat a obrir el moll nord després de les obres de l'hivern, i els estibadors "
          "esperen que el trànsit de contenidors es recuperi en poques setmanes, segons l'autoritat portuària.",
    "de": "Der Hafen hat den Nordkai nach den Bauarbeiten des Winters wieder geöffnet, und die Hafenarbeiter "
          "hoffen, dass sich der Containerverkehr in wenigen Wochen erholt, sagte die Hafenbehörde am Dienstag.",
    "sl": "Pristanišče je po zimskih delih znova odprlo severni pomol, delavci pa upajo, da se bo promet "
          "s kontejnerji v nekaj tednih opomogel, je v torek sporočila pristaniška uprava v Kopru.",
}


def _text_page(top: str, lang: str = "", text: str = "", after: str = "", head: str = "") -> dict:
    """An article page: ``top`` under the headline, four paragraphs (of ``text``, else English),
    ``after`` them; ``lang`` declared on ``<html>`` when given."""
    para = text or ("Paragraph about the harbour cranes and the night shifts of the dock workers, which the union "
                    "wants to review before winter.")
    paras = "".join(f"<p>{para}</p>" for _ in range(4))
    declared = f" lang='{lang}'" if lang else ""
    html = (f"<html{declared}><head><title>Cranes return</title>{head}</head><body><article><header>"
            f"<h1>Cranes return</h1>{top}</header>{paras}{after}</article></body></html>")
    return extract_article(html.encode(), "https://www.harbour-news.example/port/cranes").record


_FIRST_ONLY = ('<meta name="author" content="Anouk de Vries"><script type="application/ld+json">{"@context": '
               '"https://schema.org", "@type": "NewsArticle", "headline": "Cranes return", "author": '
               '{"@type": "Person", "name": "Anouk de Vries"}}</script>')


@pytest.mark.parametrize("lang, top, want", [
    # Kadence's posted-by: one author vcard per writer, joined by the page's "and"
    ("nl", "<div class='entry-meta'><span class='posted-by'><span class='meta-label'>Door</span><span class='author vcard'>"
           "<a class='url fn n' href='/author/anouk/'>Anouk de Vries</a></span> en <span class='author vcard'>"
           "<a class='url fn n' href='/author/bram/'>Bram Smit</a></span></span></div>", ["Anouk de Vries", "Bram Smit"]),
    # Blocksy's meta-author: author links side by side
    ("sk", "<ul class='entry-meta'><li class='meta-author'>Autor: <a class='ct-meta-element-author' href='/author/a/'>"
           "Anouk de Vries</a> a <a class='ct-meta-element-author' href='/author/b/'>Bram Smit</a></li></ul>",
     ["Anouk de Vries", "Bram Smit"]),
    # three, a comma and the word "and"
    ("en", "<p class='meta'><span class='author'><a href='/author/a/'>Anouk de Vries</a></span>, <span class='author'>"
           "<a href='/author/b/'>Bram Smit</a></span> and <span class='author'><a href='/author/c/'>Cleo Marsh</a></span></p>",
     ["Anouk de Vries", "Bram Smit", "Cleo Marsh"]),
])
def test_co_authors_printed_beside_the_one_structured_data_names_are_all_authors(lang, top, want):
    assert _text_page(top, lang, head=_FIRST_ONLY)["authors"] == want


def test_co_authors_joined_by_an_ampersand_are_read():
    top = ("<p class='meta'><span class='author'><a href='/author/a/'>Anouk de Vries</a></span> &amp; <span class='author'>"
           "<a href='/author/b/'>Bram Smit</a></span></p>")
    assert _text_page(top, "en", head=_FIRST_ONLY)["authors"] == ["Anouk de Vries", "Bram Smit"]


@pytest.mark.parametrize("strip", [
    # a strip of the site's writers over the page, the structured author among them
    "<div class='writers'>Our writers: <a class='author' href='/author/a/'>Anouk de Vries</a>, "
    "<a class='author' href='/author/b/'>Bram Smit</a>, <a class='author' href='/author/c/'>Cleo Marsh</a></div>",
    # a bar of popular stories naming another story's writers
    "<div class='popular'><span class='name'>Anouk de Vries</span> and <span class='name'>Bram Smit</span> "
    "on the lock repairs</div>",
])
def test_names_joined_in_a_strip_over_the_article_are_no_co_authors(strip):
    html = (f"<html lang='en'><head><title>Cranes return</title>{_FIRST_ONLY}</head><body>{strip}<article><header>"
            "<h1>Cranes return</h1><p class='byline'>By Anouk de Vries</p></header>"
            f"{ORG_TEXT}</article></body></html>")
    assert extract_article(html.encode(), "https://www.harbour-news.example/port/cranes").record["authors"] == \
        ["Anouk de Vries"]


def test_a_co_author_after_the_wrapper_of_the_first_and_its_lead_in_is_read():
    top = ("<div class='entry-meta'><span class='posted-by'><span class='meta-label'>By</span><span class='author vcard'>"
           "<a class='url fn n' href='/author/a/'>Anouk de Vries</a></span></span> and <span class='author vcard'>"
           "<a class='url fn n' href='/author/b/'>Bram Smit</a></span><span class='posted-on'>4 March 2026</span></div>")
    assert _text_page(top, "en", head=_FIRST_ONLY)["authors"] == ["Anouk de Vries", "Bram Smit"]


def test_a_name_joined_with_its_role_after_it_is_no_co_author():
    top = ("<p class='meta'><span class='author'><a href='/author/a/'>Anouk de Vries</a></span>, <span class='author'>"
           "<a href='/author/b/'>Bram Smit</a></span> (illustrations)</p>")
    assert _text_page(top, "en", head=_FIRST_ONLY)["authors"] == ["Anouk de Vries"]


@pytest.mark.parametrize("top", [
    # the next element of the kind is a tag's link, after a word that is no "and"
    "<p class='meta'><span class='author'><a href='/author/a/'>Anouk de Vries</a></span> in "
    "<span class='author'><a href='/author/b/'>Port Authority</a></span></p>",
    # a co-author's element whose text is no person's name
    "<p class='meta'><span class='author'><a href='/author/a/'>Anouk de Vries</a></span> and "
    "<span class='author'><a href='/author/b/'>the newsroom</a></span></p>",
    # the elements joined are no author's (a related card's links after the byline)
    "<p class='meta'><a class='card' href='/p/1'>Anouk de Vries</a> and <a class='card' href='/p/2'>Bram Smit</a></p>",
])
def test_elements_beside_the_structured_author_that_are_no_co_authors_add_none(top):
    assert _text_page(top, "en", head=_FIRST_ONLY)["authors"] == ["Anouk de Vries"]


@pytest.mark.parametrize("lang, top, want", [
    ("eu", "<p class='egilea'>Egilea: Ane Etxeberria</p>", ["Ane Etxeberria"]),  # Basque, a class in its language
    ("eu", "<p class='meta'>Testua: Ane Etxeberria eta Jon Agirre, argazkiak: Iker Goñi</p>", ["Ane Etxeberria", "Jon Agirre"]),
    ("hu", "<div class='szerzo'>Írta: Nagy Péter és Szabó Eszter</div>", ["Nagy Péter", "Szabó Eszter"]),
    ("sl", "<p class='avtor'>Napisala: Tina Zupan</p>", ["Tina Zupan"]),  # Slovene, a class in its language
    # the byline after the date in one line, its lead-in's colon written
    ("lv", "<p class='info'>2026. gada 12. martā plkst. 15:45 · Autors: Andris Kalniņš</p>", ["Andris Kalniņš"]),
    ("pl", "<p class='meta'>3 marca 2026 · Napisała: Ewa Lis</p>", ["Ewa Lis"]),
    ("pl", "<p>03.03.2026, 14:10 | Napisał: Jan Nowak</p>", ["Jan Nowak"]),
    ("ca", "<div class='signatura'>Per Jordi Puig i Marta Soler</div>", ["Jordi Puig", "Marta Soler"]),
    ("pt", "<p class='text-muted small'>Por Ana Sousa e Rui Matos · 9 de março de 2026, às 16h20</p>",
     ["Ana Sousa", "Rui Matos"]),
    ("sk", "<div class='info'>Uverejnené 7. 4. 2026 o 11:30 | Autor: Zuzana Kováčová, foto: Peter Horváth</div>",
     ["Zuzana Kováčová"]),  # the photographer is no author
    ("ga", "<p class='meta'>Le Máire Ní Bhriain · 03.03.2026</p>", ["Máire Ní Bhriain"]),
    ("ga", "<p class='meta'>Scríofa ag Seán Ó Briain · 03.03.2026</p>", ["Seán Ó Briain"]),
    ("mt", "<p class='meta'>Miktub minn Rita Galea · 03.03.2026</p>", ["Rita Galea"]),
])
def test_lead_ins_of_each_language_open_a_byline(lang, top, want):
    assert _text_page(top, lang)["authors"] == want


@pytest.mark.parametrize("lang, top", [
    ("es", "<p class='meta'>Por Sierra Nevada y Las Alpujarras</p>"),  # no colon, no mark: places
    ("en", "<p class='meta'>Interview: Night Buses</p>"),  # a lead-in only before its colon: the piece's kind
    ("hu", "<div class='szerzodes'>Írta alá: Nagy Péter</div>"),  # a contract's class; "signed by"
    ("ga", "<p class='meta'>Le Monde Diplomatique · 03.03.2026</p>"),  # Irish "Le" on a French page below
])
def test_words_that_are_no_lead_in_before_names_give_no_byline(lang, top):
    if "Monde" in top:
        lang = "fr"
    assert _text_page(top, lang)["authors"] == []


@pytest.mark.parametrize("lang, top", [
    ("sv", "<p class='fakta'>Författare: Greta Lund</p><p class='meta'>4 mars 2026</p>"),  # a reviewed book's writer
    ("cs", "<p class='kniha'>Autor: Jiří Beneš</p>"),  # a book's card, no date in the line
    ("de", "<p class='lied'>Text: Karl Weber</p><p class='lied'>Musik: Lotte Brandt</p>"),  # a song's lyricist
    ("hu", "<p class='darab'>Írta: Kiss Gábor</p>"),  # a play's writer
    ("eu", "<p class='meta'>2026/03/04 · Testua: Gipuzkoako Aldundia</p>"),  # a provincial council, no writer
])
def test_a_colon_lead_in_on_a_line_with_no_date_or_before_an_organisation_names_no_writer(lang, top):
    assert _text_page(top, lang)["authors"] == []


@pytest.mark.parametrize("lang, top, want", [
    # a review's fact box (a definition list) over the date line: the date line's writer
    ("da", "<dl class='fakta'><dt>Forfatter</dt><dd class='forfatter'>Anne Lind</dd><dt>Forlag</dt><dd>Havn</dd></dl>"
           "<p class='meta'>Af Jonas Krogh · 4. marts 2026</p>", ["Jonas Krogh"]),
    # a box of a book's fields, no date beside them
    ("fi", "<div class='teos'><span class='kirjoittaja'>Aino Salo</span> <span class='kustantaja'>Satamakirjat</span></div>",
     []),
    # a table of a work's details holding no running text
    ("sv", "<table class='info'><tr><th>Författare</th><td class='forfattare'>Greta Lund</td></tr></table>", []),
    # a byline's class beside the date: a date line
    ("fi", "<div class='meta'><span class='kirjoittaja'>Aino Salo</span> <span class='pvm'>4.3.2026</span></div>",
     ["Aino Salo"]),
])
def test_a_byline_class_in_a_box_of_a_works_details_names_no_writer(lang, top, want):
    assert _text_page(top, lang)["authors"] == want


@pytest.mark.parametrize("lang, after, want", [
    # a book's fact box after the text, its year or page count printed beside the writers
    ("da", "<div class='bogboks'><p class='forfattere'>Mette Holm og Lars Krogh</p><p class='forlag'>Havneforlaget, "
           "212 sider</p></div>", []),
    ("ro", "<div class='fisa-carte'><p class='autorii'>Ana Dinu și Mihai Stan</p><p>Editura Portului, 2026</p></div>",
     []),
    ("da", "<div class='bogboks'><p class='forfatter'>Mette Holm</p><p class='forlag'>Havneforlaget, 212 sider</p>"
           "</div>", []),
    # a strip of columnists after the text, one box each
    ("sv", "<div class='skribenter'><a href='/skribent/eva-berg'>Eva Berg</a></div>"
           "<div class='skribenter'><a href='/skribent/olle-sand'>Olle Sand</a></div>", []),
    # a film's or a show's makers: no byline class
    ("fi", "<div class='tekijat'>Sari Laine ja Pekka Aho</div>", []),
    # the writer's byline after the text, alone or beside a role
    ("da", "<p class='forfattere'>Mette Holm og Lars Krogh</p>", ["Mette Holm", "Lars Krogh"]),
    ("da", "<div class='skribent-boks'><p class='forfatter'>Mette Holm</p><p class='forfatter-rolle'>journalist</p></div>",
     ["Mette Holm"]),
])
def test_a_plural_byline_class_after_the_text_in_a_box_or_strip_names_no_writer(lang, after, want):
    assert _text_page("", lang, after=after)["authors"] == want


def test_signature_classes_listed_side_by_side_are_no_signature():
    top = "<div class='signings'><div class='signatura'>Marta Soler</div><div class='signatura'>Jordi Puig</div></div>"
    assert _text_page(top, "ca")["authors"] == []
    assert _text_page("<ul><li class='firma'>Marta Soler</li></ul>", "es")["authors"] == []


@pytest.mark.parametrize("lang, want", [
    ("ca", ["Jordi Puig", "Marta Soler"]),  # declared Catalan: "Per" is "by"
    ("", []),  # detected only: "Per" may be a Scandinavian writer's first name
])
def test_a_capitalised_catalan_per_opens_a_date_line_only_on_a_declared_page(lang, want):
    text = ("El port ha tornat a obrir el moll nord després de les obres de l'hivern, i els estibadors esperen que el "
            "trànsit de contenidors es recuperi en poques setmanes.")
    assert _text_page("<p class='meta'>Per Jordi Puig i Marta Soler · 04/03/2026</p>", lang, text=text)["authors"] \
        == want



def test_a_page_declaring_no_language_reads_the_lead_ins_and_words_of_its_texts_language():
    # Catalan "Per" before names joined by "i", on a page whose text is Catalan
    assert _text_page("<div class='signatura'>Per Jordi Puig i Marta Soler</div>", text=TEXTS["ca"])["authors"] \
        == ["Jordi Puig", "Marta Soler"]
    # Slovene "sektor" is an organisation's word in Slovene text, a surname in German text
    assert _text_page("<p class='byline'>Kai Sektor</p>", text=TEXTS["de"])["authors"] == ["Kai Sektor"]
    assert _text_page("<p class='byline'>Sektor Kultura</p>", text=TEXTS["sl"])["authors"] == []


@pytest.mark.parametrize("after, want", [
    ("<p class='podpis'>Jan Kowalski</p>", ["Jan Kowalski"]),  # a signature's class names it
    ("<p><b>Jan Kowalski</b></p>", []),  # bold alone names no writer: a credit, a sign-off, a place
])
def test_a_name_closing_the_text_is_its_writers_only_under_a_signatures_class(after, want):
    assert _text_page("", "pl", after=after)["authors"] == want


@pytest.mark.parametrize("last", [
    "<b>Bruno Keller</b>",  # a photographer under the last picture
    "<b>Harbour Ferry Timetable</b>",  # a crosshead whose table is not printed
    "<b>Maritime Press Agency</b>",  # an agency
    "<b>Northern Harbour Board</b>",  # the issuer of a notice
    "<b>More On Ports</b>",  # a box's heading left over
])
def test_a_bold_line_closing_br_paragraphs_names_no_writer(last):
    line = "Akapit o portowych dźwigach i nocnych zmianach dokerów, które związek chce przejrzeć przed zimą."
    body = f"<div class='tresc'>{'<br><br>'.join([line] * 4)}<br><br>{last}</div>"
    html = (f"<html lang='pl'><head><title>Dźwigi</title></head><body><table><tr><td><h1>Dźwigi</h1>{body}"
            "</td></tr></table></body></html>")
    assert extract_article(html.encode(), "https://www.port.example/a/1").record["authors"] == []


@pytest.mark.parametrize("after", [
    "<p><b>Redakcja</b></p>",  # a desk
    "<p><b>Co dalej</b></p>", "<p><b>WHAT COMES NEXT</b></p>",  # a sub-heading
    "<p><b>Jan Kowalski</b></p><p>The port authority will publish the new timetable in the spring, it said on Monday.</p>",
    "<blockquote><p>We thank the dockers for their patience.</p><p><b>Jan Kowalski</b></p></blockquote>",  # a letter
    "<div class='box'><p><b>Lea Sommer</b> writes on ports and shipping for the magazine.</p></div>",  # a bio
    "<p>As <b>Jan Kowalski</b> said</p>",  # a name in a sentence
    "<ul><li><b>Jan Kowalski</b></li></ul>",
])
def test_a_bold_line_that_is_no_closing_signature_names_no_writer(after):
    assert _text_page("", "pl", after=after)["authors"] == []


def test_a_drupal_creator_in_a_node_wrapped_by_a_themes_article_is_read():
    meta = ("<span class='submitted'>Veröffentlicht von <span class='username'>Lea Sommer</span> am 10. März 2026</span>")
    html = ("<html lang='de'><head><title>Cranes return</title></head><body><article><h1>Cranes return</h1>"
            f"<div class='node node-article'>{meta}<div class='content'>{ORG_TEXT}</div></div></article></body></html>")
    assert extract_article(html.encode(), "https://www.harbour-news.example/port/cranes").record["authors"] == ["Lea Sommer"]


@pytest.mark.parametrize("field", [
    "<div class='field field--name-field-szerzo field--label-inline'><div class='field__label'>Szerző</div>"
    "<div class='field__item'><a href='/taxonomy/term/12' hreflang='hu'>Kovács Anna</a></div></div>",
    "<div class='field field--name-field-szerzo'>Szerző: <a href='/taxonomy/term/12'>Kovács Anna</a></div>",
])
def test_a_drupal_author_field_in_the_sites_language_printing_a_term_link_gives_its_name(field):
    html = ("<html lang='hu'><head><title>Cranes return</title></head><body><h1 class='page-title'>Cranes return</h1>"
            f"<article class='node node--type-article node--view-mode-full'><div class='node__content'>{field}{ORG_TEXT}"
            "</div></article></body></html>")
    assert extract_article(html.encode(), "https://www.harbour-news.example/port/cranes").record["authors"] == ["Kovács Anna"]


def test_the_last_of_a_list_of_bold_names_is_no_closing_signature():
    names = "".join(f"<strong>{n}</strong>, <span>{r}</span><br>" for n, r in
                    [("Ines Roth", "historian"), ("Tom Weiss", "Harbour College"), ("Lea Brandt", "writer"),
                     ("Ana Ruiz", "journalist"), ("Jan Berg", "Northern Institute of Maritime Studies")] * 3)
    assert _text_page("", "en", after=f"<table><tr><td><span>{names}<strong>Mara Lind</strong><br></span></td></tr></table>"
                      )["authors"] == []


@pytest.mark.parametrize("lang, top, want", [
    # a byline class in a plural or inflected form of the page's language, names joined by its "and"
    ("lt", "<p class='autoriai'>Rūta Jonaitė ir Darius Petrauskas</p>", ["Rūta Jonaitė", "Darius Petrauskas"]),
    ("ro", "<p class='autorii'>Ioana Marin și Radu Pop</p>", ["Ioana Marin", "Radu Pop"]),
    ("et", "<p class='autorid'>Mari Tamm ja Jaan Kask</p>", ["Mari Tamm", "Jaan Kask"]),
    ("fi", "<p class='tekijat'>Aino Virtanen ja Eero Laine</p>", []),  # "makers": a film's, a show's
    ("fi", "<p class='kirjoittajat'>Aino Virtanen ja Eero Laine</p>", ["Aino Virtanen", "Eero Laine"]),
    ("no", "<p class='forfattere'>Kari Nordmann og Ola Dahl</p>", ["Kari Nordmann", "Ola Dahl"]),
    # Irish: the class word údar, the lead-in Le, the surname particles Ní, Ó and Mac
    ("ga", "<p class='udar'>Le Siobhán Ní Bhriain</p>", ["Siobhán Ní Bhriain"]),
    ("ga", "<p class='udair'>Le Seán Ó Murchú agus Cathal Mac Giolla</p>", ["Seán Ó Murchú", "Cathal Mac Giolla"]),
])
def test_a_byline_class_in_the_pages_language_and_its_plural_gives_its_names(lang, top, want):
    assert _byline_page("", top, lang=lang)["authors"] == want


@pytest.mark.parametrize("cls", ["autorizace", "radar", "sudar", "tekijanoikeus", "autoriaikaa"])
def test_a_class_that_only_holds_an_author_words_letters_names_no_byline(cls):
    assert _byline_page("", f"<p class='{cls}'>Rūta Jonaitė ir Darius Petrauskas</p>", lang="lt")["authors"] == []


@pytest.mark.parametrize("lang, top, want", [
    # a writer's lead-in joined to a photo's credit before one colon, after the line's date
    ("cs", "<p class='meta'>14. 2. 2026 | Text a foto: Lucie Vaňková</p>", ["Lucie Vaňková"]),
    ("sk", "<p class='meta'>3. 5. 2026 | Text a foto: Marek Hudák</p>", ["Marek Hudák"]),
    ("pl", "<p class='meta'>14.02.2026 | Tekst i foto: Anna Nowak</p>", ["Anna Nowak"]),
    ("hr", "<p class='meta'>14. 2. 2026. | Tekst i foto: Ana Horvat</p>", ["Ana Horvat"]),
    ("sl", "<p class='meta'>14. 2. 2026 | Besedilo in foto: Ana Novak</p>", ["Ana Novak"]),
    ("hu", "<p class='meta'>2026. 02. 14. | Szöveg és fotó: Kovács Anna</p>", ["Kovács Anna"]),
    # the writer's and the photographer's credits apart: the writer alone
    ("cs", "<p class='meta'>Text: Jana Malá, foto: Petr Velký | 9. 2. 2026</p>", ["Jana Malá"]),
    ("sk", "<div class='info'>Uverejnené 7. 4. 2026 o 11:30 | Autor: Zuzana Horváthová, foto: Peter Kováč</div>",
     ["Zuzana Horváthová"]),
    # a photo's credit alone names no writer
    ("cs", "<p class='meta'>14. 2. 2026 | Foto: Petr Velký</p>", []),
])
def test_a_joint_text_and_photo_credit_in_a_date_line_gives_the_writer(lang, top, want):
    assert _byline_page("", top, lang=lang)["authors"] == want


@pytest.mark.parametrize("lang, after, want", [
    ("hr", "<p class='potpis'><strong>Marko Jurić</strong></p>", ["Marko Jurić"]),
    ("de", "<p class='unterschrift'>Lena Vogt</p>", ["Lena Vogt"]),
    ("et", "<p class='allkiri'>Mari Tamm</p>", ["Mari Tamm"]),
    ("fi", "<div class='allekirjoitus'>Aino Virtanen</div>", ["Aino Virtanen"]),
    # a signature's class holding an organisation or a desk
    ("hr", "<p class='potpis'><strong>Grad Zagreb</strong></p>", []),
    ("hr", "<p class='potpis'><strong>Redakcija</strong></p>", []),
    ("de", "<p class='unterschrift'>Stadtwerke Mainz GmbH</p>", []),
])
def test_a_signature_class_of_each_language_closing_the_text_gives_its_writer(lang, after, want):
    assert _signed_page(lang, "", "", after)["authors"] == want


def test_a_signature_class_under_an_image_is_its_caption():
    before = "<div class='slika'><img src='/depot.jpg' alt=''><p class='potpis'>Marko Jurić</p></div>"
    assert _signed_page("hr", before, "", "")["authors"] == []


@pytest.mark.parametrize("lang, by", [("ro", "De"), ("en", "By"), ("fr", "Par"), ("ro", "Scris de")])
def test_a_lead_in_in_an_element_of_its_own_is_no_part_of_the_name(lang, by):
    top = (f"<div class='td-post-author-name'><div class='td-author-by'>{by}</div> <a href='/author/radu/'>Radu "
           "Moldovan</a><div class='td-author-line'> - </div></div>")
    assert _byline_page("", top, lang=lang)["authors"] == ["Radu Moldovan"]


@pytest.mark.parametrize("lang, top, want", [
    # a short code on a page of its agency's language, a world agency's on any page
    ("el", "<p class='meta'>CNA · 17/06/2026</p>", ["CNA"]),
    ("en", "<p class='meta'>AFP | 17 June 2026</p>", ["AFP"]),
    # another body's initials on a page of another language; a longer name stands on any page
    ("it", "<p class='meta'>CNA | 17 giugno 2026</p>", []),
    ("en", "<p class='meta'>Lusa | 17 June 2026</p>", ["Lusa"]),
])
def test_an_agencys_short_code_alone_before_the_date_is_read_on_its_languages_page(lang, top, want):
    assert _byline_page("", top, lang=lang)["authors"] == want


@pytest.mark.parametrize("lang, top", [
    ("en", "<div class='byline'><span class='by'>By</span> <span class='by-author'>Nora Quill</span></div>"),
    ("de", "<div class='post-author'><span class='by-line-name'>Nora Quill</span></div>"),
])
def test_a_name_in_a_class_holding_a_lead_ins_token_is_the_name(lang, top):
    assert _byline_page("", top, lang=lang)["authors"] == ["Nora Quill"]


@pytest.mark.parametrize("lang, top, want", [
    ("pt", "<p class='noticia-meta'>Lusa | 17 de junho de 2026, às 12h05</p>", ["Lusa"]),
    ("it", "<p class='meta'>ANSA · 17 giugno 2026</p>", ["ANSA"]),
    ("cs", "<p class='meta'>ČTK | 14. 2. 2026</p>", ["ČTK"]),
    # a word no agency's, or an agency's name with no date after it
    ("pt", "<p class='noticia-meta'>Desporto | 17 de junho de 2026</p>", []),
    ("pt", "<p class='noticia-meta'>Lusa | Desporto</p>", []),
])
def test_a_news_agency_alone_before_the_date_is_the_byline(lang, top, want):
    assert _byline_page("", top, lang=lang)["authors"] == want


@pytest.mark.parametrize("lang, box, want", [
    ("de", "<div class='author-box'><p>Lea Sommer ist Biologin und schreibt über Wälder und Moore.</p></div>", []),
    ("en", "<div class='author-box'><p>Tom Weiss covers ports and shipping for the paper.</p></div>", []),
    # the name in its own element of the box
    ("de", "<div class='author-box'><p class='author-name'>Lea Sommer</p><p>Lea Sommer ist Biologin und schreibt über "
           "Wälder.</p></div>", ["Lea Sommer"]),
    # a byline of six words, no sentence: its lower-case words a conjunction and a name's particle
    ("de", "<p class='byline'>Von Lena Vogt und Jonas von Brandt</p>", ["Lena Vogt", "Jonas von Brandt"]),
    # a sentence closing on an exclamation mark, or quoting a title: no names split from it
    ("de", "<div class='author-box'><p>Tom Weiss fährt Rad, segelt und liebt den Hafen!</p></div>", []),
    ("de", "<div class='author-box'><p>Tom Weiss schreibt seit 2020 über „Häfen und Kräne“</p></div>", []),
    # a byline opening with a lead-in, or a name and a comma: its role, a clause or a particle no sentence's
    ("it", "<p class='byline'>di Luca Neri, inviato a Strasburgo.</p>", ["Luca Neri"]),
    ("fr", "<div class='author'>Par Hugo Bernard, envoyé spécial à Gdańsk.</div>", ["Hugo Bernard"]),
    ("nl", "<p class='auteur'>door Kees de Boer en Lotte van der Wal.</p>", ["Kees de Boer", "Lotte van der Wal"]),
    ("pl", "<p class='autor'>Autor: Ewa Lis, dziennikarka działu miejskiego.</p>", ["Ewa Lis"]),
    ("en", "<p class='byline'>By Nora Quill, who writes on shipping for the paper.</p>", ["Nora Quill"]),
])
def test_an_author_boxs_sentence_is_no_name(lang, box, want):
    assert _byline_page("", box, lang=lang)["authors"] == want


def _opened_page(lang: str, meta: str, first: str) -> dict:
    para = "<p>Paragraph {} on the tram depot, whose night shifts the city wants to review before the winter timetable.</p>"
    html = (f"<html lang='{lang}'><head><title>Depot</title></head><body><article class='post'><header><h1>Depot</h1>"
            f"</header>{meta}<div class='entry-content'>{first}{''.join(para.format(i) for i in range(4))}</div>"
            "</article></body></html>")
    return extract_article(html.encode(), "https://www.tram-news.example/city/depot").record


_DESK_META = ("<ul class='meta'><li class='meta-author'><a rel='author' href='/author/redazione/'>Redazione</a></li>"
              "<li class='meta-date'>12 marzo 2026</li></ul>")


@pytest.mark.parametrize("lang, meta, first, want", [
    # a desk's meta author gives way to the signature opening the text, its role after a comma left out
    ("it", _DESK_META, "<p><em>di Chiara Fabbri e Ettore Lanza, delegati sindacali</em></p>",
     ["Chiara Fabbri", "Ettore Lanza"]),
    ("en", _DESK_META, "<p><strong>By Nora Quill and Owen Hart</strong></p>", ["Nora Quill", "Owen Hart"]),
    # names and no role, several as one, replace no credit where the page credits no desk: two places, a work's
    # makers have a name's shape
    ("en", "", "<p><strong>By Nora Quill and Owen Hart</strong></p>", []),
    ("nl", "", "<p><strong>Door Den Helder en Den Oever</strong></p>", []),
    ("de", "", "<p><strong>Von Sankt Goar und Bad Ems</strong></p>", []),
    ("it", "", "<p><strong>di Giuseppe Verdi e Arrigo Boito</strong></p>", []),
    # a name the authors' reading would cut at a particle: no name cut
    ("pt", _DESK_META, "<p><strong>Por Rui Costa e Inês da Mota</strong></p>", []),
    # a person's meta author stands
    ("it", _DESK_META.replace("Redazione", "Marco Ferri").replace("redazione", "mferri"),
     "<p><em>di Chiara Fabbri e Ettore Lanza</em></p>", ["Marco Ferri"]),
    # a name in running text, or a lead-in's words in a sentence: no signature
    ("it", _DESK_META, "<p>Il racconto di Chiara Fabbri, delegata, apre la trattativa sul deposito dei tram.</p>", []),
    ("it", _DESK_META, "<p><em>di Chiara Fabbri</em>, che segue la trattativa da mesi.</p>", []),
    ("it", _DESK_META, "<p><em>«Siamo pronti», dice Chiara Fabbri</em></p>", []),
    # names with particles, a translator's note after them
    ("nl", _DESK_META, "<p><em>door Jan de Vries en Piet van der Berg</em></p>", ["Jan de Vries", "Piet van der Berg"]),
    ("de", "", "<p><em>Von Lena Vogt, aus dem Schwedischen von Tom Weiss</em></p>", ["Lena Vogt"]),
    # a place, a decree, a dedication, an epigraph's source: more than a role after the comma
    ("es", "", "<p><strong>Por Valle Verde, en moto</strong></p>", []),
    ("es", "", "<p><b>Por Decreto Ley, el Consejo aprueba la tasa</b></p>", []),
    ("es", "", "<p><em>Por Lucía Prat, que nos dejó en enero</em></p>", []),
    ("it", _DESK_META, "<p><em>di Cesare Pavese, da «Lavorare stanca»</em></p>", []),
    ("en", "", "<p><em>By Monday Evening, the hall was empty</em></p>", []),
    # a source's credit, words in lower case no surname's particles, another language's lead-in
    ("en", "", "<p><em>Source: Harbour Statistics Office</em></p>", []),
    ("de", "", "<p><em>Quelle: Stadtwerke Nord</em></p>", []),
    ("en", "", "<p><strong>By Sleeper Train to Oslo</strong></p>", []),
    ("de", "", "<p><strong>Von Kopf bis Fuß</strong></p>", []),
    ("en", "", "<p><em>By arrangement with The Coastal Herald</em></p>", []),
    ("en", _DESK_META.replace("Redazione", "Staff"), "<p><em>di Nora Quill</em></p>", []),
    # one name and no role, read only where it replaces a desk's credit
    ("it", _DESK_META, "<p><em>di Chiara Fabbri</em></p>", ["Chiara Fabbri"]),
    ("it", "<script type='application/ld+json'>{\"@context\": \"https://schema.org\", \"@type\": \"NewsArticle\", "
           "\"author\": {\"@type\": \"Person\", \"name\": \"Redazione\"}}</script>", "<p><em>di Chiara Fabbri</em></p>",
     ["Chiara Fabbri"]),
    ("en", "", "<p><em>By Royal Warrant</em></p>", []),
])
def test_a_signature_line_opening_the_text_names_its_writers(lang, meta, first, want):
    assert _opened_page(lang, meta, first)["authors"] == want


@pytest.mark.parametrize("byline, want", [(" | Autor: Milan Perić", ["Milan Perić"]), ("", [])])
def test_a_date_line_in_the_cell_of_a_table_layouts_title_line_and_text_gives_its_author(byline, want):
    line = "Gradski prevoz uvodi nove noćne linije od sledećeg meseca, a karte će se moći kupiti i u vozilu."
    html = ("<html lang='sr'><head><title>Grad - Nove noćne linije</title></head><body><table><tr><td>"
            f"<b>Nove noćne linije</b><br><font color='#777777'>Objavljeno: 02.04.2026. u 09:10{byline}</font><br><br>"
            + "<br><br>".join([line] * 5) + "</td></tr></table></body></html>")
    assert extract_article(html.encode(), "https://www.grad.example/vesti/7").record["authors"] == want


def test_a_date_line_in_a_font_after_a_table_layouts_bold_headline_gives_its_author():
    line = "Luka je dobila nove kranove koji će ubrzati utovar brodova tokom zimske sezone, rekli su iz uprave."
    html = ("<html lang='sr'><head><title>Vesti</title></head><body><table><tr><td><b>Novi kranovi u luci</b></td></tr>"
            "<tr><td><font color='#666666'>Objavljeno: 14.05.2026. u 12:45 | Autor: Dragana Lukić</font><br><br>"
            + "<br><br>".join([line] * 5) + "</td></tr></table></body></html>")
    assert extract_article(html.encode(), "https://www.luka.example/vesti/12").record["authors"] == ["Dragana Lukić"]
    # the same line with no lead-in names no one
    bare = html.replace(" | Autor: Dragana Lukić", "")
    assert extract_article(bare.encode(), "https://www.luka.example/vesti/12").record["authors"] == []


# --- a byline after the date in one line, an interviewer's credit, template placeholders, desks ---

_PL_TEXT = ("Rada miasta we wtorek debatowała nad przebudową portu i nocnymi zmianami pracowników, które związek chce "
            "przejrzeć przed zimą.")


@pytest.mark.parametrize("lang, top, want", [
    # a news agency credited beside the writer after a colon lead-in, the date first
    ("pl", "<p class='meta'><font size='2'><b>Dodano: 11.03.2026 15:20</b> | Autor: Jan Kowalski, PAP</font></p>",
     ["Jan Kowalski", "PAP"]),
    ("hr", "<p class='datum'>Objavljeno: 10.03.2026. u 12:50 | Autor: Marija Kovačević, HINA</p>",
     ["Marija Kovačević", "HINA"]),
    # a lead-in with no colon after the line's date: an outlet's, a sponsor's, a place's name as often as a writer's
    ("de", "<p class='dateline'><time datetime='2026-03-11T12:15:00+01:00'>11.03.2026, 12:15 Uhr</time> · Von Radio "
           "Bremen</p>", []),
    ("en", "<p class='post-meta'><time datetime='2026-03-11'>11 March 2026</time> | Presented by Harbour Motors</p>", []),
    ("nl", "<p class='meta'>11-03-2026 12:15 · Door NOS Nieuws</p>", []),
    ("sv", "<p class='meta'>11 mars 2026 12:15 · Av Svenska Dagbladet</p>", []),
    ("es", "<p class='meta'>11.03.2026 12:15 · Por Sierra Nevada y Las Alpujarras</p>", []),
    # no date before the lead-in: a work's card; a place after the date's lead-in word; an agency without a writer
    ("pl", "<p class='ksiazka'>Autor: Jan Kowalski, PAP</p>", []),
    ("de", "<p class='meta'><time datetime='2026-03-11'>11.03.2026</time> · Von Kiel nach Hamburg</p>", []),
    ("es", "<p class='meta'>11.03.2026 · Por Sierra Nevada, en bicicleta</p>", []),
    ("pl", "<p class='meta'>Dodano: 11.03.2026 15:20 | Autor: Redakcja, PAP</p>", []),
    # a lead-in of the page's language alone before an outlet
    ("ro", "<p class='meta'>12 martie 2026, 10:15 · de Radio Constanța</p>", []),
])
def test_a_byline_after_the_date_in_one_line_is_read(lang, top, want):
    assert _text_page(top, lang)["authors"] == want


def test_a_table_layouts_date_line_credits_a_writer_and_an_agency():
    text = "<br><br>".join(f"{_PL_TEXT} ({i})" for i in range(5))
    html = ("<html><head><meta charset='windows-1250'><title>Portal Miejski - Nowe dźwigi w porcie miejskim</title></head>"
            "<body><table width='760'><tr><td><b>Nowe dźwigi w porcie miejskim</b><br><font size='2'><b>Dodano: "
            f"11.03.2026 15:20</b> | Autor: Jan Kowalski, PAP</font><br><br>{text}</td></tr></table></body></html>")
    rec = extract_article(html.encode("windows-1250"), "https://www.portal-miejski.example/kraj/dzwigi")
    assert rec.record["authors"] == ["Jan Kowalski", "PAP"]


@pytest.mark.parametrize("lang, after, want", [
    ("de", "<p><em>Das Gespräch führte Lena Vogt.</em></p>", ["Lena Vogt"]),
    ("fr", "<p><i>Propos recueillis par Julie Martin</i></p>", ["Julie Martin"]),
    ("pl", "<p><strong>Rozmawiała: Ewa Lis</strong></p>", ["Ewa Lis"]),
    ("nl", "<p><em>Het interview werd afgenomen door Koen Smit en Lotte Visser.</em></p>", ["Koen Smit", "Lotte Visser"]),
    ("cs", "<p>Ptala se Jana Malá</p>", ["Jana Malá"]),
    ("sv", "<p><em>Intervjuare: Greta Lund</em></p>", ["Greta Lund"]),
    # a sentence of the text saying who led a conversation; the interviewee after "mit"
    ("de", "<p>„Das Gespräch führte Lena Vogt sehr ruhig“, sagte der Bürgermeister.</p>", []),
    ("de", "<p>Das Gespräch führte Lena Vogt im Rathaus.</p>", []),
    ("de", "<p><em>Das Gespräch führte Lena Vogt mit Jonas Brandt.</em></p>", []),
    ("pl", "<p>Rozmawiał z nami Jan Nowak.</p>", []),
    # in a quotation's box
    ("de", "<blockquote><p>Das Gespräch führte Lena Vogt.</p></blockquote>", []),
    # the credit ends at another role's credit or an affiliation, after a comma or a full stop
    ("de", "<p>Das Gespräch führte Lena Vogt, Fotos Tom Weiss.</p>", ["Lena Vogt"]),
    ("en", "<p>Interview by Anna Berg, Photography Tom Weiss</p>", ["Anna Berg"]),
    ("cs", "<p>Rozhovor připravila Petra Nová, Foto Jan Malý</p>", ["Petra Nová"]),
    ("fr", "<p>Propos recueillis par Julie Martin. Photos Marc Dubois</p>", ["Julie Martin"]),
    ("fr", "<p>Propos recueillis par Julie Martin, Radio France</p>", ["Julie Martin"]),
    ("de", "<p>Das Gespräch führten Lena Vogt, Jan Berg und Tom Weiss.</p>", ["Lena Vogt", "Jan Berg", "Tom Weiss"]),
    ("pl", "<p>Rozmawiali: Ewa Lis i Piotr Nowak</p>", ["Ewa Lis", "Piotr Nowak"]),
    # a transcript's question; the interviewee after a capitalised "With"; a sentence after the credit
    ("nl", "<p>Interviewer: Meneer Rutte?</p>", []),
    ("en", "<p>Interview by Skype With Paul Green</p>", []),
    ("de", "<p>Das Gespräch führte Lena Vogt. Sie lebt in Kiel.</p>", []),
])
def test_an_interviewers_credit_after_the_text_names_the_writer(lang, after, want):
    assert _text_page("", lang, after=after)["authors"] == want


_PLACEHOLDER_LD = ('<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle", '
                   '"headline": "Headline", "author": {"@type": "Person", "name": "Author Name"}}</script>'
                   '<meta property="og:title" content="{{headline}}">')


def test_a_templates_placeholders_are_no_author_and_no_title():
    top = ("<div class='byline'><a rel='author' href='/toimittajat/mikko-laine'>Mikko Laine</a> · 9.3.2026 klo 11.00"
           "</div>")
    rec = _text_page(top, "fi", head=_PLACEHOLDER_LD)
    assert (rec["authors"], rec["title"]) == (["Mikko Laine"], "Cranes return")


@pytest.mark.parametrize("value, field, want", [
    ("Author Name", "author", True), ("Your Name", "author", True), ("{{author}}", "author", True),
    ("%author%", "author", True), ("John Doe", "author", True), ("Lorem ipsum dolor sit amet", "title", True),
    ("Headline", "title", True), ("Max Mustermann", "author", True), ("${title}", "title", True),
    ("{{ .Title }}", "title", True),
    # a headline or a name holding such a word, no placeholder; a dummy name is a title's own text
    ("Headline inflation falls", "title", False), ("Title race tightens", "title", False),
    ("Jonathan Doerr", "author", False), ("Nameless heroes of the port", "title", False),
    ("Lorena Ipsen", "author", False), ("", "author", False), ("Jane Doe", "title", False),
    ("Lorem ipsum dolor sit amet: why designers still fill pages with fake Latin", "title", False),
    ("Attackers still probe servers with ${jndi:ldap} strings", "title", False),
    ("Hugo changes how {{ .Title }} is escaped", "title", False), ("{{headline}} and {{title}}", "title", False),
])
def test_a_placeholder_is_a_templates_dummy_value(value, field, want):
    from newsbot.extraction.values import placeholder

    assert placeholder(value, field) is want


def test_a_placeholders_slot_unclosed_many_times_is_none():
    from newsbot.extraction.values import placeholder

    assert not placeholder("{{" * 30000 + "x", "title") and not placeholder("<%" * 30000, "title")
    assert placeholder("{{" * 3 + "headline}}", "title") is False and placeholder("{{headline}}", "title") is True


@pytest.mark.parametrize("headline", [
    "Lorem ipsum dolor sit amet: why designers still fill pages with fake Latin",
    "Attackers still probe servers with ${jndi:ldap} strings", "Hugo changes how {{ .Title }} is escaped",
    "Jane Doe", "Titel",
])
def test_a_printed_headline_is_never_a_placeholder(headline):
    head = ('<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle", '
            f'"headline": {json.dumps(headline)}}}</script><meta property="og:title" content="{html_lib.escape(headline)}">')
    page = (f"<html lang='de'><head><title>{html_lib.escape(headline)}! | Sport</title>{head}</head><body><article><h1>"
            f"{html_lib.escape(headline)}</h1><p class='byline'>Von Jan Berg</p>"
            + "<p>Die Stadt plant neue Radwege im Norden, die bis zum Jahr 2028 umgesetzt werden sollen, sagt sie.</p>" * 4
            + "</article></body></html>")
    assert extract_article(page.encode(), "https://www.kurier.example/sport/titel").record["title"] == headline


def test_a_real_headline_beside_a_placeholder_author_stays():
    head = ('<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle", '
            '"headline": "Headline inflation falls", "author": {"@type": "Person", "name": "%author%"}}</script>')
    rec = _text_page("<p class='byline'>By Tom Weiss</p>", "en", head=head)
    assert (rec["authors"], rec["title"]) == (["Tom Weiss"], "Headline inflation falls")


def _ld_author(name: str) -> str:
    return ('<script type="application/ld+json">{"@context": "https://schema.org", "@type": "NewsArticle", '
            f'"headline": "Cranes return", "author": {{"@type": "Person", "name": "{name}"}}}}</script>')


@pytest.mark.parametrize("lang, name, top, want", [
    # a desk typed as a person, the person printed above the text
    ("nl", "Webredactie Eindredactie", "<div class='article-byline'><span class='byline-prefix'>Door</span> <a "
     "class='author-link' href='/auteur/koen-smit'>Koen Smit</a></div>", ["Koen Smit"]),
    ("de", "Redaktion Wirtschaft", "<p class='byline'>Von Kerstin Jahn</p>", ["Kerstin Jahn"]),
    # the desk alone: the site's signature; a person in JSON-LD beside another printed
    ("nl", "Webredactie Eindredactie", "", ["Webredactie Eindredactie"]),
    ("de", "Lena Vogt", "<p class='byline'>Von Kerstin Jahn</p>", ["Lena Vogt"]),
    # a person whose surname is a desk's word; another role's printed line
    ("en", "Ian Staff", "<p class='byline'>By Tom Weiss</p>", ["Ian Staff"]),
    ("en", "Redaktion Wirtschaft", "<div class='byline'>Edited by Paul Green</div>", ["Redaktion Wirtschaft"]),
])
def test_a_structured_desk_gives_way_to_the_printed_person(lang, name, top, want):
    assert _text_page(top, lang, head=_ld_author(name))["authors"] == want


@pytest.mark.parametrize("top, want", [
    # Kadence's posted-by with no structured author: the printed first and the one after the wrapper
    ("<div class='entry-meta'><span class='posted-by'><span class='meta-label'>Door</span><span class='author vcard'>"
     "<a class='url fn n' href='/author/pieter/'>Pieter Bakker</a></span></span> en <span class='author vcard'>"
     "<a class='url fn n' href='/author/lotte/'>Lotte Visser</a></span></div>", ["Pieter Bakker", "Lotte Visser"]),
    # the second with a role after it: a photographer
    ("<div class='entry-meta'><span class='posted-by'><span class='meta-label'>Door</span><span class='author vcard'>"
     "<a class='url fn n' href='/author/pieter/'>Pieter Bakker</a></span></span> en <span class='author vcard'>"
     "<a class='url fn n' href='/author/lotte/'>Lotte Visser</a></span> (foto's)</div>", ["Pieter Bakker"]),
])
def test_printed_co_authors_one_element_each_are_read_with_no_structured_author(top, want):
    assert _text_page(top, "nl")["authors"] == want


@pytest.mark.parametrize("lang, box, want", [
    ("de", "<div class='author-box'><h3>Über die Autorin</h3><p><strong>Lea Sommer</strong> ist Biologin und "
           "koordiniert das Moorprojekt des Landes.</p></div>", ["Lea Sommer"]),
    ("en", "<div class='about-author'><h4>About the author</h4><p><b>Tom Weiss</b> covers ports and shipping for the "
           "paper.</p></div>", ["Tom Weiss"]),
    # a book's title under the heading; a heading that is not the author's; no name of its own element
    ("de", "<div class='author-box'><h3>Über die Autorin</h3><p><strong>Das Moor</strong> ist ihr erstes Buch und "
           "erscheint im Frühjahr.</p></div>", []),
    ("de", "<div class='author-box'><h3>Mehr zum Thema</h3><p><strong>Lea Sommer</strong> ist Biologin und "
           "koordiniert das Moorprojekt des Landes.</p></div>", []),
    ("de", "<div class='author-box'><h3>Über die Autorin</h3><p>Lea Sommer ist Biologin und koordiniert das "
           "Moorprojekt des Landes.</p></div>", []),
])
def test_an_author_box_under_the_authors_heading_names_its_bold_writer(lang, box, want):
    assert _text_page("", lang, after=box)["authors"] == want


_BOX = ("<div class='author-box'><h3>Über die Autorin</h3><p><strong>Lea Sommer</strong> ist Biologin und schreibt "
        "seit Jahren auf diesem Blog über Natur und Umwelt.</p></div>")


@pytest.mark.parametrize("top, after, head, want", [
    # a guest's author link above the text, the blog owner's box under it
    ("<p class='meta'>11.03.2026 · <a href='/author/jan-berg/'>Jan Berg</a></p>", _BOX, "", ["Jan Berg"]),
    # a review's signature, the novelist's box after it
    ("", "<p class='signatur'>Anna Berg</p><div class='author-info'><h3>Zum Autor</h3><p><strong>Thomas Mann</strong> "
         "wurde in Lübeck geboren und erhielt später den Nobelpreis für Literatur für seinen Roman.</p></div>", "",
     ["Anna Berg"]),
    # a review's box, nothing else credited: the reviewed book's author
    ("", _BOX, '<script type="application/ld+json">{"@context": "https://schema.org", "@type": "Review", '
               '"headline": "Cranes return", "itemReviewed": {"@type": "Book", "name": "Das Moor"}}</script>', []),
])
def test_an_author_box_answers_only_where_nothing_else_credits_a_writer(top, after, head, want):
    assert _text_page(top, "de", after=after, head=head)["authors"] == want
