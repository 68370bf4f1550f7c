"""Paging tokens: a store cursor bound to the owner that received it, signed so that no client can forge or
alter one (HMAC-SHA256 with a key only the API holds). Only a token this API issued reaches the store."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from typing import Any

from synthdata.errors import NotFound

# The token's format is in the API's schema (TOKEN_PATTERN); a well-formed token this API did not give this key
# points at no page of the key's jobs: 404, as for another key's job.
TOKEN_PATTERN = r"^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+$"  # noqa: S105 - a format, not a secret
_UNKNOWN = "next_token is not a token this API gave your key; pass one from a previous page"


def _b64(data: bytes) -> str:
    return base64.urlsafe_b64encode(data).decode().rstrip("=")


def _unb64(text: str) -> bytes:
    return base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))


def _signature(key: bytes, payload: bytes) -> bytes:
    return hmac.new(key, payload, hashlib.sha256).digest()


def encode_token(cursor: dict[str, Any], owner: str, key: bytes) -> str:
    payload = json.dumps({"k": cursor, "o": owner}, separators=(",", ":"), sort_keys=True).encode()
    return f"{_b64(payload)}.{_b64(_signature(key, payload))}"


def decode_token(token: str, owner: str, key: bytes) -> dict[str, Any]:
    """The cursor, only if this API signed it for this owner; NotFound (404) for anything else."""
    try:
        payload_text, signature_text = token.split(".")
        payload, signature = _unb64(payload_text), _unb64(signature_text)
    except ValueError:
        raise NotFound(_UNKNOWN) from None
    if not hmac.compare_digest(signature, _signature(key, payload)):
        raise NotFound(_UNKNOWN)
    data = json.loads(payload)
    if data.get("o") != owner or not isinstance(data.get("k"), dict):
        raise NotFound(_UNKNOWN)
    cursor: dict[str, Any] = data["k"]
    return cursor
