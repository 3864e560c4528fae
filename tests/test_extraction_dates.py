"""Generic extraction of the dates (:mod:`newsbot.extraction.dates`,
:mod:`newsbot.extraction.date_fields`): day-only dates completed from the same day, naive times
read in the page's offset or as UTC, a date given in UTC written in the page's local offset,
future dates rejected, a date nested in a web page node, a
missing date flagged, a printed time kept, a copyright year, a year or a month alone and an
impossible day never a date."""
from __future__ import annotations

import json
from datetime import date

import pytest

from support import dated_record as _dated, html_doc as _doc, paragraphs as _paras

from newsbot.extraction import extract_article


def test_day_only_date_takes_the_time_of_the_same_day():
    rec = _dated("<meta property='article:published_time' content='2024-03-05'>"
                 "<meta name='date' content='2024-03-05T09:30:00+01:00'>")
    assert rec["date_published"] == "2024-03-05T09:30:00+01:00"


def test_naive_time_is_read_in_the_offset_the_page_prints_elsewhere():
    rec = _dated("<script type='application/ld+json'>{\"@type\":\"NewsArticle\",\"datePublished\":"
                 "\"2024-03-05T09:30:00\",\"dateModified\":\"2024-03-05T11:00:00+01:00\"}</script>")
    assert rec["date_published"] == "2024-03-05T09:30:00+01:00"


def test_naive_time_without_any_page_offset_is_kept_as_utc():
    rec = _dated("<meta property='article:published_time' content='2024-03-05T09:30:00'>")
    assert rec["date_published"] == "2024-03-05T09:30:00+00:00"


def test_a_utc_date_is_written_in_the_local_offset_the_page_gives_the_same_instant_in():
    # a magazine theme: article:published_time in UTC, the printed <time> in the local offset
    head = ("<title>Nieuwe sluis in de haven</title>"
            "<meta property='article:published_time' content='2025-05-12T06:30:00+00:00'>")
    body = ("<article><h1>Nieuwe sluis in de haven</h1><div class='mag-meta-info'>Door Els de Vries "
            "<time class='entry-date' datetime='2025-05-12T08:30:00+02:00'>12 mei 2025</time></div>"
            f"{_paras(4)}</article>")
    rec = extract_article(_doc(head, body).encode(), "https://havenkrant.example.org/haven/nieuwe-sluis/").record
    assert rec["date_published"] == "2025-05-12T08:30:00+02:00"
    # a reader's comment at the same instant in another offset says nothing of the page's
    comment = ("<ol class='comment-list'><li class='comment'><time datetime='2025-05-12T01:30:00-05:00'>12 May"
               "</time><p>Finally.</p></li></ol>")
    body = body.replace("<time class='entry-date' datetime='2025-05-12T08:30:00+02:00'>12 mei 2025</time>", "")
    rec = extract_article(_doc(head, body + comment).encode(), "https://havenkrant.example.org/").record
    assert rec["date_published"] == "2025-05-12T06:30:00+00:00"


def test_a_related_storys_time_at_the_same_instant_gives_no_offset():
    head = ("<title>Nieuwe sluis in de haven</title>"
            "<meta property='article:published_time' content='2025-05-12T06:30:00+00:00'>")
    card = ("<div class='more'><div class='card'><a href='/haven/oude-sluis'>Oude sluis krijgt een nieuwe functie"
            "</a><time datetime='2025-05-12T01:30:00-05:00'>12 mei</time></div></div>")
    body = f"<article><h1>Nieuwe sluis in de haven</h1>{_paras(4)}{card}</article>"
    rec = extract_article(_doc(head, body).encode(), "https://havenkrant.example.org/haven/nieuwe-sluis/").record
    assert rec["date_published"] == "2025-05-12T06:30:00+00:00"
    # the article's own time beside its author's and its section's links still gives it
    own = "<time datetime='2025-05-12T08:30:00+02:00'>12 mei</time>"
    for meta in (f"<p class='meta'><a href='/auteur/els'>Els de Vries</a> · <a href='/haven'>Haven</a> · {own}</p>",
                 # an author box listing her other stories beside the article's time
                 f"<div class='author'><a href='/auteur/els'>Alle artikelen van Els de Vries</a>{own}<ul>"
                 "<li><a href='/haven/kraan'>Nieuwe kraan voor de containerkade</a></li></ul></div>",
                 # the headline linked to the article itself, the time beside it
                 f"<header><h1><a href='/haven/nieuwe-sluis/'>Nieuwe sluis in de haven</a></h1>{own}</header>",
                 # a link to the article's comments or a place of the page beside the time
                 f"<p class='meta'>{own} <a href='#reacties'>Praat mee: 14 reacties op dit artikel</a></p>",
                 f"<p class='meta'>{own} <a href='/haven/nieuwe-sluis/#comments'>Join the discussion (14)</a></p>",
                 f"<p class='meta'>{own} <a href='#boven'>Terug naar het begin van de pagina</a></p>"):
        body = f"<article><h1>Nieuwe sluis in de haven</h1>{meta}{_paras(4)}</article>"
        rec = extract_article(_doc(head, body).encode(), "https://havenkrant.example.org/haven/nieuwe-sluis/").record
        assert rec["date_published"] == "2025-05-12T08:30:00+02:00", meta


@pytest.mark.parametrize("utc, first, second, published", [
    # the morning the clocks go forward: a stale winter offset beside the summer one
    ("2025-03-30T01:30:00+00:00", "2025-03-30T02:30:00+01:00", "2025-03-30T03:30:00+02:00",
     "2025-03-30T03:30:00+02:00"),
    # the night they go back, before the change: summer time still
    ("2025-10-26T00:30:00+00:00", "2025-10-26T01:30:00+01:00", "2025-10-26T02:30:00+02:00",
     "2025-10-26T02:30:00+02:00"),
    # two offsets that are no summer time pair: the first the page gives
    ("2025-03-30T01:30:00+00:00", "2025-03-30T02:30:00+01:00", "2025-03-30T07:00:00+05:30",
     "2025-03-30T02:30:00+01:00"),
])
def test_of_two_local_offsets_of_one_instant_the_one_in_force_then_is_taken(utc, first, second, published):
    head = (f"<title>Nieuwe sluis in de haven</title><meta property='article:published_time' content='{utc}'>"
            f"<meta property='article:modified_time' content='{first}'>")
    body = (f"<article><h1>Nieuwe sluis in de haven</h1><time datetime='{second}'>30 maart</time>"
            f"{_paras(4)}</article>")
    html = _doc(head, body).replace("<html>", "<html lang='nl'>")
    rec = extract_article(html.encode(), "https://havenkrant.example.org/haven/nieuwe-sluis/").record
    assert rec["date_published"] == published


@pytest.mark.parametrize("lang, published", [
    # Helsinki's winter offset beside an agency's Central European one: no pair of Finland's zone
    ("fi", "2025-01-15T10:00:00+02:00"),
    # a page whose language spans zones: the first offset the page gives
    ("en", "2025-01-15T10:00:00+02:00"),
    # a Central European page: the pair's winter offset, in force in January
    ("de", "2025-01-15T09:00:00+01:00"),
])
def test_a_summer_time_pair_is_read_in_the_zone_of_the_pages_language(lang, published):
    head = ("<title>Uusi lautta</title><meta property='article:published_time' content='2025-01-15T08:00:00Z'>"
            "<meta property='article:modified_time' content='2025-01-15T10:00:00+02:00'>")
    body = ("<article><h1>Uusi lautta</h1><time datetime='2025-01-15T09:00:00+01:00'>15.1.</time>"
            f"{_paras(4)}</article>")
    html = _doc(head, body).replace("<html>", f"<html lang='{lang}'>")
    rec = extract_article(html.encode(), "https://lehti.example.fi/uutiset/uusi-lautta/").record
    assert rec["date_published"] == published


@pytest.mark.parametrize("other, published", [
    ("2024-03-05T10:30:00+01:00", "2024-03-05T10:30:00+01:00"),  # one instant: its local offset kept
    ("2024-03-05T11:30:00+01:00", "2024-03-05T09:30:00+00:00"),  # another instant (an update): UTC kept
    ("2024-03-05T09:30:00Z", "2024-03-05T09:30:00+00:00"),        # UTC again: nothing local to keep
])
def test_a_utc_date_takes_a_local_offset_only_from_the_same_instant(other, published):
    rec = _dated("<meta property='article:published_time' content='2024-03-05T09:30:00+00:00'>"
                 f"<script type='application/ld+json'>{{\"@type\":\"NewsArticle\",\"dateModified\":\"{other}\"}}</script>")
    assert rec["date_published"] == published


def test_future_date_is_rejected():
    rec = _dated("<meta property='article:published_time' content='2999-01-01T10:00:00+00:00'>"
                 "<meta name='pubdate' content='2024-03-05T09:30:00+01:00'>")
    assert rec["date_published"] == "2024-03-05T09:30:00+01:00"


def test_date_nested_in_a_web_page_node():
    ld = {"@context": "https://schema.org", "@type": "WebPage",
          "mainEntity": {"@type": "NewsArticle", "headline": "T", "datePublished": "2023-04-28T18:16:04+0200"}}
    rec = _dated(f"<script type='application/ld+json'>{json.dumps(ld)}</script>")
    assert rec["date_published"] == "2023-04-28T18:16:04+02:00"


def test_missing_date_is_flagged():
    rec = extract_article(_doc("<title>T</title>", _paras(4)), "https://news.example.org/story").record
    assert rec["date_published"] is None
    assert rec["quality_flags"] == ["no_date"]


HARBOUR = "https://news.example.org/hafen/kraene"  # no date in the address


@pytest.mark.parametrize("printed, want", [
    ("<p class='date'>14. Mai 2024, 16:45 Uhr</p>", "2024-05-14T16:45:00+00:00"),
    ("<div class='meta'>Veröffentlicht am 14.05.2024 um 16.45 Uhr</div>", "2024-05-14T16:45:00+00:00"),
    ("<span class='posted-on'>May 14, 2024 4:45 pm</span>", "2024-05-14T16:45:00+00:00"),
    ("<time>14/05/2024 16h45</time>", "2024-05-14T16:45:00+00:00"),
    ("<p class='date'>Publié le 14/05/2024 à 16 h 45</p>", "2024-05-14T16:45:00+00:00"),
    ("<p class='date'>14/05/2024 à 16\u202fh\u202f45</p>", "2024-05-14T16:45:00+00:00"),
    ("<p class='date'>14.5.2024 klo 16.45</p>", "2024-05-14T16:45:00+00:00"),
    ("<span class='date'>tirsdag 14.05.2024 kl. 9.05</span>", "2024-05-14T09:05:00+00:00"),
    ("<p class='date'>14.05.2024, godz. 9.05</p>", "2024-05-14T09:05:00+00:00"),
    ("<p class='date'>14.5.2024 ob 9.05</p>", "2024-05-14T09:05:00+00:00"),
    ("<p class='date'>May 14, 2024 4.45pm</p>", "2024-05-14T16:45:00+00:00"),
    ("<p class='date'>14 May 2024, 16:45 CEST</p>", "2024-05-14T16:45:00+02:00"),
    ("<p class='date'>14 May 2024, 15:45 BST</p>", "2024-05-14T15:45:00+01:00"),
    # the word for "at" of each language before a dotted time, and the word after it
    ("<p class='date'>14. mai 2024 kell 16.45</p>", "2024-05-14T16:45:00+00:00"),
    ("<p class='date'>14.05.2024 om 16.45 uur</p>", "2024-05-14T16:45:00+00:00"),
    ("<p class='date'>14.05.2024, 16.45 uur</p>", "2024-05-14T16:45:00+00:00"),
    ("<p class='date'>14.05.2024 o godz. 16.45</p>", "2024-05-14T16:45:00+00:00"),
    ("<p class='date'>14.05.2024. u 16.45</p>", "2024-05-14T16:45:00+00:00"),
    ("<p class='date'>14.05.2024 στις 16.45</p>", "2024-05-14T16:45:00+00:00"),
    ("<p class='date'>14.05.2024 в 16.45 ч.</p>", "2024-05-14T16:45:00+00:00"),
    ("<p class='date'>14/05/2024 a las 16.45 h</p>", "2024-05-14T16:45:00+00:00"),
    ("<p class='date'>14. 5. 2024 16.45 hod.</p>", "2024-05-14T16:45:00+00:00"),
    # a dotted time right after the day, no word between (Finnish without "klo")
    ("<p class='date'>14.5.2024 16.45</p>", "2024-05-14T16:45:00+00:00"),
])
def test_a_printed_time_is_kept(printed, want):
    html = _doc("<title>Neue Kräne im Hafen</title>",
                f"<article><h1>Neue Kräne im Hafen</h1>{printed}{_paras(4)}</article>")
    rec = extract_article(html.encode(), HARBOUR).record
    assert rec["date_published"] == want
    # a time printed with no zone, on a page with no other offset and no portal zone, is read as UTC
    assert rec["quality_flags"] == (["offset_assumed"] if want.endswith("+00:00") else [])


@pytest.mark.parametrize("printed", [
    # a time in another part of the date line, after a separator and another label, is that label's
    "<p class='date'>Vydáno 14.05.2024 | upraveno v 16.45</p>",
    "<p class='date'>Vydáno 14.05.2024 | upraveno 16:45</p>",
    # a time after words of another sense is another event's (a match's kick-off)
    "<p class='date'>Geplaatst 14 mei 2024 · wedstrijd zondag om 16.45 uur</p>",
    "<p class='date'>14 May 2024 - the ferry leaves tomorrow at 16:45</p>",
])
def test_a_time_in_another_part_of_the_date_line_is_not_the_days(printed):
    html = _doc("<title>Neue Kräne im Hafen</title>",
                f"<article><h1>Neue Kräne im Hafen</h1>{printed}{_paras(4)}</article>")
    assert extract_article(html.encode(), HARBOUR).record["date_published"] == "2024-05-14T00:00:00+00:00"


@pytest.mark.parametrize("printed, want", [
    # right after the day: short words, a separator with nothing after it but the time
    ("<p class='date'>Publicado el 14.05.2024, a las 16:45</p>", "2024-05-14T16:45:00+00:00"),
    ("<p class='date'>14.05.2024 | 16:45</p>", "2024-05-14T16:45:00+00:00"),
    # a time before the day
    ("<p class='date'>16:45 · 14 May 2024</p>", "2024-05-14T16:45:00+00:00"),
])
def test_a_time_right_beside_the_day_is_kept(printed, want):
    html = _doc("<title>Neue Kräne im Hafen</title>",
                f"<article><h1>Neue Kräne im Hafen</h1>{printed}{_paras(4)}</article>")
    assert extract_article(html.encode(), HARBOUR).record["date_published"] == want


@pytest.mark.parametrize("clock, want", [
    ("3:25 pm", "15:25"), ("3.25pm", "15:25"), ("3:25 p.m.", "15:25"), ("3:25 PM", "15:25"),
    ("12:10 am", "00:10"), ("12:40 pm", "12:40"), ("9:05 am", "09:05"),
    ("3:25", "03:25"),  # no half of the day printed: the morning, as written
])
def test_a_twelve_hour_clock_after_an_iso_day_keeps_its_half_of_the_day(clock, want):
    # htmldate reads "2026-01-14 3:25 pm" as 03:25; the date element's clock says which half
    html = _doc("<title>Neue Kräne im Hafen</title>",
                f"<article><h1>Neue Kräne im Hafen</h1><p class='date'>Posted on 2026-01-14 at {clock}</p>"
                f"{_paras(4)}</article>")
    assert extract_article(html.encode(), HARBOUR).record["date_published"] == f"2026-01-14T{want}:00+00:00"


def test_another_clock_of_the_day_does_not_move_htmldates_time():
    # the update's afternoon time is another minute: htmldate's morning time of the day stands
    html = _doc("<title>Neue Kräne im Hafen</title>",
                "<article><h1>Neue Kräne im Hafen</h1><p class='date'>2026-01-14 3:25</p>"
                f"<p class='updated'>Updated 14 January 2026, 3:40 pm</p>{_paras(4)}</article>")
    assert extract_article(html.encode(), HARBOUR).record["date_published"] == "2026-01-14T03:25:00+00:00"


@pytest.mark.parametrize("printed", [
    "14.5.2024 · jakso 3.12",  # a number printed further on, after a word: no time of day
    "14.05.2024 · tarief 16.45 uurloon",  # a word that merely begins with a time's unit
])
def test_a_dotted_number_that_is_no_time_of_day_leaves_the_day_alone(printed):
    html = _doc("<title>T</title>", f"<article><h1>T</h1><p class='date'>{printed}</p>{_paras(4)}</article>")
    rec = extract_article(html.encode(), HARBOUR).record
    assert rec["date_published"] == "2024-05-14T00:00:00+00:00" and rec["quality_flags"] == ["day_only"]


