"""The title field: the headline as printed, voted by its sources, with site and section
names stripped; and the headline element that anchors the generic body."""
from __future__ import annotations

import re
from typing import TYPE_CHECKING

from urllib.parse import urldefrag, urlsplit

from lxml import etree

from .page import Page
from .text import clean, key, unescape_entities
from .urls import absolute, same_site, site_of
from .values import ld_text, placeholder, select_values, text_of

if TYPE_CHECKING:
    from .record import Fields


def title(f: Fields) -> tuple[str | None, str | None]:
    """Headline. Portal selector wins; otherwise the candidates of :func:`title_candidates`
    are voted (:func:`vote_title`). Last, the feed or sitemap title (layer ``hint``)."""
    portal = select_values(f.page, f.rules.css("title"))
    if portal:
        return portal[0], "portal"
    cands = title_candidates(f)
    if not cands:
        hint = clean(f.hints.title)
        return (hint, "hint") if hint else (None, None)
    return vote_title(cands)


TITLE_SOURCES = ("jsonld", "h1", "og", "twitter", "title")
"""The title's sources, in the order ties are broken: JSON-LD ``headline``, the printed
``<h1>``, ``og:title``, ``twitter:title``, ``<title>``."""
_LAYERS = {"jsonld": "jsonld", "h1": "html", "og": "meta", "twitter": "meta", "title": "html"}


def title_candidates(f: Fields) -> list[tuple[str, str]]:
    """``[(source, text)]`` of the sources of :data:`TITLE_SOURCES` the page has, each text
    cleaned of entities escaped twice, of site-name affixes (``og:site_name``, the portal's
    names, the JSON-LD publisher, the text of a logo ``<h1>``: :func:`logo_h1s`) and of the
    page's section (:func:`strip_site_name`), and of an affix another candidate lacks
    (:func:`_strip_affix_of_others`). A text that is one of those site names alone
    (``<title>City Paper</title>``) is no candidate: a page whose only title source names the
    site has no title of its own (the feed's, else none); nor is a text that starts with a
    pipe-like separator or ends with one (``| City Paper``, ``City Paper |``: a template
    printing an empty headline beside the site's name, :data:`_HEADLESS`)."""
    page, rules = f.page, f.rules
    site_names = list(rules.site_names) + page.meta.get("og:site_name", []) + page.meta.get("application-name", [])
    for pub in page.jsonld:
        if "publisher" in pub and isinstance(pub["publisher"], dict):
            site_names.append(ld_text(pub["publisher"].get("name")) or "")
    site_names += [clean(text_of(h)) or "" for h in logo_h1s(page, site_names)]  # the logo prints the site's name
    title_tag = next(iter(page.elements("title")), None)
    raw = [
        ("jsonld", ld_text(page.article_ld.get("headline")) or ld_text(page.article_ld.get("name"))),
        ("h1", printed_headline(page, site_names)),
        ("og", page.meta_first("og:title")),
        ("twitter", page.meta_first("twitter:title")),
        ("title", clean(text_of(title_tag)) if title_tag is not None else None),
    ]
    sections = [f["section"]]
    names = {key(n) for n in site_names if n and key(n)}
    cands = [(source, strip_site_name(unescape_entities(t), site_names, sections)) for source, t in raw
             if t and (source == "h1" or not placeholder(t, "title"))]  # ``{{headline}}``: a template's; the <h1> printed
    cands = [(source, t) for source, t in cands if key(t) not in names]  # the site's name alone is no headline
    cands = [(source, t) for source, t in cands if not _HEADLESS.match(t)]  # "| Site": the headline is missing
    if [source for source, _ in cands] == ["title"]:  # nothing else to tell the site's name by
        cands = [("title", _printed_part(_without_site_tail(cands[0][1], page), page))]
    if not any(source != "title" for source, _ in cands) and not page.elements("h1") and not page.elements("h2") \
            and all(len(part.split()) < SITE_TITLE_WORDS for _, t in cands for part in _site_sep(t).split(t)):
        bold = bold_headline(page)  # a table layout's headline: a bold line over the text
        if bold is not None:
            cands.insert(0, ("h1", clean(text_of(bold))))
    texts = [t for _, t in cands]
    return [(source, _strip_affix_of_others(t, texts)) for source, t in cands]


BOLD_HEADLINE_CHARS = (15, 200)  # a bold line's length that may be a headline
SITE_TITLE_WORDS = 5  # a <title> whose every part has fewer words names a site and a section, no headline
RUNNING_TEXT_CHARS = 150  # a block's text this long is running text


_NOTICE_BOX = re.compile(r"cookie|consent|gdpr|notice|alert|banner|popup|modal|warning", re.I)
"""Class or id names of a box printing a notice over the page (a cookie banner's, an alert's):
its bold line is no headline."""


def bold_headline(page: Page):
    """The bold line printed as a table layout's headline (a page of the 2000s: no ``<h1>``,
    no ``<h2>``, the site's name in ``<title>``, the headline a ``<b>`` or ``<strong>`` in its
    own table cell): the one bold line (:func:`_bold_line`) whose next text on the page begins
    the running text (:func:`_over_running_text`), the first cell, paragraph or ``<div>``
    holding no other block that prints :data:`RUNNING_TEXT_CHARS` characters or more, itself
    in another cell; ``None`` when there is none, or several over such texts (a list's titles
    over their excerpts). :func:`title_candidates` reads it only when every part of a page's
    only title source, ``<title>``, has fewer than :data:`SITE_TITLE_WORDS` words (``Gmina
    Dębowo - Aktualności``)."""
    body = page.tree.find("body")
    if body is None:
        return None
    running = None
    for el in body.iter("td", "p", "div"):
        if next(el.iterdescendants("td", "p", "div", "table"), None) is None \
                and len(text_of(el) or "") >= RUNNING_TEXT_CHARS:
            running = el
            break
    if running is None:
        return None
    found = [el for el in body.iter("b", "strong") if _bold_line(el) and _over_running_text(el)]
    if len(found) != 1 or not _over_running_text(found[0], running):
        return None
    return found[0]


def _over_running_text(el, running=None) -> bool:
    """The next text printed after the bold line ``el`` is in a table cell that is not its own
    and prints :data:`RUNNING_TEXT_CHARS` characters or more with no table inside (the running
    text right under the headline); with ``running``, in that block."""
    holder = _next_text_holder(el)
    if holder is None:
        return False
    if running is not None:
        return holder is running or any(a is running for a in holder.iterancestors())
    cell = holder if holder.tag in ("td", "th") else next(holder.iterancestors("td", "th"), None)
    own = next(el.iterancestors("td", "th"), None)
    return cell is not None and cell is not own and next(cell.iter("table"), None) is None \
        and len(text_of(cell) or "") >= RUNNING_TEXT_CHARS


