"""Pages shaped to make a walk per element cost the page's size: each is generated here
(thousands of repeated or nested elements) and read whole, the values asserted. Each page used
to take seconds to tens of seconds; none asserts a time, the values show the page was read."""
from __future__ import annotations

import lxml.html
from support import html_doc as _doc, paragraphs as _paras

from newsbot.extraction import extract_article
from newsbot.extraction.metadata import _edged_text, _node_author, _own_node


URL = "https://news.example.org/story"


def _record(body: str, head: str = "") -> dict:
    return extract_article(_doc(f"<title>Night buses return</title>{head}", body).encode(), URL).record


def test_a_node_of_twenty_thousand_submitted_lines_is_read_once():
    spans = "".join(f'<span class="submitted">Submitted by user{i} on 12 March 2021</span>' for i in range(20_000))
    record = _record(f'<article class="node node--type-article"><h1>Night buses return</h1>'
                     f'<time datetime="2021-03-12T09:30:00+01:00">12 March 2021</time>{spans}{_paras(3)}</article>')
    assert record["title"] == "Night buses return"
    assert record["date_published"] == "2021-03-12T09:30:00+01:00"
    assert record["authors"] == []  # the accounts' logins are no names


def test_a_dateline_byline_before_a_deep_block_of_year_tails():
    deep = "".join("<span>" + "".join(f"<b>Ana Ruiz</b> {1990 + j}" for j in range(40)) for _ in range(500)) \
        + "</span>" * 500
    record = _record(f"<article><h1>Night buses return</h1><p>By Ana Ruiz · 12 March 2021</p>"
                     f"<div>{deep}</div>{_paras(3)}</article>")
    assert record["authors"] == ["Ana Ruiz"]
    assert record["title"] == "Night buses return"


def test_nested_date_elements_are_not_each_read_whole():
    deep = "".join('<div class="date">' + "".join(f"<b>12 March</b> {1990 + j}" for j in range(40))
                   for _ in range(500)) + "</div>" * 500
    record = _record(f'<article><h1>Night buses return</h1><p class="date">Published 4 March 2021, 09:30</p>'
                     f"{_paras(3)}{deep}</article>")
    assert record["date_published"].startswith("2021-03-04T09:30")


def test_the_creator_of_many_in_one_node_finds_the_nodes_author_outside_each():
    tree = lxml.html.fromstring('<div><article><a rel="author" href="/u/1">Ana Ruiz</a>'
                                + '<span class="submitted"><a href="/user/5">ana</a></span>' * 3
                                + "<p>" + "Running text of the story. " * 20 + "</p>"
                                + '<span class="submitted">late</span></article></div>')
    node = tree.find("article")
    creators = node.findall("span")
    read: dict = {}
    assert all(_own_node(el, read) is node for el in creators[:3])
    assert _own_node(creators[3], read) is None  # after the running text
    assert all(_node_author(node, el, read) for el in creators)
    inside = lxml.html.fromstring('<article><span class="submitted"><a rel="author" href="/u/1">Ana Ruiz</a>'
                                  "</span></article>")
    assert not _node_author(inside, inside.find("span"), {})  # the author link is the creator's own


def test_an_edged_text_over_its_limit_is_none():
    el = lxml.html.fromstring("<p><span>Ana   Ruiz</span>, <b>Tom Weiss</b></p>")
    assert _edged_text(el) == _edged_text(el, 15) == "Ana   Ruiz, Tom Weiss"  # 15 letters: no space, no comma
    assert _edged_text(el, 14) is None


def test_the_creator_elements_are_told_by_whole_words():
    from newsbot.extraction.metadata import _creators
    from newsbot.extraction.page import Page

    page = Page(_doc("", '<div class="submitted-form">a</div><span class="meta\tsubmitted">b</span>'
                         '<span rel="sioc:has_creatorx">c</span><span rel="sioc:has_creator">d</span>'
                         '<div class="field field--name-uid">e</div><div class="unsubmitted">f</div>').encode(), URL)
    assert [el.text for el in _creators(page)] == ["b", "d", "e"]
    assert _creators(Page(_doc("", "<p>Nothing sent here</p>").encode(), URL)) == []


def test_a_table_layout_of_deeply_wrapped_cells_finds_its_headline_line():
    """60 cells, each a chain of 400 ``<span>``s around one short line, and the headline line
    wrapped likewise: the line printing the title's part is found, as the outermost wrapper."""
    def wrapped(text: str, depth: int = 400) -> str:
        return "<span>" * depth + text + "</span>" * depth

    cells = "".join(f"<tr><td>{wrapped(f'Ein Stück Text in Zelle {i}')}</td></tr>" for i in range(60))
    text = "<br><br>".join(f"Der Gemeinderat hat am Montag den Haushalt für das Jahr {2020 + i} beraten und "
                           f"nach langer Debatte mit großer Mehrheit beschlossen." for i in range(4))
    html = (f"<html><head><title>Stadtblatt - Neuer Radweg entlang der Ill eröffnet</title></head><body><table>"
            f"{cells}<tr><td>{wrapped('<b>Neuer Radweg entlang der Ill eröffnet</b>', 50)}<br><br>{text}</td></tr>"
            f"</table></body></html>")
    from newsbot.extraction.page import Page
    from newsbot.extraction.title import headline_element

    page = Page(html, URL)
    line = headline_element(page, "Stadtblatt - Neuer Radweg entlang der Ill eröffnet")
    assert line is not None and line.tag == "span"
    assert " ".join(line.text_content().split()) == "Neuer Radweg entlang der Ill eröffnet"
    assert line.getparent().tag == "td"  # the outermost wrapper, the first in the page's order
