"""What the job domain needs from the outside world, as protocols: a job store, object storage and a task queue.

The DynamoDB, S3 and SQS adapters (synthdata.adapters) implement them for AWS and moto; tests/fakes.py implements
them in memory, so every state transition is testable in milliseconds. Contract tests run both against one suite.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from synthdata.jobs.job import Job, JobStatus, Shard


class UploadGone(Exception):
    """The multipart upload no longer exists (completed or aborted)."""


class PartsRejected(Exception):
    """Object storage refused to assemble the parts (e.g. a part below the minimum size); the job cannot finish."""


@dataclass(frozen=True)
class Part:
    number: int
    etag: str
    size: int
    checksum_sha256: str | None = None  # verified by the object store on upload


@dataclass(frozen=True)
class Checksum:
    """How to verify a stored file: a composite SHA-256 (over the parts' digests) or a full-object one."""

    algorithm: str
    kind: str  # "COMPOSITE" or "FULL_OBJECT"
    value: str  # base64


@dataclass(frozen=True)
class JobPage:
    """One page of a key's jobs; `cursor` (opaque to the domain) continues after the last item."""

    items: list[Job]
    cursor: dict[str, Any] | None


class JobStore(Protocol):
    """The jobs table. Every state change is one conditional write: concurrent workers, duplicate deliveries and
    racing finalizers can never move a job backwards or complete it twice."""

    def get(self, job_id: str) -> Job | None: ...

    def list_by_owner(
        self, owner: str, status: JobStatus | None, limit: int, cursor: dict[str, Any] | None
    ) -> JobPage: ...

    def count_by_owner(self, owner: str, status: JobStatus | None) -> int: ...

    def overdue_job_ids(self, now_iso: str) -> list[str]:
        """Active jobs whose deadline is before `now_iso`."""
        ...

    def create(self, job: Job, expires_at_epoch: int) -> None: ...

    def record_shard(
        self, job_id: str, shard_index: int, records: int, now_iso: str, owner: str
    ) -> Job | None:
        """Count a finished shard once and move the job to processing; None when already counted or inactive."""
        ...

    def note_shard_error(self, job_id: str, message: str) -> None:
        """Remember why a shard failed (while the job is active), for the dead-letter consumer."""
        ...

    def record_part_sizes(self, job_id: str, part_sizes: Sequence[int]) -> None:
        """Keep the parts' sizes on the job before completing its upload, so a retry after a crash still knows
        them (S3 forgets the parts once the upload is complete)."""
        ...

    def count_sweep_attempt(self, job_id: str) -> int:
        """Add one to the job's failed sweep attempts; returns the new count."""
        ...

    def mark_completed(self, job: Job, *, now_iso: str, size: int, checksum: str, manifest_key: str) -> bool:
        """processing -> completed; False when another writer got there first."""
        ...

    def mark_failed(self, job: Job, *, now_iso: str, message: str) -> bool:
        """active -> failed; False when the job had already ended."""
        ...

    def mark_cancelled(self, job: Job, *, now_iso: str) -> bool:
        """active -> cancelled; False when the job had already ended."""
        ...


class ObjectStore(Protocol):
    """Job files: one multipart upload per job, manifests, presigned downloads (one bucket)."""

    def start_upload(
        self, key: str, *, content_type: str, content_encoding: str | None, filename: str
    ) -> str:
        """Open the job's multipart upload; returns its id."""
        ...

    def upload_part(self, key: str, upload_id: str, part_number: int, body: bytes) -> str:
        """Upload (or re-upload: same bytes, same ETag) one part; UploadGone when the upload was closed."""
        ...

    def list_parts(self, key: str, upload_id: str) -> list[Part]:
        """Every uploaded part, by part number; UploadGone when the upload was closed."""
        ...

    def complete_upload(self, key: str, upload_id: str, parts: Sequence[Part]) -> None:
        """Assemble the parts in order; UploadGone when already closed, PartsRejected when refused."""
        ...

    def abort_upload(self, key: str, upload_id: str) -> None:
        """Abort so no part can become a file; an upload already gone is fine."""
        ...

    def object_size(self, key: str) -> int | None: ...

    def object_checksum(self, key: str) -> Checksum: ...

    def delete_object(self, key: str) -> None: ...

    def put_json(self, key: str, document: dict[str, Any]) -> None: ...

    def get_json(self, key: str) -> dict[str, Any] | None:
        """A document written with put_json; None when it is missing."""
        ...

    def presigned_download(
        self, key: str, *, filename: str, content_type: str, content_encoding: str | None, expires_in: int
    ) -> str: ...


class TaskQueue(Protocol):
    """Work for the background: one task per shard for the workers, one finalize request per finished job."""

    def send_shard_tasks(self, job_id: str, shards: Sequence[Shard], *, express: bool = False) -> None:
        """Queue the shards; `express` puts them in the lane kept for small jobs."""
        ...

    def send_finalize(self, job_id: str) -> None: ...


class UsageLedger(Protocol):
    """Records each key requested per UTC day, reserved atomically so the daily budget is exact."""

    def reserve(self, owner: str, day: str, records: int, budget: int) -> int | None:
        """Add `records` to the day's total if it stays within `budget`; the new total, or None if it would not."""
        ...

    def release(self, owner: str, day: str, records: int) -> None:
        """Give back a reservation whose job could not be started."""
        ...

    def used(self, owner: str, day: str) -> int: ...


class JobNotices(Protocol):
    """Tells the webhook queue that a job with a callback_url ended; delivery happens elsewhere, later."""

    def job_ended(self, job_id: str, status: JobStatus) -> None: ...


@dataclass(frozen=True)
class JobPorts:
    """The outside dependencies of the job domain, wired once per process (synthdata.wiring)."""

    jobs: JobStore
    objects: ObjectStore
    tasks: TaskQueue
    usage: UsageLedger
    notices: JobNotices
