"""The text tables column_text looks values up in (ISO days, times of an hour, decimal integers), each made as
one byte matrix decoded at once.

`np.datetime_as_string` over a range of days and a string per value made in Python each cost a process several
milliseconds on first use (a 50,000-day table of birth dates ~8 ms, 16,384 integers ~1.7 ms). Here the digits
are placed by whole-column integer operations into a UTF-8 byte matrix, one row per entry ended by a line feed,
and one decode and one split make every string: the same text, which tests compare with numpy's and Python's
formatting.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
import numpy.typing as npt

from synthdata.engine.civil_dates import civil_from_days

ObjArray = npt.NDArray[np.object_]

_ZERO, _DASH, _COLON, _LINE_FEED = ord("0"), ord("-"), ord(":"), ord("\n")
_FIRST_DAY = int(np.datetime64("0001-01-01", "D").astype(np.int64))  # numpy writes years 1-9999 as 4 digits
_LAST_DAY = int(np.datetime64("9999-12-31", "D").astype(np.int64))
_EPOCH_YEAR = 1970


def iso_day_words(first: int, last: int, opening: str = "", closing: str = "") -> ObjArray | None:
    """opening + YYYY-MM-DD + closing for every day from `first` to `last` (days since 1970-01-01), as
    `np.datetime_as_string` writes the date; None when a day is outside years 1-9999 or an affix holds a line
    feed (the caller formats those another way)."""
    if first > last or not _writable(first, last, opening + closing):
        return None
    # Month by month: each month's year and month repeated over its days (a few thousand months at most).
    months = np.arange(
        _month_of(first), _month_of(last) + 2, dtype=np.int64
    )  # one past: its start ends the last
    starts = months.astype("datetime64[M]").astype("datetime64[D]").astype(np.int64)
    lengths = np.diff(starts)
    skip, count = first - int(starts[0]), last - first + 1
    day_of_month = (
        np.arange(skip, skip + count, dtype=np.int64)
        - np.repeat(starts[:-1] - starts[0], lengths)[skip : skip + count]
    )
    heads = np.repeat(
        _year_month_heads(months[:-1] // 12 + _EPOCH_YEAR, months[:-1] % 12 + 1), lengths, axis=0
    )
    return _iso_words(heads[skip : skip + count], day_of_month + 1, opening, closing)


def iso_date_words(days: npt.NDArray[np.int64], opening: str = "", closing: str = "") -> ObjArray | None:
    """opening + YYYY-MM-DD + closing of each day of a column (days since 1970-01-01), or None as for
    iso_day_words: for a column too small to pay for a table of its whole range of days."""
    if not days.size or not _writable(int(days.min()), int(days.max()), opening + closing):
        return None
    years, months, day_of_month = civil_from_days(days)
    return _iso_words(_year_month_heads(years, months), day_of_month, opening, closing)


def _writable(first: int, last: int, affixes: str) -> bool:
    return first >= _FIRST_DAY and last <= _LAST_DAY and "\n" not in affixes


def _year_month_heads(years: npt.NDArray[np.int64], months: npt.NDArray[np.int64]) -> npt.NDArray[np.uint8]:
    """ "YYYY-MM-" of each (year, month), as rows of bytes."""
    heads = np.empty((years.size, 8), dtype=np.uint8)
    _put_digits(heads[:, :4], years)
    _put_digits(heads[:, 5:7], months)
    heads[:, 4] = heads[:, 7] = _DASH
    return heads


def _iso_words(
    heads: npt.NDArray[np.uint8], days: npt.NDArray[np.int64], opening: str, closing: str
) -> ObjArray:
    """opening + the row's "YYYY-MM-" + its day of the month (two digits) + closing, for each row."""
    opening_bytes, closing_bytes = opening.encode(), closing.encode()
    at = len(opening_bytes)
    matrix = np.empty((len(heads), at + 10 + len(closing_bytes) + 1), dtype=np.uint8)
    matrix[:, :at] = np.frombuffer(opening_bytes, dtype=np.uint8)
    matrix[:, at : at + 8] = heads
    _put_digits(matrix[:, at + 8 : at + 10], days)
    matrix[:, at + 10 : -1] = np.frombuffer(closing_bytes, dtype=np.uint8)
    return _words(matrix)


