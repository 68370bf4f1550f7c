"""What the API does with jobs: submit, read, list, cancel, download. Ownership is checked here, once."""

from __future__ import annotations

import base64
import json
import secrets
import uuid
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from synthdata import storage
from synthdata.engine import ENGINE_VERSION, content_type, estimate_record_bytes
from synthdata.errors import Conflict, Gone, NotFound, ValidationFailed
from synthdata.jobs.messages import send_shard_tasks
from synthdata.jobs.model import Job, JobSpec, JobStatus, iso, parse_iso, utc_now
from synthdata.jobs.pipeline import Pipeline
from synthdata.jobs.planning import plan_shards
from synthdata.jobs.sources import dataset_for
from synthdata.jobs.store import JobStore
from synthdata.settings import Settings

SEED_LIMIT = 2**53  # seeds stay exact as JSON numbers in every client
_TTL_GRACE_DAYS = 30  # job records outlive their files, so downloads can answer 410 rather than 404


@dataclass(frozen=True)
class DownloadLink:
    url: str
    expires_at: str
    filename: str


@dataclass(frozen=True)
class JobPage:
    items: list[Job]
    page: int
    page_size: int
    total: int
    next_token: str | None


def new_seed() -> int:
    return secrets.randbelow(SEED_LIMIT)


def file_name(spec: JobSpec) -> str:
    """What the download is called, e.g. user-10000.csv or template-500.json.gz."""
    _, _, extension = content_type(spec.output_format, spec.compression)
    return f"{spec.source_name}-{spec.record_count}.{extension}"


def submit_job(owner: str, spec: JobSpec, settings: Settings) -> Job:
    """Plan the job, open its multipart upload, record it and queue one message per shard."""
    if not settings.min_records <= spec.record_count <= settings.max_records:
        raise ValidationFailed.one(
            "record_count", f"record_count must be between {settings.min_records} and {settings.max_records}"
        )
    dataset = dataset_for(spec)
    per_record = estimate_record_bytes(
        dataset,
        locale=spec.locale,
        fmt=spec.output_format,
        compression=spec.compression,
        options=spec.options,
    )
    plan = plan_shards(
        spec.record_count,
        per_record,
        target_part_bytes=settings.shard_target_bytes,
        min_part_bytes=settings.part_min_bytes,
    )
    job_id = str(uuid.uuid4())
    now = utc_now()
    media, encoding, _ = content_type(spec.output_format, spec.compression)
    key = f"jobs/{owner}/{job_id}/{file_name(spec)}"
    upload_id = storage.start_upload(
        settings.data_bucket, key, content_type=media, content_encoding=encoding, filename=file_name(spec)
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
    expires = now + timedelta(days=settings.max_file_age_days + _TTL_GRACE_DAYS)
    store = JobStore(settings.jobs_table)
    store.create(job, expires_at_epoch=int(expires.timestamp()))
    try:
        send_shard_tasks(settings.work_queue_url, job_id, plan.shards(spec.record_count))
    except Exception:
        Pipeline(settings, store).fail(job, "The job could not be queued; please submit it again")
        raise
    return job


def get_job(owner: str, job_id: str, settings: Settings) -> Job:
    """The caller's job; another key's job is indistinguishable from a missing one."""
    job = JobStore(settings.jobs_table).get(job_id) if _is_uuid(job_id) else None
    if job is None or job.owner != owner:
        raise NotFound(f"Job {job_id} not found")
    return job


def list_jobs(
    owner: str,
    settings: Settings,
    *,
    status: JobStatus | None = None,
    page: int = 1,
    page_size: int = 20,
    next_token: str | None = None,
) -> JobPage:
    """The caller's jobs, newest first: by page number, or from an opaque cursor (faster for deep pages)."""
    store = JobStore(settings.jobs_table)
    start_key = _decode_token(next_token, owner) if next_token else None
    if start_key is None and page > 1:
        skipped = store.list_by_owner(owner, status, (page - 1) * page_size, None)
        start_key = skipped.last_key if len(skipped.items) == (page - 1) * page_size else None
        if start_key is None:
            return JobPage([], page, page_size, store.count_by_owner(owner, status), None)
    result = store.list_by_owner(owner, status, page_size, start_key)
    token = (
        _encode_token(result.last_key, owner) if result.last_key and len(result.items) == page_size else None
    )
    return JobPage(result.items, page, page_size, store.count_by_owner(owner, status), token)


def cancel_job(owner: str, job_id: str, settings: Settings) -> Job:
    job = get_job(owner, job_id, settings)
    if job.status.is_terminal or not Pipeline.from_settings(settings).cancel(job):
        current = get_job(owner, job_id, settings)
        raise Conflict(f"Job {job_id} is {current.status.value} and can no longer be cancelled")
    return get_job(owner, job_id, settings)


def file_expired(job: Job, settings: Settings) -> bool:
    if job.completed_at is None:
        return False
    return utc_now() >= parse_iso(job.completed_at) + timedelta(days=settings.max_file_age_days)


def download_link(owner: str, job_id: str, settings: Settings) -> DownloadLink:
    """A fresh presigned URL for a completed job's file."""
    job = get_job(owner, job_id, settings)
    if job.status is not JobStatus.COMPLETED:
        raise Conflict(f"Job {job_id} is {job.status.value}; the file is available once it is completed")
    if file_expired(job, settings) or storage.object_size(settings.data_bucket, job.file_key) is None:
        raise Gone(f"The file of job {job_id} has expired (files are kept {settings.max_file_age_days} days)")
    return presign(job, settings)


def presign(job: Job, settings: Settings) -> DownloadLink:
    media, encoding, _ = content_type(job.spec.output_format, job.spec.compression)
    expires_in = settings.download_url_expiry_seconds
    url = storage.presigned_download(
        settings.data_bucket,
        job.file_key,
        filename=file_name(job.spec),
        content_type=media,
        content_encoding=encoding,
        expires_in=expires_in,
    )
    return DownloadLink(url, iso(utc_now() + timedelta(seconds=expires_in)), file_name(job.spec))


def _is_uuid(text: str) -> bool:
    try:
        return str(uuid.UUID(text)) == text.lower()
    except ValueError:
        return False


def _encode_token(key: dict[str, Any], owner: str) -> str:
    return base64.urlsafe_b64encode(json.dumps({"k": key, "o": owner}, default=str).encode()).decode()


def _decode_token(token: str, owner: str) -> dict[str, Any] | None:
    """The cursor's key, only if this owner made it (a token cannot page through someone else's jobs)."""
    try:
        data = json.loads(base64.urlsafe_b64decode(token.encode()))
    except (ValueError, TypeError):
        raise ValidationFailed.one("next_token", "next_token is not a token this API returned") from None
    if not isinstance(data, dict) or data.get("o") != owner or not isinstance(data.get("k"), dict):
        raise ValidationFailed.one("next_token", "next_token is not a token this API returned")
    key: dict[str, Any] = data["k"]
    return key
