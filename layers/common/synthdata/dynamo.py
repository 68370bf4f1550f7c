"""DynamoDB's number type both ways: floats become Decimals on the way in, Decimals plain numbers on the way out."""

from __future__ import annotations

from decimal import Decimal
from typing import Any

# DynamoDB numbers reach down to 1e-130 in magnitude: a float nearer 0 than that is stored as 0, the nearest
# number DynamoDB has (boto3 would otherwise fail on it with decimal.Underflow).
SMALLEST_NUMBER = 1e-130


def to_dynamo(value: Any) -> Any:
    if isinstance(value, float):
        return Decimal(0) if abs(value) < SMALLEST_NUMBER else Decimal(str(value))
    if isinstance(value, list):
        return [to_dynamo(v) for v in value]
    if isinstance(value, dict):
        return {k: to_dynamo(v) for k, v in value.items()}
    return value


def from_dynamo(value: Any) -> Any:
    if isinstance(value, Decimal):
        return int(value) if value == value.to_integral_value() else float(value)
    if isinstance(value, list):
        return [from_dynamo(v) for v in value]
    if isinstance(value, dict):
        return {k: from_dynamo(v) for k, v in value.items()}
    return value
