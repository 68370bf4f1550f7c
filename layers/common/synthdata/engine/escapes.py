"""Escaping of whole columns for CSV, TSV, JSON checks and SQL literals of each dialect, and the CSV/TSV guard
against spreadsheet formulas, vectorized with numpy.

TSV follows the IANA text/tab-separated-values convention as PostgreSQL's COPY text format writes it: a
backslash, tab, line feed or carriage return inside a value becomes \\\\, \\t, \\n or \\r, so a field never holds
the separator or a line break. SQL strings are single-quoted with quotes doubled (standard SQL); MySQL's
default mode also reads backslash as an escape, so there a backslash is doubled as well.
"""

from __future__ import annotations

from itertools import repeat
from typing import Any, NamedTuple

import numpy as np
import numpy.typing as npt
from numpy.dtypes import StringDType

from synthdata.engine.array_cache import derived
from synthdata.engine.row_parts import Coded, Pieces

# Quoted in CSV: RFC 4180's specials, and ";" (the separator where Excel's locale uses one, which would split the
# value into cells of their own, the second of which may be a formula).
CSV_SPECIAL = (",", '"', "\n", "\r", ";")
_TSV_ESCAPES = (("\\", "\\\\"), ("\t", "\\t"), ("\n", "\\n"), ("\r", "\\r"))  # backslash first
_SEPARATOR = "\x1f"  # joins a column's values for one scan (a value holding it takes the slower path)
_SEPARATOR_BYTE = 0x1F
_SPACE = 0x20


# A named tuple, not a frozen dataclass: cheaper to define at import (see locales/shipped.py).
class SqlDialect(NamedTuple):
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


def json_plain(joined: str) -> bool:
    """Whether JSON strings of this text need no escape: no quote, backslash or control character (what
    encode_basestring escapes). isprintable() is False for every control character, and for a few other
    characters too, which only send a column down the exact path; it scans faster than a regex."""
    return '"' not in joined and "\\" not in joined and joined.isprintable()


def csv_specials(delimiter: str) -> tuple[str, ...]:
    return CSV_SPECIAL if delimiter in CSV_SPECIAL else (*CSV_SPECIAL, delimiter)


def csv_escape(text: str, delimiter: str = ",") -> str:
    """RFC 4180 quoting for one value (headers; columns use `csv_escape_all`)."""
    if any(ch in text for ch in csv_specials(delimiter)) or text != text.strip(" "):
        return '"' + text.replace('"', '""') + '"'
    return text


def csv_escape_all(values: list[str], delimiter: str = ",") -> list[str]:
    """RFC 4180 quoting of a whole column: a value holding a special character (, " CR LF ;), the `delimiter`
    (any of , ; | tab) or a leading or trailing space is quoted, its quotes doubled."""
    specials = csv_specials(delimiter)
    joined = _SEPARATOR.join(values)
    if not values or _needs_no_quoting(joined, specials):
        return values
    needs = _quoting_needed(joined, specials, len(values))
    if needs is None:
        return _csv_escape_each(values, specials)
    if not needs.all():  # only the values that need it become new strings
        text = np.asarray(values, dtype=object)
        text[needs] = _quoted(text[needs].tolist(), '"' in joined)
        return text.tolist()  # type: ignore[no-any-return]
    return _quoted(values, '"' in joined)


def _quoted(values: list[str], has_quotes: bool) -> list[str]:
    """Each value between quotes, its quotes doubled (when any value holds one)."""
    if has_quotes:
        values = list(map(str.replace, values, repeat('"'), repeat('""')))
    return list(map("".join, zip(repeat('"'), values, repeat('"'))))


def _needs_no_quoting(joined: str, specials: tuple[str, ...]) -> bool:
    """One C-level scan of the whole column: most columns never contain a comma, quote or line break."""
    if any(ch in joined for ch in specials):
        return False
    return " " not in joined or not _space_at_an_edge(joined)


def _space_at_an_edge(joined: str) -> bool:
    """Whether a space starts or ends a value (or a value holds the separator: a false alarm, which only sends
    the column down the exact path). On the bytes: a search for a two-character string is slow when its
    first character is frequent, and spaces are."""
    data = np.frombuffer(joined.encode("utf-8", "surrogatepass"), dtype=np.uint8)
    separators, spaces = data == _SEPARATOR_BYTE, data == _SPACE
    return bool(
        spaces[0]
        or spaces[-1]
        or (separators[:-1] & spaces[1:]).any()
        or (spaces[:-1] & separators[1:]).any()
    )