def test_a_printed_day_without_a_time_stays_a_day():
    html = _doc("<title>T</title>", f"<article><h1>T</h1><p class='date'>14. Mai 2024</p>{_paras(4)}</article>")
    rec = extract_article(html.encode(), HARBOUR).record
    assert rec["date_published"] == "2024-05-14T00:00:00+00:00" and rec["quality_flags"] == ["day_only"]


@pytest.mark.parametrize("footer", ["© 2023 Hafenblatt. Alle Rechte vorbehalten.", "Copyright 2019-2023 Harbour News",
                                    "(c) 2023 Harbour News Ltd"])
def test_a_copyright_year_is_no_date(footer):
    html = _doc("<title>T</title>", f"<article><h1>T</h1>{_paras(4)}</article><footer><p>{footer}</p></footer>")
    rec = extract_article(html.encode(), HARBOUR).record
    assert rec["date_published"] is None
    assert rec["quality_flags"] == ["no_date"]


@pytest.mark.parametrize("head, text", [
    ("", "The treaty, signed in 1995, is being revised by the member states this spring."),
    ("", "There were 2001 delegates in the hall when the vote on the harbour budget was called."),
    ("<meta property='article:published_time' content='2025-04-31T10:00:00+02:00'>", "Cranes return."),
    ("", "<time datetime='2025-02-31'>the last day</time> of the consultation."),
    ("", "Posted on 29 February 2023 by the harbour office."),
    ("", "The March 2025 report of the harbour office is out."),
    ("", "Publié le 1er avril 2025."),  # htmldate reads the year alone: 1 January is not the day printed
    ("", "Közzétéve: 2025. április 1."),
])
def test_a_year_or_month_alone_or_an_impossible_day_is_no_date(head, text):
    html = _doc(f"<title>Harbour cranes</title>{head}",
                f"<article><h1>Harbour cranes</h1><p>{text}</p>{_paras(4)}</article>")
    rec = extract_article(html.encode(), "https://news.example.org/world/harbour-cranes").record
    assert rec["date_published"] is None
    assert rec["quality_flags"] == ["no_date"]


@pytest.mark.parametrize("printed", [
    "1 April 2025", "1. April 2025", "April 1, 2025", "01.04.2025", "2025-04-01",
    # printed in the markup only, where htmldate reads it too
    "<abbr class='published' title='2025-04-01'>three days ago</abbr>", "<!-- published 2025-04-01 -->",
    "<img src='/uploads/2025/04/01/cranes.jpg' alt=''>",
])
def test_a_first_of_the_month_the_page_prints_is_a_date(printed):
    html = _doc("<title>Harbour cranes</title>",
                f"<article><h1>Harbour cranes</h1><p class='meta'>Published {printed}</p>{_paras(4)}</article>")
    rec = extract_article(html.encode(), "https://news.example.org/world/harbour-cranes").record
    assert rec["date_published"] == "2025-04-01T00:00:00+00:00"
    assert rec["quality_flags"] == ["day_only"]


@pytest.mark.parametrize("cls, ident, named", [
    ("Article-Meta", None, True), ("pubDate", None, True), (None, "TIMESTAMP-1", True),
    ("Veröffentlichungsdatum", None, True), ("headline big", "story-12", False), (None, None, False),
])
def test_a_class_or_id_names_a_date_in_any_case(cls, ident, named):
    from newsbot.extraction.date_fields import _DATE_WORDS, _names_date

    assert all(w.isalpha() and w.islower() for w in _DATE_WORDS)  # a plain alternation of words
    assert _names_date(cls, ident) is named



@pytest.mark.parametrize("lang, printed, want", [
    ("fr", "1er mars 2025", "2025-03-01"), ("it", "1 marzo 2025", "2025-03-01"), ("pl", "1. marca 2025", "2025-03-01"),
    ("hu", "2025. március 1.", "2025-03-01"), ("es", "1 de marzo de 2025", "2025-03-01"),
    ("cs", "1. března 2025", "2025-03-01"), ("el", "1 Μαρτίου 2025", "2025-03-01"), ("nl", "12 maart 2025", "2025-03-12"),
    ("hr", "1. ožujka 2025.", "2025-03-01"), (None, "1 de marzo de 2025", "2025-03-01"),
    ("lv", "2025. gada 12. marts", "2025-03-12"), ("mt", "12 ta' Marzu 2025", "2025-03-12"),
    ("sl", "12. 3. 2025", "2025-03-12"),
    ("sl-SI", "2. Avgusta 2025", "2025-08-02"),  # the genitive, which dateparser's Slovenian lacks
    ("lv", "2025. gada 7. aprīlī", "2025-04-07"),  # the locative and the genitive, which its Latvian lacks
    ("lv", "7. aprīļa 2025", "2025-04-07"),
    ("et", "7. aprillil 2025", "2025-04-07"),  # the adessive, which its Estonian lacks
])
def test_a_day_printed_with_its_month_name_in_any_language_is_the_date(lang, printed, want):
    # where htmldate finds no date (1 de marzo de 2025), the date element's text is read by dateparser in the
    # page's language (in every language it knows when the page names none and its text is too short to tell)
    head = f"<meta http-equiv='content-language' content='{lang}'>" if lang else ""
    html = _doc(f"<title>Harbour cranes</title>{head}",
                f"<article><h1>Harbour cranes</h1><p class='date'>{printed}</p></article>")
    rec = extract_article(html.encode(), "https://news.example.org/world/harbour-cranes").record
    assert rec["date_published"] == f"{want}T00:00:00+00:00"
    assert rec["quality_flags"] == ["day_only"]


@pytest.mark.parametrize("lang, line, want", [
    ("sl", "Objavljeno: 13. marca 2025 ob 10.05", "2025-03-13T10:05:00+00:00"),  # the month in the genitive
    ("sl", "Maja Horvat · 2. septembra 2025 ob 9.30", "2025-09-02T09:30:00+00:00"),
    ("lt", "Paskelbta: 2025 m. kovo 12 d. 11:20", "2025-03-12T11:20:00+00:00"),  # year first, "m." and "d."
])
def test_a_long_form_htmldate_does_not_read_is_read_in_the_pages_language(lang, line, want):
    head = f"<meta http-equiv='content-language' content='{lang}'>"
    html = _doc(f"<title>Harbour cranes</title>{head}",
                f"<article><h1>Harbour cranes</h1><p class='date'>{line}</p></article>")
    rec = extract_article(html.encode(), "https://news.example.org/world/harbour-cranes").record
    assert rec["date_published"] == want


@pytest.mark.parametrize("line, want", [
    # htmldate reads a date element's text cut to its first 52 characters: "… 04.03.20" would be 2020
    ("Foto: dpa/Kai Brenner · Von Mara Lindqvist und Tom Okafor · 04.03.2025", "2025-03-04"),
    ("Photo: Kai Brenner for the Harbour Gazette · By Mara Lindqvist · 4 March 2025", "2025-03-04"),
    ("Von Mara Lindqvist · 04.03.2025", "2025-03-04"),  # within the cut: htmldate's
])
def test_a_day_printed_late_in_a_long_date_line_is_the_date(line, want):
    html = _doc("<title>Harbour cranes</title>",
                f"<article><h1>Harbour cranes</h1><p class='meta'>{line}</p>{_paras(3)}</article>")
    rec = extract_article(html.encode(), "https://news.example.org/world/harbour-cranes").record
    assert rec["date_published"] == f"{want}T00:00:00+00:00"
    assert rec["quality_flags"] == ["day_only"]


@pytest.mark.parametrize("value, want, has_time", [
    ("Tue, 04/08/2025 - 07:45", "2025-04-08T07:45:00+00:00", True),          # Drupal's default: month first
    ("08.04.2025 07:45", "2025-04-08T07:45:00+00:00", True),
    ("2025-04-08 07:45:00 CET", "2025-04-08T07:45:00+01:00", True),
    ("8 Apr 2025 07:45:00 EEST", "2025-04-08T07:45:00+03:00", True),
    ("2025-04-08T07:45:00 BST", "2025-04-08T07:45:00+01:00", True),
    ("2025-04-08T07:45:00+02:00[Europe/Berlin]", "2025-04-08T07:45:00+02:00", True),
    ("2025-04-08T07:45:00[Europe/Lisbon]", "2025-04-08T07:45:00+01:00", True),
    ("20250408T074500+0200", "2025-04-08T07:45:00+02:00", True),
    ("2025-04-08 7:45 pm", "2025-04-08T19:45:00+00:00", True),
])
def test_meta_date_forms_keep_their_time_and_zone(value, want, has_time):
    from newsbot.extraction.dates import iso, parse_date

    parsed = parse_date(value)
    assert iso(parsed.value) == want
    assert parsed.has_time is has_time


def test_a_compact_iso_date_is_not_flagged_day_only():
    rec = _dated("<meta property='article:published_time' content='20250408T074500+0200'>")
    assert rec["date_published"] == "2025-04-08T07:45:00+02:00"
    assert rec["quality_flags"] == []


def _page(body: str, head: str = "") -> dict:
    html = _doc(f"<title>Harbour cranes</title>{head}", f"{body}")
    return extract_article(html.encode(), "https://news.example.org/world/harbour-cranes").record


def test_an_update_time_printed_before_the_publication_time_is_the_modification():
    # GeneratePress prints the hAtom "updated" time first, both with microdata
    rec = _page("<article itemscope itemtype='https://schema.org/CreativeWork'><h1>Harbour cranes</h1>"
                "<span class='posted-on'><time class='updated' datetime='2025-04-09T17:05:00+02:00' "
                "itemprop='dateModified'>9 April</time><time class='entry-date published' "
                "datetime='2025-04-08T07:45:00+02:00' itemprop='datePublished'>8 April</time></span>"
                f"{_paras(4)}</article>")
    assert rec["date_published"] == "2025-04-08T07:45:00+02:00"
    assert rec["date_modified"] == "2025-04-09T17:05:00+02:00"


def test_a_blogger_abbr_gives_its_date_with_its_offset():
    rec = _page("<div class='post' itemscope itemtype='http://schema.org/BlogPosting'><h1>Harbour cranes</h1>"
                "<abbr class='published' itemprop='datePublished' title='2025-04-08T07:45:00+03:00'>07:45</abbr>"
                f"{_paras(4)}</div>")
    assert rec["date_published"] == "2025-04-08T07:45:00+03:00"


def test_a_teaser_time_in_a_sidebar_is_not_the_article_date():
    rec = _page("<aside><a href='/other'>Ferry strike</a> <time datetime='2025-04-01T10:00:00+02:00'>1.4.</time></aside>"
                "<main><article><h1>Harbour cranes</h1><time datetime='2025-04-08T07:45:00+02:00'>8.4.2025</time>"
                f"{_paras(4)}</article></main>")
    assert rec["date_published"] == "2025-04-08T07:45:00+02:00"


def test_a_review_date_in_microdata_is_not_the_article_date():
    rec = _page("<article><h1>Harbour cranes</h1><p class='date'>8 April 2025, 07:45</p>"
                f"{_paras(4)}<div itemscope itemtype='https://schema.org/Review'>"
                "<span itemprop='datePublished' content='2025-04-02 11:00:00'></span><p>Nice cranes.</p></div></article>")
    assert rec["date_published"] == "2025-04-08T07:45:00+00:00"


def test_an_update_printed_before_the_creation_does_not_date_the_article():
    rec = _page("<main><article><h1>Harbour cranes</h1><div class='article-dates'>"
                "<span class='date-modified'>Aktualisiert am 09.04.2025, 17:05 Uhr</span> · "
                "<span class='date-published'>Erstellt am 08.04.2025, 07:45 Uhr</span></div>"
                f"{_paras(4)}</article></main>")
    assert rec["date_published"] == "2025-04-08T07:45:00+00:00"
    assert rec["quality_flags"] == ["offset_assumed"]  # a time, in no zone the page names


@pytest.mark.parametrize("line", [
    "<p class='meta'>Veröffentlicht am 8. April 2025 um 07:45 Uhr</p>",
    "<div class='news-list-date'>08.04.2025 um 07:45</div>",
    "<p class='byline'>Published on 8 April 2025 at 07:45</p>",
])
def test_a_modification_meta_tag_is_not_the_publication_of_a_page_printing_its_date(line):
    # the head names only the update: its text's date line is the publication
    rec = _page(f"<main><article><h1>Harbour cranes</h1>{line}{_paras(4)}</article></main>",
                "<meta property='article:modified_time' content='2025-04-09T17:05:00+02:00'>")
    assert rec["date_published"] == "2025-04-08T07:45:00+02:00"
    assert rec["date_modified"] == "2025-04-09T17:05:00+02:00"


def test_a_modification_meta_tag_dates_a_page_that_prints_no_date():
    rec = _page(f"<main><article><h1>Harbour cranes</h1>{_paras(4)}</article></main>",
                "<meta property='og:updated_time' content='2025-04-09T17:05:00+02:00'>")
    assert rec["date_published"] == "2025-04-09T17:05:00+02:00"


def test_a_live_blog_without_structured_dates_is_dated_by_its_first_entry():
    entries = "".join(f"<div class='entry'><time datetime='2025-04-08T{h}:00:00+02:00'>{h}:00</time>"
                      f"<p>Update at {h} o'clock on the cranes being unloaded at the harbour quay today.</p></div>"
                      for h in ("16", "14", "11", "09"))
    rec = _page(f"<main><article><h1>Harbour cranes: the day as it happened</h1>{entries}</article></main>")
    assert rec["date_published"] == "2025-04-08T09:00:00+02:00"


def test_teasers_listed_newest_first_below_the_article_do_not_date_it():
    # newest first within a day, as a live blog's entries: the links tell them apart
    teasers = "".join(f"<li><a href='/story-{h}'><time datetime='2025-04-07T{h}:00:00+02:00'>{h}:00</time>"
                      f"Other story {h}</a></li>" for h in (22, 18, 10))
    rec = _page(f"<article><h1>Harbour cranes</h1><time datetime='2025-04-08T07:45:00+02:00'>8.4.2025</time>"
                f"{_paras(4)}<ul>{teasers}</ul></article>")
    assert rec["date_published"] == "2025-04-08T07:45:00+02:00"


@pytest.mark.parametrize("source, short_year, printed", [
    ("on 2025-04-01 at noon", False, True), ("2025 / 4 / 1", False, True), ("2025年4月1日", False, True),
    ("Stand: 01.04.2025", False, True), ("1. 4. 2025,", False, True), ("4/1/2025", False, True),
    ("04 / 01 / 2025", False, True), ("01.04.25", True, True),
    ("01.04.25", False, False),  # a year of two digits only where asked for
    ("11.04.2025", False, False), ("01.04.20250", False, False), ("101.04.2025", False, False),
    ("2025-04-011", False, False), ("12025-04-01", False, False), ("01.14.2025", False, False),
    ("4/1/2024", False, False), ("2025-04-10", False, False),
])
def test_the_first_of_a_month_in_digits(source, short_year, printed):
    from newsbot.extraction.date_fields import _first_in_digits

    assert _first_in_digits(source, "2025", 4, short_year) is printed


POSTED = "<span class='posted-on'>{}</span>"
COMMENT = ("<div id='comments' class='comments-area'><ol class='comment-list'>"
           "<li class='comment depth-1' id='comment-7'><article class='comment-body'><footer class='comment-meta'><b class='fn'>Harbour fan</b>"
           "<div class='comment-metadata'><a href='#comment-7'><time datetime='2025-04-20T08:10:00+02:00'>"
           "20 April 2025 at 8:10</time></a></div></footer><div class='comment-content'><p>The cranes look "
           "great from the ferry, but the noise at night is hard to bear for us on the quay.</p></div>"
           "</article></li></ol></div>")


COMMENT_SECTION = ("<section id='comments'><div><footer><time datetime='2025-04-20T08:10:00+02:00'>20 April</time>"
                   "</footer><p>Nice cranes.</p></div></section>")
COMMENT_MICRODATA = ("<div itemprop='comment' itemscope itemtype='https://schema.org/Comment'>"
                     "<time datetime='2025-04-20T08:10:00+02:00'>20 April</time><p>Nice cranes.</p></div>")


