"""The image field: the article's main image, from the portal's selector, JSON-LD ``image``,
``og:image`` / ``twitter:image``, else the first figure of the body. Absolute http(s) URLs."""
from __future__ import annotations

from typing import TYPE_CHECKING

from .content import generic_body
from .urls import absolute
from .values import select_values

if TYPE_CHECKING:
    from .record import Fields


def image(f: Fields) -> tuple[str | None, str | None]:
    """The main image's absolute URL and layer: the portal's ``image`` selector (an ``<img>``
    gives its ``src``, a ``<meta>`` its ``content``), the article's JSON-LD ``image`` (a URL,
    an ``ImageObject``'s ``url`` / ``contentUrl``, or the first of a list; schema.org), the
    ``og:image`` / ``twitter:image`` meta tags (Open Graph protocol), else the first ``<img>``
    inside a ``<figure>`` of the body's container (``src``, else ``data-src``, else the first
    ``srcset`` candidate). ``(None, None)`` when there is none; ``data:`` URIs never count."""
    page = f.page
    for layer, value in (("portal", next(iter(select_values(page, f.rules.css("image"))), None)),
                         ("jsonld", _ld_image(page.article_ld.get("image"))),
                         ("meta", page.meta_first("og:image", "og:image:url", "og:image:secure_url",
                                                  "twitter:image", "twitter:image:src"))):
        url = absolute(value, page.url)
        if url:
            return url, layer
    for container in _body_containers(f):
        for figure in container.iter("figure"):
            for img in figure.iter("img"):
                url = absolute(_img_source(img), page.url)
                if url:
                    return url, "html"
    return None, None


def _ld_image(value, depth: int = 0) -> str | None:
    if depth > 3:
        return None
    if isinstance(value, str):
        return value
    if isinstance(value, list):
        return next((u for u in (_ld_image(v, depth + 1) for v in value) if u), None)
    if isinstance(value, dict):
        return _ld_image(value.get("url") or value.get("contentUrl"), depth + 1)
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
