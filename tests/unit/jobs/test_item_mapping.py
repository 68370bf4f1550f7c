"""The DynamoDB adapter's item mapping: a job survives the round trip, and index attributes follow its status."""

from __future__ import annotations

from dataclasses import replace

import pytest

from synthdata.adapters.dynamodb_jobs import job_from_item, job_to_item
from synthdata.jobs.job import Job, JobStatus
from tests.unit.jobs.conftest import spec


def _job(status: JobStatus) -> Job:
    return Job(
        job_id="5b1f3c9e-8d0a-4a53-9a7e-2f1c8f7d6b01",
        owner="key-1",
        status=status,
        spec=spec(1000, compression="gzip", options={"realistic_email_domains": True}),
        created_at="2026-11-26T10:00:00.000Z",
        shard_records=1000,
        shard_count=1,
        file_key="jobs/key-1/x/user-1000.csv.gz",
        upload_id="u-1",
        deadline="2026-11-26T10:31:00.000Z",
        engine_version="1.0.0",
    )


@pytest.mark.parametrize("status", list(JobStatus))
def test_a_job_survives_the_round_trip(status: JobStatus) -> None:
    job = _job(status)
    item = job_to_item(job)
    assert job_from_item(item) == job
    assert item["owner_status"] == f"key-1#{status.value}"
    assert ("active" in item) == (status in (JobStatus.PENDING, JobStatus.PROCESSING))


def test_progress_and_counters_come_back_as_numbers() -> None:
    item = job_to_item(replace(_job(JobStatus.PROCESSING), records_done=500))
    item["done_shards"] = {0}
    item["file_size_bytes"] = 12345
    job = job_from_item(item)
    assert job.done_shards == frozenset({0}) and job.file_size_bytes == 12345 and job.progress == 50


def test_a_float_nearer_zero_than_dynamodb_numbers_go_is_stored_as_zero() -> None:
    from boto3.dynamodb.types import TypeSerializer

    from synthdata.dynamo import from_dynamo, to_dynamo

    stored = TypeSerializer().serialize(to_dynamo({"null_rate": 5e-324, "min": -1e-200, "max": 0.25}))
    assert stored == {"M": {"null_rate": {"N": "0"}, "min": {"N": "0"}, "max": {"N": "0.25"}}}
    assert from_dynamo(to_dynamo([1e-129, 2.5])) == [1e-129, 2.5]
