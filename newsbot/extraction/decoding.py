"""Page bytes to text, as browsers decode them (the HTML standard's order, the WHATWG
Encoding Standard's labels), with a declared charset checked against the bytes. Pure: no
Scrapy; used for article pages and listing pages alike.
"""
from __future__ import annotations

import codecs
import re

import webencodings
from w3lib.encoding import to_unicode

from .text import strip_control, strip_control_utf8, utf8_has_control

_META_CHARSET = re.compile(rb"""<meta[^>]+charset\s*=\s*["']?\s*([A-Za-z0-9_.:-]+)""", re.I)
_HEADER_CHARSET = re.compile(r"charset\s*=\s*[\"']?([A-Za-z0-9_.:-]+)", re.I)
_BOMS = ((codecs.BOM_UTF8, "utf-8"), (codecs.BOM_UTF16_LE, "utf-16-le"), (codecs.BOM_UTF16_BE, "utf-16-be"))

_DECODERS = {
    "gbk": "gb18030", "gb18030": "gb18030", "big5": "big5hkscs", "euc-kr": "cp949",
    "shift_jis": "cp932", "windows-874": "cp874", "iso-8859-8-i": "iso8859-8",
    "x-mac-cyrillic": "mac-cyrillic", "macintosh": "mac-roman",
}
"""Python codecs for the WHATWG encodings whose decoder is a superset of the like-named Python
codec (the Encoding Standard decodes GBK with the gb18030 decoder, Big5 as Big5-HKSCS, EUC-KR
as windows-949 and Shift_JIS as windows-31J), or whose name Python does not know."""


def charset_codec(label: str | None) -> str | None:
    """The Python codec name for a charset label, by the label table of the WHATWG Encoding
    Standard (https://encoding.spec.whatwg.org/#names-and-labels, through ``webencodings``):
    ``iso-8859-1``, ``ascii`` and ``latin1`` mean windows-1252, ``gb2312`` means GBK (decoded
    as gb18030), ``utf-16`` means UTF-16LE. ``None`` for a label the table does not hold (such
    as ``utf-7``), for the ``replacement`` encoding (``iso-2022-kr`` …) and ``x-user-defined``."""
    if not label:
        return None
    encoding = webencodings.lookup(label.strip().strip("\"'"))
    if encoding is None or encoding.name in ("replacement", "x-user-defined"):
        return None
    return _DECODERS.get(encoding.name) or codecs.lookup(encoding.name).name


_UTF8_SAMPLE = 200_000  # bytes checked against a declared charset and given to detection
_NON_ASCII = re.compile(rb"[\x80-\xff]+")
_NON_ASCII_TEXT = re.compile(r"[^\x00-\x7f]+")


def _utf8_verdict(data: bytes, whole: str | None = None) -> bool | None:
    """``True`` when the bytes are plainly UTF-8 (they hold non-ASCII bytes and all of them,
    up to a character cut by the sample's end, form valid UTF-8 sequences), ``False`` when they
    plainly are not (more invalid bytes than valid multi-byte characters), ``None`` for pure
    ASCII or a mix (a UTF-8 page with a few stray bytes). ``whole``: ``data`` decoded as UTF-8
    (:func:`_valid_utf8`), when it is valid throughout: then the sample is not decoded again."""
    sample = data[:_UTF8_SAMPLE]
    if sample.isascii():
        return None
    if whole is not None and "\ufffd" not in whole:
        return True  # valid, and no U+FFFD of its own the count below would take for an error
    text = sample.decode("utf-8", errors="replace")
    if len(sample) == _UTF8_SAMPLE:  # a character cut by the sample's end is not an error
        text = text.rstrip("\ufffd")
    invalid = text.count("\ufffd")
    if invalid == 0:
        return True
    valid = sum(map(len, _NON_ASCII_TEXT.findall(text))) - invalid
    return False if invalid > valid else None


def _valid_utf8(data: bytes) -> str | None:
    """``data`` decoded as UTF-8 when all of it is valid UTF-8, else ``None``."""
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        return None


