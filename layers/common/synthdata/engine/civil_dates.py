"""Calendar arithmetic on whole columns of dates: (year, month, day) of day numbers and the first day of months.

Dates of 1900-2099 (births, accounts, orders, companies) are lookups into tables made once per process by the
general computation, so a table answer is the computation's answer; other dates take the computation itself.
"""

from __future__ import annotations

from functools import lru_cache

import numpy as np
import numpy.typing as npt

__all__ = ["civil_from_days", "month_starts", "year_month_day"]


def year_month_day(days: npt.NDArray[np.datetime64]) -> tuple[npt.NDArray[np.int64], ...]:
    """(year, month 1-12, day of month 1-31) of each date, as whole-column integer arrays.

    Dates of 1900-2099 (births, accounts, orders) are three lookups into a table made once by the arithmetic
    below; other dates take the arithmetic itself.
    """
    day_numbers = days.astype("datetime64[D]").astype(np.int64)
    if day_numbers.size and day_numbers.min() >= _TABLE_FIRST_DAY and day_numbers.max() < _TABLE_END_DAY:
        offsets = day_numbers - _TABLE_FIRST_DAY
        return tuple(part[offsets] for part in _calendar_table())
    return civil_from_days(day_numbers)


_TABLE_FIRST_DAY = int(np.datetime64("1900-01-01", "D").astype(np.int64))
_TABLE_END_DAY = int(np.datetime64("2100-01-01", "D").astype(np.int64))


@lru_cache(maxsize=1)
def _calendar_table() -> tuple[npt.NDArray[np.int64], ...]:
    """(year, month, day) of every day of the table, month by month: each month's numbers repeated over its
    days (a few repeats, about 5x cheaper than the arithmetic over 73,000 days; tests compare it with datetime)."""
    starts = _month_start_table().astype(np.int64)
    lengths = np.diff(starts, append=_TABLE_END_DAY)
    month_index = np.arange(starts.size, dtype=np.int64)
    year = np.repeat(1900 + month_index // 12, lengths)
    month = np.repeat(month_index % 12 + 1, lengths)
    day = (
        np.arange(_TABLE_END_DAY - _TABLE_FIRST_DAY, dtype=np.int64)
        - np.repeat(starts - starts[0], lengths)
        + 1
    )
    return year, month, day


def civil_from_days(day_numbers: npt.NDArray[np.int64]) -> tuple[npt.NDArray[np.int64], ...]:
    """Integer arithmetic on the day number (H. Hinnant's civil_from_days, proleptic Gregorian, any year): a few
    passes over int64 instead of numpy's calendar casts to months and years."""
    z = day_numbers + 719_468  # days since 0000-03-01
    era = z // 146_097
    day_of_era = z - era * 146_097
    year_of_era = (day_of_era - day_of_era // 1460 + day_of_era // 36_524 - day_of_era // 146_096) // 365
    day_of_year = day_of_era - (365 * year_of_era + year_of_era // 4 - year_of_era // 100)
    shifted_month = (5 * day_of_year + 2) // 153  # 0 = March
    day = day_of_year - (153 * shifted_month + 2) // 5 + 1
    month = np.where(shifted_month < 10, shifted_month + 3, shifted_month - 9)
    year = year_of_era + era * 400 + (month <= 2)
    return year, month, day


_TABLE_FIRST_MONTH = (1900 - 1970) * 12  # months since 1970-01, the calendar table's range
_TABLE_END_MONTH = (2100 - 1970) * 12


def month_starts(months: npt.NDArray[np.int64]) -> npt.NDArray[np.datetime64]:
    """The first day of each month (months since 1970-01): a lookup for 1900-2099, numpy's calendar cast (what
    the table holds) for others."""
    if months.size and months.min() >= _TABLE_FIRST_MONTH and months.max() < _TABLE_END_MONTH:
        return _month_start_table()[months - _TABLE_FIRST_MONTH]
    return months.astype("datetime64[M]").astype("datetime64[D]")


@lru_cache(maxsize=1)
def _month_start_table() -> npt.NDArray[np.datetime64]:
    months = np.arange(_TABLE_FIRST_MONTH, _TABLE_END_MONTH, dtype=np.int64)
    return months.astype("datetime64[M]").astype("datetime64[D]")
