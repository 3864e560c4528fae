"""Reading values off a parsed page: an element's text, the first matching portal selector,
a JSON-LD value as text, a de-duplicated list of names. Shared by the field extractors."""
from __future__ import annotations

import html as html_lib
import re
from functools import lru_cache

from .page import ARTICLE_TYPES, Page
from .text import clean, key, unescape_entities
from .vocabulary import pattern


def text_of(el, apart: bool = False) -> str:
    """Visible text of an element: scripts, styles and templates skipped, ``<br>`` as space.
    ``apart``: two elements side by side with no text between them are read as two words when
    the first ends in a letter or digit and the next begins with one, not both digits (a date
    line's ``<span>Atnaujinta 2026-02-19 16:45</span><span>Paskelbta …</span>``, ``3:25
    pm</span><span>By``, ``<span>Mai</span><span>2025</span>``); ``<b>14</b><b>.03.2025</b>``
    stays one word."""
    parts: list[str] = []
    _visible_text(el, parts, True, apart)
    text = "".join(parts)
    return read_apart(text) if apart else text


SIDE_BY_SIDE = "\x00"
"""The mark :func:`text_of` sets between two elements side by side (no text between them)."""


@lru_cache(maxsize=4)
def _apart_pattern(mark: str) -> re.Pattern:
    m = re.escape(mark)
    return re.compile(rf"(?<=(.)){m}+(?=(.))|{m}+", re.S)


def read_apart(text: str, mark: str = SIDE_BY_SIDE) -> str:
    """``text`` with each run of ``mark`` (where two elements stood side by side with no text
    between them) read as a space (``<span>Mai</span><span>2025</span>``, ``3:25
    pm</span><span>By``, ``<span>Ana Ruiz</span><span>|</span><span>Tom Weiss</span>``: words and
    separators apart), else as nothing (:func:`_apart`: ``<b>14</b><b>.03.2025</b>``,
    ``<span>Ana Ruiz</span><span>, Reporter</span>``: one text). The one rule of elements side by
    side, for a date line's text (:func:`text_of`) and a byline's (its own walk, whose ``mark``
    differs: a NUL there sets a block's edge)."""
    return _apart_pattern(mark).sub(_apart, text)


_GLUED_AFTER = frozenset(",.;:!?)]}%")
_GLUED_BEFORE = frozenset("([{")
_DATE_JOINTS = frozenset("./-:")


def _apart(m: re.Match) -> str:
    """A run of side-by-side marks between ``left`` and ``right`` (characters): nothing at the
    text's edge, between two digits, before closing punctuation (``,``, ``.``, ``)``), after an
    opening bracket, or between a digit and a date's joint (``.``, ``/``, ``-``, ``:``); else a
    space."""
    left, right = m.group(1), m.group(2)
    if not left or not right or left.isspace() or right.isspace():
        return ""
    if (left.isdigit() and right.isdigit()) or right in _GLUED_AFTER or left in _GLUED_BEFORE \
            or (left.isdigit() and right in _DATE_JOINTS) or (left in _DATE_JOINTS and right.isdigit()):
        return ""
    return " "


def _visible_text(node, parts: list[str], top: bool = False, apart: bool = False) -> None:
    """:func:`text_of`'s walk of ``node`` into ``parts`` (``top``: the element read, whose tail
    is not its text; ``apart``: a mark between two child elements with no text between them).
    A function of the module, not one nested in :func:`text_of`: a nested
    function that calls itself is a reference cycle (the function and the cell naming it)
    holding the element, which kept the whole page's tree alive until the cyclic garbage
    collector ran, hundreds of times a page."""
    if isinstance(node.tag, str) and node.tag in ("script", "style", "noscript", "template"):
        if node.tail:
            parts.append(node.tail)
        return
    if node.tag == "br":
        parts.append(" ")
    if node.text and isinstance(node.tag, str):
        parts.append(node.text)
    side_by_side = False
    for child in node:
        if side_by_side:
            parts.append(SIDE_BY_SIDE)
        _visible_text(child, parts, False, apart)
        side_by_side = apart and isinstance(child.tag, str) and not child.tail
    if node.tail and not top:
        parts.append(node.tail)


