"""Block scorer: a logistic regression that reads each block of a page and the rules' verdict
on it, and gives the probability that the block is article text.

It serves where the rules are unsure: a block the rules kept is dropped only when the model is
sure it is not article text (probability under the model's ``drop`` threshold), a block they
left out is added only when the model is sure it is (over ``add``). The features are the ones
the rules already read (:func:`features`): the block's tag, length, link share, punctuation,
letter case, how it ends (a question, an exclamation), an e-mail or web address in it, class and id words of the element and its two nearest ancestors, the tags of its
parent and grandparent, where it sits against the kept blocks, the good paragraphs and the
article container, what its parent holds (blocks, good and kept shares), how it is set against
the body (the share of the kept blocks of its tag and class, and in its parent; its whole text
in one emphasis element; the last kept block), the two blocks on
either side (tag, length, link share, sentence end, same parent), the boilerplate and date line checks, and
for a block of an element pruned by a class or id name, which name (``pruned:<tier>`` and
``pruned:<tier>:<word>``, see :func:`~.prune.judge`): such blocks are candidates of the model
alone (the rules never see them), read only for the tiers the model lists (``pruned_tiers``).

The model is a data file shipped in the package, ``block_model.json`` (``{"bias": float,
"weights": {feature: float}, "add": float, "drop": float, "pruned_tiers": [str], "reprieve":
{...}, ...}``; ``reprieve``: the model that keeps some elements a name prunes, read by
:func:`~.prune.spared` before the rules run), fitted by
``tools/train_block_scorer.py`` on labelled pages; no model file, or an empty one, leaves the
rules' verdict as it is. Scoring is pure Python (a sparse dot product a block).
"""
from __future__ import annotations

import json
import math
import operator
import re
from collections import Counter
from contextlib import contextmanager
from itertools import repeat
from pathlib import Path

from .blocks import _SENTENCE_END, Block, _parent, text_weight
from .boilerplate import is_boilerplate, is_stop
from .filters import _dateline
from .prune import HEADINGS

MODEL_FILE = Path(__file__).with_name("block_model.json")
REACH = 4
"""Blocks farther than this from every kept block are not scored (left out, as the rules say)."""
NAME_LEVELS = 3
"""Class and id words are read from the block's element and its ancestors up to this many."""
UPPER_CHARS = 200
"""The share of capitals (Latin, Greek, Cyrillic) is read on a block's first this many characters."""

_WORD = re.compile(r"[a-z]{3,}")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
_DIGIT = re.compile(r"\d")
_PUNCT = re.compile(r"[,.;:!?。、，]")
_UPPER = re.compile(r"[A-ZÀ-ÖØ-ÞΑ-ΩА-Я]")  # capitals of the Latin, Greek and Cyrillic alphabets
_QUESTION = ("?", "？", "?»", "?“", '?"')
_EXCLAIM = ("!", "！", "!»", "!“", '!"')
_ADDRESS = re.compile(r"@\w|https?://|www\.", re.I)
_TAG_GROUPS = {"p": "p", "text": "text", "li": "li", "dd": "li", "dt": "li", "tr": "tr", "blockquote": "quote",
               "pre": "pre", "div": "div", "section": "div", "article": "div", "main": "div", "center": "div",
               "font": "div", **{h: "heading" for h in HEADINGS}}

_loaded: dict | None = None
_override: list = []


def load_model(path: Path = MODEL_FILE) -> dict:
    """The model in ``path`` as a dict (``{}`` when the file is missing). ``ValueError`` when
    it is not a JSON object with numeric ``bias``, ``add``, ``drop`` and a ``weights`` object."""
    if not path.is_file():
        return {}
    model = json.loads(path.read_text(encoding="utf-8"))
    if not isinstance(model, dict) or not isinstance(model.get("weights"), dict) or not all(
            isinstance(model.get(k), (int, float)) for k in ("bias", "add", "drop")):
        raise ValueError(f"{path}: not a block model (bias, add, drop, weights)")
    return model


def model() -> dict:
    """The model in use: the one set by :func:`using`, else the package's file (read once)."""
    global _loaded
    if _override:
        return _override[-1]
    if _loaded is None:
        _loaded = load_model()
    return _loaded


@contextmanager
def using(m: dict):
    """Score with model ``m`` (``{}``: the rules alone) inside the ``with`` block (training
    and cross-validation run the extractor with the model of each fold)."""
    _override.append(m)
    try:
        yield
    finally:
        _override.pop()


def pruned_tiers() -> frozenset:
    """The name tiers (see :func:`~.prune.judge`) whose pruned elements the model in use reads
    as candidate blocks (its ``pruned_tiers`` list; none without a model): the rules never keep
    such a block, the model adds it where it is sure."""
    return frozenset(model().get("pruned_tiers", ()))