def _next_text_holder(el):
    """The element holding the first text after ``el`` (and outside it) in document order that
    is not white space, script or style: the element whose text, or the parent of the element
    whose tail, it is; ``None`` at the end of the page."""
    node = el
    while node is not None:
        if node.tail and node.tail.strip():
            return node.getparent()
        for sib in node.itersiblings():
            for d in sib.iter():
                if isinstance(d.tag, str) and d.tag not in ("script", "style") and d.text and d.text.strip() \
                        and not any(a.tag in ("script", "style") for a in d.iterancestors()):
                    return d
                if d is not sib and d.tail and d.tail.strip():
                    return d.getparent()
            if sib.tail and sib.tail.strip():
                return node.getparent()
        node = node.getparent()
    return None


def _bold_line(el) -> bool:
    """``el`` (a ``<b>``/``<strong>``) is a line of its own that may be a headline: the whole
    text of its nearest cell, paragraph or ``<div>``, inside a table's cell (a table layout's)
    and no notice box (:data:`_NOTICE_BOX`), three words or more of :data:`BOLD_HEADLINE_CHARS`
    characters, no link in or around it, and no box's label, date or notice: no full stop
    or colon closing it ("Please enable JavaScript.", "Office hours:"), no ``!`` before its
    end ("Uwaga! Zmiana godzin pracy kasy"), no date printed (``Poniedziałek, 14 marca
    2005``)."""
    from .kind import _UNIT_DATE

    text = " ".join(text_of(el).split()) if text_of(el) else ""
    if not BOLD_HEADLINE_CHARS[0] <= len(text) <= BOLD_HEADLINE_CHARS[1] or len(text.split()) < 3 \
            or text.endswith((".", ":")) or "!" in text[:-1] or _UNIT_DATE.search(text) or _linked(el):
        return False
    block = next(el.iterancestors("td", "p", "div", "li", "th"), None)
    if block is None or " ".join((text_of(block) or "").split()) != text \
            or next(el.iterancestors("td", "th"), None) is None:
        return False
    return not any(_NOTICE_BOX.search(f"{a.get('class') or ''} {a.get('id') or ''}") for a in el.iterancestors())


def _without_site_tail(title: str, page: Page) -> str:
    """``title`` without a trailing name after a separator (``" - Site"``, ``" | Site"``), else
    a leading one before a site's separator (``"Site - "``, ``"Site | "``, as table layouts
    print it; never a colon's, which follows a kicker or a place: ``Kent: …``), that is the
    site's: a name the site's registrable domain holds (``Euro Dispatch`` on
    ``eurodispatch.eu``, four letters or more; a leading one most of the domain's name,
    :func:`_names_domain`, not a place's prefix of it, ``Kent`` of ``kentlocalnews``), or the
    text of a link to the site's front page (:func:`home_link`: a header's logo) or that
    link's logo image's ``alt`` when the domain or ``og:site_name`` names it too (a home link's
    image may be a section's, ``Opinión``), or a name the page prints as its banner's ``alt``
    and in its footer (:func:`_printed_site_name`). For a page whose ``<title>`` is its only
    headline source."""
    matches = list(_site_sep(title).finditer(title))
    if not matches:
        return title
    last, first = matches[-1], matches[0]
    parts = [(title[:last.start()].strip(), title[last.end():], False)]  # "Headline - Site"
    if first.group().strip() in _LEADING_SEPS:  # "Site - Headline", a table layout's
        parts.append((title[first.end():].strip(), title[:first.start()], True))
    parts = [(rest, name, leading) for rest, name, leading in parts if rest and _squashed(name)]
    if not parts:
        return title
    domain = _squashed((site_of(urlsplit(page.url).hostname or "") or "").split(".")[0])
    for rest, name, leading in parts:
        name = _squashed(name)
        if len(name) >= 4 and name in domain and (not leading or _names_domain(name, domain)):
            return rest
    texts, alts = set(), set()
    for a in page.elements("a"):
        if _HOME_HREF.match(a.get("href") or "") and home_link(a.get("href"), page.url):
            texts.add(_squashed(text_of(a)))
            alts.update(_squashed(img.get("alt") or "") for img in a.iter("img"))  # the logo's name
    names = {_squashed(n) for n in page.meta.get("og:site_name", []) if n}
    for rest, printed, leading in parts:
        name = _squashed(printed)
        if (name in texts and not leading) or ((name in texts or name in alts)
                                               and (name in names or _shares_domain(printed, domain))):
            return rest
    for rest, printed, leading in parts:
        name = _squashed(printed)
        if len(name) < len(_squashed(rest)) and not _printed_heading(page, name) \
                and _printed_site_name(name, page, title):
            return rest  # the shorter side, no heading: a banner's name, no headline's image
    return title


SITE_CLOSING_CHARS = 300  # the page's closing text, a footer's, where a table layout prints the site's name


def _printed_site_name(name: str, page: Page, title: str) -> bool:
    """The squashed text ``name`` (four letters or more) is the site's name as the page prints
    it: the whole ``alt`` of an image (a table layout's banner, ``<img alt="Δήμος Ακτής">``) or
    ``og:site_name``, held too in the page's closing text (its last :data:`SITE_CLOSING_CHARS`
    characters but the ``title`` printed whole, a headline holding it: the footer's ``© 2008
    Δήμος Ακτής``) or a ``<footer>``'s. A headline's half (``… - след две години ремонт``) is
    printed so nowhere."""
    if len(name) < 4:
        return False
    body = page.tree.find("body")
    if body is None:
        return False
    alts = {_squashed(img.get("alt") or "") for img in body.iter("img")}
    alts.update(_squashed(n) for n in page.meta.get("og:site_name", []) if n)
    if name not in alts:
        return False
    closing = _squashed(body.text_content() or "").replace(_squashed(title), "")[-SITE_CLOSING_CHARS:]
    return name in closing or any(name in _squashed(text_of(el) or "") for el in body.iter("footer"))


_LEADING_SEPS = frozenset({"-", "|", "–", "—", "ㅣ", "::", "·", "•", "»"})
"""The separators after a site's name opening a ``<title>``: a colon follows a kicker or a
place (``Navarra: El Gobierno…``), no site's name."""


