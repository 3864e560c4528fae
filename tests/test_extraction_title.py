"""Generic extraction of the title (:mod:`newsbot.extraction.title`): title sources that agree
win over a social variant, site-name and section affixes stripped, the headline element found
and teaser or logo headings passed over."""
from __future__ import annotations

import pytest
from support import NEWS_URL as URL, html_doc as _doc, paragraphs as _paras

from newsbot.extraction import extract_article


def test_title_sources_that_agree_win_over_a_social_variant():
    head = ("<title>Storm closes the coast road | Example Times</title>"
            "<meta property='og:site_name' content='Example Times'>"
            "<meta property='og:title' content='You will not believe what the storm did'>"
            "<meta name='twitter:title' content='You will not believe what the storm did'>")
    html = _doc(head, "<h1>Storm closes the coast road</h1>" + _paras(4)).replace(
        "<title>", "<script type='application/ld+json'>{\"@type\":\"NewsArticle\",\"headline\":"
        "\"Storm closes the coast road\"}</script><title>")
    assert extract_article(html, URL).record["title"] == "Storm closes the coast road"


@pytest.mark.parametrize("raw,site,expected", [
    ("Harbour reopens | City Paper", "City Paper", "Harbour reopens"),
    ("Harbour reopens – City Paper – 5 March 2024", "City Paper", "Harbour reopens"),
    ("港が再開：市民新聞", "市民新聞", "港が再開"),
    ("City Paper: Harbour reopens", "City Paper", "Harbour reopens"),
])
def test_site_name_affixes_are_stripped(raw, site, expected):
    head = f"<title>{raw}</title><meta property='og:site_name' content='{site}'>"
    assert extract_article(_doc(head, _paras(4)), URL).record["title"] == expected


def test_the_site_name_alone_is_no_title():
    from newsbot.extraction import Hints

    head = ("<title>City Paper</title><meta property='og:site_name' content='City Paper'>"
            "<meta property='og:title' content='City Paper'>")
    assert extract_article(_doc(head, _paras(4)), URL).record["title"] is None
    # the feed's title stands in for it
    hinted = extract_article(_doc(head, _paras(4)), URL, Hints(title="Harbour reopens after the storm"))
    assert hinted.record["title"] == "Harbour reopens after the storm"
    # a headline of its own beside it wins as before
    head += "<meta name='twitter:title' content='Harbour reopens'>"
    assert extract_article(_doc(head, _paras(4)), URL).record["title"] == "Harbour reopens"


@pytest.mark.parametrize("head, expected", [
    ("<title> | Harbour Wire</title>", None),  # the template printed an empty headline
    ("<title>| Harbour Wire</title><meta property='og:title' content='| Harbour Wire'>", None),
    ("<title>• Harbour Wire</title>", None),
    ("<title>Harbour Wire | </title>", None),  # the site's name first
    ("<title>Harbour Wire - </title>", None),
    ("<title>- Angsten vil øke</title>", "- Angsten vil øke"),  # a Nordic quotation dash opens headlines
    ("<title>Quay opens | Harbour Wire</title>", "Quay opens | Harbour Wire"),  # the site's name unknown
])
def test_a_title_that_is_a_separator_and_the_site_name_is_no_headline(head, expected):
    assert extract_article(_doc(head, _paras(4)), URL).record["title"] == expected


@pytest.mark.parametrize("raw,section,expected", [
    ("항구 다시 열려-항구소식ㅣCity Paper", "항구소식", "항구 다시 열려"),
    ("항구 다시 열려 ㅣ 항구소식 ㅣ City Paper", "항구소식", "항구 다시 열려"),
    ("Harbour reopens - Harbour affairs | City Paper", "Harbour affairs", "Harbour reopens"),
    ("Harbour reopens : Harbour affairs | City Paper", "Harbour affairs", "Harbour reopens"),
    ("Harbour reopens after Harbour affairs | City Paper", "Harbour affairs", "Harbour reopens after Harbour affairs"),
    ("Harbour reopens - Harbour affairs", "Harbour affairs", "Harbour reopens - Harbour affairs"),
    ("Harbour-affairs|City Paper", "affairs", "Harbour-affairs"),
])
def test_section_name_goes_only_with_the_site_name(raw, section, expected):
    head = (f"<title>{raw}</title><meta property='og:site_name' content='City Paper'>"
            f"<meta name='content_category' content='{section}'>")
    record = extract_article(_doc(head, _paras(4)), URL).record
    assert record["section"] == section
    assert record["title"] == expected


def test_title_tag_suffix_is_found_from_the_other_candidates():
    head = "<title>Harbour reopens - Local news - Unknown Brand</title>"
    assert extract_article(_doc(head, "<h1>Harbour reopens</h1>" + _paras(4)), URL).record["title"] == "Harbour reopens"


def test_section_name_inside_a_compound_word_stays():
    head = ("<title>Mistakes in the harbour-politics | City Paper</title>"
            "<meta property='og:site_name' content='City Paper'><meta property='article:section' content='politics'>")
    assert extract_article(_doc(head, _paras(3)), URL).record["title"] == "Mistakes in the harbour-politics"


def test_teaser_headline_is_not_taken_for_the_page_headline():
    from newsbot.extraction.title import headline_element
    from newsbot.extraction.page import Page

    rail = "<h2><a href='/old'><span>One year ago:</span> <span>Ferry deal signed</span></a></h2>"
    page = Page(_doc("<title>Ferry deal signed</title>", f"<main>{rail}{_paras(2)}</main>"), URL)
    assert headline_element(page, "Ferry deal signed at last") is None
    page = Page(_doc("<title>T</title>", "<main><p>" + "Lead words. " * 10 + "</p><h2>Sub-heading</h2></main>"), URL)
    assert headline_element(page, "Something else entirely") is None


def test_site_logo_h1_is_not_the_headline():
    html = _doc("<title>Ferry deal signed at last | City Paper</title><meta property='og:site_name' content='City Paper'>",
                "<header><h1 class='brand'><a href='/'>City Paper</a></h1><p>News from the harbour town, every day "
                "and independent of any shipping line or party.</p></header><main><article>"
                "<h2>Harbour<br>Ferry deal signed at last</h2>" + _paras(3) + "</article></main>")
    record = extract_article(html, URL).record
    assert record["title"] == "Ferry deal signed at last"
    assert record["body"].startswith("Paragraph 1 about the harbour")


