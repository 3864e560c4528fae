"""Reading the page (:mod:`newsbot.extraction.page`): bytes decoded by header, BOM, meta then
detection, charset labels by the WHATWG table, a declared charset the bytes contradict skipped,
detection past a long ASCII head; control characters and garbage input;
JSON-LD in CDATA wrappers and JSON-LD values that are not text; a bad hreflang alternate link
(:mod:`newsbot.extraction.translations`) costing only that link."""
from __future__ import annotations

import codecs

import pytest
from support import NEWS_URL as URL, dated_record as _dated, html_doc as _doc, paragraphs as _paras

from newsbot.extraction import extract_article
from newsbot.extraction.decoding import decode_html


def test_control_characters_do_not_break_parsing():
    html = _doc("<title>Har\x00bour\x01</title>", "<h1>Har\x00bour</h1>" + _paras(3).replace("about", "ab\x00out\x07"))
    rec = extract_article(html.encode("utf-8"), URL).record
    assert rec["title"] == "Harbour"
    assert "\x00" not in rec["body"] and "\x07" not in rec["body"]
    assert rec["body"].startswith("Paragraph 1 about the harbour")


@pytest.mark.parametrize("raw,expected", [
    ("<p>Zero\u200bwidth and \ufeffmarks\u200e\u200f</p>", "<p>Zerowidth and marks</p>"),
    ("<p>A bell\x07, a NUL\x00 and DEL\x7f</p>", "<p>A bell, a NUL and DEL</p>"),
    ("<p>Tab\tand\r\nnewline kept, ‘quotes’ too</p>", "<p>Tab\tand\r\nnewline kept, ‘quotes’ too</p>"),
])
def test_decoded_utf8_text_loses_control_characters_and_zero_width_marks(raw, expected):
    for data in (raw.encode("utf-8"), codecs.BOM_UTF8 + raw.encode("utf-8")):
        assert decode_html(data) == (expected, "utf-8")


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
    from newsbot.extraction.decoding import decode_html

    decoded, codec = decode_html(text.encode(data_codec), header)
    assert decoded == text
    if expected_codec:
        assert codec == expected_codec


@pytest.mark.parametrize("label, codec", [
    ("ISO-8859-1", "cp1252"), ("us-ascii", "cp1252"), ("latin1", "cp1252"),  # all mean windows-1252
    ("GB2312", "gb18030"), ("x-gbk", "gb18030"), ("gbk", "gb18030"),  # GBK, read by the gb18030 decoder
    ("ks_c_5601-1987", "cp949"), ("Shift_JIS", "cp932"), ("big5", "big5hkscs"),
    ("iso-8859-8-i", "iso8859-8"), ("unicode-1-1-utf-8", "utf-8"), ("utf-16", "utf-16-le"),
    ("utf-7", None), ("iso-2022-kr", None), ("x-no-such-charset", None), ("", None),
])
def test_charset_labels_follow_the_whatwg_table(label, codec):
    from newsbot.extraction.decoding import charset_codec

    assert charset_codec(label) == codec


ZH = "<p>港口管理局周二表示，北码头的两台起重机已经修复，集装箱运输将在几周内恢复正常。</p>"
ZH_EURO = "<p>票价为 30 € 每人。</p>"


def test_gb2312_label_decodes_gbk_characters():
    # "GB2312" pages use the whole GBK repertoire: the euro sign (0x80) and 镕 (not in GB2312)
    text = "<meta charset='gb2312'><p>朱镕基</p>" + ZH_EURO
    data = text.replace("€", "\x00").encode("gbk").replace(b"\x00", b"\x80")  # 0x80: GBK's euro
    decoded, codec = decode_html(data)
    assert codec == "gb18030" and "朱镕基" in decoded and "30 € 每人" in decoded


@pytest.mark.parametrize("declared", ["<meta charset='iso-8859-15'>", "<meta charset='GB2312'>",
                                      "<meta http-equiv='Content-Type' content='text/html; charset=windows-1251'>"])
def test_a_meta_charset_the_utf8_bytes_contradict_is_skipped(declared):
    text = f"<html><head>{declared}</head><body><p>Zürich, Łódź, Ελλάδα — «citation»</p>{ZH}</body></html>"
    decoded, codec = decode_html(text.encode("utf-8"))
    assert codec == "utf-8" and decoded == text
    # the same declaration over bytes in that charset is kept
    legacy = f"<html><head>{declared}</head><body><p>Grüße aus Köln</p></body></html>"
    if "GB2312" not in declared:
        data = legacy.encode("iso-8859-15" if "8859" in declared else "cp1251", errors="ignore")
        assert decode_html(data)[1] in ("iso8859-15", "cp1251")


def test_declared_utf8_with_a_few_stray_bytes_stays_utf8():
    data = "<meta charset='utf-8'><p>Grüße aus Köln, Straße und Brücke.</p>".encode("utf-8") + b"<p>caf\xe9</p>"
    decoded, codec = decode_html(data)
    assert codec == "utf-8" and "Grüße aus Köln, Straße und Brücke." in decoded and "caf\ufffd" in decoded


