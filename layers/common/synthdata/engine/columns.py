"""A column of generated values and its text forms for CSV and JSON, built without a Python loop per value.

Conversions use C-level iteration (`map` over a builtin, numpy casts) so a million values cost milliseconds.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any, Literal

import numpy as np
import numpy.typing as npt

Kind = Literal["str", "int", "float", "bool", "date", "datetime"]

_CSV_SPECIAL = (",", '"', "\n", "\r")
_FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def csv_escape(text: str) -> str:
    """RFC 4180 quoting for one value."""
    if any(ch in text for ch in _CSV_SPECIAL) or text != text.strip(" "):
        return '"' + text.replace('"', '""') + '"'
    return text


def neutralize_formula(text: str) -> str:
    """Spreadsheets run cells that begin with = + - @ tab or CR; a leading quote makes them plain text."""
    return "'" + text if text.startswith(_FORMULA_PREFIXES) else text


@dataclass
class Column:
    """One field's values for a block of rows.

    values: for "str" an object array (or list) of str; "int" int64; "float" float64 (rounded to `decimals`);
    "bool" bool; "date" datetime64[D]; "datetime" datetime64[s] (UTC). `nulls` marks missing values.
    `ascii_safe` says str values never need CSV quoting or JSON escaping (skips the escape pass).
    `user_literal` says values come from user input and must be neutralized against formula injection in CSV.
    """

    kind: Kind
    values: Any
    decimals: int = 2
    nulls: npt.NDArray[np.bool_] | None = None
    ascii_safe: bool = False
    user_literal: bool = False

    def __len__(self) -> int:
        return len(self.values)

    def take(self, start: int, stop: int) -> Column:
        """Rows [start, stop) of this column."""
        nulls = None if self.nulls is None else self.nulls[start:stop]
        return Column(
            self.kind, self.values[start:stop], self.decimals, nulls, self.ascii_safe, self.user_literal
        )

    # ------------------------------------------------------------------------------------ text forms
    def _plain_text(self) -> list[str]:
        """Each value as text, with no quoting (the CSV form of non-string kinds)."""
        values = self.values
        if self.kind == "str":
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

    def csv_text(self) -> list[str]:
        """Values as CSV fields (quoted where needed, nulls empty, user literals neutralized)."""
        text = self._plain_text()
        if self.kind == "str":
            if self.user_literal:
                text = list(map(neutralize_formula, text))
            if not self.ascii_safe:
                text = list(map(csv_escape, text))
        return self._with_nulls(text, "")

    def json_text(self) -> list[str]:
        """Values as JSON literals (strings quoted and escaped, numbers bare, nulls `null`)."""
        if self.kind in ("int", "float"):
            text = self._plain_text()
        elif self.kind == "bool":
            text = np.where(np.asarray(self.values), "true", "false").tolist()
        elif self.kind == "str" and self.ascii_safe:
            text = list(map('"{}"'.format, self._plain_text()))
        else:
            text = list(map(json.dumps, self._plain_text()))
        return self._with_nulls(text, "null")

    def python_values(self) -> list[Any]:
        """JSON-ready Python values (for previews): numbers, bools, ISO strings, None."""
        if self.kind in ("str", "date", "datetime"):
            values: list[Any] = self._plain_text()
        elif self.kind == "float":
            values = np.round(np.asarray(self.values, dtype=float), self.decimals).tolist()
        else:
            values = np.asarray(self.values).tolist()
        if self.nulls is not None:
            values = [None if missing else v for v, missing in zip(values, self.nulls.tolist(), strict=True)]
        return values


def vocabulary(words: list[str] | tuple[str, ...]) -> npt.NDArray[np.object_]:
    """An object array of words, for fancy-indexing whole columns out of it."""
    array = np.empty(len(words), dtype=object)
    array[:] = list(words)
    return array
