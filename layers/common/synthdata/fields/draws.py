"""How field values are drawn column-wise: unique codes as a permutation of the row number (unique however
the file is split into shards), vocabulary columns, and user-given values that keep their JSON type."""

from __future__ import annotations

import zlib
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

from synthdata.engine.columns import Column
from synthdata.fields.parameters import MAX_DECIMALS

_PRIMES = (1_000_003, 7_654_321, 15_485_863, 32_452_843, 49_979_687, 67_867_967, 86_028_121, 104_395_301)


def permutation(row_index: npt.NDArray[np.int64], seed: int, size: int) -> npt.NDArray[np.int64]:
    """A bijection of [0, size) applied to row numbers: distinct rows get distinct codes while rows < size."""
    multiplier = next(p for p in _PRIMES if size % p != 0)
    return (row_index * (multiplier % size) + seed % size) % size if size > 1 else np.zeros_like(row_index)


def field_seed(name: str) -> int:
    """A number of the field's name, the same in every process (str hashes differ between processes, and
    shards run in many)."""
    return zlib.crc32(name.encode())


def category(words: Sequence[str], codes: npt.NDArray[np.int64]) -> Column:
    """A column of `words[code]`, escaped once per word rather than once per row."""
    return Column.categorical(np.asarray(words, dtype=object), codes)


def _decimal_places(value: float) -> int:
    """Decimal places of the shortest text of a float, written without an exponent (1e-05 has 5)."""
    return len(np.format_float_positional(value, trim="0").split(".")[1])


def written_width(values: Sequence[str | int | float | bool]) -> int:
    """Bytes of the widest of the values as the file writes them."""
    text = typed_column(values, np.arange(len(values))).plain_text()
    return max(len(value.encode()) for value in text)


def typed_column(values: Sequence[str | int | float | bool], codes: npt.NDArray[np.int64]) -> Column:
    """User values (choices, constants) keep their JSON type when they all share one: numbers stay numbers."""
    if all(isinstance(v, bool) for v in values):
        return Column("bool", np.asarray(values, dtype=bool)[codes])
    if all(isinstance(v, int) and not isinstance(v, bool) for v in values):
        return Column("int", np.asarray(values, dtype=np.int64)[codes])
    if all(isinstance(v, int | float) and not isinstance(v, bool) for v in values):
        decimals = max(_decimal_places(float(v)) for v in values)
        return Column("float", np.asarray(values, dtype=float)[codes], decimals=min(decimals, MAX_DECIMALS))
    return Column.categorical(np.asarray([str(v) for v in values], dtype=object), codes, user_literal=True)
