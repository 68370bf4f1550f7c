"""ObjectStore on S3: multipart uploads of job files, manifests, presigned downloads, in one bucket."""

from __future__ import annotations

import base64
import hashlib
import json
from collections.abc import Sequence
from typing import Any

from botocore.exceptions import ClientError

from synthdata import aws
from synthdata.jobs.ports import Checksum, Part, PartsRejected, UploadGone

_READ_CHUNK = 8 * 1024 * 1024
_GONE = ("NoSuchUpload",)
_MISSING = ("404", "NoSuchKey", "NotFound")


def _error_code(error: ClientError) -> str:
    return str(error.response.get("Error", {}).get("Code", ""))


class S3ObjectStore:
    def __init__(self, bucket: str) -> None:
        self.bucket = bucket

    @property
    def _s3(self) -> Any:
        return aws.client("s3")

    def start_upload(
        self, key: str, *, content_type: str, content_encoding: str | None, filename: str
    ) -> str:
        extra: dict[str, Any] = {
            # Each part carries its SHA-256, which S3 verifies on upload; the object gets a composite checksum.
            "ChecksumAlgorithm": "SHA256",
            "ContentType": content_type,
            "ContentDisposition": f'attachment; filename="{filename}"',
            "ServerSideEncryption": "AES256",
        }
        if content_encoding:
            extra["ContentEncoding"] = content_encoding
        return str(self._s3.create_multipart_upload(Bucket=self.bucket, Key=key, **extra)["UploadId"])

    def upload_part(self, key: str, upload_id: str, part_number: int, body: bytes) -> str:
        try:
            # The upload declared SHA256, so S3 refuses parts carrying any other algorithm (the SDK's default
            # is CRC32): the SDK computes and sends the part's SHA-256, and S3 checks it.
            answer = self._s3.upload_part(
                Bucket=self.bucket,
                Key=key,
                UploadId=upload_id,
                PartNumber=part_number,
                Body=body,
                ChecksumAlgorithm="SHA256",
            )
        except ClientError as error:
            if _error_code(error) in _GONE:
                raise UploadGone(key) from error
            raise
        return str(answer["ETag"])

    def list_parts(self, key: str, upload_id: str) -> list[Part]:
        parts: list[Part] = []
        try:
            pages = self._s3.get_paginator("list_parts").paginate(
                Bucket=self.bucket, Key=key, UploadId=upload_id
            )
            for page in pages:
                parts.extend(
                    Part(int(p["PartNumber"]), str(p["ETag"]), int(p["Size"]), p.get("ChecksumSHA256"))
                    for p in page.get("Parts", [])
                )
        except ClientError as error:
            if _error_code(error) in _GONE:
                raise UploadGone(key) from error
            raise
        return sorted(parts, key=lambda p: p.number)

    def complete_upload(self, key: str, upload_id: str, parts: Sequence[Part]) -> None:
        ordered: list[dict[str, Any]] = []
        for part in sorted(parts, key=lambda p: p.number):  # S3 refuses any other order (InvalidPartOrder)
            entry: dict[str, Any] = {"PartNumber": part.number, "ETag": part.etag}
            if part.checksum_sha256:  # required per part when the upload declared an algorithm
                entry["ChecksumSHA256"] = part.checksum_sha256
            ordered.append(entry)
        try:
            self._s3.complete_multipart_upload(
                Bucket=self.bucket, Key=key, UploadId=upload_id, MultipartUpload={"Parts": ordered}
            )
        except ClientError as error:
            code = _error_code(error)
            if code in _GONE:
                raise UploadGone(key) from error
            if code in ("EntityTooSmall", "InvalidPart", "InvalidPartOrder"):
                raise PartsRejected(code) from error
            raise

    def abort_upload(self, key: str, upload_id: str) -> None:
        if not upload_id:
            return
        try:
            self._s3.abort_multipart_upload(Bucket=self.bucket, Key=key, UploadId=upload_id)
        except ClientError as error:
            if _error_code(error) not in (*_GONE, "404"):
                raise

    def object_size(self, key: str) -> int | None:
        try:
            return int(self._s3.head_object(Bucket=self.bucket, Key=key)["ContentLength"])
        except ClientError as error:
            if _error_code(error) in _MISSING:
                return None
            raise

    def object_checksum(self, key: str) -> Checksum:
        """S3's composite SHA-256, computed when the upload completed, so the file is not read back; only an
        object without one (not written by our multipart upload) is read and hashed."""
        answer = self._s3.head_object(Bucket=self.bucket, Key=key, ChecksumMode="ENABLED")
        value = answer.get("ChecksumSHA256")
        if value:
            return Checksum("SHA256", str(answer.get("ChecksumType") or "COMPOSITE"), str(value))
        return Checksum("SHA256", "FULL_OBJECT", base64.b64encode(self._sha256_of(key)).decode())

    def delete_object(self, key: str) -> None:
        self._s3.delete_object(Bucket=self.bucket, Key=key)

    def _sha256_of(self, key: str) -> bytes:
        """SHA-256 of a stored object, streamed in chunks (files reach hundreds of MB)."""
        digest = hashlib.sha256()
        body = self._s3.get_object(Bucket=self.bucket, Key=key)["Body"]
        for chunk in iter(lambda: body.read(_READ_CHUNK), b""):
            digest.update(chunk)
        return digest.digest()

    def put_json(self, key: str, document: dict[str, Any]) -> None:
        self._s3.put_object(
            Bucket=self.bucket,
            Key=key,
            Body=json.dumps(document, indent=2, sort_keys=True).encode(),
            ContentType="application/json",
            ServerSideEncryption="AES256",
        )

    def get_json(self, key: str) -> dict[str, Any] | None:
        try:
            body = self._s3.get_object(Bucket=self.bucket, Key=key)["Body"].read()
        except ClientError as error:
            if _error_code(error) in _MISSING:
                return None
            raise
        document: dict[str, Any] = json.loads(body)
        return document

    def presigned_download(
        self, key: str, *, filename: str, content_type: str, content_encoding: str | None, expires_in: int
    ) -> str:
        """A GET URL valid for `expires_in` seconds that names the file and its type for the browser."""
        params: dict[str, Any] = {
            "Bucket": self.bucket,
            "Key": key,
            "ResponseContentDisposition": f'attachment; filename="{filename}"',
            "ResponseContentType": content_type,
        }
        if content_encoding:
            params["ResponseContentEncoding"] = content_encoding
        return str(self._s3.generate_presigned_url("get_object", Params=params, ExpiresIn=expires_in))