KICKER_PAGES = {
    # a kicker inside the headline element stays part of it
    "kicker in the h1": ("<title>Exclusive: Harbour chief quits over crane deal | Port News</title>"
                         "<meta property='og:site_name' content='Port News'>"
                         "<meta property='og:title' content='Exclusive: Harbour chief quits over crane deal'>",
                         "<h1><span class='kicker'>Exclusive:</span> Harbour chief quits over crane deal</h1>",
                         "Exclusive: Harbour chief quits over crane deal"),
    # a section name that is also the kicker does not cut the headline
    "kicker named like the section": ("<title>EU Influence: Port deal – Port News</title>"
                                      "<meta property='og:site_name' content='Port News'>"
                                      "<meta property='article:section' content='EU Influence'>"
                                      "<meta property='og:title' content='EU Influence: Port deal'>",
                                      "<h1>EU Influence: Port deal</h1>", "EU Influence: Port deal"),
    # an <h1> printing only the kicker (a newsletter's name) gives its votes to the whole headline
    "kicker alone in the h1": ("<title>EU Influence: Lobbyists gear up for the vote</title>"
                               "<meta property='og:title' content='EU Influence: Lobbyists gear up for the vote'>",
                               "<h1>EU Influence</h1><h2>Lobbyists gear up for the vote</h2>",
                               "EU Influence: Lobbyists gear up for the vote"),
}


@pytest.mark.parametrize("case", sorted(KICKER_PAGES))
def test_a_kicker_never_cuts_the_headline(case):
    head, top, expected = KICKER_PAGES[case]
    assert extract_article(_doc(head, top + _paras(4)), URL).record["title"] == expected


@pytest.mark.parametrize("h1, want", [
    # a kicker printed inside the headline, named in the page's language, is left out of it
    ("<h1><span class='surtitre'>Sécheresse</span> Maisons fissurées : les assureurs refusent</h1>",
     "Maisons fissurées : les assureurs refusent"),
    ("<h1><span class='article-rubrique'>Sécheresse</span> Maisons fissurées : les assureurs refusent</h1>",
     "Maisons fissurées : les assureurs refusent"),
    ("<h1><span class='antetitulo'>Sequía</span> Las casas agrietadas esperan al seguro</h1>",
     "Las casas agrietadas esperan al seguro"),
    ("<h1><span class='headline-label'>Live</span> Harbour chief quits over crane deal</h1>",
     "Harbour chief quits over crane deal"),
    # a name holding "label" as part of a word, or a label span holding the whole headline
    ("<h1><span class='labelled'>Sécheresse</span> Maisons fissurées</h1>", "Sécheresse Maisons fissurées"),
    ("<h1><span class='label'>Maisons fissurées : les assureurs refusent</span></h1>",
     "Maisons fissurées : les assureurs refusent"),
    # a label holding the headline beside a badge or a note is no kicker: the headline is not cut to the badge
    ("<h1><span class='headline-label'>Fares rise by a tenth</span> <span class='note'>(new)</span></h1>",
     "Fares rise by a tenth (new)"),
    ("<h1><label class='label'>Fares rise by a tenth</label> <span class='badge'>Live</span></h1>",
     "Fares rise by a tenth Live"),
    # a kicker of five words or more is no kicker's line
    ("<h1><span class='label'>A long line of five words</span> Fares rise by a tenth from May</h1>",
     "A long line of five words Fares rise by a tenth from May"),
])
def test_a_kicker_named_inside_the_h1_is_left_out_of_the_headline(h1, want):
    html = _doc("<title>Le Journal du Port</title>", f"<article>{h1}" + _paras(4) + "</article>")
    assert extract_article(html, URL).record["title"] == want


def test_a_breadcrumb_h1_is_not_the_printed_headline():
    # the trail's last item is the search-engine title; the article prints a kicker and its headline
    head = ("<title>Port authority: Chief quits over crane deal | Port News</title>"
            "<meta property='og:site_name' content='Port News'>"
            "<meta property='og:title' content='Chief quits over crane deal'>")
    top = ("<nav class='breadcrumb'><a href='/'>Home</a> <a href='/port'>Port</a> "
           "<h1>Port authority: Chief quits over crane deal</h1></nav>"
           "<article><h2><span class='kicker'>Port authority</span><span class='headline'>Chief quits over "
           "crane deal</span></h2>")
    assert extract_article(_doc(head, top + _paras(4)), URL).record["title"] == "Chief quits over crane deal"


def test_a_logo_h1_is_not_the_headline():
    head = ("<title>Harbour chief quits over crane deal | Port News</title><meta property='og:site_name' "
            "content='Port News'>")
    top = ("<header><h1 class='logo'><a href='/'>Port News</a></h1></header>"
           "<article><h2>Harbour chief quits over crane deal</h2>")
    assert extract_article(_doc(head, top + _paras(4)), URL).record["title"] == "Harbour chief quits over crane deal"


@pytest.mark.parametrize("href", ["https://news.example.org/", "https://harbour-blog.example.org/",
                                  "//www.example.org/index.html"])
def test_a_logo_h1_linking_to_the_front_page_by_its_full_address_is_not_the_headline(href):
    # blog themes print the blog's name as the page's <h1>, linked by the front page's full URL
    url = URL if "harbour-blog" not in href else "https://harbour-blog.example.org/2025/03/cranes.html"
    head = "<title>Harbour Diary: Cranes return to the north quay</title>"
    top = (f"<header><h1 class='title'><a href='{href}'>Harbour Diary</a></h1><p class='description'>Notes from the "
           "quay</p></header><div class='post'><h3 class='post-title'>Cranes return to the north quay</h3>")
    record = extract_article(_doc(head, top + _paras(4) + "</div>"), url).record
    assert record["title"] == "Cranes return to the north quay"
    assert record["body"].startswith("Paragraph 1 about the harbour")
    assert "Harbour Diary" not in record["body"]


BLOGGER_POST = (
    "<div class='content'><div class='header-outer'><div class='Header' id='Header1'><h1 class='title'>"
    "<a href='https://harbour-diary.example.org/'>Harbour Diary</a></h1><p class='description'>Notes from the quay"
    "</p></div></div><div class='main-outer'><div class='main section' id='main'><div class='widget Blog' id='Blog1'>"
    "<div class='blog-posts hfeed'><div class='date-outer'><h2 class='date-header'><span>Monday, 3 March 2025</span>"
    "</h2><div class='date-posts'><div class='post-outer'><div class='post hentry' itemprop='blogPost' "
    "itemscope='itemscope' itemtype='http://schema.org/BlogPosting'><a name='1'></a>"
    "<h3 class='post-title entry-title' itemprop='name'>Cranes are back</h3><div class='post-body entry-content' "
    "itemprop='description articleBody'>The two cranes are back on the north quay since Monday. The harbour office "
    "says the night shifts start again next week.<br /><br />Dock workers are glad, but their union wants a review of "
    "the shifts once the queue of ships has gone.<br /><br />The next ferry to the island leaves on Friday as planned."
    "<br /><div style='clear: both;'></div></div><div class='post-footer'><span class='post-author vcard'>Posted by "
    "<span class='fn'>Ana Ruiz</span></span></div></div></div></div></div></div></div></div></div>")