def test_the_page_bytes_are_handed_on_only_when_they_are_the_text_in_utf8():
    from newsbot.extraction.decoding import decode_page

    page = "<meta charset='utf-8'><p>Grüße aus Köln, Straße und Brücke.</p>".encode("utf-8")
    assert decode_page(page) == (page.decode("utf-8"), "utf-8", page)
    for other in (codecs.BOM_UTF8 + page, page + b"<p>caf\xe9</p>", page.replace(b"Gr", b"\x07Gr"),
                  "<p>Grüße aus Köln</p>".encode("cp1252")):
        text, codec, own = decode_page(other, "text/html; charset=windows-1252" if b"\xfc" in other else None)
        assert own is None and (text, codec) == decode_html(other, "text/html; charset=windows-1252"
                                                            if b"\xfc" in other else None)
    assert decode_page("<p>text</p>") == ("<p>text</p>", "str", None)


def test_a_replacement_character_printed_in_valid_utf8_counts_as_before():
    # U+FFFD written in the page (valid UTF-8) reads as an error in the sample, as it always did:
    # more of them than other non-ASCII characters, and the windows-1252 declaration is kept
    data = ("<meta charset='windows-1252'><p>\ufffd\ufffd\ufffd é</p>").encode("utf-8")
    assert decode_html(data)[1] == "cp1252"
    fewer = ("<meta charset='windows-1252'><p>\ufffd Grüße aus Köln</p>").encode("utf-8")
    assert decode_html(fewer)[1] == "cp1252"
    clean = ("<meta charset='windows-1252'><p>Grüße aus Köln</p>").encode("utf-8")
    assert decode_html(clean)[1] == "utf-8"


@pytest.mark.parametrize("codec", ["gbk", "shift_jis", "cp1251", "big5"])
def test_detection_looks_past_a_long_ascii_head(codec):
    text = {"gbk": ZH, "big5": "<p>港口管理局週二表示，北碼頭的兩台起重機已經修復，貨櫃運輸將在幾週內恢復正常。</p>",
            "shift_jis": "<p>港湾局は火曜日、北埠頭のクレーン二基が修理を終えて運転を再開したと発表した。</p>",
            "cp1251": "<p>Портовое управление во вторник сообщило, что два крана на северном причале снова работают.</p>"}[codec]
    head = "<html><head><script>" + "var setting = {'a': 1, 'b': [2, 3]};\n" * 2000 + "</script></head><body>"
    data = (head + text * 3 + "</body></html>").encode(codec)
    assert len(head) > 60_000
    decoded, _ = decode_html(data)
    assert text * 3 in decoded


LEGACY = {
    "pl": "Zarząd portu podał w środę, że żurawie na północnym nabrzeżu znów działają, a źródła finansowania "
          "remontu są jasne. Ćwiczenia załóg odbędą się w piątek.",
    "cs": "Správa přístavu ve středu oznámila, že oba jeřáby na severním nábřeží opět fungují. Šéf přístavu řekl, "
          "že žádné další zpoždění nečeká a ťukání do kolejí skončí.",
    "ro": "Administrația portului a anunțat miercuri că macaralele de pe cheiul de nord funcționează din nou. "
          "Ședința următoare va avea loc vineri, iar finanțarea este asigurată.",
    "lt": "Uosto direkcija trečiadienį pranešė, kad šiauriniame krantinėje esantys kranai vėl veikia. Jokia "
          "krovinių gabenimo šaka negali būti pamiršta, o finansavimo šaltiniai aiškūs.",
    "bg": "Пристанищната управа съобщи в сряда, че двата крана на северния кей отново работят.",
}


@pytest.mark.parametrize("lang, codec", [("pl", "iso8859_2"), ("pl", "cp1250"), ("cs", "iso8859_2"),
                                         ("cs", "cp1250"), ("ro", "iso8859_16"), ("lt", "cp1257"),
                                         ("lt", "iso8859_13"), ("bg", "koi8_r"), ("bg", "cp1251")])
def test_an_undeclared_legacy_charset_is_read_in_the_script_of_the_page_language(lang, codec):
    page = f"<html lang='{lang}'><head><title>Port</title></head><body><p>{LEGACY[lang]}</p></body></html>"
    decoded, found = decode_html(page.encode(codec))
    assert decoded == page, found


@pytest.mark.parametrize("lang", ["sr-Latn", "ru", "bg", "el"])
def test_a_latin_page_under_a_non_latin_language_stays_latin(lang):
    # a template's lang, or Serbian in its Latin script: the accented letters must not turn Cyrillic or Greek
    text = "Građani su zabrinuti zbog zatvaranja bolnice, rekao je gradonačelnik." if lang == "sr-Latn" \
        else "The harbour café raised its prices, and the cranes on the north quay run again."
    page = f"<html lang='{lang}'><head><title>Port</title></head><body><p>{text}</p><p>{text}</p></body></html>"
    decoded, found = decode_html(page.encode("cp1250"))
    assert decoded == page, found


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


