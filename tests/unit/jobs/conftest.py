"""The job domain on in-memory ports: a service, a pipeline, and a driver that delivers queued messages."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

import pytest

from synthdata.jobs.job import Job, JobSpec
from synthdata.jobs.job_service import JobService
from synthdata.jobs.pipeline import Pipeline
from synthdata.settings import Settings
from tests.fakes import FakePorts

OWNER = "owner-a"
OTHER = "owner-b"


def settings(**overrides: Any) -> Settings:
    values: dict[str, Any] = {
        "jobs_table": "jobs",
        "templates_table": "templates",
        "idempotency_table": "idempotency",
        "data_bucket": "bucket",
        "work_queue_url": "work",
        "express_queue_url": "express",
        "finalize_queue_url": "finalize",
        "usage_table": "usage",
        "webhook_queue_url": "webhooks",
        "webhook_secrets_table": "webhook-secrets",
        # Tiny parts, so a 30,000-row job has three shards without rendering megabytes.
        "shard_target_bytes": 1,
        "part_min_bytes": 1,
        # Room for the many jobs these tests submit; the limits have tests of their own.
        "max_active_jobs_per_key": 100,
    }
    return Settings.model_validate(values | overrides)


def spec(record_count: int = 30_000, **overrides: Any) -> JobSpec:
    values: dict[str, Any] = {
        "record_count": record_count,
        "output_format": "csv",
        "seed": 7,
        "locale": "en_US",
        "data_type": "user",
    }
    return JobSpec(**(values | overrides))


@dataclass
class World:
    fakes: FakePorts
    service: JobService
    pipeline: Pipeline

    def submit(self, record_count: int = 30_000, owner: str = OWNER, **overrides: Any) -> Job:
        return self.service.submit(owner, spec(record_count, **overrides))

    def job(self, job_id: str) -> Job:
        found = self.fakes.jobs.get(job_id)
        assert found is not None
        return found

    def deliver_shards(self) -> list[str]:
        """Every queued shard task once, in order; returns the outcomes."""
        tasks, self.fakes.tasks.shard_tasks = self.fakes.tasks.shard_tasks, []
        return [self.pipeline.process_shard(task) for task in tasks]

    def deliver_finalize(self) -> list[str]:
        requests, self.fakes.tasks.finalize_requests = self.fakes.tasks.finalize_requests, []
        return [self.pipeline.finalize(r.job_id) for r in requests]

    def run(self) -> None:
        while self.fakes.tasks.shard_tasks or self.fakes.tasks.finalize_requests:
            self.deliver_shards()
            self.deliver_finalize()


@pytest.fixture
def world() -> World:
    fakes = FakePorts()
    config = settings()
    return World(
        fakes, JobService(config, fakes.ports, paging_key=b"unit-test-key"), Pipeline(config, fakes.ports)
    )
