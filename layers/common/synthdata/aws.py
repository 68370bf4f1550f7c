"""The one place that creates boto3 clients: lazily (boto3 costs ~0.3 s of cold start) and once per process.

boto3 follows AWS_ENDPOINT_URL, so the same code talks to AWS or to the local moto server. Creation is locked:
boto3's sessions are not safe to create clients from concurrently (the local gateway serves requests in threads).
"""

from __future__ import annotations

import threading
from typing import Any

_lock = threading.Lock()
_clients: dict[str, Any] = {}
_resources: dict[str, Any] = {}


def client(service: str) -> Any:
    """A shared client for `service` (clients themselves are thread-safe once made)."""
    found = _clients.get(service)
    if found is not None:
        return found
    with _lock:
        if service not in _clients:
            import boto3
            from botocore.config import Config

            config = Config(
                retries={"mode": "standard", "max_attempts": 5},
                signature_version="s3v4" if service == "s3" else None,
            )
            _clients[service] = boto3.session.Session().client(service, config=config)  # type: ignore[call-overload]
        return _clients[service]


def resource(service: str) -> Any:
    """A boto3 resource (DynamoDB tables); one per process, made under the same lock."""
    found = _resources.get(service)
    if found is not None:
        return found
    with _lock:
        if service not in _resources:
            import boto3

            _resources[service] = boto3.session.Session().resource(service)  # type: ignore[call-overload]
        return _resources[service]


def reset_clients() -> None:
    """Forget cached clients (tests switch endpoints and credentials between cases)."""
    with _lock:
        _clients.clear()
        _resources.clear()
