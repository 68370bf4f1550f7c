"""Matrix 1: malformed input on generate, preview, templates and list never reaches a 5xx, and no value of the
wrong JSON type is taken by coercion (a string for a number, a number for a boolean): 400 or 422, one shape."""

from __future__ import annotations

import json
from typing import Any

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.conftest import Figure
from tests.integration.api.conftest import Api

GENERATE = {"data_type": "user", "record_count": 1000, "output_format": "csv"}
PREVIEW = {"data_type": "user", "record_count": 5}
TEMPLATE_FIELD = {"name": "a", "field_type": "word"}
TEMPLATE = {"name": "t", "description": "d", "schema_fields": [TEMPLATE_FIELD]}
# null is a valid value of the optional fields (seed, template_id, compression): it is wrong only where asked.
WRONG_FOR_INTEGER = ["100", "1000", True, False, [], {}, "", 1.5, "1e3"]
WRONG_FOR_TEXT = [1, 0, True, [], {}, 1.5]
WRONG_FOR_BOOLEAN = [0, 1, "true", "false", None, [], 1.0]
NOT_NULLABLE = ("record_count", "output_format", "locale", "options")
RAW_BODIES = [
    "[" * 50_000 + "]" * 50_000,  # nesting deeper than Python's parser goes
    '{"data_type": "user", "record_count": ' + "9" * 5_000 + "}",  # more digits than Python converts
    '{"data_type": "user", "record_count": 1e400}',
    '{"data_type": "user", "record_count": NaN}',
    "",
    "null",
    "[]",
    "1",
    '"user"',
    "{",
    '{"data_type": "user", "record_count": 1000, "record_count": "1000"}',
]

JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=20),
    lambda children: st.lists(children, max_size=4)
    | st.dictionaries(st.text(max_size=8), children, max_size=4),
    max_leaves=12,
)


def _typed_mutations() -> list[tuple[str, dict[str, Any]]]:
    """(path, body) with one field of a valid body given a value of the wrong JSON type."""
    cases: list[tuple[str, dict[str, Any]]] = []
    for path, base in (("/api/generate", GENERATE), ("/api/preview", PREVIEW)):
        for field in ("record_count", "seed"):
            cases += [(path, {**base, field: value}) for value in WRONG_FOR_INTEGER]
        for field in ("data_type", "output_format", "locale", "compression", "template_id"):
            cases += [(path, {**base, field: value}) for value in WRONG_FOR_TEXT]
        cases += [(path, {**base, field: None}) for field in NOT_NULLABLE]
        cases += [(path, {**base, "options": {"realistic_email_domains": v}}) for v in WRONG_FOR_BOOLEAN]
    cases += [("/api/templates", {**TEMPLATE, "name": v}) for v in WRONG_FOR_TEXT]
    cases += [
        ("/api/templates", {**TEMPLATE, "schema_fields": [{**TEMPLATE_FIELD, "nullable": v}]})
        for v in WRONG_FOR_BOOLEAN
    ]
    integer = {"name": "n", "field_type": "integer"}
    cases += [
        ("/api/templates", {**TEMPLATE, "schema_fields": [{**integer, "min": v}]}) for v in WRONG_FOR_INTEGER
    ]
    return cases


def test_wrong_types_and_broken_bodies_get_4xx_never_5xx_never_coerced(api: Api, figure: Figure) -> None:
    tried = server_errors = coerced = 0
    for path, body in _typed_mutations():
        reply = api.call(
            "POST", path, raw_body=json.dumps(body), headers={"Content-Type": "application/json"}
        )
        tried += 1
        server_errors += reply.status >= 500
        coerced += reply.status not in (400, 422)
        assert reply.status in (400, 422), (path, body, reply.status, reply.text)
        assert set(reply.json()) == {"error", "request_id"}
    for path in ("/api/generate", "/api/preview", "/api/templates"):
        for raw in RAW_BODIES:
            reply = api.call("POST", path, raw_body=raw, headers={"Content-Type": "application/json"})
            tried += 1
            server_errors += reply.status >= 500
            assert reply.status in (400, 422), (path, raw[:60], reply.status, reply.text[:200])
    for query in (
        {"page": "1.5"},
        {"page": "abc"},
        {"page": "0"},
        {"page": "10001"},
        {"page_size": "101"},
        {"page_size": "1e3"},
        {"status": "nope"},
        {"next_token": "eyJrIjogeyJqb2JfaWQiOiAxLjVlMzAwfSwgIm8iOiAia2V5LW93bmVyLWEifQ"},
        {"next_token": "x" * 5000},
    ):
        reply = api.call("GET", "/api/jobs", query=query)
        tried += 1
        server_errors += reply.status >= 500
        assert reply.status == 422, (query, reply.status, reply.text)
    figure("1 malformed input", f"{tried} tried, {server_errors} 5xx, {coerced} accepted by coercion")


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(path=st.sampled_from(["/api/generate", "/api/preview", "/api/templates"]), body=JSON_VALUES)
def test_any_json_body_gets_an_answer_below_500(api: Api, path: str, body: Any) -> None:
    reply = api.call("POST", path, raw_body=json.dumps(body), headers={"Content-Type": "application/json"})
    assert reply.status < 500, (path, body, reply.text)


@settings(max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(field=st.sampled_from([*sorted(GENERATE), "seed", "locale", "options"]), value=JSON_VALUES)
def test_any_value_in_any_field_gets_an_answer_below_500(api: Api, field: str, value: Any) -> None:
    reply = api.call("POST", "/api/preview", {**PREVIEW, field: value})
    assert reply.status < 500, (field, value, reply.text)