def _names_domain(name: str, domain: str) -> bool:
    """The squashed name ``name`` is most of the squashed domain name ``domain`` (two thirds of
    its letters or more): the site's own name (``Diario del Jiloca`` of ``diariodeljiloca``),
    not one word of it (``Kent`` of ``kentlocalnews``, ``Brexit`` of ``brexitwatch``)."""
    return name in domain and 3 * len(name) >= 2 * len(domain)


def _shares_domain(name: str, domain: str) -> bool:
    """The name ``name`` holds a word of four letters or more that the squashed domain name
    ``domain`` holds too (``Jornal do Vale`` of ``jornaldovale``, ``Stadtblatt Online`` of
    ``stadtblatt``): a site's name, not a section's (``Opinión`` of ``eldiariodelvalle``)."""
    return any(len(w) >= 4 and _squashed(w) in domain for w in name.split())


_HOME_HREF = re.compile(r"^\s*(?:\.?/|https?://[^/]+/?(?:index\.\w{2,5})?)\s*$", re.I)
"""An ``href`` that may lead to a front page (checked by :func:`home_link`)."""


_BREADCRUMB = re.compile(r"breadcrumb", re.I)


def _in_breadcrumb(el) -> bool:
    """``el`` is an item of a breadcrumb trail (an ancestor's class, id or ``itemtype`` names
    one, schema.org ``BreadcrumbList`` included): the page's name in its trail, often the
    search-engine title, not the headline printed above the article."""
    for a in el.iterancestors():
        if _BREADCRUMB.search(" ".join(a.get(n) or "" for n in ("class", "id", "itemtype"))):
            return True
    return False


def printed_headline(page: Page, site_names: list[str]) -> str | None:
    """The headline printed above the article: the first ``<h1>`` that is neither a site logo
    (:func:`_headline_h1s`), nor hidden, nor a section's name (the text of a menu's link,
    :func:`_menu_labels`: ``<h1>Fachmeldungen</h1>`` over a press release, when the page's other
    headline sources name another headline, :func:`_headline_elsewhere`; then no heading of a
    sidebar, ``<aside>``, nor a ``<nav>``'s or ``<footer>``'s), nor an item of a
    breadcrumb trail; else, when its ``<h1>`` is in a
    breadcrumb trail, the element marked ``itemprop="headline"`` or the first ``<h2>`` that is no
    link and comes before any paragraph of running text (80 characters or more). A heading
    made of a kicker element and a headline element (``<h2><span>Kicker</span><span>Headline
    </span></h2>``) gives its headline element (:func:`_without_kicker`)."""
    h1s = _headline_h1s(page, site_names)
    labels = _menu_labels(page, {_folded(h.text_content()) for h in h1s}) if h1s else set()
    skipped = False
    for h in h1s:
        if skipped and next(h.iterancestors("aside", "nav", "footer"), None) is not None:
            continue  # a sidebar's heading ("Most read") after a section's name: no headline
        if _folded(h.text_content()) in labels and _headline_elsewhere(page, h):
            skipped = True
            continue  # a section's name over the article, as its menu entry prints it
        text = _without_named_kicker(h) if not _in_breadcrumb(h) else None
        if text:
            return text
    if not any(_in_breadcrumb(h) for h in h1s):
        return None  # no <h1>, or a logo's: the page prints its headline some other way
    for el in page.tree.iter("h2", "p", "h1", "div", "span", "header"):
        if el.get("itemprop") == "headline" and not _in_breadcrumb(el):
            return _without_kicker(el)
    for el in page.tree.iter("h2", "p"):
        if el.tag == "p" and len(text_of(el)) >= 80:
            return None
        if el.tag == "h2" and not _linked(el) and not _in_breadcrumb(el):
            return _without_kicker(el)
    return None


_MENU_BOX = re.compile(r"(?:^|[\s_-])(?:menu|nav|navigation|navbar|breadcrumbs?)(?:$|[\s_-])", re.I)


def _folded(text: str) -> str:
    """``text`` without white space: a heading's and a link's printed text compared."""
    return "".join(text.split())


def _menu_labels(page: Page, texts: set) -> set:
    """Those of the texts ``texts`` (:func:`_folded`, :data:`MENU_LABEL_CHARS` at most) that a
    menu link prints: a link inside a ``<nav>`` or a box whose class or id names a menu, a
    navigation or a breadcrumb trail (:data:`_MENU_BOX`), leading to another page than this one
    (:func:`self_linked`: a trail's last item may be the page). The menus' links are read once."""
    texts = {t for t in texts if t and len(t) <= MENU_LABEL_CHARS}
    if not texts:
        return set()
    printed, seen = set(), set()
    for box in page.tree.iter():
        if not isinstance(box.tag, str) or box in seen or not (
                box.tag == "nav" or _MENU_BOX.search(f"{box.get('class') or ''} {box.get('id') or ''}")):
            continue
        for a in box.iter("a"):
            if a in seen:
                continue
            seen.add(a)
            text = _folded(a.text_content())
            if text in texts and a.get("href") and not self_linked(a, page.url):
                printed.add(text)
    return printed


def _headline_elsewhere(page: Page, h1) -> bool:
    """Another headline than the menu label ``h1`` prints agrees with the page's headline sources
    (``<title>``, ``og:title``, JSON-LD's ``headline``): ``og:title`` or JSON-LD's headline,
    longer than the label, not holding it; or a later ``<h1>`` or ``<h2>``, longer, no link, in
    no ``<header>``, ``<nav>``, ``<aside>`` nor ``<footer>``, that a source holds. A short
    headline that a topic bar links too, the ``<title>`` holding it, is so kept."""
    label = _squashed(h1.text_content())
    meta = [t for t in (*page.meta.get("og:title", []), *(n.get("headline") for n in page.jsonld))
            if isinstance(t, str) and t.strip()]
    if any(len(_squashed(t)) > len(label) and label not in _squashed(t) for t in meta):
        return True
    sources = [_squashed(t) for t in (page.tree.findtext(".//title") or "", *meta) if t.strip()]
    after = False
    for h in page.tree.iter("h1", "h2"):
        if h is h1:
            after = True
            continue
        text = _squashed(h.text_content())
        if after and len(text) > len(label) and not _linked(h) \
                and next(h.iterancestors("header", "nav", "aside", "footer"), None) is None \
                and any(text in source for source in sources):
            return True
    return False


MENU_LABEL_CHARS = 30  # the longest text (white space left out) read as a section's name a menu link prints: a word or three


