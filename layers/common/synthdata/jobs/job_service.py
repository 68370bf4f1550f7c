"""What a client may do with its jobs: submit, read, list, cancel, download. Ownership is checked here, once.

The API's endpoints call this; the background half of a job is `jobs.pipeline`.
"""

from __future__ import annotations

import uuid
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta
from typing import Any

from synthdata.clock import iso, utc_now
from synthdata.engine import ENGINE_VERSION, content_type, estimate_record_bytes, max_record_bytes
from synthdata.errors import Conflict, FieldProblem, Gone, NotFound, TooManyRequests, ValidationFailed
from synthdata.jobs import limits
from synthdata.jobs.files import DownloadLink, JobFiles, file_name
from synthdata.jobs.job import (
    ACTIVE_STATUSES,
    Job,
    JobSpec,
    JobStatus,
    Shard,
    parent_record,
    parents_over_limits,
)
from synthdata.jobs.paging import decode_token, encode_token
from synthdata.jobs.pipeline import Pipeline
from synthdata.jobs.planning import plan_shards
from synthdata.jobs.sources import dataset_for

TTL_GRACE_DAYS = 30  # job records outlive their files, so downloads can answer 410 rather than 404
UNFINISHED_RETRY_SECONDS = 5  # the Retry-After of a download or manifest asked for before the job completed


@dataclass(frozen=True)
class JobListing:
    items: list[Job]
    page: int
    page_size: int
    total: int
    next_token: str | None