"""A Blogger post page (the classic theme's markup): the blog's name as the ``<h1>`` linked to the front page
by its full address, a tagline, the post's text split by ``<br>``."""


def test_a_blogs_name_and_tagline_never_end_its_posts_text():
    url = "https://harbour-diary.example.org/2025/03/cranes.html"
    record = extract_article(_doc("<title>Harbour Diary: Cranes are back</title>", BLOGGER_POST), url).record
    assert record["title"] == "Cranes are back"
    assert record["body"].startswith("The two cranes") and record["body"].endswith("leaves on Friday as planned.")


def test_an_h1_linking_to_another_site_stays_the_headline():
    top = "<h1><a href='https://other-news.example.net/'>Cranes return to the north quay</a></h1>"
    html = _doc("<title>Harbour Diary</title>", top + _paras(4))
    assert extract_article(html, URL).record["title"] == "Cranes return to the north quay"


def test_a_menu_label_h1_is_not_the_headline():
    top = ("<header><h1 class='site-title'><a href='/'>Harbour Diary</a></h1><h1 class='menu-toggle'>Menu</h1></header>"
           "<article><h1 class='entry-title'>Cranes return to the north quay</h1>")
    html = _doc("<title>Cranes return to the north quay | Harbour Diary</title>", top + _paras(4))
    assert extract_article(html, URL).record["title"] == "Cranes return to the north quay"


@pytest.mark.parametrize("kicker", ["kicker", "dachzeile", "article__overline", "eyebrow", "topline"])
def test_a_kicker_element_inside_the_h1_is_no_part_of_the_printed_headline(kicker):
    top = f"<h1><span class='{kicker}'>Hafen</span> <span class='title'>Kräne kehren zurück</span></h1>"
    record = extract_article(_doc("<title>Kräne kehren zurück | Hafenblatt</title>", top + _paras(4)), URL).record
    assert record["title"] == "Kräne kehren zurück"
    # the page's other sources printing kicker and headline joined by a colon win together
    head = ("<title>Hafen: Kräne kehren zurück | Hafenblatt</title><meta property='og:site_name' content='Hafenblatt'>"
            "<meta property='og:title' content='Hafen: Kräne kehren zurück'>")
    assert extract_article(_doc(head, top + _paras(4)), URL).record["title"] == "Hafen: Kräne kehren zurück"


@pytest.mark.parametrize("title, top, expected", [
    ("Cranes return to the north quay - Harbour Diary", "<header><a href='/'>Harbour Diary</a></header>",
     "Cranes return to the north quay"),
    ("Cranes return to the north quay | Example", "", "Cranes return to the north quay"),  # the domain's name
    ("Cranes return to the north quay - Night shift", "", "Cranes return to the north quay - Night shift"),
])
def test_a_title_tag_alone_loses_the_site_name_it_ends_with(title, top, expected):
    body = "<main><div class='text'>" + _paras(4) + "</div></main>"
    assert extract_article(_doc(f"<title>{title}</title>", top + body), URL).record["title"] == expected


@pytest.mark.parametrize("markup, expected", [
    ("Q&amp;#038;A: the EU&amp;#8217;s port plan", "Q&A: the EU\u2019s port plan"),  # escaped twice
    ("Fish &amp;amp; chips at the quay", "Fish & chips at the quay"),
    ("Ports &amp; harbours: R&amp;D money", "Ports & harbours: R&D money"),  # escaped once: as printed
    ("AT&amp;T buys a port", "AT&T buys a port"),
])
def test_entities_escaped_twice_are_decoded(markup, expected):
    head = f"<title>{markup}</title><meta property='og:title' content='{markup}'>"
    ld = ("<script type='application/ld+json'>{\"@type\": \"NewsArticle\", \"headline\": \""
          + markup.replace("&amp;", "&amp;amp;") + "\"}</script>")
    for extra in ("", ld):
        record = extract_article(_doc(head + extra, f"<h1>{markup}</h1>" + _paras(4)), URL).record
        assert record["title"] == expected


@pytest.mark.parametrize("cell, expected", [
    ("<b>Remont drogi gminnej w Dębowie Małym</b>", "Remont drogi gminnej w Dębowie Małym"),
    # a bold lead-in inside the running text is no headline: the <title> stays
    ("W poniedziałek <b>rozpoczął się remont</b> drogi gminnej prowadzącej przez Dębowo Małe do szkoły podstawowej, "
     "a prace potrwają około trzech tygodni; objazd prowadzi przez Lipówkę i Stare Pole.", "Gmina Dębowo - Aktualności"),
])
def test_a_table_layouts_bold_line_over_the_text_is_the_headline(cell, expected):
    text = ("W poniedziałek rozpoczął się remont drogi gminnej prowadzącej przez Dębowo Małe do szkoły podstawowej."
            "<br><br>Prace potrwają około trzech tygodni, w tym czasie objazd prowadzi przez Lipówkę i Stare Pole.")
    html = ("<html><head><title>Gmina Dębowo - Aktualności</title></head><body><table><tr><td>"
            f"<a href='/'>Start</a></td><td><table><tr><td>{cell}</td></tr><tr><td>{text}</td></tr></table></td></tr>"
            "</table></body></html>")
    assert extract_article(html, "http://www.debowo.example.pl/index.php?id=3&news=112").record["title"] == expected


RUNNING = ("<tr><td>Od poniedziałku trwa przebudowa chodnika przy ulicy Szkolnej, od kościoła aż do przystanku "
           "autobusowego.<br><br>Piesi przechodzą na drugą stronę ulicy, prace mają potrwać do końca miesiąca.</td></tr>")


def _table_page(left: str, above: str, title: str = "Gmina Borki - Aktualności") -> str:
    return (f"<html><head><title>{title}</title></head><body><table><tr><td>{left}</td><td><table>"
            f"{above}{RUNNING}</table></td></tr></table></body></html>")


