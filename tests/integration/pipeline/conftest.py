"""Drive the pipeline the way Lambda would: SQS batches from the template's queues into the real handlers."""

from __future__ import annotations

from dataclasses import dataclass, field
from types import ModuleType
from typing import TYPE_CHECKING, Any

import boto3
import pytest

from local.resources import LocalResources
from local.sqs_events import delete_succeeded, lambda_sqs_event, receive
from synthdata import wiring
from synthdata.jobs.job import Job, JobSpec
from synthdata.settings import get_settings
from tests.conftest import load_handler

if TYPE_CHECKING:
    from mypy_boto3_s3.type_defs import MultipartUploadTypeDef

OWNER = "owner-a"


class Context:
    function_name = "test"
    memory_limit_in_mb = 1024
    invoked_function_arn = "arn:aws:lambda:us-east-1:123456789012:function:test"
    aws_request_id = "req"

    def get_remaining_time_in_millis(self) -> int:
        return 300_000


@dataclass
class Driver:
    resources: LocalResources
    worker: ModuleType  # functions/worker/app.py, loaded by load_handler
    finalizer: ModuleType
    sqs: Any = field(default_factory=lambda: boto3.client("sqs"))
    failures: int = 0

    def pump(self, queue: str, handler: ModuleType, batch: int) -> int:
        """Deliver one batch from a queue; failed messages become visible again at once (time 'passes')."""
        url = self.resources.queues[queue]
        messages = receive(self.sqs, url, batch)
        if not messages:
            return 0
        event = lambda_sqs_event(messages, self.resources.queue_arns[queue])
        try:
            response = handler.handler(event, Context())
        except Exception:
            response = None
        failed = delete_succeeded(self.sqs, url, messages, response)
        for message in messages:
            if message["MessageId"] in failed:
                self.failures += 1
                self.sqs.change_message_visibility(
                    QueueUrl=url, ReceiptHandle=message["ReceiptHandle"], VisibilityTimeout=0
                )
        return len(messages)

    def run(self, max_rounds: int = 200, work_batch: int = 1) -> None:
        """Until every queue is empty: shards to workers, dead letters and finalize requests to the finalizer."""
        for _ in range(max_rounds):
            moved = self.pump("WorkQueue", self.worker, work_batch)
            moved += self.pump("ExpressQueue", self.worker, work_batch)
            moved += self.pump("WorkDeadLetterQueue", self.finalizer, 10)
            moved += self.pump("FinalizeQueue", self.finalizer, 10)
            if not moved:
                return
        raise AssertionError("the pipeline did not go idle")


@pytest.fixture
def driver(aws_resources: LocalResources, monkeypatch: pytest.MonkeyPatch) -> Driver:
    # Force the smallest legal parts (5 MiB x safety) so that a 70k-row job has three shards.
    monkeypatch.setenv("SHARD_TARGET_BYTES", "1")
    get_settings.cache_clear()
    return Driver(aws_resources, load_handler("worker"), load_handler("finalizer"))


def submit(record_count: int = 70_000, **overrides: Any) -> Job:
    spec = JobSpec(
        record_count=record_count,
        output_format=overrides.pop("output_format", "csv"),
        seed=overrides.pop("seed", 1234),
        locale=overrides.pop("locale", "en_US"),
        data_type=overrides.pop("data_type", "user"),
        **overrides,
    )
    return wiring.job_service().submit(OWNER, spec)


def stored_file(job: Job) -> bytes | None:
    s3 = boto3.client("s3")
    try:
        return s3.get_object(Bucket=get_settings().data_bucket, Key=job.file_key)["Body"].read()
    except s3.exceptions.NoSuchKey:
        return None


def open_uploads() -> list[MultipartUploadTypeDef]:
    return boto3.client("s3").list_multipart_uploads(Bucket=get_settings().data_bucket).get("Uploads", [])
