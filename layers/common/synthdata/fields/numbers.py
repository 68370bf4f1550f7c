"""Numbers: integers, floats, fixed-point decimals and booleans, in a range and with a distribution."""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from statistics import NormalDist
from typing import ClassVar, Literal

import numpy as np
import numpy.typing as npt
from pydantic import Field, StrictInt

from synthdata.engine.columns import Column
from synthdata.fields.base import RANGE_RULE, EarlierColumns, FieldModel, Problem, range_problems
from synthdata.fields.parameters import MAX_DECIMALS, FiniteNumber, number, whole_number
from synthdata.fields.row import Row

Distribution = Literal["uniform", "normal", "lognormal"]
_DISTRIBUTION_DESCRIPTION = "Shape of the values"
_PRECISION_DESCRIPTION = "Decimal places"
_LOGNORMAL_SIGMA = 0.6
_LOGNORMAL_TOP = math.exp(_LOGNORMAL_SIGMA * NormalDist().inv_cdf(0.999))


class NumbersField(FieldModel):
    family: ClassVar[str] = "numbers"


class Integer(NumbersField):
    field_type: Literal["integer"] = "integer"
    description = "Whole number in [min, max]"
    example = 42
    value_type = "integer"
    enumerable = True
    rules = RANGE_RULE

    min: StrictInt = whole_number(0, "Smallest value")
    max: StrictInt = whole_number(100, "Largest value")
    distribution: Distribution = Field("uniform", description=_DISTRIBUTION_DESCRIPTION)

    def capacity(self) -> int:
        return self.max - self.min + 1

    def width(self, earlier: Mapping[str, int]) -> int:
        return max(len(str(self.min)), len(str(self.max)))

    def problems(self, earlier: Sequence[str]) -> list[Problem]:
        return range_problems(self.min, self.max)

    def column(self, row: Row, rng: np.random.Generator, earlier: EarlierColumns) -> Column:
        if self.unique or self.distribution == "uniform":
            return Column("int", self.min + self.codes(row, rng, self.capacity()))
        shaped = _shaped(self.min, self.max, self.distribution, rng, row.context.size)
        return Column("int", np.round(shaped).astype(np.int64))


class Fraction(NumbersField):
    """What float and decimal share: a range and a number of decimal places."""

    rules = RANGE_RULE

    min: FiniteNumber = number(0.0, "Smallest value")
    max: FiniteNumber = number(1.0, "Largest value")
    precision: StrictInt = Field(2, ge=0, le=MAX_DECIMALS, description=_PRECISION_DESCRIPTION)

    def problems(self, earlier: Sequence[str]) -> list[Problem]:
        return range_problems(self.min, self.max)

    def width(self, earlier: Mapping[str, int]) -> int:
        return number_width(self.min, self.max, self.precision)

    def shape(self) -> Distribution:
        """How values spread over [min, max]; decimals are uniform."""
        return "uniform"

    def column(self, row: Row, rng: np.random.Generator, earlier: EarlierColumns) -> Column:
        values = _shaped(self.min, self.max, self.shape(), rng, row.context.size)
        return Column("float", np.round(values, self.precision), decimals=self.precision)


class Float(Fraction):
    field_type: Literal["float"] = "float"
    description = "Number in [min, max]"
    example = 3.14
    work = 3
    value_type = "number"

    distribution: Distribution = Field("uniform", description=_DISTRIBUTION_DESCRIPTION)

    def shape(self) -> Distribution:
        return self.distribution


class Decimal(Fraction):
    field_type: Literal["decimal"] = "decimal"
    description = "Fixed-point number in [min, max]"
    example = 1234.50
    work = 3
    value_type = "number"

    max: FiniteNumber = number(10000.0, "Largest value")


class Boolean(NumbersField):
    field_type: Literal["boolean"] = "boolean"
    description = "true or false"
    example = True
    max_bytes = 5
    value_type = "boolean"
    enumerable = True

    true_ratio: FiniteNumber = Field(0.5, ge=0, le=1, description="Share of true values")

    def capacity(self) -> int:
        return 2

    def column(self, row: Row, rng: np.random.Generator, earlier: EarlierColumns) -> Column:
        if self.unique:
            return Column("bool", self.codes(row, rng, 2) == 1)
        return Column("bool", rng.random(row.context.size) < self.true_ratio)


def number_width(low: float, high: float, decimals: int) -> int:
    """Bytes of the widest number in [low, high] written with `decimals` places (one more: rounding may carry)."""
    return 1 + max(len(f"{bound:.{decimals}f}") for bound in (low, high))


def _shaped(
    low: float, high: float, shape: Distribution, rng: np.random.Generator, n: int
) -> npt.NDArray[np.float64]:
    """n numbers in [low, high]: uniform; normal around the middle (6 sigma wide); lognormal, its 99.9th
    percentile at high (the distribution's, not the sample's: row r must not depend on the other rows)."""
    low, high = float(low), float(high)
    if shape == "normal":
        values = rng.normal((low + high) / 2, max(high - low, 1e-9) / 6, n)
    elif shape == "lognormal":
        values = low + (high - low) * rng.lognormal(0.0, _LOGNORMAL_SIGMA, n) / _LOGNORMAL_TOP
    else:
        values = rng.uniform(low, high, n)
    return np.clip(values, low, high)


NUMBERS: list[type[FieldModel]] = [Integer, Float, Decimal, Boolean]
