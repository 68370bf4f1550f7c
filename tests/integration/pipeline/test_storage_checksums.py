"""What the storage module sends to S3 and reads back about checksums (moto, with the SDK's real requests)."""

from __future__ import annotations

import base64
import hashlib
from typing import Any

from local.resources import LocalResources
from synthdata import aws
from synthdata.adapters.s3_objects import S3ObjectStore
from synthdata.settings import get_settings


def _sent_headers(operation: str) -> list[dict[str, str]]:
    """Collect the HTTP headers of every `operation` request the shared S3 client sends from now on."""
    seen: list[dict[str, str]] = []

    def capture(request: Any, **_: Any) -> None:
        seen.append(
            {k.lower(): v.decode() if isinstance(v, bytes) else v for k, v in request.headers.items()}
        )

    aws.client("s3").meta.events.register(f"before-send.s3.{operation}", capture)
    return seen


def test_parts_carry_their_sha256_and_completion_is_verifiable(aws_resources: LocalResources) -> None:
    storage = S3ObjectStore(get_settings().data_bucket)
    upload_id = storage.start_upload(
        "jobs/x/user-1.csv", content_type="text/csv", content_encoding=None, filename="user-1.csv"
    )
    sent = _sent_headers("UploadPart")
    first, second = b"a" * (5 * 1024 * 1024), b"b,c\n" * 10
    storage.upload_part("jobs/x/user-1.csv", upload_id, 1, first)
    storage.upload_part("jobs/x/user-1.csv", upload_id, 2, second)

    # Real S3 refuses a part whose checksum algorithm differs from the upload's (SHA256): the SDK must send a
    # SHA-256 (as a header, or as a trailer of the chunked body), never its default CRC32.
    assert len(sent) == 2
    for headers in sent:
        assert headers["x-amz-sdk-checksum-algorithm"] == "SHA256"
        assert "x-amz-checksum-sha256" in headers or headers.get("x-amz-trailer") == "x-amz-checksum-sha256"
    expected = [base64.b64encode(hashlib.sha256(body).digest()).decode() for body in (first, second)]

    parts = storage.list_parts("jobs/x/user-1.csv", upload_id)
    storage.complete_upload("jobs/x/user-1.csv", upload_id, parts)
    checksum = storage.object_checksum("jobs/x/user-1.csv")
    composite = hashlib.sha256(b"".join(base64.b64decode(value) for value in expected)).digest()
    assert (checksum.algorithm, checksum.kind) == ("SHA256", "COMPOSITE")
    assert checksum.value.split("-")[0] == base64.b64encode(composite).decode()


def test_an_object_without_an_s3_sha256_is_hashed_in_full(aws_resources: LocalResources) -> None:
    bucket = get_settings().data_bucket
    body = b"id,name\n1,x\n" * 1000
    aws.client("s3").put_object(Bucket=bucket, Key="jobs/y/plain.csv", Body=body)  # the SDK's default CRC32
    checksum = S3ObjectStore(bucket).object_checksum("jobs/y/plain.csv")
    assert (checksum.algorithm, checksum.kind) == ("SHA256", "FULL_OBJECT")
    assert checksum.value == base64.b64encode(hashlib.sha256(body).digest()).decode()
