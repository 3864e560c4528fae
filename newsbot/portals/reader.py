"""Portal files: TOML files read with :mod:`tomllib` and checked, for the built-in portals and a
user's alike.

A file holds one portal as top-level keys, or several as ``[[portal]]`` tables. Keys (all
optional unless marked):

- ``name`` (required; spider name: 1 to 64 lowercase letters, digits, ``_``; not ``article``
  or ``portal``, the spiders that are not portals), ``domains`` (required,
  list of registrable domains, lowercase, or IP addresses: ``127.0.0.1``, ``::1`` or
  ``[::1]``, kept as a URL's host name spells them, ``::1``), ``family`` (``"generic"`` or ``"wordpress"``), ``timezone``
  (IANA name for naive times printed by the portal; default ``"UTC"``).
- ``[[editions]]`` (required, at least one): ``lang`` (BCP 47), ``base`` (scheme and host, a
  host of ``domains`` or a subdomain of one),
  ``code`` (key used in URL templates), ``machine_translated`` (bool).
- URL templates (``{base}``, ``{lang}``, ``{code}``; ``{page}`` in listings): ``feeds``,
  ``news_sitemaps``, ``sitemaps``, ``listings``, ``wp_types`` (REST post types);
  ``latest_listing_pages``, ``max_listing_pages`` (ints).
- ``allow`` / ``deny``: regular expressions on article URL paths; ``trailing_slash`` (bool).
- ``[selectors]``: the current layout's rules: a CSS selector list for each record field with
  a selector key in the field table (:data:`newsbot.extraction.record.RULE_KEYS`: ``title``,
  ``lead``, ``section``, ``date``, ``authors``, ``tags``, ``body``, ``image``) and for
  ``body_exclude``; string lists ``boilerplate``, ``body_stop``, ``partial_markers``,
  ``site_names`` — see :class:`~newsbot.extraction.rules.ExtractionRules`.
- ``[section_names]``: ``raw value = "name"`` pairs: section values the portal prints as slugs
  and the names records carry instead (every layout).
- ``[monitor.coverage]``: ``field = floor`` pairs, the crawl monitor's coverage floors (share
  0..1 of the articles) for this portal (:attr:`~newsbot.portals.Portal.coverage_floors`).
- ``[[layouts]]``: earlier layouts, oldest first, each ``until = YYYY-MM-DD`` (the last day
  of fetch dates it served) and its own ``[layouts.selectors]``, whose keys replace those of
  ``[selectors]`` for pages fetched up to that day (:class:`~newsbot.portals.Layout`).

Values are checked for their TOML type when the file is loaded; URL templates are formatted
once with dummy values and must give an absolute http(s) URL; CSS selectors must parse.
Errors raise ``ValueError`` with one line naming the file, the portal and the key.
"""
from __future__ import annotations

import ipaddress
import os
import re
import tomllib
from datetime import date, datetime
from pathlib import Path
from urllib.parse import urlsplit

from cssselect import GenericTranslator, SelectorError

from ..extraction.dates import zone
from ..extraction.record import COUNTED, RULE_KEYS
from ..extraction.rules import ExtractionRules

_LISTS = ("domains", "feeds", "news_sitemaps", "sitemaps", "listings", "wp_types", "allow", "deny")
_TEMPLATES = ("feeds", "news_sitemaps", "sitemaps", "listings")
_INTS = ("latest_listing_pages", "max_listing_pages")
_TOP = set(_LISTS) | set(_INTS) | {"name", "family", "timezone", "editions", "trailing_slash", "selectors",
                                    "layouts", "section_names", "monitor"}
_CSS = (*RULE_KEYS, "body_exclude")
_SELECTORS = (*_CSS, "boilerplate", "body_stop", "partial_markers", "site_names")
_EDITION = {"lang", "base", "code", "machine_translated"}
_NAME = re.compile(r"^[a-z0-9_]{1,64}$")
_DOMAIN = re.compile(r"^[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)+$")
_WP_TYPE = re.compile(r"^[A-Za-z0-9_-]+$")
#: Names of newsbot's spiders that are not portals (``scrapy crawl article`` / ``portal``): a
#: configured portal may replace a built-in portal but never one of these.
RESERVED_NAMES = frozenset({"article", "portal"})
#: Values a URL template is formatted with when the file is loaded, to catch bad placeholders.
_DUMMY = {"base": "https://www.example.org", "lang": "en", "code": "en", "page": 1}


