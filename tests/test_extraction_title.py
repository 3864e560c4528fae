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