def _names(el) -> list[str]:
    raw = ((el.get("class") or "") + " " + (el.get("id") or ""))
    return _WORD.findall(_CAMEL.sub(" ", raw).lower()) if raw.strip() else []


def _own(b: Block) -> dict:
    """The features of ``b`` read from it alone (also read for its neighbours): ``question_end``
    and ``exclaim_end`` for a text ending in ``?`` or ``!`` (a closing quote after it too),
    ``address`` for an e-mail or web address in it (a call to write, subscribe or visit)."""
    text = b.text
    weight = text_weight(text)
    size = max(len(text), 1)
    return {"tag:" + _TAG_GROUPS.get(b.tag, "other"): 1.0,
            "len": math.log1p(weight) / 8, "short": float(weight < 40), "long": float(weight >= 200),
            "link": b.link_share, "links": math.log1p(b.links) / 3, "good": float(b.good),
            "sentence": float(bool(_SENTENCE_END.search(text))),
            "punct": min(1.0, 10 * len(_PUNCT.findall(text)) / size),
            "digits": len(_DIGIT.findall(text)) / size,
            "upper": len(_UPPER.findall(text, 0, UPPER_CHARS)) / min(size, UPPER_CHARS),
            "lower_start": float(text[:1].islower()),
            "mark": float("|" in text or "©" in text), "colon_end": float(text.endswith(":")),
            "question_end": float(text.endswith(_QUESTION)), "exclaim_end": float(text.endswith(_EXCLAIM)),
            "address": float(("@" in text or "://" in text or "ww." in text or "WW." in text)
                             and bool(_ADDRESS.search(text)))}


NEIGHBOURS = ((-2, "pp:"), (-1, "p:"), (1, "n:"), (2, "nn:"))


def _brief(b: Block) -> tuple:
    """What a block's features repeat of each block on either side: its ``tag:`` feature,
    ``len``, ``link`` and ``sentence`` (as :func:`_own` reads them)."""
    return ("tag:" + _TAG_GROUPS.get(b.tag, "other"), math.log1p(text_weight(b.text)) / 8, b.link_share,
            float(bool(_SENTENCE_END.search(b.text))))


