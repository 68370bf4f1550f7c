"""A job as the domain sees it, and its mapping to and from the DynamoDB item."""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from datetime import UTC, datetime
from enum import StrEnum
from typing import Any

from synthdata.dynamo import from_dynamo


class JobStatus(StrEnum):
    PENDING = "pending"
    PROCESSING = "processing"
    COMPLETED = "completed"
    FAILED = "failed"
    CANCELLED = "cancelled"

    @property
    def is_terminal(self) -> bool:
        return self in (JobStatus.COMPLETED, JobStatus.FAILED, JobStatus.CANCELLED)


ACTIVE_STATUSES = (JobStatus.PENDING, JobStatus.PROCESSING)


def utc_now() -> datetime:
    return datetime.now(UTC)


def iso(moment: datetime) -> str:
    """ISO 8601 UTC with milliseconds: sorts as text, which the newest-first indexes rely on."""
    return moment.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S.%f")[:-3] + "Z"


def parse_iso(text: str) -> datetime:
    return datetime.strptime(text, "%Y-%m-%dT%H:%M:%S.%fZ").replace(tzinfo=UTC)


@dataclass(frozen=True)
class JobSpec:
    """What a client asked for, after validation."""

    record_count: int
    output_format: str
    seed: int
    locale: str
    compression: str | None = None
    data_type: str | None = None
    template_id: str | None = None
    template_name: str | None = None
    template_schema: list[dict[str, Any]] | None = None  # frozen copy: workers never read the templates table
    options: dict[str, Any] = field(default_factory=dict)

    @property
    def source_name(self) -> str:
        """A file-name-safe name for what is generated (never user text)."""
        return self.data_type or "template"


@dataclass(frozen=True)
class Shard:
    index: int
    start: int
    stop: int

    @property
    def records(self) -> int:
        return self.stop - self.start

    @property
    def part_number(self) -> int:
        return self.index + 1


@dataclass(frozen=True)
class Job:
    job_id: str
    owner: str
    status: JobStatus
    spec: JobSpec
    created_at: str
    shard_records: int
    shard_count: int
    file_key: str
    upload_id: str = ""
    records_done: int = 0
    done_shards: frozenset[int] = frozenset()
    started_at: str | None = None
    completed_at: str | None = None
    deadline: str | None = None
    error_message: str | None = None
    last_error: str | None = None
    file_size_bytes: int | None = None
    checksum_sha256: str | None = None
    manifest_key: str | None = None
    engine_version: str | None = None

    @property
    def progress(self) -> int:
        """Percent of records done, floored, never above 100 (100 only once completed)."""
        if self.status is JobStatus.COMPLETED:
            return 100
        return min(99, math.floor(self.records_done * 100 / self.spec.record_count))

    @property
    def all_shards_done(self) -> bool:
        return len(self.done_shards) >= self.shard_count

    def shard(self, index: int) -> Shard:
        start = index * self.shard_records
        return Shard(index, start, min(start + self.shard_records, self.spec.record_count))

    def shards(self) -> list[Shard]:
        return [self.shard(i) for i in range(self.shard_count)]

    # ---------------------------------------------------------------------------- DynamoDB mapping
    def to_item(self) -> dict[str, Any]:
        spec = self.spec
        item: dict[str, Any] = {
            "job_id": self.job_id,
            "owner": self.owner,
            "status": self.status.value,
            "owner_status": f"{self.owner}#{self.status.value}",
            "created_at": self.created_at,
            "record_count": spec.record_count,
            "output_format": spec.output_format,
            "seed": spec.seed,
            "locale": spec.locale,
            "options": spec.options,
            "shard_records": self.shard_records,
            "shard_count": self.shard_count,
            "file_key": self.file_key,
            "upload_id": self.upload_id,
            "records_done": self.records_done,
            "engine_version": self.engine_version,
        }
        optional = {
            "compression": spec.compression,
            "data_type": spec.data_type,
            "template_id": spec.template_id,
            "template_name": spec.template_name,
            "template_schema": spec.template_schema,
            "deadline": self.deadline,
            "started_at": self.started_at,
            "completed_at": self.completed_at,
            "error_message": self.error_message,
        }
        item.update({k: v for k, v in optional.items() if v is not None})
        if self.status in ACTIVE_STATUSES:
            item["active"] = "1"
        return item

    @classmethod
    def from_item(cls, item: dict[str, Any]) -> Job:
        def number(name: str, default: int = 0) -> int:
            value = item.get(name)
            return int(value) if value is not None else default

        spec = JobSpec(
            record_count=number("record_count"),
            output_format=item["output_format"],
            seed=number("seed"),
            locale=item["locale"],
            compression=item.get("compression"),
            data_type=item.get("data_type"),
            template_id=item.get("template_id"),
            template_name=item.get("template_name"),
            template_schema=from_dynamo(item.get("template_schema")),
            options=from_dynamo(item.get("options")) or {},
        )
        size = item.get("file_size_bytes")
        return cls(
            job_id=item["job_id"],
            owner=item["owner"],
            status=JobStatus(item["status"]),
            spec=spec,
            created_at=item["created_at"],
            shard_records=number("shard_records"),
            shard_count=number("shard_count"),
            file_key=item["file_key"],
            upload_id=item.get("upload_id", ""),
            records_done=number("records_done"),
            done_shards=frozenset(int(s) for s in item.get("done_shards", set())),
            started_at=item.get("started_at"),
            completed_at=item.get("completed_at"),
            deadline=item.get("deadline"),
            error_message=item.get("error_message"),
            last_error=item.get("last_error"),
            file_size_bytes=int(size) if size is not None else None,
            checksum_sha256=item.get("checksum_sha256"),
            manifest_key=item.get("manifest_key"),
            engine_version=item.get("engine_version"),
        )
