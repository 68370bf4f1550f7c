"""In-memory fakes of the job domain's ports (synthdata.jobs.ports), for fast unit tests of the state machine.

They model the ports' contracts, not AWS: tests/contract runs one suite against these and the moto-backed
adapters, so a fake that drifts from its adapter fails there. Faults are injected with `fail_next`.
"""

from __future__ import annotations

import hashlib
import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace
from typing import Any

from synthdata.jobs.job import ACTIVE_STATUSES, Job, JobStatus, Shard
from synthdata.jobs.messages import FinalizeRequest, ShardTask
from synthdata.jobs.ports import Checksum, JobPage, JobPorts, Part, PartsRejected, UploadGone
from synthdata.webhooks.messages import JobEnded
from synthdata.webhooks.ports import SendFailed, WebhookSecret
from synthdata.webhooks.url_policy import Destination


class InjectedFault(Exception):
    """A failure a test asked a fake to raise."""


@dataclass
class Faults:
    """Operation name -> how many of its next calls raise InjectedFault."""

    pending: dict[str, int] = field(default_factory=dict)

    def fail_next(self, operation: str, times: int = 1) -> None:
        self.pending[operation] = times

    def check(self, operation: str) -> None:
        if self.pending.get(operation, 0) > 0:
            self.pending[operation] -= 1
            raise InjectedFault(operation)


class InMemoryJobStore:
    def __init__(self) -> None:
        self.items: dict[str, tuple[Job, int]] = {}  # job id -> (job, expires_at_epoch)
        self.faults = Faults()
        self._lock = threading.Lock()

    def get(self, job_id: str) -> Job | None:
        found = self.items.get(job_id)
        return found[0] if found else None

    def _owned(self, owner: str, status: JobStatus | None) -> list[Job]:
        jobs = [
            j for j, _ in self.items.values() if j.owner == owner and (status is None or j.status is status)
        ]
        return sorted(jobs, key=lambda j: (j.created_at, j.job_id), reverse=True)

    def list_by_owner(
        self, owner: str, status: JobStatus | None, limit: int, cursor: dict[str, Any] | None
    ) -> JobPage:
        jobs = self._owned(owner, status)
        start = 0
        if cursor:
            start = next((i + 1 for i, j in enumerate(jobs) if j.job_id == cursor["job_id"]), len(jobs))
        page = jobs[start : start + limit]
        more = start + limit < len(jobs)
        return JobPage(page, {"job_id": page[-1].job_id} if page and more else None)

    def count_by_owner(self, owner: str, status: JobStatus | None) -> int:
        return len(self._owned(owner, status))

    def overdue_job_ids(self, now_iso: str) -> list[str]:
        return [
            j.job_id
            for j, _ in self.items.values()
            if j.status in ACTIVE_STATUSES and j.deadline is not None and j.deadline < now_iso
        ]

    def create(self, job: Job, expires_at_epoch: int) -> None:
        self.faults.check("create")
        if job.job_id in self.items:
            raise ValueError("job exists")
        self.items[job.job_id] = (job, expires_at_epoch)

    def _put(self, job: Job) -> Job:
        self.items[job.job_id] = (job, self.items[job.job_id][1])
        return job

    def record_shard(
        self, job_id: str, shard_index: int, records: int, now_iso: str, owner: str
    ) -> Job | None:
        self.faults.check("record_shard")
        with self._lock:
            job = self.get(job_id)
            if job is None or job.status not in ACTIVE_STATUSES or shard_index in job.done_shards:
                return None
            return self._put(
                replace(
                    job,
                    status=JobStatus.PROCESSING,
                    done_shards=job.done_shards | {shard_index},
                    records_done=job.records_done + records,
                    started_at=job.started_at or now_iso,
                    last_error=None,
                )
            )

    def note_shard_error(self, job_id: str, message: str) -> None:
        job = self.get(job_id)
        if job is not None and job.status in ACTIVE_STATUSES:
            self._put(replace(job, last_error=message))

    def record_part_sizes(self, job_id: str, part_sizes: Sequence[int]) -> None:
        job = self.get(job_id)
        if job is not None:
            self._put(replace(job, part_sizes=tuple(part_sizes)))

    def count_sweep_attempt(self, job_id: str) -> int:
        job = self.get(job_id)
        assert job is not None
        return self._put(replace(job, sweep_attempts=job.sweep_attempts + 1)).sweep_attempts

    def _finish(self, job: Job, status: JobStatus, **changes: Any) -> bool:
        with self._lock:
            current = self.get(job.job_id)
            allowed = (JobStatus.PROCESSING,) if status is JobStatus.COMPLETED else ACTIVE_STATUSES
            if current is None or current.status not in allowed:
                return False
            self._put(replace(current, status=status, **changes))
            return True

    def mark_completed(self, job: Job, *, now_iso: str, size: int, checksum: str, manifest_key: str) -> bool:
        self.faults.check("mark_completed")
        return self._finish(
            job,
            JobStatus.COMPLETED,
            completed_at=now_iso,
            file_size_bytes=size,
            checksum_sha256=checksum,
            manifest_key=manifest_key,
        )

    def mark_failed(self, job: Job, *, now_iso: str, message: str) -> bool:
        return self._finish(job, JobStatus.FAILED, completed_at=now_iso, error_message=message)

    def mark_cancelled(self, job: Job, *, now_iso: str) -> bool:
        return self._finish(job, JobStatus.CANCELLED, completed_at=now_iso)