@pytest.mark.parametrize("html, expected", [
    # a bold date line over the bold headline: the headline, right over the text, is read
    (_table_page("<a href='/'>Start</a>", "<tr><td><b>Wtorek, 8 kwietnia 2008</b></td></tr>"
                 "<tr><td><b>Przebudowa chodnika przy ulicy Szkolnej</b></td></tr>"),
     "Przebudowa chodnika przy ulicy Szkolnej"),
    # a side box's bold label ending in a colon, the headline in a <font>: the <title> stays
    (_table_page("<table><tr><td><b>Godziny otwarcia biblioteki:</b></td></tr><tr><td>wt.–sob. 10–18</td></tr></table>",
                 "<tr><td><font size='4'>Przebudowa chodnika przy ulicy Szkolnej</font></td></tr>"),
     "Gmina Borki - Aktualności"),
    # a bold notice over the headline, not over the text
    (_table_page("<a href='/'>Start</a>", "<tr><td><b>Uwaga! Nowe godziny pracy kasy urzędu</b></td></tr>"
                 "<tr><td><font size='4'>Przebudowa chodnika przy ulicy Szkolnej</font></td></tr>"),
     "Gmina Borki - Aktualności"),
    # a notice printed right over the text, the "!" inside it
    (_table_page("<a href='/'>Start</a>", "<tr><td><b>Uwaga! Nowe godziny pracy kasy urzędu</b></td></tr>"),
     "Gmina Borki - Aktualności"),
])
def test_a_table_layouts_bold_line_is_the_headline_only_right_over_the_text(html, expected):
    assert extract_article(html, "http://www.borki.example.pl/index.php?id=3&news=41").record["title"] == expected


def test_a_bold_line_outside_a_table_or_of_a_list_is_no_headline():
    # a cookie box's bold line over its own explanation, in a layout of <div>s
    cookie = ("<html lang='pl'><head><title>Aktualności - Gmina Borki</title></head><body><div class='cookies'><div>"
              "<strong>Ta strona używa plików cookie</strong></div><p>Pliki cookie pomagają nam ulepszać stronę i liczyć "
              "odwiedziny; korzystając dalej ze strony, zgadzasz się na ich użycie zgodnie z naszą polityką prywatności."
              "</p></div><div class='tresc'><div>Przebudowa chodnika przy ulicy Szkolnej</div><p>Od poniedziałku trwa "
              "przebudowa chodnika przy ulicy Szkolnej.</p></div></body></html>")
    assert extract_article(cookie, "https://www.borki.example.pl/aktualnosci/chodnik").record["title"] \
        == "Aktualności - Gmina Borki"
    # a table layout's list: each entry's bold title over its excerpt
    rows = "".join(f"<tr><td><b>Zebranie mieszkańców sołectwa numer {i}</b></td></tr><tr><td>Sołtys zaprasza wszystkich "
                   f"mieszkańców na zebranie w świetlicy; porozmawiamy o funduszu sołeckim i o naprawie drogi do lasu, "
                   f"zebranie {i}. <a href='/index.php?id=3&amp;news={i}'>więcej</a></td></tr>" for i in range(1, 6))
    listing = ("<html><head><title>Gmina Borki - Aktualności</title></head><body><table><tr><td><a href='/'>Start</a>"
               f"</td><td><table>{rows}</table></td></tr></table></body></html>")
    assert extract_article(listing, "http://www.borki.example.pl/index.php?id=3").record["title"] \
        == "Gmina Borki - Aktualności"


def _table_page(title, head, text, alt, footer, lang):
    return (f'<html lang="{lang}"><head><meta charset="utf-8"><title>{title}</title></head><body><table width="780">'
            f'<tr><td colspan="2"><img src="/images/top.jpg" alt="{alt}"></td></tr><tr><td width="160">'
            '<a href="/index.php">Home</a><br><a href="/news.php">News</a><br><a href="/contact.php">Contact</a></td>'
            f'<td><font face="Verdana" size="3"><b>{head}</b></font><br><font size="1">12/03/2008</font><br><br>'
            f'<font face="Verdana" size="2">{"<br><br>".join(text)}</font></td></tr><tr><td colspan="2">'
            f'<font size="1">{footer}</font></td></tr></table></body></html>')


GREEK = ["Ο δήμος ολοκλήρωσε τις εργασίες για το νέο πάρκο δίπλα στην παραλία, με παιδική χαρά και ποδηλατόδρομο.",
         "Τα εγκαίνια θα γίνουν την Κυριακή το πρωί με τη συμμετοχή των σχολείων της περιοχής.",
         "Ο δήμαρχος ευχαρίστησε τους κατοίκους για την υπομονή τους κατά τη διάρκεια των έργων."]
BULGARIAN = ["Новата сграда на кметството в селото отвори врати за посетители след две години ремонт.",
             "В нея ще се помещават библиотеката и пенсионерският клуб, съобщиха от общината.",
             "Кметът благодари на всички, които помогнаха за довършването на ремонта навреме."]


@pytest.mark.parametrize("title, head, text, expected", [
    ("Δήμος Ακτής - Νέο πάρκο δίπλα στην παραλία", "Νέο πάρκο δίπλα στην παραλία", GREEK,
     "Νέο πάρκο δίπλα στην παραλία"),
    ("Ново кметство отвори врати - Община Белица", "Ново кметство отвори врати", BULGARIAN,
     "Ново кметство отвори врати"),
    # a headline's own dash: its tail is printed as no site's name
    ("Ново кметство отвори врати - след две години ремонт", "Ново кметство отвори врати - след две години ремонт",
     BULGARIAN, "Ново кметство отвори врати - след две години ремонт"),
])
def test_a_table_layouts_title_loses_the_name_its_banner_and_footer_print(title, head, text, expected):
    alt = "Δήμος Ακτής" if text is GREEK else "Община Белица"
    html = _table_page(title, head, text, alt, f"© 2008 {alt}", "el" if text is GREEK else "bg")
    extraction = extract_article(html, "http://www.dimos.example/news.php?id=12")
    assert extraction.record["title"] == expected
    assert extraction.is_article  # the <font><b> line beside the menu's cell is the headline dated


def test_a_name_the_banner_prints_but_not_the_footer_stays():
    # the page's line prints the whole title: no part of it is proven the headline
    title = "Δήμος Ακτής - Νέο πάρκο δίπλα στην παραλία"
    html = _table_page(title, title, GREEK, "Δήμος Ακτής", "Τηλέφωνο 2310 000000", "el")
    assert extract_article(html, "http://www.dimos.example/news.php?id=12").record["title"] == title


