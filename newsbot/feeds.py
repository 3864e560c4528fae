"""Feed URI parameters for ``FEEDS`` templates."""
from __future__ import annotations


def uri_params(params: dict, spider) -> dict:
    """Add ``date`` (``YYYY-MM-DD`` of the run start, UTC) to Scrapy's ``name`` / ``time``
    parameters. Scrapy's ``time`` is the run start as ``YYYY-MM-DDTHH-MM-SS+00-00`` (UTC)."""
    return {**params, "date": params["time"][:10]}
