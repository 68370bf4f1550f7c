"""How a webhook is signed, as Stripe does it: `Synthdata-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256>`, the
HMAC over "<t>.<body>" under the key's webhook secret. The timestamp is signed with the body, so a receiver that
refuses signatures older than TOLERANCE_SECONDS is safe from replays of captured deliveries."""

from __future__ import annotations

import hashlib
import hmac
import secrets

SIGNATURE_HEADER = "Synthdata-Signature"
EVENT_HEADER = "Synthdata-Event-Id"  # the same on every attempt of one event: receivers deduplicate on it
TOLERANCE_SECONDS = 300  # receivers should refuse a timestamp further than this from their clock
SECRET_PREFIX = "whsec_"  # noqa: S105 - a label, not a secret


def new_secret() -> str:
    """A fresh webhook secret: 256 random bits, prefixed so it is recognisable in a config file."""
    return SECRET_PREFIX + secrets.token_hex(32)


def signature(secret: str, body: bytes, timestamp: int) -> str:
    """The hex HMAC-SHA256 of "<timestamp>.<body>" under `secret`."""
    signed = str(timestamp).encode() + b"." + body
    return hmac.new(secret.encode(), signed, hashlib.sha256).hexdigest()


def signature_header(secret: str, body: bytes, timestamp: int) -> str:
    """The Synthdata-Signature header value for this body at this time."""
    return f"t={timestamp},v1={signature(secret, body, timestamp)}"


def verify(secret: str, body: bytes, header: str, *, now: int, tolerance: int = TOLERANCE_SECONDS) -> bool:
    """What a receiver does (README has the same in a few lines): parse t and every v1, refuse a timestamp
    outside the tolerance, compare in constant time."""
    items = [part.split("=", 1) for part in header.split(",") if "=" in part]
    stamps = [value for key, value in items if key.strip() == "t"]
    candidates = [value.strip() for key, value in items if key.strip() == "v1"]
    if len(stamps) != 1 or not stamps[0].strip().isdigit() or not candidates:
        return False
    timestamp = int(stamps[0])
    if abs(now - timestamp) > tolerance:
        return False
    expected = signature(secret, body, timestamp)
    return any(hmac.compare_digest(expected, candidate) for candidate in candidates)
