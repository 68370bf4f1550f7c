"""Secrets from AWS Secrets Manager, read once per process (the paging-token signing key)."""

from __future__ import annotations

from functools import lru_cache

from synthdata import aws


@lru_cache(maxsize=4)
def secret_bytes(secret_id: str) -> bytes:
    """The secret's value as bytes; cached for the life of the container (rotation takes effect on new ones)."""
    return str(aws.client("secretsmanager").get_secret_value(SecretId=secret_id)["SecretString"]).encode()
