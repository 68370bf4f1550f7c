"""The one place that talks to S3: multipart uploads of job files, manifests, presigned downloads."""

from __future__ import annotations

import base64
import hashlib
import json
from dataclasses import dataclass
from typing import Any

from botocore.exceptions import ClientError

from synthdata import aws

_READ_CHUNK = 8 * 1024 * 1024


class UploadGone(Exception):
    """The multipart upload no longer exists (completed or aborted)."""


@dataclass(frozen=True)
class Part:
    number: int
    etag: str
    size: int
    checksum_sha256: str | None = None  # S3 verified the part against it on upload


@dataclass(frozen=True)
class Checksum:
    """How to verify a stored file: S3's composite SHA-256 (over the parts' digests) or a full-object one."""

    algorithm: str
    kind: str  # "COMPOSITE" or "FULL_OBJECT"
    value: str  # base64, as S3 writes it


def _error_code(error: ClientError) -> str:
    return str(error.response.get("Error", {}).get("Code", ""))


def _s3() -> Any:
    return aws.client("s3")


def start_upload(
    bucket: str, key: str, *, content_type: str, content_encoding: str | None, filename: str
) -> str:
    """Create the job's multipart upload; returns its id."""
    extra: dict[str, Any] = {
        # Each part carries its SHA-256, which S3 verifies on upload; the object gets a composite checksum.
        "ChecksumAlgorithm": "SHA256",
        "ContentType": content_type,
        "ContentDisposition": f'attachment; filename="{filename}"',
        "ServerSideEncryption": "AES256",
    }
    if content_encoding:
        extra["ContentEncoding"] = content_encoding
    return str(_s3().create_multipart_upload(Bucket=bucket, Key=key, **extra)["UploadId"])


def upload_part(bucket: str, key: str, upload_id: str, part_number: int, body: bytes) -> str:
    """Upload (or re-upload: same bytes, same ETag) one part; returns its ETag."""
    try:
        # The SDK sends the part's SHA-256 and S3 checks it: the upload declared SHA256, so S3 refuses parts
        # carrying any other algorithm (the SDK's default is CRC32).
        answer = _s3().upload_part(
            Bucket=bucket,
            Key=key,
            UploadId=upload_id,
            PartNumber=part_number,
            Body=body,
            ChecksumAlgorithm="SHA256",
        )
    except ClientError as error:
        if _error_code(error) == "NoSuchUpload":
            raise UploadGone(key) from error
        raise
    return str(answer["ETag"])


def list_parts(bucket: str, key: str, upload_id: str) -> list[Part]:
    """Every uploaded part, sorted by part number."""
    parts: list[Part] = []
    try:
        for page in _s3().get_paginator("list_parts").paginate(Bucket=bucket, Key=key, UploadId=upload_id):
            parts.extend(
                Part(int(p["PartNumber"]), str(p["ETag"]), int(p["Size"]), p.get("ChecksumSHA256"))
                for p in page.get("Parts", [])
            )
    except ClientError as error:
        if _error_code(error) == "NoSuchUpload":
            raise UploadGone(key) from error
        raise
    return sorted(parts, key=lambda p: p.number)


def complete_upload(bucket: str, key: str, upload_id: str, parts: list[Part]) -> None:
    """Assemble the parts, sorted by number (S3 refuses any other order with InvalidPartOrder)."""
    ordered: list[dict[str, Any]] = []
    for part in sorted(parts, key=lambda p: p.number):
        entry: dict[str, Any] = {"PartNumber": part.number, "ETag": part.etag}
        if part.checksum_sha256:  # S3 requires each part's checksum when the upload declared an algorithm
            entry["ChecksumSHA256"] = part.checksum_sha256
        ordered.append(entry)
    try:
        _s3().complete_multipart_upload(
            Bucket=bucket, Key=key, UploadId=upload_id, MultipartUpload={"Parts": ordered}
        )
    except ClientError as error:
        if _error_code(error) == "NoSuchUpload":
            raise UploadGone(key) from error
        raise


def abort_upload(bucket: str, key: str, upload_id: str) -> None:
    """Abort an upload so none of its parts can become a file; an upload already gone is fine."""
    if not upload_id:
        return
    try:
        _s3().abort_multipart_upload(Bucket=bucket, Key=key, UploadId=upload_id)
    except ClientError as error:
        if _error_code(error) not in ("NoSuchUpload", "404"):
            raise


def object_size(bucket: str, key: str) -> int | None:
    """The object's size, or None when it does not exist."""
    try:
        return int(_s3().head_object(Bucket=bucket, Key=key)["ContentLength"])
    except ClientError as error:
        if _error_code(error) in ("404", "NoSuchKey", "NotFound"):
            return None
        raise


def object_checksum(bucket: str, key: str) -> Checksum:
    """The file's checksum without reading it: S3 computed a composite SHA-256 when the upload completed.

    Only when S3 reports none (an object not written by our multipart upload) is the file read and hashed.
    """
    answer = _s3().head_object(Bucket=bucket, Key=key, ChecksumMode="ENABLED")
    value = answer.get("ChecksumSHA256")
    if value:
        return Checksum("SHA256", str(answer.get("ChecksumType") or "COMPOSITE"), str(value))
    return Checksum("SHA256", "FULL_OBJECT", base64.b64encode(_sha256_of(bucket, key)).decode())


def delete_object(bucket: str, key: str) -> None:
    _s3().delete_object(Bucket=bucket, Key=key)


def _sha256_of(bucket: str, key: str) -> bytes:
    """SHA-256 of a stored object, streamed in chunks (files reach hundreds of MB)."""
    digest = hashlib.sha256()
    body = _s3().get_object(Bucket=bucket, Key=key)["Body"]
    for chunk in iter(lambda: body.read(_READ_CHUNK), b""):
        digest.update(chunk)
    return digest.digest()


def put_json(bucket: str, key: str, document: dict[str, Any]) -> None:
    _s3().put_object(
        Bucket=bucket,
        Key=key,
        Body=json.dumps(document, indent=2, sort_keys=True).encode(),
        ContentType="application/json",
        ServerSideEncryption="AES256",
    )


def presigned_download(
    bucket: str, key: str, *, filename: str, content_type: str, content_encoding: str | None, expires_in: int
) -> str:
    """A GET URL valid for `expires_in` seconds that names the file and its type for the browser."""
    params: dict[str, Any] = {
        "Bucket": bucket,
        "Key": key,
        "ResponseContentDisposition": f'attachment; filename="{filename}"',
        "ResponseContentType": content_type,
    }
    if content_encoding:
        params["ResponseContentEncoding"] = content_encoding
    return str(_s3().generate_presigned_url("get_object", Params=params, ExpiresIn=expires_in))
