"""The usage plan's API keys, read from API Gateway's management API (the authorizer's key loader)."""

from __future__ import annotations

from synthdata import aws
from synthdata.auth import ApiKey, KeyLoader


def usage_plan_keys(usage_plan_id: str) -> KeyLoader:
    """A loader of the plan's keys by stored value, with each key's enabled state."""

    def load() -> dict[str, ApiKey]:
        apigateway = aws.client("apigateway")
        keys: dict[str, ApiKey] = {}
        for page in apigateway.get_paginator("get_usage_plan_keys").paginate(usagePlanId=usage_plan_id):
            for item in page.get("items", []):
                keys[item["value"]] = ApiKey(id=item["id"], value=item["value"], enabled=True)
        # Disabled keys stay in the plan; ask for their state so a disabled key is refused at once.
        for page in apigateway.get_paginator("get_api_keys").paginate(includeValues=True):
            for item in page.get("items", []):
                if item.get("value") in keys:
                    keys[item["value"]] = ApiKey(item["id"], item["value"], bool(item.get("enabled", True)))
        return keys

    return load
