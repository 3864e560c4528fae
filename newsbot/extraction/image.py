"""The image field: the article's main image, from the portal's selector, JSON-LD ``image``,
``og:image`` / ``twitter:image``, else the first figure of the body. Absolute http(s) URLs."""
from __future__ import annotations

from typing import TYPE_CHECKING

from lxml import etree

from .content import generic_body
from .urls import absolute
from .values import of_the_article, select_values

if TYPE_CHECKING:
    from .record import Fields


def image(f: Fields) -> tuple[str | None, str | None]:
    """The main image's absolute URL and layer: the portal's ``image`` selector (an ``<img>``
    gives its ``src``, a ``<meta>`` its ``content``), the article's JSON-LD ``image``
    (:func:`_ld_image`; schema.org), the ``og:image`` / ``twitter:image`` meta tags (Open Graph
    protocol), the article's microdata ``itemprop="image"`` (:func:`_microdata_image`), else the
    first ``<img>``
    inside a ``<figure>`` of the body's container (``src``, else ``data-src``, else the first
    ``srcset`` candidate). ``(None, None)`` when there is none; ``data:`` URIs never count."""
    page = f.page
    for layer, value in (("portal", lambda: next(iter(select_values(page, f.rules.css("image"))), None)),
                         ("jsonld", lambda: _ld_image(page, page.article_entity.get("image"))),
                         ("meta", lambda: page.meta_first("og:image", "og:image:url", "og:image:secure_url",
                                                          "twitter:image", "twitter:image:src")),
                         ("microdata", lambda: _microdata_image(page))):
        url = absolute(value(), page.url)
        if url:
            return url, layer
    for container in _body_containers(f):
        for figure in container.iter("figure"):
            for img in figure.iter("img"):
                url = absolute(_img_source(img), page.url)
                if url:
                    return url, "html"
    return None, None


_ITEMPROP_IMAGE = etree.XPath("/descendant::*[contains(concat(' ', normalize-space(@itemprop), ' '), ' image ')]")


def _microdata_image(page) -> str | None:
    """The address of the article's microdata ``itemprop="image"`` (schema.org): an ``<img>``'s
    source, a ``<meta>``'s ``content``, a ``<link>``'s or ``<a>``'s ``href``, or an
    ``ImageObject`` item's ``url`` / ``contentUrl``; ``None`` when the article's item names none
    (another item's image, a person's photo or a logo, does not count:
    :func:`~newsbot.extraction.values.of_the_article`, nor a file of the site's theme, such as
    the placeholder a WordPress theme names when a post has no image)."""
    for el in _ITEMPROP_IMAGE(page.tree):
        if not of_the_article(el):
            continue
        if el.tag == "img":
            value = _img_source(el)
        elif el.get("itemscope") is not None:
            inner = el.xpath(".//*[@itemprop='url' or @itemprop='contentUrl']")
            value = (inner[0].get("content") or inner[0].get("href") or _img_source(inner[0])) if inner else None
        else:
            value = el.get("content") or el.get("href") or el.get("src")
        if value and "/themes/" not in value:
            return value
    return None


def _ld_image(page, value, depth: int = 0) -> str | None:
    """The address a JSON-LD ``image`` value gives: a URL, an ``ImageObject``'s ``url`` /
    ``contentUrl``, a reference ``{"@id": …}`` to an object of the page's graph (Yoast's
    ``#primaryimage``), or the first of a list that gives one."""
    if depth > 3:
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        return next((u for u in (_ld_image(page, v, depth + 1) for v in value) if u), None)
    if isinstance(value, dict):
        value = page.resolved(value)
        return _ld_image(page, value.get("url") or value.get("contentUrl"), depth + 1)
    return None


def _img_source(img) -> str | None:
    src = (img.get("src") or "").strip()
    if src and not src.startswith("data:"):
        return src
    lazy = (img.get("data-src") or "").strip()
    if lazy:
        return lazy
    srcset = (img.get("srcset") or img.get("data-srcset") or "").strip()
    return srcset.split(",")[0].split()[0] if srcset else None


def _body_containers(f: Fields) -> list:
    """The portal's body containers when they match, else the element holding every block
    the generic extractor kept (their nearest common ancestor)."""
    for css in f.rules.css("body"):
        found = f.page.select(css)
        if found:
            return found
    body, _ = generic_body(f)
    if not body.blocks:
        return []
    common = [body.blocks[0].element, *body.blocks[0].element.iterancestors()]
    for block in body.blocks[1:]:
        ancestors = {block.element, *block.element.iterancestors()}
        common = [el for el in common if el in ancestors]
    return common[:1]
