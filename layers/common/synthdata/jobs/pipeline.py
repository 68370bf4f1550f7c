"""The background half of a job: generate shards into the multipart upload, then finalize or fail it.

Every step is safe to repeat: a shard re-rendered gives the same bytes (same part ETag), progress counts a
shard once (conditional ADD), completion and failure are conditional transitions, and a failed or cancelled
job's upload is aborted so no partial file can ever be downloaded.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

from synthdata.clock import iso, utc_now
from synthdata.engine import ENGINE_VERSION, render_rows
from synthdata.jobs.job import Job, JobStatus, Shard
from synthdata.jobs.messages import ShardTask
from synthdata.jobs.ports import Checksum, JobPorts, Part, PartsRejected, UploadGone
from synthdata.jobs.sources import dataset_for
from synthdata.settings import Settings

MAX_ERROR_TEXT = 300
LOG = logging.getLogger(__name__)


class ShardFailed(Exception):
    """A shard could not be produced; the message is safe to show a user."""


@dataclass
class Pipeline:
    settings: Settings
    ports: JobPorts

    # ------------------------------------------------------------------------------------ workers
    def process_shard(self, task: ShardTask) -> str:
        """Generate and upload one shard, then count it. Returns what happened (for logs and metrics)."""
        store = self.ports.jobs
        job = store.get(task.job_id)
        if job is None or job.status.is_terminal:
            return "skipped"
        if not job.holds(_shard_of(task)):
            return "invalid"  # not a shard of this job (a forged or stale message): drop it, harm nothing
        if task.shard in job.done_shards:
            self._finalize_if_ready(job)
            return "duplicate"
        shard = job.shard(task.shard)
        try:
            body = render_rows(
                dataset_for(job.spec),
                seed=job.spec.seed,
                locale=job.spec.locale,
                fmt=job.spec.output_format,
                compression=job.spec.compression,
                start=shard.start,
                stop=shard.stop,
                total=job.spec.record_count,
                options=job.spec.options,
            )
            if self._ended(job.job_id):  # cancelled or failed while the shard rendered
                return "skipped"
            self.ports.objects.upload_part(job.file_key, job.upload_id, shard.part_number, body)
        except UploadGone:
            return "skipped"  # cancelled or failed meanwhile: the upload was aborted on purpose
        except Exception as error:
            if self._ended(job.job_id):
                return "skipped"  # the job ended and closed its upload: nothing to retry, nothing to report
            store.note_shard_error(job.job_id, describe_error(error))
            raise
        updated = store.record_shard(job.job_id, shard.index, shard.records, iso(utc_now()), job.owner)
        if updated is None:  # counted by a concurrent duplicate, or the job ended meanwhile
            latest = store.get(job.job_id)
            if latest is not None:
                self._finalize_if_ready(latest)
            return "duplicate"
        self._finalize_if_ready(updated)
        return "uploaded"

    def _ended(self, job_id: str) -> bool:
        latest = self.ports.jobs.get(job_id)
        return latest is None or latest.status.is_terminal

    def _finalize_if_ready(self, job: Job) -> None:
        if job.status is JobStatus.PROCESSING and job.all_shards_done:
            self.ports.tasks.send_finalize(job.job_id)

    # ------------------------------------------------------------------------------------ finalizer
    def finalize(self, job_id: str) -> str:
        """Complete the upload, verify it, write the manifest and mark the job completed, exactly once."""
        job = self.ports.jobs.get(job_id)
        if job is None or job.status is not JobStatus.PROCESSING or not job.all_shards_done:
            return "not-ready" if job is not None and not job.status.is_terminal else "skipped"
        objects, key = self.ports.objects, job.file_key
        if job.records_done != job.spec.record_count:
            return self.fail(job, f"{job.records_done} of {job.spec.record_count} records were generated")
        try:
            parts: list[Part] | None = objects.list_parts(key, job.upload_id)
        except UploadGone:
            parts = None  # completed by an earlier run that stopped before recording it
        if parts is not None:
            numbers = [p.number for p in parts]
            if numbers != list(range(1, job.shard_count + 1)):
                return self.fail(job, f"the upload holds {len(numbers)} of {job.shard_count} parts")
            # Before completing: once complete, S3 no longer lists the parts, and the manifest needs their sizes.
            self.ports.jobs.record_part_sizes(job.job_id, [p.size for p in parts])
            try:
                objects.complete_upload(key, job.upload_id, parts)
            except UploadGone:
                pass  # a concurrent finalizer completed it
            except PartsRejected as refused:
                return self.fail(job, f"the file's {len(parts)} parts could not be assembled ({refused})")
        part_sizes = [p.size for p in parts] if parts is not None else list(job.part_sizes or []) or None
        size = objects.object_size(key)
        if size is None:
            return self.fail(job, "the generated file is missing")
        if part_sizes is not None and size != sum(part_sizes):
            return self.fail(job, "the assembled file does not match its parts")
        # S3's checksum of the assembled file, not a hash of a re-read: reading hundreds of MB back would
        # double the finalizer's work for a digest S3 already computed from the parts it verified.
        checksum = objects.object_checksum(key)
        manifest_key = key.rsplit("/", 1)[0] + "/manifest.json"
        objects.put_json(manifest_key, self._manifest(job, size, checksum, part_sizes))
        if self.ports.jobs.mark_completed(
            job, now_iso=iso(utc_now()), size=size, checksum=checksum.value, manifest_key=manifest_key
        ):
            self._notify(job, JobStatus.COMPLETED)
            return "completed"
        return "already-final"

    def _manifest(
        self, job: Job, size: int, checksum: Checksum, part_sizes: list[int] | None
    ) -> dict[str, Any]:
        spec = job.spec
        dataset = dataset_for(spec)
        return {
            "job_id": job.job_id,
            "records": spec.record_count,
            "bytes": size,
            # COMPOSITE: SHA-256 over the SHA-256 digests of the parts, whose sizes follow, in order.
            "checksum": {"algorithm": checksum.algorithm, "type": checksum.kind, "value": checksum.value},
            "part_sizes": part_sizes,
            "seed": spec.seed,
            "locale": spec.locale,
            "format": spec.output_format,
            "compression": spec.compression,
            "data_type": spec.data_type,
            "template_id": spec.template_id,
            "fields": [{"name": f.name, "type": f.type} for f in dataset.fields],
            "engine_version": ENGINE_VERSION,
            "parts": job.shard_count,
        }

    # ------------------------------------------------------------------------------------ failures
    def fail(self, job: Job, message: str) -> str:
        """Mark the job failed and make sure nothing of it can be downloaded."""
        objects = self.ports.objects
        won = self.ports.jobs.mark_failed(job, now_iso=iso(utc_now()), message=message[:MAX_ERROR_TEXT])
        objects.abort_upload(job.file_key, job.upload_id)
        if won and objects.object_size(job.file_key) is not None:
            objects.delete_object(job.file_key)
        if won:
            self._notify(job, JobStatus.FAILED)
        return "failed" if won else "already-final"

    def _notify(self, job: Job, status: JobStatus) -> None:
        """Queue the job's webhook, once, by the writer that ended it. Never raises: the job has ended whatever
        becomes of its notice, and the finalizer must not retry a job that is already final."""
        if not job.spec.callback_url:
            return
        try:
            self.ports.notices.job_ended(job.job_id, status)
        except Exception:
            LOG.exception("webhook notice not queued", extra={"job_id": job.job_id, "status": status.value})

    def fail_dead_shard(self, task: ShardTask, attempts: int) -> str:
        """A shard message exhausted its retries (dead-letter queue): the job cannot complete."""
        job = self.ports.jobs.get(task.job_id)
        if job is None or job.status.is_terminal:
            return "skipped"
        if not job.holds(_shard_of(task)):
            return "invalid"
        reason = job.last_error or "the worker stopped before reporting an error"
        return self.fail(
            job, f"Shard {task.shard + 1} of {job.shard_count} failed after {attempts} attempts: {reason}"
        )

    def sweep_overdue(self) -> dict[str, str]:
        """Settle every active job past its deadline, each on its own: one job that cannot be settled never
        stops the others. A job whose settling keeps failing is failed with the reason after a few sweeps."""
        outcomes: dict[str, str] = {}
        for job_id in self.ports.jobs.overdue_job_ids(iso(utc_now())):
            try:
                outcomes[job_id] = self._settle_overdue(job_id)
            except Exception as error:
                outcomes[job_id] = self._sweep_failed(job_id, error)
        return outcomes

    def _settle_overdue(self, job_id: str) -> str:
        job = self.ports.jobs.get(job_id)
        if job is None or job.status.is_terminal:
            return "skipped"
        if job.status is JobStatus.PROCESSING and job.all_shards_done:
            return self.finalize(job_id)
        done = len(job.done_shards)
        return self.fail(
            job, f"The job did not finish before its deadline ({done} of {job.shard_count} shards done)"
        )

    def _sweep_failed(self, job_id: str, error: Exception) -> str:
        """Count a failed attempt; at the limit, fail the job with the reason. Never raises."""
        try:
            attempts = self.ports.jobs.count_sweep_attempt(job_id)
            job = self.ports.jobs.get(job_id)
            if job is None or attempts < self.settings.sweep_attempts_limit:
                return "sweep-error"
            reason = f"The job could not be finished after {attempts} attempts: {describe_error(error)}"
            return self.fail(job, reason)
        except Exception:
            return "sweep-error"

    def cancel(self, job: Job) -> bool:
        """Cancel an active job: remaining shards are skipped and the upload is aborted."""
        if not self.ports.jobs.mark_cancelled(job, now_iso=iso(utc_now())):
            return False
        self.ports.objects.abort_upload(job.file_key, job.upload_id)
        return True


def _shard_of(task: ShardTask) -> Shard:
    return Shard(task.shard, task.start, task.stop)


def describe_error(error: Exception) -> str:
    """A short reason a user may read: our own messages verbatim, anything else by its kind only."""
    if isinstance(error, ShardFailed):
        return str(error)[:MAX_ERROR_TEXT]
    response = getattr(error, "response", None)
    code = response.get("Error", {}).get("Code") if isinstance(response, dict) else None
    if code:
        return f"storage error ({code})"
    return f"internal error ({type(error).__name__})"