def _detection_sample(data: bytes, limit: int = 64 * 1024, context: int = 64) -> bytes:
    """The parts of ``data`` around its non-ASCII bytes (``context`` bytes either side, runs
    joined by a newline), at most about ``limit`` bytes: a detector given the page's head sees
    markup and scripts, and with many KiB of ASCII before the text it guesses a single-byte
    charset for a GBK or Shift_JIS page."""
    parts: list[bytes] = []
    size = end = 0
    for m in _NON_ASCII.finditer(data):
        start, stop = max(m.start() - context, end), m.end() + context
        if start >= stop:
            continue
        if start > end and parts:
            parts.append(b"\n")
        parts.append(data[start:stop])
        size, end = size + stop - start, stop
        if size >= limit:
            break
    return b"".join(parts)


_CENTRAL = ("iso8859_2", "cp1250")
_BALTIC = ("cp1257", "iso8859_13", "iso8859_4")
_CYRILLIC = ("cp1251", "koi8_r", "koi8_u", "iso8859_5")
LEGACY_CHARSETS = {
    **dict.fromkeys(("cs", "sk", "pl", "hu", "sl", "hr", "bs"), _CENTRAL), "ro": ("iso8859_16", *_CENTRAL),
    **dict.fromkeys(("lt", "lv", "et"), _BALTIC), "el": ("cp1253", "iso8859_7"), "tr": ("cp1254", "iso8859_9"),
    "he": ("cp1255", "iso8859_8"),
    **dict.fromkeys(("bg", "ru", "uk", "mk", "sr", "be"), _CYRILLIC), "ar": ("cp1256", "iso8859_6"),
}
"""The legacy charsets of a language's script, for pages that declare their language but not
their charset: the HTML standard's suggested default for the locale (§13.2.3.3: windows-1250
… -1257) and the ISO 8859 parts of the same script, in order of preference. ISO 8859-2 comes
before windows-1250: Central European text in windows-1250 almost always holds one of the
letters it keeps at bytes 0x8A-0x9F (š, ž, ś, ź, ť), where ISO 8859-2 has control characters,
so bytes free of those are ISO 8859-2. The other scripts' charsets place the same letters at
the same bytes but for a few, except the Cyrillic and Arabic ones (:data:`_JUDGED`)."""
_JUDGED = {_CYRILLIC, ("cp1256", "iso8859_6")}
"""Charset lists whose members place the letters at other bytes: any of them decodes any
text, and charset-normalizer judges which reads as the language."""
_HTML_LANG = re.compile(rb"""<html\b[^>]*?\slang\s*=\s*["']?\s*([A-Za-z]{2,3})(?:[-_]([A-Za-z]{4}))?(?![A-Za-z])""",
                        re.I)
_SCRIPT_LETTERS = {_CYRILLIC: re.compile("[\u0400-\u04ff]"), ("cp1256", "iso8859_6"): re.compile("[\u0600-\u06ff]"),
                   ("cp1253", "iso8859_7"): re.compile("[\u0370-\u03ff]"),
                   ("cp1255", "iso8859_8"): re.compile("[\u0590-\u05ff]")}
"""The letters of the non-Latin scripts of :data:`LEGACY_CHARSETS`: a page in one of them
reads as more of its letters than Latin ones (a Latin-script page under a template's
``lang="ru"`` would turn its accented letters into Cyrillic ones)."""
_LATIN_LETTERS = re.compile("[A-Za-z]")
_C1 = re.compile("[\x80-\x9f]")


def _detect(data: bytes) -> str:
    """The charset of undeclared (or wrongly declared) non-UTF-8 bytes, as a Python codec name.
    A page whose ``<html lang>`` (in its first 4 KiB) names a language of
    :data:`LEGACY_CHARSETS` (its script subtag ``Latn`` heeded) is read in that language's first
    charset that decodes its non-ASCII parts (:func:`_detection_sample`) without error or C1
    control character and, for a non-Latin script, into more of that script's letters than
    Latin ones (:func:`_reads_cleanly`; for the lists of :data:`_JUDGED`, the fitting one
    charset-normalizer reads best). Other pages, and a page none of them fits, are read in the
    charset charset-normalizer finds, else in ``utf-8`` (decoded with replacement)."""
    from charset_normalizer import from_bytes

    sample = _detection_sample(data)
    m = _HTML_LANG.search(data[:4096])
    candidates = LEGACY_CHARSETS.get(m.group(1).decode("ascii").lower(), ()) if m else ()
    if m and m.group(2) and m.group(2).lower() == b"latn" and candidates in _SCRIPT_LETTERS:
        candidates = _CENTRAL  # sr-Latn, bs-Latn: a Latin script of a Cyrillic one's languages
    fits = [codec for codec in candidates if _reads_cleanly(sample, codec, _SCRIPT_LETTERS.get(candidates))]
    if fits and candidates not in _JUDGED:
        return fits[0]
    best = from_bytes(sample, cp_isolation=fits or None).best()
    return best.encoding if best else fits[0] if fits else "utf-8"


