"""Boilerplate text: block texts that are page furniture in any article (consent
placeholders, "read more" teasers, sign-in, share and newsletter prompts, credits, AI
notices…), headings announcing related content, and the funding notices and disclaimers
around a text, in many languages.

The rules here say which pattern a block text is tried against, in which order and under
which length; the patterns are compiled once, at import, from the phrase vocabulary
(:mod:`newsbot.extraction.vocabulary`: one data file per language).
"""
from __future__ import annotations

from functools import lru_cache

import re

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


@lru_cache(maxsize=4096)  # a block text is tried by the AI-summary boxes and by is_boilerplate
def is_ai_notice(text: str) -> bool:
    """True for a note that a summary or text was made by a language model ("KI-Zusammenfassung…",
    "AI summary…", "… laget av ChatGPT"): under 300 characters, opening with an AI label or
    naming the summary, the verb and the model within its first characters (``ai_notice``);
    the looser shapes (``ai_notice_short``: a verb of making, then "by ChatGPT") only in notes
    under ``AI_NOTICE_SHORT_MAX_CHARS`` characters."""
    return (len(text) < 300 and bool(AI_NOTICE.match(text))
            or len(text) < AI_NOTICE_SHORT_MAX_CHARS and bool(AI_NOTICE_SHORT.search(text)))


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
    if len(text) < 300 and BOILER_TEXT.match(text) or is_ai_notice(text):
        return True
    if len(text) < 500 and TRAILING_BOILER.search(text) or len(text) < 300 and NEWSLETTER_PROMPT.search(text):
        return True
    if MEMBER_PROMPT.match(text) and (len(text) <= MEMBER_PROMPT_MAX_CHARS and "。" not in text
                                      or MEMBER_PROMPT_END.search(text)):
        return True
    return len(text) < 80 and not _SENTENCE_END.search(text) and bool(CREDIT_TEXT.search(text))


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
    return len(b.text) < 60 and bool(STOP_TEXT.match(b.text))
