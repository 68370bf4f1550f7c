"""The local stack's moving parts against a real moto server: pollers (separate processes) and the SAM gateway."""

from __future__ import annotations

import json
import time
import uuid
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from typing import Any

import boto3
import pytest
import requests
from moto.server import ThreadedMotoServer

import local.gateway as local_gateway
from local.gateway import SAM_CLI_VERSION, start_gateway
from local.pollers import Pollers, event_sources
from local.resources import LocalResources, create_resources
from local.stack import free_port
from local.template import load_template
from synthdata import aws
from synthdata.settings import get_settings


def test_the_gateway_was_written_for_the_installed_sam_cli() -> None:
    from samcli import __version__

    assert __version__ == SAM_CLI_VERSION, (
        "local/gateway.py uses SAM CLI internals: re-test it before upgrading"
    )


def test_event_sources_come_from_the_template() -> None:
    sqs, schedules = event_sources(load_template())
    assert {(s.function, s.queue, s.batch_size, s.report_failures) for s in sqs} == {
        ("WorkerFunction", "WorkQueue", 1, True),
        ("WorkerFunction", "ExpressQueue", 1, True),
        ("FinalizerFunction", "FinalizeQueue", 10, True),
        ("FinalizerFunction", "WorkDeadLetterQueue", 10, True),
        ("WebhookFunction", "WebhookQueue", 5, True),
    }
    assert [(s.function, s.name) for s in schedules] == [("FinalizerFunction", "OverdueSweep")]


@pytest.fixture
def moto_server(monkeypatch: pytest.MonkeyPatch) -> Iterator[LocalResources]:
    port = free_port()
    server = ThreadedMotoServer(ip_address="127.0.0.1", port=port)
    server.start()
    requests.post(f"http://127.0.0.1:{port}/moto-api/reset", timeout=10)  # moto's state is per process
    for name, value in {
        "AWS_ENDPOINT_URL": f"http://127.0.0.1:{port}",
        "AWS_ACCESS_KEY_ID": "local",
        "AWS_SECRET_ACCESS_KEY": "local",
        "AWS_DEFAULT_REGION": "us-east-1",
        "LOCAL_VISIBILITY_TIMEOUT": "1",
        "POWERTOOLS_TRACE_DISABLED": "true",
    }.items():
        monkeypatch.setenv(name, value)
    aws.reset_clients()
    resources = create_resources(load_template(), extra_api_keys=["another-key-1234567890"])
    for name, value in resources.environment.items():
        monkeypatch.setenv(name, value)
    get_settings.cache_clear()
    yield resources
    server.stop()
    aws.reset_clients()
    get_settings.cache_clear()


def _wait(condition: Any, timeout: float = 60) -> None:
    deadline = time.monotonic() + timeout
    while not condition():
        assert time.monotonic() < deadline, "timed out"
        time.sleep(0.2)


def test_failed_messages_return_then_land_in_the_dlq_and_good_ones_are_deleted(
    moto_server: LocalResources,
) -> None:
    sqs = boto3.client("sqs")
    pollers = Pollers(moto_server, processes=1, sweep_seconds=3600)
    pollers.start()
    try:
        good = json.dumps(
            {"job_id": "00000000-0000-4000-8000-000000000000", "shard": 0, "start": 0, "stop": 10}
        )
        sqs.send_message(QueueUrl=moto_server.queues["WorkQueue"], MessageBody=good)
        sqs.send_message(QueueUrl=moto_server.queues["WorkQueue"], MessageBody="this is not a shard task")
        dead_letters = "FinalizerFunction <- WorkDeadLetterQueue"
        _wait(lambda: pollers.invocations[dead_letters] >= 1)
    finally:
        pollers.stop()
    worker = "WorkerFunction <- WorkQueue"
    assert pollers.failed_messages[worker] == 5  # maxReceiveCount deliveries of the malformed one
    assert pollers.invocations[worker] == 6  # plus the good one, deleted at the first delivery
    assert pollers.failed_messages[dead_letters] == 0  # the DLQ consumer dropped it without looping
    for queue in ("WorkQueue", "WorkDeadLetterQueue"):
        attributes = sqs.get_queue_attributes(QueueUrl=moto_server.queues[queue], AttributeNames=["All"])[
            "Attributes"
        ]
        assert (
            attributes["ApproximateNumberOfMessages"]
            == attributes["ApproximateNumberOfMessagesNotVisible"]
            == "0"
        )