def value_of(el) -> str | None:
    """The value an element holds: ``content`` of a ``<meta>``, ``datetime`` of a ``<time>``,
    ``src`` of an ``<img>``, else its visible text; ``None`` when empty."""
    tag = el.tag if isinstance(el.tag, str) else ""
    if tag == "meta":
        return clean(el.get("content"))
    if tag == "time" and el.get("datetime"):
        return clean(el.get("datetime"))
    if tag == "img":
        return clean(el.get("src"))
    return clean(text_of(el))


def select_values(page: Page, selectors: tuple[str, ...], split_meta: bool = False) -> list[str]:
    """Values of the elements matching the first of ``selectors`` that matches any element
    with a value (``[]`` when none does). With ``split_meta``, a ``<meta>`` value is a
    comma-separated list (``keywords``) and gives one value an item."""
    for css in selectors:
        values = []
        for el in page.select(css):
            value = value_of(el)
            if value and split_meta and el.tag == "meta":
                values += [v for v in (clean(x) for x in value.split(",")) if v]
            elif value:
                values.append(value)
        if values:
            return values
    return []


def ld_text(value, depth: int = 0) -> str | None:
    """Text of a JSON-LD value: a string, the first textual item of a list, or the ``name`` /
    ``@value`` of an object (nested up to 3 levels), HTML entities decoded (those escaped twice
    too: :func:`~newsbot.extraction.text.unescape_entities`); ``None`` for numbers, booleans
    and anything else that is not text (never a Python ``repr``)."""
    if depth > 3:
        return None
    if isinstance(value, list):
        return next((t for t in (ld_text(v, depth + 1) for v in value) if t), None)
    if isinstance(value, dict):
        return ld_text(value.get("name"), depth + 1) or ld_text(value.get("@value"), depth + 1)
    return clean(unescape_entities(html_lib.unescape(value))) if isinstance(value, str) else None


_TEMPLATE_SLOT = re.compile(r"\{\{[^{}]*\}\}|\{%[^{}]*%\}|\$\{[^{}]*\}|<%[^<>]*%>|%[\w.:-]+%|\[\[?[\w.:-]+\]\]?")
"""A template language's slot left unfilled as a whole value (read with ``fullmatch``, in
linear time: no mark inside a slot): ``{{headline}}``, ``{% author %}``, ``${title}``,
``<%= name %>``, WordPress-style ``%author%`` and ``[author]``. A slot inside a text is the
text's (``… probe servers with ${jndi:ldap} strings``, ``how {{ .Title }} is escaped``)."""


def placeholder(value: str | None, field: str = "author") -> bool:
    """``value`` (a structured ``field``'s text, ``"author"`` or ``"title"``: JSON-LD's
    ``author`` or ``headline``, a meta tag's content) is a template's placeholder, no value: as
    its whole text, a template language's slot left unfilled (:data:`_TEMPLATE_SLOT`:
    ``{{headline}}``, ``%author%``), the Latin filler (the vocabulary's ``placeholder``:
    ``Lorem ipsum dolor sit amet``) or a dummy value standing for the field (an author's,
    ``author_placeholder``: ``Author Name``, ``Your Name``, ``John Doe``, ``Max Mustermann``;
    a title's own name, ``title_placeholder``: ``Headline``, ``Title``). A text holding such
    words is no placeholder (``Lorem ipsum dolor sit amet: why designers …``), and the printed
    ``<h1>`` is the page's own text, never read through it. The one test every structured
    field reads its values through (the title's candidates, the bylines)."""
    text = clean(value) or ""
    return bool(text) and (bool(_TEMPLATE_SLOT.fullmatch(text)) or bool(pattern("placeholder").match(text))
                           or bool(pattern(f"{field}_placeholder").match(text)))


def in_aside(el) -> bool:
    """``el`` is inside an ``<aside>`` or a ``<nav>``, or a ``<footer>`` that is not an
    ``<article>``'s (where WordPress themes print a post's date and tags), or in reader comments
    wherever they sit (:func:`comments_of`: a comment is its own ``<article>`` with its own
    ``<footer>``): a teaser's, a list's, a tag cloud's or a comment's element, not the article's."""
    footer = False
    for ancestor in el.iterancestors():
        if ancestor.tag in ("aside", "nav"):
            return True
        if ancestor.tag == "article":
            return comments_of(ancestor) is not None
        if _names_comments(ancestor):
            return True
        footer = footer or ancestor.tag == "footer"
    return footer