KICKER_NAME = re.compile(r"kicker|overline|dachzeile|topline|top-line|eyebrow|roofline|spitzmarke|"
                         r"supertitle|super-title|pretitle|pre-title|surtitle|sur-?titre|occhiello|rubrique|"
                         r"antetitulo|cintillo|(?:^|[\s_-])label(?:$|[\s_-])", re.I)
"""Class or id of a kicker element printed inside a headline: the topic line above it
(English ``kicker``, ``overline``, ``eyebrow``, a ``label`` as a whole word of the name; German
``Dachzeile``, ``Spitzmarke``, ``topline``, ``roofline``; French ``surtitre``, ``rubrique``;
Italian ``occhiello``; Spanish ``antetitulo``, ``cintillo``). The kicker is left out only when
text is left beside it (:func:`_without_named_kicker`)."""


def _without_named_kicker(heading) -> str | None:
    """The text of ``heading`` without the descendants whose class or id names a kicker
    (:data:`KICKER_NAME`) when text is left (``<h1><span class="kicker">Topic</span>
    <span>Headline</span></h1>`` gives ``Headline``), longer than the kickers, each of
    :data:`KICKER_WORDS` words at most: a label holding the headline beside a badge
    (``<label class="label">Headline</label><span>Live</span>``) is no kicker; else its whole
    text."""
    kickers = [el for el in heading.iterdescendants() if isinstance(el.tag, str)
               and KICKER_NAME.search((el.get("class") or "") + " " + (el.get("id") or ""))]
    if kickers:
        parts = []

        def walk(el, top=False):
            if not top and el in kickers:
                if el.tail:
                    parts.append(el.tail)
                return
            if isinstance(el.tag, str) and el.tag not in ("script", "style"):
                parts.append(el.text or "")
                for child in el:
                    walk(child)
            if not top and el.tail:
                parts.append(el.tail)

        walk(heading, top=True)
        del walk  # it names itself: a reference cycle holding the kickers, and the page's tree, until the collector runs
        rest = (clean(" ".join(parts)) or "").strip(" :|-–—")
        kicked = [clean(text_of(el)) or "" for el in kickers]
        if rest and len(rest) > sum(map(len, kicked)) and all(len(k.split()) <= KICKER_WORDS for k in kicked):
            return rest
    return clean(text_of(heading))


KICKER_WORDS = 4  # the most words of a kicker printed inside the headline


def _without_kicker(heading) -> str | None:
    """The text of ``heading``; when it holds no text of its own but two or more element
    children with text (the screen-reader separators marked ``aria-hidden`` aside) of which the
    first, the kicker, is shorter than the rest, the text of the rest."""
    parts = [c for c in heading if isinstance(c.tag, str) and c.get("aria-hidden") != "true"
             and clean(text_of(c))]
    own = (heading.text or "") + "".join(c.tail or "" for c in heading)
    if len(parts) >= 2 and not own.strip():
        kicker, rest = clean(text_of(parts[0])), clean(" ".join(text_of(c) for c in parts[1:]))
        if rest and len(kicker) < len(rest):
            return rest
    return clean(text_of(heading))


def vote_title(cands: list[tuple[str, str]], weights: dict[str, float] | None = None) -> tuple[str, str]:
    """``(text, layer)`` of the candidate text whose sources weigh most (:data:`TITLE_WEIGHTS`
    unless ``weights``), texts compared with white space folded; ties go to the heavier
    single source, then to the order of :data:`TITLE_SOURCES`. A text that another one
    continues after a colon (``"EU Influence"`` beside ``"EU Influence: Lobbyists gear up"``)
    is a kicker printed on its own when what follows is longer than it and a source other
    than ``<title>`` (which often ends in a site name) gives the longer text: its votes go to
    the longer text."""
    weights = weights or TITLE_WEIGHTS
    votes: dict[str, list] = {}
    sources: dict[str, set] = {}
    for source, t in cands:
        w = weights[source]
        vote = votes.setdefault(_title_key(t), [0.0, t, source, w])
        vote[0] += w
        sources.setdefault(_title_key(t), set()).add(source)
        if w > vote[3]:
            vote[1:] = [t, source, w]
    for short in list(votes):
        longer = [k for k in votes if k != short and k.startswith(short) and _KICKER_SEP.match(k[len(short):])
                  and len(k) > 2 * len(short) and sources[k] - {"title"}]
        if longer:
            votes[max(longer, key=lambda k: votes[k][0])][0] += votes[short][0]
            votes[short][0] = 0.0
    _, text, source, _ = max(votes.values(), key=lambda v: (v[0], v[3]))
    return text, _LAYERS[source]


_KICKER_SEP = re.compile(r"\s*:\s*\S")
"""A colon between a kicker and the headline it introduces (``Exclusive: …``)."""


_HEADLESS = re.compile(r"\s*(?:[|·•ㅣ]|::)\s|.*\s(?:[|·•ㅣ\-–—]|::)\s*$", re.S)
"""A title text that starts with a separator no headline starts with, and a space, or ends with
a separator: what is left of ``"{headline} | Site"`` or ``"Site | {headline}"`` when the
headline is empty. Not a dash at the start: Nordic headlines open a quotation with one
(``- Angsten vil øke``)."""
_SITE_SEP = re.compile(r"\s+[|\-–—:/·•]\s+|:\s+|\s*[|ㅣ：]\s*|\s+::\s+|-(?=\S*$)")
_SITE_SEP_GUILLEMET = re.compile(_SITE_SEP.pattern + r"|\s+»\s+")


def title_parts(title: str) -> list[str]:
    """The parts of the title ``title`` apart by a site's separator (:func:`_site_sep`:
    ``Headline - Site`` gives ``["Headline", "Site"]``), white space stripped; one part for a
    title of none."""
    return [p.strip() for p in _site_sep(title).split(title) if p and p.strip()]


def _site_sep(title: str) -> re.Pattern:
    """The separators between a title's headline and site name (:data:`_SITE_SEP`), with a
    spaced ``»`` (``Headline » Site``, ``Site » Blog Archive » Headline``) when the title
    opens no ``«``: French quotes print a space inside their guillemets (``« la crise »``)."""
    return _SITE_SEP_GUILLEMET if "»" in title and "«" not in title else _SITE_SEP


