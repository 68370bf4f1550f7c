"""A compiled template: a Dataset of the engine, so it shares writers, sharding, seeds and reproducibility."""

from __future__ import annotations

import zlib
from dataclasses import dataclass

from synthdata.engine.columns import Column
from synthdata.engine.dataset import BlockContext, FieldInfo
from synthdata.engine.rng import block_rng
from synthdata.fields.compiler import FieldSpec
from synthdata.fields.generators import GENERATORS, Row


@dataclass(frozen=True)
class TemplateDataset:
    specs: tuple[FieldSpec, ...]
    name: str = "template"
    description: str = "A custom template"

    @property
    def fields(self) -> list[FieldInfo]:
        return [FieldInfo(s.name, s.type.value_type, s.type.description, s.type.example) for s in self.specs]

    def generate_block(self, context: BlockContext) -> dict[str, Column]:
        row = Row(context)
        columns: dict[str, Column] = {}
        for position, spec in enumerate(self.specs):
            # Each field draws from its own stream: adding a field never changes the values of the others.
            rng = block_rng(
                context.seed, context.block_index, f"field:{position}:{zlib.crc32(spec.name.encode())}"
            )
            column = GENERATORS[spec.type.name](spec, row, rng, columns)
            if spec.nullable and spec.null_rate > 0:
                missing = block_rng(context.seed, context.block_index, f"nulls:{position}").random(
                    context.size
                )
                column.nulls = missing < spec.null_rate
            columns[spec.name] = column
        return columns
