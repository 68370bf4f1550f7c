"""Identifiers: UUIDs, row sequences and pattern codes."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import Annotated, ClassVar, Literal

import numpy as np
import numpy.typing as npt
from pydantic import Field, StrictInt, StrictStr

from synthdata.engine import builders
from synthdata.engine.columns import Column
from synthdata.engine.locale_data import bytes_rows_to_text
from synthdata.fields.base import EarlierColumns, FieldModel, Problem
from synthdata.fields.parameters import WHOLE_NUMBER_LIMIT, whole_number
from synthdata.fields.row import Row

_DIGIT, _LETTER = ord("#"), ord("?")


class IdentifierField(FieldModel):
    family: ClassVar[str] = "identifiers"


class Uuid(IdentifierField):
    field_type: Literal["uuid"] = "uuid"
    description = "UUID4"
    example = "0f8e3c1a-5b2d-4c4e-9a7b-1d2e3f405162"
    max_bytes = 36
    work = 4
    unique_by_construction = True

    def column(self, row: Row, rng: np.random.Generator, earlier: EarlierColumns) -> Column:
        return Column("str", builders.uuid4_column(rng, row.context.size), ascii_safe=True)


class NumberSequence(IdentifierField):
    field_type: Literal["sequence"] = "sequence"
    description = "start + step x row number"
    example = 1
    value_type = "integer"
    unique_by_construction = True

    max_bytes = len(str(-WHOLE_NUMBER_LIMIT))  # the record count check keeps every value within the limit

    start: StrictInt = whole_number(1, "First value")
    step: Annotated[StrictInt, Field(json_schema_extra={"not": {"const": 0}})] = whole_number(
        1, "Increment (not 0)"
    )

    def problems(self, earlier: Sequence[str]) -> list[Problem]:
        return [("step", "step must not be 0")] if self.step == 0 else []

    def record_count_problems(self, record_count: int) -> list[Problem]:
        # The column is int64 and JSON readers hold numbers as doubles: every value must be an exact integer.
        last = self.start + self.step * (record_count - 1)
        if abs(last) <= WHOLE_NUMBER_LIMIT:
            return []
        return [
            (
                "step",
                f"step ({self.step:,}) takes the sequence from start ({self.start:,}) to {last:,} in "
                f"{record_count:,} records; values must stay within ±{WHOLE_NUMBER_LIMIT:,}",
            )
        ]

    def column(self, row: Row, rng: np.random.Generator, earlier: EarlierColumns) -> Column:
        return Column("int", self.start + self.step * row.context.row_index)


class Pattern(IdentifierField):
    field_type: Literal["pattern"] = "pattern"
    description = "Text from a pattern: # a digit, ? an uppercase letter"
    example = "ORD-4821-KQ"
    work = 4
    enumerable = True

    pattern: StrictStr = Field(
        "ID-######", max_length=64, description="The pattern", json_schema_extra={"pattern": "[#?]"}
    )

    def capacity(self) -> int:
        return int(10 ** self.pattern.count("#") * 26 ** self.pattern.count("?"))

    def width(self, earlier: Mapping[str, int]) -> int:
        return len(self.pattern.encode())

    def problems(self, earlier: Sequence[str]) -> list[Problem]:
        if "#" in self.pattern or "?" in self.pattern:
            return []
        return [("pattern", "pattern needs at least one # or ? placeholder")]

    def column(self, row: Row, rng: np.random.Generator, earlier: EarlierColumns) -> Column:
        template = self.pattern.encode()
        slots = [i for i, b in enumerate(template) if b in (_DIGIT, _LETTER)]
        radices = np.asarray([10 if template[i] == _DIGIT else 26 for i in slots], dtype=np.int64)
        # One (rows, slots) draw: row r's digits are the same however many rows are drawn.
        digits = rng.integers(0, radices, (row.context.size, len(slots)))
        if self.unique:
            # A code unique to the row, written out in the last slots (least significant last): distinct codes
            # give distinct texts. Only as many slots as keep the code exact in int64 carry it.
            tail = _unique_slots(radices)
            code = self.codes(row, rng, int(np.prod(radices[-tail:])))
            for slot in range(len(slots) - 1, len(slots) - 1 - tail, -1):
                digits[:, slot] = code % radices[slot]
                code = code // radices[slot]
        chars = np.tile(np.frombuffer(template, dtype=np.uint8), (row.context.size, 1))
        chars[:, slots] = np.where(radices == 10, ord("0"), ord("A")) + digits
        return Column("str", bytes_rows_to_text(chars), user_literal=True)


def _unique_slots(radices: npt.NDArray[np.int64]) -> int:
    """How many trailing slots a unique code fills: all of them, or as many as keep it within 2**53 (then at
    least 2**53 / 26 codes, far more than any file's rows)."""
    products = np.cumprod(radices[::-1].astype(object))
    return max(1, int(np.searchsorted(products, WHOLE_NUMBER_LIMIT, side="right")))


class SemanticVersion(IdentifierField):
    field_type: Literal["semver"] = "semver"
    description = "Semantic version MAJOR.MINOR.PATCH, small numbers more likely (as release histories are)"
    example = "2.14.3"
    max_bytes = 11
    work = 9

    max_major: StrictInt = Field(9, ge=0, le=999, description="Largest major version")
    max_minor: StrictInt = Field(30, ge=0, le=999, description="Largest minor version")
    max_patch: StrictInt = Field(20, ge=0, le=999, description="Largest patch version")

    def column(self, row: Row, rng: np.random.Generator, earlier: EarlierColumns) -> Column:
        # Geometric draws, folded into range: version 1.x is common, 9.x rare, 0.x possible. One (rows, 3)
        # draw, so row r is the same however many rows are drawn.
        drawn = rng.geometric((0.35, 0.12, 0.2), (row.context.size, 3)) - (0, 1, 1)
        parts = np.minimum(drawn, (self.max_major, self.max_minor, self.max_patch)).T
        major, minor, patch = (builders.digits(part) for part in parts)
        text = builders.join(major, ".", minor, ".", patch)
        return Column("str", text, ascii_safe=True)


IDENTIFIERS: list[type[FieldModel]] = [Uuid, NumberSequence, Pattern, SemanticVersion]
