"""Object and array fields: the nested shape and bounds in JSON and NDJSON, sub-fields checked by the same
models and named by their path, their widths in the row budget, and the formats that cannot hold them."""

from __future__ import annotations

import json
from itertools import pairwise
from typing import Any

import pytest

from synthdata.engine import BLOCK_ROWS, preview_records
from synthdata.errors import ValidationFailed
from synthdata.fields import compile_template, list_field_types
from tests.unit.fields.rendering import rendered
from tests.unit.fields.test_prefix_safety import ORDER, SIZES, TOTAL, Recording, file_records
from tests.unit.fields.test_templates import problems

SCHEMA: list[dict[str, Any]] = [
    {"name": "id", "field_type": "sequence"},
    ORDER,
    {
        "name": "tags",
        "field_type": "array",
        "item": {"name": "item", "field_type": "word"},
        "min_items": 2,
        "max_items": 5,
    },
    {
        "name": "none",
        "field_type": "array",
        "item": {"name": "item", "field_type": "integer"},
        "max_items": 0,
    },
]


def check_shape(record: dict[str, Any]) -> None:
    order = record["order"]
    assert isinstance(record["id"], int) and set(order) == {"buyer", "lines"}
    assert isinstance(order["buyer"], str) and 1 <= len(order["lines"]) <= 4
    for line in order["lines"]:
        assert set(line) == {"city", "qty"} and isinstance(line["city"], str)
        assert line["qty"] is None or isinstance(line["qty"], int)
    assert 2 <= len(record["tags"]) <= 5 and all(isinstance(tag, str) for tag in record["tags"])
    assert record["none"] == []


@pytest.mark.parametrize("fmt", ["json", "ndjson"])
def test_json_and_ndjson_hold_the_nested_shape_within_the_bounds(fmt: str) -> None:
    text = rendered(SCHEMA, 3000, fmt=fmt).decode()
    parsed = json.loads(text) if fmt == "json" else [json.loads(line) for line in text.splitlines()]
    assert len(parsed) == 3000
    for record in parsed:
        check_shape(record)
    lengths = {len(record["order"]["lines"]) for record in parsed} | {len(r["tags"]) for r in parsed}
    assert lengths == {1, 2, 3, 4, 5}  # every length in range occurs
    assert any(line["qty"] is None for r in parsed for line in r["order"]["lines"])


def test_a_preview_gives_nested_python_values_equal_to_the_file() -> None:
    preview = preview_records(compile_template(SCHEMA), seed=1, locale="en_US", count=20)
    assert preview == json.loads(rendered(SCHEMA, BLOCK_ROWS))[:20]
    assert isinstance(preview[0]["order"], dict) and isinstance(preview[0]["tags"], list)


@pytest.mark.parametrize("count", SIZES)
def test_a_nested_preview_generates_n_rows_and_equals_the_first_rows_of_the_file(count: int) -> None:
    dataset = Recording(compile_template(SCHEMA))
    preview = preview_records(dataset, seed=11, locale="fr_FR", count=count)
    assert dataset.asked == [count]
    assert preview == file_records(SCHEMA, BLOCK_ROWS, TOTAL)[:count]


@pytest.mark.parametrize("cut", SIZES)
def test_a_nested_file_is_the_same_however_it_is_split(cut: int) -> None:
    dataset = compile_template(SCHEMA)

    def piece(fmt: str, start: int, stop: int) -> bytes:
        return rendered(dataset, stop, fmt=fmt, seed=4, locale="it_IT", start=start, total=TOTAL)

    for fmt in ("json", "ndjson"):
        cuts = (0, cut, BLOCK_ROWS + cut, TOTAL)
        assert b"".join(piece(fmt, a, b) for a, b in pairwise(cuts)) == piece(fmt, 0, TOTAL)


@pytest.mark.parametrize("fmt", ["csv", "tsv", "sql"])
def test_a_format_other_than_json_is_refused_naming_the_field_and_format(fmt: str) -> None:
    with pytest.raises(ValidationFailed) as caught:
        compile_template(SCHEMA, output_format=fmt)
    found = {p.field: p.message for p in caught.value.details}
    assert set(found) == {"schema_fields[1]", "schema_fields[2]", "schema_fields[3]"}
    assert "'order'" in found["schema_fields[1]"] and f"output_format {fmt}" in found["schema_fields[1]"]
    compile_template(SCHEMA, output_format="ndjson")


def test_sub_fields_are_checked_by_their_models_and_named_by_path() -> None:
    found = problems(
        [
            {
                "name": "o",
                "field_type": "object",
                "fields": [
                    {"name": "a", "field_type": "integer", "min": 5, "max": 1},
                    {"name": "a", "field_type": "wrod"},
                    {
                        "name": "l",
                        "field_type": "array",
                        "item": {"name": "item", "field_type": "uuid", "unique": True},
                    },
                ],
            },
            {
                "name": "r",
                "field_type": "array",
                "item": {"name": "item", "field_type": "word"},
                "min_items": 3,
                "max_items": 2,
            },
            {
                "name": "u",
                "field_type": "object",
                "fields": [{"name": "x", "field_type": "word"}],
                "unique": True,
            },
        ]
    )
    assert found["schema_fields[0].fields[0].max"].startswith(
        "schema_fields[0].fields[0].max (1) must be at least"
    )
    assert "did you mean 'word'" in found["schema_fields[0].fields[1].field_type"]
    assert "unique is not available inside an array" in found["schema_fields[0].fields[2].item"]
    assert (
        found["schema_fields[1].max_items"] == "schema_fields[1].max_items (2) must be at least min_items (3)"
    )
    assert "schema_fields[2].unique" in found


def test_nesting_deeper_than_three_levels_is_refused() -> None:
    def nest(levels: int) -> dict[str, Any]:
        inner: dict[str, Any] = {"name": "leaf", "field_type": "word"}
        for _ in range(levels):
            inner = {"name": "box", "field_type": "object", "fields": [inner]}
        return inner

    compile_template([nest(3)])
    assert "more than 3 levels deep" in problems([nest(4)])["schema_fields[0].fields"]


def test_a_too_wide_array_is_refused_by_the_row_budget() -> None:
    wide = {
        "name": "notes",
        "field_type": "array",
        "item": {"name": "item", "field_type": "sentence", "words": 50},
    }
    compile_template([{**wide, "max_items": 2}])
    with pytest.raises(ValidationFailed) as caught:
        compile_template([{**wide, "max_items": 20}])
    assert [p.field for p in caught.value.details] == ["schema_fields[0]"] * 2
    assert "bytes wide; the limit is 4,096 bytes per row" in caught.value.details[0].message


def test_the_catalogue_lists_object_and_array() -> None:
    listed = {entry["name"]: entry for entry in list_field_types()}
    assert listed["object"]["value_type"] == "object" and listed["array"]["value_type"] == "array"
    assert {p["name"] for p in listed["array"]["parameters"]} >= {"item", "min_items", "max_items"}