@dataclass
class _Upload:
    key: str
    parts: dict[int, bytes] = field(default_factory=dict)


class InMemoryObjectStore:
    """Multipart uploads with S3's rules that matter here: parts replaceable, every part but the last at least
    `min_part_bytes` at completion, an upload gone once completed or aborted."""

    def __init__(self, min_part_bytes: int = 1) -> None:
        self.min_part_bytes = min_part_bytes
        self.uploads: dict[str, _Upload] = {}
        self.objects: dict[str, bytes] = {}
        self.documents: dict[str, dict[str, Any]] = {}
        self.faults = Faults()
        self.completions = 0
        self._next = 0

    def start_upload(
        self, key: str, *, content_type: str, content_encoding: str | None, filename: str
    ) -> str:
        self._next += 1
        upload_id = f"upload-{self._next}"
        self.uploads[upload_id] = _Upload(key)
        return upload_id

    def _upload(self, key: str, upload_id: str) -> _Upload:
        upload = self.uploads.get(upload_id)
        if upload is None or upload.key != key:
            raise UploadGone(key)
        return upload

    def upload_part(self, key: str, upload_id: str, part_number: int, body: bytes) -> str:
        self.faults.check("upload_part")
        self._upload(key, upload_id).parts[part_number] = body
        return hashlib.md5(body).hexdigest()

    def list_parts(self, key: str, upload_id: str) -> list[Part]:
        upload = self._upload(key, upload_id)
        return [
            Part(n, hashlib.md5(b).hexdigest(), len(b), _sha256(b)) for n, b in sorted(upload.parts.items())
        ]

    def complete_upload(self, key: str, upload_id: str, parts: Sequence[Part]) -> None:
        self.faults.check("complete_upload")
        upload = self._upload(key, upload_id)
        ordered = sorted(parts, key=lambda p: p.number)
        if any(p.size < self.min_part_bytes for p in ordered[:-1]):
            raise PartsRejected("EntityTooSmall")
        self.objects[key] = b"".join(upload.parts[p.number] for p in ordered)
        del self.uploads[upload_id]
        self.completions += 1

    def abort_upload(self, key: str, upload_id: str) -> None:
        self.uploads.pop(upload_id, None)

    def object_size(self, key: str) -> int | None:
        data = self.objects.get(key)
        return len(data) if data is not None else None

    def object_checksum(self, key: str) -> Checksum:
        return Checksum("SHA256", "FULL_OBJECT", _sha256(self.objects[key]))

    def delete_object(self, key: str) -> None:
        self.objects.pop(key, None)

    def put_json(self, key: str, document: dict[str, Any]) -> None:
        self.faults.check("put_json")
        self.documents[key] = document

    def get_json(self, key: str) -> dict[str, Any] | None:
        return self.documents.get(key)

    def presigned_download(
        self, key: str, *, filename: str, content_type: str, content_encoding: str | None, expires_in: int
    ) -> str:
        return f"https://files.example/{key}?expires={expires_in}&filename={filename}"


