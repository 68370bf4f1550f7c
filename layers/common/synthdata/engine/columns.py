"""A column of generated values and its text forms for CSV, TSV, SQL and JSON, built without a Python loop per value.

Conversions use C-level iteration (`map` over a builtin, numpy casts) so a million values cost milliseconds.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass
from functools import partial
from json.encoder import encode_basestring  # the C encoder: one C call per string
from operator import methodcaller
from typing import Any, Literal

import numpy as np
import numpy.typing as npt
from numpy.dtypes import StringDType

from synthdata.engine.escapes import SqlDialect, sql_strings, tsv_escape_all

Kind = Literal["str", "int", "float", "bool", "date", "datetime", "json"]

# Quoted: RFC 4180's specials, and ";" (the separator where Excel's locale uses one, which would split the
# value into cells of their own, the second of which may be a formula).
_CSV_SPECIAL = (",", '"', "\n", "\r", ";")
# First characters that make a spreadsheet run a cell. An array, compared element-wise: numpy reads a "\0"
# scalar as the empty string (which every value starts with).
_FORMULA_STARTS = np.asarray(["=", "+", "-", "@", "\t", "\r", "\0"], dtype=StringDType())
_SEPARATOR = "\x1f"  # joins values for one scan; a value containing it only costs a needless quoting pass
_DOUBLE_QUOTES = methodcaller("replace", '"', '""')


def _specials(delimiter: str) -> tuple[str, ...]:
    return _CSV_SPECIAL if delimiter in _CSV_SPECIAL else (*_CSV_SPECIAL, delimiter)


def csv_escape(text: str, delimiter: str = ",") -> str:
    """RFC 4180 quoting for one value (headers; columns use `csv_escape_all`)."""
    if any(ch in text for ch in _specials(delimiter)) or text != text.strip(" "):
        return '"' + text.replace('"', '""') + '"'
    return text


def _needs_no_quoting(values: list[str], specials: tuple[str, ...]) -> bool:
    """One C-level scan of the whole column: most columns never contain a comma, quote or line break."""
    joined = _SEPARATOR.join(values)
    if any(ch in joined for ch in specials):
        return False
    return f"{_SEPARATOR} " not in joined and f" {_SEPARATOR}" not in joined and joined == joined.strip(" ")


def csv_escape_all(values: list[str], delimiter: str = ",") -> list[str]:
    """RFC 4180 quoting of a whole column; values holding the `delimiter` (any of , ; | tab) are quoted too."""
    specials = _specials(delimiter)
    if not values or _needs_no_quoting(values, specials):
        return values
    text = np.asarray(values, dtype=object)
    needs = _rows_needing_quotes(values, specials)
    doubled = map(_DOUBLE_QUOTES, text[needs].tolist())
    text[needs] = list(map('"{}"'.format, doubled))  # C-level map over builtins, as for SQL strings
    return text.tolist()  # type: ignore[no-any-return]


def _rows_needing_quotes(values: list[str], specials: tuple[str, ...]) -> npt.NDArray[np.bool_]:
    """Which values hold a special character or start or end with a space: one scan of the column's code
    points as a numpy array (UTF-32: one element per character, so value i starts at the sum of the
    lengths before it)."""
    lengths = np.fromiter(map(len, values), dtype=np.int64, count=len(values))
    codes = np.frombuffer("".join(values).encode("utf-32-le", "surrogatepass"), dtype=np.uint32)
    starts = np.cumsum(lengths) - lengths
    is_special = np.zeros(128, dtype=bool)  # every special is ASCII; code 127 (DEL) stands for all above
    is_special[[ord(ch) for ch in specials]] = True
    special = is_special[np.minimum(codes, 127)]
    # The last value starting at or before a position holds it (empty values share the next one's start).
    needs = np.zeros(len(values), dtype=bool)
    needs[np.searchsorted(starts, np.flatnonzero(special), side="right") - 1] = True
    filled = np.flatnonzero(lengths)
    space = ord(" ")
    needs[filled] |= (codes[starts[filled]] == space) | (codes[starts[filled] + lengths[filled] - 1] == space)
    return needs


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


@dataclass
class Column:
    """One field's values for a block of rows.

    values: for "str" an object array (or list) of str; "int" int64; "float" float64 (rounded to `decimals`);
    "bool" bool; "date" datetime64[D]; "datetime" datetime64[s] (UTC); "json" a list of ready JSON texts
    (objects and arrays: written as they are in JSON, as quoted text elsewhere). `nulls` marks missing values.
    `ascii_safe` says str values never need CSV quoting or JSON escaping (skips the escape pass).
    `user_literal` says values come from user input and must be neutralized against formula injection in CSV.
    """

    kind: Kind
    values: Any
    decimals: int = 2
    nulls: npt.NDArray[np.bool_] | None = None
    ascii_safe: bool = False
    user_literal: bool = False
    vocabulary: npt.NDArray[np.object_] | None = None  # with `values` as int codes into it

    @classmethod
    def categorical(
        cls, words: npt.NDArray[np.object_], codes: npt.NDArray[np.intp], **kwargs: Any
    ) -> Column:
        """A string column drawn from a vocabulary: escaped once per vocabulary, not once per row."""
        return cls("str", codes, vocabulary=words, **kwargs)

    def __len__(self) -> int:
        return len(self.values)

    def take(self, start: int, stop: int) -> Column:
        """Rows [start, stop) of this column."""
        nulls = None if self.nulls is None else self.nulls[start:stop]
        return Column(
            self.kind,
            self.values[start:stop],
            self.decimals,
            nulls,
            self.ascii_safe,
            self.user_literal,
            self.vocabulary,
        )

    def pick(self, rows: npt.NDArray[np.intp]) -> Column:
        """The values at `rows` (any order, repeats allowed): a referenced column's values for its children."""
        values = self.values if isinstance(self.values, np.ndarray) else np.asarray(self.values, dtype=object)
        nulls = None if self.nulls is None else self.nulls[rows]
        picked = values[rows]
        return Column(
            self.kind,
            picked if isinstance(self.values, np.ndarray) else picked.tolist(),
            self.decimals,
            nulls,
            self.ascii_safe,
            self.user_literal,
            self.vocabulary,
        )

    def _categorical_text(self, encoding: str, encode: Callable[[list[str]], list[str]]) -> list[str]:
        assert self.vocabulary is not None
        encoded = _encoded_vocabulary(self.vocabulary, encoding, encode)
        return encoded[np.asarray(self.values)].tolist()  # type: ignore[no-any-return]

    # ------------------------------------------------------------------------------------ text forms
    def plain_text(self) -> list[str]:
        """Each value as text, with no quoting (the CSV form of non-string kinds)."""
        values = self.values
        if self.kind in ("str", "json"):
            if self.vocabulary is not None:
                return self.vocabulary[np.asarray(values)].tolist()  # type: ignore[no-any-return]
            return values if isinstance(values, list) else list(values)
        if self.kind == "int":
            return list(map(str, np.asarray(values).tolist()))
        if self.kind == "float":
            return list(map(f"{{:.{self.decimals}f}}".format, np.asarray(values).tolist()))
        if self.kind == "bool":
            return np.where(np.asarray(values), "true", "false").tolist()  # type: ignore[no-any-return]
        if self.kind == "date":
            return np.datetime_as_string(np.asarray(values, dtype="datetime64[D]")).tolist()  # type: ignore[no-any-return]
        if self.kind == "datetime":
            text = np.datetime_as_string(np.asarray(values, dtype="datetime64[s]"))
            return np.char.add(text.astype(str), "Z").tolist()  # type: ignore[no-any-return]
        raise ValueError(f"unknown column kind {self.kind}")

    def _with_nulls(self, text: list[str], null_text: str) -> list[str]:
        if self.nulls is None or not self.nulls.any():
            return text
        array = np.array(text, dtype=object)
        array[self.nulls] = null_text
        return array.tolist()  # type: ignore[no-any-return]

    def csv_text(self, formula_protection: bool = True, delimiter: str = ",") -> list[str]:
        """Values as CSV fields (quoted where needed, nulls empty, user literals neutralized unless
        `formula_protection` is off)."""
        neutralize = self.user_literal and formula_protection
        # ascii_safe promises no comma, semicolon, quote or line break; "|" and tab are checked.
        safe = self.ascii_safe and delimiter in _CSV_SPECIAL

        def encode(text: list[str]) -> list[str]:
            text = neutralize_formulas(text) if neutralize else text
            return text if safe else csv_escape_all(text, delimiter)

        return self._text_form(f"csv:{neutralize}:{safe}:{delimiter}", encode, "")

    def tsv_text(self, formula_protection: bool = True) -> list[str]:
        """Values as TSV fields: tab, line breaks and backslash escaped (\\t \\n \\r \\\\), nulls empty."""
        neutralize = self.user_literal and formula_protection

        def encode(text: list[str]) -> list[str]:
            return tsv_escape_all(neutralize_formulas(text) if neutralize else text)

        return self._text_form(f"tsv:{neutralize}", encode, "")

    def sql_text(self, dialect: SqlDialect) -> list[str]:
        """Values as SQL literals of `dialect`: strings, dates and times quoted, numbers bare, nulls NULL."""
        if self.kind in ("int", "float"):
            return self._with_nulls(self.plain_text(), "NULL")
        if self.kind == "bool":
            true, false = dialect.booleans
            return self._with_nulls(np.where(np.asarray(self.values), true, false).tolist(), "NULL")
        if self.kind == "datetime" and dialect.name == "mysql":
            # MySQL's DATETIME takes no zone designator: the same UTC instant, as "YYYY-MM-DD hh:mm:ss".
            iso = np.datetime_as_string(np.asarray(self.values, dtype="datetime64[s]")).astype(StringDType())
            text = np.strings.replace(iso, "T", " ").tolist()
            return self._with_nulls(sql_strings(text, dialect), "NULL")
        return self._text_form(f"sql:{dialect.name}", partial(sql_strings, dialect=dialect), "NULL")

    def _text_form(
        self, encoding: str, encode: Callable[[list[str]], list[str]], null_text: str
    ) -> list[str]:
        """Strings (and dates and times, for SQL) through `encode`, once per vocabulary word when categorical;
        other kinds as plain text."""
        if self.kind == "str" and self.vocabulary is not None:
            return self._with_nulls(self._categorical_text(encoding, encode), null_text)
        text = self.plain_text()
        quoted = self.kind in ("str", "json") or (
            encoding.startswith("sql:") and self.kind in ("date", "datetime")
        )
        return self._with_nulls(encode(text) if quoted else text, null_text)

    def json_text(self) -> list[str]:
        """Values as JSON literals (strings quoted and escaped, numbers bare, nulls `null`)."""
        if self.kind in ("int", "float", "json"):
            text = self.plain_text()
        elif self.kind == "bool":
            text = np.where(np.asarray(self.values), "true", "false").tolist()
        elif self.kind == "str" and self.vocabulary is not None:
            text = self._categorical_text("json", _json_encode)
        elif self.kind == "str" and self.ascii_safe:
            text = list(map('"{}"'.format, self.plain_text()))
        else:
            text = list(map(encode_basestring, self.plain_text()))
        return self._with_nulls(text, "null")

    def python_values(self) -> list[Any]:
        """JSON-ready Python values (for previews): numbers, bools, ISO strings, None."""
        if self.kind in ("str", "date", "datetime"):
            values: list[Any] = self.plain_text()
        elif self.kind == "json":
            values = list(map(json.loads, self.values))
        elif self.kind == "float":
            values = np.round(np.asarray(self.values, dtype=float), self.decimals).tolist()
        else:
            values = np.asarray(self.values).tolist()
        if self.nulls is not None:
            values = [None if missing else v for v, missing in zip(values, self.nulls.tolist(), strict=True)]
        return values