def _reads_cleanly(sample: bytes, codec: str, letters: re.Pattern | None = None) -> bool:
    """``sample`` decodes in ``codec`` without error or C1 control character, and, for a
    non-Latin script, holds more of that script's ``letters`` than Latin ones."""
    try:
        text = sample.decode(codec)
    except UnicodeDecodeError:
        return False
    if _C1.search(text):
        return False
    return letters is None or len(letters.findall(text)) > len(_LATIN_LETTERS.findall(text))


def _declared(label: str | None, data: bytes, in_meta: bool, whole: str | None = None) -> str | None:
    """The codec of a declared charset ``label`` unless the bytes contradict it: UTF-8 declared
    for bytes that are plainly not UTF-8, another charset for bytes that are plainly UTF-8
    (a server's default ``ISO-8859-1``, a template's stale ``<meta charset>``, a file saved
    as UTF-8 with its old declaration). ``<meta>`` naming UTF-16 means UTF-8, as the HTML
    standard's prescan says. ``None``: detect instead. ``whole``: as for :func:`_utf8_verdict`."""
    encoding = charset_codec(label)
    if encoding is None:
        return None
    if in_meta and encoding.startswith("utf-16"):
        encoding = "utf-8"
    verdict = _utf8_verdict(data, whole)
    if encoding == "utf-8":
        return None if verdict is False else encoding
    return "utf-8" if verdict is True else encoding


def decode_html(data: bytes | str, content_type: str | None = None) -> tuple[str, str]:
    """Decode page bytes to text; return ``(text, encoding)`` (a Python codec name).

    Order (the HTML standard's): byte-order mark, charset in the HTTP ``Content-Type`` header,
    ``<meta charset>`` / ``http-equiv`` in the first 4 KiB, then detection (charset-normalizer on
    the parts around the non-ASCII bytes, :func:`_detection_sample`), then UTF-8. Labels are read
    by the WHATWG table (:func:`charset_codec`). A declared charset the bytes contradict is
    skipped (:func:`_declared`): ``utf-8`` for bytes that are plainly not UTF-8, any other for
    bytes that are plainly valid UTF-8. Undecodable bytes become U+FFFD; control characters are
    removed from the result. ``str`` input is only cleaned (encoding reported as ``"str"``).
    """
    text, encoding, _ = decode_page(data, content_type)
    return text, encoding


def decode_page(data: bytes | str, content_type: str | None = None) -> tuple[str, str, bytes | None]:
    """:func:`decode_html`'s ``(text, encoding)`` and the text's UTF-8 form when that is ``data``
    itself (valid UTF-8 without a byte-order mark, nothing removed), else ``None``: a parser
    that reads UTF-8 takes the page's bytes as they came, without the text encoded again."""
    if isinstance(data, str):
        return strip_control(data), "str", None
    encoding = None
    for bom, name in _BOMS:
        if data.startswith(bom):
            encoding, data = name, data[len(bom):]
            break
    whole = None if encoding else _valid_utf8(data)  # read once, for the verdicts and the text
    if encoding is None and content_type:
        m = _HEADER_CHARSET.search(content_type)
        encoding = _declared(m.group(1), data, in_meta=False, whole=whole) if m else None
    if encoding is None:
        m = _META_CHARSET.search(data[:4096])
        encoding = _declared(m.group(1).decode("ascii", "ignore"), data, in_meta=True, whole=whole) if m else None
    if encoding is None:
        encoding = "utf-8" if _utf8_verdict(data, whole) is not False else _detect(data)
    if encoding == "utf-8" and whole is not None:
        text = strip_control_utf8(data, whole)
        return text, encoding, (data if text is whole else None)
    text = to_unicode(data, encoding)
    if encoding == "utf-8" and not utf8_has_control(data, text):
        return text, encoding, None
    return strip_control(text), encoding, None