def time_of_hour_words(closing: str) -> ObjArray:
    """ ":MM:SS" + closing for each second of an hour (3,600 words)."""
    if "\n" in closing:
        return np.asarray([f":{s // 60:02d}:{s % 60:02d}{closing}" for s in range(3600)], dtype=object)
    closing_bytes = closing.encode()
    seconds = np.arange(3600, dtype=np.int64)
    matrix = np.empty((3600, 6 + len(closing_bytes) + 1), dtype=np.uint8)
    matrix[:, 0] = matrix[:, 3] = _COLON
    _put_digits(matrix[:, 1:3], seconds // 60)
    _put_digits(matrix[:, 4:6], seconds % 60)
    matrix[:, 6:-1] = np.frombuffer(closing_bytes, dtype=np.uint8)
    return _words(matrix)


def decimal_words(size: int) -> ObjArray:
    """str(i) for 0 <= i < size: one fixed-width matrix per number of digits, decoded together."""
    pieces = []
    width, low = 1, 0
    while low < size:
        high = min(size, 10**width)
        matrix = np.empty((high - low, width + 1), dtype=np.uint8)
        _put_digits(matrix[:, :width], np.arange(low, high, dtype=np.int64))
        matrix[:, width] = _LINE_FEED
        pieces.append(matrix.tobytes())
        width, low = width + 1, high
    return _split(b"".join(pieces))


def padded_words(prefix: str, values: npt.NDArray[np.int64], digits: int) -> ObjArray:
    """prefix + each value zero-padded to `digits` digits (f"{prefix}{value:0{digits}d}"), for values from 0 to
    10**digits - 1 (ValueError beyond), in an object array: ids of per-file catalogues."""
    return _words(_padded_matrix(prefix, values, digits))


def padded_text(prefix: str, values: npt.NDArray[np.int64], digits: int) -> list[str]:
    """padded_words as a list: ids made anew in every block (ecommerce order and transaction ids)."""
    matrix = _padded_matrix(prefix, values, digits)
    matrix[:, -1] = _LINE_FEED
    return _lines(matrix.tobytes())


def _padded_matrix(prefix: str, values: npt.NDArray[np.int64], digits: int) -> npt.NDArray[np.uint8]:
    if values.size and (int(values.min()) < 0 or int(values.max()) >= 10**digits):
        raise ValueError(f"values must lie in [0, 10**{digits})")
    head = prefix.encode()
    matrix = np.empty((values.size, len(head) + digits + 1), dtype=np.uint8)
    matrix[:, : len(head)] = np.frombuffer(head, dtype=np.uint8)
    _put_digits(matrix[:, len(head) : len(head) + digits], values)
    return matrix


def _month_of(day: int) -> int:
    """Months since 1970-01 of a day since 1970-01-01."""
    return int(np.datetime64(day, "D").astype("datetime64[M]").astype(np.int64))


def _put_digits(into: npt.NDArray[np.uint8], values: npt.NDArray[np.int64]) -> None:
    """The zero-padded decimal digits of non-negative values, as wide as `into` has columns: four columns at a
    time from a table of "0000" to "9999" (one division and one gather each), the rest one digit at a time."""
    end = into.shape[1]
    while end >= 4:
        values, group = np.divmod(values, 10_000)
        into[:, end - 4 : end] = _four_digits()[group].view(np.uint8).reshape(-1, 4)
        end -= 4
    for column in range(end - 1, -1, -1):
        values, digit = np.divmod(values, 10)
        into[:, column] = digit + _ZERO


@lru_cache(maxsize=1)
def _four_digits() -> npt.NDArray[np.bytes_]:
    """ "0000" to "9999", each one 4-byte element."""
    places = np.arange(10_000)[:, None] // np.array([1000, 100, 10, 1]) % 10
    table: npt.NDArray[np.bytes_] = (places + _ZERO).astype(np.uint8).view("S4").ravel()
    return table


def _words(matrix: npt.NDArray[np.uint8]) -> ObjArray:
    """Each row of a UTF-8 byte matrix (its last column left for the line feed) as a string, in an object array."""
    matrix[:, -1] = _LINE_FEED
    return _split(matrix.tobytes())


def _split(lines: bytes) -> ObjArray:
    """The lines of UTF-8 text, each ended by a line feed, in an object array."""
    text = _lines(lines)
    words: ObjArray = np.empty(len(text), dtype=object)
    words[:] = text
    return words


def _lines(lines: bytes) -> list[str]:
    """The lines of UTF-8 text, each ended by a line feed: one decode and one split."""
    text = lines.decode("utf-8").split("\n")
    text.pop()  # after the last line feed
    return text
