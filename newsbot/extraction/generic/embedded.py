"""Embedded article HTML: article markup kept only as an escaped string in a script (the
JSON state of client-side rendered pages), found and read as a fragment.
"""
from __future__ import annotations

import json
import re

import lxml.etree

from .blocks import GOOD_MIN_CHARS, blocks
from .body import Body, extract
from .boilerplate import is_boilerplate

_JS_STRING = re.compile(r'"((?:[^"\\]|\\.){400,})"', re.S)
_HTML_HINT = re.compile(r"<(?:p|br|h2|div)\b", re.I)


def embedded_html(tree) -> str | None:
    """Article HTML held only as an escaped string inside a script (JSON state of client-side
    rendered pages, e.g. ``"contentHtml":"\\u003cp\\u003e…"``): the longest such string, once or
    twice JSON-unescaped, that holds paragraph markup; ``None`` when there is none."""
    found: list[str] = []
    for script in tree.iter("script"):
        if script.get("src") or not script.text or len(script.text) < 400:
            continue
        _html_strings(script.text, found, 0)
    best, best_len = None, 0
    for raw in found:
        start = raw.find("<")
        size = len(_TAGS.sub("", raw[start:]))
        if size > best_len:
            best, best_len = raw[start:], size
    return best if best_len >= GOOD_MIN_CHARS else None


def _html_strings(text: str, out: list, depth: int) -> None:
    for m in _JS_STRING.finditer(text):
        raw = m.group(1)
        try:
            raw = json.loads('"' + raw + '"')
        except ValueError:
            continue
        if '":"' in raw or '\\"' in raw:
            if depth < 2:
                _html_strings(raw, out, depth + 1)  # JSON inside the string: look deeper
            continue
        if _HTML_HINT.search(raw):
            out.append(raw)


_TAGS = re.compile(r"<[^>]*>")


def extract_fragment(markup: str) -> Body:
    """:func:`extract` on an HTML fragment (``markup``: a string of elements)."""
    import lxml.html

    try:
        root = lxml.html.document_fromstring("<html><body>" + markup + "</body></html>")
    except (ValueError, lxml.etree.ParserError):
        return Body([], [], {})
    body = extract(root)
    if body.paragraphs:
        return body
    # a fragment of loose text split by <br>: its runs are the paragraphs
    found = [b for b in blocks(root.find("body")) if not is_boilerplate(b.text)]
    return Body([b.text for b in found], found, {})
