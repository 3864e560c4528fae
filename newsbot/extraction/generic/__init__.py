"""Generic main-text extraction: the article body and standfirst of a page without portal
rules.

One pass over the parsed tree (no copy, no re-parse), one module for each step:

1. :mod:`.prune`: elements that never hold article text (scripts, navigation, asides, figures,
   forms, hidden elements) and elements whose ``class``/``id`` names boilerplate (share bars,
   newsletter boxes, related links, captions, consent placeholders, embedded posts…), in
   three tiers: always, unless the element holds three long paragraphs, unless it holds
   three paragraphs. The headline's ancestors are never pruned by name; a block element pruned
   by a name of the two weaker tiers is kept where the block model's reprieve, a small learned
   model (:func:`~.prune.spared`), finds article text likely.
2. :mod:`.blocks`: the innermost block elements (``<p>``, sub-headings, list items, ``<div>``
   holding only inline text) and runs of loose text, with their text and the share of it in
   links.
3. :mod:`.container`: "good" paragraphs (long, few links) add their length to their
   ancestors; from ``<body>`` the walk goes down into the child holding most of that text
   while it holds ``DESCEND_SHARE`` of it (preferring the child holding the headline, so an
   appended next article is left out); equal sibling containers, split bodies and lead-in
   paragraphs just before the container are read whole.
4. :mod:`.filters`: link lists, teaser cards and nested teaser articles, boilerplate sentences
   in many languages (:func:`is_boilerplate`, from :mod:`.boilerplate`), related-content
   sections (:func:`~.boilerplate.is_stop`), and the blocks before the first and after the
   last good paragraph that look like page furniture (kicker, byline, date stamp, source
   line) or are a funding notice or disclaimer (:func:`~.boilerplate.is_funding_notice_block`: the
   European Parliament's grant notice, printed apart in italics or under a note's class name;
   never read inside the run of good paragraphs, where an article about the Parliament says
   the same words).

:mod:`.scorer` (the block scorer) corrects the kept blocks where its model, fitted on labelled
pages and shipped as ``block_model.json``, is sure; the blocks of elements pruned by a name of
the tiers the model lists (``pruned_tiers``) are its candidates too, never the rules'.
:mod:`.body` chains the steps (:func:`extract`); :func:`find_lead` (:mod:`.lead`) finds the
standfirst between the headline and the body; :func:`embedded_html` (:mod:`.embedded`) finds
article HTML kept only as an escaped string in a script.

The rules are the usual ones of boilerplate removal (Readability's and jusText's ideas: text
length, link density, class names); the thresholds were tuned on a labelled multilingual
corpus and are kept generic (no site names).
"""
from __future__ import annotations

from .blocks import Block, text_weight
from .body import Body, extract
from .boilerplate import is_boilerplate
from .embedded import embedded_html, extract_fragment
from .lead import find_lead

__all__ = ["Block", "Body", "embedded_html", "extract", "extract_fragment", "find_lead", "is_boilerplate",
           "text_weight"]
