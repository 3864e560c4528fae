"""Units of the crawl foundation: URLs, arguments, discovery parsing, WARC, scoring."""
from __future__ import annotations


import pytest


def test_a_bad_alternate_link_costs_only_that_link():
    from newsbot.extraction import extract_article

    page = ("<html lang='en'><head><meta property='og:type' content='article'><title>T</title>"
            "<link rel='alternate' hreflang='fr' href='http://[::1'>"
            "<link rel='alternate' hreflang='de' href='https://de.site.example/a'></head>"
            "<body><h1>Title here</h1><p>One paragraph of text that is long enough.</p></body></html>")
    ex = extract_article(page, "https://site.example/a")
    assert ex.record["translations"] == {"de": "https://de.site.example/a"}


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


def test_a_plain_share_line_never_reaches_the_body():
    from newsbot.extraction import extract_article

    paras = "".join(f"<p>Paragraph {i} of the report explains what the ministers agreed on the shared grid.</p>"
                    for i in range(4))
    page = (f"<html lang='en'><head><title>Grid deal</title></head><body><article><h1>Grid deal</h1>{paras}"
            "<p>Share on Facebook Share on X Share on LinkedIn</p></article></body></html>")
    body = extract_article(page, "https://site.example/a").record["body"]
    assert "Share on" not in body and body.count("\n\n") == 3
