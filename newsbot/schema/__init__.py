"""The JSON Schema of a record, made from the field table
(:data:`newsbot.extraction.record.FIELDS`): ``newsbot schema`` prints it; and the column types
that tables of records take from it (DuckDB, pandas), so every file of every day reads with
the same columns whatever values it happens to hold."""
from __future__ import annotations

from functools import lru_cache

from ..extraction.record import FIELDS


@lru_cache(maxsize=1)
def record_schema() -> dict:
    """The record schema (JSON Schema draft 2020-12) as a dict: one property a field, the
    required ones listed, no other property allowed."""
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "https://newsbot.invalid/schema/article.schema.json",
        "title": "newsbot article record",
        "description": "One article page as newsbot writes it to JSON Lines. Missing values are null or [], "
                       "never empty strings.",
        "type": "object",
        "additionalProperties": False,
        "required": [f.name for f in FIELDS if f.required],
        "properties": {f.name: {**f.schema, "description": f.doc} for f in FIELDS},
    }


@lru_cache(maxsize=1)
def validator():
    """A cached ``jsonschema`` validator for records; ``iter_errors(record)`` lists problems."""
    from jsonschema import Draft202012Validator

    return Draft202012Validator(record_schema())


def _kind(schema: dict) -> str:
    """The JSON type of a schema fragment, ``null`` left out (``"string"``, ``"array"``…)."""
    kinds = schema.get("type")
    if isinstance(kinds, list):
        kinds = next((k for k in kinds if k != "null"), "null")
    if kinds is None and "enum" in schema:
        return "string"
    return kinds or "string"


def _duckdb_type(schema: dict) -> str:
    kind = _kind(schema)
    if kind == "string":
        return "TIMESTAMPTZ" if schema.get("format") == "date-time" else "VARCHAR"
    if kind == "boolean":
        return "BOOLEAN"
    if kind == "integer":
        return "BIGINT"
    if kind == "array":
        return _duckdb_type(schema.get("items", {})) + "[]"
    if kind == "object" and "properties" in schema:
        members = ", ".join(f"{name} {_duckdb_type(part)}" for name, part in schema["properties"].items())
        return f"STRUCT({members})"
    if kind == "object":
        return f"MAP(VARCHAR, {_duckdb_type(schema.get('additionalProperties') or {})})"
    return "JSON"


def duckdb_columns() -> dict[str, str]:
    """``{field: DuckDB type}`` of every record field, for ``read_json(…, columns=…)``: text
    ``VARCHAR``, dates ``TIMESTAMPTZ`` (their UTC offset read, the instant kept), lists
    ``VARCHAR[]``, ``translations`` ``STRUCT(language VARCHAR, url VARCHAR)[]``,
    ``provenance`` ``MAP(VARCHAR, VARCHAR)``, ``revision`` ``BIGINT``. A field absent from a
    file, or null in all its records, still gets its type."""
    return {f.name: _duckdb_type(f.schema) for f in FIELDS}


def duckdb_columns_sql() -> str:
    """:func:`duckdb_columns` as the DuckDB struct literal ``read_json`` takes
    (``{'id': 'VARCHAR', …}``); ``newsbot schema --duckdb`` prints it."""
    return "{" + ", ".join(f"'{name}': '{kind}'" for name, kind in duckdb_columns().items()) + "}"


def date_fields() -> list[str]:
    """The fields holding ISO 8601 date-times with a UTC offset (``date_published``,
    ``date_modified``, ``crawled_at``)."""
    return [f.name for f in FIELDS if f.schema.get("format") == "date-time"]


def pandas_dtypes() -> dict[str, str]:
    """``{field: pandas dtype}`` for ``pandas.read_json(…, dtype=…)`` of the scalar fields:
    ``"string"`` for text and dates (parse dates with ``pandas.to_datetime(…, utc=True,
    format="ISO8601")``, see :func:`date_fields`), ``"boolean"``, ``"Int64"``; so a column null
    in every record of a file stays text instead of becoming ``float64``. Lists and objects
    are left to pandas (Python lists and dicts)."""
    out = {}
    for f in FIELDS:
        kind = _kind(f.schema)
        if kind in ("string", "boolean", "integer"):
            out[f.name] = {"string": "string", "boolean": "boolean", "integer": "Int64"}[kind]
    return out
