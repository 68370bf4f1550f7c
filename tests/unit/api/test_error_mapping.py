"""Validation errors become the one error shape: 400 for a body that is not JSON, 422 naming each field."""

from __future__ import annotations

from typing import Any

import pytest
from pydantic import ValidationError

from synthdata.api.errors import from_validation_errors
from synthdata.api.schemas import GenerateRequest, PreviewRequest
from synthdata.errors import BadRequest, ValidationFailed


@pytest.fixture(autouse=True)
def job_limits(monkeypatch: pytest.MonkeyPatch) -> None:
    from synthdata.settings import get_settings

    tables = (
        "JOBS_TABLE",
        "TEMPLATES_TABLE",
        "IDEMPOTENCY_TABLE",
        "DATA_BUCKET",
        "USAGE_TABLE",
        "WEBHOOK_SECRETS_TABLE",
    )
    for name in tables:
        monkeypatch.setenv(name, "x")
    monkeypatch.setenv("WORK_QUEUE_URL", "https://q/work")
    monkeypatch.setenv("EXPRESS_QUEUE_URL", "https://q/express")
    monkeypatch.setenv("FINALIZE_QUEUE_URL", "https://q/finalize")
    monkeypatch.setenv("WEBHOOK_QUEUE_URL", "https://q/webhooks")
    monkeypatch.setenv("MAX_RECORDS", "5000")
    get_settings.cache_clear()


def problems(model: Any, body: dict[str, Any]) -> dict[str, str]:
    with pytest.raises(ValidationError) as caught:
        model.model_validate(body)
    error = from_validation_errors(list(caught.value.errors()))
    assert isinstance(error, ValidationFailed) and error.status_code == 422
    return {p.field: p.message for p in error.details}


def test_a_body_that_is_not_json_is_a_400() -> None:
    error = from_validation_errors([{"type": "json_invalid", "loc": ("body",), "msg": "x"}])
    assert isinstance(error, BadRequest) and error.body("r")["error"]["code"] == "bad_request"


@pytest.mark.parametrize(
    ("body", "field", "sentence"),
    [
        ({"data_type": "user"}, "record_count", "record_count is required"),
        ({"data_type": "planet", "record_count": 100}, "data_type", "data_type must be one of"),
        (
            {"data_type": "user", "record_count": "many"},
            "record_count",
            "record_count must be a whole number",
        ),
        (
            {"data_type": "user", "record_count": 100, "colour": 1},
            "colour",
            "colour is not a recognised field",
        ),
        ({"data_type": "user", "record_count": 100, "seed": -1}, "seed", "seed must be at least 0"),
        ({"record_count": 100}, "data_type", "give exactly one of data_type or template_id"),
    ],
)
def test_each_problem_is_one_sentence_naming_its_field(
    body: dict[str, Any], field: str, sentence: str
) -> None:
    found = problems(GenerateRequest, body)
    assert found[field].startswith(sentence), found


def test_record_count_bounds_are_read_from_the_settings_when_validating() -> None:
    assert problems(GenerateRequest, {"data_type": "user", "record_count": 6000}) == {
        "record_count": "record_count must be between 100 and 5000"
    }
    schema = GenerateRequest.model_json_schema()["properties"]["record_count"]
    assert (schema["minimum"], schema["maximum"]) == (100, 5000)


def test_the_preview_states_its_own_range() -> None:
    assert problems(PreviewRequest, {"data_type": "user", "record_count": 101}) == {
        "record_count": "record_count must be at most 100"
    }


def test_a_number_with_a_zero_fraction_is_read_as_the_integer_json_schema_says_it_is() -> None:
    from synthdata.api.http import read_json

    body = read_json('{"record_count": 5000.0, "seed": 7e1, "rate": 0.5, "values": [1.0, 1.5, -0.0]}')
    assert body == {"record_count": 5000, "seed": 70, "rate": 0.5, "values": [1, 1.5, 0]}
    assert isinstance(body["record_count"], int) and isinstance(body["rate"], float)