@pytest.mark.parametrize("lang, printed, inside, after", [
    # WordPress's comment markup after the article: each comment its own <article> with its own <footer>
    ("en", "8 April 2025, 07:45", "", COMMENT),
    # a comment list in the article's own <article>, each comment no article and no class naming it one
    ("en", "8 April 2025, 07:45", COMMENT_SECTION, ""),
    ("en", "8 April 2025, 07:45", COMMENT_MICRODATA, ""),  # schema.org microdata only
    # a day htmldate does not read (Lithuanian): the comment's time is not htmldate's date either
    ("lt", "2025 m. balandžio 8 d. 07:45", "", COMMENT),
])
def test_a_reader_comments_time_does_not_date_the_article(lang, printed, inside, after):
    # the article's own date is printed as text alone; the comments' times are <time datetime>
    text = _paras(4) if lang == "en" else ""  # the page's language, not contradicted by English text
    rec = _page(f"<main><article><h1>Harbour cranes</h1>{POSTED.format(printed)}{text}{inside}</article>"
                f"{after}</main>", f"<meta http-equiv='content-language' content='{lang}'>")
    # the time the article prints, in the offset the page prints with its other dates
    assert rec["date_published"] == "2025-04-08T07:45:00+02:00"


def test_a_reader_comments_time_is_not_the_time_of_the_articles_day():
    # the article prints its day alone: a comment's time printed on that day is not the article's
    comment = COMMENT.replace("<time datetime='2025-04-20T08:10:00+02:00'>", "<span>").replace("</time>", "</span>")
    rec = _page(f"<main><article><h1>Harbour cranes</h1>{POSTED.format('20 April 2025')}{_paras(4)}</article>"
                f"{comment}</main>")
    assert rec["date_published"] == "2025-04-20T00:00:00+00:00"
    assert rec["quality_flags"] == ["day_only"]


@pytest.mark.parametrize("lang, updated, created", [
    ("hu", "Frissítve: 2025. április 9. 17:05", "Létrehozva: 2025. április 8. 07:45"),
    ("ro", "Actualizat: 9 aprilie 2025, 17:05", "Publicat: 8 aprilie 2025, 07:45"),
])
def test_an_update_printed_first_in_a_language_htmldate_does_not_read_is_not_the_publication(lang, updated, created):
    # htmldate reads the year alone without the update (rejected) and the update in digits with it: the
    # publication day is read in the page's language before the update is looked at again
    rec = _page(f"<main><article><h1>Harbour cranes</h1><div class='article-dates'><span class='updated'>{updated}"
                f"</span> · <span class='published'>{created}</span></div></article></main>",
                f"<meta http-equiv='content-language' content='{lang}'>")
    assert rec["date_published"] == "2025-04-08T07:45:00+00:00"


def test_drupal_submitted_line_dates_the_article_and_its_comments_do_not():
    # Drupal's node template prints "Submitted by … on …" in div.submitted; its comments print theirs too
    article = ("<article class='node'><h1>Nieuwe kranen in de haven</h1>"
               "<p class='submitted'>Gepubliceerd door Eva Jansen op 11 maart 2025 om 16:20</p>"
               "<p>De twee kranen die in de storm werden neergehaald, staan sinds deze week weer op de kade.</p>"
               "<p>Havenarbeiders hebben een maand lang containers met de hand verplaatst, terwijl de nieuwe "
               "motoren uit het noorden werden verscheept.</p>"
               "<p>Het havenbedrijf verwacht dat het verkeer voor het zomerseizoen weer het niveau van vorig jaar "
               "haalt, zo liet een woordvoerder weten.</p>"
               "<p>De gemeente onderzoekt intussen of de kade zelf versterkt moet worden tegen nieuwe stormen.</p>"
               "</article>"
               "<section id='comments'><div class='comment'><div class='submitted'>Piet op 17 maart 2025 om 08:31"
               "</div><p>Eindelijk, dat werd tijd.</p></div></section>")
    rec = extract_article(_doc("<title>Nieuwe kranen in de haven</title>", article).encode(),
                          HARBOUR).record
    assert rec["date_published"] == "2025-03-11T16:20:00+00:00"


@pytest.mark.parametrize("lang, line", [
    # one element, the update first
    ("de", "<p class='date'>Aktualisiert am 09.04.2025, 17:05 Uhr · Erstellt am 08.04.2025, 07:45 Uhr</p>"),
    ("en", "<p class='meta'>Updated 9 April 2025, 17:05 | Published 8 April 2025, 07:45</p>"),
    ("pl", "<p class='date'>Aktualizacja: 09.04.2025, 17:05 · Opublikowano: 08.04.2025, 07:45</p>"),
    ("el", "<p class='date'>Ενημερώθηκε: 09.04.2025, 17:05 · Δημοσιεύθηκε: 08.04.2025, 07:45</p>"),
    ("it", "<p class='data'>Aggiornato il 9 aprile 2025 alle 17:05 - Pubblicato l'8 aprile 2025 alle 07:45</p>"),
    # one element, the creation first
    ("nl", "<span class='datum'>Gepubliceerd op 8 april 2025 om 07:45, bijgewerkt op 9 april 2025 om 17:05</span>"),
    # spans without a class, in an element named for the dates
    ("de", "<div class='article-dates'><span>Aktualisiert am 09.04.2025, 17:05 Uhr</span> · "
           "<span>Erstellt am 08.04.2025, 07:45 Uhr</span></div>"),
    ("fr", "<div class='dates'><span>Mis à jour le 9 avril 2025 à 17h05</span> "
           "<span>Publié le 8 avril 2025 à 07h45</span></div>"),
    ("sv", "<div class='byline-date'><span>Publicerad 8 april 2025 kl. 07.45</span> "
           "<span>Uppdaterad 9 april 2025 kl. 17.05</span></div>"),
    # Latvian prints the month in the locative ("aprīlī", in April)
    ("lv", "<p class='date'>Atjaunots: 2025. gada 9. aprīlī, 17:05. Publicēts: 2025. gada 8. aprīlī, 07:45</p>"),
    ("lv", "<div class='meta'>Publicēts 2025. gada 8. aprīlī plkst. 07:45 | Labots 2025. gada 9. aprīlī "
           "plkst. 17:05</div>"),
    # digits with slashes, day first; Hungarian "Megjelent" (appeared)
    ("es", "<div class='article-meta'><span>Actualizado 09/04/2025 17:05</span> · "
           "<span>Publicado 08/04/2025 07:45</span></div>"),
    ("hu", "<p class='date'>Frissítve: 2025. április 9. 17:05 Megjelent: 2025. április 8. 07:45</p>"),
])
def test_the_words_of_a_date_line_tell_the_update_from_the_creation(lang, line):
    text = _paras(4) if lang == "en" else ""  # the page's language, not contradicted by English text
    rec = _page(f"<main><article><h1>Harbour cranes</h1>{line}{text}</article></main>",
                f"<meta http-equiv='content-language' content='{lang}'>")
    assert rec["date_published"] == "2025-04-08T07:45:00+00:00"
    assert rec["date_modified"] == "2025-04-09T17:05:00+00:00"


def test_slashed_digits_an_english_page_could_read_either_way_name_no_labelled_day():
    # 04/09/2025 is 4 September in London, 9 April in New York: the words do not decide
    from newsbot.extraction.date_fields import _SLASHED_DAY, _day_of

    assert _day_of(_SLASHED_DAY.search("Updated 04/09/2025 17:05"), "en") is None
    assert str(_day_of(_SLASHED_DAY.search("Updated 04/29/2025 17:05"), "en")) == "2025-04-29"
    assert str(_day_of(_SLASHED_DAY.search("Actualizado 04/09/2025"), "es")) == "2025-09-04"


@pytest.mark.parametrize("tag, want", [
    ("en-GB", "2025-09-04"), ("en-IE", "2025-09-04"), ("en_au", "2025-09-04"),  # regions writing the day first
    ("en-US", None), ("en", None),  # the false friends: month first, or not told
])
def test_slashed_digits_on_a_page_of_a_day_first_english_region_read_the_day_first(tag, want):
    from newsbot.extraction.date_fields import _SLASHED_DAY, _day_of

    day = _day_of(_SLASHED_DAY.search("Published 04/09/2025 17:05"), tag)
    assert (str(day) if day else None) == want


def test_an_en_gb_date_line_of_slashed_days_tells_the_update_from_the_creation():
    line = "<p class='date'>Updated 09/04/2025 17:05 · Published 08/04/2025 07:45</p>"
    html = _doc("<title>Harbour cranes</title>", f"<main><article><h1>Harbour cranes</h1>{line}{_paras(4)}"
                "</article></main>").replace("<html>", "<html lang='en-GB'>")
    rec = extract_article(html.encode(), HARBOUR).record
    assert rec["date_published"] == "2025-04-08T07:45:00+00:00"
    assert rec["date_modified"] == "2025-04-09T17:05:00+00:00"


def test_an_update_on_the_day_of_the_creation_keeps_each_its_own_time():
    rec = _page("<main><article><h1>Harbour cranes</h1><p class='date'>Aktualisiert am 08.04.2025, 17:05 Uhr · "
                "Erstellt am 08.04.2025, 07:45 Uhr</p></article></main>",
                "<meta http-equiv='content-language' content='de'>")
    assert (rec["date_published"], rec["date_modified"]) == ("2025-04-08T07:45:00+00:00", "2025-04-08T17:05:00+00:00")


def test_a_printed_update_dates_the_modification_the_markup_does_not_name():
    # the publication from the meta tag; its offset for the printed update time
    head = "<meta property='article:published_time' content='2025-04-08T07:45:00+02:00'>"
    rec = _page(f"<main><article><h1>Harbour cranes</h1><p class='date'>Updated on 9 April 2025 at 17:05</p>"
                f"{_paras(4)}</article></main>", head)
    assert (rec["date_published"], rec["date_modified"]) == ("2025-04-08T07:45:00+02:00", "2025-04-09T17:05:00+02:00")
    marked = head + "<meta property='article:modified_time' content='2025-04-10T08:00:00+02:00'>"
    rec = _page(f"<main><article><h1>Harbour cranes</h1><p class='date'>Updated on 9 April 2025 at 17:05</p>"
                f"{_paras(4)}</article></main>", marked)
    assert rec["date_modified"] == "2025-04-10T08:00:00+02:00"  # the markup's own, before the printed one


def test_a_word_far_from_the_day_names_no_update():
    # "posted" and "updated" name no day within reach: htmldate's reading stands, and no modification
    rec = _page("<main><article><h1>Harbour cranes</h1><p class='date'>Posted in the harbour section of the "
                "newspaper · updated whenever the port authority sends its new figures · 08.04.2025</p>"
                f"{_paras(4)}</article></main>")
    assert rec["date_published"].startswith("2025-04-08")
    assert rec["date_modified"] is None


@pytest.mark.parametrize("article_class, wrapper_class", [
    ("post type-post category-comment", "site"),  # WordPress's post class for an opinion category
    ("commentary", "site"), ("post", "site has-comments"), ("post", "discussion-paper"),
    ("post", "layout comments-enabled"),
])
def test_a_name_that_merely_holds_a_comment_word_is_no_comment(article_class, wrapper_class):
    body = (f"<div class='{wrapper_class}'><article class='{article_class}'><h1>Harbour cranes return</h1>"
            "<p class='byline'>By Mara Lind, <time datetime='2025-03-04T10:15:00+01:00'>4 March 2025</time></p>"
            f"{_paras(4)}</article></div>")
    rec = extract_article(_doc("<title>Harbour cranes return</title>", body).encode(), HARBOUR).record
    assert rec["date_published"] == "2025-03-04T10:15:00+01:00"


def test_htmldates_free_text_search_reads_the_pages_language_and_english_only():
    from htmldate import extractors

    from newsbot.extraction.date_fields import _free_text_in

    own = extractors.get_external_parser
    with _free_text_in("bg-BG"):
        assert sorted(extractors.get_external_parser().languages) == ["bg", "en"]
        assert str(extractors._external_date("12 март 2025")) == "2025-03-12 00:00:00"
        assert str(extractors._external_date("12 March 2025")) == "2025-03-12 00:00:00"
    with _free_text_in("de"):
        assert extractors._external_date("12 март 2025") is None  # no longer read in every locale
    assert extractors.get_external_parser is own
    for unknown in (None, "", "xx"):  # htmldate's own parser, every locale
        with _free_text_in(unknown):
            assert extractors.get_external_parser is own


def test_htmldates_cache_never_carries_a_reading_to_a_page_of_another_language():
    from datetime import datetime

    from htmldate import extractors

    from newsbot.extraction.date_fields import _free_text_in

    def read(text):
        return extractors.try_date_expr(text, "%Y-%m-%d", True, datetime(1995, 1, 1), datetime(2030, 1, 1))

    with _free_text_in("de"):
        read("am 12. März 2025 um 10 Uhr")
        assert extractors.try_date_expr.cache_info().currsize >= 1
    with _free_text_in("de"):  # the same language keeps what was read
        assert extractors.try_date_expr.cache_info().currsize >= 1
    with _free_text_in("fr"):
        assert extractors.try_date_expr.cache_info().currsize == 0


@pytest.mark.parametrize("markup, want", [
    # hAtom's datetime design pattern: the title is the date, with its offset
    ("<abbr class='published' title='2025-03-04T10:00:00+01:00'>4 March 2025</abbr>", "2025-03-04T10:00:00+01:00"),
    ("<span class='entry-date published' title='2025-03-04T10:00:00+01:00'>4 March</span>", "2025-03-04T10:00:00+01:00"),
])
def test_an_hatom_date_keeps_its_offset(markup, want):
    rec = _page(f"<article class='hentry'><h1 class='entry-title'>Harbour cranes</h1>{markup}{_paras(4)}</article>")
    assert rec["date_published"] == want
    assert "offset_assumed" not in rec["quality_flags"]


def test_an_hatom_update_is_the_modification_not_the_publication():
    rec = _page("<article class='hentry'><h1>Harbour cranes</h1>"
                "<abbr class='published' title='2025-03-04T10:00:00+01:00'>4 March</abbr>"
                "<abbr class='updated' title='2025-03-05T08:30:00+01:00'>5 March</abbr>"
                f"{_paras(4)}</article>")
    assert (rec["date_published"], rec["date_modified"]) == ("2025-03-04T10:00:00+01:00", "2025-03-05T08:30:00+01:00")


def test_a_title_that_is_no_date_on_a_published_element_gives_none():
    rec = _page("<article><h1>Harbour cranes</h1><p class='published' title='Read the full story'>Posted "
                f"4 March 2025</p>{_paras(4)}</article>")
    assert rec["date_published"].startswith("2025-03-04")


def test_a_related_posts_hatom_date_is_not_the_articles():
    related = ("<div class='related-posts'><h3>More from the blog</h3>"
               "<div class='hentry'><a class='entry-title' href='/2025/02/winter-yard.html'>The yard in winter</a> "
               "<abbr class='published' title='2025-02-01T08:00:00+01:00'>1 February</abbr> "
               "<abbr class='updated' title='2025-02-02T08:00:00+01:00'>2 February</abbr></div></div>")
    rec = _page("<div class='post hentry'><h1 class='entry-title'>Harbour cranes</h1>"
                f"<time datetime='2025-03-04T10:00'>4 March 2025, 10:00</time>{_paras(4)}</div>{related}")
    assert (rec["date_published"], rec["date_modified"]) == ("2025-03-04T10:00:00+00:00", None)
    rec = _page("<article><h1>Harbour cranes</h1><time datetime='2025-03-04T10:00'>4 March 2025</time>"
                f"{_paras(4)}</article><div class='more'><a href='/2025/02/the-winter-yard-and-its-cranes.html'>"
                "The winter yard and its cranes, a visit</a> <abbr class='published' "
                "title='2025-02-01T08:00:00+01:00'>1 February</abbr></div>")
    assert rec["date_published"] == "2025-03-04T10:00:00+00:00"


def test_a_length_of_time_in_the_spaced_form_is_no_clock_time():
    html = _doc("<title>Le port</title>", "<article><h1>Le port</h1>"
                f"<p class='date'>Émission du 14/05/2024 · durée 1 h 05</p>{_paras(4)}</article>")
    rec = extract_article(html.encode(), HARBOUR).record
    assert (rec["date_published"], rec["quality_flags"]) == ("2024-05-14T00:00:00+00:00", ["day_only"])


@pytest.mark.parametrize("line, published, modified", [
    # each date in its own element, side by side: the words are read apart, the ISO day as a day
    ("<span>Atnaujinta 2025-04-09 17:05</span><span>Paskelbta 2025-04-08 07:45</span>",
     "2025-04-08T07:45:00", "2025-04-09T17:05:00"),
    ("<span>Oppdatert 9. april 2025 kl. 17.05</span><span>Publisert 8. april 2025 kl. 07.45</span>",
     "2025-04-08T07:45:00", "2025-04-09T17:05:00"),
    ("Written: 2025-04-08 07:45:12<span> / </span>Updated: 2025-04-09 17:05:40",
     "2025-04-08T07:45:00", "2025-04-09T17:05:00"),
])
def test_a_date_line_of_elements_side_by_side_names_the_publication_and_the_update(line, published, modified):
    rec = _page(f"<main><article><h1>Harbour cranes</h1><p class='date'>{line}</p>{_paras(4)}</article></main>")
    assert rec["date_published"] == f"{published}+00:00"
    assert rec["date_modified"] == f"{modified}+00:00"


