"""A column of generated values and its text forms for CSV, TSV, SQL and JSON, built without a Python loop per value.

Conversions use C-level iteration (`map` over a builtin, numpy casts) so a million values cost milliseconds.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass
from functools import partial
from typing import Any, Literal

import numpy as np
import numpy.typing as npt

from synthdata.engine.array_cache import is_derived
from synthdata.engine.column_text import (
    bool_table,
    bool_text,
    date_table,
    date_text,
    datetime_tables,
    datetime_text,
    int_table,
    int_text,
)
from synthdata.engine.digit_text import float_text
from synthdata.engine.escapes import (
    CSV_SPECIAL,
    SqlDialect,
    csv_escape_all,
    neutralize_formulas,
    pieces_written_as_they_are,
    sql_strings,
    tsv_escape_all,
)
from synthdata.engine.json_literals import json_encode, json_strings
from synthdata.engine.row_parts import Coded, Pieces, text_of
from synthdata.engine.suffixed import Suffix, checked, suffix_rows, suffixed_text
from synthdata.engine.suffixed import plain_text as suffixed_plain_text
from synthdata.engine.word_arrays import encoded_vocabulary

Kind = Literal["str", "int", "float", "bool", "date", "datetime", "json"]
# A categorical column with fewer values than 1/8 of its vocabulary's words is encoded value by value, unless the
# vocabulary's encoded table exists already: a 100-row job does not encode 20,000 place names.
_WORDS_PER_VALUE = 8


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
    suffix: Suffix | None = None  # with a vocabulary: each value is its word + plain words (engine/suffixed)

    @classmethod
    def categorical(
        cls, words: npt.NDArray[np.object_], codes: npt.NDArray[np.intp], **kwargs: Any
    ) -> Column:
        """A string column drawn from a vocabulary: escaped once per vocabulary, not once per row."""
        return cls("str", codes, vocabulary=words, **kwargs)

    @classmethod
    def suffixed(
        cls, words: npt.NDArray[np.object_], codes: npt.NDArray[np.intp], suffix: Suffix, **kwargs: Any
    ) -> Column:
        """A string column of a vocabulary word + a plain suffix word (suffixed.plain_suffixes) in each row. Not
        for user literals: whether a value reads as a number (exempt from formula guards) depends on both."""
        if kwargs.get("user_literal"):
            raise ValueError("a suffixed column cannot hold user literals")
        return cls("str", codes, vocabulary=words, suffix=checked(suffix), **kwargs)

    def __len__(self) -> int:
        return len(self.values)

    def take(self, start: int, stop: int) -> Column:
        """Rows [start, stop) of this column."""
        nulls = None if self.nulls is None else self.nulls[start:stop]
        values = self.values
        return Column(
            self.kind,
            values.take(start, stop) if isinstance(values, Pieces) else values[start:stop],
            self.decimals,
            nulls,
            self.ascii_safe,
            self.user_literal,
            self.vocabulary,
            None if self.suffix is None else suffix_rows(self.suffix, slice(start, stop)),
        )

    def pick(self, rows: npt.NDArray[np.intp]) -> Column:
        """The values at `rows` (any order, repeats allowed): a referenced column's values for its children."""
        source = text_of(self.values) if isinstance(self.values, Pieces) else self.values
        values = source if isinstance(source, np.ndarray) else np.asarray(source, dtype=object)
        nulls = None if self.nulls is None else self.nulls[rows]
        picked = values[rows]
        return Column(
            self.kind,
            picked if isinstance(source, np.ndarray) else picked.tolist(),
            self.decimals,
            nulls,
            self.ascii_safe,
            self.user_literal,
            self.vocabulary,
            None if self.suffix is None else suffix_rows(self.suffix, rows),
        )

    def _categorical_text(self, encoding: str, encode: Callable[[list[str]], list[str]]) -> list[str]:
        assert self.vocabulary is not None
        if self.suffix is not None:
            return suffixed_text(self.vocabulary, np.asarray(self.values), self.suffix, encoding, encode)
        encoded = encoded_vocabulary(self.vocabulary, encoding, encode)
        return encoded[np.asarray(self.values)].tolist()  # type: ignore[no-any-return]

    # ------------------------------------------------------------------------------------ text forms
    def plain_text(self) -> list[str]:
        """Each value as text, with no quoting (the CSV form of non-string kinds)."""
        values = self.values
        if self.kind in ("str", "json"):
            if self.vocabulary is not None and self.suffix is not None:
                return suffixed_plain_text(self.vocabulary, np.asarray(values), self.suffix)
            if self.vocabulary is not None:
                return self.vocabulary[np.asarray(values)].tolist()  # type: ignore[no-any-return]
            if isinstance(values, Pieces):
                return text_of(values)
            return values if isinstance(values, list) else np.asarray(values, dtype=object).tolist()
        if self.kind == "int":
            return int_text(values)
        if self.kind == "float":
            return float_text(values, self.decimals)
        if self.kind == "bool":
            return bool_text(values)
        if self.kind == "date":
            return date_text(values)
        if self.kind == "datetime":
            return datetime_text(values)
        raise ValueError(f"unknown column kind {self.kind}")

    def plain_part(self) -> Coded | list[str] | Pieces:
        """plain_text as a table and codes where it comes from one (categorical words, small integers, booleans,
        dates; date-times as pieces of three tables): the writer can merge tables with what is next to them."""
        if self.kind == "datetime":
            tables = datetime_tables(self.values)
            return self.plain_text() if tables is None else Pieces(tuple(Coded(*t) for t in tables))
        table: tuple[npt.NDArray[np.object_], npt.NDArray[Any]] | None = None
        if self.kind == "str" and self.vocabulary is not None and self.suffix is None:
            table = self.vocabulary, np.asarray(self.values)
        elif self.kind == "int":
            table = int_table(self.values)
        elif self.kind == "bool":
            table = bool_table(self.values)
        elif self.kind == "date":
            table = date_table(self.values)
        return self.plain_text() if table is None else Coded(*table)

    @property
    def has_nulls(self) -> bool:
        return self.nulls is not None and bool(self.nulls.any())

    def _present_text(self, form: Callable[[Column], list[str]], null_text: str) -> list[str]:
        """`null_text` at the nulls, form() of the other rows: only values that are written get formatted (a
        market cap only for the public companies) and no list of every row's text is made to be overwritten."""
        assert self.nulls is not None
        present = np.flatnonzero(~self.nulls)
        array = np.empty(len(self), dtype=object)
        array[:] = null_text
        array[present] = form(self.pick(present))
        return array.tolist()

    def csv_part(self, formula_protection: bool = True, delimiter: str = ",") -> Coded | list[str] | Pieces:
        """Values as CSV fields (quoted where needed, nulls empty, user literals neutralized unless
        `formula_protection` is off)."""
        neutralize = self.user_literal and formula_protection
        # ascii_safe promises no comma, semicolon, quote or line break; "|" and tab are checked.
        safe = self.ascii_safe and delimiter in CSV_SPECIAL
        pieces = self.values if isinstance(self.values, Pieces) else None
        if (
            pieces is not None
            and not neutralize
            and not self.has_nulls
            and (safe or pieces_written_as_they_are(pieces, delimiter))
        ):
            return pieces  # written as they are: the writer joins the pieces with the rest of the row

        def encode(text: list[str]) -> list[str]:
            text = neutralize_formulas(text) if neutralize else text
            return text if safe else csv_escape_all(text, delimiter)

        return self._text_part(f"csv:{neutralize}:{safe}:{delimiter}", encode, "")

    def tsv_part(self, formula_protection: bool = True) -> Coded | list[str] | Pieces:
        """Values as TSV fields: tab, line breaks and backslash escaped (\\t \\n \\r \\\\), nulls empty."""
        neutralize = self.user_literal and formula_protection

        def encode(text: list[str]) -> list[str]:
            return tsv_escape_all(neutralize_formulas(text) if neutralize else text)

        return self._text_part(f"tsv:{neutralize}", encode, "")

    def sql_text(self, dialect: SqlDialect) -> list[str]:
        """Values as SQL literals of `dialect`: strings, dates and times quoted, numbers bare, nulls NULL."""
        if self.has_nulls:
            return self._present_text(lambda present: present.sql_text(dialect), "NULL")
        if self.kind in ("int", "float"):
            return self.plain_text()
        if self.kind == "bool":
            return bool_text(self.values, *dialect.booleans)
        if self.kind == "date":
            return date_text(self.values, "'", "'")
        if self.kind == "datetime":
            # MySQL's DATETIME takes no zone designator: the same UTC instant, as "YYYY-MM-DD hh:mm:ss".
            mysql = dialect.name == "mysql"
            return datetime_text(self.values, "'", " " if mysql else "T", "'" if mysql else "Z'")
        return text_of(self._text_part(f"sql:{dialect.name}", partial(sql_strings, dialect=dialect), "NULL"))

    def _text_part(
        self, encoding: str, encode: Callable[[list[str]], list[str]], null_text: str
    ) -> Coded | list[str] | Pieces:
        """Strings through `encode`, once per vocabulary word when categorical (as a table and codes when no
        value is null); other kinds as plain text."""
        if self.has_nulls:
            return self._present_text(lambda rows: text_of(rows._text_part(encoding, encode, "")), null_text)
        if self.kind == "str" and self.vocabulary is not None and self.suffix is not None:
            return self._categorical_text(encoding, encode)
        if self.kind == "str" and self.vocabulary is not None:
            codes = np.asarray(self.values)
            if len(codes) * _WORDS_PER_VALUE < len(self.vocabulary) and not is_derived(
                self.vocabulary, ("encoded", encoding)
            ):
                return encode(
                    self.vocabulary[codes].tolist()
                )  # a small column: its own words, not the table's
            return Coded(encoded_vocabulary(self.vocabulary, encoding, encode), codes)
        quoted = self.kind in ("str", "json") or (
            encoding.startswith("sql:") and self.kind in ("date", "datetime")
        )
        if not quoted:
            return self.plain_part()
        return encode(self.plain_text())

    def json_text(self) -> list[str]:
        """Values as JSON literals: strings, dates and times quoted (strings escaped), numbers and booleans bare,
        nested values as they are, nulls `null`. (The writers' own JSON path is json_parts.)"""
        if self.has_nulls:
            return self._present_text(Column.json_text, "null")
        values = self.values
        if self.kind == "str" and self.vocabulary is not None:
            text = self._categorical_text("json", json_encode)
        elif self.kind == "bool":
            text = bool_text(values)
        elif self.kind == "date":
            text = date_text(values, '"', '"')
        elif self.kind == "datetime":
            text = datetime_text(values, '"', "T", 'Z"')
        elif self.kind == "float":
            text = float_text(values, self.decimals)
        elif self.kind in ("int", "json"):  # "json": a nested value, already a JSON literal
            text = self.plain_text()
        else:
            text = json_strings(self.plain_text(), self.ascii_safe)
        return text

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
