"""What discovery knew of an article before its page was fetched.

A feed entry, a sitemap entry, a listing teaser or a REST answer names an article and often
dates it; the portal's edition says its language. The spider puts that into :class:`Hints`
and extraction uses it where the page says nothing (layer ``hint``). Pure data.
"""
from __future__ import annotations

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Hints:
    """Discovery data of one article link.

    - ``published`` / ``modified``: date texts as the feed or sitemap gives them (RSS
      ``pubDate``, Atom ``<published>`` / ``<updated>``, sitemap ``<lastmod>``, news sitemap
      ``publication_date``, REST ``date_gmt`` / ``modified_gmt``), unparsed.
    - ``title``: the entry's title (feed ``<title>``, news sitemap ``news:title``, teaser text).
    - ``language``: the BCP 47 tag of the edition the link was found in.
    - ``translations``: ``{hreflang: URL}`` of a sitemap entry's ``xhtml:link`` alternates.
    - ``machine_translated`` / ``original_url``: the edition is a machine translation of the
      portal's original edition, whose page is ``original_url``.
    """

    published: str | None = None
    modified: str | None = None
    title: str | None = None
    language: str | None = None
    translations: dict[str, str] = field(default_factory=dict)
    machine_translated: bool = False
    original_url: str | None = None

    def dates(self) -> tuple[str | None, str | None]:
        """``(published, modified)``: the discovery dates, for the skip-before-download rule."""
        return self.published, self.modified


NO_HINTS = Hints()
