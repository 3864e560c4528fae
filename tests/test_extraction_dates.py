"""Generic extraction of the dates (:mod:`newsbot.extraction.dates`,
:mod:`newsbot.extraction.date_fields`): day-only dates completed from the same day, naive times
read in the page's offset or as UTC, future dates rejected, a date nested in a web page node, a
missing date flagged."""
from __future__ import annotations

import json

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