def test_a_twelve_hour_time_in_its_own_element_before_the_byline_keeps_its_half_of_the_day():
    rec = _page("<main><article><h1>Harbour cranes</h1><div class='meta'><span class='date'>Posted on "
                "8 April 2025 at 3:25 pm</span><span class='byline'>By Mara Lindqvist</span></div>"
                f"{_paras(4)}</article></main>")
    assert rec["date_published"] == "2025-04-08T15:25:00+00:00"


def test_a_clocks_minutes_are_no_day_of_the_month():
    # the printed time belongs to the 9th: it is no time of the 3rd, whose minutes it happens to print
    rec = _page("<main><article><h1>Harbour cranes</h1><p class='date'>Posted 2025-04-09 15:03</p>"
                f"{_paras(4)}</article></main>",
                "<meta property='article:published_time' content='2025-04-03'>")
    assert rec["date_published"] == "2025-04-03T00:00:00+00:00"


def _in(lang: str, line: str, head: str = "") -> dict:
    """The record of a page in ``lang`` (``<html lang>``) printing ``line`` above four paragraphs
    in that language."""
    text = {"pt": "O porto voltou a pôr em funcionamento duas gruas depois da tempestade da semana passada.",
            "it": "Il porto ha rimesso in funzione due gru dopo la tempesta della settimana scorsa.",
            "cs": "Přístav znovu uvedl do provozu dva jeřáby po bouři z minulého týdne, uvedlo vedení.",
            "el": "Το λιμάνι έθεσε ξανά σε λειτουργία δύο γερανούς μετά την καταιγίδα της περασμένης εβδομάδας.",
            "fr": "Le port a remis en service deux grues après la tempête de la semaine dernière.",
            "de": "Der Hafen hat zwei Kräne nach dem Sturm der vergangenen Woche wieder in Betrieb genommen.",
            "pl": "Port ponownie uruchomił dwa dźwigi po burzy z zeszłego tygodnia, poinformowało kierownictwo.",
            "en": "The port has put two cranes back into service after last week's storm, the management said.",
            "lv": "Osta pēc pagājušās nedēļas vētras atkal ir nodevusi ekspluatācijā divus celtņus, paziņoja vadība.",
            "sk": "Prístav po búrke z minulého týždňa opäť uviedol do prevádzky dva žeriavy, uviedlo vedenie.",
            "ca": "El port ha tornat a posar en funcionament dues grues després de la tempesta de la setmana passada.",
            "eu": "Portuak bi garabi jarri ditu berriro martxan joan den asteko ekaitzaren ondoren, zuzendaritzak esan duenez."}[lang]
    html = _doc(f"<title>Harbour cranes</title>{head}",
                f"<main><article><h1>Harbour cranes</h1>{line}{f'<p>{text}</p>' * 4}</article></main>")
    return extract_article(html.replace("<html>", f"<html lang='{lang}'>").encode(), HARBOUR).record


@pytest.mark.parametrize("lang, line", [
    ("pt", "<p class='data'>Publicado a 12 de março de 2026 às 09h05, atualizado às 12h05</p>"),
    ("it", "<p class='data'>Pubblicato il 12 marzo 2026 alle 9:05, aggiornato alle 12:05</p>"),
    ("fr", "<p class='date'>Publié le 12 mars 2026 à 9h05, mis à jour à 12h05</p>"),
])
def test_an_update_printed_as_a_time_alone_is_on_the_day_its_line_printed_before(lang, line):
    rec = _in(lang, line)
    assert (rec["date_published"], rec["date_modified"]) == ("2026-03-12T09:05:00+00:00", "2026-03-12T12:05:00+00:00")


def test_an_update_time_alone_in_a_line_printing_no_day_dates_nothing():
    rec = _in("pt", "<p class='data'>atualizado às 12h05</p>",
              "<meta property='article:published_time' content='2026-03-12T09:05:00+01:00'>")
    assert (rec["date_published"], rec["date_modified"]) == ("2026-03-12T09:05:00+01:00", None)


@pytest.mark.parametrize("lang, line", [
    ("cs", "<p class='datum'>12. března 2026 9:05, Aktualizováno 12. 3. 2026 16:05</p>"),
    ("it", "<p class='data'>di Marco Rossi alle 9:05 del 12 marzo 2026 · Aggiornato il 12 marzo 2026 alle 16:05</p>"),
    ("el", "<p class='date'>12 Μαρτίου 2026, 9:05 π.μ. · Ενημερώθηκε: 12 Μαρτίου 2026, 4:05 μ.μ.</p>"),
])
def test_the_day_a_line_prints_before_its_update_is_the_publication(lang, line):
    # htmldate alone took the update's time for the publication's
    rec = _in(lang, line)
    assert (rec["date_published"], rec["date_modified"]) == ("2026-03-12T09:05:00+00:00", "2026-03-12T16:05:00+00:00")


def test_a_line_naming_the_publication_wins_over_a_day_printed_before_an_update():
    rec = _in("it", "<p class='data'>12 marzo 2026 alle 9:05 · Aggiornato il 12 marzo 2026 alle 16:05</p>"
                    "<p class='dates'>Pubblicato l'11 marzo 2026 alle 8:00</p>")
    assert (rec["date_published"], rec["date_modified"]) == ("2026-03-11T08:00:00+00:00", "2026-03-12T16:05:00+00:00")


@pytest.mark.parametrize("lang, line", [
    ("fr", "<p class='info'>Publié le <time datetime='2026-03-12T09:05:00+01:00'>12 mars 2026 à 09h05</time>, "
           "modifié le <time>12 mars 2026 à 10h20</time></p>"),
    ("de", "<div class='info'><time datetime='2026-03-12T09:05:00+01:00'>12.03.2026, 09:05 Uhr</time> · "
           "Aktualisiert am <span>12.03.2026, 10:20 Uhr</span></div>"),
])
def test_the_words_around_a_time_element_in_its_line_name_the_update(lang, line):
    rec = _in(lang, line)
    assert (rec["date_published"], rec["date_modified"]) == ("2026-03-12T09:05:00+01:00", "2026-03-12T10:20:00+01:00")


def test_a_paragraph_of_running_text_around_a_time_element_is_no_date_line():
    # over 150 characters: a sentence of the article, its words name no update
    line = ("<p>Le texte a d'abord été publié par la direction du port, puis il a été modifié le "
            "<time datetime='2026-03-12T09:05:00+01:00'>12 mars 2026 à 10h20</time> à la suite de plusieurs "
            "remarques des lecteurs et des dockers du quai nord.</p>")
    assert _in("fr", line)["date_modified"] is None


@pytest.mark.parametrize("text, want", [
    ("1:15 μ.μ.", (13, 15)), ("9:05 π.μ.", (9, 5)), ("12:30 π.μ.", (0, 30)), ("12:30 μ.μ.", (12, 30)),
    ("1:15 p.m.", (13, 15)), ("13:15", (13, 15)),  # 24 hours: no half of the day to read
])
def test_a_twelve_hour_time_reads_its_half_of_the_day_in_the_pages_language(text, want):
    from datetime import date

    from newsbot.extraction.date_fields import _clock

    assert _clock(text, date(2026, 3, 12))[:2] == want


DRUPAL_NODE = ("<div class='submitted'>Submitted by <span class='username'>admin</span> on "
               "<span property='dc:date dc:created' content='2026-03-10T14:22:41+01:00' datatype='xsd:dateTime'>"
               "Tue, 03/10/2026 - 14:22</span></div>")


@pytest.mark.parametrize("lang, line", [
    ("en", DRUPAL_NODE),
    ("pl", "<div class='field-name-field-dzial'>Dział: Miasto</div><span property='dc:date dc:created' "
           "content='2026-03-10T14:22:41+01:00' datatype='xsd:dateTime'>10.03.2026</span>"),
])
def test_an_rdfa_date_keeps_its_time_and_offset(lang, line):
    assert _in(lang, line)["date_published"] == "2026-03-10T14:22:41+01:00"


def test_an_rdfa_date_of_a_comment_or_a_day_at_midnight_gives_no_time():
    comment = ("<div class='comment'><span property='dc:date dc:created' content='2026-03-11T08:00:00+01:00'>"
               "Wed, 03/11/2026 - 08:00</span></div><p class='date'>9 March 2026</p>")
    assert _in("en", comment)["date_published"] == "2026-03-09T00:00:00+00:00"
    field = ("<span class='date-display-single' property='dc:date' datatype='xsd:dateTime' "
             "content='2026-03-09T00:00:00+01:00'>Monday 9 March 2026</span>")
    rec = _in("en", field)
    assert rec["date_published"].startswith("2026-03-09T00:00:00") and "day_only" in rec["quality_flags"]


@pytest.mark.parametrize("lang, line", [
    ("en", "<div class='submitted'>Submitted by <span class='username'>admin</span> on Tue, 03/10/2026 - 14:22</div>"),
    ("de", "<p class='meta'>Submitted by Eva Jansen on Tue, 03/10/2026 - 14:22</p>"),
    ("fr", "<footer class='submitted'><span class='date'>mar, 03/10/2026 - 14:22</span></footer>"),
])
def test_drupals_signature_writes_its_date_month_first_whatever_the_language(lang, line):
    assert _in(lang, line)["date_published"] == "2026-03-10T14:22:00+00:00"


def test_drupals_medium_format_without_its_signature_is_read_as_before():
    # a German site's own date line: no evidence of Drupal's default format, day first
    assert _in("de", "<div class='date'>Di, 03/10/2026 - 14:22</div>")["date_published"] == "2026-10-03T14:22:00+00:00"


@pytest.mark.parametrize("lang, lines", [
    ("it", "<span class='data'>12 marzo 2026 alle 9:05</span> <span class='aggiornato'>Aggiornato il 12 marzo 2026 "
           "alle 10:20</span>"),
    ("fr", "<p class='date'>Publié le 12 mars 2026 à 09h05</p><p>Modifié le 12 mars 2026 à 10h20</p>"),
    ("el", "<div class='info'><time datetime='2026-03-12T09:05:00+00:00'>12 Μαρτίου 2026, 9:05 π.μ.</time></div>"
           "<div class='info'>Ενημερώθηκε: 12 Μαρτίου 2026, 10:20 π.μ.</div>"),
])
def test_the_update_line_printed_right_after_the_date_line_names_the_update(lang, lines):
    rec = _in(lang, lines)
    assert (rec["date_published"], rec["date_modified"]) == ("2026-03-12T09:05:00+00:00", "2026-03-12T10:20:00+00:00")


def test_an_update_line_after_an_element_named_for_times_printing_no_day_is_not_read():
    # a booking calendar's box (class naming times) and its own "last updated" line under it
    head = "<meta property='article:published_time' content='2026-03-10T09:05:00+01:00'>"
    rec = _in("de", "<div class='belegzeiten'></div><div>Zuletzt aktualisiert am 12.03.2026</div>", head)
    assert (rec["date_published"], rec["date_modified"]) == ("2026-03-10T09:05:00+01:00", None)


def test_an_rdfa_date_fields_dc_date_dates_no_publication_outside_the_nodes_signature():
    # Drupal's RDF module types every date field dc:date: a ferry's sailing day is no publication
    field = ("<p class='date'>Published 4 March 2026</p><div class='field-name-field-sailing'>"
             "<div class='field-label'>First sailing:</div><span property='dc:date' datatype='xsd:dateTime' "
             "content='2026-07-18T08:30:00+02:00'>Saturday, 18 July 2026 - 08:30</span></div>")
    assert _in("en", field)["date_published"].startswith("2026-03-04")
    # the false friend: a date field in the node's signature (class submitted) is the publication
    signed = ("<footer class='submitted'><span property='dc:date' datatype='xsd:dateTime' "
              "content='2026-03-04T07:15:00+01:00'>Wednesday 4 March 2026 - 07:15</span></footer>")
    assert _in("en", signed)["date_published"] == "2026-03-04T07:15:00+01:00"


def test_an_rdfa_date_of_a_view_row_or_a_cited_work_is_not_the_articles():
    row = ("<div class='view-newest'><div class='views-row'><a href='/node/7'>Pilots strike over rosters</a>"
           "<span property='dc:date dc:created' content='2026-03-20T06:00:00+01:00'>Fri, 03/20/2026 - 06:00</span>"
           "</div></div>")
    html = _doc("<title>Harbour cranes</title>",
                "<main><article><h1>Harbour cranes</h1><p class='date'>4 March 2026</p>"
                f"{'<p>' + 'The port has put two cranes back into service after the storm, the management said. ' * 2 + '</p>'}"
                f"</article></main>{row}")
    assert extract_article(html.encode(), HARBOUR).record["date_published"].startswith("2026-03-04")
    cited = ("<p class='date'>4 March 2026</p><blockquote typeof='schema:Report'><span property='schema:name'>"
             "Quay safety audit</span>, <span property='schema:datePublished' content='2025-10-02'>2 October 2025"
             "</span></blockquote>")
    assert _in("en", cited)["date_published"].startswith("2026-03-04")


def test_a_drupal_7_nodes_date_counts_when_its_title_is_printed_above_it():
    # Drupal 7 prints the page's <h1> above the node, which names it in its dc:title; the node's one
    # "read also" link does not make it a teaser card
    def node(title):
        return ("<h1 class='title'>Harbour cranes back in service</h1>"
                "<div class='node node-article' about='/node/310' typeof='sioc:Item foaf:Document'>"
                f"<span property='dc:title' content='{title}' class='rdf-meta'></span>"
                "<div class='submitted'><span property='dc:date dc:created' content='2026-03-12T16:20:00+01:00' "
                "datatype='xsd:dateTime'>Posted by port on 12.03.2026 - 16:20</span></div>"
                "<div class='content'><p>Two cranes are working again.</p><p class='read-also'>Read also: "
                "<a href='/port/pilots'>Pilots strike over rosters at the port</a></p></div></div>")
    html = _doc("<title>Harbour cranes back in service | Port news</title>", node("Harbour cranes back in service"))
    assert extract_article(html.encode(), HARBOUR).record["date_published"] == "2026-03-12T16:20:00+01:00"
    # the false friend: a short node naming another title (a teaser block) gives no date of its own
    html = _doc("<title>Harbour cranes back in service | Port news</title>", node("Pilots strike over rosters"))
    assert extract_article(html.encode(), HARBOUR).record["date_published"] != "2026-03-12T16:20:00+01:00"


@pytest.mark.parametrize("lang, line, want", [
    # a site's own d/m/Y: the weekday printed says which reading it is
    ("fr", "<div class='submitted'>Publié par admin le mer, 04/03/2026 - 09:10</div>", "2026-03-04T09:10:00+00:00"),
    ("en", "<div class='submitted'>Submitted by editor on Wed, 04/03/2026 - 09:10</div>", "2026-03-04T09:10:00+00:00"),
    ("en", "<div class='submitted'>Submitted by editor on Fri, 04/03/2026 - 09:10</div>", "2026-04-03T09:10:00+00:00"),
])
def test_drupals_signature_is_read_the_way_its_weekday_agrees_with(lang, line, want):
    assert _in(lang, line)["date_published"] == want


def test_a_signature_below_the_text_is_not_the_nodes():
    poll = ("<form class='poll'><div class='submitted'>Thank you, vote submitted on Fri, 03/20/2026 - 06:00</div>"
            "</form>")
    text = "The port has put two cranes back into service after the storm, the management said. " * 2
    html = _doc("<title>Harbour cranes</title>",
                f"<main><article><h1>Harbour cranes</h1><p class='date'>March 4, 2026</p>{f'<p>{text}</p>' * 3}"
                f"{poll}</article></main>")
    assert extract_article(html.encode(), HARBOUR).record["date_published"].startswith("2026-03-04")


@pytest.mark.parametrize("lang, after", [
    ("en", "<p class='lead'>The updated crane rota applies from 1 April 2026 on every quay.</p>"),
    ("de", "<p class='caption'>Aktualisiert: Der Dienstplan gilt ab 01.04.2026.</p>"),
    ("it", "<p>Aggiornato il piano dei turni: vale dal 1 aprile 2026.</p>"),
    ("en", "<h2>Crane rota updated for 1 April 2026</h2>"),
])
def test_a_sentence_after_the_date_line_names_no_update(lang, after):
    rec = _in(lang, f"<p class='date'>12.03.2026</p>{after}")
    assert rec["date_published"].startswith("2026-03-12") and rec["date_modified"] is None