def create_resources_key(client_key: str) -> str:
    """A further key in the usage plan, as the README's deploy section adds one."""
    apigateway = boto3.client("apigateway")
    key = apigateway.create_api_key(name="spare", value=f"synthdata-{client_key}", enabled=True)
    plan = next(p for p in apigateway.get_usage_plans()["items"] if p["name"].endswith("usage-plan"))
    apigateway.create_usage_plan_key(usagePlanId=plan["id"], keyId=key["id"], keyType="API_KEY")
    return str(key["id"])


def test_gateway_enforces_keys_with_the_template_gateway_responses(
    moto_server: LocalResources, monkeypatch: pytest.MonkeyPatch
) -> None:
    spare = "spare-key-1234567890"
    key_id = create_resources_key(
        spare
    )  # before the first keyed request: new keys count from the next reload
    gateway = start_gateway(moto_server.template, free_port())
    try:
        assert requests.get(f"{gateway.url}/health", timeout=30).status_code == 200
        missing = requests.get(f"{gateway.url}/api/jobs", timeout=30)
        assert missing.status_code == 401 and missing.json()["error"]["code"] == "unauthorized"
        wrong = requests.get(f"{gateway.url}/api/jobs", headers={"X-API-Key": "nope-nope-nope"}, timeout=30)
        assert wrong.status_code == 403 and wrong.json()["error"]["code"] == "forbidden"
        # Each request has its own id, as on API Gateway, in the function's errors and the gateway's alike.
        unknown = [
            requests.get(f"{gateway.url}/api/jobs/{uuid.uuid4()}", params={"api_key": spare}, timeout=30)
            for _ in range(3)
        ]
        ids = {answer.json()["request_id"] for answer in [*unknown, missing, wrong]}
        assert [a.status_code for a in unknown] == [404] * 3 and len(ids) == 5
        for key in ("dev-api-key-123456", "another-key-1234567890"):
            assert (
                requests.get(f"{gateway.url}/api/jobs", params={"api_key": key}, timeout=30).status_code
                == 200
            )
        # A disabled key stays in its usage plan; API Gateway refuses it itself, and so does the local gateway.
        assert (
            requests.get(f"{gateway.url}/api/jobs", headers={"X-API-Key": spare}, timeout=30).status_code
            == 200
        )
        boto3.client("apigateway").update_api_key(
            apiKey=key_id, patchOperations=[{"op": "replace", "path": "/enabled", "value": "false"}]
        )
        time.sleep(2.5)
        disabled = requests.get(f"{gateway.url}/api/jobs", headers={"X-API-Key": spare}, timeout=30)
        assert disabled.status_code == 403 and disabled.json()["error"]["code"] == "forbidden"
        not_json = requests.post(
            f"{gateway.url}/api/generate",
            data=b"\xff\xfe",
            timeout=30,
            headers={"X-API-Key": "dev-api-key-123456", "Content-Type": "application/json"},
        )
        assert not_json.status_code == 400 and not_json.json()["error"]["code"] == "bad_request"

        # 300 requests from 8 threads with the throttle's clock stopped (no refill, so the count cannot depend
        # on how fast a loaded machine serves): what is left of the template's burst (100, less this key's
        # requests above) passes, every other request is throttled.
        stopped = time.monotonic()
        monkeypatch.setattr(local_gateway, "bucket_clock", lambda: stopped)

        def status_of_keyed_request(_: int) -> tuple[int, str]:
            answer = requests.get(
                f"{gateway.url}/api/templates", headers={"X-API-Key": "another-key-1234567890"}, timeout=30
            )
            return answer.status_code, answer.text

        with ThreadPoolExecutor(max_workers=8) as pool:
            answers = list(pool.map(status_of_keyed_request, range(300)))
        statuses = [status for status, _ in answers]
        passed = statuses.count(200)
        assert 0 < passed <= 100 and statuses.count(429) == 300 - passed, Counter(statuses)
        throttled = next(text for status, text in answers if status == 429)
        assert json.loads(throttled)["error"]["code"] == "throttled"
    finally:
        gateway.stop()
