"""The "time" family: dates, UTC instants and times of day in a range, optionally formatted; time zones."""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from datetime import date, datetime, time
from typing import Annotated, Any, ClassVar, Literal

import numpy as np
import numpy.typing as npt
from pydantic import BeforeValidator, Field, StrictStr, WithJsonSchema
from pydantic_core import PydanticCustomError

from synthdata.engine import builders
from synthdata.engine.columns import Column
from synthdata.engine.words import TIMEZONES
from synthdata.fields.base import EarlierColumns, FieldModel, Problem
from synthdata.fields.draws import category
from synthdata.fields.row import Row

# strftime directives the column-wise formatter knows; anything else after % is refused at validation.
DATE_FORMAT = re.compile(r"(?:%[YmdHMS]|[^%])+")
_FORMAT_PART = re.compile(r"([^%]*)(?:%([YmdHMS]))?")
_DIRECTIVE_BYTES = {"Y": 4, "m": 2, "d": 2, "H": 2, "M": 2, "S": 2}
_FORMAT_DESCRIPTION = (
    "strftime-style output with %Y %m %d %H %M %S (empty: ISO 8601, and JSON dates stay ISO)"
)


def _iso(parse: Any, example: str) -> Any:
    """A before-validator: ISO text (as JSON gives it) parsed with `parse`, or one clear sentence."""

    def parsed(value: Any) -> Any:
        if isinstance(value, str):
            try:
                return parse(value)
            except ValueError:
                pass
        raise PydanticCustomError("iso_text", "must be {expected}", {"expected": example})

    return BeforeValidator(parsed)


def _naive_instant(text: str) -> datetime:
    # A trailing Z or an offset is read and dropped: instants are UTC wall-clock times.
    return datetime.fromisoformat(text.replace("Z", "+00:00")).replace(tzinfo=None)


# The forms accepted, stated as patterns in the schema and checked before parsing (Python's fromisoformat takes
# more; JSON Schema's date-time and time formats demand an offset, which these naive UTC values do not carry).
# A day of the calendar: years 0001-9999, each month's own days, 29 February in leap years only.
_YEAR = r"(?:[1-9]\d{3}|0[1-9]\d{2}|00[1-9]\d|000[1-9])"
_LEAP_YEAR = r"(?:\d\d(?:0[48]|[2468][048]|[13579][26])|(?:[2468][048]|[13579][26]|0[48])00)"
_MONTH_DAY = r"(?:(?:0[13578]|1[02])-(?:0[1-9]|[12]\d|3[01])|(?:0[469]|11)-(?:0[1-9]|[12]\d|30)|02-(?:0[1-9]|1\d|2[0-8]))"
_DAY = rf"(?:{_YEAR}-{_MONTH_DAY}|{_LEAP_YEAR}-02-29)"
_TIME_OF_DAY = r"(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d"
_INSTANT = rf"{_DAY}T{_TIME_OF_DAY}(?:\.\d{{1,6}})?(?:Z|[+-](?:[01]\d|2[0-3]):[0-5]\d)?"


def _matching(pattern: str, parse: Any) -> Any:
    def parsed(text: str) -> Any:
        if not re.fullmatch(pattern, text):
            raise ValueError(text)
        return parse(text)

    return parsed


def _stated(pattern: str, example: str) -> WithJsonSchema:
    return WithJsonSchema({"type": "string", "pattern": f"^{pattern}$", "examples": [example]})


IsoDate = Annotated[
    date,
    _iso(_matching(_DAY, date.fromisoformat), "an ISO date like 2024-01-31"),
    _stated(_DAY, "2024-01-31"),
]
IsoDateTime = Annotated[
    datetime,
    _iso(_matching(_INSTANT, _naive_instant), "an ISO date-time like 2024-01-31T12:00:00"),
    _stated(_INSTANT, "2024-01-31T12:00:00Z"),
]
IsoTime = Annotated[
    time,
    _iso(_matching(_TIME_OF_DAY, time.fromisoformat), "a time like 09:30:00"),
    _stated(_TIME_OF_DAY, "09:30:00"),
]


class TimeField(FieldModel):
    family: ClassVar[str] = "time"


class DateRange(TimeField):
    """What date and datetime share: a [start, end] range and an optional text format."""

    rules = "end must not be before start."

    start: date
    end: date
    format: StrictStr = Field(
        "",
        max_length=64,
        description=_FORMAT_DESCRIPTION,
        json_schema_extra={"pattern": f"^(?:{DATE_FORMAT.pattern})?$"},
    )

    def problems(self, earlier: Sequence[str]) -> list[Problem]:
        found = []
        if self.start > self.end:
            found.append(
                ("end", f"end ({self.end.isoformat()}) must not be before start ({self.start.isoformat()})")
            )
        if self.format and not DATE_FORMAT.fullmatch(self.format):
            found.append(
                ("format", "format may only use %Y %m %d %H %M %S and plain characters (no % otherwise)")
            )
        return found

    def width(self, earlier: Mapping[str, int]) -> int:
        if not self.format:
            return self.max_bytes
        parts = _FORMAT_PART.findall(self.format)
        return sum(len(literal.encode()) + _DIRECTIVE_BYTES.get(directive, 0) for literal, directive in parts)

    def output(self, moments: npt.NDArray[np.datetime64], kind: Literal["date", "datetime"]) -> Column:
        """The moments as a date or datetime column, or as text in `format` when one is set."""
        return _formatted(moments, self.format) if self.format else Column(kind, moments)