def test_a_name_the_banner_prints_goes_when_the_line_over_the_text_prints_the_headline_alone():
    html = _table_page("Δήμος Ακτής - Νέο πάρκο δίπλα στην παραλία", "Νέο πάρκο δίπλα στην παραλία", GREEK,
                       "Δήμος Ακτής", "Τηλέφωνο 2310 000000", "el")
    assert extract_article(html, "http://www.dimos.example/news.php?id=12").record["title"] == \
        "Νέο πάρκο δίπλα στην παραλία"


KUBRICK = ('<html><head><title>{title}</title></head><body><div id="header"><h1><a href="http://www.riverblog.example/">'
           'River Notes</a></h1></div><div class="post"><h2><a href="{href}" rel="bookmark">Why the heron came back</a>'
           '</h2><small>March 3rd, 2019</small><div class="entry"><p>After two quiet winters the grey heron is back at '
           'the weir, standing where it always stood.</p><p>Nobody knows where it spent the cold months.</p></div></div>'
           '</body></html>')
KUBRICK_URL = "http://www.riverblog.example/2019/03/03/heron/"


@pytest.mark.parametrize("title, href, expected", [
    ("River Notes » Blog Archive » Why the heron came back", KUBRICK_URL, "Why the heron came back"),
    ("Why the heron came back » River Notes", KUBRICK_URL, "Why the heron came back"),
    # the heading links to another page (a teaser's): no part is the page's own printed headline
    ("Notes » Blog Archive » Why the heron came back", "http://www.riverblog.example/2019/03/01/other/",
     "Blog Archive » Why the heron came back"),
])
def test_a_spaced_guillemet_separates_the_site_from_the_headline(title, href, expected):
    html = KUBRICK.format(title=title, href=href)
    assert extract_article(html.replace("River Notes</a>", "Notes</a>") if title.startswith("Notes") else html,
                           KUBRICK_URL).record["title"] == expected


def test_french_guillemets_are_no_separator():
    head = ("<title>Le maire : « Nous tiendrons les délais » | Le Courrier du Val</title>"
            "<meta property='og:title' content='Le maire : « Nous tiendrons les délais »'>")
    html = _doc(head, "<h1>Le maire : « Nous tiendrons les délais »</h1>" + _paras(4))
    assert extract_article(html, URL).record["title"] == "Le maire : « Nous tiendrons les délais »"


def test_a_part_printed_only_as_a_short_heading_is_no_headline():
    html = ('<html><head><title>Politik - Regierung beschließt neues Klimagesetz</title></head><body>'
            '<h2>Politik</h2><p><b>Regierung beschließt neues Klimagesetz</b></p>' + _paras(4) + "</body></html>")
    assert extract_article(html, URL).record["title"] == "Politik - Regierung beschließt neues Klimagesetz"


SECTION_H1 = ('<html lang="de"><head><title>Zollamt online - Neue Regeln für Sendungen aus Drittländern</title></head>'
              '<body><header><h1 class="{hidden}">Zentralstelle</h1><a href="/DE/Home/home_node.html"><img src="/logo.svg" '
              'alt="Zur Startseite"></a><nav><ul><li><a href="/DE/Fachthemen/node.html">Fachthemen</a></li><li><a '
              'href="/DE/Presse/Fachmeldungen/node.html">Fachmeldungen</a></li></ul></nav></header><main>'
              '<div class="section-head"><h1>{section}</h1></div><div class="article"><p>Datum 12.03.2026</p>'
              '<h2>Neue Regeln für Sendungen aus Drittländern</h2><p>Ab dem ersten Juli gelten für Sendungen aus '
              'Drittländern neue Anmeldepflichten, auch für geringe Warenwerte.</p><p>Empfänger sollten darauf achten, '
              'dass die Anmeldung vollständig und rechtzeitig eingeht.</p></div></main></body></html>')


@pytest.mark.parametrize("hidden", ["visually-hidden", "sr-only", "hidden"])
def test_a_hidden_h1_and_a_sections_h1_are_no_headline(hidden):
    html = SECTION_H1.format(hidden=hidden, section="Fachmeldungen")
    url = "https://www.zollamt.example/DE/Presse/Fachmeldungen/2026/sendungen.html"
    assert extract_article(html, url).record["title"] == "Neue Regeln für Sendungen aus Drittländern"


def test_an_h1_no_menu_link_prints_is_the_headline():
    html = SECTION_H1.format(hidden="visually-hidden", section="Neue Regeln für Sendungen aus Drittländern").replace(
        "<h2>Neue Regeln für Sendungen aus Drittländern</h2>", "")
    url = "https://www.zollamt.example/DE/Presse/Fachmeldungen/2026/sendungen.html"
    assert extract_article(html, url).record["title"] == "Neue Regeln für Sendungen aus Drittländern"


def test_hidden_elements():
    from lxml import html as lh

    from newsbot.extraction.title import hidden

    for markup, expected in [('<h1 class="sr-only">Site</h1>', True), ('<h1 style="display: none">Site</h1>', True),
                             ('<h1 hidden>Site</h1>', True), ('<h1 class="title hide-on-print">T</h1>', False),
                             ('<h1 class="entry-title">T</h1>', False)]:
        assert hidden(lh.fragment_fromstring(markup)) is expected


@pytest.mark.parametrize("markup, expected", [
    ('<h1 class="d-none d-md-block">T</h1>', False),  # shown from a tablet's width on
    ('<h1 class="hidden lg:block">T</h1>', False),
    ('<h1 class="invisible" data-animation="fadeInUp">T</h1>', False),  # shown once scrolled to
    ('<h1 style="visibility: hidden">T</h1>', False),
    ('<h1 class="d-none">T</h1>', True),
    ('<h1 class="title hidden">T</h1>', True),
])
def test_an_element_hidden_on_some_screens_or_until_revealed_is_shown(markup, expected):
    from lxml import html as lh

    from newsbot.extraction.title import hidden

    assert hidden(lh.fragment_fromstring(markup)) is expected


def test_a_desktop_only_h1_is_the_headline():
    top = "<h1 class='d-none d-md-block'>Harbour reopens after the long winter storm</h1>"
    html = _doc("<title>Harbour news</title>", top + _paras(4))
    assert extract_article(html, URL).record["title"] == "Harbour reopens after the long winter storm"


