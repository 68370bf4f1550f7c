"""Text of whole columns of integers, booleans, dates and times, mostly by indexing cached tables of strings.

A column's text is a list of Python strings the writers join. Making a new string per value costs ~50-100 ns;
fancy-indexing an object array of ready-made strings only copies references. So small integers, dates and
times of day come from tables built once per process (grown to the range a column needs, bounded), and only
what no table covers is formatted value by value. Every function gives the same text as numpy's or Python's
formatting of each value (`str(int)`, `np.datetime_as_string`), which tests check against.
"""

from __future__ import annotations

from functools import lru_cache, partial
from typing import Any

import numpy as np
import numpy.typing as npt
from numpy.dtypes import StringDType

from synthdata.engine.array_cache import derived
from synthdata.engine.digit_text import FEW, decimal_text
from synthdata.engine.text_tables import decimal_words, iso_date_words, iso_day_words, time_of_hour_words

ObjArray = npt.NDArray[np.object_]

SMALL_INT_LIMIT = 1 << 17  # non-negative integers below this come from a table (ages, years, counts)
_MAX_DAY_SPAN = (
    1 << 18
)  # a date table covers at most ~700 years at once; wider columns are formatted directly
_MARGIN_DAYS = 366
_ENTRIES_PER_VALUE = 8  # a column smaller than 1/8 of the integer table it would need skips the table
# A column with fewer values than 1/8 of the days its table would hold is written value by value (a 100-row job
# needs 100 dates, not a 50,000-day table of birth dates); a 10,000-row block builds the table for the next ones.
_DAYS_PER_VALUE = 8
_DAY_TABLES_BUDGET = (
    1 << 19
)  # entries of all date tables (each key, quote and affix has its own): ~40 MB at most
_SECONDS_PER_DAY = 86_400
_ROW_END = 0x0A  # ends each row of a byte matrix before the one decode


class _IntTable:
    """str(i) for 0 <= i < size, grown to a power of two or ten up to SMALL_INT_LIMIT."""

    def __init__(self) -> None:
        self.words: ObjArray = np.empty(0, dtype=object)

    def covering(self, largest: int) -> ObjArray:
        if largest >= len(self.words):
            self.words = decimal_words(self._size(largest))
        return self.words

    def serves(self, largest: int, count: int) -> bool:
        """Whether `count` values up to `largest` are read from the table: it holds them already, or they are at
        least 1/8 of the entries it would grow to (a 100-row column is formatted value by value)."""
        return largest < len(self.words) or count * _ENTRIES_PER_VALUE >= self._size(largest)

    @staticmethod
    def _size(largest: int) -> int:
        """The next power of two or of ten above `largest` (the smaller: 10,000 for codes below 10,000)."""
        largest = int(largest)
        above: int = min(1 << largest.bit_length(), 10 ** len(str(largest)))
        return min(SMALL_INT_LIMIT, max(1000, above))


