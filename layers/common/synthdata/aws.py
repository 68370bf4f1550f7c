"""The one place that creates boto3 clients: once per process, from one session.

boto3 follows AWS_ENDPOINT_URL, so the same code talks to AWS or to the local moto server. Creation is locked:
boto3's sessions are not safe to create clients from concurrently (the local gateway serves requests in threads).
Handlers call `warm` in their init phase, so the first request does not pay ~0.3 s of client creation.
"""

from __future__ import annotations

import threading
from typing import Any

_lock = threading.Lock()
_session: Any = None
_clients: dict[str, Any] = {}
_resources: dict[str, Any] = {}


def _shared_session() -> Any:
    """The process's boto3 session (call with the lock held): a session is costly to build, clients less so."""
    global _session
    if _session is None:
        import boto3

        _session = boto3.session.Session()
    return _session


def client(service: str) -> Any:
    """A shared client for `service` (clients themselves are thread-safe once made)."""
    found = _clients.get(service)
    if found is not None:
        return found
    with _lock:
        if service not in _clients:
            from botocore.config import Config

            config = Config(
                retries={"mode": "standard", "max_attempts": 5},
                signature_version="s3v4" if service == "s3" else None,
            )
            _clients[service] = _shared_session().client(service, config=config)
        return _clients[service]


def resource(service: str) -> Any:
    """A boto3 resource (DynamoDB tables); one per process, made under the same lock."""
    found = _resources.get(service)
    if found is not None:
        return found
    with _lock:
        if service not in _resources:
            _resources[service] = _shared_session().resource(service)
        return _resources[service]


def reset_clients() -> None:
    """Forget cached clients (tests switch endpoints and credentials between cases)."""
    global _session
    with _lock:
        _session = None
        _clients.clear()
        _resources.clear()


def warm(clients: tuple[str, ...] = (), resources: tuple[str, ...] = ()) -> None:
    """Create the clients and resources a handler will use, during its init phase."""
    for service in clients:
        client(service)
    for service in resources:
        resource(service)