def _strings(where: str, key: str, value) -> tuple[str, ...]:
    if not isinstance(value, list) or not all(isinstance(v, str) and v for v in value):
        raise ValueError(f"{where}: {key} must be a list of non-empty strings")
    return tuple(value)


def _string(where: str, key: str, value, required: bool = True) -> str:
    if not isinstance(value, str) or (required and not value):
        raise ValueError(f"{where}: {key} must be a{' non-empty' if required else ''} string (got {_short(value)})")
    return value


def _short(value) -> str:
    text = repr(value)
    return text if len(text) <= 60 else text[:57] + "..."


def _check_template(where: str, key: str, template: str) -> None:
    """``template`` formatted once with :data:`_DUMMY` must give an absolute http(s) URL."""
    try:
        url = template.format(**_DUMMY)
    except (KeyError, IndexError, ValueError, AttributeError, TypeError) as exc:
        detail = f"unknown placeholder {{{exc.args[0]}}}" if isinstance(exc, KeyError) else str(exc) or type(exc).__name__
        raise ValueError(f"{where}: {key} template {_short(template)}: {detail} "
                         f"(placeholders: {{base}}, {{lang}}, {{code}}, {{page}})") from None
    if not _has_host(url):
        raise ValueError(f"{where}: {key} template {_short(template)} does not give an absolute http(s) URL")


def _has_host(url: str) -> bool:
    try:
        parts = urlsplit(url)
        return parts.scheme in ("http", "https") and bool(parts.hostname)
    except ValueError:  # e.g. a bad port or IPv6 literal
        return False


def _check_css(where: str, key: str, selector: str) -> None:
    try:
        GenericTranslator().css_to_xpath(selector)
    except (SelectorError, ValueError) as exc:
        raise ValueError(f"{where}: selectors.{key}: bad CSS selector {_short(selector)} ({exc})") from None


def _selectors(where: str, what: str, selectors) -> dict[str, tuple[str, ...]]:
    """The checked selector table ``{key: (strings…)}`` of ``[selectors]`` or a layout's."""
    if not isinstance(selectors, dict) or set(selectors) - set(_SELECTORS):
        raise ValueError(f"{where}: {what} keys are {', '.join(_SELECTORS)}")
    out = {k: _strings(where, f"selectors.{k}", v) for k, v in selectors.items()}
    for key in _CSS:
        for selector in out.get(key, ()):
            _check_css(where, key, selector)
    return out


def _rules(tz: str, selectors: dict[str, tuple[str, ...]], names: tuple = (), named: bool = True) -> ExtractionRules:
    """:class:`ExtractionRules` of a checked selector table and section names; ``named``: the
    portal file names its zone ``tz`` (else UTC, by default)."""
    return ExtractionRules(
        timezone=tz, zone_named=named, selectors=tuple((k, v) for k, v in selectors.items() if k in RULE_KEYS),
        section_names=names, **{k: v for k, v in selectors.items() if k not in RULE_KEYS})


def _section_names(where: str, table) -> tuple[tuple[str, str], ...]:
    if not isinstance(table, dict) or not all(isinstance(v, str) and v for v in table.values()):
        raise ValueError(f"{where}: section_names must be a table of raw value = \"name\" strings")
    return tuple(table.items())


def _coverage_floors(where: str, table) -> tuple[tuple[str, float], ...]:
    """The ``(field, floor)`` pairs of a ``[monitor]`` table, whose one key is ``coverage``:
    ``{field: floor}``, a counted record field and a share from 0 to 1 (as the ``coverage`` of
    the ``NEWSBOT_MONITOR`` setting, :mod:`newsbot.monitors`). Raises ``ValueError``, one line."""
    if not isinstance(table, dict) or set(table) - {"coverage"}:
        raise ValueError(f"{where}: [monitor] holds one table, [monitor.coverage] (field = floor)")
    coverage = table.get("coverage", {})
    if not isinstance(coverage, dict):
        raise ValueError(f"{where}: monitor.coverage must be a table (field = floor)")
    for field, floor in coverage.items():
        if field not in COUNTED:
            raise ValueError(f"{where}: monitor.coverage: unknown field {field!r} (known: {', '.join(COUNTED)})")
        if isinstance(floor, bool) or not isinstance(floor, (int, float)) or not 0 <= floor <= 1:
            raise ValueError(f"{where}: monitor.coverage: the floor of {field} must be a number from 0 to 1 "
                             f"(got {_short(floor)})")
    return tuple((field, float(floor)) for field, floor in coverage.items())


