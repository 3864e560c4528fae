"""Portals defined by configuration: TOML files read with :mod:`tomllib`.

A file holds one portal as top-level keys, or several as ``[[portal]]`` tables. Keys (all
optional unless marked):

- ``name`` (required; spider name: lowercase letters, digits, ``_``), ``domains`` (required,
  list of registrable domains), ``family`` (``"generic"`` or ``"wordpress"``), ``timezone``
  (IANA name for naive times printed by the portal; default ``"UTC"``).
- ``[[editions]]`` (required, at least one): ``lang`` (BCP 47), ``base`` (scheme and host),
  ``code`` (key used in URL templates), ``machine_translated`` (bool).
- URL templates (``{base}``, ``{lang}``, ``{code}``; ``{page}`` in listings): ``feeds``,
  ``news_sitemaps``, ``sitemaps``, ``listings``, ``wp_types`` (REST post types);
  ``latest_listing_pages``, ``max_listing_pages`` (ints).
- ``allow`` / ``deny``: regular expressions on article URL paths; ``trailing_slash`` (bool).
- ``[selectors]``: ``title``, ``lead``, ``section``, ``date``, ``authors``, ``tags``, ``body``,
  ``body_exclude`` (CSS selector lists), ``boilerplate``, ``body_stop``, ``partial_markers``,
  ``site_names`` (string lists) — see :class:`~newsbot.extraction.rules.ExtractionRules`.

Errors raise ``ValueError`` with one line naming the file, the portal and the key.
"""
from __future__ import annotations

import os
import re
import tomllib
from pathlib import Path

from ..extraction.dates import zone
from ..extraction.rules import ExtractionRules

_LISTS = ("domains", "feeds", "news_sitemaps", "sitemaps", "listings", "wp_types", "allow", "deny")
_INTS = ("latest_listing_pages", "max_listing_pages")
_TOP = set(_LISTS) | set(_INTS) | {"name", "family", "timezone", "editions", "trailing_slash", "selectors"}
_SELECTORS = ("title", "lead", "section", "date", "authors", "tags", "body", "body_exclude",
              "boilerplate", "body_stop", "partial_markers", "site_names")
_EDITION = {"lang", "base", "code", "machine_translated"}
_NAME = re.compile(r"^[a-z][a-z0-9_]*$")


def _strings(where: str, key: str, value) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise ValueError(f"{where}: {key} must be a list of non-empty strings")
    return tuple(value)


def portal_from_dict(data: dict, source: str = "<config>"):
    """A :class:`~newsbot.portals.Portal` from one parsed TOML table (shape in the module
    docstring); ``source`` names the file in error messages. Raises ``ValueError``."""
    from . import Edition, Portal

    name = data.get("name")
    if not isinstance(name, str) or not _NAME.match(name):
        raise ValueError(f"{source}: name must be lowercase letters, digits and _ (got {name!r})")
    where = f"{source}: portal {name}"
    unknown = sorted(set(data) - _TOP)
    if unknown:
        raise ValueError(f"{where}: unknown key {', '.join(unknown)}")
    kwargs = {k: _strings(where, k, data[k]) for k in _LISTS if k in data}
    if not kwargs.get("domains"):
        raise ValueError(f"{where}: domains is required")
    for key in _INTS:
        if key in data:
            if not isinstance(data[key], int) or data[key] < 0:
                raise ValueError(f"{where}: {key} must be a whole number >= 0")
            kwargs[key] = data[key]
    for pattern in kwargs.get("allow", ()) + kwargs.get("deny", ()):
        try:
            re.compile(pattern)
        except re.error as exc:
            raise ValueError(f"{where}: bad regular expression {pattern!r} ({exc})") from None
    if "trailing_slash" in data:
        if not isinstance(data["trailing_slash"], bool):
            raise ValueError(f"{where}: trailing_slash must be true or false")
        kwargs["trailing_slash"] = data["trailing_slash"]
    editions = data.get("editions")
    if not isinstance(editions, list) or not editions:
        raise ValueError(f"{where}: at least one [[editions]] table (lang, base) is required")
    parsed = []
    for ed in editions:
        if not isinstance(ed, dict) or set(ed) - _EDITION or not ed.get("lang") or not ed.get("base"):
            raise ValueError(f"{where}: each edition needs lang and base (and only {', '.join(sorted(_EDITION))})")
        if not str(ed["base"]).startswith(("http://", "https://")):
            raise ValueError(f"{where}: edition base {ed['base']!r} is not an http(s) URL")
        parsed.append(Edition(str(ed["lang"]), str(ed["base"]).rstrip("/"), str(ed.get("code", "")),
                              bool(ed.get("machine_translated", False))))
    tz = data.get("timezone", "UTC")
    try:
        zone(tz)
    except ValueError as exc:
        raise ValueError(f"{where}: {exc}") from None
    selectors = data.get("selectors", {})
    if not isinstance(selectors, dict) or set(selectors) - set(_SELECTORS):
        raise ValueError(f"{where}: [selectors] keys are {', '.join(_SELECTORS)}")
    rules = ExtractionRules(timezone=tz, **{k: _strings(where, f"selectors.{k}", v) for k, v in selectors.items()})
    try:
        return Portal(name=name, editions=tuple(parsed), family=data.get("family", "generic"), rules=rules, **kwargs)
    except ValueError as exc:
        raise ValueError(f"{source}: {exc}") from None


def load_portals(path: str | os.PathLike) -> dict:
    """Portals of a TOML file, or of every ``*.toml`` file in a folder (sorted by name), by
    portal name. A missing path, unreadable TOML or a bad portal raises ``ValueError`` with one line."""
    path = Path(path)
    if path.is_dir():
        files = sorted(path.glob("*.toml"))
    elif path.is_file():
        files = [path]
    else:
        raise ValueError(f"portals file {path}: no such file or folder")
    out = {}
    for file in files:
        try:
            data = tomllib.loads(file.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise ValueError(f"portals file {file}: {exc}") from None
        tables = data["portal"] if isinstance(data.get("portal"), list) else [data]
        for table in tables:
            portal = portal_from_dict(table, str(file))
            out[portal.name] = portal
    return out
