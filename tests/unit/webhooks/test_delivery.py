"""One delivery attempt on fakes: what is signed and sent, what is retried with which delay, what is dropped."""

from __future__ import annotations

import json
from dataclasses import replace

import pytest

from synthdata.jobs.job import Job, JobSpec, JobStatus
from synthdata.webhooks.delivery import Deliverer, DeliveryFailed, DeliveryLimits, retry_delay
from synthdata.webhooks.messages import JobEnded
from synthdata.webhooks.ports import WebhookSecret
from synthdata.webhooks.signing import verify
from synthdata.webhooks.url_policy import UrlPolicy
from tests.fakes import InMemoryJobStore, InMemoryWebhookSecretStore, ScriptedWebhookSender

NOW = 1_800_000_000
HOOK = "https://hooks.example.com/in"
ADDRESSES = {"hooks.example.com": ["93.184.216.34"], "rebound.example.com": ["93.184.216.34"]}


def resolve(host: str, port: int) -> list[str]:
    if host not in ADDRESSES:
        raise OSError("NXDOMAIN")
    return ADDRESSES[host]


def ended(status: JobStatus = JobStatus.COMPLETED, url: str | None = HOOK, owner: str = "owner-a") -> Job:
    spec = JobSpec(
        record_count=100, output_format="csv", seed=1, locale="en_US", data_type="user", callback_url=url
    )
    return Job("job-1", owner, status, spec, "2026-11-26T00:00:00.000Z", 100, 1, "jobs/owner-a/job-1/f.csv")


def deliverer(job: Job, sender: ScriptedWebhookSender, max_attempts: int = 4) -> Deliverer:
    jobs, secrets = InMemoryJobStore(), InMemoryWebhookSecretStore()
    jobs.create(job, 0)
    secrets.create(WebhookSecret("owner-a", "whsec_a", "t"))
    secrets.create(WebhookSecret("owner-b", "whsec_b", "t"))
    limits = DeliveryLimits(
        UrlPolicy(), timeout_seconds=2.5, max_attempts=max_attempts, retry_base_seconds=30
    )
    render = lambda j: json.dumps({"id": j.job_id, "status": j.status.value}).encode()  # noqa: E731
    return Deliverer(jobs, secrets, sender, resolve, limits, render, clock=lambda: NOW)


def test_a_delivery_posts_the_job_signed_with_its_owners_secret_to_the_pinned_address() -> None:
    sender = ScriptedWebhookSender(204)
    assert deliverer(ended(), sender).deliver(JobEnded(job_id="job-1", status="completed")) == "delivered"
    (post,) = sender.posted
    assert json.loads(post.body) == {"id": "job-1", "status": "completed"}
    assert verify("whsec_a", post.body, post.headers["Synthdata-Signature"], now=NOW)
    assert not verify("whsec_b", post.body, post.headers["Synthdata-Signature"], now=NOW)
    assert post.headers["Synthdata-Event-Id"] == "job-1.completed"
    assert post.destination.address == "93.184.216.34" and post.timeout == 2.5


@pytest.mark.parametrize("answer", [500, 302, 404, None])
def test_a_non_2xx_answer_or_no_answer_is_retried_after_the_backoff(answer: int | None) -> None:
    postponed: list[int] = []
    with pytest.raises(DeliveryFailed):
        deliverer(ended(), ScriptedWebhookSender(answer)).attempt(
            JobEnded(job_id="job-1", status="completed"), 3, postponed.append
        )
    assert postponed == [120]


def test_the_last_attempt_is_made_visible_at_once_so_sqs_parks_it() -> None:
    postponed: list[int] = []
    with pytest.raises(DeliveryFailed):
        deliverer(ended(), ScriptedWebhookSender(503), max_attempts=4).attempt(
            JobEnded(job_id="job-1", status="completed"), 4, postponed.append
        )
    assert postponed == [0]


def test_the_backoff_doubles_from_the_base_and_stops_at_twelve_hours() -> None:
    assert [retry_delay(n, 30) for n in range(1, 8)] == [30, 60, 120, 240, 480, 960, 1920]
    assert retry_delay(30, 30) == 12 * 3600


def test_a_url_refused_at_delivery_is_dropped_not_retried() -> None:
    ADDRESSES["rebound.example.com"] = ["10.0.0.7"]  # the host now resolves to a private address
    sender = ScriptedWebhookSender()
    job = ended(url="https://rebound.example.com/in")
    try:
        assert deliverer(job, sender).deliver(JobEnded(job_id="job-1", status="completed")) == "refused"
    finally:
        ADDRESSES["rebound.example.com"] = ["93.184.216.34"]
    assert sender.posted == []


def test_a_host_that_stops_resolving_is_retried() -> None:
    with pytest.raises(DeliveryFailed, match="does not resolve"):
        deliverer(ended(url="https://gone.example.com/"), ScriptedWebhookSender()).deliver(
            JobEnded(job_id="job-1", status="failed")
        )


def test_nothing_is_sent_for_a_missing_or_unfinished_job_or_one_without_a_url() -> None:
    for job in (ended(JobStatus.PROCESSING), ended(url=None), replace(ended(), job_id="other")):
        sender = ScriptedWebhookSender()
        assert deliverer(job, sender).deliver(JobEnded(job_id="job-1", status="completed")) == "skipped"
        assert sender.posted == []
