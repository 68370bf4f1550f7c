"""The usage plan's API keys, read from API Gateway's management API (the authorizer's key loader).

Least privilege: only the plan's own keys are read (GET /usageplans/{id}/keys), never the account's key list.
A disabled key is still listed in its plan; API Gateway itself refuses it (the key source is AUTHORIZER and
every method requires a key), and the local gateway does the same check.
"""

from __future__ import annotations

from synthdata import aws
from synthdata.auth import ApiKey, KeyLoader
from synthdata.settings import SettingsError


def usage_plan_id(plan_name: str) -> str:
    """The id of the one usage plan with this name (the template names it after the stack)."""
    apigateway = aws.client("apigateway")
    ids = [
        plan["id"]
        for page in apigateway.get_paginator("get_usage_plans").paginate()
        for plan in page.get("items", [])
        if plan.get("name") == plan_name
    ]
    if len(ids) != 1:
        raise SettingsError(f"expected one usage plan named {plan_name!r}, found {len(ids)}")
    return str(ids[0])


def usage_plan_keys(plan_name: str) -> KeyLoader:
    """A loader of the plan's keys by stored value; the plan's id is looked up once, on the first load."""
    found: list[str] = []

    def load() -> dict[str, ApiKey]:
        if not found:
            found.append(usage_plan_id(plan_name))
        apigateway = aws.client("apigateway")
        keys: dict[str, ApiKey] = {}
        for page in apigateway.get_paginator("get_usage_plan_keys").paginate(usagePlanId=found[0]):
            for item in page.get("items", []):
                keys[item["value"]] = ApiKey(id=item["id"], value=item["value"], enabled=True)
        return keys

    return load
