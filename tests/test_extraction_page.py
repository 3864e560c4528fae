"""Reading the page (:mod:`newsbot.extraction.page`): bytes decoded by header, BOM, meta then
detection, a header charset the bytes contradict skipped; control characters and garbage input;
JSON-LD in CDATA wrappers and JSON-LD values that are not text; a bad hreflang alternate link
(:mod:`newsbot.extraction.translations`) costing only that link."""
from __future__ import annotations

import codecs

import pytest
from support import NEWS_URL as URL, dated_record as _dated, html_doc as _doc, paragraphs as _paras

from newsbot.extraction import extract_article
from newsbot.extraction.page import decode_html


def test_control_characters_do_not_break_parsing():
    html = _doc("<title>Ti\x00tle\x01</title>", "<h1>Ti\x00tle</h1>" + _paras(3).replace("about", "ab\x00out\x07"))
    rec = extract_article(html.encode("utf-8"), URL).record
    assert rec["title"] == "Title"
    assert "\x00" not in rec["body"] and "\x07" not in rec["body"]
    assert rec["body"].startswith("Paragraph 1 about the harbour")


@pytest.mark.parametrize("data,content_type,expected_encoding", [
    ("<p>Grüße aus Köln</p>".encode("cp1252"), "text/html; charset=windows-1252", "cp1252"),
    (codecs.BOM_UTF8 + "<p>Grüße aus Köln</p>".encode("utf-8"), None, "utf-8"),
    ("<meta charset='iso-8859-2'><p>Grüße aus Köln</p>".encode("iso-8859-2"), None, "iso8859-2"),
    ("<p>Grüße aus Köln</p>".encode("utf-8"), None, "utf-8"),
])
def test_bytes_are_decoded_by_header_bom_meta_then_detection(data, content_type, expected_encoding):
    text, encoding = decode_html(data, content_type)
    assert "Grüße aus Köln" in text
    assert encoding == expected_encoding


def test_empty_and_garbage_input_give_an_empty_record():
    for data in (b"", b"\x00\x01\x02", "   "):
        rec = extract_article(data, "https://news.example.org/story").record
        assert rec["body"] is None and rec["title"] is None and rec["date_published"] is None


def test_json_ld_wrapped_in_cdata_is_read():
    ld = ('\n//<![CDATA[\n{"@context": "https://schema.org", "@type": "NewsArticle", "headline": "T",\n'
          ' "datePublished": "2024-08-22T12:00:00+02:00"}\n//]]>\n')
    rec = _dated(f"<script type='application/ld+json'>{ld}</script><meta name='date' content='2024-08-22'>")
    assert rec["date_published"] == "2024-08-22T12:00:00+02:00"


@pytest.mark.parametrize("text, data_codec, header, expected_codec", [
    ("<p>Déclaration de la Commission</p>", "latin-1", "text/html; charset=utf-8", None),  # header says UTF-8, bytes are not
    ("<p>Déclaration de la Commission</p>", "utf-8", "text/html; charset=ISO-8859-1", "utf-8"),  # server default, UTF-8 bytes
    ("<p>Dzień dobry, żółć</p>", "cp1250", "text/html; charset=windows-1250", "cp1250"),  # a right header is kept
])
def test_a_header_charset_the_bytes_contradict_is_skipped(text, data_codec, header, expected_codec):
    from newsbot.extraction.page import decode_html

    decoded, codec = decode_html(text.encode(data_codec), header)
    assert decoded == text
    if expected_codec:
        assert codec == expected_codec


def test_jsonld_values_that_are_not_text_never_become_reprs():
    from newsbot.extraction import extract_article

    ld = ('{"@type": "NewsArticle", "headline": ["Budget line agreed", 7], '
          '"author": [{"name": ["Ana Ruiz", {"x": 1}]}, 5, {"@type": "Person", "name": {"@value": "Ben Ode"}}], '
          '"keywords": {"a": 1}, "articleSection": [null, "Economy"]}')
    page = (f"<html lang='en'><head><script type='application/ld+json'>{ld}</script></head>"
            "<body><h1>Budget line agreed</h1><p>The council agreed the budget line after a long night of talks.</p>"
            "<p>Ministers said the deal would hold until the spring review of the accounts.</p></body></html>")
    record = extract_article(page, "https://site.example/a").record
    assert record["title"] == "Budget line agreed"
    assert record["authors"] == ["Ana Ruiz", "Ben Ode"]
    assert record["tags"] == []
    assert record["section"] == "Economy"


def test_a_bad_alternate_link_costs_only_that_link():
    from newsbot.extraction import extract_article

    page = ("<html lang='en'><head><meta property='og:type' content='article'><title>T</title>"
            "<link rel='alternate' hreflang='fr' href='http://[::1'>"
            "<link rel='alternate' hreflang='de' href='https://de.site.example/a'></head>"
            "<body><h1>Title here</h1><p>One paragraph of text that is long enough.</p></body></html>")
    ex = extract_article(page, "https://site.example/a")
    assert ex.record["translations"] == [{"language": "de", "url": "https://de.site.example/a"}]


def test_json_ld_nested_too_deep_is_counted_not_fatal():
    from newsbot.extraction import extract_article

    deep = ('<html><head><script type="application/ld+json">' + "[" * 100_000 + "]" * 100_000
            + '</script></head><body><h1>A deep page</h1><p>' + "Running text of the page. " * 20 + "</p></body></html>")
    ex = extract_article(deep, "https://coast.example/deep")
    assert ex.jsonld_errors == 1 and ex.record["title"] == "A deep page"


def test_a_huge_text_node_keeps_what_follows_and_flags_the_record():
    from newsbot.extraction import extract_article

    tail = "".join(f"<p>Paragraph {i} of the part after the inline image, with enough words to count.</p>"
                   for i in range(4))
    page = (f'<html><body><h1>Cranes are back</h1><img src="data:image/png;base64,{"A" * 11_000_000}">'
            f"{tail}</body></html>")
    record = extract_article(page, "https://coast.example/img").record
    assert record["body"].endswith("Paragraph 3 of the part after the inline image, with enough words to count.")
    assert "partial" in record["quality_flags"]


def test_the_work_on_one_page_is_bounded():
    from newsbot.extraction import extract_article
    from newsbot.extraction.page import MAX_ELEMENTS, Page

    many = ("<html><body><h1>Every line a paragraph</h1><article>"
            + "".join(f"<p>Sentence {i} is a line of running text in the article body here, long enough to count as one.</p>"
                      for i in range(60_000))
            + "</article></body></html>")
    page = Page(many, "https://coast.example/many")
    assert page.size == MAX_ELEMENTS and page.cut  # the rest is not read
    record = extract_article(many, "https://coast.example/many").record
    assert "partial" in record["quality_flags"] and record["body"].startswith("Sentence 0 ")