def test_a_report_published_on_a_day_the_first_paragraph_names_is_no_publication():
    rec = _in("en", "<p class='date'>Updated 12 March 2026, 10:00</p>"
                    "<p>The audit, published on 2 March 2026, asks for new brakes.</p>")
    assert rec["date_published"] is None or not rec["date_published"].startswith("2026-03-02")


def test_a_short_sentence_around_a_time_element_is_no_date_line():
    rec = _in("en", "<p>The board met on <time datetime='2026-03-02'>2 March 2026</time> and updated "
                    "its rota on 6 March 2026.</p>")
    assert rec["date_modified"] is None


def test_the_next_updates_time_is_no_update():
    rec = _in("fr", "<p class='date'>Publié le 12 mars 2026 à 9h05 · prochaine mise à jour à 18h00</p>")
    assert (rec["date_published"], rec["date_modified"]) == ("2026-03-12T09:05:00+00:00", None)


def test_a_dates_parts_printed_side_by_side_stay_one_text():
    from lxml import html

    from newsbot.extraction.values import text_of

    assert text_of(html.fromstring("<p class='date'><b>12</b><b>.03.2026</b><b>,</b><b>09</b><b>:</b><b>05</b>"
                                   "<b>|</b><b>Kiel</b></p>"), apart=True) == "12.03.2026, 09:05 | Kiel"


_NORDIC = {"is": "Bæjarstjórnin samþykkti í gær að gera við tvo krana við höfnina eftir storminn í síðustu viku.",
           "da": "Havnen har sat to kraner i drift igen efter stormen i sidste uge, oplyser ledelsen.",
           "fi": "Satama otti kaksi nosturia taas käyttöön viime viikon myrskyn jälkeen, johto kertoo.",
           "sv": "Hamnen har tagit två kranar i bruk igen efter förra veckans storm, meddelar ledningen.",
           "no": "Havnen har tatt to kraner i bruk igjen etter stormen i forrige uke, opplyser ledelsen.",
           "hu": "A kikötő a múlt heti vihar után ismét üzembe helyezett két darut, közölte a vezetés.",
           "de": "Der Hafen hat zwei Kräne nach dem Sturm der vergangenen Woche wieder in Betrieb genommen.",
           "en": "The port has put two cranes back into service after last week's storm, the management said."}


def _bootstrap(lang: str, line: str, head: str = "", url: str = HARBOUR) -> dict:
    """The record of a Bootstrap page in ``lang`` with no date meta and no element named for a
    date: ``line`` under the headline, four paragraphs in that language."""
    text = f"<p>{_NORDIC[lang]} {_NORDIC[lang]}</p>" * 4
    html = _doc(f"<title>Hafnarkranar</title>{head}",
                f"<div class='container'><div class='row'><div class='col-lg-8'><h1>Hafnarkranar</h1>{line}"
                f"{text}</div></div></div>")
    return extract_article(html.replace("<html>", f"<html lang='{lang}'>").encode(), url).record


@pytest.mark.parametrize("lang, line", [
    ("is", "12. mars 2026 kl. 14:05"), ("is", "12. mars 2026 klukkan 14:05"),
    ("da", "12. marts 2026 kl. 14.05"), ("da", "12. marts 2026 klokken 14.05"),
    ("fi", "12.3.2026 klo 14.05"), ("fi", "12. maaliskuuta 2026 kello 14.05"),
    ("sv", "12 mars 2026 kl 14.05"), ("no", "12. mars 2026 kl. 14.05"),
])
def test_a_nordic_date_line_with_its_word_for_at_keeps_its_time(lang, line):
    # a Bootstrap theme's muted line, its icon before the day
    rec = _bootstrap(lang, f"<p class='text-muted small'><i class='bi bi-clock'></i> {line}</p>")
    assert rec["date_published"] == "2026-03-12T14:05:00+00:00"


def test_a_time_in_a_sentence_on_the_day_is_not_the_publications():
    line = ("<p class='text-muted small'>12. mars 2026</p>"
            "<p>Kranarnir verða teknir í notkun 12. mars 2026 kl. 16:30 við höfnina.</p>")
    assert _bootstrap("is", line)["date_published"] == "2026-03-12T00:00:00+00:00"


def test_a_hungarian_update_printed_first_is_the_modification():
    rec = _bootstrap("hu", "<div class='meta'>Frissítve: 2026. 03. 13. 09:15 · Megjelent: 2026. 03. 12. 17:40</div>")
    assert (rec["date_published"], rec["date_modified"]) == ("2026-03-12T17:40:00+00:00", "2026-03-13T09:15:00+00:00")
    rec = _bootstrap("hu", "<div class='meta'>Közzétéve: 2026.03.12. 17:40 | Módosítva: 2026.03.13. 09:15</div>")
    assert (rec["date_published"], rec["date_modified"]) == ("2026-03-12T17:40:00+00:00", "2026-03-13T09:15:00+00:00")


def test_an_update_label_before_no_day_names_no_update():
    # "updated: the timetable", no day after the label
    rec = _bootstrap("hu", "<div class='meta'>Frissítve: a menetrend · Megjelent: 2026. 03. 12. 17:40</div>")
    assert (rec["date_published"], rec["date_modified"]) == ("2026-03-12T17:40:00+00:00", None)


@pytest.mark.parametrize("line", [
    "<p>Die Kräne werden am 26. April 2026 um 10 Uhr feierlich eingeweiht, teilte der Hafen mit.</p>",
    "<p>A darukat 2026. április 26-án avatják fel a kikötőben.</p>",
    "<div class='event-info'><span class='date'>26. April 2026</span><span class='venue'>Kai 3</span></div>",
    "<div itemscope itemtype='https://schema.org/Event'><span itemprop='startDate'>26.04.2026</span></div>",
])
def test_an_events_day_is_no_publication(line):
    lang = "hu" if "darukat" in line else "de"
    assert _bootstrap(lang, line)["date_published"] is None


@pytest.mark.parametrize("line, url, want", [
    # a dateline opening the first paragraph, a date line of its own
    ("<p>KIEL, 12. März 2026 – Der Hafen hat zwei Kräne wieder in Betrieb genommen.</p>", HARBOUR, "2026-03-12"),
    ("<p>12. März 2026</p>", HARBOUR, "2026-03-12"),
    # a day later than the address's is an event's, the address's day stands
    ("<div class='info'><span class='date'>26. April 2026</span></div>", "https://news.example.org/2026/03/12/kraene/",
     "2026-03-12"),
])
def test_a_dateline_or_a_date_line_of_its_own_dates_the_page(line, url, want):
    assert _bootstrap("de", line, url=url)["date_published"][:10] == want


def test_an_rdfa_lite_date_of_the_schema_org_vocabulary_is_read():
    item = ("<div vocab='https://schema.org/' typeof='NewsArticle'><h1 property='headline'>Harbour cranes</h1>"
            "<span property='{}' content='2026-03-12T14:05:00+01:00'>12 March 2026</span>{}</div>")
    rec = extract_article(_doc("<title>Harbour cranes</title>", item.format("datePublished", _paras(4))).encode(),
                          HARBOUR).record
    assert rec["date_published"] == "2026-03-12T14:05:00+01:00"
    # another vocabulary's term of that name is not schema.org's
    other = item.replace("https://schema.org/", "https://vocab.example.org/ns#")
    rec = extract_article(_doc("<title>Harbour cranes</title>", other.format("datePublished", _paras(4))).encode(),
                          HARBOUR).record
    assert rec["date_published"] != "2026-03-12T14:05:00+01:00"


_DRUPAL_NODE = ("<header class='site-header'>{header}</header><main><h1 class='page-title'>Harbour cranes</h1>"
                "<div class='node node--type-article node--view-mode-full'><footer class='node__meta'>"
                "<div class='node__submitted'>Submitted by <span class='field field--name-uid'>mara</span> on "
                "<span class='field field--name-created'>{created}</span></div></footer>"
                "<div class='node__content'>{text}</div></div></main>")


def test_a_drupal_nodes_signature_time_is_the_publication():
    created = "<time datetime='2026-03-12T13:05:00Z'>12/03/2026 - 14:05</time>"
    header = "<time datetime='2026-03-14T06:00:00Z'>Saturday 14 March 2026</time>"  # today's date in the header
    html = _doc("<title>Harbour cranes</title>", _DRUPAL_NODE.format(header=header, created=created, text=_paras(4)))
    assert extract_article(html.encode(), HARBOUR).record["date_published"] == "2026-03-12T13:05:00+00:00"


def test_a_time_in_the_pages_footer_is_no_drupal_signature():
    footer = ("<footer class='site-footer'><div class='field--name-created'>"
              "<time datetime='2026-03-14T06:00:00Z'>14/03/2026</time></div></footer>")
    html = _doc("<title>Harbour cranes</title>", f"<main><h1>Harbour cranes</h1>{_paras(4)}</main>{footer}")
    # (htmldate may read the printed day; the footer's time is not taken as the node's)
    assert extract_article(html.encode(), HARBOUR).record["date_published"] != "2026-03-14T06:00:00+00:00"


_NORDIC["pl"] = "Port ponownie uruchomił dwa dźwigi po burzy z zeszłego tygodnia, poinformował zarząd spółki."
_NORDIC["fr"] = "La commune a rouvert le quai nord après les travaux de l'hiver, a indiqué la mairie."


def _layout(lang: str, over: str = "", line: str = "", head: str = "", url: str = HARBOUR, text: str = "") -> dict:
    """The record of a page in ``lang``: ``over`` in the site's header, ``line`` under the
    headline, ``text`` (else four paragraphs in that language) under it."""
    text = text or f"<p>{_NORDIC[lang]} {_NORDIC[lang]}</p>" * 4
    html = _doc(f"<title>Hafnarkranar</title>{head}",
                f"<header class='site-header'>{over}<a class='brand' href='/'>Kuststad</a></header>"
                f"<div class='container'><div class='col-lg-8'><h1>Hafnarkranar</h1>{line}{text}</div></div>")
    return extract_article(html.replace("<html>", f"<html lang='{lang}'>").encode(), url).record


@pytest.mark.parametrize("line", [
    # an event word inside another word or class, a post's slug class, a CSS utility, a review's own line
    "<div class='text-sm select-none pointer-events-none'><span>Hafen</span> · <span>12.03.2026</span></div>",
    "<div class='entry-meta category-veranstaltungen'>12. März 2026</div>",
    "<div class='category-terminals'><p class='meta'>12. März 2026</p></div>",
    "<div class='concert-review'><p class='concert-review__meta'>Kritik von Ina Lund · 12.03.2026</p></div>",
])
def test_a_day_in_a_class_merely_holding_an_event_word_dates_the_page(line):
    assert _bootstrap("de", line)["date_published"][:10] == "2026-03-12"


def test_a_posts_own_category_class_naming_events_is_no_events_element():
    post = ("<article class='post type-post hentry category-events'><header class='entry-header'>"
            "<h1 class='entry-title'>Harbour cranes</h1><div class='entry-meta'><span class='posted-on'>"
            f"Posted on March 12, 2026</span></div></header><div class='entry-content'>{_paras(4)}</div></article>")
    html = _doc("<title>Harbour cranes</title>", f"<main class='site-main'>{post}</main>")
    assert extract_article(html.encode(), HARBOUR).record["date_published"][:10] == "2026-03-12"


@pytest.mark.parametrize("line", [
    "<div class='tribe-events-schedule'><span>26.04.2026</span></div>",
    "<div class='veranstaltungen-teaser-list-item'>Sa. 26.04.2026</div>",
    "<div itemscope itemtype='https://schema.org/MusicEvent'><span>26.04.2026</span></div>",
])
def test_an_events_element_named_so_still_gives_no_publication(line):
    assert _bootstrap("de", line)["date_published"] is None


@pytest.mark.parametrize("opening, want", [
    # a dateline's place with a particle or a name in brackets
    ("Frankfurt am Main, 12. März 2026 – ", "2026-03-12"),
    ("Halle (Saale), 12. März 2026 – ", "2026-03-12"),
    ("Freiburg im Breisgau, 12.03.2026. ", "2026-03-12"),
    # no place: running text
    ("In der Halle (Saale) feiert man am 12. März 2026, ", None),
])
def test_a_datelines_place_may_hold_particles_and_brackets(opening, want):
    line = f"<p>{opening}der Hafen hat zwei Kräne nach dem Sturm wieder in Betrieb genommen.</p>"
    got = _bootstrap("de", line)["date_published"]
    assert (got and got[:10]) == want


@pytest.mark.parametrize("lang, line, want", [
    # a meta line ending with the date's full stop, or a label's line ending in a sentence's
    ("hu", "<p class='byline'>Írta: Szabó Éva Katalin, megjelent 2026. március 12.</p>", "2026-03-12"),
    ("fr", "<p class='text-muted'>Publié le 12/03/2026 par le service de presse de la commune.</p>", "2026-03-12"),
    # a byline's lead-in word opening a sentence ("Írta a …": wrote the …)
    ("hu", "<p>Írta a polgármester, hogy a darukat 2026. március 12. után avatják fel.</p>", None),
])
def test_a_meta_line_is_no_sentence_of_running_text(lang, line, want):
    got = _bootstrap(lang, line)["date_published"]
    assert (got and got[:10]) == want


@pytest.mark.parametrize("modified, printed, want", [
    # the modification in UTC late on the 12th is the 13th in Europe: the printed 13th stands
    ("2026-03-12T23:40:00+00:00", "13.03.2026, 00:40 Uhr", "2026-03-13"),
    # two days later than the modification: no publication
    ("2026-03-12T23:40:00+00:00", "14.03.2026", None),
    ("2026-03-12T09:00:00+01:00", "13.03.2026", None),
])
def test_a_modification_in_utc_allows_the_local_day_after_it(modified, printed, want):
    head = f"<meta property='article:modified_time' content='{modified}'>"
    got = _bootstrap("de", f"<p class='date'>{printed}</p>", head=head)["date_published"]
    assert (got and got[:10]) == want


_DAY_META = "<meta property='article:published_time' content='2026-03-12'>"


@pytest.mark.parametrize("lang, over, line, want", [
    # the site header's today date and clock
    ("fr", "<div class='top-bar__info'>jeudi 12 mars 2026, 07:15</div>", "", "2026-03-12T00:00:00+00:00"),
    # the update's own line, its time the update's
    ("fr", "", "<p class='text-muted small'>Mis à jour le 12 mars 2026 à 18h30</p>", "2026-03-12T00:00:00+00:00"),
    ("da", "", "<p class='text-muted'>Opdateret 12. marts 2026 kl. 16.20</p><p class='text-muted'>Publiceret 12. "
     "marts 2026</p>", "2026-03-12T00:00:00+00:00"),
    ("is", "", "<p class='text-muted'>Birt: 12.3.2026 | Uppfært: 12.3.2026 kl. 16:20</p>",
     "2026-03-12T00:00:00+00:00"),
    # the publication's label's time, the update's after it
    ("is", "", "<p class='text-muted'>Birt: 12.3.2026 kl. 09:15 | Uppfært: 12.3.2026 kl. 16:20</p>",
     "2026-03-12T09:15:00+00:00"),
    # a fact box's event time under its own heading
    ("de", "", "<div class='infobox'><h3>Auf einen Blick</h3><p>12.03.2026, 19:30 Uhr</p></div>",
     "2026-03-12T00:00:00+00:00"),
    # a date line of its own under the headline
    ("de", "", "<p class='text-muted'>12.03.2026, 19:30 Uhr</p>", "2026-03-12T19:30:00+00:00"),
])
def test_a_day_takes_the_time_of_the_publications_own_line_only(lang, over, line, want):
    rec = _layout(lang, over, line, head=_DAY_META)
    assert rec["date_published"] == want
    assert ("day_only" in rec["quality_flags"]) == want.endswith("T00:00:00+00:00")


@pytest.mark.parametrize("lang, line, want", [
    ("de", "12:30 am 12. März 2026", "2026-03-12T12:30:00+00:00"),  # "am": on (the day)
    ("de", "12.03.2026 12:30 am 12.03. aktualisiert", "2026-03-12T12:30:00+00:00"),
    ("en", "12:30 am March 12, 2026", "2026-03-12T00:30:00+00:00"),  # a.m.
    ("pl", "12.03.2026 o 2:05 pm", "2026-03-12T14:05:00+00:00"),  # an English time format on any page
    ("hu", "2026. 03. 12. 3:25pm", "2026-03-12T15:25:00+00:00"),
])
def test_a_half_of_the_day_is_no_word_before_a_days_number(lang, line, want):
    assert _layout(lang, line=f"<div class='date'>{line}</div>")["date_published"] == want


