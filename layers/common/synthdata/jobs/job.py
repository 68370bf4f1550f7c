"""A job as the domain sees it: what was asked, how it is split, and where it stands. No storage format here:
the job store adapters own the mapping to their items."""

from __future__ import annotations

import json
import math
from collections.abc import Mapping
from dataclasses import dataclass, field
from enum import StrEnum
from typing import Any

from synthdata.errors import FieldProblem


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
    callback_url: str | None = None  # told when the job completes or fails (synthdata.webhooks)

    @property
    def source_name(self) -> str:
        """A file-name-safe name for what is generated (never user text)."""
        return self.data_type or "template"


@dataclass(frozen=True)
class Shard:
    """Rows [start, stop) of a job's file: one worker invocation, one multipart part."""

    index: int
    start: int
    stop: int

    @property
    def records(self) -> int:
        return self.stop - self.start

    @property
    def part_number(self) -> int:
        return self.index + 1


def shard_of(index: int, shard_records: int, record_count: int) -> Shard:
    """Shard `index` of a file of `record_count` rows cut every `shard_records` rows (the one rule for bounds)."""
    start = index * shard_records
    return Shard(index, start, min(start + shard_records, record_count))


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
    part_sizes: tuple[int, ...] | None = (
        None  # recorded before the upload is completed (the manifest needs them)
    )
    sweep_attempts: int = 0  # times the overdue sweep tried and failed to settle the job
    file_size_bytes: int | None = None
    checksum_sha256: str | None = None
    manifest_key: str | None = None
    engine_version: str | None = None

    @property
    def progress(self) -> float:
        """Percent of records done, floored to one decimal (45.5), 100 only once completed."""
        if self.status is JobStatus.COMPLETED:
            return 100.0
        return min(999, math.floor(self.records_done * 1000 / self.spec.record_count)) / 10

    @property
    def all_shards_done(self) -> bool:
        return len(self.done_shards) >= self.shard_count

    def shard(self, index: int) -> Shard:
        return shard_of(index, self.shard_records, self.spec.record_count)

    def shards(self) -> list[Shard]:
        return [self.shard(i) for i in range(self.shard_count)]

    def holds(self, shard: Shard) -> bool:
        """The shard is one of this job's, with that shard's rows (a forged or stale task is not)."""
        return 0 <= shard.index < self.shard_count and self.shard(shard.index) == shard


# A job records what it needs of its parents on its own item (DynamoDB: 400 KB an item, its own template included).
MAX_PARENTS = 4  # distinct parent jobs of one job
MAX_PARENT_RECORD_BYTES = 128 * 1024  # their records together, as JSON


def parents_over_limits(wanted: Mapping[str, str], records: Mapping[str, Any]) -> list[FieldProblem]:
    """The paths past MAX_PARENTS distinct parents, or all of them when their records outweigh
    MAX_PARENT_RECORD_BYTES (large frozen templates)."""
    seen: list[str] = []
    problems = []
    for at, job_id in wanted.items():
        if job_id not in seen:
            seen.append(job_id)
        if len(seen) > MAX_PARENTS:
            problems.append(FieldProblem(at, f"{at}: a job may refer to at most {MAX_PARENTS} other jobs"))
    weight = len(json.dumps(records, separators=(",", ":")))
    if not problems and weight > MAX_PARENT_RECORD_BYTES:
        problems = [
            FieldProblem(
                at,
                f"{at}: the referred jobs' schemas take {weight:,} bytes to record; at most "
                f"{MAX_PARENT_RECORD_BYTES:,} (refer to jobs of smaller templates)",
            )
            for at in wanted
        ]
    return problems


def parent_record(job: Job) -> dict[str, Any]:
    """What a child job records of its parent to compute the parent's rows: everything they depend on."""
    spec = job.spec
    return {
        "data_type": spec.data_type,
        "template_schema": spec.template_schema,
        "seed": spec.seed,
        "locale": spec.locale,
        "record_count": spec.record_count,
        "options": spec.options,
    }
