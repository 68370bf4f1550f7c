"""Each field type is one model: it describes itself, generates its column, and its bounds are the ones
the catalogue lists and the compiler enforces, with strict types and one sentence per problem."""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pytest
from pydantic import ValidationError

from synthdata.engine import BLOCK_ROWS
from synthdata.engine.columns import Column
from synthdata.engine.dataset import BlockContext
from synthdata.errors import ValidationFailed
from synthdata.fields import FIELD_TYPES, list_field_types
from synthdata.fields.row import Row
from tests.unit.fields.parents import REFERENCE, bound, compiled
from tests.unit.fields.rendering import rendered

FAMILIES = {"identifiers", "person", "address", "company", "commerce", "internet", "numbers", "time", "text"}
COMMON_OPTIONS = {"nullable", "null_rate", "unique"}
VALUE_TYPES = {"string", "integer", "number", "boolean", "date", "datetime", "object", "array"}
REQUIRED: dict[str, dict[str, Any]] = {
    "choice": {"values": ["gold", "silver"]},
    "constant": {"value": "v1"},
    "template": {"template": "{earlier}!"},
    "object": {"fields": [{"name": "a", "field_type": "word"}]},
    "array": {"item": {"name": "item", "field_type": "integer"}},
    "reference": REFERENCE,
}


def field(field_type: str, **parameters: Any) -> Any:
    raw = {"name": "v", "field_type": field_type, **REQUIRED.get(field_type, {}), **parameters}
    return bound(FIELD_TYPES[field_type].model_validate(raw))


def problems(schema: list[dict[str, Any]]) -> dict[str, str]:
    with pytest.raises(ValidationFailed) as caught:
        compiled(schema)
    return {p.field: p.message for p in caught.value.details}


@pytest.mark.parametrize("field_type", list(FIELD_TYPES))
def test_every_type_describes_itself_and_generates_a_full_block(field_type: str) -> None:
    model = FIELD_TYPES[field_type]
    assert model.type_name() == field_type
    assert (
        model.family in FAMILIES | {"choice", "nested", "relations"}
        and model.description
        and model.example is not None
    )
    assert model.value_type in VALUE_TYPES
    row = Row(BlockContext(seed=7, locale="en_US", block_index=0))
    earlier = {"earlier": Column("str", ["x"] * BLOCK_ROWS)}
    column = field(field_type).column(row, np.random.default_rng(1), earlier)
    assert len(column) == BLOCK_ROWS
    assert len(column.plain_text()) == BLOCK_ROWS


@pytest.mark.parametrize(
    ("field_type", "parameter", "value", "sentence"),
    [
        ("sentence", "words", 51, "words must be between 1 and 50"),
        ("lorem", "words", 0, "words must be between 1 and 200"),
        ("paragraph", "sentences", 21, "sentences must be between 1 and 20"),
        ("float", "precision", 11, "precision must be between 0 and 10"),
        ("integer", "max", 2**53 + 1, "max must be between -9007199254740992 and 9007199254740992"),
        ("sequence", "step", -(2**60), "step must be between -9007199254740992 and 9007199254740992"),
        ("price", "min", -1e16, "min must be between -1000000000000000 and 1000000000000000"),
        ("boolean", "true_ratio", 1.5, "true_ratio must be between 0 and 1"),
        ("template", "template", "{a}" * 200, "template must be between 1 and 500 characters long"),
        ("choice", "values", [], "values must hold between 1 and 1000 items"),
    ],
)
def test_a_broken_bound_is_named_at_its_parameter_with_the_range(
    field_type: str, parameter: str, value: Any, sentence: str
) -> None:
    schema = [
        {"name": "a", "field_type": "word"},
        {"name": "b", "field_type": field_type, **REQUIRED.get(field_type, {}), parameter: value},
    ]
    assert problems(schema) == {f"schema_fields[1].{parameter}": f"schema_fields[1].{sentence}"}


