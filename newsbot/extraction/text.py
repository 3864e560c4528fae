"""Text helpers shared by every extraction field: normalisation and comparison keys.

Pure functions of ``str``; no I/O.
"""
from __future__ import annotations

import html
import re
import unicodedata
from functools import lru_cache

_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f\u200b\u200e\u200f\ufeff\ud800-\udfff]")
_QUOTES = tuple({
    "\u2018": "'", "\u2019": "'", "\u201a": "'", "\u201b": "'", "\u2032": "'",
    "\u201c": '"', "\u201d": '"', "\u201e": '"', "\u201f": '"', "\u00ab": '"', "\u00bb": '"',
    "\u2013": "-", "\u2014": "-", "\u2212": "-",
}.items())
"""``(character, replacement)``: the quotes and dashes a comparison key unifies (one
``str.replace`` each is many times faster than ``str.translate`` on text outside ASCII)."""
_TOKEN = re.compile(r"\w+", re.UNICODE)


def strip_control(text: str) -> str:
    """Remove NUL, C0 control characters (except tab/newline/CR), zero-width marks and lone
    UTF-16 surrogates (a cut emoji in a JSON string: no text encoding can write them).

    Each of them is a character ``str.isprintable`` refuses (categories Cc, Cf and Cs), so a
    printable text (most short ones) is returned as it is after that check in C, and any
    other is searched before it is rebuilt: nearly no text holds one, and the check and the
    search cost a fifth and three fifths of the substitution."""
    if text.isprintable() or not _CONTROL.search(text):
        return text
    return _CONTROL.sub("", text)


_CONTROL_BYTES = bytes([*range(0x00, 0x09), 0x0b, 0x0c, *range(0x0e, 0x20), 0x7f])
_INVISIBLE = "\u200b\u200e\u200f\ufeff"


def utf8_has_control(data: bytes, text: str) -> bool:
    """Whether ``text``, the bytes ``data`` decoded as UTF-8 (undecodable bytes replaced, so
    it holds no lone surrogate), has a character :func:`strip_control` removes: a C0 control
    byte in ``data`` or a zero-width mark in ``text``. Cheaper than :func:`strip_control` over a
    whole page, which most pages do not need."""
    return len(data.translate(None, _CONTROL_BYTES)) != len(data) or any(c in text for c in _INVISIBLE)


def strip_control_utf8(data: bytes, text: str) -> str:
    """:func:`strip_control` of ``text``, the bytes ``data`` decoded as valid UTF-8 (so it
    holds no lone surrogate), ``text`` itself when it has none of those characters (most
    pages). The C0 control bytes are deleted from ``data``, which is decoded again (in valid
    UTF-8 a byte below 0x80 is always a character of its own), and the zero-width marks are
    replaced in the text: each a pass in C, where the pattern's substitution over a whole
    page's text costs ten times as much."""
    kept = data.translate(None, _CONTROL_BYTES)
    if len(kept) != len(data):
        text = kept.decode("utf-8")
    for mark in _INVISIBLE:
        if mark in text:
            text = text.replace(mark, "")
    return text


def clean(text: str | None) -> str | None:
    """Return ``text`` NFC-normalised with runs of white space folded to one space and trimmed.

    ``None`` or a string that is empty after cleaning gives ``None`` (records never hold ``""``).
    """
    if text is None:
        return None
    return _fold_space(strip_control(unicodedata.normalize("NFC", text)))


def squash(text: str | None) -> str | None:
    """Like :func:`clean` but without Unicode normalisation: body text keeps the page's own
    composition (a decomposed ``a`` + combining diaeresis stays so), as printed."""
    if text is None:
        return None
    return _fold_space(strip_control(text))


def _fold_space(text: str) -> str | None:
    """``text`` with every run of white space (Unicode's: ``str.split``'s, the same set as the
    regular expression ``\\s``) folded to one space and trimmed; ``None`` when nothing is left.
    Splitting and joining is several times faster than a ``\\s+`` substitution."""
    return " ".join(text.split()) or None


_ENTITY = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")


def unescape_entities(text: str) -> str:
    """``text`` with HTML character references that survived the parser decoded: a value
    escaped twice by its CMS (``Q&amp;#038;A`` in the markup reads ``Q&#038;A``) becomes
    ``Q&A``. At most two further rounds; text without a complete reference is returned as is
    (a bare ``&`` stays)."""
    for _ in range(2):
        if not _ENTITY.search(text):
            break
        text = html.unescape(text)
    return text


@lru_cache(maxsize=4096)
def key(text: str) -> str:
    """Comparison key for a title or paragraph: cleaned, case-folded, quotes and dashes unified.

    Kept for the last texts asked: a page's title candidates, site names and paragraphs are
    compared by several fields, each of which asks for the same keys again (half the calls)."""
    text = clean(text) or ""
    if not text.isascii():  # the quotes and dashes unified are all outside ASCII
        for char, replacement in _QUOTES:
            if char in text:
                text = text.replace(char, replacement)
    return text.casefold()


def tokens(text: str | None) -> list[str]:
    """Unicode ``\\w+`` tokens of ``text`` (the corpus scoring rule's tokenisation)."""
    return _TOKEN.findall(text or "")
