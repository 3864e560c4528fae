"""Boilerplate text: block texts that are page furniture in any article (consent
placeholders, "read more" teasers, sign-in, share and newsletter prompts, credits, AI
notices…), headings announcing related content, and the funding notices and disclaimers
around a text, in many languages.

The rules here say which pattern a block text is tried against, in which order and under
which length; the patterns are compiled once, at import, from the phrase vocabulary
(:mod:`newsbot.extraction.vocabulary`: one data file per language).
"""
from __future__ import annotations

import re
from functools import lru_cache

from ..vocabulary import pattern, phrases
from .blocks import Block, _SENTENCE_END

BOILER_TEXT = pattern("boiler_text")
TRAILING_BOILER = pattern("trailing_boiler")
NEWSLETTER_PROMPT = pattern("newsletter_prompt")
MEMBER_PROMPT = pattern("member_prompt")
MEMBER_PROMPT_END = pattern("member_prompt_end")
CREDIT_TEXT = pattern("credit_text")
STOP_TEXT = pattern("stop_text")
AI_NOTICE = pattern("ai_notice")
AI_NOTICE_SHORT = pattern("ai_notice_short")
FUNDING_NOTICE = pattern("funding_notice")
PARLIAMENT_NAME = re.compile("|".join(phrases("funding_notice", "parliament")), re.I)
VIEWS_DISCLAIMER = pattern("views_disclaimer")
MEMBER_PROMPT_MAX_CHARS = 40
AI_NOTICE_SHORT_MAX_CHARS = 120
FUNDING_NOTICE_MAX_CHARS = 300

_NOT_LOWER = re.compile(r"[A-Z\u0130\u0131\u017f\u212a]|\\[xuUN0-7]|\(\?[aiLmsux]*-?[imsx]+[:)]")
"""What stops a pattern's lower-case twin (:class:`_Phrases`): outside its escapes, a capital or a
letter Python's ``re.I`` matches with an ASCII one (``İ``, ``ı``, ``ſ``, the Kelvin sign), a
character given by its code, an inline flag."""


class _Phrases:
    """A vocabulary pattern compiled with ``re.I`` (``folded``) and, where its source allows it,
    its twin without ``re.I`` (``lower``) for texts in ASCII read in lower case: its letters are
    lower-case ASCII, so the twin matches such a text where the pattern matches it, for a third
    to a sixth of the cost (a case-insensitive match compares each letter folded)."""

    __slots__ = ("folded", "lower")

    def __init__(self, folded: re.Pattern):
        self.folded = folded
        bare = re.sub(r"\\[^xuUN0-7]", "", folded.pattern)
        self.lower = None if _NOT_LOWER.search(bare) or not folded.flags & re.I \
            else re.compile(folded.pattern, folded.flags & ~re.I)

    def match(self, text: str, low: str | None) -> bool:
        """The pattern matches at the start of ``text`` (``low``: ``text`` lower-cased when it
        is in ASCII, else ``None``)."""
        return bool(self.folded.match(text) if low is None or self.lower is None else self.lower.match(low))

    def search(self, text: str, low: str | None) -> bool:
        """The pattern matches somewhere in ``text`` (``low`` as for :meth:`match`)."""
        return bool(self.folded.search(text) if low is None or self.lower is None else self.lower.search(low))


_BOILER_TEXT = _Phrases(BOILER_TEXT)
_CREDIT_TEXT = _Phrases(CREDIT_TEXT)
_STOP_TEXT = _Phrases(STOP_TEXT)
_AI_NOTICE = _Phrases(AI_NOTICE)
_AI_NOTICE_SHORT = _Phrases(AI_NOTICE_SHORT)


def _lower(text: str) -> str | None:
    """``text`` lower-cased when it is in ASCII (for :class:`_Phrases`), else ``None``."""
    return text.lower() if text.isascii() else None


@lru_cache(maxsize=4096)  # a block text is tried by the AI-summary boxes and by is_boilerplate
def is_ai_notice(text: str) -> bool:
    """True for a note that a summary or text was made by a language model ("KI-Zusammenfassung…",
    "AI summary…", "… laget av ChatGPT"): under 300 characters, opening with an AI label or
    naming the summary, the verb and the model within its first characters (``ai_notice``);
    the looser shapes (``ai_notice_short``: a verb of making, then "by ChatGPT") only in notes
    under ``AI_NOTICE_SHORT_MAX_CHARS`` characters."""
    if len(text) >= 300:
        return False
    low = _lower(text)
    return _AI_NOTICE.match(text, low) or len(text) < AI_NOTICE_SHORT_MAX_CHARS and _AI_NOTICE_SHORT.search(text, low)


