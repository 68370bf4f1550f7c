"""API keys: where a request carries one, which keys are valid, and the authorizer's answer.

API Gateway needs key values of 20+ characters, so every key is stored there as API_KEY_VALUE_PREFIX + the key
clients send. The owner of jobs and templates is the key's id, never its value.
"""

from __future__ import annotations

import time
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from synthdata import aws

API_KEY_HEADER = "x-api-key"
API_KEY_QUERY_PARAMETER = "api_key"
API_KEY_VALUE_PREFIX = "synthdata-"
_CACHE_SECONDS = 60.0


@dataclass(frozen=True)
class ApiKey:
    id: str
    value: str  # as stored in API Gateway (prefixed)
    enabled: bool


def presented_key(headers: Mapping[str, str] | None, query: Mapping[str, str] | None) -> str | None:
    """The key a request carries: the X-API-Key header (any case) first, else the api_key query parameter."""
    for name, value in (headers or {}).items():
        if name.lower() == API_KEY_HEADER and value:
            return value.strip()
    from_query = (query or {}).get(API_KEY_QUERY_PARAMETER)
    return from_query.strip() if from_query else None


class ApiKeyDirectory:
    """The usage plan's keys, read from API Gateway and cached briefly (keys change rarely, requests are many)."""

    def __init__(self, usage_plan_id: str, cache_seconds: float = _CACHE_SECONDS) -> None:
        self._usage_plan_id = usage_plan_id
        self._cache_seconds = cache_seconds
        self._keys: dict[str, ApiKey] = {}
        self._loaded_at = float("-inf")

    def find(self, client_key: str) -> ApiKey | None:
        """The enabled key matching what the client sent, or None."""
        stored_value = API_KEY_VALUE_PREFIX + client_key
        if time.monotonic() - self._loaded_at > self._cache_seconds or stored_value not in self._keys:
            self._reload()
        key = self._keys.get(stored_value)
        return key if key is not None and key.enabled else None

    def _reload(self) -> None:
        apigateway = aws.client("apigateway")
        keys: dict[str, ApiKey] = {}
        for page in apigateway.get_paginator("get_usage_plan_keys").paginate(usagePlanId=self._usage_plan_id):
            for item in page.get("items", []):
                keys[item["value"]] = ApiKey(id=item["id"], value=item["value"], enabled=True)
        # Disabled keys stay in the plan; ask for their state so a disabled key is refused at once.
        for page in apigateway.get_paginator("get_api_keys").paginate(includeValues=True):
            for item in page.get("items", []):
                if item.get("value") in keys:
                    keys[item["value"]] = ApiKey(item["id"], item["value"], bool(item.get("enabled", True)))
        self._keys = keys
        self._loaded_at = time.monotonic()


def _method_arn_wildcard(method_arn: str) -> str:
    """arn:...:api-id/stage/VERB/path -> arn:...:api-id/stage/*/* so one answer covers the whole API."""
    arn, _, path = method_arn.partition("/")
    stage = path.split("/", 1)[0] if path else "*"
    return f"{arn}/{stage}/*/*"


def allow(key: ApiKey, method_arn: str) -> dict[str, Any]:
    """The authorizer's Allow answer: usage metered on the key, the owner passed to the API as context."""
    return {
        "principalId": key.id,
        "usageIdentifierKey": key.value,
        "policyDocument": {
            "Version": "2012-10-17",
            "Statement": [
                {
                    "Action": "execute-api:Invoke",
                    "Effect": "Allow",
                    "Resource": _method_arn_wildcard(method_arn),
                }
            ],
        },
        "context": {"owner": key.id},
    }


def deny(method_arn: str) -> dict[str, Any]:
    """The authorizer's Deny answer (API Gateway returns 403 ACCESS_DENIED)."""
    return {
        "principalId": "anonymous",
        "policyDocument": {
            "Version": "2012-10-17",
            "Statement": [{"Action": "execute-api:Invoke", "Effect": "Deny", "Resource": method_arn}],
        },
    }