def check_name(name, source: str) -> None:
    """``ValueError`` naming ``source`` unless ``name`` is a portal name: 1 to 64 lowercase
    letters, digits and ``_``, not one of :data:`RESERVED_NAMES`."""
    if not isinstance(name, str) or not _NAME.match(name):
        raise ValueError(f"{source}: name must be 1 to 64 lowercase letters, digits and _ (got {_short(name)})")
    if name in RESERVED_NAMES:
        raise ValueError(f"{source}: portal {name}: the name is that of a built-in spider that is not a portal "
                         f"({', '.join(sorted(RESERVED_NAMES))}); choose another")


def _domain(where: str, value: str) -> str:
    """``value`` as a ``domains`` entry: a lowercase host name (two labels or more, the last not
    all digits) as it is, an
    IP address (IPv4, IPv6 with or without brackets) in the form :func:`urllib.parse.urlsplit`
    gives a URL's host, which Scrapy's OffsiteMiddleware and :meth:`Portal.owns` compare
    (``[::1]`` and ``0:0::1`` are ``::1``). ``ValueError`` (one line) otherwise."""
    if _DOMAIN.match(value) and not value.rsplit(".", 1)[-1].isdigit():  # a top-level label is never all digits (RFC 3696 2)
        return value
    try:
        return str(ipaddress.ip_address(value[1:-1] if value.startswith("[") and value.endswith("]") else value))
    except ValueError:
        raise ValueError(f"{where}: domains: {_short(value)} is not a lowercase host name (like example.org) "
                         "or an IP address") from None