_RELATED_NAME = re.compile(
    r"(?:^|[\s_-])(?:related|recommend\w*|similar|more-?(?:from|stories|articles|news|posts|in)|read-?next|"
    r"most-?read|popular|also-?read|you-?may-?(?:also-?)?like|weitere\w*)(?:$|[\s_-])", re.I)
"""A class or id naming a box of other stories: ``related-posts``, ``more-from``, ``read-next``."""
_BOX_HEADINGS = ("h2", "h3", "h4", "h5", "h6")


_SLUG_CLASS = re.compile(r"(?:category|tag|tax|term|post_tag)-\S+")
"""WordPress's class of a post's taxonomy term (``category-popular``, ``tag-most-read``): the
post's category or tag slug, naming no box."""


_STATE_WORD = re.compile(r"(?:^|[_-])(?:with|has|no|show|hide|is|enabled?|disabled?|layout)(?:[_-]|$)", re.I)
"""A word before a box's name in a class naming a container's state or layout, not the box
(``layout-with-related-posts``, ``has-related``, ``no-related``: the CSS state prefixes)."""


@lru_cache(maxsize=4096)
def _names_related(marks: str) -> bool:
    """``marks`` (an element's class and id) name a box of other stories (:data:`_RELATED_NAME`,
    a name of its own, ``related-posts``, ``post-related``), a taxonomy term's slug
    (:data:`_SLUG_CLASS`) and a container's state or layout holding one (:data:`_STATE_WORD`:
    ``layout-with-related-posts``) aside."""
    for mark in marks.split():
        if _SLUG_CLASS.fullmatch(mark):
            continue
        found = _RELATED_NAME.search(mark)
        if found and not _STATE_WORD.search(mark[:found.start() + 1]):
            return True
    return False


def _own_headline(heading, title: str) -> bool:
    """``heading`` prints the page's own headline: its text, 15 characters or more, opens the
    page's ``<title>`` ``title`` (``Most popular baby names of 2024 revealed | Site``)."""
    text = (clean(heading.text_content()) or "").casefold()
    return len(text) >= 15 and title.casefold().startswith(text)


def in_related(el) -> bool:
    """``el`` is inside a box of other stories, below the page's ``<article>``, ``<main>`` and
    ``<body>``: an element whose class or id names one (:data:`_RELATED_NAME`: ``related-posts``,
    ``more-from``) or whose first child is a heading announcing one (the vocabulary's
    ``related_heading``: ``More from Sport``, ``Das könnte Sie auch interessieren``; not the
    page's own headline, :func:`_own_headline`: Joomla's ``item-page`` opens with it, ``Most
    popular baby names …``). A category link printed there is another story's."""

    title = None
    for ancestor in el.iterancestors():
        if ancestor.tag in ("article", "main", "body", "html"):
            return False
        marks = f"{ancestor.get('class') or ''} {ancestor.get('id') or ''}".strip()
        if marks and _names_related(marks):
            return True
        first = next((c for c in ancestor if isinstance(c.tag, str)), None)
        if first is not None and first.tag in _BOX_HEADINGS and first is not el \
                and pattern("stop_text").match(clean(first.text_content()) or ""):
            if title is None:
                title = clean(el.getroottree().getroot().findtext("head/title") or "") or ""
            if not _own_headline(first, title):
                return True
    return False


TEXT_PARAGRAPH_CHARS = 120  # a paragraph this long is the article's text, no header line's


def above_the_text(el) -> bool:
    """``el`` is printed above the article's text, as a node's signature or a byline is: in no
    form, aside, box of other stories or teaser card (:func:`in_aside`, :func:`in_related`,
    :func:`in_teaser`), and after fewer than two paragraphs of :data:`TEXT_PARAGRAPH_CHARS`
    characters or more (not a poll's, an author box's or a related story's below the text)."""
    if in_aside(el) or in_related(el) or in_teaser(el) or next(el.iterancestors("form"), None) is not None:
        return False
    return el.xpath(f"count(preceding::p[string-length(normalize-space()) >= {TEXT_PARAGRAPH_CHARS}])") < 2


