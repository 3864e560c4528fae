"""The README against the code it documents: the record table lists every field of the field
table, in order; every setting of the settings table that newsbot defines is named."""
from __future__ import annotations

import re
from pathlib import Path

from newsbot.extraction.record import FIELDS
from newsbot.settings_table import TABLE

README = (Path(__file__).resolve().parents[1] / "README.md").read_text("utf-8")


def test_the_record_table_lists_every_field_in_order():
    section = README.split("## The record", 1)[1].split("\n## ", 1)[0]
    rows = re.findall(r"^\| `([a-z_]+)` \|", section, re.M)
    assert rows == [f.name for f in FIELDS]


def test_every_setting_of_newsbot_is_named():
    missing = [name for name in TABLE if name.startswith("NEWSBOT_") and name not in README]
    assert missing == []