TOPIC_BAR = ('<html><head><title>{title}</title></head><body><header><nav class="topics"><a href="/thema/fähre/">'
             'Fähre fällt aus</a> <a href="/thema/wahl/">Kreistag</a></nav></header><main><article>'
             '<h1>Fähre fällt aus</h1>{paras}</article><aside><h1 class="widget">Meistgelesen</h1><ul><li>'
             '<a href="/a/">Neuer Radweg</a></li></ul></aside></main></body></html>')


@pytest.mark.parametrize("title, expected", [
    ("Fähre fällt aus | Kreisbote", "Fähre fällt aus"),  # a short headline a topic bar links: the <title> holds it
    ("Kreisbote", "Fähre fällt aus"),  # no source names another headline: the h1 stays, no sidebar's heading
])
def test_a_short_headline_a_topic_bar_links_stays_the_headline(title, expected):
    html = TOPIC_BAR.format(title=title, paras=_paras(4))
    assert extract_article(html, "https://www.kreisbote.example/lokal/faehre-faellt-aus").record["title"] == expected


def test_menu_labels_read_many_links_at_once():
    from newsbot.extraction.page import Page
    from newsbot.extraction.title import _folded, _menu_labels

    links = "".join(f'<a href="/r/{n}">Link {n}</a>' for n in range(4000))
    h1s = "".join(f"<h1>Link {n}</h1>" for n in range(0, 4000, 2))
    html = _doc("<title>Test</title>", f"<nav>{links}</nav>{h1s}" + _paras(4))
    labels = {_folded(f"Link {n}") for n in range(0, 4000, 2)}
    assert _menu_labels(Page(html, URL), labels | {_folded("Not in the menu")}) == labels
    # every <h1> a menu links and no other source naming a headline: the first stays the title
    assert extract_article(html, URL).record["title"] == "Link 0"


SUBHEADING = ('<html><head><title>{title}</title></head><body><header><h3>{site}</h3></header><div id="wrap">'
              '<div class="headline">{title}</div><p>The council approved its budget on Tuesday night after a long '
              'debate about the charges for parking in the town centre.</p><h3>{sub}</h3><p>Permits for residents '
              'rise by twelve pounds a year, and short stays cost forty pence more an hour.</p></div></body></html>')


def test_a_sub_heading_printing_a_part_of_the_title_is_no_headline():
    title = "Budget 2026 - What the new parking charges mean for the town"
    html = SUBHEADING.format(title=title, site="Town Courier", sub="What the new parking charges mean for the town")
    assert extract_article(html, "https://www.courier.example/news/budget").record["title"] == title


def test_an_image_named_as_the_headline_keeps_the_headline():
    html = ('<html><head><title>New opening hours at the town office from May - Lakeside Parish</title></head><body>'
            '<div id="content"><h2>New opening hours at the town office from May</h2><img src="/office.jpg" '
            'alt="New opening hours at the town office from May"><p>From the first of May the town office opens from '
            'eight to twelve on weekdays, and on Thursday afternoons too.</p><p>Appointments can still be made by '
            'phone.</p></div><footer>You are here: <a href="/">Home</a> › New opening hours at the town office from '
            'May</footer></body></html>')
    assert extract_article(html, "https://www.lakeside.example/news/opening-hours").record["title"] \
        == "New opening hours at the town office from May"



TABLE_BG = (
    '<html><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><title>Pristanishte Novini - Novi kranove za pristanishteto v Burgas</title></head>'
    '<body><table width="900" border="0"><tr><td colspan="2"><img src="logo.gif" alt="Pristanishte Novini"></td></tr>'
    '<tr><td width="180" valign="top" class="menu"><a href="index.php">Nachalo</a><br><a href="cat.php?id=1">Novini</a><br><a href="cat.php?id=2">Ikonomika</a><br><a href="cat.php?id=3">Sport</a><br><a href="cat.php?id=4">Kultura</a><br><a href="kontakti.php">Kontakti</a></td>'
    '<td valign="top"><span class="zaglavie">Novi kranove za pristanishteto v Burgas</span><br>'
    '<font color="#666666" size="1">Publikuvano na 20.11.2025 v 08:45</font><br><br>'
    '<p class="tekst">Pristanishteto v Burgas poluchi dva novi krana, koito shte uskoryat raztovarvaneto na kontejnerite s pochti polovina.</p>'
    '<p class="tekst">Direktorat na pristanishteto zayavi, che kranovete shte zapochnat rabota sled proverka ot inspektorite v nachaloto na dekemvri.</p>'
    '<p class="tekst">Investiciyata e na stojnost okolo dvanadeset miliona leva i e chast ot po-goliama programa za modernizaciya.</p>'
    '<table><tr><td><a href="print.php?id=1234">Print</a> | <a href="send.php?id=1234">Send to a friend</a></td></tr></table>'
    '</td></tr></table></body></html>'
)
TABLE_HR = (
    '<html><head><title>Lučki vjesnik - Nova trajektna linija prema otocima od lipnja</title></head>'
    '<body bgcolor="#ffffff"><table width="100%"><tr><td width="160" valign="top"><a href="index.php">Početna</a><br><a href="cat.php?id=1">Vijesti</a><br><a href="cat.php?id=2">Gospodarstvo</a><br><a href="cat.php?id=3">Sport</a><br><a href="arhiva.php">Arhiva</a></td>'
    '<td valign="top"><b><font size="4">Nova trajektna linija prema otocima od lipnja</font></b><br>'
    '<font color="#999999">Objavljeno: 14.05.2026. u 12:45 | Autor: Ivana Horvat</font><br><br>'
    'Jadrolinija je objavila da će od lipnja uvesti novu trajektnu liniju prema otocima, s četiri polaska dnevno u sezoni.<br><br>'
    'Nova linija trebala bi rasteretiti postojeće brodove koji su prošlog ljeta bili prepuni, posebno vikendom i praznicima.<br><br>'
    'Cijena karte ostat će ista kao i na ostalim linijama, a rezervacije će biti moguće putem interneta od kraja svibnja.<br><br>'
    '<a href="print.php?id=88">Ispis</a> | <a href="posalji.php?id=88">Pošalji prijatelju</a>'
    '</td></tr></table></body></html>'
)


