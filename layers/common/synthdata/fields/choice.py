"""Values the template gives: a choice among values, a constant, and text built from earlier fields."""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from itertools import repeat
from typing import ClassVar, Literal

import numpy as np
import numpy.typing as npt
from pydantic import Field, StrictStr

from synthdata.engine.columns import Column
from synthdata.engine.rng import cumulative_weights, weighted_indices
from synthdata.fields.base import EarlierColumns, FieldModel, Problem
from synthdata.fields.draws import typed_column, written_width
from synthdata.fields.parameters import MAX_CHOICES, ScalarValue, Weight
from synthdata.fields.row import Row

TEMPLATE_REFERENCE = re.compile(r"\{([^{}]*)\}")


class ChoiceField(FieldModel):
    family: ClassVar[str] = "choice"


class Choice(ChoiceField):
    field_type: Literal["choice"] = "choice"
    description = "One of the given values, optionally weighted"
    example = "gold"
    enumerable = True
    rules = "weights is empty, or holds one weight per value, not all 0."

    values: list[ScalarValue] = Field(min_length=1, max_length=MAX_CHOICES, description="The values")
    weights: list[Weight] = Field(
        [], max_length=MAX_CHOICES, description="Relative weights, one per value (empty: equal)"
    )

    def capacity(self) -> int:
        return len(self.values)

    def width(self, earlier: Mapping[str, int]) -> int:
        return written_width(self.values)

    def problems(self, earlier: Sequence[str]) -> list[Problem]:
        if not self.weights:
            return []
        if len(self.weights) != len(self.values):
            return [("weights", f"weights has {len(self.weights)} weights for {len(self.values)} values")]
        if not sum(self.weights) > 0:
            return [("weights", "weights must be non-negative numbers, not all 0")]
        return []

    def column(self, row: Row, rng: np.random.Generator, earlier: EarlierColumns) -> Column:
        return typed_column(self.values, self._codes(row, rng))

    def _codes(self, row: Row, rng: np.random.Generator) -> npt.NDArray[np.int64]:
        if self.unique or not self.weights:
            return self.codes(row, rng, len(self.values))
        return weighted_indices(rng, cumulative_weights(self.weights), row.context.size)


class Constant(ChoiceField):
    field_type: Literal["constant"] = "constant"
    description = "The same value on every row"
    example = "v1"
    enumerable = True

    value: ScalarValue = Field(description="The value")

    def capacity(self) -> int:
        return 1

    def width(self, earlier: Mapping[str, int]) -> int:
        return written_width([self.value])

    def column(self, row: Row, rng: np.random.Generator, earlier: EarlierColumns) -> Column:
        return typed_column([self.value], np.zeros(row.context.size, np.int64))


class Template(ChoiceField):
    field_type: Literal["template"] = "template"
    description = "Text built from earlier fields of the row, e.g. {first_name}.{last_name}"
    example = "emily.johnson@corp.example"
    work = 3
    rules = "Each {reference} names a field that comes before this one."

    template: StrictStr = Field(
        min_length=1, max_length=500, description="Text with {field} references to earlier fields"
    )

    def width(self, earlier: Mapping[str, int]) -> int:
        literal = TEMPLATE_REFERENCE.sub("", self.template)
        return len(literal.encode()) + sum(earlier[name] for name in self._references())

    def cost(self, width: int) -> int:
        # Each reference turns an earlier column into text once more.
        return super().cost(width) + len(self._references())

    def _references(self) -> list[str]:
        return TEMPLATE_REFERENCE.findall(self.template)

    def problems(self, earlier: Sequence[str]) -> list[Problem]:
        return [
            (
                "template",
                f"template refers to '{{{reference}}}', which is not an earlier field of this template",
            )
            for reference in self._references()
            if reference not in earlier
        ]

    def column(self, row: Row, rng: np.random.Generator, earlier: EarlierColumns) -> Column:
        """The text with each {reference} replaced by that field's value on the row: one C-level join per row,
        so the cost grows with the text, not with the square of its parts."""
        n = row.context.size
        pieces: list[Iterable[str]] = []
        position = 0
        for match in TEMPLATE_REFERENCE.finditer(self.template):
            pieces.append(repeat(self.template[position : match.start()], n))
            pieces.append(earlier[match.group(1)].plain_text())
            position = match.end()
        pieces.append(repeat(self.template[position:], n))
        return Column("str", list(map("".join, zip(*pieces, strict=True))), user_literal=True)


CHOICE: list[type[FieldModel]] = [Choice, Constant, Template]