def strip_site_name(title: str, site_names: list[str], sections: list[str] = ()) -> str:
    """Remove a leading or trailing site name joined by a separator (``" | Site"``,
    ``"Site – "``, ``"…：Site"``), trying every name in ``site_names`` (a tail that holds a
    site name goes whole). Once a site name has gone, a tail that is exactly one of the page's
    ``sections`` goes too (``"Headline-Section ㅣSite"``, ``"Headline - Section | Site"``); a
    section name alone never strips, as headlines may end with the same word. The title is
    returned unchanged when the stripped remainder would be empty."""
    names = [key(n) for n in site_names if n and key(n)]
    if not names:
        return title
    for m in reversed(list(_site_sep(title).finditer(title))):
        head, tail = title[:m.start()].strip(), title[m.end():]
        if head and any(n in key(tail) for n in names):
            tight = not m.group(0)[:1].isspace()  # "…-Section ㅣSite": the section may be joined tight too
            return _strip_section(strip_site_name(head, site_names), sections, tight)
    m = _site_sep(title).search(title)
    if m and title[m.end():].strip() and key(title[:m.start()]) in names:
        return strip_site_name(title[m.end():].strip(), site_names)
    return title


_SECTION_SEP = re.compile(r"\s*(?:[|\-–—:/·•ㅣ：]|::)\s*$")
_SECTION_SEP_SPACED = re.compile(r"\s+(?:[|\-–—:/·•ㅣ]|::)\s+$|\s*[ㅣ：｜]\s*$")


def _strip_section(title: str, sections: list[str], tight: bool) -> str:
    """``title`` without a trailing ``sections`` name after a separator: spaced (``" - "``)
    unless the site name was joined ``tight`` (no space before its separator), so a compound
    word (``Corona-Politik``) keeps its end."""
    text = title.rstrip()
    for name in sections:
        name = (name or "").strip()
        if name and len(text) > len(name) and text[-len(name):].casefold() == name.casefold():
            head = text[:-len(name)]
            m = _SECTION_SEP_SPACED.search(head)
            if m is None and tight:
                m = _SECTION_SEP.search(head)
                if m and m.start() > 0 and _joins_words(head[m.start() - 1]):
                    m = None  # "Corona-Politik": a compound word of an alphabet written with spaces
            if m and text[:m.start()].strip():
                return text[:m.start()].strip()
    return title


def _joins_words(char: str) -> bool:
    """``char`` is a letter of the Latin, Greek or Cyrillic alphabets, whose words a bare
    hyphen joins into compounds (a bare separator after Hangul or kana joins a section)."""
    return char.isalpha() and ord(char) < 0x0530


TITLE_WEIGHTS = {"jsonld": 3.0, "h1": 1.0, "og": 1.0, "twitter": 0.5, "title": 0.5}
"""Votes of the title sources: the headline of the structured data is the publisher's own
record of the article and outweighs one or two social variants; three sources agreeing
outweigh it."""
_AFFIX_SEP = re.compile(r"^\s*(?:[|\-–—:：·•/ㅣ]|::)\s*\S")


def _title_key(text: str) -> str:
    return " ".join(text.split())


def _strip_affix_of_others(text: str, others: list[str]) -> str:
    """``text`` without a trailing site or section name: when another candidate is ``text``'s
    beginning followed by a separator and a shorter tail (``"Headline | Site"``,
    ``"見出し：新聞"``), that candidate is the headline."""
    best = text
    for other in others:
        rest = best[len(other):] if other and best.startswith(other) else ""
        if rest and len(rest) < len(other) and _AFFIX_SEP.match(rest):
            best = other
    return best


def headline_element(page: Page, title: str | None):
    """The ``<h1>`` (else ``<h2>``, else an ``<h3>`` that is no link) printing ``title``
    (compared by :func:`key` without white space); else one printing a kicker element before it (``<h2><span>Kicker:</span><span>
    Title</span></h2>``, titles of 15 characters or more, headings that are not links); else
    the first ``<h1>``; else, on a page without ``<h2>``, a table layout's bold headline
    printing ``title`` (:func:`bold_headline`), or its line printing it or a part of it
    (:func:`title_printed`, headings aside); else, on a page without ``<h1>``, the first ``<h2>`` of the first
    ``<article>`` or ``<main>`` when it comes before any paragraph of running text there and is
    not a link; else ``None``."""
    h1s = _headline_h1s(page, page.meta.get("og:site_name", []) + page.meta.get("application-name", []))
    if title:
        k = _squashed(title)
        heads = h1s + page.elements("h2")
        texts = [_squashed(text_of(h)) for h in heads]
        for h, t in zip(heads, texts):
            if t == k:
                return h
        for h in page.tree.iter("h3"):  # a blog theme's post title (Blogger)
            if _squashed(text_of(h)) == k and not _linked(h):
                return h
        if len(k) >= 15:
            for h, t in zip(heads, texts):
                if t.endswith(k) and len(t) - len(k) <= 80 and not _linked(h) and _kicker_child(h, t[:-len(k)]):
                    return h
    if h1s:
        return h1s[0]
    if title and not page.elements("h2"):
        bold = bold_headline(page)
        if bold is not None and _squashed(text_of(bold)) == _squashed(title):
            return bold
        line = title_printed(page, title, headings=False)
        if line is not None:
            return line
    for box in page.tree.iter("article", "main"):
        for el in box.iter("h2", "p"):
            if el.tag == "p" and len(text_of(el)) >= 80:
                return None
            if el.tag == "h2":
                return None if _linked(el) else el
        return None
    return None


TITLE_HEADING_CHARS = 20  # the characters of a heading the page's <title> repeats at least


def title_heading(page: Page):
    """The page's headline element (:func:`headline_element`), else, on a page with none (a
    table layout printing no ``<h1>``), the element printing its ``<title>`` or a part of it
    (:func:`title_printed`: ``<h2>Počela obnova …</h2>``, ``<span class="zaglavie">``); ``None``
    for neither."""
    head = headline_element(page, None)
    if head is not None:
        return head
    title_tag = next(iter(page.elements("title")), None)
    title = clean(text_of(title_tag)) if title_tag is not None else None
    return title_printed(page, title) if title else None