@pytest.mark.parametrize("html, expected, title", [
    # <span class="zaglavie">, text in <p class="tekst">; the banner's image names the site
    (TABLE_BG, "Novi kranove za pristanishteto v Burgas", "Novi kranove za pristanishteto v Burgas"),
    # <b><font size="4">, text after <br><br>; nothing prints the title's opening part as a name
    (TABLE_HR, "Nova trajektna linija prema otocima od lipnja",
     "Lučki vjesnik - Nova trajektna linija prema otocima od lipnja"),
])
def test_a_table_layouts_line_printing_a_part_of_the_title_is_the_headline(html, expected, title):
    # no <h1>, "Site - Headline" in <title> (no source proves the site's name): the bold or big
    # line over the text printing its longest part is the headline, dated by the line under it
    from newsbot.extraction.page import Page
    from newsbot.extraction.record import Fields
    from newsbot.extraction.title import headline_element

    url = "https://www.vesti.example/news.php?id=1234"
    result = extract_article(html, url)
    assert result.is_article is True
    assert result.record["title"] == title
    f = Fields(Page(html, url))
    assert " ".join(headline_element(f.page, f["title"]).text_content().split()) == expected
    assert f.kind == (True, "dated_headline")


def test_a_table_layouts_section_line_over_teaser_rows_is_no_headline():
    rows = "".join(f'<tr><td><a href="news.php?id={n}">Novi kranove za pristanishteto broj {n}</a><br>'
                   f'Kratko opisanie na novinata nomer {n} ot pristanishteto.</td></tr>' for n in range(5))
    html = ('<html><head><title>Pristanishte Novini - Poslednite novini ot pristanishteto</title></head><body>'
            '<table><tr><td><a href="index.php">Nachalo</a></td><td><b>Poslednite novini ot pristanishteto</b>'
            f'<table>{rows}</table></td></tr></table></body></html>')
    result = extract_article(html, "https://www.vesti.example/cat.php?id=1")
    assert result.record is None or result.record["title"] != "Poslednite novini ot pristanishteto"


def table_page(title: str, banner: str, line: str, date: str = "Objavljeno: 14.05.2026.") -> str:
    return (f'<html><head><title>{title}</title></head><body><table width="760"><tr><td colspan="2">'
            f'<img src="logo.gif" alt=""><br>{banner}</td></tr><tr><td width="150" valign="top">'
            '<a href="index.php">Početna</a><br><a href="cat.php?id=1">Vijesti</a><br><a href="kontakt.php">Kontakt</a></td>'
            f'<td valign="top"><b><font size="4">{line}</font></b><br><font size="1">{date}</font><br><br>'
            'Lučka uprava je objavila da će od lipnja uvesti novu trajektnu liniju prema otocima, s četiri polaska dnevno.<br><br>'
            'Nova linija trebala bi rasteretiti postojeće brodove koji su prošlog ljeta bili prepuni, posebno vikendom.'
            '</td></tr></table></body></html>')


SLOGAN = "Neovisne novine otočnog kraja od 1994. godine"


@pytest.mark.parametrize("title", [
    f"Lučki vjesnik - {SLOGAN} - Nova trajektna linija",  # site, slogan, headline
    f"Nova trajektna linija | {SLOGAN}",  # the slogan the longest part, printed in the banner
])
def test_a_table_layouts_headline_line_is_no_slogans(title):
    from newsbot.extraction.page import Page
    from newsbot.extraction.record import Fields
    from newsbot.extraction.title import headline_element

    html = table_page(title, f'<b><font size="4">{SLOGAN}</font></b>', "Nova trajektna linija")
    f = Fields(Page(html, "https://www.vjesnik.example/clanak.php?id=7"))
    assert " ".join(headline_element(f.page, f["title"]).text_content().split()) == "Nova trajektna linija"
    assert f.kind == (True, "dated_headline")


def test_a_slogan_printed_bold_over_a_contact_pages_text_is_no_headline():
    from newsbot.extraction.page import Page
    from newsbot.extraction.record import Fields

    html = table_page(f"Lučki vjesnik - {SLOGAN} - Kontakt", "", SLOGAN, "Ponedjeljak, 14.05.2026.")
    f = Fields(Page(html, "https://www.vjesnik.example/kontakt.php"))
    assert f.kind[0] is False


TABLE_PT = (
    '<html><head><meta http-equiv="Content-Type" content="text/html; charset=iso-8859-1">'
    '<title>Gazeta do Vale - Mercado de artesanato atrai milhares de visitantes</title></head>'
    '<body><table width="780" border="0"><tr><td colspan="2"><img src="imagens/topo.gif" alt="Gazeta do Vale"></td></tr>'
    '<tr><td width="170" valign="top" class="menu"><a href="index.php">Início</a><br><a href="seccao.php?id=1">Região</a>'
    '<br><a href="seccao.php?id=2">Economia</a><br><a href="contactos.php">Contactos</a></td>'
    '<td valign="top" class="texto"><span class="titulo"><b>{line}</b></span><br>'
    '<span class="data">02-03-2026</span><br><br>'
    'O mercado de artesanato da vila recebeu este fim de semana mais de doze mil visitantes, um número inesperado.<br><br>'
    'Os artesãos vieram de todo o distrito e muitos esgotaram as peças logo no sábado à tarde, contou a associação.<br><br>'
    'A câmara municipal já anunciou que a próxima edição terá mais espaço e um parque de estacionamento provisório.<br><br>'
    '<a href="imprimir.php?id=55">Imprimir</a> | <a href="enviar.php?id=55">Enviar a um amigo</a>'
    '</td></tr></table></body></html>')
TABLE_BG_TAIL = (
    '<html><head><meta http-equiv="Content-Type" content="text/html; charset=windows-1251">'
    '<title>Нов мост над реката ще бъде готов до есента - Вестник Поморие</title></head>'
    '<body><table width="900" border="0"><tr><td colspan="2"><img src="logo.gif" alt="Вестник Поморие"></td></tr>'
    '<tr><td width="180" valign="top" class="menu"><a href="index.php">Начало</a><br><a href="cat.php?id=1">Новини</a>'
    '<br><a href="cat.php?id=2">Спорт</a><br><a href="kontakti.php">Контакти</a></td>'
    '<td valign="top"><span class="zaglavie">Нов мост над реката ще бъде готов до есента</span><br>'
    '<span class="data">Публикувано на 20.11.2025 в 08:45</span><br><br>'
    '<p class="tekst">Строителството на новия мост над реката напредва по график, съобщиха от общината в понеделник.</p>'
    '<p class="tekst">Според кмета съоръжението ще бъде пуснато в експлоатация преди есента, ако времето позволи.</p>'
    '<p class="tekst">Инвестицията е на стойност около осем милиона лева и е част от програмата за пътищата.</p>'
    '</td></tr></table></body></html>')


