"""decimal_text, the byte-matrix text of integers, equals Python's str() and fixed-point formatting of each
value: at every power of ten, the group edges, both signs, the int64 extremes and random values of every size."""

from __future__ import annotations

import numpy as np
import pytest

from synthdata.engine.digit_text import MAX_DECIMALS, TABLE_LIMIT, decimal_text, fixed_words, tabled_fixed

RNG = np.random.default_rng(11)
EDGES = np.asarray(
    [
        0,
        1,
        9,
        9999,
        10_000,
        10_001,
        99_999_999,
        100_000_000,
        2**63 - 1,
        *(10**k for k in range(19)),
        *(10**k - 1 for k in range(1, 19)),
        *(10**k + 1 for k in range(1, 19)),
    ],
    dtype=np.int64,
)


def _simple(units: np.ndarray, decimals: int, minus: np.ndarray | None = None) -> list[str]:
    """The same text by string slicing, value by value."""
    signs = units < 0 if minus is None else (units < 0) | minus
    out = []
    for value, negative in zip(units.tolist(), signs.tolist(), strict=True):
        digits = str(abs(value)).rjust(decimals + 1, "0")
        text = f"{digits[:-decimals]}.{digits[-decimals:]}" if decimals else digits
        out.append("-" + text if negative else text)
    return out


@pytest.mark.parametrize("decimals", range(MAX_DECIMALS + 1))
def test_edges_of_both_signs_are_written_as_python_writes_them(decimals: int) -> None:
    units = np.concatenate([EDGES, -EDGES])
    assert decimal_text(units, decimals) == _simple(units, decimals)
    if decimals == 0:
        assert decimal_text(units) == [str(v) for v in units.tolist()]
    else:
        scaled = units[np.abs(units) < 2**50]  # where a double holds the value exactly
        floats = scaled / 10**decimals
        assert decimal_text(scaled, decimals) == [f"{v:.{decimals}f}" for v in floats.tolist()]


@pytest.mark.parametrize("decimals", range(MAX_DECIMALS + 1))
def test_random_values_of_every_magnitude(decimals: int) -> None:
    for digits in range(1, 19):
        units = RNG.integers(-(10**digits), 10**digits, 500)
        assert decimal_text(units, decimals) == _simple(units, decimals)
        assert decimal_text(np.abs(units), decimals) == _simple(np.abs(units), decimals)


def test_minus_marks_values_that_round_to_zero_from_below_and_empty_gives_nothing() -> None:
    units = np.asarray([0, 0, 5, -5, 12345], dtype=np.int64)
    minus = np.asarray([True, False, True, False, False])
    assert decimal_text(units, 2, minus) == ["-0.00", "0.00", "-0.05", "-0.05", "123.45"]
    assert decimal_text(units, 0, minus) == ["-0", "0", "-5", "-5", "12345"]
    assert decimal_text(np.asarray([], dtype=np.int64), 2) == []


@pytest.mark.parametrize("decimals", [0, 1, 2, 4])
def test_fixed_tables_hold_each_units_text_of_either_sign(decimals: int) -> None:
    for codes in (np.arange(3000), RNG.integers(0, TABLE_LIMIT, 5000), np.arange(3000)[::-1]):
        words = fixed_words(decimals, codes)
        assert words.tolist() == [f"{u / 10**decimals:.{decimals}f}" for u in codes.tolist()]
        negative = fixed_words(decimals, codes, negative=True)
        assert negative.tolist() == [f"{-(u / 10**decimals):.{decimals}f}" for u in codes.tolist()]
    assert fixed_words(decimals, np.asarray([0]), negative=True)[0] == f"{-0.0:.{decimals}f}"


def test_tabled_fixed_leaves_what_no_table_holds_to_the_caller() -> None:
    units = np.asarray([5.0, -5.0, 0.0, -0.0, float(TABLE_LIMIT), 12.0])
    exact = np.asarray([True, True, True, True, True, False])
    minus = np.signbit(units) & exact
    found = tabled_fixed(units, exact, minus, 2, most_outside=2)
    assert found is not None
    words, outside = found
    assert outside.tolist() == [4, 5]
    assert words[:4].tolist() == ["0.05", "-0.05", "0.00", "-0.00"]
    assert tabled_fixed(units, exact, minus, 2, most_outside=1) is None
