"""Completion webhooks on the local stack: a receiver on http://127.0.0.1 (allowed by the local setting) verifies
each delivery's signature; retries follow the backoff; a receiver that stays down ends in the dead-letter queue.

Figures (printed at the end of the run): delivery latency, job completed -> receiver got it, median of several;
the attempt times of a delivery that never succeeds. Measure with:
    pytest tests/e2e/test_webhooks.py -q
"""

from __future__ import annotations

import itertools
import json
import re
import statistics
import time
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import boto3
import pytest
import requests

from local.process import running_stack
from local.stack import free_port
from synthdata.clock import parse_iso
from tests.conftest import Figure
from tests.e2e.conftest import DEV_KEY, SECOND_KEY, Stack, wait_for_job
from tests.webhook_receiver import Receiver, running_receiver

BASE_SECONDS, ATTEMPTS = 1, 5  # WebhookRetryBaseSeconds and WebhookMaxAttempts on this stack
SMALL: dict[str, Any] = {"data_type": "user", "record_count": 1000, "output_format": "csv"}
# Below moto's 5 MiB part minimum (the stack plans parts of any size here), so S3 refuses to assemble it.
FAILS: dict[str, Any] = {"data_type": "user", "record_count": 30_000, "output_format": "csv"}


@dataclass(frozen=True)
class HookStack(Stack):
    sqs: Any = None

    def secret(self, key: str | None = None) -> str:
        answer = requests.get(f"{self.url}/api/webhook-secret", headers=self.headers(key), timeout=10)
        return str(answer.json()["secret"])

    def submit(self, body: dict[str, Any], callback_url: str) -> str:
        answer = requests.post(
            f"{self.url}/api/generate",
            json={**body, "callback_url": callback_url},
            headers=self.headers(),
            timeout=30,
        )
        assert answer.status_code == 202, answer.text
        return str(answer.json()["job_id"])

    def parked(self) -> list[dict[str, Any]]:
        url = self.sqs.get_queue_url(QueueName="synthdata-local-WebhookDeadLetterQueue")["QueueUrl"]
        answer = self.sqs.receive_message(QueueUrl=url, MaxNumberOfMessages=10, VisibilityTimeout=0)
        return list(answer.get("Messages", []))


@pytest.fixture(scope="module")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[HookStack]:
    log = tmp_path_factory.mktemp("webhooks") / "stack.log"
    env = {
        "LOCAL_API_KEYS": SECOND_KEY,
        "LOCAL_PARAMETER_WebhookRetryBaseSeconds": str(BASE_SECONDS),
        "LOCAL_PARAMETER_WebhookMaxAttempts": str(ATTEMPTS),
        "LOCAL_PARAMETER_MaxActiveJobsPerKey": "100",
        "SHARD_TARGET_BYTES": "1",
        "PART_MIN_BYTES": "1",
    }
    with running_stack(log, env) as running:
        moto = re.search(r"AWS \(moto\)\s+(http://127\.0\.0\.1:\d+)", log.read_text())
        assert moto, "the stack did not print its moto endpoint"
        sqs = boto3.client(
            "sqs",
            endpoint_url=moto.group(1),
            region_name="us-east-1",
            aws_access_key_id="local",
            aws_secret_access_key="local",
        )
        yield HookStack(running.url, DEV_KEY, SECOND_KEY, sqs)


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    with running_receiver() as running:
        yield running


def test_completed_jobs_are_posted_signed_and_quickly(
    stack: HookStack, receiver: Receiver, figure: Figure
) -> None:
    secret = stack.secret()
    latencies = []
    for count in range(1, 6):
        job_id = stack.submit(SMALL, receiver.url)
        job = wait_for_job(stack, job_id)
        got = receiver.wait_for(count)[-1]
        assert got.verified_with(secret), "the signature does not verify with the key's secret"
        assert not got.verified_with(stack.secret(SECOND_KEY))
        body = json.loads(got.body)
        assert (body["id"], body["status"], body["record_count"]) == (job_id, "completed", 1000)
        assert body["download_url"] and requests.get(body["download_url"], timeout=30).status_code == 200
        latencies.append(got.at - parse_iso(str(job["completed_at"])).timestamp())
    median = statistics.median(latencies)
    print(f"webhook latency, completed_at -> received: {', '.join(f'{s:.2f}' for s in latencies)} s")
    figure("webhooks latency", f"completed -> receiver, median of 5 on the local stack: {median:.2f} s")
    assert all(s >= 0 for s in latencies)


