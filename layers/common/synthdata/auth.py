"""API keys: where a request carries one, which keys are valid, and the authorizer's answer.

API Gateway needs key values of 20+ characters, so every key is stored there as API_KEY_VALUE_PREFIX + the key
clients send. The owner of jobs and templates is the key's id, never its value.

The key list comes from API Gateway's management API, whose small account-wide rate limit every caller shares:
it is read at most once per `reload_seconds` per container, one reload at a time, and never because of a key
it does not know (an unknown key is simply refused until the next periodic reload), so a flood of invented keys
cannot spend that budget and lock valid keys out.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from typing import Any

API_KEY_HEADER = "x-api-key"
API_KEY_QUERY_PARAMETER = "api_key"
API_KEY_VALUE_PREFIX = "synthdata-"
KEY_RELOAD_SECONDS = 60.0
RETRY_AFTER_FAILED_RELOAD_SECONDS = 5.0


@dataclass(frozen=True)
class ApiKey:
    id: str
    value: str  # as stored in API Gateway (prefixed)
    enabled: bool


KeyLoader = Callable[[], dict[str, ApiKey]]  # stored value -> key


def presented_key(headers: Mapping[str, str] | None, query: Mapping[str, str] | None) -> str | None:
    """The key a request carries: the X-API-Key header (any case) first, else the api_key query parameter."""
    for name, value in (headers or {}).items():
        if name.lower() == API_KEY_HEADER and value:
            return value.strip()
    from_query = (query or {}).get(API_KEY_QUERY_PARAMETER)
    return from_query.strip() if from_query else None


class ApiKeyDirectory:
    """The valid keys, reloaded at most once per period (single flight); misses never trigger a reload."""

    def __init__(
        self,
        load: KeyLoader,
        *,
        reload_seconds: float = KEY_RELOAD_SECONDS,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self._load = load
        self._reload_seconds = reload_seconds
        self._clock = clock
        self._keys: dict[str, ApiKey] | None = None
        self._next_reload = float("-inf")
        self._reloading = threading.Lock()
        self.reloads = 0

    def find(self, client_key: str) -> ApiKey | None:
        """The enabled key matching what the client sent, or None."""
        if self._clock() >= self._next_reload:
            self._reload()
        key = (self._keys or {}).get(API_KEY_VALUE_PREFIX + client_key)
        return key if key is not None and key.enabled else None

    def _reload(self) -> None:
        # Single flight: while one caller reloads, the others answer from the keys they have (if any).
        if not self._reloading.acquire(blocking=self._keys is None):
            return
        try:
            if self._clock() < self._next_reload:
                return  # another caller reloaded while this one waited
            self.reloads += 1
            try:
                self._keys = self._load()
            except Exception:
                if self._keys is None:
                    raise  # nothing to answer from: the authorizer fails and API Gateway answers 500
                # Keep serving the keys already known; try again soon, not on every request.
                self._next_reload = self._clock() + RETRY_AFTER_FAILED_RELOAD_SECONDS
                return
            self._next_reload = self._clock() + self._reload_seconds
        finally:
            self._reloading.release()


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
