"""Matrix 4: a client cycling through invented keys cannot spend API Gateway's management-call budget: 1,000
distinct invalid keys cause at most one key reload per cache period, and valid keys are served throughout."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from local.resources import LocalResources
from synthdata import aws
from tests.conftest import DEV_API_KEY, OTHER_API_KEY, Figure, load_handler

EVENT = json.loads(
    (Path(__file__).resolve().parents[3] / "events" / "authorizer_header_key.json").read_text()
)


class Context:
    function_name = "AuthorizerFunction"
    memory_limit_in_mb = 256
    invoked_function_arn = "arn:aws:lambda:us-east-1:123456789012:function:AuthorizerFunction"
    aws_request_id = "req"


def _effect(authorizer: Any, key: str) -> str:
    event = {**EVENT, "headers": {"X-API-Key": key}}
    return str(authorizer.handler(event, Context())["policyDocument"]["Statement"][0]["Effect"])


def test_a_thousand_invented_keys_cost_one_reload_and_valid_keys_keep_working(
    aws_resources: LocalResources, figure: Figure
) -> None:
    authorizer = load_handler("authorizer")
    management_calls: list[str] = []
    aws.client("apigateway").meta.events.register(
        "before-call.api-gateway", lambda model, **_: management_calls.append(model.name)
    )
    valid_served = valid_asked = 0
    for n in range(1000):
        assert _effect(authorizer, f"invented-key-{n:06d}-xyz") == "Deny"
        if n % 10 == 0:
            for key in (DEV_API_KEY, OTHER_API_KEY):
                valid_asked += 1
                valid_served += _effect(authorizer, key) == "Allow"
    reloads = management_calls.count("GetUsagePlanKeys")
    assert reloads <= 1 and valid_served == valid_asked
    figure(
        "4 authorizer enumeration",
        f"1000 invalid keys -> {reloads} key reload(s), {len(management_calls)} management calls in all; "
        f"valid keys served {valid_served}/{valid_asked}",
    )
