"""Decimal text of whole columns of integers of any size, built as one byte matrix: no Python call per value.

`str()` of a large integer costs ~90 ns and a second string to add a fraction to it as much again; revenue and
market capitalisation (10-15 digits) are formatted in a few milliseconds a block that way. Here every row of a
byte matrix gets its digits four at a time from a table (which writes the leading group space-padded and any
group before it blank), the decimal point and fraction from another, then one decode and one split on the
whitespace make each value's string: the only string made per value.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
import numpy.typing as npt

_GROUP = 10_000  # four digits per table lookup
_GROUP_DIGITS = 4
_SPACE, _MINUS = ord(" "), ord("-")
_POWERS = 10 ** np.arange(19, dtype=np.int64)  # 1 to 10**18: a value's digit count by one search
MAX_DECIMALS = 4
FEW = 16  # past one value in this many, a column's exceptions are written with the rest, not patched in


def decimal_text(
    units: npt.NDArray[np.int64], decimals: int = 0, minus: npt.NDArray[np.bool_] | None = None
) -> list[str]:
    """Each integer written with the decimal point before its last `decimals` digits, at least one digit before
    the point, and a minus where negative or `minus` says ("-0.05" for -5 with two decimals, "-0.00" for 0 with
    `minus`): str(units) when `decimals` is 0, and Python's f"{v:.{decimals}f}" of a float v whose scaled value
    rounds to `units` (`minus`: its sign bit). For |units| < 2**63 and decimals <= 4."""
    assert 0 <= decimals <= MAX_DECIMALS
    units = np.asarray(units, dtype=np.int64)
    rows = units.size
    if not rows:
        return []
    negative = np.flatnonzero(units < 0 if minus is None else minus | (units < 0))
    whole, fraction = np.divmod(np.abs(units), 10**decimals)
    groups = max(1, -(-_digit_count(np.asarray([whole.max()]))[0] // _GROUP_DIGITS))
    sign = 1 if negative.size else 0
    tail = decimals + 1 if decimals else 0
    matrix = np.empty((rows, sign + groups * _GROUP_DIGITS + tail + 1), dtype=np.uint8)
    matrix[:, -1] = _SPACE  # ends each value: the split takes every run of spaces as one separator
    if sign:
        matrix[:, 0] = _SPACE
    rest = whole
    for group in range(groups - 1, -1, -1):
        rest, digits = np.divmod(rest, _GROUP)
        leading = rest == 0  # nothing before it: space-padded (blank when 0, "0" when the last group)
        codes = digits + (2 if group == groups - 1 else 1) * _GROUP * leading
        start = sign + group * _GROUP_DIGITS
        matrix[:, start : start + _GROUP_DIGITS].view("S4")[:, 0] = _group_words()[codes]
    if decimals:
        start = sign + groups * _GROUP_DIGITS
        matrix[:, start : start + tail].view(f"S{tail}")[:, 0] = _fractions(decimals)[fraction]
    if sign:
        # The minus right before the first digit: its column from the digit count of those rows alone.
        width = np.maximum(_digit_count(whole[negative]), 1)
        matrix[negative, sign + groups * _GROUP_DIGITS - width - 1] = _MINUS
    return matrix.tobytes().decode("ascii").split()


TABLE_LIMIT = 1 << 17  # a fixed-point table holds the values 0 to this many units (0.00 to 1310.71 in cents)


class _FixedTable:
    """decimal_text of units 0 to TABLE_LIMIT - 1 (or of their negatives), each entry written the first time a
    column holds it: a job pays for the distinct values it writes, never for a whole table it may not use."""

    def __init__(self, decimals: int, negative: bool) -> None:
        self.decimals, self.negative = decimals, negative
        self.words = np.empty(TABLE_LIMIT, dtype=object)
        self.filled = np.zeros(TABLE_LIMIT, dtype=bool)

    def lookup(self, codes: npt.NDArray[np.int64]) -> npt.NDArray[np.object_]:
        missing = np.flatnonzero(~self.filled[codes])
        if missing.size:
            fresh = np.unique(codes[missing])
            self.words[fresh] = decimal_text(fresh, self.decimals, np.full(fresh.size, self.negative))
            self.filled[fresh] = True
        return self.words[codes]


_TABLES: dict[tuple[int, bool], _FixedTable] = {}


def fixed_words(
    decimals: int, codes: npt.NDArray[np.int64], negative: bool = False
) -> npt.NDArray[np.object_]:
    """decimal_text(codes, decimals) (of -codes with `negative`: "-0.0" for 0, as Python writes -0.0 and -0.04)
    from the process's table of them (~8 MB for cents when full), as an array; codes below TABLE_LIMIT."""
    table = _TABLES.get((decimals, negative))
    if table is None:
        table = _TABLES[(decimals, negative)] = _FixedTable(decimals, negative)
    return table.lookup(codes)


