"""The JSON Schema of a record, made from the field table
(:data:`newsbot.extraction.record.FIELDS`): ``newsbot schema`` prints it."""
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