def _sha256(data: bytes) -> str:
    import base64

    return base64.b64encode(hashlib.sha256(data).digest()).decode()


class InMemoryTaskQueue:
    """Messages as they would be sent, kept in order; tests deliver them to the pipeline."""

    def __init__(self) -> None:
        self.shard_tasks: list[ShardTask] = []
        self.express_job_ids: list[str] = []
        self.finalize_requests: list[FinalizeRequest] = []
        self.faults = Faults()

    def send_shard_tasks(self, job_id: str, shards: Sequence[Shard], *, express: bool = False) -> None:
        self.faults.check("send_shard_tasks")
        if express:
            self.express_job_ids.append(job_id)
        self.shard_tasks.extend(
            ShardTask(job_id=job_id, shard=s.index, start=s.start, stop=s.stop) for s in shards
        )

    def send_finalize(self, job_id: str) -> None:
        self.finalize_requests.append(FinalizeRequest(job_id=job_id))


class InMemoryUsageLedger:
    def __init__(self) -> None:
        self.totals: dict[tuple[str, str], int] = {}
        self._lock = threading.Lock()

    def reserve(self, owner: str, day: str, records: int, budget: int) -> int | None:
        with self._lock:
            total = self.totals.get((owner, day), 0) + records
            if total > budget:
                return None
            self.totals[(owner, day)] = total
            return total

    def release(self, owner: str, day: str, records: int) -> None:
        with self._lock:
            self.totals[(owner, day)] = self.totals.get((owner, day), 0) - records

    def used(self, owner: str, day: str) -> int:
        return self.totals.get((owner, day), 0)


class InMemoryJobNotices:
    """Webhook notices as they would be queued."""

    def __init__(self) -> None:
        self.sent: list[JobEnded] = []
        self.faults = Faults()

    def job_ended(self, job_id: str, status: JobStatus) -> None:
        self.faults.check("job_ended")
        self.sent.append(JobEnded(job_id=job_id, status=status.value))


class InMemoryWebhookSecretStore:
    def __init__(self) -> None:
        self.items: dict[str, WebhookSecret] = {}

    def get(self, owner: str) -> WebhookSecret | None:
        return self.items.get(owner)

    def create(self, candidate: WebhookSecret) -> WebhookSecret:
        return self.items.setdefault(candidate.owner, candidate)

    def replace(self, new: WebhookSecret) -> None:
        self.items[new.owner] = new


@dataclass
class Posted:
    destination: Destination
    body: bytes
    headers: dict[str, str]
    timeout: float


class ScriptedWebhookSender:
    """Answers each POST with the next scripted status (None: no answer); 200 once the script is used up."""

    def __init__(self, *answers: int | None) -> None:
        self.answers = list(answers)
        self.posted: list[Posted] = []

    def post(self, destination: Destination, body: bytes, headers: Mapping[str, str], timeout: float) -> int:
        self.posted.append(Posted(destination, body, dict(headers), timeout))
        answer = self.answers.pop(0) if self.answers else 200
        if answer is None:
            raise SendFailed("ConnectionRefused")
        return answer


@dataclass
class FakePorts:
    jobs: InMemoryJobStore = field(default_factory=InMemoryJobStore)
    objects: InMemoryObjectStore = field(default_factory=InMemoryObjectStore)
    tasks: InMemoryTaskQueue = field(default_factory=InMemoryTaskQueue)
    usage: InMemoryUsageLedger = field(default_factory=InMemoryUsageLedger)
    notices: InMemoryJobNotices = field(default_factory=InMemoryJobNotices)

    @property
    def ports(self) -> JobPorts:
        return JobPorts(
            jobs=self.jobs, objects=self.objects, tasks=self.tasks, usage=self.usage, notices=self.notices
        )
