"""Serialize a block's columns to CSV (RFC 4180), JSON (one array) or NDJSON, row strings built by C-level joins.

A file is the concatenation of its blocks' pieces, so any block can be written alone: the CSV header comes
with the first row, the JSON array's bracket with the first and last rows, commas between blocks.
"""

from __future__ import annotations

import json

from synthdata.engine.columns import Column, csv_escape

FORMATS = ("csv", "json", "ndjson")
CSV_LINE_END = "\r\n"


def csv_header(field_names: list[str]) -> str:
    return ",".join(map(csv_escape, field_names)) + CSV_LINE_END


def write_piece(
    fmt: str, field_names: list[str], columns: dict[str, Column], *, first_row: bool, last_row: bool
) -> str:
    """Text of consecutive rows; `first_row`/`last_row` say whether they open or close the file."""
    if fmt == "csv":
        lines = map(",".join, zip(*(columns[name].csv_text() for name in field_names), strict=True))
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
