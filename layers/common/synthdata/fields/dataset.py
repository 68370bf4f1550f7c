"""A compiled template: a Dataset of the engine, so it shares writers, sharding, seeds and reproducibility."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from functools import cached_property

from synthdata.engine.columns import Column
from synthdata.engine.dataset import BlockContext, FieldInfo
from synthdata.engine.rng import block_rng
from synthdata.fields.base import FieldModel
from synthdata.fields.budget import value_widths
from synthdata.fields.draws import field_seed
from synthdata.fields.row import Row


@dataclass(frozen=True)
class TemplateDataset:
    field_models: tuple[FieldModel, ...]
    name: str = "template"
    description: str = "A custom template"
    prefix_safe = True  # every field draws its column in one call from its own stream (tests/unit/fields)

    @cached_property
    def fields(self) -> list[FieldInfo]:
        widths = value_widths(self.field_models)
        return [
            FieldInfo(f.name, f.value_type, f.description, f.example, width)
            for f, width in zip(self.field_models, widths, strict=True)
        ]

    def generate_block(self, context: BlockContext) -> dict[str, Column]:
        return draw_columns(self.field_models, Row(context))


def draw_columns(models: Sequence[FieldModel], row: Row, stream: str = "") -> dict[str, Column]:
    """Each field's column for the row's block, in order (a field may read the columns before it); `stream`
    sets the sub-fields of a nested field apart from the template's own."""
    context = row.context
    columns: dict[str, Column] = {}
    for position, field in enumerate(models):
        # Each field draws from its own stream: adding a field never changes the values of the others.
        rng = block_rng(
            context.seed, context.block_index, f"{stream}field:{position}:{field_seed(field.name)}"
        )
        column = field.column(row, rng, columns)
        if field.nullable and field.null_rate > 0:
            missing = block_rng(context.seed, context.block_index, f"{stream}nulls:{position}")
            column.nulls = missing.random(context.size) < field.null_rate
        columns[field.name] = column
    return columns