def _nested_story(depth: int) -> str:
    """A story whose body comes after ``depth`` unclosed ``<span>`` tags (a template that never
    closes its wrappers)."""
    story = " ".join(f"Sentence {i} tells how the ferry to the outer islands kept its winter timetable." for i in range(60))
    return ('<html><head><title>Ferry timetable</title></head><body><article><h1>Ferry timetable</h1>'
            '<p class="lead">The lead of the ferry story.</p>' + '<span class="x">' * depth
            + f'<div class="story"><p>{story}</p></div></article></body></html>')


@pytest.mark.parametrize("depth", [250, 300, 500])
def test_a_body_nested_deeper_than_libxml2s_usual_limit_is_kept_whole(depth):
    from newsbot.extraction import extract_article

    record = extract_article(_nested_story(depth), "https://coast.example/ferry").record
    assert record["body"].startswith("The lead of the ferry story.") or record["body"].startswith("Sentence 0 ")
    assert record["body"].endswith("Sentence 59 tells how the ferry to the outer islands kept its winter timetable.")
    assert "partial" not in record["quality_flags"]


@pytest.mark.parametrize("depth", [600, 5000])
def test_a_body_nested_deeper_than_the_depth_read_is_cut_and_flagged(depth):
    from newsbot.extraction import extract_article
    from newsbot.extraction.page import MAX_DEPTH, Page

    page = Page(_nested_story(depth), "https://coast.example/ferry")
    assert max(len(list(el.iterancestors())) + 1 for el in page.tree.iter()) == MAX_DEPTH and page.cut
    record = extract_article(_nested_story(depth), "https://coast.example/ferry").record
    assert "Sentence 59" not in (record["body"] or "") and "partial" in record["quality_flags"]


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


@pytest.mark.parametrize("text, want", [
    ("Harbour cranes", "Harbour cranes"), ("Harbour\ncranes\t", "Harbour\ncranes\t"),
    ("Har\u200bbour\u00a0cranes", "Harbour\u00a0cranes"), ("\ufeffHarbour\x0b cranes\x7f", "Harbour cranes"),
    ("Harbour \ud83d cranes\n", "Harbour  cranes\n"), ("\u3000Hafen\u00adkräne", "\u3000Hafen\u00adkräne"),
])
def test_strip_control_removes_only_control_characters(text, want):
    from newsbot.extraction.text import strip_control

    assert strip_control(text) == want


@pytest.mark.parametrize("text", ["Harbour cranes\n", "Ha\x00rbour\x0b cra\x7fnes", "Hafen\u200bkräne\ufeff 😀",
                                  "\u200eΓερανοί\x01\u200f", "Harbour\u200c cranes"])
def test_control_characters_leave_utf8_bytes_as_they_leave_the_text(text):
    from newsbot.extraction.text import strip_control, strip_control_utf8

    assert strip_control_utf8(text.encode("utf-8"), text) == strip_control(text)


@pytest.mark.parametrize("markup", [
    "plain text", "<head>t<title>x</title>u</head>v", "<frameset>x</frameset>y", "<p>a<p>b<h1>c<p>d",
    "<b>x<p>y</b>z", "<table><b>x<tr>y", "x<!--c-->y<?pi?>z</p>w</p>", "<li>a<li>b<dd>c<dt>d",
    "<select><option>a<option>b</select>", "<html>t<head>u</head>w",
])
def test_the_parser_makes_no_more_nodes_than_the_bound_read_from_the_text(markup):
    from newsbot.extraction.page import Page, _nodes_at_most

    page = Page(markup.encode(), URL)
    assert 0 < page.size <= _nodes_at_most(page.text)


def test_the_rdfa_values_are_the_elements_giving_one_in_content_and_no_meta_tag():
    from newsbot.extraction.page import Page

    page = Page(b"<html><head><meta property='og:title' content='Cranes'></head><body>"
                b"<span property='dc:date dc:created' content='2026-02-12T09:30:00+01:00'>12/02/2026</span>"
                b"<span property='dc:title'>Cranes</span><div content='x'>no property</div></body></html>", URL)
    assert [el.text for el in page.rdfa_content] == ["12/02/2026"]
    assert page.rdfa_content is page.rdfa_content  # found once
    assert Page(b"<html><body><span content='2026-02-12'>12 February</span></body></html>", URL).rdfa_content == []


def test_the_names_are_every_class_itemprop_and_rel_value_read_with_the_whole_tree():
    from newsbot.extraction.page import Page

    page = Page(b"<html><head><link rel='canonical' href='/a'></head><body class='single post'>"
                b"<div id='wrap'><p class='byline' itemprop='author'>Ann</p>"
                b"<a rel='tag' href='/t'>Cranes</a></div></body></html>", URL)
    page.elements("a")
    assert page.names.split("\n") == ["canonical", "single post", "byline", "author", "tag"]
    body = page.tree.find("body")
    body.remove(body[0])  # a reader taking elements out after the first look-up
    assert "byline" in page.names
    assert Page(b"<html><body><p>no names</p></body></html>", URL).names == ""
