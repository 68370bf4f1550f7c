"""Templates are checked before any work is spent and generate like the built-ins: fast, coherent, reproducible."""

from __future__ import annotations

import csv
import io
import json
from datetime import date
from typing import Any

import pytest

from synthdata.engine import BLOCK_ROWS, preview_records, render_rows
from synthdata.engine.words import CATALOGUE
from synthdata.errors import ValidationFailed
from synthdata.fields import FIELD_TYPES, list_field_types
from tests.unit.fields.parents import REFERENCE, compiled

ORIGINAL_EXAMPLE = [
    {"name": "id", "field_type": "uuid", "nullable": False},
    {"name": "name", "field_type": "name", "nullable": False},
    {"name": "email", "field_type": "email", "nullable": False},
    {"name": "age", "field_type": "integer", "nullable": False},
]
ROWS = 2 * BLOCK_ROWS


def every_type() -> list[dict[str, Any]]:
    extra: dict[str, dict[str, Any]] = {
        "choice": {"values": ["=SUM(A1)", "gold", "-2"], "weights": [1, 2, 1]},
        "constant": {"value": "@cmd"},
        "template": {"template": "{f_first_name}.{f_last_name}@corp.example"},
        "object": {
            "fields": [{"name": "city", "field_type": "city"}, {"name": "n", "field_type": "integer"}]
        },
        "array": {
            "item": {"name": "item", "field_type": "choice", "values": ["=SUM(A1)", "gold"]},
            "max_items": 3,
        },
        "reference": REFERENCE,
    }
    return [{"name": f"f_{name}", "field_type": name, **extra.get(name, {})} for name in FIELD_TYPES]


def problems(schema: Any, record_count: int | None = None) -> dict[str, str]:
    with pytest.raises(ValidationFailed) as caught:
        compiled(schema, record_count=record_count)
    assert caught.value.status_code == 422
    return {p.field: p.message for p in caught.value.details}


def records(schema: list[dict[str, Any]], count: int = ROWS, seed: int = 5) -> list[dict[str, Any]]:
    data = render_rows(
        compiled(schema),
        seed=seed,
        locale="en_US",
        fmt="json",
        compression=None,
        start=0,
        stop=count,
        total=count,
    )
    rows = json.loads(data)
    assert isinstance(rows, list)
    return rows


def test_the_original_example_is_accepted_as_written() -> None:
    rows = preview_records(compiled(ORIGINAL_EXAMPLE), seed=1, locale="en_US", count=5)
    assert [list(r) for r in rows] == [["id", "name", "email", "age"]] * 5
    assert all(0 <= r["age"] <= 100 for r in rows)


def test_catalogue_lists_at_least_forty_types_with_parameters_and_examples() -> None:
    listed = list_field_types()
    assert len(listed) >= 40
    assert {t["family"] for t in listed} >= {
        "identifiers",
        "person",
        "address",
        "company",
        "commerce",
        "internet",
        "numbers",
        "time",
        "text",
        "choice",
    }
    integer = next(t for t in listed if t["name"] == "integer")
    assert {p["name"] for p in integer["parameters"]} >= {
        "min",
        "max",
        "distribution",
        "nullable",
        "null_rate",
        "unique",
    }
    assert all("example" in t for t in listed)


@pytest.mark.parametrize(
    ("schema", "field", "fragment"),
    [
        ([{"name": "x", "field_type": "integr"}], "schema_fields[0].field_type", "did you mean 'integer'"),
        ([{"name": "x", "field_type": "integer", "colour": 1}], "schema_fields[0].colour", "not a parameter"),
        (
            [{"name": "x", "field_type": "integer", "min": 10, "max": 5}],
            "schema_fields[0].max",
            "at least min",
        ),
        ([{"name": "x", "field_type": "integer", "min": "a"}], "schema_fields[0].min", "whole number"),
        (
            [{"name": "x", "field_type": "choice", "values": ["a", "b"], "weights": [1]}],
            "schema_fields[0].weights",
            "1 weights for 2 values",
        ),
        (
            [{"name": "x", "field_type": "choice", "values": ["a"], "weights": [0]}],
            "schema_fields[0].weights",
            "not all 0",
        ),
        (
            [
                {"name": "t", "field_type": "template", "template": "{later}"},
                {"name": "later", "field_type": "word"},
            ],
            "schema_fields[0].template",
            "not an earlier field",
        ),
        (
            [{"name": "a", "field_type": "word"}, {"name": "a", "field_type": "word"}],
            "schema_fields[1].name",
            "used by an earlier field",
        ),
        ([{"name": "1bad", "field_type": "word"}], "schema_fields[0].name", "must start with a letter"),
        (
            [{"name": "x", "field_type": "word", "nullable": True, "null_rate": 2}],
            "schema_fields[0].null_rate",
            "between 0 and 1",
        ),
        ([{"name": "x", "field_type": "choice"}], "schema_fields[0].values", "required"),
        (
            [{"name": "x", "field_type": "name", "unique": True}],
            "schema_fields[0].unique",
            "cannot be guaranteed",
        ),
        (
            [{"name": "x", "field_type": "date", "start": "2024-02-01", "end": "2024-01-01"}],
            "schema_fields[0].end",
            "must not be before start",
        ),
    ],
)
def test_each_problem_is_named_with_its_field(
    schema: list[dict[str, Any]], field: str, fragment: str
) -> None:
    found = problems(schema)
    assert field in found and fragment in found[field], found


def test_field_count_and_unique_capacity_are_checked() -> None:
    assert (
        "at most 200"
        in problems([{"name": f"f{i}", "field_type": "word"} for i in range(201)])["schema_fields"]
    )
    capacity = problems(
        [{"name": "tier", "field_type": "choice", "values": ["a", "b", "c"], "unique": True}], 10000
    )
    assert capacity["schema_fields[0].unique"] == (
        "field 'tier' is unique but choice has only 3 distinct values; record_count is 10000"
    )


