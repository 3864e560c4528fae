"""The language of a text, identified from the text itself by CLD2, the Compact Language
Detector of the Chromium project (through pycld2: its tables are compiled into the package, so
nothing is fetched or loaded at run time, and it adds about 2 MB to a process). Used when a
page does not say its language, or says one its text plainly is not."""
from __future__ import annotations

import re

SAMPLE = 3000
"""Characters of the text CLD2 reads (the title and the start of the body)."""
MIN_DETECT = 100
"""Characters a text needs before its language is named from it alone."""
MIN_CONTRADICT = 200
"""Characters a text needs before it may overrule a language the page declares. Counted on the
668 pages of ``../shared/corpus`` (news and snippets) that declare a language their whole text
agrees with: their title and body cut to 150, 200, 250 and 300 characters overrule it wrongly
on 2, 0, 2 and 1 pages."""
_TO_CLD2 = {"nb": "no", "he": "iw", "yi": "ji", "id": "id", "jv": "jw"}
"""BCP 47 primary subtags CLD2 writes otherwise (Norwegian Bokmål as ``no``, the deprecated
ISO 639 codes for Hebrew, Yiddish and Javanese)."""
_FROM_CLD2 = {"iw": "he", "ji": "yi", "jw": "jv"}
_CLOSE_SETS = ({"bs", "hr", "sr", "sr-ME"}, {"id", "ms"}, {"no", "nn", "da"})
"""Languages CLD2 cannot tell apart, as CLD2 codes: the sets of its table of statistically close
languages (``LanguageCloseSet`` in its ``lang_script.cc``) whose members are written almost
alike (the standard forms of Serbo-Croatian: Bosnian, Croatian, Serbian, Montenegrin; Indonesian
and Malay; Norwegian Bokmål, Nynorsk and Danish). Its guess of one of them is no evidence
against a declared other one: a paragraph of Croatian is read as Bosnian at 99 %. The table's
other sets in European languages, Czech and Slovak, and Galician, Spanish and Portuguese, it
tells apart on a paragraph (each of the 36 pages of ``../shared/corpus`` in Czech, Spanish or
Portuguese is read as the language it declares), so a guess there still contradicts."""
_CLOSE = {code: frozenset(close) for close in _CLOSE_SETS for code in close}
_UNSAFE = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufffe\uffff]")


def _details(text: str) -> tuple[bool, list[tuple[str, int]]] | None:
    """``(reliable, [(code, percent of the text), …])`` from CLD2, or ``None`` when it cannot
    read the text."""
    import pycld2

    try:
        reliable, _, details = pycld2.detect(_UNSAFE.sub(" ", text[:SAMPLE]), isPlainText=True)
    except pycld2.error:  # text CLD2 refuses (it says which byte)
        return None
    return reliable, [(code, percent) for _, code, percent, _ in details if code != "un"]


def _tag(code: str) -> str | None:
    return None if code.startswith("xx-") or code == "un" else _FROM_CLD2.get(code, code)


def detect_language(text: str | None) -> str | None:
    """The language ``text`` is written in (a BCP 47 tag: ``de``, ``zh-Hant``) when CLD2 calls
    its guess reliable, it covers 80 % of the text or more and the text holds
    :data:`MIN_DETECT` characters or more; else ``None``."""
    text = (text or "").strip()
    if len(text) < MIN_DETECT:
        return None
    found = _details(text)
    if not found or not found[0] or not found[1] or found[1][0][1] < 80:
        return None
    return _tag(found[1][0][0])


def contradicts(tag: str, text: str | None) -> str | None:
    """The language the text is written in when it plainly is not ``tag`` (a BCP 47 tag the
    page declares): the text holds :data:`MIN_CONTRADICT` characters or more, CLD2 calls its
    guess reliable, gives one other language 90 % of the text or more and finds none of
    ``tag``'s language, and that language is not one CLD2 names close to ``tag``'s
    (:data:`_CLOSE_SETS`: Croatian text read as Bosnian keeps a declared ``hr``; Serbian in
    Cyrillic declared ``hr`` does not, :data:`_LATIN_ONLY`). ``None`` when
    the text agrees, is too short, or the guess is unsure."""
    text = (text or "").strip()
    if len(text) < MIN_CONTRADICT:
        return None
    found = _details(text)
    if not found or not found[0] or not found[1]:
        return None
    primary = tag.split("-")[0].lower()
    primary = _TO_CLD2.get(primary, primary)
    (best, percent), codes = found[1][0], {c.split("-")[0] for c, _ in found[1]}
    if percent < 90 or primary in codes:
        return None
    if best in _CLOSE.get(primary, ()) and not (primary in _LATIN_ONLY and _mostly_cyrillic(text)):
        return None
    return _tag(best)


_LATIN_ONLY = frozenset(("hr", "bs"))
"""Languages of a close set (:data:`_CLOSE_SETS`) written in the Latin script alone (Bosnian's
Cyrillic is rare on the web): a text in Cyrillic declared so is Serbian, which CLD2 tells
by its script."""


def _mostly_cyrillic(text: str) -> bool:
    """Most letters of the first 2,000 characters of ``text`` are Cyrillic (U+0400–U+04FF)."""
    sample = text[:2000]
    cyrillic = sum(1 for ch in sample if "\u0400" <= ch <= "\u04ff")
    return cyrillic * 2 > sum(1 for ch in sample if ch.isalpha())
