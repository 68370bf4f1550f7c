"""Identifiers: UUIDs, row sequences and pattern codes."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Annotated, ClassVar, Literal

import numpy as np
from pydantic import Field, StrictInt, StrictStr

from synthdata.engine import builders
from synthdata.engine.columns import Column
from synthdata.engine.locale_data import bytes_rows_to_text
from synthdata.fields.base import EarlierColumns, FieldModel, Problem
from synthdata.fields.parameters import whole_number
from synthdata.fields.row import Row

_DIGIT, _LETTER = ord("#"), ord("?")


class IdentifierField(FieldModel):
    family: ClassVar[str] = "identifiers"


class Uuid(IdentifierField):
    field_type: Literal["uuid"] = "uuid"
    description = "UUID4"
    example = "0f8e3c1a-5b2d-4c4e-9a7b-1d2e3f405162"
    unique_by_construction = True

    def column(self, row: Row, rng: np.random.Generator, earlier: EarlierColumns) -> Column:
        return Column("str", builders.uuid4_column(rng, row.context.size), ascii_safe=True)


class NumberSequence(IdentifierField):
    field_type: Literal["sequence"] = "sequence"
    description = "start + step x row number"
    example = 1
    value_type = "integer"
    unique_by_construction = True

    start: StrictInt = whole_number(1, "First value")
    step: Annotated[StrictInt, Field(json_schema_extra={"not": {"const": 0}})] = whole_number(
        1, "Increment (not 0)"
    )

    def problems(self, earlier: Sequence[str]) -> list[Problem]:
        return [("step", "step must not be 0")] if self.step == 0 else []

    def column(self, row: Row, rng: np.random.Generator, earlier: EarlierColumns) -> Column:
        return Column("int", self.start + self.step * row.context.row_index)


class Pattern(IdentifierField):
    field_type: Literal["pattern"] = "pattern"
    description = "Text from a pattern: # a digit, ? an uppercase letter"
    example = "ORD-4821-KQ"
    enumerable = True

    pattern: StrictStr = Field(
        "ID-######", max_length=64, description="The pattern", json_schema_extra={"pattern": "[#?]"}
    )

    def capacity(self) -> int:
        return int(10 ** self.pattern.count("#") * 26 ** self.pattern.count("?"))

    def problems(self, earlier: Sequence[str]) -> list[Problem]:
        if "#" in self.pattern or "?" in self.pattern:
            return []
        return [("pattern", "pattern needs at least one # or ? placeholder")]

    def column(self, row: Row, rng: np.random.Generator, earlier: EarlierColumns) -> Column:
        template = self.pattern.encode()
        n = row.context.size
        chars = np.tile(np.frombuffer(template, dtype=np.uint8), (n, 1))
        slots = [i for i, b in enumerate(template) if b in (_DIGIT, _LETTER)]
        radices = [10 if template[i] == _DIGIT else 26 for i in slots]
        if self.unique:
            # One code per row, written out digit by digit (last slot least significant): distinct codes
            # give distinct texts.
            code = self.codes(row, rng, int(np.prod(radices, dtype=object)))
            for position, radix in zip(reversed(slots), reversed(radices), strict=True):
                chars[:, position] = (48 if radix == 10 else 65) + code % radix
                code = code // radix
        else:
            for position, radix in zip(slots, radices, strict=True):
                chars[:, position] = (48 if radix == 10 else 65) + rng.integers(0, radix, n)
        return Column("str", bytes_rows_to_text(chars), user_literal=True)


class SemanticVersion(IdentifierField):
    field_type: Literal["semver"] = "semver"
    description = "Semantic version MAJOR.MINOR.PATCH, small numbers more likely (as release histories are)"
    example = "2.14.3"

    max_major: StrictInt = Field(9, ge=0, le=999, description="Largest major version")
    max_minor: StrictInt = Field(30, ge=0, le=999, description="Largest minor version")
    max_patch: StrictInt = Field(20, ge=0, le=999, description="Largest patch version")

    def column(self, row: Row, rng: np.random.Generator, earlier: EarlierColumns) -> Column:
        n = row.context.size
        # Geometric draws, folded into range: version 1.x is common, 9.x rare, 0.x possible.
        parts = [
            np.minimum(rng.geometric(p, n) - offset, highest)
            for p, offset, highest in (
                (0.35, 0, self.max_major),
                (0.12, 1, self.max_minor),
                (0.2, 1, self.max_patch),
            )
        ]
        major, minor, patch = (builders.digits(part) for part in parts)
        text = builders.join(major, ".", minor, ".", patch)
        return Column("str", text, ascii_safe=True)


IDENTIFIERS: list[type[FieldModel]] = [Uuid, NumberSequence, Pattern, SemanticVersion]
