"""The language of a text, identified from the text itself with py3langid (a naive Bayes model
over byte n-grams, trained on many corpora, shipped inside the package: nothing is fetched at
run time). Used when a page does not say its language, or says one its text plainly is not."""
from __future__ import annotations

from functools import lru_cache

SAMPLE = 3000
"""Characters of the text the model reads (the title and the start of the body)."""
MIN_DETECT = 100
"""Characters a text needs before its language is named from it alone."""
MIN_CONTRADICT = 300
"""Characters a text needs before it may overrule a language the page declares."""
_SAME = {"nb": "no", "nn": "no", "sh": "sr", "iw": "he", "in": "id", "ji": "yi"}
"""Primary subtags that name one language of the model under another code (BCP 47's
Norwegian Bokmål and Nynorsk are the model's ``no`` and ``nn``; deprecated ISO 639 codes)."""


@lru_cache(maxsize=1)
def _identifier():
    from py3langid.langid import MODEL_FILE, LanguageIdentifier

    # loaded once per process (about a second); normalised probabilities per language
    return LanguageIdentifier.from_model_file(MODEL_FILE, norm_probs=True)


def _ranked(text: str) -> list[tuple[str, float]]:
    return _identifier().rank(text[:SAMPLE])


def detect_language(text: str | None) -> str | None:
    """The ISO 639-1 (or -3) code of the language ``text`` is written in, when the model is
    90 % sure and the text holds :data:`MIN_DETECT` characters or more; else ``None`` (``zxx``,
    no linguistic content, is ``None`` too)."""
    text = (text or "").strip()
    if len(text) < MIN_DETECT:
        return None
    code, probability = _ranked(text)[0]
    return code if probability >= 0.9 and code != "zxx" else None


def contradicts(tag: str, text: str | None) -> str | None:
    """The language the text is written in when it plainly is not ``tag`` (a BCP 47 tag the page
    declares): the text holds :data:`MIN_CONTRADICT` characters or more, the model gives
    another language 99 % and ``tag``'s language less than 0.01 %. ``None`` when the text
    agrees, is too short, or the model does not know ``tag``'s language (so a close neighbour,
    Bokmål for Danish or Luxembourgish for German, never overrules a declaration)."""
    text = (text or "").strip()
    if len(text) < MIN_CONTRADICT:
        return None
    primary = tag.split("-")[0].lower()
    primary = _SAME.get(primary, primary)
    ranked = _ranked(text)
    scores = dict(ranked)
    if primary not in scores:
        return None
    best, probability = ranked[0]
    if best in (primary, "zxx") or probability < 0.99 or scores[primary] >= 1e-4:
        return None
    return best
