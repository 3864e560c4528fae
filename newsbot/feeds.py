"""Feed URI parameters for ``FEEDS`` templates."""
from __future__ import annotations

import re

_UNSAFE = re.compile(r"[^A-Za-z0-9._+-]")


def safe_component(value: str) -> str:
    """``value`` made a single safe path component: every character outside ``A-Z a-z 0-9 . _
    + -`` becomes ``_`` (so no ``/``, ``\\``, ``:`` or NUL) and leading dots are replaced, so
    ``..`` or a hidden name cannot come out; never empty."""
    text = _UNSAFE.sub("_", value)
    stripped = text.lstrip(".")
    return "_" * (len(text) - len(stripped)) + stripped or "_"


def uri_params(params: dict, spider) -> dict:
    """Add ``date`` (``YYYY-MM-DD`` of the run start, UTC) to Scrapy's ``name`` / ``time``
    parameters. Scrapy's ``time`` is the run start as ``YYYY-MM-DDTHH-MM-SS+00-00`` (UTC).

    Every string parameter (Scrapy passes all spider attributes, spider arguments included)
    goes through :func:`safe_component`, so a value can never add folders to, or climb out
    of, the folder the ``FEEDS`` template names."""
    params = {k: safe_component(v) if isinstance(v, str) else v for k, v in params.items()}
    return {**params, "date": params["time"][:10]}