class _DayTable:
    """opening + ISO date + closing for a contiguous range of days (days since 1970-01-01), grown as needed."""

    def __init__(self, opening: str, closing: str) -> None:
        self.opening, self.closing = opening, closing
        self.first = 0
        self.words: ObjArray = np.empty(0, dtype=object)

    def lookup(self, days: npt.NDArray[np.int64], lo: int, hi: int) -> ObjArray:
        words, codes = self.coded(days, lo, hi)
        return words[codes]

    def coded(self, days: npt.NDArray[np.int64], lo: int, hi: int) -> tuple[ObjArray, npt.NDArray[np.int64]]:
        """(the table, each day's code into it)."""
        last = self.first + len(self.words) - 1
        if lo < self.first or hi > last:
            if len(self.words) and max(hi, last) - min(lo, self.first) < _MAX_DAY_SPAN:
                lo, hi = min(lo, self.first), max(hi, last)  # grow: keeps the days other columns use
            # A margin, so the next blocks' slightly earlier or later days do not rebuild the table.
            margin = min(max(_MARGIN_DAYS, (hi - lo) // 4), (_MAX_DAY_SPAN - (hi - lo)) // 2)
            lo, hi = lo - margin, hi + margin
            if (
                len(days) * _DAYS_PER_VALUE < hi - lo + 1
            ):  # a small column: its own values, the table left as is
                own = iso_date_words(days, self.opening, self.closing)
                if own is not None:
                    return own, np.arange(len(days))
            words = iso_day_words(lo, hi, self.opening, self.closing)
            if words is None:
                span = np.arange(lo, hi + 1, dtype=np.int64).astype("datetime64[D]")
                text: ObjArray = np.datetime_as_string(span).astype(object)
                words = self.opening + text + self.closing if self.opening or self.closing else text
            self.words, self.first = words, lo
        return self.words, days - self.first


_INTS = _IntTable()
_THOUSANDS = 1000
_INT64_MIN, _INT64_END = -(1 << 63), 1 << 63
_TAIL_TABLE = 1 << 14
_DAYS: dict[tuple[str, str], _DayTable] = {}
_TIMES: dict[str, tuple[ObjArray, ObjArray]] = {}


def _day_table(opening: str, closing: str) -> _DayTable:
    if (opening, closing) not in _DAYS:
        if sum(len(table.words) for table in _DAYS.values()) > _DAY_TABLES_BUDGET:
            _DAYS.clear()
        _DAYS[(opening, closing)] = _DayTable(opening, closing)
    return _DAYS[(opening, closing)]


Table = tuple[ObjArray, npt.NDArray[Any]]  # words, and each value's code into them


def int_table(values: npt.ArrayLike) -> Table | None:
    """The table that holds str() of each integer (or of round amounts), or None when no table can."""
    array = np.asarray(values)
    if array.size and array.dtype.kind in "iu":
        lo, hi = int(array.min()), int(array.max())
        if lo >= 0 and hi < SMALL_INT_LIMIT and _INTS.serves(hi, array.size):
            return _INTS.covering(hi), array
        if lo > 0 and hi < 10_000 * SMALL_INT_LIMIT:
            return _round_table(array.astype(np.int64), hi)
    return None


def _round_table(array: npt.NDArray[np.int64], hi: int) -> Table | None:
    """Positive multiples of 100 or 10,000 (salaries): the int table's words with the zeros after, quotients."""
    for zeros in ("00", "0000"):
        array, rest = np.divmod(array, 100)
        if rest.any():
            return None
        hi //= 100
        if hi < SMALL_INT_LIMIT:
            if not _INTS.serves(hi, array.size):  # too few values to pay for the table: value by value
                return None
            words = _INTS.covering(hi)
            return derived(words, ("zeros", zeros), partial(words.__add__, zeros)), array
    return None


def int_text(values: npt.ArrayLike) -> list[str]:
    """str() of each integer: from `int_table`'s table where it has one (small non-negative integers, round
    amounts); others by digit_text's byte matrix, a long tail (headcounts) the table for most values and the byte
    matrix for the few past it (one by one only past int64: the extremes of uint64, and int64's minimum, which
    has no positive counterpart)."""
    array = np.asarray(values)
    if array.size and array.dtype.kind in "iu":
        table = int_table(array)
        if table is not None:
            words, codes = table
            return words[codes].tolist()  # type: ignore[no-any-return]
        lo, hi = int(array.min()), int(array.max())
        if lo > _INT64_MIN and hi < _INT64_END:
            # The table as it is, or grown to TAIL_TABLE: not to SMALL_INT_LIMIT for a tail's sake (~20 ms).
            inside = (array >= 0) & (array < max(len(_INTS.words), _TAIL_TABLE))
            outside = np.flatnonzero(~inside)
            codes = np.where(inside, array, 0)
            if outside.size > array.size // FEW or not _INTS.serves(int(codes.max()), array.size):
                return decimal_text(array.astype(np.int64))  # any size: digits from a byte matrix
            words = _INTS.covering(int(codes.max()))[codes]
            words[outside] = decimal_text(array[outside].astype(np.int64))
            return words.tolist()  # type: ignore[no-any-return]
    return list(map(str, array.tolist()))


def int_pieces(values: npt.NDArray[np.int64]) -> tuple[ObjArray, ObjArray] | None:
    """(leading digits, last three digits) of each integer, from the tables, such that the two texts joined are
    str(value): for a caller that joins them into a longer string anyway (one new string per row, not two). None
    when a value is negative or past 1,000 times SMALL_INT_LIMIT, or the column is too small to pay for the table.
    """
    if not values.size or int(values.min()) < 0 or int(values.max()) >= _THOUSANDS * SMALL_INT_LIMIT:
        return None
    largest = max(int(values.max()) // _THOUSANDS, _THOUSANDS - 1)
    if not _INTS.serves(largest, values.size):
        return None
    thousands, rest = np.divmod(values.astype(np.int64), _THOUSANDS)
    small = _INTS.covering(largest)
    leading, trailing = small[thousands], _three_digits()[rest]
    below = thousands == 0  # no leading digits, and the last ones unpadded
    leading[below] = ""
    trailing[below] = small[rest[below]]
    return leading, trailing


@lru_cache(maxsize=1)
def _three_digits() -> ObjArray:
    """ "000" to "999"."""
    return np.asarray([f"{i:03d}" for i in range(_THOUSANDS)], dtype=object)


def bool_table(values: npt.ArrayLike, true: str = "true", false: str = "false") -> Table:
    """`true` or `false` for each value, as a table (one per pair of words, kept) and codes."""
    return _bool_words(true, false), np.asarray(values, dtype=bool).view(np.uint8)


@lru_cache(maxsize=16)
def _bool_words(true: str, false: str) -> ObjArray:
    return np.asarray([false, true], dtype=object)


def bool_text(values: npt.ArrayLike, true: str = "true", false: str = "false") -> list[str]:
    """`true` or `false` for each value."""
    words, codes = bool_table(values, true, false)
    return words[codes].tolist()  # type: ignore[no-any-return]


def _day_numbers(values: Any, unit: str) -> tuple[npt.NDArray[np.int64], int, int] | None:
    """Integer days/seconds since the epoch with their range, or None when a table cannot serve (NaT, empty, too
    wide a span of days)."""
    numbers = np.asarray(values, dtype=f"datetime64[{unit}]").view(np.int64)
    if not numbers.size:
        return None
    lo, hi = int(numbers.min()), int(numbers.max())
    if lo == np.iinfo(np.int64).min:  # NaT
        return None
    per_day = _SECONDS_PER_DAY if unit == "s" else 1
    if hi // per_day - lo // per_day >= _MAX_DAY_SPAN:
        return None
    return numbers, lo // per_day, hi // per_day


def date_table(values: Any) -> Table | None:
    """The table of ISO dates that holds each date, or None when no table can (NaT, too wide a span)."""
    found = _day_numbers(values, "D")
    return None if found is None else _day_table("", "").coded(*found)


def date_text(values: Any, opening: str = "", closing: str = "") -> list[str]:
    """opening + YYYY-MM-DD + closing for each date (as np.datetime_as_string writes it)."""
    found = _day_numbers(values, "D")
    if found is None:
        text = np.datetime_as_string(np.asarray(values, dtype="datetime64[D]")).astype(object)
        return (opening + text + closing).tolist()  # type: ignore[no-any-return]
    days, lo, hi = found
    table = _day_table(opening, closing)
    return table.lookup(days, lo, hi).tolist()  # type: ignore[no-any-return]


def _time_tables(closing: str) -> tuple[ObjArray, ObjArray]:
    """("HH" for each hour, ":MM:SS" + closing for each second of an hour)."""
    if closing not in _TIMES:
        hours = np.asarray([f"{h:02d}" for h in range(24)], dtype=object)
        _TIMES[closing] = (hours, time_of_hour_words(closing))
    return _TIMES[closing]


def datetime_text(values: Any, opening: str = "", separator: str = "T", closing: str = "Z") -> list[str]:
    """opening + YYYY-MM-DD + separator + hh:mm:ss + closing for each instant (to the second)."""
    pieces = datetime_tables(values, opening, separator, closing)
    if pieces is None:
        iso = np.datetime_as_string(np.asarray(values, dtype="datetime64[s]")).astype(StringDType())
        text = np.strings.replace(iso, "T", separator) if separator != "T" else iso
        return np.strings.add(np.strings.add(opening, text), closing).tolist()  # type: ignore[no-any-return]
    (days, day), (hours, hour), (rest, of_hour) = pieces
    return (days[day] + hours[hour] + rest[of_hour]).tolist()  # type: ignore[no-any-return]


def datetime_tables(
    values: Any, opening: str = "", separator: str = "T", closing: str = "Z"
) -> tuple[Table, Table, Table] | None:
    """datetime_text as three tables and codes read one after another (opening + day + separator, hour,
    ":mm:ss" + closing), or None when no table can serve (NaT, too wide a span of days)."""
    found = _day_numbers(values, "s")
    if found is None:
        return None
    seconds, lo, hi = found
    days, of_day = np.divmod(seconds, _SECONDS_PER_DAY)
    hours, minutes_seconds = _time_tables(closing)
    hour, of_hour = np.divmod(of_day, 3600)
    return _day_table(opening, separator).coded(days, lo, hi), (hours, hour), (minutes_seconds, of_hour)


def byte_rows_text(chars: npt.NDArray[np.uint8]) -> list[str] | None:
    """Each row of a byte matrix (UTF-8) as a string, by one decode and one split; None when a row holds a line
    feed, a NUL or invalid UTF-8 (the caller then decodes row by row)."""
    rows, width = chars.shape
    if not rows:
        return []
    if width and ((chars == _ROW_END).any() or (chars == 0).any()):
        return None
    matrix = np.empty((rows, width + 1), dtype=np.uint8)
    matrix[:, :width] = chars
    matrix[:, width] = _ROW_END
    try:
        text = matrix.tobytes().decode("utf-8")
    except UnicodeDecodeError:
        return None
    return text[:-1].split("\n")
