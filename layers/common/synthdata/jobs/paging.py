"""Paging tokens: a store cursor bound to the owner that received it, signed so that no client can forge or
alter one (HMAC-SHA256 with a key only the API holds). Only a token this API issued reaches the store."""

from __future__ import annotations

import base64
import hashlib
import hmac
import json
from typing import Any

from synthdata.errors import ValidationFailed

_INVALID = "next_token is not a token this API returned"


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
    """The cursor, only if this API signed it for this owner; ValidationFailed (422) for anything else."""
    try:
        payload_text, signature_text = token.split(".")
        payload, signature = _unb64(payload_text), _unb64(signature_text)
    except ValueError:
        raise ValidationFailed.one("next_token", _INVALID) from None
    if not hmac.compare_digest(signature, _signature(key, payload)):
        raise ValidationFailed.one("next_token", _INVALID)
    data = json.loads(payload)
    if data.get("o") != owner or not isinstance(data.get("k"), dict):
        raise ValidationFailed.one("next_token", _INVALID)
    cursor: dict[str, Any] = data["k"]
    return cursor
