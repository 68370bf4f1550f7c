"""The table-driven text of integers, booleans, dates and times equals numpy's and Python's formatting of each
value, at the tables' edges and past them."""

from __future__ import annotations

import numpy as np
import pytest

from synthdata.engine.column_text import (
    SMALL_INT_LIMIT,
    bool_text,
    byte_rows_text,
    date_table,
    date_text,
    datetime_tables,
    datetime_text,
    int_pieces,
    int_table,
    int_text,
)
from synthdata.engine.digit_text import float_text
from tests.fresh_process import fresh_python

RNG = np.random.default_rng(3)


@pytest.mark.parametrize(
    "values",
    [
        RNG.integers(18, 90, 1000),
        np.array([0, SMALL_INT_LIMIT - 1, 5]),
        np.array([0, SMALL_INT_LIMIT]),
        RNG.integers(0, 10_000_000, 1000),
        np.array([0, 999, 1000, 1001, 1000 * SMALL_INT_LIMIT - 1, 7]),
        np.array([5, 1000 * SMALL_INT_LIMIT]),
        RNG.integers(24_000, 450_000, 1000) // 100 * 100,
        RNG.integers(1, 3_000, 1000) * 10_000,  # ja_JP's salaries: round to 10,000
        np.array([100, 200, (SMALL_INT_LIMIT - 1) * 100, 10_000 * SMALL_INT_LIMIT - 10_000]),
        np.array([0, 100, 200 * SMALL_INT_LIMIT]),  # a zero: "000" from a round table would be wrong
        np.array([100, 10_000 * SMALL_INT_LIMIT]),  # past the round tables
        np.array([100, 150 * SMALL_INT_LIMIT, 10_000 * SMALL_INT_LIMIT - 100]),  # not all multiples of 10,000
        RNG.integers(-(2**62), 2**62, 1000),
        np.array([-1, 3]),
        np.array([], dtype=np.int64),
        RNG.integers(0, 255, 50).astype(np.uint8),
        # a long tail: the table for most values, the few past it (either side) patched in
        np.concatenate([RNG.integers(0, 5000, 1000), [SMALL_INT_LIMIT, 10**15, -1, -(2**63) + 1]]),
        np.concatenate([RNG.integers(0, 50, 100), [SMALL_INT_LIMIT * 7]]),
        np.array([2**63 - 1, -(2**63)]),  # int64's minimum has no magnitude in int64: one by one
        np.array([0, 2**64 - 1], dtype=np.uint64),
    ],
)
def test_int_text_is_str_of_each_value(values: np.ndarray) -> None:
    assert int_text(values) == [str(v) for v in values.tolist()]