@dataclass
class JobService(JobFiles):
    paging_key: bytes  # signs the next_token cursors this service hands out

    @property
    def pipeline(self) -> Pipeline:
        return Pipeline(self.settings, self.ports)

    def submit(self, owner: str, spec: JobSpec) -> Job:
        """Admit the job under the key's limits, plan it, open its multipart upload, record it and queue one
        task per shard (single-shard jobs in the express lane)."""
        settings = self.settings
        settings.check_record_count(spec.record_count)
        now = utc_now()
        day = self._admit(owner, spec.record_count, now)
        try:
            job, shards = self._start(owner, spec, now)
        except Exception:
            self.ports.usage.release(owner, day, spec.record_count)
            raise
        try:
            self.ports.tasks.send_shard_tasks(job.job_id, shards, express=len(shards) == 1)
        except Exception:
            self.pipeline.fail(job, "The job could not be queued; please submit it again")
            self.ports.usage.release(owner, day, spec.record_count)
            raise
        return job

    def _admit(self, owner: str, record_count: int, now: datetime) -> str:
        """Check the active-jobs cap, then reserve the records in today's budget; TooManyRequests otherwise."""
        settings, day = self.settings, limits.utc_day(now)
        active = self._active_jobs(owner)
        if active >= settings.max_active_jobs_per_key:
            raise TooManyRequests(
                limits.too_many_active(active, settings.max_active_jobs_per_key), limits.ACTIVE_RETRY_SECONDS
            )
        budget = settings.daily_record_budget_per_key
        if self.ports.usage.reserve(owner, day, record_count, budget) is None:
            used = self.ports.usage.used(owner, day)
            raise TooManyRequests(
                limits.over_budget(record_count, used, budget), limits.seconds_until_reset(now)
            )
        return day

    def _active_jobs(self, owner: str) -> int:
        return sum(self.ports.jobs.count_by_owner(owner, status) for status in ACTIVE_STATUSES)

    def usage(self, owner: str) -> limits.Usage:
        now = utc_now()
        return limits.Usage(
            day=limits.utc_day(now),
            records_requested=self.ports.usage.used(owner, limits.utc_day(now)),
            daily_record_budget=self.settings.daily_record_budget_per_key,
            active_jobs=self._active_jobs(owner),
            max_active_jobs=self.settings.max_active_jobs_per_key,
            resets_at=limits.resets_at(now),
        )

    def _start(self, owner: str, spec: JobSpec, now: datetime) -> tuple[Job, list[Shard]]:
        """Plan the job, open its upload and record it (pending)."""
        settings = self.settings
        dataset = dataset_for(spec)
        fmt, compression = spec.output_format, spec.compression
        per_record = estimate_record_bytes(
            dataset, locale=spec.locale, fmt=fmt, compression=compression, options=spec.options
        )
        plan = plan_shards(
            spec.record_count,
            per_record,
            target_part_bytes=settings.shard_target_bytes,
            min_part_bytes=settings.part_min_bytes,
            max_record_bytes=max_record_bytes(
                dataset, fmt=fmt, compression=compression, options=spec.options
            ),
        )
        job_id = str(uuid.uuid4())
        media, encoding, _ = content_type(spec.output_format, spec.compression)
        key = f"jobs/{owner}/{job_id}/{file_name(spec)}"
        upload_id = self.ports.objects.start_upload(
            key, content_type=media, content_encoding=encoding, filename=file_name(spec)
        )
        job = Job(
            job_id=job_id,
            owner=owner,
            status=JobStatus.PENDING,
            spec=spec,
            created_at=iso(now),
            shard_records=plan.shard_records,
            shard_count=plan.shard_count,
            file_key=key,
            upload_id=upload_id,
            deadline=iso(now + timedelta(minutes=settings.job_deadline_minutes + plan.shard_count)),
            engine_version=ENGINE_VERSION,
        )
        expires = now + timedelta(days=settings.max_file_age_days + TTL_GRACE_DAYS)
        self.ports.jobs.create(job, expires_at_epoch=int(expires.timestamp()))
        return job, plan.shards(spec.record_count)

    def get(self, owner: str, job_id: str) -> Job:
        """The caller's job; another key's job is indistinguishable from a missing one."""
        job = self.ports.jobs.get(job_id) if _is_uuid(job_id) else None
        if job is None or job.owner != owner:
            raise NotFound(f"Job {job_id} not found")
        return job

    def list(
        self,
        owner: str,
        *,
        status: JobStatus | None = None,
        page: int = 1,
        page_size: int = 20,
        next_token: str | None = None,
    ) -> JobListing:
        """The caller's jobs, newest first: by page number, or from an opaque cursor (faster for deep pages)."""
        store = self.ports.jobs
        # A token continues the listing it came from: the owner's, with the same status filter (a cursor of
        # one index is no position in another).
        scope = owner if status is None else f"{owner}#{status.value}"
        cursor = decode_token(next_token, scope, self.paging_key) if next_token else None
        if cursor is None and page > 1:
            skipped = store.list_by_owner(owner, status, (page - 1) * page_size, None)
            cursor = skipped.cursor if len(skipped.items) == (page - 1) * page_size else None
            if cursor is None:
                return JobListing([], page, page_size, store.count_by_owner(owner, status), None)
        result = store.list_by_owner(owner, status, page_size, cursor)
        more = result.cursor is not None and len(result.items) == page_size
        token = encode_token(result.cursor, scope, self.paging_key) if result.cursor and more else None
        return JobListing(result.items, page, page_size, store.count_by_owner(owner, status), token)

    def cancel(self, owner: str, job_id: str) -> Job:
        job = self.get(owner, job_id)
        if job.status.is_terminal or not self.pipeline.cancel(job):
            current = self.get(owner, job_id)
            raise Conflict(f"Job {job_id} is {current.status.value} and can no longer be cancelled")
        return self.get(owner, job_id)

    def parent_records(self, owner: str, wanted: Mapping[str, str]) -> dict[str, dict[str, Any]]:
        """What a new job records of the jobs it refers to (`wanted`: job id by the request's path to it), by
        job id; ValidationFailed naming each path whose job cannot be a parent. Another key's job is as
        unknown as a missing one."""
        records: dict[str, dict[str, Any]] = {}
        problems: list[FieldProblem] = []
        for at, job_id in wanted.items():
            job = self.ports.jobs.get(job_id) if _is_uuid(job_id) else None
            problem = self._not_a_parent(owner, job_id, job)
            if problem:
                problems.append(FieldProblem(at, f"{at}: {problem}"))
            elif job is not None:
                records[job_id] = parent_record(job)
        problems = problems or parents_over_limits(wanted, records)
        if problems:
            raise ValidationFailed("; ".join(p.message for p in problems), problems)
        return records

    def _not_a_parent(self, owner: str, job_id: str, job: Job | None) -> str | None:
        """Why the job cannot be a parent, if it cannot."""
        if job is None or job.owner != owner:
            return f"job {job_id} not found"
        if job.status is not JobStatus.COMPLETED:
            return f"job {job_id} is {job.status.value}; only a completed job can be referred to"
        if self.file_expired(job):
            return f"the file of job {job_id} has expired (files are kept {self.settings.max_file_age_days} days)"
        if job.engine_version != ENGINE_VERSION:
            return (
                f"job {job_id} was made by engine {job.engine_version}, whose rows this engine ({ENGINE_VERSION}) "
                "cannot recompute; generate the parent again"
            )
        if job.spec.options.get("parents"):
            return f"job {job_id} refers to other jobs itself; a parent cannot"
        return None

    def download_link(self, owner: str, job_id: str) -> DownloadLink:
        """A fresh presigned URL for a completed job's file."""
        job = self._with_file(owner, job_id, "file")
        if self.ports.objects.object_size(job.file_key) is None:
            raise self._expired(job_id)
        return self.presign(job)

    def manifest(self, owner: str, job_id: str) -> tuple[Job, dict[str, Any]]:
        """The job and the manifest written beside its file (checksums, seed, engine version, columns)."""
        job = self._with_file(owner, job_id, "manifest")
        document = self.ports.objects.get_json(job.manifest_key) if job.manifest_key else None
        if document is None:
            raise self._expired(job_id)
        return job, document

    def _with_file(self, owner: str, job_id: str, what: str) -> Job:
        """The caller's job, if its file is there: 409 while it runs, 410 once it never will be or is gone."""
        job = self.get(owner, job_id)
        if job.status is JobStatus.CANCELLED:
            raise Gone(f"Job {job_id} was cancelled, so it has no {what}")
        if job.status is JobStatus.FAILED:
            raise Gone(f"Job {job_id} failed, so it has no {what}: {job.error_message}")
        if job.status is not JobStatus.COMPLETED:
            raise Conflict(
                f"Job {job_id} is {job.status.value}; its {what} is available once it is completed",
                retry_after=UNFINISHED_RETRY_SECONDS,
            )
        if self.file_expired(job):
            raise self._expired(job_id)
        return job

    def _expired(self, job_id: str) -> Gone:
        days = self.settings.max_file_age_days
        return Gone(f"The file of job {job_id} has expired (files are kept {days} days)")


def _is_uuid(text: str) -> bool:
    try:
        return str(uuid.UUID(text)) == text.lower()
    except ValueError:
        return False