@lru_cache(maxsize=4096)  # a block text is tried by the rules and again by the block scorer
def opens_with_furniture(text: str) -> bool:
    """``text`` opens with page furniture of the ``boiler_text`` vocabulary: a consent
    placeholder, a "read more" teaser, a sign-in prompt (``Log In``), a share or follow prompt…
    (the categories in :mod:`newsbot.extraction.vocabulary`)."""
    return bool(_BOILER_TEXT.match(text, _lower(text)))


@lru_cache(maxsize=4096)  # a block text is tried by the rules and again by the block scorer
def is_boilerplate(text: str) -> bool:
    """True for block texts that are page furniture in any article: consent placeholders of
    embedded content, "read more" teasers, sign-in, newsletter and (Japanese) member prompts
    that call to act, machine-translation and AI-summary notices (:func:`is_ai_notice`), short
    photo credits, captions closed by a credit after their last sentence (``… Bildrechte:
    Agency``) and deals boxes closed by an advert label (``… [Werbung]``). The checks, in
    order: a block under 300 characters opening with furniture (``boiler_text``), an AI
    notice, a block under 500 characters closed by a credit or advert label
    (``trailing_boiler``), a newsletter box under 300 characters, a member prompt of at most
    ``MEMBER_PROMPT_MAX_CHARS`` characters without a full stop or closed by a prompt's
    closing words, a line under 80 characters, not a sentence, naming a photo source."""
    low = _lower(text)
    if len(text) < 300 and _BOILER_TEXT.match(text, low) or is_ai_notice(text):
        return True
    if len(text) < 500 and TRAILING_BOILER.search(text) or len(text) < 300 and NEWSLETTER_PROMPT.search(text):
        return True
    if MEMBER_PROMPT.match(text) and (len(text) <= MEMBER_PROMPT_MAX_CHARS and "。" not in text
                                      or MEMBER_PROMPT_END.search(text)):
        return True
    return len(text) < 80 and not _SENTENCE_END.search(text) and _CREDIT_TEXT.search(text, low)


_NOTE_NAME = re.compile(r"disclaimer|notice|note|funding|footnote", re.I)
"""A class or id naming a note set apart from the text (``post-disclaimer``, ``funding-note``)."""


def is_funding_notice_block(b: Block) -> bool:
    """:func:`is_funding_notice` of a block printed apart from the running text: its whole text
    in one emphasis element (:attr:`~.blocks.Block.emphasised`: ``<p><em>This article was
    produced …</em></p>``), or its element's class or id, or its parent's, naming a note
    (:data:`_NOTE_NAME`). A paragraph of an article about the Parliament's grants can hold the
    same words (``That project was funded by the European Parliament, which says it was not
    involved …``) but is printed as the text around it."""
    if not b.emphasised:  # the markup first: most blocks are neither, and their text is not read
        el = b.element
        if b.tag == "text" or not any(_NOTE_NAME.search(f"{e.get('class') or ''} {e.get('id') or ''}")
                                      for e in (el, el.getparent()) if e is not None):
            return False
    return is_funding_notice(b.text)


@lru_cache(maxsize=4096)  # a block text is tried by the rules, the lead search and after the block scorer
def is_funding_notice(text: str) -> bool:
    """True for a block text under ``FUNDING_NOTICE_MAX_CHARS`` characters that is the notice
    EU-focused portals print on an article the European Parliament's grant programme in
    communication paid for, or a disclaimer clause (``funding_notice``, ``views_disclaimer``, in
    the 24 official languages): the article made with the support of the Parliament (``This article was
    produced with the support of the European Parliament``, ``A cikk az Európai Parlament
    támogatásával készült``), the grant's clause (``The European Parliament was not involved in
    its preparation …``), or the views named the author's alone (``The views expressed are those
    of the authors``, EU Reporter's ``… not necessarily those of EU Reporter``). A sentence of
    an article about the Parliament can read so, so the body asks this only of the blocks
    before its first good paragraph and after its last."""
    if len(text) >= FUNDING_NOTICE_MAX_CHARS:
        return False
    if PARLIAMENT_NAME.search(text) and FUNDING_NOTICE.search(text):  # the long pattern, where it can match
        return True
    return bool(VIEWS_DISCLAIMER.search(text))


def is_stop(b: Block) -> bool:
    """A heading or short block (under 60 characters) announcing related content (``stop_text``):
    the article ended above it."""
    return len(b.text) < 60 and _STOP_TEXT.match(b.text, _lower(b.text))