_FULL_NODE = ("<main role='main'><h1 class='page-title'>Harbour cranes</h1><article class='node node--type-article "
              "node--view-mode-full'>{meta}<div class='node__content'><p class='date'>12 March 2026</p>{text}</div>"
              "</article>{after}</main>{footer}")
_TEASER = ("<article class='node node--type-article node--view-mode-teaser'><h3><a href='/node/7'>Ferry</a></h3>"
           "<footer class='node__meta'><div class='node__submitted'>by mara <time datetime='2026-03-14T08:00:00Z'>"
           "14/03/2026</time></div></footer></article>")


@pytest.mark.parametrize("after, footer", [
    # core's Recent content view below the node, a view of teasers in the page's footer region
    (f"<div class='block block-views'><h2>Recent content</h2><div class='views-row'>{_TEASER}</div></div>", ""),
    ("", f"<footer class='site-footer' role='contentinfo'><div class='region region-footer'>{_TEASER}</div></footer>"),
])
def test_a_teaser_nodes_signature_is_no_pages_publication(after, footer):
    html = _doc("<title>Harbour cranes</title>", _FULL_NODE.format(meta="", text=_paras(4), after=after, footer=footer))
    assert extract_article(html.encode(), HARBOUR).record["date_published"][:10] == "2026-03-12"


def test_a_drupal_nodes_changed_field_in_its_signature_is_the_update():
    meta = ("<footer class='node__meta'><div class='field field--name-changed'>Last updated <time "
            "datetime='2026-03-14T09:00:00Z'>14 March 2026</time></div><div class='node__submitted'>Submitted by mara "
            "on <span class='field field--name-created'><time datetime='2026-03-12T13:05:00Z'>12 March 2026</time>"
            "</span></div></footer>")
    html = _doc("<title>Harbour cranes</title>", _FULL_NODE.format(meta=meta, text=_paras(4), after="", footer=""))
    rec = extract_article(html.encode(), HARBOUR).record
    assert (rec["date_published"], rec["date_modified"]) == ("2026-03-12T13:05:00+00:00", "2026-03-14T09:00:00+00:00")


@pytest.mark.parametrize("line", [
    # sentences opening with a date's label word or a byline's lead-in word
    "<p>Aktualisiert wird der Fahrplan der Fähre erst ab dem 26. April 2026.</p>",
    "<p>Von Beginn an war der 26. April 2026 als Tag der Einweihung gesetzt.</p>",
])
def test_a_sentence_opening_with_a_label_or_lead_in_word_is_running_text(line):
    assert _bootstrap("de", line)["date_published"] is None


# --- date lines naming both dates, whatever their order --------------------------------------

def test_a_time_its_words_call_the_update_is_no_publication_when_the_line_names_one():
    line = ("<div class='c-date b-date'><time datetime='2026-02-26T15:05:00Z'>Updated February 26, 2026 at 3:05 "
            "p.m. GMT</time> | <span>Published February 26, 2026 at 10:40 a.m. GMT</span></div>")
    rec = _in("en", line)
    assert (rec["date_published"], rec["date_modified"]) == ("2026-02-26T10:40:00+00:00", "2026-02-26T15:05:00+00:00")


def test_a_time_whose_words_name_no_publication_beside_it_stays_the_publication():
    # the false friend: an update's word alone, or a label naming both (teasers' "Published/Updated")
    rec = _in("en", "<p class='byline'>Updated <time datetime='2026-02-26T15:05:00Z'>February 26, 2026</time></p>")
    assert rec["date_published"] == "2026-02-26T15:05:00+00:00"
    line = "<p>Veröffentlicht/Aktualisiert: <time datetime='2026-02-26T15:05:00+01:00'>26.02.2026</time></p>"
    rec = _in("de", line)
    assert (rec["date_published"], rec["date_modified"]) == ("2026-02-26T15:05:00+01:00", None)


def test_a_time_called_the_update_is_the_modification_only_when_later_than_the_publication():
    head = "<meta property='article:published_time' content='2026-02-26T10:40:00+01:00'>"
    later = _in("de", "<p><span>Stand: </span><time datetime='2026-02-26 12:05'>26.02.2026, 12:05 Uhr</time></p>", head)
    assert later["date_modified"] == "2026-02-26T12:05:00+01:00"  # a naive time in the page's offset
    same = _in("de", "<p><span>Stand: </span><time datetime='2026-02-26 10:40'>26.02.2026, 10:40 Uhr</time></p>", head)
    assert same["date_modified"] is None


@pytest.mark.parametrize("lang, line", [
    ("en", "<p>The port said its fees will be updated on <time datetime='2026-04-01'>1 April 2026</time> for the "
           "summer season.</p>"),
    ("de", "<p>Die Gebühren werden zuletzt aktualisiert am <time datetime='2026-07-01'>1. Juli 2026</time>, teilte "
           "der Hafen mit.</p>"),
    ("de", "<figure><img src='/grafik.png' alt=''><figcaption>Umschlag der Kräne, Stand: "
           "<time datetime='2026-06-30'>30.06.2026</time></figcaption></figure>"),
])
def test_an_update_word_in_a_sentence_or_a_caption_makes_no_time_the_modification(lang, line):
    published = "<p class='meta'><time datetime='2026-03-04T09:00:00Z'>04.03.2026</time></p>"
    record = _in(lang, published + line)
    assert record["date_modified"] is None
    assert record["date_published"] == "2026-03-04T09:00:00+00:00"


def test_an_update_word_in_the_articles_meta_line_makes_its_time_the_modification():
    # the false friend: the same words in a short line of their own above the text
    line = ("<p class='meta'><time datetime='2026-03-04T09:00:00Z'>04.03.2026</time></p>"
            "<p class='meta'><span>Zuletzt aktualisiert am </span><time datetime='2026-03-05T10:00:00Z'>05.03.2026"
            "</time></p>")
    assert _in("de", line)["date_modified"] == "2026-03-05T10:00:00+00:00"


@pytest.mark.parametrize("lang, line", [
    ("cs", "<ul class='entry-meta'><li class='meta-date'>Aktualizováno 4. 3. 2026 v 17:10, publikováno 4. 3. 2026 "
           "v 9:45</li></ul>"),
    ("pl", "<div class='daty'>Opublikowano: 04.03.2026, 09:45 | Aktualizacja: 04.03.2026, 17:10</div>"),
])
def test_each_part_of_a_date_line_is_read_with_its_own_label(lang, line):
    # the second: a line of its own whose class names no date
    rec = _in(lang, line)
    assert (rec["date_published"], rec["date_modified"]) == ("2026-03-04T09:45:00+00:00", "2026-03-04T17:10:00+00:00")


def test_a_line_of_its_own_naming_an_update_alone_gives_no_modification():
    # the false friend: a notice's "Stand:" line whose class names no date, no publication beside it
    head = "<meta property='article:published_time' content='2026-03-04T09:45:00+01:00'>"
    rec = _in("pl", "<div class='uwagi'>Aktualizacja: 05.03.2026, 17:10</div>", head)
    assert rec["date_modified"] is None


def test_an_update_printed_as_a_time_alone_beside_the_publication_day_is_that_days():
    line = ("<div class='post-box-meta-single'><time class='entry-date published' datetime='2026-03-05T08:15:00+01:00'>"
            "5 de março de 2026</time> <span class='penci-updated'>atualizado às 12h05</span></div>")
    rec = _in("pt", line)
    assert (rec["date_published"], rec["date_modified"]) == ("2026-03-05T08:15:00+01:00", "2026-03-05T12:05:00+01:00")


def test_a_time_after_a_word_between_the_day_and_the_label_is_no_update():
    # the false friend: the next update's time ("próxima atualização às 18h00")
    line = ("<div class='post-meta'><time class='entry-date published' datetime='2026-03-05T08:15:00+01:00'>"
            "5 de março de 2026</time> <span class='note-date'>próxima atualização às 18h00</span></div>")
    assert _in("pt", line)["date_modified"] is None


# --- the word for "at" and the forms of a time, in every language -----------------------------

@pytest.mark.parametrize("lang, line, want", [
    ("pt", "<p class='text-muted small'>Por Ana Sousa e Rui Matos · 9 de março de 2026, às 16h20</p>",
     "2026-03-09T16:20:00+00:00"),
    ("lv", "<p class='text-muted small'>2026. gada 12. martā plkst. 15:45</p>", "2026-03-12T15:45:00+00:00"),
    ("sk", "<p class='text-muted small'>7. 4. 2026 o 11:30</p>", "2026-04-07T11:30:00+00:00"),
    ("ca", "<p class='text-muted small'>10/03/2026 a les 18.05</p>", "2026-03-10T18:05:00+00:00"),
    ("eu", "<p class='text-muted small'>2026-03-10 | 11:20</p>", "2026-03-10T11:20:00+00:00"),
])
def test_a_date_line_of_its_own_with_its_word_for_at_gives_the_time(lang, line, want):
    assert _in(lang, line)["date_published"] == want


def test_a_byline_opening_a_date_line_is_left_out_of_it():
    from newsbot.extraction.date_fields import _byline_end

    line = "Por Ana Sousa e Rui Matos · 9 de março de 2026, às 16h20"
    assert line[_byline_end(line):] == "9 de março de 2026, às 16h20"
    # the false friends: a sentence's words in lower case, no separator after the names
    assert _byline_end("Por decisão do conselho · 9 de março de 2026") == 0
    assert _byline_end("Por Ana Sousa em 9 de março de 2026") == 0


@pytest.mark.parametrize("text, want", [
    (" a les 16.20", (16, 20)), (" a la 1.05 h", (1, 5)),  # ca
    (" о 16.20", (16, 20)), (" о 16:20 год.", (16, 20)),  # uk
    (" у 16.20 часова", (16, 20)), (" u 16.20 h", (16, 20)),  # sr
    (" 16.20", None), (" № 16.20", None),  # a dotted number with no word for "at": a day and month as often
])
def test_each_languages_word_for_at_reads_a_dotted_time(text, want):
    from datetime import date

    from newsbot.extraction.date_fields import _clock

    found = _clock(text, date(2026, 3, 9))
    assert (found and found[:2]) == want


# --- Drupal 7's RDFa date ---------------------------------------------------------------------

_OTHER_NODE = ("<div class='node node-page' about='/node/3' typeof='foaf:Document'><div class='submitted'>"
               "<span property='dc:date dc:created' content='2021-06-01T08:00:00+02:00' datatype='xsd:dateTime'>"
               "Submitted by port on Tue, 06/01/2021 - 08:00</span></div><div class='content'><p>Office hours: "
               "Monday to Friday.</p></div></div>")
"""A short Drupal 7 node a block prints around the page's content (opening hours, a notice)."""


def _drupal_7(node_class: str, title: str = "", before: str = "", wrap: str = "") -> bytes:
    """A Drupal 7 page: the page's <h1> above a short node of ``node_class`` naming ``title`` (none
    for ``""``) in its dc:title, its date in RDFa in the node's signature; ``before`` printed
    first, the node in an element of class ``wrap`` (none for ``""``)."""
    named = f"<span property='dc:title' content='{title}' class='rdf-meta'></span>" if title else ""
    node = (f"<div class='{node_class}' about='/node/12' typeof='sioc:Item foaf:Document'>{named}"
            "<div class='submitted'><span property='dc:date dc:created' content='2026-03-10T09:15:00+01:00' "
            "datatype='xsd:dateTime'>Submitted by port on Tue, 03/10/2026 - 09:15</span></div>"
            "<div class='content'><p>Two cranes are working again after the storm.</p></div></div>")
    node = f"<div class='{wrap}'>{node}</div>" if wrap else node
    return _doc("<title>Harbour cranes | Port news</title>",
                before + "<h1 class='title'>Harbour cranes</h1>" + node).encode()


def test_a_short_drupal_nodes_signature_gives_its_rdfa_date_with_its_offset():
    # no dc:title, a text under 400 characters: the page's first node is still its own
    assert extract_article(_drupal_7("node node-article"), HARBOUR).record["date_published"] \
        == "2026-03-10T09:15:00+01:00"


@pytest.mark.parametrize("before", [
    f"<div class='region region-sidebar-first'><div class='block block-nodeblock'>{_OTHER_NODE}</div></div>",
    f"<div id='header'><div class='region region-header'>{_OTHER_NODE}</div></div>",
    f"<aside>{_OTHER_NODE}</aside>",
])
def test_a_short_node_a_block_prints_before_the_content_is_not_the_pages_own(before):
    # the page's own node is the first in its main content, under the headline
    for wrap in ("", "block block-system"):
        record = extract_article(_drupal_7("node node-article", before=before, wrap=wrap), HARBOUR).record
        assert record["date_published"] == "2026-03-10T09:15:00+01:00"


def test_a_short_node_outside_the_content_gives_no_rdfa_date():
    # the false friend: a node in the header region above the headline is no page's own
    html = _doc("<title>Harbour cranes | Port news</title>",
                f"<div class='region region-header'>{_OTHER_NODE}</div><h1>Harbour cranes</h1>" + _paras(2))
    assert extract_article(html.encode(), HARBOUR).record["date_published"] != "2021-06-01T08:00:00+02:00"


def test_a_short_node_in_a_list_or_naming_another_title_gives_no_rdfa_date():
    for html in (_drupal_7("node node-article node-teaser"), _drupal_7("node node-article", "Pilots on strike")):
        assert extract_article(html, HARBOUR).record["date_published"] != "2026-03-10T09:15:00+01:00"


# --- the address's day; dates of boxes that are no article's -----------------------------------

@pytest.mark.parametrize("path, language, want", [
    ("/2025-03-12/cranes", None, "2025-03-12"), ("/12/03/2025/cranes", "de", "2025-03-12"),
    ("/12-03-2025/cranes", "en-GB", "2025-03-12"), ("/25-03-2025/cranes", "en-US", "2025-03-25"),
    ("/2025/03/12/cranes/amp/", "en-US", "2025-03-12"), ("/2025/3/12/cranes/2/", None, "2025-03-12"),
    ("/05/05/2025/cranes", "en", "2025-05-05"),
    # day and month that can swap: read day first only where the page's language writes so
    ("/12/03/2025/cranes", "en-US", None), ("/12-03-2025/cranes", "en", None), ("/12/03/2025/cranes", None, None),
    ("/cranes-2025-03-12", "de", None), ("/2025/03/cranes", "de", None), ("/31/02/2025/cranes", "de", None),
    ("/2025-13-12/x", "de", None),
])
def test_a_day_the_address_prints_as_a_folder_is_read(path, language, want):
    from newsbot.extraction.date_fields import url_day

    found = url_day(f"https://news.example.org{path}", language, folder=True)
    assert (found.isoformat() if found else None) == want


def test_only_a_year_first_slashed_day_in_the_address_bounds_the_publication():
    from newsbot.extraction.date_fields import url_day

    assert url_day("https://news.example.org/2025/03/12/cranes") == date(2025, 3, 12)
    for path in ("/2025-03-12/cranes", "/12/03/2025/cranes", "/14-03-2025/cranes"):
        assert url_day(f"https://news.example.org{path}", "de") is None


_GERMAN_TEXT = "".join(f"<p>Absatz {i}: Die Hafenverwaltung hat am Dienstag zwei neue Kräne in Betrieb genommen, "
                       "wie ein Sprecher der Behörde mitteilte.</p>" for i in range(1, 5))


def _addressed(path: str, lang: str, line: str = "") -> dict:
    """The record of a page in ``lang`` (its text German or English) at ``path`` printing ``line``
    above its text."""
    text = _GERMAN_TEXT if lang == "de" else _paras(4)
    html = _doc("<title>Harbour cranes</title>", "<main><article><h1>Harbour cranes</h1>" + line
                + text + "</article></main>").replace("<html>", f"<html lang='{lang}'>")
    return extract_article(html.encode(), f"https://news.example.org{path}").record


def test_a_page_with_no_other_date_takes_the_day_its_address_prints():
    assert _addressed("/12/03/2025/cranes/", "de")["date_published"] == "2025-03-12T00:00:00+00:00"
    assert _addressed("/2025-03-12/cranes/", "en-US")["date_published"] == "2025-03-12T00:00:00+00:00"


def test_an_address_day_whose_day_and_month_can_swap_is_none_on_an_american_page():
    assert _addressed("/12/03/2025/cranes/", "en-US")["date_published"] is None
    # nor does it drop the day the page prints, earlier or later
    for printed, want in (("3 December 2025", "2025-12-03"), ("1 March 2025", "2025-03-01")):
        rec = _addressed("/12/03/2025/cranes/", "en-US", f"<p class='date'>{printed}</p>")
        assert rec["date_published"] == f"{want}T00:00:00+00:00"


