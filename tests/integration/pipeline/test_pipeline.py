"""The pipeline ends every job completed with a correct file or failed with a reason, whatever goes wrong."""

from __future__ import annotations

import base64
import csv
import hashlib
import io
import json
import threading
from typing import Any

import boto3
import pytest
from botocore.exceptions import ClientError
from moto.s3.exceptions import NoSuchUpload
from moto.s3.models import S3Backend

from synthdata import wiring
from synthdata.adapters.dynamodb_jobs import DynamoJobStore
from synthdata.jobs.job import Job, JobStatus
from synthdata.jobs.messages import ShardTask
from synthdata.settings import get_settings
from tests.expected import expected_bytes
from tests.integration.pipeline.conftest import (
    OWNER,
    Context,
    Driver,
    open_uploads,
    stored_file,
    submit,
)


def get_job(owner: str, job_id: str, _: object = None) -> Job:
    return wiring.job_service().get(owner, job_id)


def _assert_completed_correctly(job_id: str) -> None:
    job = get_job(OWNER, job_id, get_settings())
    assert job.status is JobStatus.COMPLETED, job.error_message
    assert job.progress == 100 and job.records_done == job.spec.record_count
    data = stored_file(job)
    assert data == expected_bytes(job)
    assert job.file_size_bytes == len(data) and job.manifest_key
    manifest = json.loads(
        boto3.client("s3").get_object(Bucket=get_settings().data_bucket, Key=job.manifest_key)["Body"].read()
    )
    assert manifest["records"] == job.spec.record_count and manifest["bytes"] == len(data)
    assert manifest["seed"] == job.spec.seed and manifest["engine_version"]
    assert sum(manifest["part_sizes"]) == len(data) and len(manifest["part_sizes"]) == job.shard_count
    checksum = manifest["checksum"]
    assert checksum["algorithm"] == "SHA256" and checksum["type"] == "COMPOSITE"
    assert checksum["value"] == job.checksum_sha256
    # S3 writes "<base64>-<parts>"; moto leaves the suffix off.
    assert checksum["value"].split("-")[0] == _composite_sha256(data, manifest["part_sizes"])
    assert open_uploads() == []


def _composite_sha256(data: bytes, part_sizes: list[int]) -> str:
    """S3's multipart checksum: SHA-256 of the concatenated part digests, base64."""
    digests, offset = b"", 0
    for size in part_sizes:
        digests += hashlib.sha256(data[offset : offset + size]).digest()
        offset += size
    return base64.b64encode(hashlib.sha256(digests).digest()).decode()


def _assert_failed_cleanly(job_id: str) -> str:
    job = get_job(OWNER, job_id, get_settings())
    assert job.status is JobStatus.FAILED
    assert job.error_message
    assert stored_file(job) is None
    assert open_uploads() == []
    return job.error_message


def test_multi_shard_job_at_the_real_5mib_part_minimum(driver: Driver) -> None:
    job = submit(70_000)
    assert job.shard_count == 3
    driver.run()
    _assert_completed_correctly(job.job_id)
    data = stored_file(job)
    assert data is not None
    rows = list(csv.reader(io.StringIO(data.decode())))
    assert len(rows) == 70_001 and rows[0][0] == "id"


def test_small_gzip_json_job_is_one_shard(driver: Driver) -> None:
    job = submit(500, output_format="json", compression="gzip", data_type="company")
    assert job.shard_count == 1
    driver.run()
    _assert_completed_correctly(job.job_id)


def test_duplicate_delivery_of_a_shard_counts_once(driver: Driver) -> None:
    job = submit(70_000)
    sqs = boto3.client("sqs")
    duplicate = ShardTask(
        job_id=job.job_id, shard=1, start=job.shard(1).start, stop=job.shard(1).stop
    ).to_json()
    sqs.send_message(QueueUrl=driver.resources.queues["WorkQueue"], MessageBody=duplicate)
    driver.run()
    _assert_completed_correctly(job.job_id)


def test_worker_crash_after_upload_before_recording(driver: Driver, monkeypatch: pytest.MonkeyPatch) -> None:
    job = submit(70_000)
    real = DynamoJobStore.record_shard
    crashes: list[int] = []

    def crash_once(self: DynamoJobStore, job_id: str, shard_index: int, *args: Any) -> Any:
        if shard_index == 2 and not crashes:
            crashes.append(shard_index)
            raise RuntimeError("worker killed")
        return real(self, job_id, shard_index, *args)

    monkeypatch.setattr(DynamoJobStore, "record_shard", crash_once)
    driver.run()
    assert crashes == [2] and driver.failures == 1
    _assert_completed_correctly(job.job_id)


