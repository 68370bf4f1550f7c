"""Matrix 7 and 8, on moto with the real handlers: the overdue sweep settles every job even when one of them
cannot be finished, and a crash at any point of the worker or the finalizer still ends in one completed job
with a whole manifest."""

from __future__ import annotations

import json
from collections.abc import Callable
from typing import Any

import boto3
import pytest
from botocore.exceptions import ClientError

from synthdata import aws, wiring
from synthdata.adapters.dynamodb_jobs import DynamoJobStore
from synthdata.adapters.s3_objects import S3ObjectStore
from synthdata.adapters.sqs_tasks import SqsTaskQueue
from synthdata.jobs.job import JobStatus
from synthdata.settings import get_settings
from tests.conftest import Figure
from tests.expected import expected_bytes
from tests.integration.pipeline.conftest import OWNER, Context, Driver, stored_file, submit


def _job(job_id: str) -> Any:
    return wiring.job_service().get(OWNER, job_id)


def test_one_poisoned_job_never_stops_the_sweep(
    driver: Driver, monkeypatch: pytest.MonkeyPatch, figure: Figure
) -> None:
    monkeypatch.setenv("MAX_ACTIVE_JOBS_PER_KEY", "20")
    get_settings.cache_clear()
    poisoned = submit(70_000)
    while driver.pump("WorkQueue", driver.worker, 1):
        pass
    boto3.client("sqs").purge_queue(QueueUrl=driver.resources.queues["FinalizeQueue"])  # its finalize is lost
    monkeypatch.setenv("JOB_DEADLINE_MINUTES", "-60")
    get_settings.cache_clear()
    stuck = [submit(1000).job_id for _ in range(6)]

    def refuse_completion(params: dict[str, Any], **_: Any) -> None:
        raise ClientError(
            {"Error": {"Code": "ServiceUnavailable", "Message": "x"}}, "CompleteMultipartUpload"
        )

    aws.client("s3").meta.events.register(
        "provide-client-params.s3.CompleteMultipartUpload", refuse_completion
    )
    table = boto3.resource("dynamodb").Table(get_settings().jobs_table)
    table.update_item(
        Key={"job_id": poisoned.job_id},
        UpdateExpression="SET deadline = :past",
        ExpressionAttributeValues={":past": "2000-01-01T00:00:00.000Z"},
    )
    sweep = {"source": "aws.events", "detail-type": "Scheduled Event"}
    first = driver.finalizer.handler(sweep, Context())["swept"]
    failed = sum(_job(j).status is JobStatus.FAILED for j in stuck)
    assert first[poisoned.job_id] == "sweep-error" and failed == len(stuck)
    for _ in range(2):
        driver.finalizer.handler(sweep, Context())
    assert _job(poisoned.job_id).status is JobStatus.FAILED
    figure(
        "7 sweep isolation",
        f"1 poisoned + {len(stuck)} stuck: {failed} of {len(stuck)} failed after one sweep, 0 sweep exceptions; "
        f"the poisoned job failed with a reason after 3 sweeps",
    )


def _after(cls: type, name: str, times: int = 1) -> Callable[..., Any]:
    """Call the real method, then crash (the work is done, the caller never hears)."""
    real, left = getattr(cls, name), {"n": times}

    def crash(self: Any, *args: Any, **kwargs: Any) -> Any:
        result = real(self, *args, **kwargs)
        if left["n"]:
            left["n"] -= 1
            raise RuntimeError(f"crash after {name}")
        return result

    return crash


def _before(cls: type, name: str, times: int = 1) -> Callable[..., Any]:
    real, left = getattr(cls, name), {"n": times}

    def crash(self: Any, *args: Any, **kwargs: Any) -> Any:
        if left["n"]:
            left["n"] -= 1
            raise RuntimeError(f"crash before {name}")
        return real(self, *args, **kwargs)

    return crash


CRASH_POINTS = {
    "worker after part upload": (S3ObjectStore, "upload_part", _after),
    "worker after recording": (DynamoJobStore, "record_shard", _after),
    "worker before the finalize message": (SqsTaskQueue, "send_finalize", _before),
    "finalizer after completion": (S3ObjectStore, "complete_upload", _after),
    "finalizer before the manifest": (S3ObjectStore, "put_json", _before),
    "finalizer before marking completed": (DynamoJobStore, "mark_completed", _before),
}


@pytest.mark.parametrize("point", list(CRASH_POINTS))
def test_a_crash_at_any_point_still_completes_once_with_a_whole_manifest(
    driver: Driver, monkeypatch: pytest.MonkeyPatch, point: str, figure: Figure
) -> None:
    cls, name, wrap = CRASH_POINTS[point]
    completions: list[str] = []
    real_mark = DynamoJobStore.mark_completed

    def counted(self: Any, *args: Any, **kwargs: Any) -> bool:
        won = real_mark(self, *args, **kwargs)
        if won:
            completions.append("completed")
        return bool(won)

    monkeypatch.setattr(DynamoJobStore, "mark_completed", counted)
    monkeypatch.setattr(cls, name, wrap(cls, name))
    job = submit(70_000)
    driver.run()
    done = _job(job.job_id)
    data = stored_file(done)
    manifest = json.loads(
        boto3.client("s3").get_object(Bucket=get_settings().data_bucket, Key=done.manifest_key)["Body"].read()
    )
    assert done.status is JobStatus.COMPLETED and data == expected_bytes(done) and len(completions) == 1
    assert manifest["part_sizes"] and sum(manifest["part_sizes"]) == len(data) == manifest["bytes"]
    assert driver.failures >= 1  # the crash happened and was retried
    figure(f"8 crash points: {point}", "completed once, manifest whole, 0 double completions")