def test_a_folder_day_of_another_form_drops_no_later_printed_day():
    # an edition's folder (/ausgabe/12-03-2025/) dates the print issue, not the page's day online
    rec = _addressed("/ausgabe/12-03-2025/kraene/", "de", "<p class='date'>Online seit 14.03.2025</p>")
    assert rec["date_published"] == "2025-03-14T00:00:00+00:00"
    # the false friend: a year-first slashed day still drops a later one
    rec = _addressed("/2025/03/12/kraene/", "de", "<p class='date'>14.03.2025</p>")
    assert rec["date_published"] != "2025-03-14T00:00:00+00:00"


def test_todays_date_in_the_sites_header_and_a_cookie_notices_date_are_no_publication():
    article = "<main><article><h1>Harbour cranes</h1>" + _paras(4) + "</article></main>"
    header = "<header class='masthead'><a href='/'>Port news</a><div class='today'>Montag, 12. März 2025</div></header>"
    cookie = ("<div id='cookie-banner'><p>Wir verwenden Cookies. Datenschutzhinweise, Stand: 01.02.2024</p>"
              "<button>OK</button></div>")
    # the consent box named by a class word in capitals, beside other names
    named = cookie.replace("id='cookie-banner'", "class='overlay CMP-Banner'")
    for body in (header + article, article + cookie, article + named):
        assert extract_article(_doc("<title>Harbour cranes</title>", body).encode(), HARBOUR).record["date_published"] is None


_EN_TEXT = "".join(f"<p>Paragraph {i}: the port has put two cranes back into service after last week's storm, "
                   "the management said on Tuesday.</p>" for i in range(1, 5))


@pytest.mark.parametrize("body", [
    # an article's own header under the headline, outside any <article>
    "<div class='site-branding'><a href='/'>Port news</a></div><div id='content'><h1>Harbour cranes</h1>"
    "<header class='entry-meta'><span class='posted-on'>12 March 2025</span></header>{text}</div>",
    # a header in the content of role="main", above the headline
    "<div role='main'><header class='article-head'><span class='date'>12 March 2025</span></header>"
    "<h1>Harbour cranes</h1>{text}</div>",
    # the article's header holding a smaller heading, after the site's masthead
    "<header class='site-header'><div class='logo'>Port news</div></header><div class='container'>"
    "<header class='post-header'><h3>Harbour cranes</h3><p class='post-date'>12 March 2025</p></header>{text}</div>",
    # a meta line whose class holds a consent word as part of another
    "<h1>Harbour cranes</h1><div class='recipe-meta cookie-recipe'>Posted 12 March 2025</div>{text}",
])
def test_a_header_that_is_no_sites_masthead_and_a_class_merely_holding_a_consent_word_are_read(body):
    # another story's older day below the text, which htmldate reads when the header is taken away
    text = _EN_TEXT + "<div class='widget'><h3>Recent posts</h3><p><a href='/b'>Bridge works</a> 2 January 2025</p></div>"
    html = _doc("<title>Harbour cranes</title>", body.format(text=text)).replace("<html>", "<html lang='en-GB'>")
    assert extract_article(html.encode(), HARBOUR).record["date_published"] == "2025-03-12T00:00:00+00:00"


def test_a_date_in_the_articles_own_header_or_a_wrapper_named_for_consent_is_read():
    # the false friends: a <header> holding the headline, a wrapper named after a consent state
    own = ("<main><article><header><h1>Harbour cranes</h1><p class='dateline'>Montag, 12. März 2025</p></header>"
           + _paras(4) + "</article></main>")
    wrapped = ("<div class='has-cookie-consent'><main><article><h1>Harbour cranes</h1>"
               "<p class='dateline'>Montag, 12. März 2025</p>" + _paras(4) + "</article></main></div>")
    for body in (own, wrapped):
        html = _doc("<title>Harbour cranes</title>", body).replace("<html>", "<html lang='de'>")
        assert extract_article(html.encode(), HARBOUR).record["date_published"] == "2025-03-12T00:00:00+00:00"


# --- a printed time beside the printed day, read past credits, desks and label cells -----------

def _lang_page(lang: str, title: str, body: str, head: str = "") -> dict:
    html = (f"<html lang='{lang}'><head><meta charset='utf-8'><title>{title}</title>{head}</head>"
            f"<body>{body}</body></html>")
    return extract_article(html.encode(), "https://news.example.org/local/story").record


def test_a_desk_name_before_a_separator_opens_a_date_line():
    rec = _lang_page("es", "Reabre el mercado de abastos tras las obras",
                     "<article><h1>Reabre el mercado de abastos tras las obras</h1>"
                     "<div class='firma'>Redacción · 08/02/2026 19:40</div>" + _paras(4) + "</article>",
                     "<meta property='article:modified_time' content='2026-02-08T20:00:00+01:00'>")
    assert rec["date_published"] == "2026-02-08T19:40:00+01:00"
    assert "day_only" not in rec["quality_flags"]


def test_a_desk_and_a_name_in_lower_case_before_a_separator_open_no_date_line():
    from newsbot.extraction.date_fields import _byline_end

    line = "La Redacción · 8 de febrero de 2026, 19:40"
    assert line[_byline_end(line):] == "8 de febrero de 2026, 19:40"
    # the false friends: a sentence's words, a capitalised word that names no desk
    assert _byline_end("Redacción de la noche · 8 de febrero de 2026") == 0
    assert _byline_end("Mercado · 8 de febrero de 2026") == 0


@pytest.mark.parametrize("lang, line, want", [
    ("sk", "Uverejnené 7. 4. 2026 o 11:30 | Autor: Oľga Hrušková, foto: Ivan Páleník", "2026-04-07T11:30:00+00:00"),
    ("lv", "2026. gada 12. martā plkst. 15:45 · Autors: Ilze Kalniņa", "2026-03-12T15:45:00+00:00"),
    ("cs", "Text: Věra Sýkorová, foto: Karel Dvořáček | 9. 2. 2026", "2026-02-09T00:00:00+00:00"),
    ("cs", "Text a foto: Věra Sýkorová | 9. 2. 2026", "2026-02-09T00:00:00+00:00"),
    ("cs", "Foto: Karel Dvořáček | 9. 2. 2026", "2026-02-09T00:00:00+00:00"),
])
def test_a_date_line_is_read_past_the_credits_around_it(lang, line, want):
    rec = _lang_page(lang, "Obecní knihovna", f"<div class='clanek'><h1>Obecní knihovna</h1><p class='info'>{line}</p>"
                     + _paras(4) + "</div>")
    assert rec["date_published"] == want


def test_a_credit_closing_a_date_line_is_cut_only_after_a_separator():
    from newsbot.extraction.date_fields import _byline_start

    line = "Uverejnené 7. 4. 2026 o 11:30 | Autor: Oľga Hrušková"
    assert line[:_byline_start(line)] == "Uverejnené 7. 4. 2026 o 11:30"
    # the false friends: no separator before the word, a separator before no credit
    assert _byline_start("Autor 7. 4. 2026 o 11:30") == len("Autor 7. 4. 2026 o 11:30")
    assert _byline_start("7. 4. 2026 | 11:30") == len("7. 4. 2026 | 11:30")


def test_an_old_table_page_headline_in_an_h2_is_no_box_heading():
    rec = _lang_page("sr-Latn", "Otvoren novi most preko reke",
                     "<table width='760'><tr><td><h2>Otvoren novi most preko reke</h2>"
                     "<font color='#666666'>Objavljeno: 14.05.2026. u 12:45 | Autor: Milan Ilić</font>"
                     + _paras(4) + "</td></tr></table>",
                     "<meta property='article:modified_time' content='2026-05-14T12:50:00+02:00'>")
    assert rec["date_published"] == "2026-05-14T12:45:00+02:00"


def test_a_box_heading_the_title_does_not_repeat_still_marks_a_box():
    rec = _lang_page("sr-Latn", "Otvoren novi most preko reke",
                     "<table width='760'><tr><td><h2>Otvoren novi most preko reke</h2>"
                     "<p class='datum'>14.05.2026</p>" + _paras(4) + "<h3>Svečano otvaranje</h3>"
                     "<p>20.05.2026 u 18:30</p></td></tr></table>")
    assert rec["date_published"] == "2026-05-14T00:00:00+00:00"  # not the ceremony's time
    assert "day_only" in rec["quality_flags"]


@pytest.mark.parametrize("cells", [
    "<table class='metryka'><tr><th>Wytworzył:</th><td>Wydział Dróg</td></tr><tr><th>Opublikował:</th>"
    "<td>Ewa Lis</td></tr><tr><th>Data publikacji:</th><td>29.04.2026 12:15</td></tr><tr><th>Ostatnia zmiana:"
    "</th><td>30.04.2026 08:02</td></tr></table>",
    "<table><tr><td>Data publikacji</td><td>29.04.2026 12:15</td></tr><tr><td>Data modyfikacji</td>"
    "<td>30.04.2026 08:02</td></tr></table>",
])
def test_a_label_cell_dates_the_value_cell_beside_it(cells):
    rec = _lang_page("pl", "Przetarg na remont drogi", "<div id='tresc'><h1>Przetarg na remont drogi</h1>"
                     + _paras(4) + cells + "</div>")
    assert rec["date_published"] == "2026-04-29T12:15:00+00:00"
    assert rec["date_modified"] == "2026-04-30T08:02:00+00:00"


def test_a_label_cell_of_another_word_dates_nothing():
    from newsbot.extraction.date_fields import _label_rows
    from newsbot.extraction.record import Fields
    from newsbot.extraction.page import Page

    html = _doc("<title>Przetarg</title>", "<table><tr><th>Termin składania ofert:</th><td>29.05.2026 12:00</td></tr>"
                "<tr><th>Data publikacji:</th><td>Ewa Lis</td></tr></table>")
    assert _label_rows(Fields(Page(html.encode(), "https://bip.example.org/a"))) == []


# --- a <time> at midnight printing a day alone -------------------------------------------------

@pytest.mark.parametrize("printed, want, flagged", [
    ("2026. gada 2. maijs", "2026-05-02T00:00:00+03:00", True),
    ("2 May 2026, 0:00", "2026-05-02T00:00:00+03:00", False),  # the false friends: a printed midnight
    ("2 May 2026, 12:00 a.m.", "2026-05-02T00:00:00+03:00", False),
])
def test_a_time_at_midnight_printing_the_day_alone_is_a_day(printed, want, flagged):
    rec = _page("<article class='h-entry'><h1>Harbour cranes</h1><p class='post-meta'><time class='dt-published' "
                f"datetime='2026-05-02T00:00:00+03:00'>{printed}</time></p>{_paras(4)}</article>")
    assert rec["date_published"] == want
    assert ("day_only" in rec["quality_flags"]) is flagged


# --- a label table dates the page only after the text, on a page printing no date -------------

def _table_page(lang: str, title: str, meta: str, table: str, after: str = "", head: str = "") -> dict:
    return _lang_page(lang, title, f"<div id='tresc'><h1>{title}</h1>{meta}" + _paras(4) + table + "</div>" + after,
                      head)


@pytest.mark.parametrize("meta, table, after, head", [
    # a date line of the page's own: a table after the text is a record's, not the page's
    ("<p class='datum'>03.03.2026</p>", "<table><tr><td>Published</td><td>2026-01-10</td></tr>"
     "<tr><td>Last modified</td><td>2026-02-02</td></tr></table>", "", ""),
    # a structured date
    ("", "<table><tr><td>Published</td><td>2026-01-10</td></tr><tr><td>Last modified</td>"
     "<td>2026-02-02</td></tr></table>", "", "<meta property='article:published_time' content='2026-03-03T08:00:00+00:00'>"),
    # a label that is not the whole cell: the next update's, the site's
    ("", "<table><tr><th>Next update:</th><td>15.05.2026</td></tr></table>", "", ""),
    ("", "<table><tr><td>Site last updated:</td><td>7 December 2026</td></tr></table>", "", ""),
    # a table inside the text (a paragraph after it), a box under its own heading
    ("", "<table><tr><td>Last modified</td><td>2026-02-02</td></tr></table>" + "<p>" + "More words. " * 15 + "</p>",
     "", ""),
    ("", "<h3>Download the report</h3><table><tr><td>Last modified</td><td>2026-02-02</td></tr></table>", "", ""),
])
def test_a_label_table_that_is_no_page_metadata_dates_nothing(meta, table, after, head):
    from newsbot.extraction.date_fields import _label_rows
    from newsbot.extraction.page import Page
    from newsbot.extraction.record import Fields

    html = (f"<html lang='en-GB'><head><meta charset='utf-8'><title>Router flaw</title>{head}</head><body>"
            f"<div id='tresc'><h1>Router flaw</h1>{meta}{_paras(4)}{table}</div>{after}</body></html>")
    assert _label_rows(Fields(Page(html.encode(), "https://news.example.org/local/story"))) == []


def test_a_description_list_dates_no_page():
    rec = _table_page("de", "Neue Pegeldaten für den Hafen", "<p class='datum'>12.03.2026</p>",
                      "<dl><dt>Datensatz</dt><dd>Pegel Nord</dd><dt>Erstellt</dt><dd>12.03.2026, 06:00 Uhr</dd></dl>")
    assert rec["date_published"] == "2026-03-12T00:00:00+00:00"  # not the data set's time
    assert "day_only" in rec["quality_flags"]
    assert rec["date_modified"] is None


# --- a caption's credit, a listed story's desk, a desk after a lead-in --------------------------

@pytest.mark.parametrize("box", [
    "<figure><img src='/a.jpg' alt=''><figcaption>Foto: Karel Dvořáček | 9. 2. 2026 06:40</figcaption></figure>",
    "<ul class='nejnovejsi'><li><a href='/b'>Jiná zpráva z přístavu</a> <span>Redakce · 9. 2. 2026 07:15</span></li></ul>",
])
def test_a_captions_credit_and_a_listed_storys_desk_open_no_date_line(box):
    rec = _lang_page("cs", "Obecní knihovna", f"{box}<div class='clanek'><h1>Obecní knihovna</h1>"
                     "<p class='datum'>9. 2. 2026</p>" + _paras(4) + "</div>")
    assert rec["date_published"] == "2026-02-09T00:00:00+00:00"  # not the photo's or the other story's time
    assert "day_only" in rec["quality_flags"]


@pytest.mark.parametrize("lang, line, want", [
    ("pl", "Autor: Redakcja | 12.03.2026 14:05", "2026-03-12T14:05:00+00:00"),
    ("es", "Por Redacción · 08/02/2026 19:40", "2026-02-08T19:40:00+00:00"),
])
def test_a_lead_in_and_a_desk_open_a_date_line(lang, line, want):
    rec = _lang_page(lang, "Obras en el puerto", f"<div class='nota'><h1>Obras en el puerto</h1><p class='info'>{line}"
                     "</p>" + _paras(4) + "</div>")
    assert rec["date_published"] == want


def test_a_lead_in_and_a_lower_case_word_open_no_date_line():
    from newsbot.extraction.date_fields import _byline_end

    assert _byline_end("Por decisión · 08/02/2026 19:40") == 0
    assert _byline_end("Por Redacción · 08/02/2026 19:40", desk=False) == 0


# --- a heading the title repeats ----------------------------------------------------------------

def test_a_column_heading_the_title_repeats_is_a_box_heading_beside_a_headline():
    rec = _lang_page("en-GB", "Harbour plan approved – Harbour Post – Stories from the northern coast",
                     "<div class='col'><h3>Stories from the northern coast</h3><p>12 March 2026, 06:10</p></div>"
                     "<div class='main'><h1>Harbour plan approved</h1><p class='date'>12 March 2026</p>"
                     + _paras(4) + "</div>")
    assert rec["date_published"] == "2026-03-12T00:00:00+00:00"
    assert "day_only" in rec["quality_flags"]


def test_many_headings_the_title_repeats_are_each_a_boxs_over_its_own_time():
    # a thousand headings printing the title, each over a time: none is the headline, none dates the page
    heads = "".join(f"<h3>Harbour plan approved by the board</h3><p>12 March 2026, {i % 24:02}:{i % 60:02}</p>"
                    for i in range(1000))
    rec = _lang_page("en", "Harbour plan approved by the board | Harbour Post",
                     f"<article><h1>Harbour plan approved by the board</h1><div class='box'><h3>Dates</h3>{heads}"
                     "</div>" + _paras(4) + "</article>", "<meta property='article:published_time' content='2026-03-12'>")
    assert rec["date_published"] == "2026-03-12T00:00:00+00:00"


# --- a <time> at midnight printing more than a day ----------------------------------------------