@pytest.mark.parametrize("html, encoding, expected", [
    (TABLE_PT.format(line="Mercado de artesanato atrai milhares de visitantes"), "iso-8859-1",
     "Mercado de artesanato atrai milhares de visitantes"),  # "Site - Headline", <span class="titulo"><b>
    (TABLE_BG_TAIL, "windows-1251", "Нов мост над реката ще бъде готов до есента"),  # "Headline - Site"
])
def test_a_table_layouts_title_is_the_part_its_line_over_the_text_prints(html, encoding, expected):
    # no <h1> or <h2>, no name proven the site's by its domain or footer: the part of <title>
    # the page prints as its line over the text is the headline, the other part the site's name
    url = "http://www.gdv.example/noticia.php?id=55"
    assert extract_article(html.encode(encoding), url).record["title"] == expected


def test_a_table_layouts_line_printing_no_part_of_the_title_keeps_it_whole():
    # the line over the text is another text than the title's parts: nothing tells which part is the site's
    html = TABLE_PT.format(line="Feira anual bate recorde de visitantes este ano")
    title = "Gazeta do Vale - Mercado de artesanato atrai milhares de visitantes"
    assert extract_article(html.encode("iso-8859-1"), "http://www.gdv.example/noticia.php?id=55").record["title"] == title


def test_the_element_printing_the_title_is_a_heading_the_title_repeats_else_its_line():
    # one search of the <title> over a page with no headline element: a heading first, a table
    # layout's line printing a part of it next
    from newsbot.extraction.page import Page
    from newsbot.extraction.title import title_heading

    url = "http://www.gdv.example/noticia.php?id=55"
    line = title_heading(Page(TABLE_BG_TAIL.encode("windows-1251"), url))
    assert line.get("class") == "zaglavie"
    heading = TABLE_BG_TAIL.replace('<span class="zaglavie">Нов мост над реката ще бъде готов до есента</span>',
                                    "<h3>Нов мост над реката ще бъде готов до есента</h3>")
    assert title_heading(Page(heading, url)).tag == "h3"
    # a page printing neither has none
    other = TABLE_BG_TAIL.replace('<span class="zaglavie">Нов мост над реката', '<span class="zaglavie">Стар мост над реката')
    assert title_heading(Page(other, url)) is None


SIDE_NAME = "Glasnik gornje doline danas"
SIDE_HEADLINE = "Obnova starog mosta na rijeci počinje u proljeće"
SIDE_TEXT = ("Radovi na starom mostu počinju u ožujku i trajat će najmanje četiri mjeseca, a promet će se za to "
             "vrijeme odvijati jednom trakom uz privremenu signalizaciju. Novac je osiguran iz državnog proračuna.")


def _side_column_page(headline_cell: str, photo: str = "") -> str:
    # a side column printing the site's name bold, the text's cell a table of its own
    return (f"<html><head><meta charset='utf-8'><title>{SIDE_NAME} - {SIDE_HEADLINE}</title></head><body>"
            f"<table width='780'><tr><td width='180' valign='top'><b>{SIDE_NAME}</b><br>Tjednik za dolinu od "
            "1998.<br><a href='/index.php'>Naslovnica</a><br><a href='/vijesti/'>Vijesti</a></td>"
            f"<td valign='top'><table width='100%'><tr><td>{headline_cell}</td></tr>"
            f"<tr><td class='tekst'>{photo}{SIDE_TEXT}</td></tr><tr><td class='tekst'>Gradsko vijeće odluku je "
            "donijelo jednoglasno na sjednici u ponedjeljak navečer.</td></tr></table></td></tr></table></body></html>")


@pytest.mark.parametrize("html", [
    # the headline in a cell of its own, no line tag: the side column's bold name is the one part printed
    _side_column_page(f"<div class='naslov'>{SIDE_HEADLINE}</div>"),
    # ... and the article's photo named for the headline: no proof that the other part is the site's
    _side_column_page(f"<div class='naslov'>{SIDE_HEADLINE}</div>", f"<img src='/slike/most.jpg' alt='{SIDE_HEADLINE}'>"),
])
def test_a_side_columns_bold_name_is_no_headline_of_a_table_layouts_title(html):
    title = f"{SIDE_NAME} - {SIDE_HEADLINE}"
    assert extract_article(html, "https://www.glas-doline.example/vijest.php?id=7").record["title"] == title


def test_a_kicker_printed_over_a_table_layouts_headline_keeps_the_title_whole():
    # nothing prints the headline's part as a site's name: "Kicker - Headline" stays whole
    kicker, headline = "Informe especial sobre la vivienda en la isla", "Los alquileres suben en todos los barrios"
    html = (f"<html><head><meta charset='utf-8'><title>{kicker} - {headline}</title></head><body><table><tr>"
            f"<td valign='top'><span class='antetitulo'>{kicker}</span><br><div class='titular'>{headline}</div>"
            "<p>El precio medio del alquiler subió un once por ciento el último año, según los datos publicados "
            "este jueves por el observatorio de la vivienda.</p><p>Las asociaciones de inquilinos piden límites "
            "a los pisos turísticos.</p></td></tr></table></body></html>")
    assert extract_article(html, "https://www.diario.example/noticia.php?id=3").record["title"] == f"{kicker} - {headline}"


@pytest.mark.parametrize("line", [
    # the line prints the quote alone, the portrait's alt the speaker's name
    "Škola mora ostati u našem selu",
    # the line prints the whole title, the portrait's box the name bold
    "Marija Horvat: Škola mora ostati u našem selu",
])
def test_a_colon_parts_no_site_from_a_table_layouts_headline(line):
    title = "Marija Horvat: Škola mora ostati u našem selu"
    html = (f"<html><head><meta charset='utf-8'><title>{title}</title></head><body><table><tr><td valign='top'>"
            f"<font size='4'><b>{line}</b></font><br><br><table align='right' width='200'><tr><td>"
            "<img src='/slike/mh.jpg' alt='Marija Horvat'><br><b>Marija Horvat</b><br>ravnateljica škole</td></tr>"
            "</table><p>Područna škola ove godine ima samo jedanaest učenika, a županija razmatra njezino "
            "zatvaranje. Razgovarali smo s ravnateljicom o tome što bi to značilo za mještane.</p><p>Djeca bi "
            "putovala više od sat vremena do grada.</p></td></tr></table></body></html>")
    assert extract_article(html, "https://www.glasnik.example/clanak.php?id=77").record["title"] == title
