"""A template generates only the rows asked for, and they are the rows of the whole file: a preview of n rows
equals the file's first n rows, and a file is the same however it is split."""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from itertools import pairwise
from typing import Any

import pytest

from synthdata.engine import BLOCK_ROWS, preview_records
from synthdata.engine.columns import Column
from synthdata.engine.dataset import BlockContext, FieldInfo
from synthdata.fields import FIELD_TYPES
from tests.unit.fields.parents import compiled
from tests.unit.fields.rendering import rendered
from tests.unit.fields.test_templates import every_type

SIZES = (1, 7, 100)
# An object holding an array of objects: items with entities (a city per item) and nulls of their own.
ORDER = {
    "name": "order",
    "field_type": "object",
    "fields": [
        {"name": "buyer", "field_type": "first_name"},
        {
            "name": "lines",
            "field_type": "array",
            "min_items": 1,
            "max_items": 4,
            "item": {
                "name": "line",
                "field_type": "object",
                "fields": [
                    {"name": "city", "field_type": "city"},
                    {"name": "qty", "field_type": "integer", "nullable": True, "null_rate": 0.3},
                ],
            },
        },
    ],
}
TOTAL = BLOCK_ROWS + 500


def variants() -> list[dict[str, Any]]:
    """Every type, then the parameters that change how a column is drawn: unique, nulls, distributions."""
    shaped = [
        {"name": f"{kind}_{shape}", "field_type": kind, "distribution": shape}
        for kind in ("integer", "float")
        for shape in ("normal", "lognormal")
    ]
    unique = [
        {**raw, "name": f"{raw['name']}_unique", "unique": True}
        for raw in every_type()
        if FIELD_TYPES[raw["field_type"]].enumerable or FIELD_TYPES[raw["field_type"]].unique_by_construction
    ]
    extra: list[dict[str, Any]] = [
        {"name": "maybe", "field_type": "word", "nullable": True, "null_rate": 0.5},
        {"name": "long", "field_type": "paragraph", "sentences": 4},  # the row stays within the width budget
        {"name": "code", "field_type": "pattern", "pattern": "??-###-#?"},
        {"name": "shout", "field_type": "template", "template": "{maybe}/{long}"},
    ]
    return every_type() + shaped + unique + extra


def file_records(schema: list[dict[str, Any]], stop: int, total: int) -> list[Any]:
    data = rendered(schema, stop, fmt="ndjson", seed=11, locale="fr_FR", total=total)
    return [json.loads(line) for line in data.decode().splitlines()]


@dataclass
class Recording:
    """A dataset that notes how many rows each block was asked for and checks it got that many."""

    inner: Any
    asked: list[int] = field(default_factory=list)
    prefix_safe = True

    @property
    def name(self) -> str:
        return "recording"

    @property
    def description(self) -> str:
        return "recording"

    @property
    def fields(self) -> list[FieldInfo]:
        return list(self.inner.fields)

    def generate_block(self, context: BlockContext) -> dict[str, Column]:
        self.asked.append(context.rows)
        columns: dict[str, Column] = self.inner.generate_block(context)
        assert {len(column) for column in columns.values()} == {context.rows}
        return columns


@pytest.mark.parametrize("count", SIZES)
def test_a_preview_of_n_rows_generates_n_rows_and_equals_the_first_rows_of_the_file(count: int) -> None:
    schema = variants()
    dataset = Recording(compiled(schema))
    preview = preview_records(dataset, seed=11, locale="fr_FR", count=count)
    assert dataset.asked == [count]
    assert preview == file_records(schema, BLOCK_ROWS, TOTAL)[:count]


@pytest.mark.parametrize("count", SIZES)
def test_a_short_file_is_the_start_of_a_long_one(count: int) -> None:
    schema = variants()
    assert file_records(schema, count, count) == file_records(schema, BLOCK_ROWS, TOTAL)[:count]


@pytest.mark.parametrize("cut", SIZES)
def test_a_template_file_is_the_same_however_it_is_split(cut: int) -> None:
    dataset = compiled(variants())

    def piece(fmt: str, start: int, stop: int) -> bytes:
        return rendered(dataset, stop, fmt=fmt, seed=4, locale="it_IT", start=start, total=TOTAL)

    for fmt in ("csv", "json"):
        whole = piece(fmt, 0, TOTAL)
        cuts = (0, cut, BLOCK_ROWS + cut, TOTAL)
        assert b"".join(piece(fmt, a, b) for a, b in pairwise(cuts)) == whole