TEASER_HEADLINE_CHARS = 25  # a link text this long beside an element is another story's headline
_DRUPAL_NODE = re.compile(r"(?:^|\s)node(?:$|\s|--type-|-type-)", re.I)
_LISTED_NODE = re.compile(r"teaser|(?:^|\s)views?-(?:row|content|field)|view-mode-(?!full(?:$|\s))", re.I)


def drupal_node(el) -> bool:
    """``el`` is a Drupal node's element: its class ``node`` (Drupal 7's ``node node-article``,
    Drupal 8 and later's ``node node--type-article``); never the page's ``<body>`` or ``<html>``,
    whose class names the type of the node the page shows (Drupal 7's ``<body class="page-node
    node-type-article">``)."""
    return el.tag not in ("body", "html") and _DRUPAL_NODE.search(el.get("class") or "") is not None


def listed_node(el) -> bool:
    """``el``'s class says it is printed in a list of other nodes, no page's own: Drupal's teaser
    view mode (``node--view-mode-teaser``, Drupal 7's ``node-teaser``; any view mode but
    ``full``) or a view's row, content or field (``views-row``)."""
    return _LISTED_NODE.search(el.get("class") or "") is not None


TEASER_LEVELS = 2  # ancestors of an element searched for a teaser's headline link


def in_teaser(el) -> bool:
    """``el`` is printed in a teaser card of another story: the nearest of its
    :data:`TEASER_LEVELS` nearest ancestors (below the page's ``<article>``, ``<main>`` and
    ``<body>``) that holds a link holds links to one target only, a headline of
    :data:`TEASER_HEADLINE_CHARS` characters or more (a "More stories" card's ``<time>`` beside
    its link). A link around the element or holding a ``<time>`` (the article's permalink on its
    date), one in an ``<h1>`` (the article's own headline), an author's or a section's link
    (shorter), a link to a place of the page itself or to the article's comments (``#comments``,
    ``/story#kommentare``: "Join the discussion: 14 comments"), and a box of several links (an
    author box listing the author's other stories beside the article's time) make no teaser."""
    above = list(el.iterancestors())
    for ancestor in above[:TEASER_LEVELS]:
        if ancestor.tag in ("article", "main", "body", "html"):
            return False
        links = [a for a in ancestor.iter("a") if a not in above and next(a.iter("time"), None) is None
                 and not _to_this_page(a.get("href") or "")]
        if not links:
            continue
        if len({a.get("href") for a in links}) > 1:
            return False
        return any(len(" ".join(a.text_content().split())) >= TEASER_HEADLINE_CHARS
                   and next(a.iterancestors("h1"), None) is None for a in links)
    return False


def _to_this_page(href: str) -> bool:
    """``href`` leads to a place of the page itself (``#top``) or to reader comments (a fragment
    naming them, :data:`_COMMENT_WORDS`: ``#comments``, ``/story#kommentare``)."""
    if href.startswith("#"):
        return True
    fragment = href.partition("#")[2].lower()
    return bool(fragment) and any(w in _COMMENT_WORDS for w in re.split(r"[\W_]+", fragment))


def comments_of(el):
    """The reader comments ``el`` is or lies in: the outermost of ``el`` and its ancestors that
    is a comment or a list of them (:func:`_names_comments`), else ``None``."""
    found = None
    for node in (el, *el.iterancestors()):
        if _names_comments(node):
            found = node
    return found


_COMMENT_WORDS = frozenset((
    "comment", "comments", "commentlist", "kommentar", "kommentare", "commentaire", "commentaires", "comentario",
    "comentarios", "commento", "commenti", "komentar", "komentari", "komentare", "kommentti", "kommentit",
    "reactie", "reacties", "reply", "replies", "disqus"))
"""The words that name reader comments in a class, id or microdata property, in the languages
whose themes name them so (WordPress's ``#comments``, ``comment-list``, ``comment-body``;
microformats' ``p-comment``; schema.org's ``itemprop="comment"``; Disqus's ``#disqus_thread``; a
commenter's ``<span class="autor">`` is no byline)."""
_NOT_COMMENTS_PREFIXES = frozenset(("category", "tag", "format", "has", "no", "with", "show", "hide", "enable",
                                    "enabled", "allow", "open", "closed", "count"))