def test_a_failed_job_is_posted_with_its_error(stack: HookStack, receiver: Receiver) -> None:
    job_id = stack.submit(FAILS, receiver.url)
    assert wait_for_job(stack, job_id)["status"] == "failed"
    (got,) = receiver.wait_for(1)
    body = json.loads(got.body)
    assert body["status"] == "failed" and "could not be assembled" in body["error_message"]
    assert got.verified_with(stack.secret())


def test_a_500_then_200_is_retried_and_delivered(stack: HookStack, receiver: Receiver) -> None:
    receiver.answers = [500]
    job_id = stack.submit(SMALL, receiver.url)
    first, second = receiver.wait_for(2)
    assert (first.status, second.status) == (500, 200)
    assert second.at - first.at >= BASE_SECONDS * 0.9  # hidden for the first backoff delay
    assert (
        first.headers["Synthdata-Event-Id"] == second.headers["Synthdata-Event-Id"] == f"{job_id}.completed"
    )


def test_a_receiver_that_keeps_failing_is_tried_on_schedule_then_parked(
    stack: HookStack, receiver: Receiver, figure: Figure
) -> None:
    receiver.answers = [503] * 100
    job_id = stack.submit(SMALL, receiver.url)
    attempts = receiver.wait_for(ATTEMPTS, timeout=120)
    gaps = [round(b.at - a.at, 2) for a, b in itertools.pairwise(attempts)]
    print(f"attempt gaps {gaps} s (backoff {[BASE_SECONDS * 2**n for n in range(ATTEMPTS - 1)]} s)")
    for n, gap in enumerate(gaps):
        assert gap >= BASE_SECONDS * 2**n * 0.9, gaps
    parked = _wait_for_parked(stack, job_id)
    assert parked and len(receiver.received) == ATTEMPTS
    assert wait_for_job(stack, job_id)["status"] == "completed"
    figure(
        "webhooks retry schedule",
        f"{ATTEMPTS} attempts, gaps {gaps} s for backoff base {BASE_SECONDS} s, then the dead-letter queue",
    )


def test_a_receiver_that_is_down_ends_in_the_dead_letter_queue(stack: HookStack) -> None:
    closed = free_port()  # nothing listens there: every attempt is refused
    job_id = stack.submit(SMALL, f"http://127.0.0.1:{closed}/hook")
    assert wait_for_job(stack, job_id)["status"] == "completed"
    assert _wait_for_parked(stack, job_id, timeout=120)
    assert wait_for_job(stack, job_id)["status"] == "completed"


def _wait_for_parked(stack: HookStack, job_id: str, timeout: float = 60) -> bool:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if any(json.loads(m["Body"])["job_id"] == job_id for m in stack.parked()):
            return True
        time.sleep(0.5)
    return False


@pytest.mark.parametrize(
    "url",
    [
        "https://10.0.0.1/hook",
        "https://169.254.169.254/latest/meta-data/",
        "https://[::1]/hook",
        "https://[fd00:ec2::254]/",
        "http://hooks.example.com/hook",
        "https://user:pw@hooks.example.com/",
    ],
)
def test_unsafe_callback_urls_are_refused_at_submission(stack: HookStack, url: str) -> None:
    answer = requests.post(
        f"{stack.url}/api/generate", json={**SMALL, "callback_url": url}, headers=stack.headers(), timeout=30
    )
    assert answer.status_code == 422, answer.text
    assert [d["field"] for d in answer.json()["error"]["details"]] == ["callback_url"]
