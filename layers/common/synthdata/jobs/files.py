"""A job's file as a client reaches it: its name, when it expires, a presigned link. Shared by the API (JobService)
and webhook delivery, which sends the same job body as GET /api/jobs/{id}."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import timedelta

from synthdata.clock import iso, parse_iso, utc_now
from synthdata.engine import content_type
from synthdata.jobs.job import Job, JobSpec
from synthdata.jobs.ports import JobPorts
from synthdata.settings import Settings


@dataclass(frozen=True)
class DownloadLink:
    url: str
    url_expires_at: str  # the link's expiry, not the file's
    file_expires_at: str
    filename: str


def file_name(spec: JobSpec) -> str:
    """What the download is called, e.g. user-10000.csv or template-500.json.gz."""
    _, _, extension = content_type(spec.output_format, spec.compression)
    return f"{spec.source_name}-{spec.record_count}.{extension}"


@dataclass
class JobFiles:
    settings: Settings
    ports: JobPorts

    def file_expires_at(self, job: Job) -> str | None:
        """When the job's file (and its manifest) are deleted: MaxFileAgeDays after completion."""
        if job.completed_at is None:
            return None
        return iso(parse_iso(job.completed_at) + timedelta(days=self.settings.max_file_age_days))

    def file_expired(self, job: Job) -> bool:
        expires = self.file_expires_at(job)
        return expires is not None and utc_now() >= parse_iso(expires)

    def presign(self, job: Job) -> DownloadLink:
        media, encoding, _ = content_type(job.spec.output_format, job.spec.compression)
        expires_in = self.settings.download_url_expiry_seconds
        url = self.ports.objects.presigned_download(
            job.file_key,
            filename=file_name(job.spec),
            content_type=media,
            content_encoding=encoding,
            expires_in=expires_in,
        )
        url_expires_at = iso(utc_now() + timedelta(seconds=expires_in))
        return DownloadLink(url, url_expires_at, self.file_expires_at(job) or "", file_name(job.spec))