"""First parts of a name that say something of the page or the post, not that the element is
comments: WordPress's post classes ``category-comment`` (an opinion category) and
``format-…``, a page's ``has-comments``, ``no-comments``."""
_COMMENT_PARTS = frozenset(("list", "body", "area", "section", "wrap", "wrapper", "container", "content",
                            "contents", "item", "items", "thread", "text", "meta", "author", "header",
                            "footer", "date", "time", "block", "box", "respond", "form", "reply", "replies",
                            "entry", "single", "inner", "holder", "widget", "embed"))
"""Parts that follow a comment word in the names of a comment's or a comment list's parts
(``comment-body``, ``comments-area``, ``comment-meta``, ``disqus_thread``); a name whose other
parts are not these (``comments-enabled``, ``comment-count``) names no comments."""


def _token_names_comments(token: str) -> bool:
    """One class name, id or property (lower-case) names reader comments: a comment word
    (:data:`_COMMENT_WORDS`) is the whole name, its last part (``post-comments``,
    ``fb-comments``), or its first part followed only by parts of a comment
    (:data:`_COMMENT_PARTS`: ``comment-body``); never after a part that speaks of the post or
    the page (:data:`_NOT_COMMENTS_PREFIXES`: ``category-comment``, ``has-comments``), and never
    a word that merely holds one (``commentary``, ``discussion-paper``)."""
    parts = [part for part in re.split(r"[-_]+", token) if part]
    if not parts or not any(part in _COMMENT_WORDS for part in parts):
        return False
    if parts[0] in _NOT_COMMENTS_PREFIXES:
        return False
    if parts[-1] in _COMMENT_WORDS:
        return True
    first = next(i for i, part in enumerate(parts) if part in _COMMENT_WORDS)
    return all(part in _COMMENT_PARTS or part in _COMMENT_WORDS or part.isdigit() for part in parts[first + 1:])


_DOCUMENT = frozenset(("html", "body"))
"""The document's own elements, whose classes describe the page (``comments-open``), never a
part of it."""


def _names_comments(el) -> bool:
    """The element ``el`` is a comment or a list of them: its class, id or ``itemprop`` names
    comments (:func:`_token_names_comments`) or its ``itemtype`` is schema.org's ``Comment``; the document's
    own elements (:data:`_DOCUMENT`) never are."""
    return el.tag not in _DOCUMENT and _marks_comments(el.get("class"), el.get("id"), el.get("itemprop"),
                                                       el.get("itemtype"))


@lru_cache(maxsize=4096)
def _marks_comments(cls: str | None, ident: str | None, prop: str | None, kind: str | None) -> bool:
    """Whether these attribute values name comments (:func:`_names_comments`); read once each, as
    class names repeat all over a page."""
    if kind and kind.split()[0].rstrip("/").rsplit("/", 1)[-1] == "Comment":
        return True
    names = f"{cls or ''} {ident or ''} {prop or ''}".lower().split()
    return any(_token_names_comments(name) for name in names)


_ARTICLE_SCOPES = ARTICLE_TYPES | {"creativework", "webpage"}


def of_the_article(el) -> bool:
    """A microdata property ``el`` belongs to the article: the item it is a property of (its
    nearest ancestor with ``itemscope``) is an article, a creative work (GeneratePress types its
    posts so) or a web page (schema.org types), or there is none; a review's, a comment's or a product's date is not the article's."""
    for ancestor in el.iterancestors():
        if ancestor.get("itemscope") is not None:
            kind = (ancestor.get("itemtype") or "").split()
            return not kind or kind[0].rstrip("/").rsplit("/", 1)[-1].casefold() in _ARTICLE_SCOPES
    return True


def unique(values) -> list[str]:
    """Cleaned, non-empty values in order, without case-insensitive duplicates or URLs."""
    seen, out = set(), []
    for v in values:
        v = clean(v)
        if v and key(v) not in seen and not v.startswith(("http://", "https://")):
            seen.add(key(v))
            out.append(v)
    return out