@pytest.mark.parametrize("lang, element", [
    ("en", "<time class='published' datetime='2026-03-05T00:00:00+00:00'>3 hours ago</time>"),
    ("en-US", "<time datetime='2026-03-05T00:00:00+00:00'>March 5, 2026 12 AM</time>"),
    ("fr", "<time datetime='2026-03-05T00:00:00+00:00'>5 mars 2026 à minuit</time>"),
    ("en-GB", "Posted <time datetime='2026-03-05T00:00:00+00:00'>5 March</time> at midnight"),
    ("cs", "<time datetime='2026-03-05T00:00:00+00:00'>5. 3. 2026</time> <span>0:00</span>"),
])
def test_a_time_at_midnight_printing_more_than_a_whole_day_is_midnight(lang, element):
    rec = _lang_page(lang, "Harbour cranes", f"<article><h1>Harbour cranes</h1><p class='meta'>{element}</p>"
                     + _paras(4) + "</article>")
    assert rec["date_published"] == "2026-03-05T00:00:00+00:00"
    assert "day_only" not in rec["quality_flags"]


def test_a_microdata_time_at_midnight_printing_the_day_alone_is_a_day():
    rec = _lang_page("lv", "Ostas celtņi", "<article itemscope itemtype='http://schema.org/BlogPosting'><h1 "
                     "itemprop='headline'>Ostas celtņi</h1><p class='post-meta'><time class='dt-published' "
                     "datetime='2026-05-02T00:00:00+03:00' itemprop='datePublished'>2026. gada 2. maijs</time></p>"
                     + _paras(4) + "</article>")
    assert rec["date_published"] == "2026-05-02T00:00:00+03:00"
    assert "day_only" in rec["quality_flags"]


def test_a_time_alone_after_a_closing_byline_is_the_date_lines():
    from newsbot.extraction.date_fields import _without_closing_byline

    rec = _lang_page("sk", "Obecná knižnica", "<div class='clanok'><h1>Obecná knižnica</h1><p class='info'>7. 4. 2026 | "
                     "Autor: Oľga Hrušková | 11:30</p>" + _paras(4) + "</div>")
    assert rec["date_published"] == "2026-04-07T11:30:00+00:00"
    # the false friend: other words after the byline are its credits, no date line's
    assert _without_closing_byline("7. 4. 2026 | Autor: Oľga Hrušková | Foto: Ivan Páleník") == "7. 4. 2026"


def _text(lang: str) -> str:
    """Four paragraphs of running text in ``lang`` (``de``, ``fr``, ``it``, ``nl``, ``sk``, ``hu``, ``en``)."""
    sentence = {
        "de": "Der Gemeinderat hat am Abend den Plan für die neue Fußgängerbrücke über den Kanal beschlossen.",
        "fr": "Le conseil municipal a adopté hier soir le projet de passerelle au-dessus du canal du port.",
        "it": "Il consiglio comunale ha approvato ieri sera il progetto della passerella sopra il canale.",
        "nl": "De gemeenteraad heeft gisteravond het plan voor de nieuwe voetgangersbrug over het kanaal goedgekeurd.",
        "sk": "Mestské zastupiteľstvo včera večer schválilo projekt novej lávky pre peších cez kanál v prístave.",
        "hu": "A városi közgyűlés tegnap este elfogadta a csatorna feletti új gyalogoshíd tervét a kikötőben.",
        "en": "The town council approved the plan for the new footbridge over the harbour canal last night.",
    }[lang]
    return "".join(f"<p>{sentence} ({i})</p>" for i in range(1, 5))


@pytest.mark.parametrize("lang, line", [
    ("de", "Zuletzt aktualisiert: 12.03.2026, 18:20 Uhr | Erstveröffentlichung: 11.03.2026, 21:05 Uhr"),
    ("de", "Aktualisiert am 12.03.2026, 18:20 Uhr · Erstmals veröffentlicht am 11.03.2026, 21:05 Uhr"),
    ("en", "Last updated 12 March 2026, 18:20 | First published 11 March 2026, 21:05"),
    ("fr", "Mis à jour le 12/03/2026 à 18h20 | Première publication le 11/03/2026 à 21h05"),
    ("it", "Aggiornato il 12/03/2026 alle 18:20 | Prima pubblicazione 11/03/2026 alle 21:05"),
    ("it", "Aggiornato il 12/03/2026 alle 18:20 | Pubblicato per la prima volta il 11/03/2026 alle 21:05"),
    ("nl", "Bijgewerkt 12-03-2026 18:20 | Eerste publicatie 11-03-2026 21:05"),
])
def test_a_first_publications_label_after_the_updates_names_the_day_it_stands_before(lang, line):
    rec = _lang_page(lang, "Kanal", f"<article><h1>Kanal</h1><div class='article-dates'>{line}</div>"
                     + _text(lang) + "</article>")
    assert rec["date_published"] == "2026-03-11T21:05:00+00:00"
    assert rec["date_modified"] == "2026-03-12T18:20:00+00:00"


def test_an_update_line_alone_dates_no_publication():
    # the false friend: the update's label names the update, the publication is the meta tag's
    rec = _lang_page("de", "Kanal", "<article><h1>Kanal</h1><div class='article-dates'>Zuletzt aktualisiert: "
                     "12.03.2026, 18:20 Uhr</div>" + _text("de") + "</article>",
                     "<meta property='article:published_time' content='2026-03-10T07:00:00+01:00'>")
    assert rec["date_published"] == "2026-03-10T07:00:00+01:00"


def _stale(line: str, published: str, url: str = "https://giornale.example.it/2026/03/12/passerella-sul-canale/",
           before: str = "") -> dict:
    head = ("<title>Passerella sul canale</title><script type='application/ld+json'>{\"@type\": \"NewsArticle\", "
            f"\"headline\": \"Passerella sul canale\", \"datePublished\": \"{published}\"}}</script>")
    html = (f"<html lang='it'><head><meta charset='utf-8'>{head}</head><body>{before}<article>"
            f"<h1>Passerella sul canale</h1>{line}{_text('it')}</article></body></html>")
    return extract_article(html.encode(), url).record


@pytest.mark.parametrize("line, before, url", [
    # an event's page: the address and the first date element name the event's day
    ("<p class='data'>12 marzo 2026</p>", "", "https://giornale.example.it/eventi/2026/03/12/passerella-sul-canale/"),
    # the site's bar of today's date first
    ("", "<div class='oggi'>12 marzo 2026</div>", None),
    # a related story's date first in the source
    ("", "<aside class='related'><p class='data'>12 marzo 2026</p><a href='/altro'>Altra notizia</a></aside>", None),
    # the update's day printed first, its label apart
    ("<p><span class='etichetta'>Ultima modifica:</span> <span class='data'>12 marzo 2026</span></p>", "", None),
    ("<p class='date-updated'>12 marzo 2026</p>", "", None),
    # an archive's copy of the page
    ("<p class='data'>12 marzo 2026</p>", "", "https://archivio.example.it/archivio/2026/03/12/passerella-sul-canale/"),
])
def test_a_structured_date_stands_against_the_addresss_day_the_page_prints(line, before, url):
    published = "2025-11-04T08:00:00+01:00"
    rec = _stale(line, published, url or "https://giornale.example.it/2026/03/12/passerella-sul-canale/", before)
    assert rec["date_published"] == _iso(published)


def _iso(value: str) -> str:
    from newsbot.extraction.dates import iso, parse_date

    return iso(parse_date(value).value)


def _static_post(time_element: str, meta: str = "2026-03-03T00:00:00+00:00", after: str = "") -> dict:
    html = ("<html lang='en'><head><meta charset='utf-8'><title>Notes on caching</title>"
            f"<meta property='article:published_time' content='{meta}'></head><body>"
            "<article class='post h-entry'><h1 class='post-title p-name'>Notes on caching</h1>"
            f"<p class='post-meta'>{time_element}</p>{_text('en')}{after}</article></body></html>")
    return extract_article(html.encode(), "https://blog.example.org/2026/03/03/notes-on-caching.html").record


def test_a_midnight_meta_time_beside_a_time_printing_that_day_alone_is_a_day():
    rec = _static_post("<time class='dt-published' datetime='2026-03-03T00:00:00+00:00'>Mar 3, 2026</time>")
    assert rec["date_published"] == "2026-03-03T00:00:00+00:00" and "day_only" in rec["quality_flags"]


def test_a_midnight_made_a_day_takes_no_later_instant_of_that_day():
    # an in-text event's hAtom time the same day is no publication's time
    rec = _static_post("<time class='dt-published' datetime='2026-03-03T00:00:00+00:00'>Mar 3, 2026</time>",
                       after="<p>Meetup: <abbr class='published' title='2026-03-03T18:30:00+00:00'>tonight 6.30pm</abbr>"
                             " at the library.</p>")
    assert rec["date_published"] == "2026-03-03T00:00:00+00:00" and "day_only" in rec["quality_flags"]


@pytest.mark.parametrize("time_element, meta", [
    # the <time> prints the midnight
    ("<time class='dt-published' datetime='2026-03-03T00:00:00+00:00'>Mar 3, 2026, 12:00 AM</time>", None),
    # the meta time is no midnight
    ("<time class='dt-published' datetime='2026-03-03T00:00:00+00:00'>Mar 3, 2026</time>", "2026-03-03T09:30:00+00:00"),
    # the <time> prints another day
    ("<time class='dt-published' datetime='2026-03-02T00:00:00+00:00'>Mar 2, 2026</time>", None),
    # the midnight printed in the element after the <time>'s
    ("<time class='dt-published' datetime='2026-03-03T00:00:00+00:00'>Mar 3, 2026</time></p>"
     "<p class='post-time'>00:00", None),
])
def test_a_meta_time_stays_an_instant_unless_the_page_prints_its_midnight_as_a_day(time_element, meta):
    rec = _static_post(time_element, meta or "2026-03-03T00:00:00+00:00")
    assert rec["date_published"] == _iso(meta or "2026-03-03T00:00:00+00:00")
    assert "day_only" not in rec["quality_flags"]


def _date_of(lang: str, line: str) -> str | None:
    from newsbot.extraction.date_fields import date_published
    from newsbot.extraction.page import Page
    from newsbot.extraction.record import Fields

    html = (f"<html lang='{lang}'><head><meta charset='utf-8'><title>Lávka</title></head><body><article><h1>Lávka</h1>"
            f"<div class='article-info'>{line}</div>{_text('sk') if lang == 'sk' else '<p>…</p>'}</article></body></html>")
    value = date_published(Fields(Page(html.encode(), "https://noviny.example.sk/domov/lavka/")))[0]
    return value and value.isoformat()


@pytest.mark.parametrize("lang, day", [
    ("sk", "10. marca 2026 o 14:35"), ("cs", "10. března 2026 v 14:35"), ("uk", "10 березня 2026 о 14:35"),
    ("bg", "10 март 2026 в 14:35"), ("hr", "10. ožujka 2026. u 14:35"), ("da", "10. marts 2026 kl. 14:35"),
    ("fi", "10. maaliskuuta 2026 klo 14.35"), ("de", "10. März 2026 um 14:35 Uhr"), ("fr", "10 mars 2026 à 14h35"),
    ("it", "10 marzo 2026 alle 14:35"), ("pt", "10 de março de 2026 às 14h35"), ("es", "10 de marzo de 2026 a las 14:35"),
    ("nl", "10 maart 2026 om 14:35"), ("el", "10 Μαρτίου 2026 στις 14:35"), ("lv", "2026. gada 10. martā plkst. 14:35"),
    ("pl", "10 marca 2026 o godz. 14:35"), ("sl", "10. marca 2026 ob 14:35"), ("sv", "10 mars 2026 kl. 14:35"),
])
def test_a_date_line_closed_by_the_authors_name_alone_is_read(lang, day):
    line = f"{day} · <a class='author' href='/autor/jana'>Jana Kováčová</a>"
    assert _date_of(lang, line) == "2026-03-10T14:35:00+00:00"


def test_a_slovak_date_line_closed_by_its_author_dates_the_article():
    rec = _lang_page("sk", "Lávka", "<article><h1>Lávka</h1><div class='article-info'>Publikované 10. marca 2026 o "
                     "14:35 · <a class='author' href='/autor/jana'>Jana Kováčová</a></div>" + _text("sk") + "</article>")
    assert rec["date_published"] == "2026-03-10T14:35:00+00:00"
    # the false friend: words in lower case after the separator make the line no date line
    assert _date_of("sk", "Publikované 10. marca 2026 o 14:35 · čítajte aj o novej lávke v susednom meste") is None


def _drupal_7_node(signature: str, before: str = "") -> dict:
    html = ("<html lang='hu'><head><meta charset='utf-8'><title>Új gyalogoshíd | Hírek</title></head><body>"
            f"{before}<h1 class='title'>Új gyalogoshíd</h1><div id='node-41' class='node node-article'>{signature}"
            f"<div class='content'>{_text('hu')}</div></div></body></html>")
    return extract_article(html.encode(), "https://hirek.example.hu/hirek/uj-gyalogoshid").record


_D7_BODY = ("<p>Prace przy bulwarze potrwają do jesieni, objazdy wyznaczono.</p><p>Miasto prosi o cierpliwość.</p>"
            "<p>Szczegóły podamy wkrótce.</p>")


def _d7_short_node(node: str, lang: str = "pl") -> dict:
    """A Drupal 7 page (Zen's regions, the body's class naming the node's type) of one short node."""
    html = (f"<html lang='{lang}' dir='ltr'><head><meta charset='utf-8'><title>Toruń: remont bulwaru | Urząd</title>"
            "</head><body class='html not-front not-logged-in one-sidebar page-node page-node- page-node-2290 "
            "node-type-article'><div id='page'><div id='main'><div id='content' class='column'><div class='section'>"
            "<h1 class='title' id='page-title'>Toruń: remont bulwaru</h1><div id='node-2290' class='node "
            "node-aktualnosc clearfix' about='/aktualnosci/torun-remont-bulwaru' typeof='sioc:Item foaf:Document'>"
            f"{node}<div class='field field-name-body field-type-text-with-summary field-label-hidden'>"
            f"<div class='field-items'><div class='field-item even' property='content:encoded'>{_D7_BODY}</div></div>"
            "</div></div></div></div></div></div></body></html>")
    return extract_article(html.encode(), "https://www.um-torun.example.pl/aktualnosci/torun-remont-bulwaru").record


def test_the_rdfa_metadata_of_a_short_drupal_7_node_under_the_title_dates_the_page():
    # the node's own empty metadata element, the theme printing no signature
    rec = _d7_short_node("<span property='dc:date dc:created' content='2026-02-03T13:00:00+01:00' "
                         "datatype='xsd:dateTime'></span> <div class='field field-name-field-dzial field-label-hidden'>"
                         "Inwestycje</div> <div class='field field-name-field-data field-type-datetime "
                         "field-label-hidden'><span class='date-display-single'>03.02.2026</span></div> ")
    assert rec["date_published"] == "2026-02-03T13:00:00+01:00"
    # its signature, the body's class naming the node's type no node before it
    rec = _d7_short_node("<div class='submitted'><span property='dc:date dc:created' content='2026-03-09T10:00:00+01:00' "
                         "datatype='xsd:dateTime'>Beküldte <span class='username'>sajto</span> - 2026. 03. 09., h - "
                         "10:00</span></div>", "hu")
    assert rec["date_published"] == "2026-03-09T10:00:00+01:00"


def test_a_short_drupal_nodes_rdfa_date_in_a_field_or_a_node_without_a_subject_is_not_the_pages():
    # a field's own date, deeper than the node's metadata: an event's
    rec = _d7_short_node("<div class='field field-name-field-termin'><span property='dc:date dc:created' "
                         "content='2026-04-18T10:00:00+02:00'></span>18.04.2026</div>")
    assert rec["date_published"] != "2026-04-18T10:00:00+02:00"
    # a notice node with no RDFa subject before the article's node
    notice = ("<div class='node node-page node-sticky'><div class='content'><p>Az ünnepek alatt a szerkesztőség "
              "korlátozottan dolgozik.</p></div><span property='dc:date dc:created' content='2025-12-20T09:00:00+01:00'>"
              "</span></div>")
    rec = _drupal_7_node("<div class='submitted'>2026. 03. 09. 10:00</div>", notice)
    assert not rec["date_published"].startswith("2025-12-20")


def test_an_rdfa_date_of_a_sidebars_drupal_node_is_not_the_pages():
    sidebar = ("<div class='region-sidebar-first'><div class='node node-article'><h2><a href='/hirek/mas'>Más hír</a>"
               "</h2><span property='dc:date dc:created' content='2025-12-01T10:00:00+01:00'></span></div></div>")
    rec = _drupal_7_node("<div class='field'><span class='date-display-single'>03.02.2026</span></div>", sidebar)
    assert rec["date_published"] == "2026-02-03T00:00:00+00:00"
