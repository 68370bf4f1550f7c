"""Paging tokens: a store cursor bound to the owner that received it, opaque to clients."""

from __future__ import annotations

import base64
import json
from typing import Any

from synthdata.errors import ValidationFailed

_INVALID = "next_token is not a token this API returned"


def encode_token(cursor: dict[str, Any], owner: str) -> str:
    return base64.urlsafe_b64encode(json.dumps({"k": cursor, "o": owner}, default=str).encode()).decode()


def decode_token(token: str, owner: str) -> dict[str, Any]:
    """The cursor, only if this owner received it (a token cannot page through another key's jobs)."""
    try:
        data = json.loads(base64.urlsafe_b64decode(token.encode()))
    except (ValueError, TypeError):
        raise ValidationFailed.one("next_token", _INVALID) from None
    if not isinstance(data, dict) or data.get("o") != owner or not isinstance(data.get("k"), dict):
        raise ValidationFailed.one("next_token", _INVALID)
    cursor: dict[str, Any] = data["k"]
    return cursor
