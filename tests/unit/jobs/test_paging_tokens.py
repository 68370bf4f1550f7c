"""Paging tokens are signed: only a token this API issued, to this owner, reaches the store."""

from __future__ import annotations

import base64
import json

import pytest

from synthdata.errors import NotFound
from synthdata.jobs.paging import decode_token, encode_token

KEY = b"k" * 32
CURSOR = {
    "job_id": "00000000-0000-4000-8000-000000000001",
    "owner": "a",
    "created_at": "2026-11-26T10:00:00.000Z",
}


def _forge(payload: dict[str, object], signature: str) -> str:
    return base64.urlsafe_b64encode(json.dumps(payload).encode()).decode().rstrip("=") + "." + signature


def test_a_token_round_trips_for_its_owner() -> None:
    assert decode_token(encode_token(CURSOR, "a", KEY), "a", KEY) == CURSOR


@pytest.mark.parametrize(
    "token",
    [
        encode_token(CURSOR, "a", b"another key"),  # signed by someone else
        _forge({"k": {"job_id": 1.5e300}, "o": "a"}, "AAAA"),  # the float that used to reach DynamoDB
        encode_token(CURSOR, "a", KEY)[:-2] + "xx",  # altered signature
        "not-a-token",
        "",
        "a.b.c",
    ],
)
def test_forged_altered_or_foreign_tokens_point_at_no_page(token: str) -> None:
    with pytest.raises(NotFound, match="next_token"):
        decode_token(token, "a", KEY)


def test_another_owners_token_points_at_no_page_even_when_signed() -> None:
    with pytest.raises(NotFound):
        decode_token(encode_token(CURSOR, "a", KEY), "b", KEY)
