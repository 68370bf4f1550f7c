"""Matrix 10: eight clients retrying one request at once with one Idempotency-Key create one job; the others
are told to retry (409 with Retry-After), never a 5xx."""

from __future__ import annotations

import threading
from typing import Any

import pytest
from moto.dynamodb.models.table import Table

from synthdata.jobs.job_service import JobService
from tests.conftest import Figure
from tests.integration.api.conftest import Api

GENERATE = {"data_type": "user", "record_count": 1000, "output_format": "csv"}
CLIENTS = 8


def test_concurrent_requests_with_one_key_make_one_job(
    api: Api, monkeypatch: pytest.MonkeyPatch, figure: Figure
) -> None:
    replies: list[Any] = []
    others_answered = threading.Event()
    real_submit = JobService.submit

    def submit_once_the_others_are_answered(self: JobService, *args: Any, **kwargs: Any) -> Any:
        # The request that won the idempotency record holds it while the seven others arrive: a real race.
        others_answered.wait(timeout=30)
        return real_submit(self, *args, **kwargs)

    monkeypatch.setattr(JobService, "submit", submit_once_the_others_are_answered)
    # DynamoDB checks a condition and writes in one atomic step; moto's in-process put_item checks, then writes,
    # with no lock, so two threads could both win the idempotency record's attribute_not_exists (seen once in
    # ~1,200 test runs under load: two 202s). One lock around it gives moto DynamoDB's guarantee.
    atomic = threading.Lock()
    real_put = Table.put_item

    def put_atomically(self: Table, *args: Any, **kwargs: Any) -> Any:
        with atomic:
            return real_put(self, *args, **kwargs)

    monkeypatch.setattr(Table, "put_item", put_atomically)

    def send() -> None:
        reply = api.call("POST", "/api/generate", GENERATE, headers={"Idempotency-Key": "retry-storm"})
        replies.append(reply)
        if len(replies) == CLIENTS - 1:
            others_answered.set()

    threads = [threading.Thread(target=send) for _ in range(CLIENTS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=60)
    statuses = sorted(r.status for r in replies)
    jobs = api.call("GET", "/api/jobs").json()["total"]
    assert statuses == [202] + [409] * (CLIENTS - 1) and jobs == 1
    assert all(r.headers.get("Retry-After") == "2" for r in replies if r.status == 409)
    again = api.call("POST", "/api/generate", GENERATE, headers={"Idempotency-Key": "retry-storm"})
    assert again.status == 202 and api.call("GET", "/api/jobs").json()["total"] == 1
    figure(
        "10 idempotency race",
        f"{CLIENTS} concurrent requests: {statuses.count(202)} x 202, "
        f"{statuses.count(409)} x 409 with Retry-After, 0 5xx, {jobs} job",
    )
