"""The date and time tables made as byte matrices hold exactly numpy's and Python's text, at the range's edges."""

from __future__ import annotations

import numpy as np
import pytest

from synthdata.engine.builders import ObjArray
from synthdata.engine.text_tables import (
    decimal_words,
    iso_date_words,
    iso_day_words,
    padded_text,
    padded_words,
    time_of_hour_words,
)


def _day(iso: str) -> int:
    return int(np.datetime64(iso, "D").astype(np.int64))


def _numpy_words(first: int, last: int) -> list[str]:
    words: list[str] = np.datetime_as_string(
        np.arange(first, last + 1, dtype=np.int64).astype("datetime64[D]")
    ).tolist()  # numpy types tolist() as Any
    return words


def _listed(words: ObjArray | None) -> list[str]:
    """The words of a table that must exist here (None: the range was refused)."""
    assert words is not None
    listed: list[str] = words.tolist()
    return listed


@pytest.mark.parametrize(
    ("first", "last"),
    [
        ("1936-01-01", "2008-12-31"),  # birth dates
        ("1899-12-31", "1900-03-01"),
        ("1969-12-15", "1970-01-20"),  # across the epoch: negative day and month numbers
        ("2000-02-27", "2000-03-02"),  # leap day of a century divisible by 400
        ("2100-02-27", "2100-03-02"),  # no leap day
        ("2024-05-31", "2024-05-31"),  # one day, the last of its month
        ("0001-01-01", "0003-02-01"),  # the first year numpy writes with four digits
        ("9998-12-01", "9999-12-31"),
    ],
)
def test_iso_day_words_are_numpy_iso_dates_with_their_affixes(first: str, last: str) -> None:
    expected = _numpy_words(_day(first), _day(last))
    assert _listed(iso_day_words(_day(first), _day(last))) == expected
    quoted = iso_day_words(_day(first), _day(last), '"date_of_birth":"', "é'")
    assert _listed(quoted) == [f'"date_of_birth":"{d}é\'' for d in expected]


@pytest.mark.parametrize(
    ("first", "last", "opening"),
    [
        (_day("0000-12-31"), _day("0001-01-02"), ""),  # year 0: numpy's own text, not four digits here
        (_day("9999-12-31"), _day("9999-12-31") + 1, ""),
        (_day("2020-01-02"), _day("2020-01-01"), ""),  # an empty range
        (_day("2020-01-01"), _day("2020-01-02"), "\n"),  # a line feed would split a row
    ],
)
def test_iso_day_words_declines_what_it_cannot_write(first: int, last: int, opening: str) -> None:
    assert iso_day_words(first, last, opening) is None


@pytest.mark.parametrize("closing", ["", "Z", 'Z"', "'", "\n"])
def test_time_of_hour_words_are_minutes_and_seconds_of_each_second(closing: str) -> None:
    expected = [f":{s // 60:02d}:{s % 60:02d}{closing}" for s in range(3600)]
    assert time_of_hour_words(closing).tolist() == expected


@pytest.mark.parametrize("size", [0, 1, 9, 10, 11, 1000, 1024, 16_384, 131_072])
def test_decimal_words_are_str_of_each_integer(size: int) -> None:
    assert decimal_words(size).tolist() == [str(i) for i in range(size)]


def test_iso_date_words_are_numpy_iso_dates_of_each_value() -> None:
    days = np.random.default_rng(4).integers(_day("0001-01-01"), _day("9999-12-31") + 1, 3000)
    days[:3] = [_day("0001-01-01"), _day("9999-12-31"), _day("1969-12-31")]
    expected = np.datetime_as_string(days.astype("datetime64[D]")).tolist()
    assert _listed(iso_date_words(days)) == expected
    assert _listed(iso_date_words(days, "'", "T")) == [f"'{d}T" for d in expected]


def test_iso_date_words_declines_what_it_cannot_write() -> None:
    assert iso_date_words(np.array([_day("0000-12-31"), 5])) is None
    assert iso_date_words(np.array([5]), "\n") is None
    assert iso_date_words(np.array([], dtype=np.int64)) is None


def test_padded_words_are_the_prefix_and_zero_padded_digits() -> None:
    values = np.array([0, 1, 9, 10, 99_999, 123_456, 999_999])
    assert padded_words("CUST-", values, 6).tolist() == [f"CUST-{v:06d}" for v in values.tolist()]
    assert padded_words("", np.arange(1000), 3).tolist() == [f"{v:03d}" for v in range(1000)]
    assert padded_words("é-", np.array([], dtype=np.int64), 2).tolist() == []
    for outside in (-1, 1_000_000):
        with pytest.raises(ValueError, match="must lie"):
            padded_words("CUST-", np.array([5, outside]), 6)


@pytest.mark.parametrize("digits", [1, 3, 4, 5, 8, 10, 12])
def test_padded_text_is_python_s_zero_padding_at_every_width(digits: int) -> None:
    # Four digits at a time from a table, the rest one by one: every width, both ends of its range, and a
    # spread of values between (ecommerce ids: ORD- with 8 digits, TXN- with 10).
    top = 10**digits - 1
    spread = np.random.default_rng(digits).integers(0, top, 2000, endpoint=True)
    values = np.concatenate([np.array([0, 1, top // 2, top - 1, top]), spread]).astype(np.int64)
    expected = [f"TXN-{v:0{digits}d}" for v in values.tolist()]
    assert padded_text("TXN-", values, digits) == expected
    assert padded_words("TXN-", values, digits).tolist() == expected
    with pytest.raises(ValueError, match="must lie"):
        padded_text("TXN-", np.array([top + 1]), digits)