def test_a_bad_value_inside_a_list_is_one_sentence_at_its_index() -> None:
    found = problems([{"name": "c", "field_type": "choice", "values": ["ok", None, "x" * 201]}])
    assert found == {
        "schema_fields[0].values": (
            "schema_fields[0].values[1] must be a string, a whole number, a number or true or false"
        )
    }
    too_long = problems([{"name": "c", "field_type": "choice", "values": ["x" * 201]}])
    assert too_long["schema_fields[0].values"].endswith("values[0] must be at most 200 characters long")


def listed_bounds() -> list[tuple[str, str, str, int | float]]:
    """(type, parameter, bound name, bound) of every numeric or length bound the catalogue lists; the
    options every field shares are taken from the first type only."""
    return [
        (t["name"], p["name"], key, p[key])
        for index, t in enumerate(list_field_types())
        for p in t["parameters"]
        if p["type"] in ("int", "number", "string") and (index == 0 or p["name"] not in COMMON_OPTIONS)
        for key in ("minimum", "maximum", "max_length")
        if key in p
    ]


def test_the_catalogue_lists_bounds_read_from_the_models() -> None:
    listed = {t["name"]: {p["name"]: p for p in t["parameters"]} for t in list_field_types()}
    assert (listed["sentence"]["words"]["minimum"], listed["sentence"]["words"]["maximum"]) == (1, 50)
    assert listed["lorem"]["words"]["maximum"] == 200
    assert listed["choice"]["values"]["max_length"] == 1000
    assert listed["choice"]["values"]["items"]["max_length"] == 200
    assert listed["integer"]["max"]["maximum"] == 2**53
    assert listed["word"]["null_rate"]["maximum"] == 1
    assert listed["date"]["format"]["max_length"] == 64
    assert len(listed_bounds()) >= 20


@pytest.mark.parametrize(("field_type", "parameter", "key", "bound"), listed_bounds())
def test_each_listed_bound_is_the_one_the_model_enforces(
    field_type: str, parameter: str, key: str, bound: int | float
) -> None:
    def at(value: Any) -> Any:
        return field(field_type, **{parameter: value})

    if key == "max_length":
        assert isinstance(bound, int)  # a length is a count
        at("#" * bound)
        with pytest.raises(ValidationError):
            at("#" * (bound + 1))
        return
    beyond = bound + 1 if key == "maximum" else bound - 1
    assert getattr(at(bound), parameter) == bound
    with pytest.raises(ValidationError):
        at(beyond)


@pytest.mark.parametrize(
    ("field_type", "parameter", "value", "expected"),
    [
        ("integer", "min", "5", "a whole number"),
        ("integer", "max", 5.0, "a whole number"),
        ("integer", "min", True, "a whole number"),
        ("price", "min", True, "a number"),
        ("float", "max", "1.5", "a number"),
        ("float", "max", math.nan, "a finite number"),
        ("decimal", "min", -math.inf, "a finite number"),
        ("word", "nullable", "true", "true or false"),
        ("word", "unique", 1, "true or false"),
        ("pattern", "pattern", 12, "a string"),
        ("choice", "weights", "1,2", "a list"),
    ],
)
def test_parameters_are_strictly_typed(field_type: str, parameter: str, value: Any, expected: str) -> None:
    schema = [{"name": "v", "field_type": field_type, **REQUIRED.get(field_type, {}), parameter: value}]
    assert problems(schema) == {
        f"schema_fields[0].{parameter}": f"schema_fields[0].{parameter} must be {expected}"
    }


def test_a_whole_number_is_a_number_and_choice_values_keep_their_json_type() -> None:
    assert field("float", min=1, max=2).max == 2.0
    assert [type(v) for v in field("choice", values=[True, 1, 2.5, "a"]).values] == [bool, int, float, str]


def test_semantic_versions_are_three_bounded_numbers() -> None:
    schema = [{"name": "v", "field_type": "semver", "max_major": 3, "max_minor": 5, "max_patch": 0}]
    text = rendered(schema, 5000, fmt="csv")
    versions = [tuple(map(int, line.split("."))) for line in text.decode().split()[1:]]
    assert len(versions) == 5000 and all(0 <= a <= 3 and 0 <= b <= 5 and c == 0 for a, b, c in versions)
    assert max(versions)[0] == 3 and any(v[0] == 1 for v in versions)
