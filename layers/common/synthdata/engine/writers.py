"""Serialize a block's columns to CSV (RFC 4180), TSV, SQL INSERTs, JSON (one array) or NDJSON, row strings
built by C-level joins.

A file is the concatenation of its blocks' pieces, so any block can be written alone: the CSV/TSV header and
the SQL CREATE TABLE come with the first row, the JSON array's bracket with the first and last rows, commas
between blocks. A SQL statement groups `rows_per_insert` rows counted from the file's first row, and that
number divides BLOCK_ROWS, so a statement never spans two blocks and any split of the file cuts between rows
whose text does not depend on the split.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

import numpy as np

from synthdata.engine.columns import Column
from synthdata.engine.dataset import FieldInfo
from synthdata.engine.escapes import SQL_DIALECTS, SqlDialect, csv_escape, tsv_escape_all
from synthdata.engine.json_parts import json_part, json_separators
from synthdata.engine.rng import BLOCK_ROWS
from synthdata.engine.row_join import join_rows
from synthdata.engine.row_parts import Part, assemble

FORMATS = ("csv", "tsv", "json", "ndjson", "sql")
CSV_LINE_END = "\r\n"
TSV_LINE_END = "\n"
CSV_DELIMITERS = (",", ";", "|", "\t")
ROWS_PER_INSERT = (1, 10, 100, 1000)  # each divides BLOCK_ROWS
TABLE_NAME_PATTERN = r"^[A-Za-z_][A-Za-z0-9_]{0,62}$"
_BARE = ("integer", "number", "boolean")  # written as they are; every other type is text (quoted in JSON)
_JSON_NULL = len("null")
_SQL_BARE = len("FALSE")  # the longest bare literal that is not a number: FALSE, TRUE, NULL
# How much text can grow when written: CSV doubles quotes, wraps the value in two and may add a formula
# guard; TSV writes a special character as two and may add the guard; SQL doubles quotes (and MySQL
# backslashes) and wraps in two; JSON writes a control character as a six-byte \u00XX escape.
_CSV_GROWTH, _CSV_EXTRA = 2, 3
_TSV_GROWTH, _TSV_EXTRA = 2, 1
_SQL_GROWTH, _SQL_EXTRA = 2, 2
_JSON_GROWTH, _JSON_EXTRA = 6, 2

assert all(BLOCK_ROWS % n == 0 for n in ROWS_PER_INSERT)


@dataclass(frozen=True)
class FormatOptions:
    """How a format is written: the job's options that concern the writer (others are ignored)."""

    formula_protection: bool = True  # csv, tsv
    delimiter: str = ","  # csv
    header: bool = True  # csv, tsv
    sql_dialect: str = "postgresql"
    table_name: str = "records"
    rows_per_insert: int = 100

    def __post_init__(self) -> None:
        if self.delimiter not in CSV_DELIMITERS:
            raise ValueError(f"delimiter must be one of {CSV_DELIMITERS!r}")
        if self.sql_dialect not in SQL_DIALECTS:
            raise ValueError(f"sql_dialect must be one of {', '.join(SQL_DIALECTS)}")
        if not re.fullmatch(TABLE_NAME_PATTERN, self.table_name):
            raise ValueError(f"table_name must match {TABLE_NAME_PATTERN}")
        if self.rows_per_insert not in ROWS_PER_INSERT:
            raise ValueError(f"rows_per_insert must be one of {ROWS_PER_INSERT!r}")

    @classmethod
    def from_options(cls, options: Mapping[str, Any] | None) -> FormatOptions:
        """The writer's options out of a job's options (absent or null: the default)."""
        given = {
            key: (options or {}).get(key) for key in ("delimiter", "header", "sql_dialect", "table_name")
        }
        return cls(
            formula_protection=bool((options or {}).get("csv_formula_protection", True)),
            rows_per_insert=int((options or {}).get("rows_per_insert") or cls.rows_per_insert),
            **{key: value for key, value in given.items() if value is not None},
        )

    @property
    def dialect(self) -> SqlDialect:
        return SQL_DIALECTS[self.sql_dialect]


def csv_header(field_names: list[str], delimiter: str = ",") -> str:
    return delimiter.join(csv_escape(name, delimiter) for name in field_names) + CSV_LINE_END


def _sql_insert(field_names: Sequence[str], options: FormatOptions) -> str:
    quote = options.dialect.identifier
    return f"INSERT INTO {quote(options.table_name)} ({','.join(map(quote, field_names))}) VALUES\n"


def sql_create_table(field_names: Sequence[str], kinds: Sequence[str], options: FormatOptions) -> str:
    """CREATE TABLE IF NOT EXISTS with each column's type in the dialect, so the file loads as it is."""
    dialect = options.dialect
    columns = ",\n".join(
        f"  {dialect.identifier(name)} {dialect.types.get(kind, dialect.types['str'])}"
        for name, kind in zip(field_names, kinds, strict=True)
    )
    return f"CREATE TABLE IF NOT EXISTS {dialect.identifier(options.table_name)} (\n{columns}\n);\n"


