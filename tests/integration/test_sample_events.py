"""Every sample event in events/ runs through its function's handler and does what it says."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from local.resources import LocalResources
from tests.conftest import json_object, load_handler
from tests.integration.pipeline.conftest import Context

EVENTS = Path(__file__).resolve().parents[2] / "events"


def event(name: str, job_id: str | None = None) -> dict[str, Any]:
    text = (EVENTS / name).read_text()
    if job_id:
        text = text.replace("5b1f3c9e-8d0a-4a53-9a7e-2f1c8f7d6b01", job_id)
    return json_object(text)


def owner_of(name: str) -> dict[str, Any]:
    authorizer = event(name)["requestContext"]["authorizer"]
    assert isinstance(authorizer, dict)
    return authorizer


def test_every_event_file_is_used() -> None:
    used = {
        "api_generate.json",
        "api_get_job.json",
        "api_health.json",
        "authorizer_header_key.json",
        "authorizer_query_key.json",
        "worker_shard.json",
        "finalizer_finalize.json",
        "finalizer_dead_shard.json",
        "finalizer_sweep.json",
        "webhook_delivery.json",
    }
    assert {p.name for p in EVENTS.glob("*.json")} == used


def test_the_sample_events_drive_a_job_from_request_to_completion(
    aws_resources: LocalResources, monkeypatch: pytest.MonkeyPatch
) -> None:
    api, worker, finalizer = load_handler("api"), load_handler("worker"), load_handler("finalizer")
    authorizer = load_handler("authorizer")
    for name in ("authorizer_header_key.json", "authorizer_query_key.json"):
        assert (
            authorizer.handler(event(name), Context())["policyDocument"]["Statement"][0]["Effect"] == "Allow"
        )
    assert json.loads(api.handler(event("api_health.json"), Context())["body"])["status"] == "ok"

    created = api.handler(event("api_generate.json"), Context())
    assert created["statusCode"] == 202
    job_id = json.loads(created["body"])["job_id"]
    assert worker.handler(event("worker_shard.json", job_id), Context()) == {"batchItemFailures": []}
    assert finalizer.handler(event("finalizer_finalize.json", job_id), Context()) == {"batchItemFailures": []}
    shown = api.handler(event("api_get_job.json", job_id), Context())
    job = json.loads(shown["body"])
    assert shown["statusCode"] == 200 and job["status"] == "completed" and job["records_done"] == 10000
    # The job gave no callback_url: its notice (had one been queued) is dropped without a delivery or a retry.
    webhook = load_handler("webhook")
    assert webhook.handler(event("webhook_delivery.json", job_id), Context()) == {"batchItemFailures": []}

    second = json.loads(api.handler(event("api_generate.json"), Context())["body"])["job_id"]
    assert finalizer.handler(event("finalizer_dead_shard.json", second), Context()) == {
        "batchItemFailures": []
    }
    failed = json.loads(api.handler(event("api_get_job.json", second), Context())["body"])
    assert failed["status"] == "failed"
    assert failed["error_message"].startswith("Shard 1 of 1 failed after 1 attempts")
    assert finalizer.handler(event("finalizer_sweep.json"), Context()) == {"swept": {}}