def tabled_fixed(
    units: npt.NDArray[np.float64],
    exact: npt.NDArray[np.bool_],
    minus: npt.NDArray[np.bool_],
    decimals: int,
    most_outside: int,
) -> tuple[npt.NDArray[np.object_], npt.NDArray[np.intp]] | None:
    """decimal_text(units, decimals, minus) from the fixed-point tables (prices, taxes, growth rates: no new
    string per value; negative values from a table of their own), as an array, with the rows no table holds
    (not `exact`, or past TABLE_LIMIT) for the caller to fill in; None when more than `most_outside` are."""
    magnitude = np.abs(units)
    inside = exact & (magnitude < TABLE_LIMIT)
    outside = np.flatnonzero(~inside)
    if outside.size > most_outside:
        return None
    codes = np.where(inside, magnitude, 0).astype(np.int64)
    negative = np.flatnonzero(minus & inside)
    positive = codes if not negative.size else np.where(minus, 0, codes)
    words = fixed_words(decimals, positive)
    if negative.size:
        words[negative] = fixed_words(decimals, codes[negative], negative=True)
    return words, outside


def _digit_count(values: npt.NDArray[np.int64]) -> npt.NDArray[np.intp]:
    """How many digits each non-negative value has (0 for 0)."""
    return np.searchsorted(_POWERS, values, side="right")


@lru_cache(maxsize=1)
def _group_words() -> npt.NDArray[np.bytes_]:
    """Four-byte words by code: 0-9999 zero-padded (a group after other digits); 10000 + g space-padded, blank
    for 0 (a leading group, or one before any digit); 20000 + g as that but "   0" for 0 (the last group of a
    value with nothing before it: the value 0 is written "0"). Built by arithmetic on a byte matrix (~0.2 ms;
    formatting 30,000 strings took ~9 ms of a job's first block)."""
    group = np.arange(_GROUP)
    places = np.asarray([1000, 100, 10, 1])
    digits = (group[:, None] // places % 10 + ord("0")).astype(np.uint8)
    # Space-padded: the digits before the group's first non-zero one are blank (all four for 0).
    leading = np.where(group[:, None] < places, np.uint8(_SPACE), digits)
    last = leading.copy()
    last[0, -1] = ord("0")
    return np.concatenate([digits, leading, last]).view("S4").ravel()


@lru_cache(maxsize=MAX_DECIMALS)
def _fractions(decimals: int) -> npt.NDArray[np.bytes_]:
    """ ".00" to ".99" (two decimals) as fixed-width bytes."""
    return np.asarray([f".{i:0{decimals}d}" for i in range(10**decimals)], dtype=f"S{decimals + 1}")


_TABLE_ROWS = (
    1000  # a column this long takes its fixed-point text from a table (a small job's never builds one)
)
_EXACT = 2.0**50  # below this a double times 10**decimals is off by at most 1/8 of a unit


def float_text(values: npt.ArrayLike, decimals: int) -> list[str]:
    """f"{value:.{decimals}f}" of each value. A value whose scaled form is within a quarter of an integer k
    (all money and rounded figures) is written as k's digits with the decimal point put in (digit_text, the
    sign from the value's sign bit, so -0.001 is "-0.00" as Python writes it); any other value (nan, inf, past
    2**50) by Python's formatting."""
    array = np.asarray(values, dtype=np.float64)
    form = f"{{:.{decimals}f}}".format
    if not 0 <= decimals <= MAX_DECIMALS or not array.size:
        return list(map(form, array.tolist()))
    with np.errstate(invalid="ignore", over="ignore"):
        scaled = array * 10.0**decimals
        exact = np.abs(scaled) < _EXACT
        units = np.rint(np.where(exact, scaled, 0.0))
        exact &= np.abs(scaled - units) < 0.25
    minus = np.signbit(array) & exact
    if array.size >= _TABLE_ROWS:
        found = tabled_fixed(units, exact, minus, decimals, array.size // FEW)
        if found is not None:
            words, outside = found
            if outside.size:
                words[outside] = float_text(array[outside], decimals)
            return words.tolist()  # type: ignore[no-any-return]
    text = decimal_text(units.astype(np.int64), decimals, minus)
    others = np.flatnonzero(~exact)
    if not others.size:
        return text
    fixed = list(map(form, array[others].tolist()))  # what the digits cannot write
    if others.size > len(text) // FEW:
        whole = np.asarray(text, dtype=object)
        whole[others] = fixed
        return whole.tolist()  # type: ignore[no-any-return]
    for index, value in zip(others.tolist(), fixed, strict=True):
        text[index] = value  # a few: one by one costs less than an array round trip
    return text
