"""Escaping of whole columns for TSV and for SQL literals of each dialect, vectorized with numpy.

TSV follows the IANA text/tab-separated-values convention as PostgreSQL's COPY text format writes it: a
backslash, tab, line feed or carriage return inside a value becomes \\\\, \\t, \\n or \\r, so a field never holds
the separator or a line break. SQL strings are single-quoted with quotes doubled (standard SQL); MySQL's
default mode also reads backslash as an escape, so there a backslash is doubled as well.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
from numpy.dtypes import StringDType

_TSV_ESCAPES = (("\\", "\\\\"), ("\t", "\\t"), ("\n", "\\n"), ("\r", "\\r"))  # backslash first
_SEPARATOR = "\x1f"


@dataclass(frozen=True)
class SqlDialect:
    """How a dialect writes literals, identifiers and column types."""

    name: str
    identifier_quote: str
    booleans: tuple[str, str]  # (true, false)
    backslash_escapes: bool
    types: dict[str, str]  # Column.kind -> column type

    def identifier(self, name: str) -> str:
        """A quoted identifier (the quote character doubled inside)."""
        q = self.identifier_quote
        return q + name.replace(q, q + q) + q


SQL_DIALECTS = {
    "postgresql": SqlDialect(
        "postgresql",
        '"',
        ("TRUE", "FALSE"),
        False,
        {
            "str": "TEXT",
            "int": "BIGINT",
            "float": "NUMERIC",
            "bool": "BOOLEAN",
            "date": "DATE",
            "datetime": "TIMESTAMPTZ",
        },
    ),
    "mysql": SqlDialect(
        "mysql",
        "`",
        ("TRUE", "FALSE"),
        True,
        {
            "str": "TEXT",
            "int": "BIGINT",
            "float": "DOUBLE",
            "bool": "BOOLEAN",
            "date": "DATE",
            "datetime": "DATETIME",
        },
    ),
    "sqlite": SqlDialect(
        "sqlite",
        '"',
        ("1", "0"),
        False,
        {
            "str": "TEXT",
            "int": "INTEGER",
            "float": "REAL",
            "bool": "INTEGER",
            "date": "TEXT",
            "datetime": "TEXT",
        },
    ),
}


def tsv_escape_all(values: list[str]) -> list[str]:
    """A column's values with backslash, tab, LF and CR escaped; one C-level scan when none holds them."""
    joined = _SEPARATOR.join(values)
    if not any(ch in joined for ch, _ in _TSV_ESCAPES):
        return values
    text = np.asarray(values, dtype=StringDType())
    for ch, escaped in _TSV_ESCAPES:
        text = np.strings.replace(text, ch, escaped)
    return text.tolist()  # type: ignore[no-any-return]


def sql_strings(values: list[str], dialect: SqlDialect) -> list[str]:
    """A column's values as quoted string literals of `dialect`."""
    joined = _SEPARATOR.join(values)
    if "'" not in joined and not (dialect.backslash_escapes and "\\" in joined):
        return list(map("'{}'".format, values))
    text = np.asarray(values, dtype=StringDType())
    if dialect.backslash_escapes:
        text = np.strings.replace(text, "\\", "\\\\")
    text = np.strings.replace(text, "'", "''")
    return np.strings.add(np.strings.add("'", text), "'").tolist()  # type: ignore[no-any-return]