def features(found: list[Block], kept: list[Block], inner: set, keyword: set = frozenset(),
             reach: int | None = None) -> list[dict | None]:
    """One feature dict a block of ``found`` (the page's blocks in document order): ``kept``
    are the blocks the rules keep, ``inner`` the ids of the blocks inside the article
    container, ``keyword`` the ids of the keyword lines the rules keep after the last good
    paragraph. Values are scaled to about 0..1. ``reach``: only the kept blocks and those at most
    this many blocks away from one get features (the others ``None``): a block farther from the
    body is never added (the model, fitted on every block, gives them no chance).

    Neighbour features carry the prefix of their offset (``pp:``, ``p:``, ``n:``, ``nn:``:
    two before, one before, one after, two after; ``…:none`` past the page's ends); the
    parent's tags ``ptag:``/``gtag:``; class and id words ``c:``. How a block is set against
    the body: ``style``, the share of the other kept blocks of its tag and ``class`` value;
    ``parent_share``, the share of the kept blocks in its parent; ``emphasis``, its whole text in
    one ``<em>``, ``<i>``, ``<strong>``, ``<b>`` or ``<small>``; ``kept_last``, the last kept block
    (a note, a bio or a call to subscribe closes a body set apart so); ``emphasis_end``, its whole
    text in one emphasis element and no kept good paragraph after it (a funding, source or
    reprint note closes a body so; an italic quote or standfirst sits among the paragraphs)."""
    kept_ids = {id(b) for b in kept}
    n = len(found)
    flags = [id(b) in kept_ids for b in found]
    where = [i for i, k in enumerate(flags) if k]
    first, last = (where[0], where[-1]) if where else (n, -1)
    kept_rank = {i: r for r, i in enumerate(where)}
    parents = [_parent(b) for b in found]
    kept_parents = {parents[i] for i in where}
    held: dict = {}  # parent -> [blocks, good blocks, kept blocks]
    for i, b in enumerate(found):
        c = held.get(parents[i])
        if c is None:
            c = held[parents[i]] = [0, 0, 0]
        c[0] += 1
        c[1] += b.good
        c[2] += flags[i]
    good_after = [0] * (n + 1)  # kept good paragraphs after each block
    for i in range(n - 1, -1, -1):
        good_after[i] = good_after[i + 1] + (flags[i] and found[i].good)
    names_of: dict = {}
    out = []
    nearest = [n] * n
    dist = n
    for i in range(n):
        dist = 0 if flags[i] else dist + 1
        nearest[i] = dist
    dist = n
    for i in range(n - 1, -1, -1):
        dist = 0 if flags[i] else dist + 1
        nearest[i] = min(nearest[i], dist)
    only = None if reach is None else {i for i in range(n) if nearest[i] <= reach}
    briefs: dict = {}
    styles = [(b.tag, b.element.get("class")) for b in found]
    kept_styles = Counter(styles[i] for i in where)
    kept_in: Counter = Counter(parents[i] for i in where)
    nkept = max(len(where), 1)
    for i, b in enumerate(found):
        if only is not None and i not in only:
            out.append(None)
            continue
        f = _own(b)
        f["style"] = (kept_styles[styles[i]] - flags[i]) / nkept
        f["parent_share"] = kept_in[parents[i]] / nkept
        if b.emphasised:
            f["emphasis"] = 1.0
        goods_before = good_after[0] - good_after[i]
        f.update({"kept": float(flags[i]), "inner": float(id(b) in inner), "keyword": float(id(b) in keyword),
                  "before": float(i < first), "after": float(i > last),
                  "near": math.log1p(nearest[i]) / 4, "pos": i / max(n, 1),
                  "prev_kept": float(i > 0 and flags[i - 1]), "next_kept": float(i + 1 < n and flags[i + 1]),
                  "prev_good": float(i > 0 and found[i - 1].good), "next_good": float(i + 1 < n and found[i + 1].good),
                  "body_parent": float(parents[i] in kept_parents),
                  "good_before": math.log1p(goods_before) / 3, "good_after": math.log1p(good_after[i + 1]) / 3,
                  "no_good_before": float(goods_before == 0), "no_good_after": float(good_after[i + 1] == 0),
                  # the rules keep no boilerplate block: the check is only run on the others
                  "boiler": 0.0 if flags[i] else float(is_boilerplate(b.text)), "stop": float(is_stop(b)),
                  "dateline": 0.0 if flags[i] else float(_dateline(b))})
        if b.pruned:
            f["pruned"] = 1.0
            f["pruned:" + b.pruned[:b.pruned.index(":")]] = 1.0
            f["pruned:" + b.pruned] = 1.0
        if flags[i]:
            f["kept_from_end"] = math.log1p(len(where) - 1 - kept_rank[i]) / 3
            f["kept_last"] = float(kept_rank[i] == len(where) - 1)
        count, goods, kept_here = held[parents[i]]
        f["sib_n"] = math.log1p(count) / 4
        f["sib_good"] = goods / count
        f["sib_kept"] = kept_here / count
        for offset, prefix in NEIGHBOURS:
            j = i + offset
            if not 0 <= j < n:
                f[prefix + "none"] = 1.0
                continue
            brief = briefs.get(j)
            if brief is None:
                brief = briefs[j] = _brief(found[j])
            tag, length, link, sentence = brief
            f[prefix + tag] = 1.0
            f[prefix + "len"] = length
            f[prefix + "link"] = link
            f[prefix + "sentence"] = sentence
            f[prefix + "same_parent"] = float(parents[j] is parents[i])
        parent = parents[i]
        if parent is not None:
            f["ptag:" + str(parent.tag)] = 1.0
            grand = parent.getparent()
            if grand is not None:
                f["gtag:" + str(grand.tag)] = 1.0
        node = b.element
        for level in range(NAME_LEVELS):
            if node is None:
                break
            words = names_of.get(node)
            if words is None:
                words = names_of[node] = _names(node)
            for w in words:
                f["c:" + w] = 1.0
            if level == 0 and node.tag in ("article", "main"):
                f["in:" + node.tag] = 1.0
            node = node.getparent()
        if f.get("emphasis") and not good_after[i + 1]:
            f["emphasis_end"] = 1.0
        out.append(f)
    return out


def probability(m: dict, f: dict) -> float:
    """The model ``m``'s probability that the block of features ``f`` is article text."""
    # the sparse dot product, term by term in the order of ``f`` (a weight missing is 0), in C
    z = m["bias"] + sum(map(operator.mul, map(m["weights"].get, f, repeat(0.0)), f.values()))
    return 1 / (1 + math.exp(-max(-30.0, min(30.0, z))))


def rescore(found: list[Block], kept: list[Block], inner: set, keyword: set = frozenset()) -> list[Block]:
    """The blocks of the body in document order: ``kept`` (the rules' choice among ``found``)
    corrected by the model in use where it is sure (:func:`model`), the ``keyword`` lines kept
    and the boilerplate phrases (:func:`~.boilerplate.is_boilerplate`) left out as the rules
    say; ``kept`` unchanged when there is no model."""
    m = model()
    if not m or not found:
        return kept
    kept_ids = {id(b) for b in kept}
    out = []
    for b, f in zip(found, features(found, kept, inner, keyword, REACH)):
        if f is None:
            continue
        if id(b) in keyword:
            out.append(b)  # keyword lines: a rule made for them, too rare in the labels to learn
            continue
        if f["boiler"]:
            continue  # a boilerplate phrase (consent, AI or translation notice…) is never added
        p = probability(m, f)
        if (p >= m["drop"]) if id(b) in kept_ids else (p >= m["add"]):
            out.append(b)
    return out
