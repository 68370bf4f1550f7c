"""Environment -> one typed settings object, parsed once per process. template.yaml sets every variable; a
function started without a required one fails at once with a message naming it, never with a silent default."""

from __future__ import annotations

import os
from collections.abc import Mapping
from functools import lru_cache

from pydantic import BaseModel, ConfigDict, Field, ValidationError

from synthdata.errors import ValidationFailed
from synthdata.webhooks.url_policy import UrlPolicy


class SettingsError(RuntimeError):
    """The environment lacks or garbles a variable the function needs (a deployment mistake, not a request's)."""


class Settings(BaseModel):
    model_config = ConfigDict(frozen=True, extra="ignore")

    # Resource names: required, template.yaml passes them to every function.
    jobs_table: str = Field(min_length=1)
    templates_table: str = Field(min_length=1)
    idempotency_table: str = Field(min_length=1)
    data_bucket: str = Field(min_length=1)
    work_queue_url: str = Field(min_length=1)
    express_queue_url: str = Field(min_length=1)
    finalize_queue_url: str = Field(min_length=1)
    usage_table: str = Field(min_length=1)
    webhook_queue_url: str = Field(min_length=1)
    webhook_secrets_table: str = Field(min_length=1)
    # Only the authorizer needs the usage plan, only the API the paging key (see `usage_plan`, `paging_key`).
    usage_plan_name: str = ""
    paging_key_secret: str = ""
    stage: str = "dev"
    # Limits: each is a template parameter (template.yaml) with this default.
    min_records: int = Field(100, ge=1)
    max_records: int = Field(1_000_000, ge=1)
    max_file_age_days: int = Field(7, ge=1)
    download_url_expiry_seconds: int = Field(3600, ge=1, le=3600)
    max_active_jobs_per_key: int = Field(5, ge=1)
    daily_record_budget_per_key: int = Field(20_000_000, ge=1)
    job_deadline_minutes: int = 30
    sweep_attempts_limit: int = Field(3, ge=1)  # failed sweeps of one job before it is failed with the reason
    # Webhooks (synthdata.webhooks): each a template parameter with this default, docs/SECURITY.md "Limits".
    webhook_max_url_length: int = Field(2048, ge=16, le=8192)
    webhook_timeout_seconds: float = Field(10, gt=0, le=10)  # x BatchSize 5 stays within the 60 s function
    webhook_max_attempts: int = Field(8, ge=1, le=20)  # the webhook queue's maxReceiveCount
    webhook_retry_base_seconds: int = Field(30, ge=1, le=3600)
    webhook_allow_local_http: bool = False  # the local stack's receivers only: http://127.0.0.1
    # Shard sizing; lowered only by tests that run against a moto with a lowered part minimum.
    shard_target_bytes: int = Field(16 * 1024 * 1024, ge=1)
    part_min_bytes: int = Field(5 * 1024 * 1024, ge=1)

    @classmethod
    def from_env(cls, env: Mapping[str, str] | None = None) -> Settings:
        """Settings from upper-case environment variables (JOBS_TABLE -> jobs_table)."""
        source = os.environ if env is None else env
        values = {name: source[name.upper()] for name in cls.model_fields if name.upper() in source}
        try:
            return cls.model_validate(values)
        except ValidationError as error:
            problems = sorted(f"{'.'.join(map(str, e['loc'])).upper()} ({e['msg']})" for e in error.errors())
            raise SettingsError(
                "synthdata cannot start: environment variables missing or invalid: "
                + ", ".join(problems)
                + ". template.yaml sets them on AWS; `make dev` sets them locally."
            ) from None

    def usage_plan(self) -> str:
        """The name of the usage plan whose keys the authorizer accepts; SettingsError where it is not set."""
        if not self.usage_plan_name:
            raise SettingsError("synthdata cannot start: environment variable USAGE_PLAN_NAME is missing")
        return self.usage_plan_name

    def paging_key(self) -> str:
        """The secret that signs paging tokens; SettingsError where it is not set."""
        if not self.paging_key_secret:
            raise SettingsError("synthdata cannot start: environment variable PAGING_KEY_SECRET is missing")
        return self.paging_key_secret

    def webhook_policy(self) -> UrlPolicy:
        """Where callback URLs may point (synthdata.webhooks.url_policy), from the webhook settings."""
        return UrlPolicy(self.webhook_max_url_length, self.webhook_allow_local_http)

    def record_count_rule(self, record_count: int) -> str | None:
        """The one statement of the record_count rule: None when it holds, else the sentence naming the bounds."""
        if self.min_records <= record_count <= self.max_records:
            return None
        return f"record_count must be between {self.min_records} and {self.max_records}"

    def check_record_count(self, record_count: int) -> None:
        """ValidationFailed when record_count is outside the configured bounds."""
        rule = self.record_count_rule(record_count)
        if rule:
            raise ValidationFailed.one("record_count", rule)


@lru_cache(maxsize=1)
def get_settings() -> Settings:
    """The process-wide settings; tests call `get_settings.cache_clear()` after changing the environment."""
    return Settings.from_env()