def max_row_bytes(
    fmt: str, fields: Sequence[FieldInfo], widths: Sequence[int], options: FormatOptions | None = None
) -> int:
    """The most bytes one row can take in fmt, given each field's most UTF-8 bytes per value (a bound, not an
    estimate: text is assumed to need every escape; headers and CREATE TABLE are left out, as once per file)."""
    options = options or FormatOptions()
    bare = [field.type in _BARE for field in fields]
    separators = len(fields) - 1
    if fmt in ("csv", "tsv"):
        growth, extra = (_CSV_GROWTH, _CSV_EXTRA) if fmt == "csv" else (_TSV_GROWTH, _TSV_EXTRA)
        values = sum(w if b else growth * w + extra for w, b in zip(widths, bare, strict=True))
        return values + separators + len(CSV_LINE_END if fmt == "csv" else TSV_LINE_END)
    if fmt == "sql":
        values = sum(
            max(w, _SQL_BARE) if b else _SQL_GROWTH * w + _SQL_EXTRA
            for w, b in zip(widths, bare, strict=True)
        )
        statement = len(_sql_insert([f.name for f in fields], options).encode())  # at most one per row
        return values + separators + len("(),\n") + statement
    values = sum(
        max(w, _JSON_NULL) if b else _JSON_GROWTH * w + _JSON_EXTRA for w, b in zip(widths, bare, strict=True)
    )
    keys = sum(len(json.dumps(field.name)) + 1 for field in fields)
    return values + keys + separators + len("{}") + len(",\n")


def _sql_piece(
    field_names: list[str],
    columns: dict[str, Column],
    start_row: int,
    first_row: bool,
    last_row: bool,
    options: FormatOptions,
) -> str:
    """INSERT statements of `rows_per_insert` rows counted from the file's first row (`start_row`: this
    piece's first row in the file); the file's last statement may be shorter."""
    values = (columns[name].sql_text(options.dialect) for name in field_names)
    rows = list(map(",".join, zip(*values, strict=True)))
    position = np.arange(start_row, start_row + len(rows)) % options.rows_per_insert
    opening = np.where(position == 0, _sql_insert(field_names, options), "")
    closing = np.where(position == options.rows_per_insert - 1, ";\n", ",\n")
    if last_row:
        closing[-1] = ";\n"
    body = "".join(map("{}({}){}".format, opening.tolist(), rows, closing.tolist()))
    if not first_row:
        return body
    return sql_create_table(field_names, [columns[name].kind for name in field_names], options) + body


def _rows(parts: Sequence[Part], separators: list[str], rows: int, line_end: str, head: str) -> str:
    """`head`, then the rows' text, each ended by `line_end`, parts merged where it pays (row_parts)."""
    merged, merged_separators = assemble(list(parts), separators)
    return join_rows(merged, merged_separators, rows, line_end, head, ended=True)


def _delimited(parts: Sequence[Part], delimiter: str) -> list[str]:
    return ["", *[delimiter] * (len(parts) - 1), ""]


def _csv_piece(
    field_names: list[str], columns: dict[str, Column], first_row: bool, options: FormatOptions
) -> str:
    delimiter = options.delimiter
    parts = [columns[name].csv_part(options.formula_protection, delimiter) for name in field_names]
    header = csv_header(field_names, delimiter) if first_row and options.header else ""
    return _rows(parts, _delimited(parts, delimiter), len(columns[field_names[0]]), CSV_LINE_END, header)


def _tsv_piece(
    field_names: list[str], columns: dict[str, Column], first_row: bool, options: FormatOptions
) -> str:
    parts = [columns[name].tsv_part(options.formula_protection) for name in field_names]
    header = "\t".join(tsv_escape_all(field_names)) + TSV_LINE_END if first_row and options.header else ""
    return _rows(parts, _delimited(parts, "\t"), len(columns[field_names[0]]), TSV_LINE_END, header)


def write_piece(
    fmt: str,
    field_names: list[str],
    columns: dict[str, Column],
    *,
    first_row: bool,
    last_row: bool,
    start_row: int = 0,
    options: FormatOptions | None = None,
) -> str:
    """Text of consecutive rows; `first_row`/`last_row` say whether they open or close the file, `start_row`
    is the first one's row number in the file (SQL statements count from the file's first row)."""
    options = options or FormatOptions()
    if fmt == "csv":
        return _csv_piece(field_names, columns, first_row, options)
    if fmt == "tsv":
        return _tsv_piece(field_names, columns, first_row, options)
    if fmt == "sql":
        return _sql_piece(field_names, columns, start_row, first_row, last_row, options)
    if fmt not in ("json", "ndjson"):
        raise ValueError(f"unknown format {fmt!r}; expected one of {', '.join(FORMATS)}")
    # Keys, braces and the quotes around strings, dates and times are in the separators between the values.
    parts, quoted = zip(*(json_part(columns[name]) for name in field_names), strict=True)
    separators = json_separators(field_names, list(quoted))
    merged, merged_separators = assemble(list(parts), separators)
    rows = len(columns[field_names[0]])
    if fmt == "ndjson":
        return join_rows(merged, merged_separators, rows, "\n", ended=True)
    objects = join_rows(merged, merged_separators, rows, ",\n", "[\n" if first_row else ",\n")
    return objects + "\n]\n" if last_row else objects  # the closing bracket: once per file