def title_printed(page: Page, title: str, headings: bool = True):
    """The element printing the title ``title`` (a ``<title>``'s text or the headline voted),
    the one search of a title's text over a page's headings and lines: with ``headings``, the
    first ``<h2>`` to ``<h6>`` whose text the title repeats (:data:`TITLE_HEADING_CHARS`
    characters or more, case and spaces aside); else a table layout's line printing it whole
    (:func:`_title_line`); else, for a title of parts (:func:`_site_sep`: ``Site - Headline``,
    a site's name no source proved), a line printing a part that is no site's name or slogan
    (:func:`_part_line`: ``<span class="zaglavie">``, ``<b><font size="4">`` over the text);
    ``None`` for none."""
    if headings:
        folded = " ".join(title.split()).casefold()
        if len(folded) >= TITLE_HEADING_CHARS:
            for heading in page.tree.iter("h2", "h3", "h4", "h5", "h6"):
                text = " ".join(heading.text_content().split()).casefold()
                if len(text) >= TITLE_HEADING_CHARS and text in folded:
                    return heading
    line = _title_line(page, _squashed(title))
    if line is not None:
        return line
    found = _part_line(page, title)
    return found[0] if found is not None else None


_LINE_TAGS = ("b", "strong", "font", "span")


_BANNER_NAME = re.compile(r"header|banner|masthead|footer|logo", re.I)
"""A class or id word of a page's banner or footer, printed on every page."""


def _banner(line) -> bool:
    """The line ``line`` is printed in the page's banner or footer, as on every page (a site's
    name or slogan): inside a ``<header>``, ``<footer>`` or ``<nav>``, an element whose class
    or id names one (:data:`_BANNER_NAME`), or a table's cell spanning its columns (a table
    layout's banner row, ``<td colspan="2">``)."""
    for el in line.iterancestors():
        if el.tag in ("header", "footer", "nav") or _BANNER_NAME.search(f"{el.get('class') or ''} {el.get('id') or ''}"):
            return True
        if el.tag in ("td", "th") and (el.get("colspan") or "1").strip() not in ("", "1"):
            return True
    return False


def _part_line(page: Page, title: str, sep: re.Pattern | None = None):
    """``(line, part)``: the table layout's line (:func:`_title_line`) printing a part of
    ``title``'s parts (apart by ``sep``, else by a site's separator, :func:`_site_sep`: ``Site - Headline``)
    that is no site's name or slogan, the longest first, and that part: of two parts, one not
    printed in the banner or footer (:func:`_banner`: ``Headline | Slogan`` over a banner
    printing the slogan); of three or more, the last (``Site - Slogan - Headline``: the first
    is the site's name, the middle ones a slogan or section printed on every page, a contact
    page's slogan printed bold over its text no headline); ``None`` for a title of one part or
    no such line."""
    parts = [p.strip() for p in (sep or _site_sep(title)).split(title) if p and p.strip()]
    if len(parts) < 2:
        return None
    if len(parts) > 2:
        parts = parts[-1:]
    for part in sorted(parts, key=len, reverse=True):
        line = _title_line(page, _squashed(part))
        if line is not None and not _banner(line):
            return line, part
    return None


def _title_line(page: Page, k: str):
    """The first ``<b>``, ``<strong>``, ``<font>`` or ``<span>`` printing the title (squashed:
    ``k``) as its whole text, inside a table's cell and no link, followed by the article's text
    (:func:`_text_follows`): a table layout's headline (``<font size="4"><b>…</b></font>``,
    ``<span class="titulo">``) over a byline's cell, not a section's name over its list of
    links. Only elements whose raw text is of the title's length are read (one pass sizes
    them all: nested spans cost no more than flat ones)."""
    if len(k) < BOLD_HEADLINE_CHARS[0]:
        return None
    sizes = _text_sizes(page.tree)
    low, high = len(k) // 2, 3 * len(k) + 100  # white space squashed, case folded (ß, ss)
    texts: dict = {}
    for el in page.tree.iter(*_LINE_TAGS):
        if low <= sizes.get(el, 0) <= high and _wrapped_text(el, texts) == k \
                and next(el.iterancestors("td", "th"), None) is not None and not _linked(el) and _text_follows(el):
            return el
    return None


_HIDDEN_TEXT_TAGS = frozenset({"script", "style", "template"})


def _wrapped_text(el, texts: dict) -> str:
    """The squashed text of ``el`` (:func:`_squashed`), read once for a chain of wrappers: an
    element holding one child element and no text of its own prints its child's text, so
    ``<span><span>…Text</span></span>`` is read at its innermost element only. ``texts`` keeps
    what was read (element → text) for the next call."""
    chain = []
    node = el
    while node not in texts and len(node) == 1 and not (node.text or "").strip() \
            and isinstance(node[0].tag, str) and node[0].tag not in _HIDDEN_TEXT_TAGS and not (node[0].tail or "").strip():
        chain.append(node)
        node = node[0]
    found = texts.get(node)
    if found is None:
        found = texts[node] = _squashed(text_of(node))
    for wrapper in chain:
        texts[wrapper] = found
    return found


def _text_sizes(tree) -> dict:
    """The length of each element's raw text (its descendants' included) in ``tree``, in one
    pass from the last element to the first."""
    sizes = {}
    for el in reversed(list(tree.iter())):
        n = len(el.text or "") if isinstance(el.tag, str) else 0
        for child in el:
            n += sizes.get(child, 0) + len(child.tail or "")
        sizes[el] = n
    return sizes


def _text_follows(line) -> bool:
    """The text after the title line ``line`` in its table is the article's: its own text,
    outside links and a list's rows (a ``<tr>`` holding a link and no table: a teaser, its
    headline link and summary; in the line's own row, a cell holding a link but the line's own:
    a table layout prints its menu's cell beside the article's; text after a ``<br>`` counted),
    prints :data:`BOLD_HEADLINE_CHARS` [0]
    characters or more and more than the text of those rows beside their links (a section's
    name over its list of teasers is no headline)."""
    table = next(line.iterancestors("table"), None)
    if table is None:
        return True
    skip = set(line.iter())
    own_line = set(skip)
    rows = set(line.iterancestors("tr"))
    cells = set(line.iterancestors("td", "th"))
    for a in table.iter("a"):
        skip.update(a.iter())
    own = listed = 0
    after = False
    for el in table.iter():
        if el is line:
            after = True
        if not after or not isinstance(el.tag, str):
            continue
        n = len((el.tail or "").strip()) if el not in own_line else 0  # text after it, in its parent: "<br><br>Text"
        if el not in skip:
            n += len((el.text or "").strip())
        if not n:
            continue
        row = el if el.tag == "tr" else next(el.iterancestors("tr"), None)
        if row is not None and row in rows:  # the line's own row: a layout's, its menu's cell beside the text
            row = el if el.tag in ("td", "th") else next(el.iterancestors("td", "th"), None)
            if row is not None and row in cells:
                row = None  # the line's own cell: the text under it, its print and mail links aside
        if row is not None and row.find(".//a") is not None and row.find(".//table") is None:
            listed += n
        else:
            own += n
    return own >= BOLD_HEADLINE_CHARS[0] and own > listed