def test_int_table_serves_round_amounts_from_a_table_with_the_zeros_after() -> None:
    salaries = RNG.integers(240, 4_500, 2000) * 100  # enough to pay for the table (_IntTable.serves)
    table = int_table(salaries)
    assert table is not None
    words, codes = table
    assert words[codes].tolist() == [str(v) for v in salaries.tolist()]
    again = int_table(salaries)
    assert again is not None and again[0] is words  # made once, kept
    assert int_table(salaries + 1) is None  # not round
    assert int_table(np.array([0, 100 * SMALL_INT_LIMIT])) is None  # a zero is not served by "00" tables
    # Enough values to pay for a table up to SMALL_INT_LIMIT (fewer are formatted value by value: _IntTable.serves)
    yen = RNG.integers(100, 2_000, SMALL_INT_LIMIT // 4) * 10_000
    table = int_table(np.append(yen, 10_000 * SMALL_INT_LIMIT - 10_000))
    assert table is not None and table[0][table[1]].tolist()[:-1] == [str(v) for v in yen.tolist()]


def test_bool_text_names_each_value_in_the_given_words() -> None:
    values = RNG.random(100) < 0.5
    assert bool_text(values) == ["true" if v else "false" for v in values]
    assert bool_text(values, "1", "0") == ["1" if v else "0" for v in values]


def _days(lo: str, hi: str, n: int = 2000) -> np.ndarray:
    start, stop = np.datetime64(lo, "D").astype(np.int64), np.datetime64(hi, "D").astype(np.int64)
    return RNG.integers(start, stop, n).astype("datetime64[D]")


@pytest.mark.parametrize(
    "days",
    [
        _days("1936-01-01", "2008-12-31"),
        _days("2021-01-01", "2026-11-01"),
        _days("0001-01-01", "9999-12-31"),  # wider than a table: formatted directly
        np.array(["-0044-03-15", "1969-12-31", "1970-01-01"], dtype="datetime64[D]"),
        np.array(["2020-02-29", "NaT"], dtype="datetime64[D]"),
    ],
)
def test_date_text_is_numpy_iso_with_the_quotes_asked_for(days: np.ndarray) -> None:
    iso = np.datetime_as_string(days).tolist()
    assert date_text(days) == iso
    assert date_text(days, '"', '"') == [f'"{d}"' for d in iso]


@pytest.mark.parametrize(
    "instants",
    [
        np.datetime64("2026-11-01T00:00:00", "s")
        - RNG.integers(1, 5 * 365 * 86_400, 2000).astype("timedelta64[s]"),
        RNG.integers(-(10**11), 10**11, 2000).astype("datetime64[s]"),  # ~6,000 years: formatted directly
        np.array(["1969-12-31T23:59:59", "1970-01-01T00:00:00", "NaT"], dtype="datetime64[s]"),
    ],
)
def test_datetime_text_is_numpy_iso_with_the_separator_and_closing_asked_for(instants: np.ndarray) -> None:
    iso = np.datetime_as_string(instants).tolist()
    assert datetime_text(instants) == [f"{t}Z" for t in iso]
    assert datetime_text(instants, "'", " ", "'") == ["'" + t.replace("T", " ") + "'" for t in iso]
    assert datetime_text(instants, '"', "T", 'Z"') == [f'"{t}Z"' for t in iso]


@pytest.mark.parametrize("n", [1, 100, 5000, 40_000])
def test_date_text_of_small_columns_and_of_tables_is_numpy_iso(n: int) -> None:
    # A column of fewer values than 1/8 of its range's days is written value by value, a larger one from the
    # table of every day: the same text either way, with and without affixes.
    days = _days("1930-01-01", "2008-12-31", n)
    iso = np.datetime_as_string(days).tolist()
    assert date_text(days) == iso
    assert date_text(days, '"born":"', '"') == [f'"born":"{d}"' for d in iso]
    table = date_table(days)
    assert table is not None
    words, codes = table
    assert words[codes].tolist() == iso


def test_date_tables_serve_columns_of_distant_ranges_alike() -> None:
    for lo, hi in (("1900-01-01", "1950-01-01"), ("2400-01-01", "2450-01-01"), ("1920-01-01", "1930-01-01")):
        days = _days(lo, hi, 500)
        assert date_text(days) == np.datetime_as_string(days).tolist()


def test_byte_rows_text_decodes_each_row_or_declines() -> None:
    rows = np.frombuffer("ab€cd\nxy€zz".replace("\n", "").encode(), dtype=np.uint8).reshape(2, -1)
    assert byte_rows_text(rows) == ["ab€cd", "xy€zz"]
    assert byte_rows_text(np.array([[0x61, 0x0A]], dtype=np.uint8)) is None  # a line feed inside a row
    assert byte_rows_text(np.array([[0x61, 0x00]], dtype=np.uint8)) is None  # NUL: numpy's S strips it
    assert byte_rows_text(np.array([[0xE2, 0x82]], dtype=np.uint8)) is None  # cut UTF-8
    assert byte_rows_text(np.empty((0, 4), dtype=np.uint8)) == []


FLOATS = [
    np.round(RNG.random(2000) * 1000, 2),
    np.round(RNG.normal(0, 50, 2000), 1),
    np.round(RNG.lognormal(18, 2, 2000), 2),
    RNG.random(2000) * 1e12,  # not rounded: many values fall back to Python's formatting
    np.array(
        [
            0.0,
            -0.0,
            -0.001,
            0.005,
            0.015,
            1.005,
            2.675,
            0.125,
            -2.5,
            1e300,
            -1e-300,
            2.0**50,
            123456789012.345,
        ]
    ),
    np.array([np.nan, np.inf, -np.inf]),
    np.array([], dtype=float),
    # money from the fixed-point table, a few values it cannot hold patched in
    np.concatenate(
        [
            np.round(RNG.random(3000) * 1300, 2),
            [-0.0, -0.004, -2.5, np.nan, 1310.71, 1310.72, 1e9, 0.125, 7.0],
        ]
    ),
]


@pytest.mark.parametrize("values", FLOATS)
@pytest.mark.parametrize("decimals", [0, 1, 2, 4, 6])
def test_float_text_is_python_fixed_point_formatting(values: np.ndarray, decimals: int) -> None:
    assert float_text(values, decimals) == [f"{v:.{decimals}f}" for v in values.tolist()]


def test_int_pieces_joined_are_each_integers_text_and_refuse_what_no_table_holds() -> None:
    limit = 1000 * SMALL_INT_LIMIT
    edges = [0, 7, 999, 1000, 1001, 99_999, 1_000_000, 9_999_999, limit - 1, *range(0, 3000, 7)]
    # Enough values to pay for the whole table (a column under 1/8 of it is refused: test below).
    values = np.asarray(edges * (SMALL_INT_LIMIT // 8 // len(edges) + 1), dtype=np.int64)
    pieces = int_pieces(values)
    assert pieces is not None
    leading, trailing = pieces
    assert [a + b for a, b in zip(leading.tolist(), trailing.tolist(), strict=True)] == [
        str(v) for v in values
    ]
    assert int_pieces(np.asarray([limit], dtype=np.int64)) is None
    assert int_pieces(np.asarray([-1, 5], dtype=np.int64)) is None
    assert int_pieces(np.asarray([], dtype=np.int64)) is None


def test_columns_too_small_for_the_integer_table_are_formatted_value_by_value() -> None:
    # A fresh process: 100 values up to 99,999 would need a 131,072-entry table; they skip it, same text.
    code = (
        "import numpy as np; from synthdata.engine import column_text as t, digit_text; "
        "v = np.random.default_rng(1).integers(0, 100_000, 100); "
        "assert t.int_table(v) is None and t.int_pieces(v * 1000) is None; "
        "assert t.int_text(v) == [str(x) for x in v.tolist()]; "
        "assert t.int_text(v * 1000) == [str(x) for x in (v * 1000).tolist()]; "
        "assert digit_text.float_text(v / 4, 2) == [f'{x:.2f}' for x in (v / 4).tolist()]; "
        "print(len(t._INTS.words))"
    )
    assert fresh_python(code) == "0"  # no table was built


def test_the_integer_table_grows_to_the_nearer_power_of_two_or_ten_above_the_value() -> None:
    from synthdata.engine.column_text import _IntTable

    for largest in [0, 7, 89, 999, 1000, 1023, 1024, 9_999, 10_000, 65_535, 99_999, SMALL_INT_LIMIT - 1]:
        size = _IntTable._size(largest)
        assert largest < size <= max(1024, 1 << largest.bit_length()), largest
    assert _IntTable._size(9_999) == 10_000
    assert _IntTable._size(30_000) == 32_768


def test_datetime_tables_read_one_after_another_are_the_datetime_text() -> None:
    instants = np.datetime64("2026-11-01T00:00:00", "s") - RNG.integers(1, 5 * 365 * 86_400, 3000).astype(
        "timedelta64[s]"
    )
    for affixes in (("", "T", "Z"), ('"', "T", 'Z"'), ("'", " ", "'")):
        tables = datetime_tables(instants, *affixes)
        assert tables is not None
        pieces = [words[codes].tolist() for words, codes in tables]
        assert ["".join(parts) for parts in zip(*pieces, strict=True)] == datetime_text(instants, *affixes)
    assert datetime_tables(np.array(["2020-01-01T00:00:00", "NaT"], dtype="datetime64[s]")) is None