def test_every_type_generates_in_every_format_reproducibly_and_split_invariant() -> None:
    dataset = compiled(every_type())
    whole = render_rows(
        dataset, seed=9, locale="de_DE", fmt="csv", compression="gzip", start=0, stop=ROWS, total=ROWS
    )
    halves = b"".join(
        render_rows(
            dataset, seed=9, locale="de_DE", fmt="csv", compression="gzip", start=a, stop=b, total=ROWS
        )
        for a, b in ((0, BLOCK_ROWS), (BLOCK_ROWS, ROWS))
    )
    assert whole == halves
    parsed = records(every_type(), count=500)
    assert len(parsed) == 500 and list(parsed[0]) == [f"f_{name}" for name in FIELD_TYPES]


def test_rows_are_coherent() -> None:
    for row in records(every_type(), count=3000):
        assert row["f_name"] == f"{row['f_first_name']} {row['f_last_name']}"
        assert row["f_template"] == f"{row['f_first_name']}.{row['f_last_name']}@corp.example"
        assert row["f_email"].split("@")[0].startswith(row["f_username"].split("_")[0])
        born = date.fromisoformat(row["f_date_of_birth"])
        assert row["f_age"] == 2026 - born.year - ((born.month, born.day) > (11, 1))
        nouns, _ = CATALOGUE[row["f_product_category"]]
        assert any(row["f_product_name"].endswith(noun) for noun in nouns)
        assert row["f_ipv4"].startswith(("192.0.2.", "198.51.100.", "203.0.113.")) and row[
            "f_ipv6"
        ].startswith("2001:db8:")
        iban = row["f_iban"]
        assert int("".join(str(int(c, 36)) for c in iban[4:] + iban[:4])) % 97 == 1


def test_nulls_weights_and_ranges_follow_the_parameters() -> None:
    schema: list[dict[str, Any]] = [
        {"name": "maybe", "field_type": "word", "nullable": True, "null_rate": 0.3},
        {
            "name": "tier",
            "field_type": "choice",
            "values": ["gold", "silver", "bronze"],
            "weights": [1, 3, 6],
        },
        {"name": "score", "field_type": "integer", "min": 10, "max": 20, "distribution": "normal"},
        {"name": "ratio", "field_type": "float", "min": 0, "max": 1, "precision": 3},
        {"name": "flag", "field_type": "boolean", "true_ratio": 0.8},
    ]
    rows = records(schema)
    share = sum(r["maybe"] is None for r in rows) / len(rows)
    assert abs(share - 0.3) < 0.02
    assert abs(sum(r["tier"] == "bronze" for r in rows) / len(rows) - 0.6) < 0.02
    assert all(10 <= r["score"] <= 20 for r in rows) and all(0 <= r["ratio"] <= 1 for r in rows)
    assert abs(sum(r["flag"] for r in rows) / len(rows) - 0.8) < 0.02


@pytest.mark.parametrize(
    "field",
    [
        {"field_type": "integer", "min": 0, "max": ROWS - 1},
        {"field_type": "pattern", "pattern": "ORD-####-?"},
        {"field_type": "date", "start": "1900-01-01", "end": "2026-01-01"},
        {"field_type": "sequence", "start": 100, "step": 5},
        {"field_type": "email"},
    ],
)
def test_unique_fields_are_unique_across_the_file(field: dict[str, Any]) -> None:
    values = [r["v"] for r in records([{"name": "v", "unique": True, **field}])]
    assert len(set(values)) == len(values) == ROWS


def test_user_literals_are_neutralized_in_csv_only() -> None:
    schema = [
        {"name": "c", "field_type": "choice", "values": ["=SUM(A1)", "+1", "@x", "\tt", "ok"]},
        {"name": "k", "field_type": "constant", "value": "-2+3"},
    ]
    dataset = compiled(schema)
    text = render_rows(
        dataset, seed=1, locale="en_US", fmt="csv", compression=None, start=0, stop=500, total=500
    )
    rows = list(csv.DictReader(io.StringIO(text.decode(), newline="")))
    assert {r["c"] for r in rows} == {"'=SUM(A1)", "'+1", "'@x", "'\tt", "ok"}
    assert {r["k"] for r in rows} == {"'-2+3"}
    raw = json.loads(
        render_rows(
            dataset, seed=1, locale="en_US", fmt="json", compression=None, start=0, stop=500, total=500
        )
    )
    assert {r["c"] for r in raw} == {"=SUM(A1)", "+1", "@x", "\tt", "ok"}


def test_date_formats_and_time_ranges() -> None:
    schema = [
        {
            "name": "day",
            "field_type": "date",
            "start": "2024-01-01",
            "end": "2024-12-31",
            "format": "%d/%m/%Y",
        },
        {"name": "at", "field_type": "datetime", "format": "%Y%m%d-%H%M%S"},
        {"name": "opens", "field_type": "time", "start": "09:00:00", "end": "17:30:00"},
    ]
    for row in records(schema, count=2000):
        day, month, year = row["day"].split("/")
        assert year == "2024" and date(2024, int(month), int(day))
        assert len(row["at"]) == 15 and row["at"][8] == "-"
        assert "09:00:00" <= row["opens"] <= "17:30:00"
    assert "schema_fields[0].format" in problems([{"name": "d", "field_type": "date", "format": "%A %d"}])
    assert "schema_fields[0].end" in problems(
        [{"name": "t", "field_type": "time", "start": "18:00", "end": "09:00"}]
    )
