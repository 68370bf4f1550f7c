"""Numbers a template asks for stay exact and in range for the whole file, whatever its parameters."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import pytest

from synthdata.errors import ValidationFailed
from synthdata.fields import compile_template
from synthdata.fields.parameters import WHOLE_NUMBER_LIMIT
from tests.unit.fields.rendering import rendered


def values(schema: list[dict[str, Any]], rows: int) -> list[Any]:
    return [record["v"] for record in json.loads(rendered(schema, rows, seed=3))]


def test_a_sequence_must_stay_exact_up_to_its_last_record() -> None:
    schema = [{"name": "v", "field_type": "sequence", "start": 0, "step": 2**52}]
    compile_template(schema, record_count=3)  # last value 2**53: still exact
    with pytest.raises(ValidationFailed) as caught:
        compile_template(schema, record_count=4)
    (problem,) = caught.value.details
    assert problem.field == "schema_fields[0].step"
    assert problem.message == (
        "schema_fields[0].step (4,503,599,627,370,496) takes the sequence from start (0) to "
        "13,510,798,882,111,488 in 4 records; values must stay within ±9,007,199,254,740,992"
    )
    compile_template(schema, record_count=None)  # a template alone has no record count yet


def test_a_sequence_at_the_edge_writes_exact_values() -> None:
    schema = [{"name": "v", "field_type": "sequence", "start": -WHOLE_NUMBER_LIMIT + 99, "step": -1}]
    with pytest.raises(ValidationFailed):
        compile_template(schema, record_count=101)
    assert values(schema, 100)[-1] == -WHOLE_NUMBER_LIMIT


def test_a_unique_pattern_wider_than_int64_is_unique_without_overflow() -> None:
    digits = values([{"name": "v", "field_type": "pattern", "pattern": "#" * 30, "unique": True}], 20_000)
    assert len(set(digits)) == 20_000 and all(len(d) == 30 and d.isdigit() for d in digits)
    letters = values([{"name": "v", "field_type": "pattern", "pattern": "?" * 64, "unique": True}], 20_000)
    assert len(set(letters)) == 20_000 and all(len(t) == 64 and t.isupper() for t in letters)


def test_choice_numbers_with_an_exponent_are_written_in_full() -> None:
    schema = [{"name": "v", "field_type": "choice", "values": [1e-05, 2.5e-07, 3]}]
    assert set(values(schema, 500)) == {1e-05, 2.5e-07, 3.0}
    text = rendered(schema, 500, fmt="csv", seed=3).decode()
    cells = {row["v"] for row in csv.DictReader(io.StringIO(text, newline=""))}
    assert cells == {"0.00001000", "0.00000025", "3.00000000"}


def test_a_template_without_references_is_its_text_on_every_row() -> None:
    assert values([{"name": "v", "field_type": "template", "template": "abc"}], 300) == ["abc"] * 300