def _quoting_needed(joined: str, specials: tuple[str, ...], count: int) -> npt.NDArray[np.bool_] | None:
    """Which of the `count` values joined by the separator need quotes, from the UTF-8 bytes of the whole column
    (the specials and the space are ASCII, so no byte of another character matches them); None when a value
    holds the separator itself."""
    data = np.frombuffer(joined.encode("utf-8", "surrogatepass"), dtype=np.uint8)
    separators = np.flatnonzero(data == _SEPARATOR_BYTE)
    if len(separators) != count - 1:
        return None
    hit = np.zeros(len(data) + 1, dtype=bool)  # one more byte, never special: where a last empty value starts
    bytes_hit = hit[:-1]
    for ch in specials:
        bytes_hit |= data == ord(ch)
    starts = np.concatenate(([0], separators + 1))
    # Whether any byte from each value's start to the next one's is special (an empty value's reads the
    # separator after it, never special).
    needs = np.logical_or.reduceat(hit, starts)
    ends = np.concatenate((separators, [len(data)]))
    filled = ends > starts
    first = data[np.minimum(starts, len(data) - 1)]
    last = data[np.maximum(ends - 1, 0)]
    needs |= filled & ((first == _SPACE) | (last == _SPACE))
    return needs


def _csv_escape_each(values: list[str], specials: tuple[str, ...]) -> list[str]:
    """The same quoting value by value, for the rare column whose values hold the separator itself (in Python,
    not numpy's UTF-8 strings: a template's text may hold a lone surrogate, which those cannot encode)."""
    return [
        '"' + text.replace('"', '""') + '"'
        if any(ch in text for ch in specials) or text != text.strip(" ")
        else text
        for text in values
    ]


# First characters that make a spreadsheet run a cell. An array, compared element-wise: numpy reads a "\0"
# scalar as the empty string (which every value starts with).
_FORMULA_STARTS = np.asarray(["=", "+", "-", "@", "\t", "\r", "\0"], dtype=StringDType())


def neutralize_formulas(values: list[str]) -> list[str]:
    """Spreadsheets run cells that begin with = + - @ tab, CR or NUL; a leading quote makes them plain text
    (OWASP's advice). A negative number (-12.5) stays as it is: it is read as a number, not run."""
    if not values:
        return values
    text = np.asarray(values, dtype=StringDType())
    first = np.strings.slice(text, 0, 1)
    risky = (first[:, None] == _FORMULA_STARTS[None, :]).any(axis=1)
    risky[risky] = ~_negative_numbers(text[risky])
    if not risky.any():
        return values
    text[risky] = np.strings.add("'", text[risky])
    return text.tolist()  # type: ignore[no-any-return]


def _negative_numbers(text: npt.NDArray[Any]) -> npt.NDArray[np.bool_]:
    """Which values are "-" then digits with at most one decimal point (vectorized, no regex per value)."""
    unsigned = np.strings.slice(text, 1, None)
    digits = np.strings.replace(unsigned, ".", "", 1)
    return np.strings.startswith(text, "-") & (np.strings.str_len(digits) > 0) & np.strings.isdecimal(digits)


def pieces_written_as_they_are(pieces: Pieces, delimiter: str) -> bool:
    """Whether values made of these table pieces need no CSV quoting (for `delimiter`) and no JSON escape, ASCII
    or not: every word printable without , " ; \\ or the delimiter, none of the first table's words starting
    with a space and none of the last's ending with one (inside a value a space is only text). A piece that is
    not a table is not checked: False."""
    tables = [part.table for part in pieces.parts if isinstance(part, Coded)]
    if len(tables) != len(pieces.parts):
        return False
    return (
        all(_printable_words(table, delimiter) for table in tables)
        and derived(
            tables[0], "no leading space", lambda: not any(w.startswith(" ") for w in tables[0].tolist())
        )
        and derived(
            tables[-1], "no trailing space", lambda: not any(w.endswith(" ") for w in tables[-1].tolist())
        )
    )


def _printable_words(table: npt.NDArray[np.object_], delimiter: str) -> bool:
    specials = frozenset(',";\\' + delimiter)
    return derived(
        table,
        ("printable", delimiter),
        lambda: all(w.isprintable() and not specials & set(w) for w in table.tolist()),
    )