_MENU_NAME = re.compile(r"(?:^|[\s_-])(?:menu|nav|navigation|toggle)(?:$|[\s_-])", re.I)


def _headline_h1s(page: Page, site_names: list[str]) -> list:
    """The page's ``<h1>`` elements but a site logo (:func:`logo_h1s`), a menu's label
    (class or id ``menu``, ``nav``, ``toggle``: a theme's "Menu" button) and a hidden one
    (:func:`hidden`: a screen reader's, the site's name)."""
    logos = logo_h1s(page, site_names)
    return [h for h in page.elements("h1") if h not in logos and not hidden(h)
            and not _MENU_NAME.search(f"{h.get('class') or ''} {h.get('id') or ''}")]


_HIDDEN_CLASS = re.compile(r"(?:^|\s)(?:visually-hidden|visuallyhidden|sr-only|screen-reader-text|element-invisible"
                           r"|hidden|d-none)(?:$|\s)", re.I)
"""Class words hiding an element on every screen, for all but screen readers."""
_SHOWN_CLASS = re.compile(r"(?:^|\s)(?:d-(?:sm|md|lg|xl|xxl|print)-|(?:sm|md|lg|xl|2xl):)"
                          r"(?:block|flex|inline|inline-block|inline-flex|grid|table)(?:$|\s)", re.I)
"""Class words showing an element on some screens (Bootstrap's ``d-md-block``, Tailwind's
``md:block``): beside ``d-none`` or ``hidden``, the element is shown on a desktop."""
_HIDDEN_STYLE = re.compile(r"display\s*:\s*none", re.I)


def hidden(el) -> bool:
    """The element ``el`` is not printed on any screen: its ``hidden`` attribute, an inline
    ``display:none`` or a class that hides it for all but screen readers
    (:data:`_HIDDEN_CLASS`: ``visually-hidden``, ``sr-only``, WordPress's
    ``screen-reader-text``, Drupal's ``element-invisible``, ``hidden``, Bootstrap's ``d-none``),
    no class showing it on some screens beside it (:data:`_SHOWN_CLASS`: ``d-none
    d-md-block``). A reveal animation's ``invisible`` or ``visibility:hidden`` is shown once
    scrolled to."""
    classes = el.get("class") or ""
    return el.get("hidden") is not None or _HIDDEN_STYLE.search(el.get("style") or "") is not None \
        or (_HIDDEN_CLASS.search(classes) is not None and _SHOWN_CLASS.search(classes) is None)


_BRAND_NAME = re.compile(r"(?:^|\s)(?:site[-_]?(?:title|name|logo|branding)|logo|branding)(?:$|\s)", re.I)
"""A whole class or id word of a site's logo or name printed in its header (WordPress's
``site-title``, ``site-branding``, Drupal's ``site-name``, ``logo``, ``branding``); a word
holding one is none (``text-brand``, ``hero--with-logo``, ``story-masthead``)."""
LOGO_HEADLINE_CHARS = 20
"""A logo-named ``<h1>`` printing this many characters or more (squashed) that the page's
``<title>`` or ``og:title`` opens with is the page's headline, not a logo."""


def logo_h1s(page: Page, site_names: list[str]) -> list:
    """The page's ``<h1>`` elements that are a site logo: one printing only a site name of
    ``site_names``, or only links to the site's front page (:func:`home_link`), as blog
    themes print the blog's name (Blogger, older WordPress themes); or one a logo's name
    (:data:`_BRAND_NAME`) names, itself or its parent, outside an ``<article>`` and
    ``<main>``, unless the ``<title>`` or ``og:title`` opens with its text of
    :data:`LOGO_HEADLINE_CHARS` or more; or printing the site's domain name alone, most of it
    (:func:`_names_domain`: ``Coastline Daily`` on ``coastlinedaily.example``, not
    ``Brexit`` on ``brexitwatch.example``)."""
    names = {_squashed(n) for n in site_names if n}
    domain = _squashed((site_of(urlsplit(page.url).hostname or "") or "").split(".")[0])
    out = []
    for h in page.elements("h1"):
        text = _squashed(text_of(h))
        links = list(h.iter("a"))
        if text in names or (links and all(home_link(a.get("href"), page.url) for a in links)
                             and "".join(_squashed(text_of(a)) for a in links) == text) \
                or (len(text) >= 4 and _names_domain(text, domain)) or (_brand(h) and not _page_titled(page, text)):
            out.append(h)
    return out


def _page_titled(page: Page, text: str) -> bool:
    """The squashed text ``text`` is a headline's length (:data:`LOGO_HEADLINE_CHARS`) and the
    page's ``<title>`` or ``og:title`` opens with it."""
    if len(text) < LOGO_HEADLINE_CHARS:
        return False
    titles = [text_of(t) or "" for t in page.elements("title")] + page.meta.get("og:title", [])
    return any(_squashed(t).startswith(text) for t in titles)


def _brand(h) -> bool:
    """The heading ``h`` is a site's logo by its name or its parent's (:data:`_BRAND_NAME`),
    outside the page's ``<article>`` and ``<main>``."""
    if next(h.iterancestors("article", "main"), None) is not None:
        return False
    for i, el in enumerate([h, *h.iterancestors()]):
        if i > 1 or el.tag == "body":
            return False
        if _BRAND_NAME.search(f"{el.get('class') or ''} {el.get('id') or ''}"):
            return True
    return False


_HOME_PATHS = re.compile(r"^/?(?:index\.\w{2,5})?$")


def home_link(href: str | None, url: str) -> bool:
    """``href`` leads to the front page of the site of ``url``: relative (``/``, ``./``) or
    absolute on one of the site's hosts (:func:`~newsbot.extraction.urls.same_site`), its path
    empty, ``/`` or an index file, with no query."""
    target = absolute(href, url) if href and href.strip() not in ("", "#") else None
    if target is None:
        return False
    parts = urlsplit(target)
    return not parts.query and bool(_HOME_PATHS.match(parts.path)) and same_site(target, url)


def self_linked(heading, url: str) -> bool:
    """The heading ``heading`` holds links and each leads to the page at ``url`` itself: a blog
    theme's post title linked to its permalink (``<h2><a href="…/nummer-zwei/"
    rel="bookmark">``), no teaser."""
    links = [a.get("href") for a in heading.iter("a")]
    if not links:
        return False
    here = urldefrag(url)[0].rstrip("/")
    return all(href and (target := absolute(href, url)) is not None and urldefrag(target)[0].rstrip("/") == here
               for href in links)