def test_finalizer_running_twice_concurrently_completes_once(
    driver: Driver, monkeypatch: pytest.MonkeyPatch
) -> None:
    # S3 completes an upload once and answers NoSuchUpload to a later call. moto's backend reads the upload,
    # then deletes it, with no lock, and meets an upload already gone with a KeyError: the second of two racing
    # calls died inside moto (every run here) and its finalizer never returned. A lock and S3's answer for a gone
    # upload give moto S3's behaviour.
    atomic = threading.Lock()
    real_complete = S3Backend.complete_multipart_upload

    def complete_atomically(self: S3Backend, bucket_name: str, multipart_id: str, body: Any) -> Any:
        with atomic:
            if multipart_id not in self.get_bucket(bucket_name).multiparts:
                raise NoSuchUpload(upload_id=multipart_id)
            return real_complete(self, bucket_name, multipart_id, body)

    monkeypatch.setattr(S3Backend, "complete_multipart_upload", complete_atomically)
    job = submit(70_000)
    while driver.pump("WorkQueue", driver.worker, 1):
        pass
    pipeline = wiring.pipeline()
    outcomes: list[str] = []
    threads = [
        threading.Thread(target=lambda: outcomes.append(pipeline.finalize(job.job_id))) for _ in range(2)
    ]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(outcomes) == 2, outcomes  # both finalizers returned
    assert outcomes.count("completed") == 1, outcomes
    # The other saw the job completed, either as it marked it (already-final) or before it began (skipped).
    assert set(outcomes) <= {"completed", "already-final", "skipped"}, outcomes
    driver.run()  # the queued finalize request finds the job already completed
    _assert_completed_correctly(job.job_id)


def _fail_part(part_number: int, times: int) -> Any:
    """A botocore hook that makes UploadPart of one part number fail `times` times with an S3 error."""
    state = {"left": times}

    def hook(params: dict[str, Any], **_: Any) -> None:
        if params.get("PartNumber") == part_number and state["left"] > 0:
            state["left"] -= 1
            raise ClientError(
                {"Error": {"Code": "SlowDown", "Message": "Please reduce your request rate."}}, "UploadPart"
            )

    return hook


def test_s3_error_on_one_part_is_retried(driver: Driver) -> None:
    from synthdata import aws

    job = submit(70_000)
    aws.client("s3").meta.events.register("provide-client-params.s3.UploadPart", _fail_part(2, times=1))
    driver.run()
    assert driver.failures == 1
    _assert_completed_correctly(job.job_id)


def test_poison_shard_reaches_the_dlq_and_fails_the_job(driver: Driver) -> None:
    from synthdata import aws

    job = submit(70_000)
    aws.client("s3").meta.events.register("provide-client-params.s3.UploadPart", _fail_part(3, times=100))
    driver.run()
    message = _assert_failed_cleanly(job.job_id)
    assert message.startswith("Shard 3 of 3 failed after")
    assert "storage error (SlowDown)" in message


def test_cancellation_mid_job_skips_remaining_shards(driver: Driver) -> None:
    job = submit(70_000)
    driver.pump("WorkQueue", driver.worker, 1)
    cancelled = wiring.job_service().cancel(OWNER, job.job_id)
    assert cancelled.status is JobStatus.CANCELLED
    driver.run()
    after = get_job(OWNER, job.job_id, get_settings())
    assert after.status is JobStatus.CANCELLED and len(after.done_shards) <= 1
    assert stored_file(after) is None and open_uploads() == []


def test_overdue_job_is_failed_by_the_sweep(driver: Driver, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("JOB_DEADLINE_MINUTES", "-60")
    get_settings.cache_clear()
    job = submit(70_000)
    result = driver.finalizer.handler({"source": "aws.events", "detail-type": "Scheduled Event"}, Context())
    assert result["swept"] == {job.job_id: "failed"}
    assert "deadline" in _assert_failed_cleanly(job.job_id)
    driver.run()  # the queued shards are skipped
    assert get_job(OWNER, job.job_id, get_settings()).status is JobStatus.FAILED


def test_a_task_outside_the_plan_is_dropped_without_harm(driver: Driver) -> None:
    job = submit(70_000)
    sqs = boto3.client("sqs")
    for bogus in (
        ShardTask(job_id=job.job_id, shard=7, start=0, stop=10),
        ShardTask(job_id=job.job_id, shard=1, start=0, stop=10),
    ):
        sqs.send_message(QueueUrl=driver.resources.queues["WorkQueue"], MessageBody=bogus.to_json())
        sqs.send_message(QueueUrl=driver.resources.queues["WorkDeadLetterQueue"], MessageBody=bogus.to_json())
    driver.run()
    _assert_completed_correctly(job.job_id)