class Date(DateRange):
    field_type: Literal["date"] = "date"
    description = "Date in [start, end]"
    example = "2024-03-15"
    work = 4
    value_type = "date"
    enumerable = True
    max_bytes = 10  # ISO 8601

    start: IsoDate = Field(date(2020, 1, 1), description="Earliest date")
    end: IsoDate = Field(date(2026, 10, 31), description="Latest date")

    def capacity(self) -> int:
        return (self.end - self.start).days + 1

    def column(self, row: Row, rng: np.random.Generator, earlier: EarlierColumns) -> Column:
        first = np.datetime64(self.start, "D")
        return self.output(first + self.codes(row, rng, self.capacity()).astype("timedelta64[D]"), "date")


class Datetime(DateRange):
    field_type: Literal["datetime"] = "datetime"
    description = "UTC instant in [start, end]"
    example = "2024-03-15T10:22:05Z"
    work = 4
    value_type = "datetime"
    enumerable = True
    max_bytes = 20  # ISO 8601 with Z

    start: IsoDateTime = Field(datetime(2020, 1, 1), description="Earliest instant")
    end: IsoDateTime = Field(datetime(2026, 10, 31, 23, 59, 59), description="Latest instant")

    def capacity(self) -> int:
        return int((self.end - self.start).total_seconds()) + 1

    def column(self, row: Row, rng: np.random.Generator, earlier: EarlierColumns) -> Column:
        first = np.datetime64(self.start, "s")
        seconds = self.codes(row, rng, self.capacity() or 1).astype("timedelta64[s]")
        return self.output(first + seconds, "datetime")


class Time(TimeField):
    field_type: Literal["time"] = "time"
    description = "Time of day HH:MM:SS in [start, end]"
    example = "14:30:00"
    max_bytes = 8
    work = 4
    enumerable = True
    rules = "end must not be before start (to the second)."

    start: IsoTime = Field(time(0, 0, 0), description="Earliest time")
    end: IsoTime = Field(time(23, 59, 59), description="Latest time")

    def capacity(self) -> int:
        return _seconds(self.end) - _seconds(self.start) + 1

    def problems(self, earlier: Sequence[str]) -> list[Problem]:
        # Seconds, as the column uses: 09:00:00.5 is not after 09:00:00.
        if _seconds(self.start) > _seconds(self.end):
            return [("end", f"end ({self.end}) must not be before start ({self.start})")]
        return []

    def column(self, row: Row, rng: np.random.Generator, earlier: EarlierColumns) -> Column:
        seconds = _seconds(self.start) + self.codes(row, rng, self.capacity())
        text = np.datetime_as_string(np.datetime64("2000-01-01T00:00:00") + seconds.astype("timedelta64[s]"))
        return Column("str", np.strings.slice(text.astype(str), 11, 19).tolist(), ascii_safe=True)


class Timezone(TimeField):
    field_type: Literal["timezone"] = "timezone"
    description = "IANA time zone"
    example = "Europe/Berlin"
    max_bytes = 32

    def column(self, row: Row, rng: np.random.Generator, earlier: EarlierColumns) -> Column:
        return category(TIMEZONES, self.codes(row, rng, len(TIMEZONES)))


def _seconds(moment: time) -> int:
    """Seconds since midnight (fractions of a second are dropped)."""
    return moment.hour * 3600 + moment.minute * 60 + moment.second


def _formatted(moments: npt.NDArray[np.datetime64], pattern: str) -> Column:
    """Dates or instants as text in a strftime-style pattern, built column-wise from their components."""
    seconds = moments.astype("datetime64[s]")
    days = seconds.astype("datetime64[D]")
    years, months, day_of_month = builders.year_month_day(days)
    of_day = (seconds - days).astype(np.int64)
    components = {
        "Y": years,
        "m": months,
        "d": day_of_month,
        "H": of_day // 3600,
        "M": of_day // 60 % 60,
        "S": of_day % 60,
    }
    parts: list[Any] = []
    for literal, directive in _FORMAT_PART.findall(pattern):
        if literal:
            parts.append(literal)
        if directive:
            digits = components[directive].astype(str)
            parts.append(np.char.zfill(digits, _DIRECTIVE_BYTES[directive]).astype(object))
    return Column("str", builders.join(*parts), user_literal=True)


TIME: list[type[FieldModel]] = [Date, Datetime, Time, Timezone]
