"""The one place that creates boto3 clients: lazily (boto3 costs ~0.3 s of cold start) and once per process.

boto3 follows AWS_ENDPOINT_URL, so the same code talks to AWS or to the local moto server.
"""

from __future__ import annotations

from functools import cache
from typing import Any


@cache
def client(service: str) -> Any:
    import boto3
    from botocore.config import Config

    config = Config(
        retries={"mode": "standard", "max_attempts": 5}, signature_version="s3v4" if service == "s3" else None
    )
    return boto3.client(service, config=config)  # type: ignore[call-overload]


@cache
def resource(service: str) -> Any:
    import boto3

    return boto3.resource(service)  # type: ignore[call-overload]


def reset_clients() -> None:
    """Forget cached clients (tests switch endpoints and credentials between cases)."""
    client.cache_clear()
    resource.cache_clear()
