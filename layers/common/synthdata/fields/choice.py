"""Values the template gives: a choice among values, a constant, and text built from earlier fields."""

from __future__ import annotations

import re
from collections.abc import Sequence
from typing import ClassVar, Literal

import numpy as np
import numpy.typing as npt
from pydantic import Field, StrictStr

from synthdata.engine import builders
from synthdata.engine.columns import Column
from synthdata.engine.rng import cumulative_weights, weighted_indices
from synthdata.fields.base import EarlierColumns, FieldModel, Problem
from synthdata.fields.draws import typed_column
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

    def column(self, row: Row, rng: np.random.Generator, earlier: EarlierColumns) -> Column:
        return typed_column([self.value], np.zeros(row.context.size, np.int64))


class Template(ChoiceField):
    field_type: Literal["template"] = "template"
    description = "Text built from earlier fields of the row, e.g. {first_name}.{last_name}"
    example = "emily.johnson@corp.example"
    rules = "Each {reference} names a field that comes before this one."

    template: StrictStr = Field(
        min_length=1, max_length=500, description="Text with {field} references to earlier fields"
    )

    def problems(self, earlier: Sequence[str]) -> list[Problem]:
        return [
            (
                "template",
                f"template refers to '{{{reference}}}', which is not an earlier field of this template",
            )
            for reference in TEMPLATE_REFERENCE.findall(self.template)
            if reference not in earlier
        ]

    def column(self, row: Row, rng: np.random.Generator, earlier: EarlierColumns) -> Column:
        parts: list[npt.NDArray[np.object_] | str] = []
        position = 0
        for match in TEMPLATE_REFERENCE.finditer(self.template):
            parts.append(self.template[position : match.start()])
            parts.append(np.asarray(earlier[match.group(1)].plain_text(), dtype=object))
            position = match.end()
        parts.append(self.template[position:])
        pieces = [p for p in parts if not (isinstance(p, str) and p == "")]
        result = builders.join(*pieces) if pieces else np.asarray([""], dtype=object)
        return Column("str", np.asarray(result, dtype=object).tolist(), user_literal=True)


CHOICE: list[type[FieldModel]] = [Choice, Constant, Template]
