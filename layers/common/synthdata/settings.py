"""Environment -> one typed settings object, parsed once per process (template.yaml sets every variable)."""

from __future__ import annotations

import os
from dataclasses import dataclass
from functools import lru_cache


@dataclass(frozen=True)
class Settings:
    stage: str
    jobs_table: str
    templates_table: str
    idempotency_table: str
    data_bucket: str
    work_queue_url: str
    finalize_queue_url: str
    min_records: int
    max_records: int
    max_file_age_days: int
    download_url_expiry_seconds: int
    usage_plan_id: str
    # Shard sizing; lowered only by tests that run against a moto with a lowered part minimum.
    shard_target_bytes: int
    part_min_bytes: int
    job_deadline_minutes: int

    @classmethod
    def from_env(cls, env: dict[str, str] | None = None) -> Settings:
        env = dict(os.environ if env is None else env)
        return cls(
            stage=env.get("STAGE", "dev"),
            jobs_table=env.get("JOBS_TABLE", "synthdata-jobs"),
            templates_table=env.get("TEMPLATES_TABLE", "synthdata-templates"),
            idempotency_table=env.get("IDEMPOTENCY_TABLE", "synthdata-idempotency"),
            data_bucket=env.get("DATA_BUCKET", "synthdata-data"),
            work_queue_url=env.get("WORK_QUEUE_URL", ""),
            finalize_queue_url=env.get("FINALIZE_QUEUE_URL", ""),
            min_records=int(env.get("MIN_RECORDS", "100")),
            max_records=int(env.get("MAX_RECORDS", "1000000")),
            max_file_age_days=int(env.get("MAX_FILE_AGE_DAYS", "7")),
            download_url_expiry_seconds=int(env.get("DOWNLOAD_URL_EXPIRY_SECONDS", "3600")),
            usage_plan_id=env.get("USAGE_PLAN_ID", ""),
            shard_target_bytes=int(env.get("SHARD_TARGET_BYTES", str(16 * 1024 * 1024))),
            part_min_bytes=int(env.get("PART_MIN_BYTES", str(5 * 1024 * 1024))),
            job_deadline_minutes=int(env.get("JOB_DEADLINE_MINUTES", "30")),
        )


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings; tests call `get_settings.cache_clear()` after changing the environment."""
    return Settings.from_env()
