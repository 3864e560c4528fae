"""The JSON Schema of a record, shipped with the package."""
from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources


@lru_cache(maxsize=1)
def record_schema() -> dict:
    """The record schema (JSON Schema draft 2020-12) as a dict."""
    return json.loads(resources.files(__package__).joinpath("article.schema.json").read_text("utf-8"))


@lru_cache(maxsize=1)
def validator():
    """A cached ``jsonschema`` validator for records; ``iter_errors(record)`` lists problems."""
    from jsonschema import Draft202012Validator

    return Draft202012Validator(record_schema())
