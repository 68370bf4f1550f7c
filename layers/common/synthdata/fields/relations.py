"""Relations: a column whose values are another job's (a foreign key), computed from that job's recorded seed
and schema, never read from its file (engine/references.py).

The parent is named by `job_id` and checked when a job or preview is asked for (a completed job of the same key,
its file not expired, the column one of its columns); the compiler then binds it to the field (`bind`), and its
cost joins the row budget: each block regenerates up to PARENT_BLOCKS_PER_BLOCK blocks of the parent.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar, Literal

import numpy as np
from pydantic import ConfigDict, Field, PrivateAttr, StrictStr

from synthdata.engine.columns import Column
from synthdata.engine.references import (
    PARENT_BLOCKS_PER_BLOCK,
    SKEW_DEFAULT,
    SKEW_MAX,
    SKEW_MIN,
    Parent,
    parent_columns,
    parent_rows,
)
from synthdata.errors import FieldProblem
from synthdata.fields.base import FIELD_NAME_PATTERN, EarlierColumns, FieldModel
from synthdata.fields.budget import row_cost
from synthdata.fields.parameters import FiniteNumber
from synthdata.fields.row import Row

# The cost of one row of a built-in dataset, in budget units (fields/budget.py): the slowest built-in took about
# 11 µs a row on the reference machine (a 10,000-row company block in 0.11 s), so 150 units leaves a margin.
BUILT_IN_ROW_COST = 150
# The widest value of a built-in dataset's column (they state no widths): its longest values are addresses.
BUILT_IN_VALUE_BYTES = 256


class ReferenceField(FieldModel):
    family: ClassVar[str] = "relations"
    field_type: Literal["reference"] = "reference"
    description = "A value of a column of another of your jobs, at its rows (a foreign key)"
    rules = (
        "job_id names a completed job of your key whose file has not expired, with no references of its own; "
        "column is one of its columns; checked when a job or preview is asked for. A top-level field only "
        "(not inside an object or array)."
    )
    example = "0f8e3c1a-5b2d-4c4e-9a7b-1d2e3f405162"
    work = 4

    job_id: StrictStr = Field(min_length=1, max_length=64, description="The parent job's id")
    # `column` on the wire; another name here, where column() is what every field draws.
    parent_column: StrictStr = Field(
        alias="column", pattern=FIELD_NAME_PATTERN, description="The parent's column whose values are used"
    )
    distribution: Literal["uniform", "skewed"] = Field(
        "uniform",
        description="uniform: every parent row as likely; skewed: a Zipf law, so a few parents get many children",
    )
    skew: FiniteNumber = Field(
        SKEW_DEFAULT,
        ge=SKEW_MIN,
        le=SKEW_MAX,
        description="skewed only: the Zipf exponent (rank k of a parent block weighs 1/k^skew); higher is more skewed",
    )
    model_config = ConfigDict(serialize_by_alias=True)

    _parent: Parent | None = PrivateAttr(None)
    _parent_cost: int = PrivateAttr(BUILT_IN_ROW_COST)
    _width: int = PrivateAttr(BUILT_IN_VALUE_BYTES)

    def bind(self, parent: Parent, row_cost: int | None, width: int | None) -> None:
        """The parent the field reads, its row's cost (None: a built-in's) and the column's width."""
        self._parent = parent
        self._parent_cost = BUILT_IN_ROW_COST if row_cost is None else row_cost
        self._width = BUILT_IN_VALUE_BYTES if width is None else width

    def width(self, earlier: Mapping[str, int]) -> int:
        return self._width

    def cost(self, width: int) -> int:
        return super().cost(width) + PARENT_BLOCKS_PER_BLOCK * self._parent_cost

    def column(self, row: Row, rng: np.random.Generator, earlier: EarlierColumns) -> Column:
        if self._parent is None:
            raise ValueError(f"reference field {self.name} has no parent bound")  # the compiler binds it
        context = row.context
        rows = parent_rows(
            self._parent,
            seed=context.seed,
            block_index=context.block_index,
            stream=f"reference:{self.name}",
            size=context.size,
            skew=self.skew if self.distribution == "skewed" else None,
        )
        return parent_columns(self._parent, (self.parent_column,), rows)[self.parent_column]


RELATIONS: list[type[FieldModel]] = [ReferenceField]


def bind_parent(at: str, field: ReferenceField, parents: Mapping[str, Parent]) -> list[FieldProblem]:
    """Bind the field to its parent (`at`: its path), or the problem: an unknown job, a column it lacks."""
    parent = parents.get(field.job_id)
    if parent is None:
        return [FieldProblem(f"{at}.job_id", f"{at}.job_id: job {field.job_id} not found")]
    widths = {f.name: f.max_bytes for f in parent.dataset.fields}
    if field.parent_column not in widths:
        return [
            FieldProblem(
                f"{at}.column",
                f"{at}.column '{field.parent_column}' is not a column of job {field.job_id} (its columns: "
                f"{', '.join(widths)})",
            )
        ]
    models = getattr(parent.dataset, "field_models", None)  # a template's (a built-in states no costs)
    field.bind(parent, None if models is None else row_cost(models), widths[field.parent_column])
    return []
