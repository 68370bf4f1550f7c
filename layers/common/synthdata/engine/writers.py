"""Serialize a block's columns to CSV (RFC 4180), JSON (one array) or NDJSON, row strings built by C-level joins.

A file is the concatenation of its blocks' pieces, so any block can be written alone: the CSV header comes
with the first row, the JSON array's bracket with the first and last rows, commas between blocks.
"""

from __future__ import annotations

import json
from collections.abc import Sequence

from synthdata.engine.columns import Column, csv_escape
from synthdata.engine.dataset import FieldInfo

FORMATS = ("csv", "json", "ndjson")
CSV_LINE_END = "\r\n"
_BARE = ("integer", "number", "boolean")  # written as they are; every other type is text (quoted in JSON)
_JSON_NULL = len("null")
# How much text can grow when written: CSV doubles quotes, wraps the value in two and may add a formula
# guard; JSON writes a control character as a six-byte \u00XX escape.
_CSV_GROWTH, _CSV_EXTRA = 2, 3
_JSON_GROWTH, _JSON_EXTRA = 6, 2


def csv_header(field_names: list[str]) -> str:
    return ",".join(map(csv_escape, field_names)) + CSV_LINE_END


def max_row_bytes(fmt: str, fields: Sequence[FieldInfo], widths: Sequence[int]) -> int:
    """The most bytes one row can take in fmt, given each field's most UTF-8 bytes per value (a bound, not an
    estimate: text is assumed to need every escape)."""
    bare = [field.type in _BARE for field in fields]
    if fmt == "csv":
        values = sum(w if b else _CSV_GROWTH * w + _CSV_EXTRA for w, b in zip(widths, bare, strict=True))
        return values + len(fields) - 1 + len(CSV_LINE_END)
    values = sum(
        max(w, _JSON_NULL) if b else _JSON_GROWTH * w + _JSON_EXTRA for w, b in zip(widths, bare, strict=True)
    )
    keys = sum(len(json.dumps(field.name)) + 1 for field in fields)
    return values + keys + len(fields) - 1 + len("{}") + len(",\n")


def write_piece(
    fmt: str,
    field_names: list[str],
    columns: dict[str, Column],
    *,
    first_row: bool,
    last_row: bool,
    formula_protection: bool = True,
) -> str:
    """Text of consecutive rows; `first_row`/`last_row` say whether they open or close the file;
    `formula_protection`: neutralize user text that a spreadsheet would run (CSV only)."""
    if fmt == "csv":
        fields = (columns[name].csv_text(formula_protection) for name in field_names)
        lines = map(",".join, zip(*fields, strict=True))
        body = CSV_LINE_END.join(lines) + CSV_LINE_END
        return (csv_header(field_names) if first_row else "") + body
    # One format string per row ({"a":{},"b":{}}): no keyed string per value, one C-level call per row.
    keys = (json.dumps(name).replace("{", "{{").replace("}", "}}") for name in field_names)
    row = "{{" + ",".join(f"{key}:{{}}" for key in keys) + "}}"
    objects = map(row.format, *(columns[name].json_text() for name in field_names))
    if fmt == "ndjson":
        return "\n".join(objects) + "\n"
    if fmt == "json":
        opening = "[\n" if first_row else ",\n"
        closing = "\n]\n" if last_row else ""
        return opening + ",\n".join(objects) + closing
    raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