def portal_from_dict(data: dict, source: str = "<config>"):
    """A :class:`~newsbot.portals.Portal` from one parsed TOML table (shape in the module
    docstring); ``source`` names the file in error messages. Every value is checked for its
    type; URL templates are formatted once with dummy values (bad placeholders are refused)
    and CSS selectors parsed. Raises ``ValueError`` with one line."""
    from . import Edition, Layout, Portal, in_domains

    if not isinstance(data, dict):
        raise ValueError(f"{source}: each [[portal]] must be a table (got {_short(data)})")
    name = data.get("name")
    check_name(name, source)
    where = f"{source}: portal {name}"
    unknown = sorted(set(data) - _TOP)
    if unknown:
        raise ValueError(f"{where}: unknown key {', '.join(unknown)}")
    kwargs = {k: _strings(where, k, data[k]) for k in _LISTS if k in data}
    if not kwargs.get("domains"):
        raise ValueError(f"{where}: domains is required")
    kwargs["domains"] = tuple(_domain(where, domain) for domain in kwargs["domains"])
    for key in _TEMPLATES:
        for template in kwargs.get(key, ()):
            _check_template(where, key, template)
    for post_type in kwargs.get("wp_types", ()):
        if not _WP_TYPE.match(post_type):
            raise ValueError(f"{where}: wp_types: {_short(post_type)} is not a REST post type (letters, digits, _ and -)")
    for key in _INTS:
        if key in data:
            value = data[key]
            if not isinstance(value, int) or isinstance(value, bool) or value < 0:
                raise ValueError(f"{where}: {key} must be a whole number >= 0 (got {_short(value)})")
            kwargs[key] = value
    for pattern in kwargs.get("allow", ()) + kwargs.get("deny", ()):
        try:
            re.compile(pattern)
        except re.error as exc:
            raise ValueError(f"{where}: bad regular expression {pattern!r} ({exc})") from None
    if "trailing_slash" in data:
        if not isinstance(data["trailing_slash"], bool):
            raise ValueError(f"{where}: trailing_slash must be true or false")
        kwargs["trailing_slash"] = data["trailing_slash"]
    family = data.get("family", "generic")
    _string(where, "family", family)
    editions = data.get("editions")
    if not isinstance(editions, list) or not editions:
        raise ValueError(f"{where}: at least one [[editions]] table (lang, base) is required")
    parsed = []
    for ed in editions:
        if not isinstance(ed, dict) or set(ed) - _EDITION or not ed.get("lang") or not ed.get("base"):
            raise ValueError(f"{where}: each edition needs lang and base (and only {', '.join(sorted(_EDITION))})")
        lang = _string(where, "editions.lang", ed["lang"])
        base = _string(where, "editions.base", ed["base"])
        code = _string(where, "editions.code", ed.get("code", ""), required=False)
        translated = ed.get("machine_translated", False)
        if not isinstance(translated, bool):
            raise ValueError(f"{where}: editions.machine_translated must be true or false")
        if not base.startswith(("http://", "https://")):
            raise ValueError(f"{where}: edition base {_short(base)} is not an http(s) URL")
        if not _has_host(base):
            raise ValueError(f"{where}: edition base {_short(base)} has no host")
        if not in_domains(base, kwargs["domains"]):  # the crawl would drop its every request as offsite
            raise ValueError(f"{where}: edition {lang} base {_short(base)}: its host {urlsplit(base).hostname} is not "
                             f"in domains ({', '.join(kwargs['domains'])}), so a crawl would fetch nothing of it")
        if any(e.lang.lower() == lang.lower() for e in parsed):
            raise ValueError(f"{where}: two editions with lang {lang!r}")
        parsed.append(Edition(lang, base.rstrip("/"), code, translated))
    tz = _string(where, "timezone", data.get("timezone", "UTC"))
    try:
        zone(tz)
    except ValueError as exc:
        raise ValueError(f"{where}: {exc}") from None
    kwargs["coverage_floors"] = _coverage_floors(where, data.get("monitor", {}))
    current = _selectors(where, "[selectors]", data.get("selectors", {}))
    names = _section_names(where, data.get("section_names", {}))
    layouts = []
    previous = None
    older = data.get("layouts", [])
    if not isinstance(older, list):
        raise ValueError(f"{where}: layouts must be an array of tables ([[layouts]])")
    for n, table in enumerate(older, 1):
        if not isinstance(table, dict) or set(table) - {"until", "selectors"}:
            raise ValueError(f"{where}: layout {n}: keys are until and selectors")
        until = table.get("until")
        if not isinstance(until, date) or isinstance(until, datetime):
            raise ValueError(f"{where}: layout {n}: until must be a date (YYYY-MM-DD, unquoted)")
        if previous is not None and until <= previous:
            raise ValueError(f"{where}: layout {n}: until {until} is not after the layout before it ({previous})")
        previous = until
        own = _selectors(where, f"layout {n} selectors", table.get("selectors", {}))
        layouts.append(Layout(_rules(tz, {**current, **own}, names, "timezone" in data), until))
    layouts.append(Layout(_rules(tz, current, names, "timezone" in data)))
    try:
        return Portal(name=name, editions=tuple(parsed), family=family, layouts=tuple(layouts),
                      source=source, **kwargs)
    except ValueError as exc:
        raise ValueError(f"{source}: {exc}") from None


def load_portals(path) -> dict:
    """Portals of a TOML file, or of every ``*.toml`` file in a folder (sorted by name), by
    portal name. ``path``: a path (text or path-like), or an :mod:`importlib.resources`
    traversable (the packaged folder, also inside a zipped egg). A missing path, unreadable
    TOML or a bad portal raises ``ValueError`` with one line."""
    path = Path(path) if isinstance(path, (str, os.PathLike)) else path
    try:
        if path.is_dir():
            files = sorted((f for f in path.iterdir() if f.name.endswith(".toml")), key=lambda f: f.name)
        elif path.is_file():
            files = [path]
        else:
            raise ValueError(f"portals file {path}: no such file or folder")
    except OSError as exc:  # e.g. a name too long
        raise ValueError(f"portals file {path}: {exc.strerror or exc}") from None
    out = {}
    for file in files:
        try:
            data = tomllib.loads(file.read_text(encoding="utf-8"))
        except (OSError, UnicodeDecodeError, tomllib.TOMLDecodeError) as exc:
            raise ValueError(f"portals file {file}: {exc}") from None
        except RecursionError:
            raise ValueError(f"portals file {file}: tables or arrays nested too deeply") from None
        if "portal" in data:
            if not isinstance(data["portal"], list) or len(data) > 1:
                raise ValueError(f"portals file {file}: portal must be an array of tables ([[portal]]) "
                                 "and the only top-level key")
            tables = data["portal"]
        else:
            tables = [data]
        for table in tables:
            portal = portal_from_dict(table, str(file))
            out[portal.name] = portal
    return out