def json_objects(names: Sequence[str], texts: Iterable[list[str]]) -> Iterable[str]:
    """One JSON object per row from each name's JSON texts: one format string per row ({"a":{},"b":{}}), no
    keyed string per value, one C-level call per row."""
    keys = (json.dumps(name).replace("{", "{{").replace("}", "}}") for name in names)
    row = "{{" + ",".join(f"{key}:{{}}" for key in keys) + "}}"
    return map(row.format, *texts)


def _json_encode(words: list[str]) -> list[str]:
    return list(map(encode_basestring, words))


_ENCODED: dict[tuple[int, str], tuple[npt.NDArray[np.object_], npt.NDArray[np.object_]]] = {}


def _encoded_vocabulary(
    words: npt.NDArray[np.object_], encoding: str, encode: Callable[[list[str]], list[str]]
) -> npt.NDArray[np.object_]:
    """A vocabulary's encoded form, computed once per encoding (vocabularies are long-lived arrays)."""
    key = (id(words), encoding)
    cached = _ENCODED.get(key)
    if cached is None or cached[0] is not words:
        cached = (words, np.asarray(encode(words.tolist()), dtype=object))
        if len(_ENCODED) > 4096:
            _ENCODED.clear()
        _ENCODED[key] = cached
    return cached[1]


def vocabulary(words: list[str] | tuple[str, ...]) -> npt.NDArray[np.object_]:
    """An object array of words, for fancy-indexing whole columns out of it."""
    array = np.empty(len(words), dtype=object)
    array[:] = list(words)
    return array