def _body_headings(page: Page):
    """The page's ``<h1>`` and ``<h2>`` elements outside a ``<header>``, ``<nav>`` and
    ``<footer>`` (a site's name a banner prints): the headings a headline may be."""
    for h in page.tree.iter("h1", "h2"):
        if next(h.iterancestors("header", "nav", "footer"), None) is None:
            yield h


def _printed_heading(page: Page, name: str) -> bool:
    """The squashed text ``name`` is a heading's whole text (``h1``–``h3``): a headline, no
    site's name."""
    return any(_squashed(text_of(h) or "") == name for h in page.tree.iter("h1", "h2", "h3"))


def _printed_part(title: str, page: Page) -> str:
    """The part of ``title`` (parts apart by a site's separator, :func:`_site_sep`) that the page
    prints as a heading of its own (:func:`_body_headings`, no link or linked to the page itself,
    :func:`self_linked`; a sub-heading, ``h3``, prints a part of the text) when it is the one part so printed and the longest: the headline of
    ``Site » Blog Archive » Headline`` over a post titled ``<h2>Headline</h2>``; else, on a
    page with no ``<h1>`` or ``<h2>``, the part a table layout's line opening the text's cell
    prints (:func:`_part_line`, :func:`_opens_text`; parts apart by :data:`_NAME_SEP`, no
    colon), when the other part (of more than two, the first) is printed as the site's name
    (:func:`_names_image_or_home`: ``Site - Headline`` under a banner ``<img alt="Site">``;
    ``Informe - Headline`` keeps its kicker, ``Site - Headline`` its name when a side column
    prints the name bold and nothing else proves it the site's); else ``title``."""
    parts = title_parts(title)
    if len(parts) < 2:
        return title
    squashed = {_squashed(p): p for p in parts}
    printed = set()
    for h in _body_headings(page):
        k = _squashed(text_of(h) or "")
        if k in squashed and (not _linked(h) or self_linked(h, page.url)):
            printed.add(k)
    if len(printed) != 1:
        if not printed and not page.elements("h1") and not page.elements("h2"):
            found = _part_line(page, title, _NAME_SEP)  # a table layout's: the bold or big line over the text
            if found is not None and _opens_text(found[0]):
                named = [p.strip() for p in _NAME_SEP.split(title) if p and p.strip()]
                other = named[0] if found[1] != named[0] else named[-1]
                if _names_image_or_home(page, other):  # the other part printed as the site's name
                    return found[1]
        return title
    part = squashed[printed.pop()]
    return part if all(len(part) > len(p) for p in parts if p != part) else title


_NAME_SEP = re.compile(r"\s+[|\-–—/·•]\s+|\s*[|ㅣ]\s*|\s+»\s+")
"""The separators between a table layout's headline and its site's name in its ``<title>``
(``Site - Headline``, ``Headline | Site``): a site's separator (:data:`_SITE_SEP`) but a colon,
which opens a quote's or an interview's headline (``Marija Kovačević: Škola …``)."""
OPENING_TEXT_CHARS = 150  # the text a cell prints over its headline at most (a kicker, a date)


def _opens_text(line) -> bool:
    """The table layout's line ``line`` opens the cell of the article's text: the first text of
    running length after it (:data:`BOLD_HEADLINE_CHARS` [0] × 5 characters, outside links) is
    in its own cell or in a cell of a later row of its table (``<tr><td
    class="naslov">…</td></tr><tr><td class="tekst">``), and its cell prints
    :data:`OPENING_TEXT_CHARS` characters at most before it. A side column's bold name beside
    the text's cell, a photo box's caption in a table of its own, is none."""
    cell = next(line.iterancestors("td", "th"), None)
    if cell is None:
        return False
    skip = set(line.iter())
    over = set(line.iterancestors())  # their tails come after the line
    before, after, text_cell = 0, False, None
    for el in cell.getroottree().iter(etree.Element):
        if el is line:
            after = True
            continue
        if el in skip:
            continue
        in_link = next(el.iterancestors("a"), None) is not None
        for text, holder in ((None if el.tag == "a" or in_link else el.text, el),
                             (None if in_link or el in over else el.tail, el.getparent())):
            n = len((text or "").strip())
            if not n or holder is None:
                continue
            if not after:
                if any(a is cell for a in (holder, *holder.iterancestors())):
                    before += n
            elif n >= 5 * BOLD_HEADLINE_CHARS[0]:
                text_cell = holder if holder.tag in ("td", "th") else next(holder.iterancestors("td", "th"), None)
                break
        if text_cell is not None:
            break
    if text_cell is None or before > OPENING_TEXT_CHARS:
        return False
    if text_cell is cell:
        return True
    row, text_row = next(cell.iterancestors("tr"), None), next(text_cell.iterancestors("tr"), None)
    return row is not None and text_row is not None and row is not text_row \
        and next(row.iterancestors("table"), None) is next(text_row.iterancestors("table"), None)


def _names_image_or_home(page: Page, name: str) -> bool:
    """``name`` is printed as the site's name: the whole ``alt`` of an image (a banner's logo) or
    the whole text of a link to the site's front page (:func:`home_link`), case and white space
    aside. A kicker opening a title (``Informe - …``) is printed so nowhere."""
    k = _squashed(name)
    if len(k) < 4:
        return False
    return any(_squashed(img.get("alt") or "") == k for img in page.tree.iter("img")) \
        or any(_squashed(text_of(a) or "") == k and home_link(a.get("href"), page.url) for a in page.elements("a"))


def _squashed(text: str) -> str:
    return "".join(key(text).split())


def _linked(el) -> bool:
    """``el`` sits inside an ``<a>`` or holds one: a teaser's headline."""
    return next(el.iter("a"), None) is not None or any(a.tag == "a" for a in el.iterancestors())


def _kicker_child(heading, prefix: str) -> bool:
    """``heading`` has a descendant element printing ``prefix`` (its kicker), punctuation aside."""
    want = prefix.strip(":|-–—/·•")
    if not want:
        return False
    if _squashed(heading.text or "").strip(":|-–—/·•") == want:
        return True  # "<h2>Kicker<br>Title</h2>"
    return any(_squashed(text_of(el)).strip(":|-–—/·•") == want for el in heading.iterdescendants()
               if isinstance(el.tag, str))
