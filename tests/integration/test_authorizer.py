"""The authorizer accepts the key in the header or the query string, and tells missing from wrong keys."""

from __future__ import annotations

import copy
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from local.resources import LocalResources
from tests.conftest import DEV_API_KEY, OTHER_API_KEY, json_object, load_handler

EVENTS = Path(__file__).resolve().parents[2] / "events"


class Context:
    function_name = "AuthorizerFunction"
    memory_limit_in_mb = 256
    invoked_function_arn = "arn:aws:lambda:us-east-1:123456789012:function:AuthorizerFunction"
    aws_request_id = "req-1"


def _event(name: str) -> dict[str, Any]:
    return json_object((EVENTS / name).read_text())


@pytest.fixture
def authorizer(aws_resources: LocalResources) -> ModuleType:
    return load_handler("authorizer")


def test_header_key_is_allowed_with_usage_identifier(
    authorizer: ModuleType, aws_resources: LocalResources
) -> None:
    answer = authorizer.handler(_event("authorizer_header_key.json"), Context())
    statement = answer["policyDocument"]["Statement"][0]
    assert statement["Effect"] == "Allow"
    assert statement["Resource"] == "arn:aws:execute-api:us-east-1:123456789012:abc123/dev/*/*"
    assert answer["usageIdentifierKey"] == "synthdata-" + DEV_API_KEY
    assert answer["principalId"] == aws_resources.api_keys["synthdata-" + DEV_API_KEY]
    assert answer["context"]["owner"] == answer["principalId"]
    assert DEV_API_KEY not in answer["principalId"]


def test_query_key_is_allowed(authorizer: ModuleType) -> None:
    answer = authorizer.handler(_event("authorizer_query_key.json"), Context())
    assert answer["policyDocument"]["Statement"][0]["Effect"] == "Allow"


def test_two_keys_are_two_owners(authorizer: ModuleType) -> None:
    event = _event("authorizer_header_key.json")
    other = copy.deepcopy(event)
    other["headers"] = {"x-api-key": OTHER_API_KEY}
    assert (
        authorizer.handler(event, Context())["principalId"]
        != authorizer.handler(other, Context())["principalId"]
    )


def test_missing_key_is_unauthorized(authorizer: ModuleType) -> None:
    event = _event("authorizer_header_key.json")
    event["headers"] = {"Accept": "*/*"}
    with pytest.raises(Exception, match=r"^Unauthorized$"):
        authorizer.handler(event, Context())


def test_wrong_key_is_denied(authorizer: ModuleType) -> None:
    event = _event("authorizer_header_key.json")
    event["headers"]["X-API-Key"] = "not-a-key-at-all"
    assert authorizer.handler(event, Context())["policyDocument"]["Statement"][0]["Effect"] == "Deny"


def test_the_authorizer_reads_only_its_usage_plan_and_never_for_an_unknown_key(
    authorizer: ModuleType,
) -> None:
    from synthdata import aws

    calls: list[str] = []
    aws.client("apigateway").meta.events.register(
        "before-call.api-gateway", lambda model, **_: calls.append(model.name)
    )
    event = _event("authorizer_header_key.json")
    assert authorizer.handler(event, Context())["policyDocument"]["Statement"][0]["Effect"] == "Allow"
    for n in range(200):
        event["headers"]["X-API-Key"] = f"invented-key-{n:08d}"
        assert authorizer.handler(event, Context())["policyDocument"]["Statement"][0]["Effect"] == "Deny"
    assert sorted(set(calls)) == ["GetUsagePlanKeys", "GetUsagePlans"] and len(calls) == 2
