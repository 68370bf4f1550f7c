"""Completion webhooks end to end on moto: submit with a callback_url, run the pipeline, deliver, verify."""

from __future__ import annotations

import json
import uuid
from typing import Any

import boto3
import pytest

from local.resources import LocalResources
from synthdata.jobs.messages import ShardTask
from tests.conftest import Figure
from tests.integration.api.conftest import Api
from tests.integration.pipeline.conftest import Driver
from tests.integration.webhooks.conftest import Hooks
from tests.webhook_receiver import Receiver

GENERATE = {"data_type": "user", "record_count": 500, "output_format": "csv"}
VOLATILE = {"download_url", "download_url_expires_at"}  # a fresh link per request


def submit(api: Api, receiver: Receiver, **extra: Any) -> str:
    answer = api.call("POST", "/api/generate", {**GENERATE, "callback_url": receiver.url, **extra})
    assert answer.status == 202, answer.text
    return str(answer.json()["job_id"])


def test_a_completed_job_posts_its_signed_status_once(
    api: Api, pipeline: Driver, hooks: Hooks, receiver: Receiver
) -> None:
    job_id = submit(api, receiver)
    pipeline.run()
    assert hooks.pump() == {"batchItemFailures": []}
    (got,) = receiver.wait_for(1)
    secret = api.call("GET", "/api/webhook-secret").json()["secret"]
    assert got.verified_with(secret) and got.path == "/hook"
    assert got.headers["Synthdata-Event-Id"] == f"{job_id}.completed"
    sent, shown = json.loads(got.body), api.call("GET", f"/api/jobs/{job_id}").json()
    assert {k: v for k, v in sent.items() if k not in VOLATILE} == {
        k: v for k, v in shown.items() if k not in VOLATILE
    }
    assert sent["status"] == "completed" and sent["download_url"]
    assert hooks.pump() is None and hooks.counts("WebhookQueue") == (0, 0)


def test_a_failed_job_posts_its_error(
    api: Api, pipeline: Driver, hooks: Hooks, receiver: Receiver, aws_resources: LocalResources
) -> None:
    job_id = submit(api, receiver)
    task = ShardTask(job_id=job_id, shard=0, start=0, stop=500)
    pipeline.sqs.send_message(
        QueueUrl=aws_resources.queues["WorkDeadLetterQueue"], MessageBody=task.to_json()
    )
    pipeline.pump("WorkDeadLetterQueue", pipeline.finalizer, 10)
    hooks.pump()
    (got,) = receiver.wait_for(1)
    body = json.loads(got.body)
    assert body["status"] == "failed" and "Shard 1 of 1 failed" in body["error_message"]
    assert got.verified_with(api.call("GET", "/api/webhook-secret").json()["secret"])


def test_a_500_is_retried_after_its_backoff_and_then_delivered(
    api: Api, pipeline: Driver, hooks: Hooks, receiver: Receiver
) -> None:
    receiver.answers = [500]
    job_id = submit(api, receiver)
    pipeline.run()
    failed = hooks.pump()
    assert failed is not None and len(failed["batchItemFailures"]) == 1
    assert hooks.counts("WebhookQueue") == (0, 1) and hooks.pump() is None  # hidden for the backoff
    assert hooks.delays == [30]  # WebhookRetryBaseSeconds after the first attempt
    hooks.expire_backoff()
    assert hooks.pump() == {"batchItemFailures": []}
    first, second = receiver.wait_for(2)
    assert (first.status, second.status) == (500, 200)
    assert first.headers["Synthdata-Event-Id"] == second.headers["Synthdata-Event-Id"]
    assert api.call("GET", f"/api/jobs/{job_id}").json()["status"] == "completed"


def test_a_receiver_that_stays_down_ends_in_the_dead_letter_queue_and_the_job_is_unaffected(
    api: Api, pipeline: Driver, hooks: Hooks, receiver: Receiver
) -> None:
    receiver.answers = [503] * 100
    job_id = submit(api, receiver)
    pipeline.run()
    attempts = 0
    while hooks.counts("WebhookQueue") != (0, 0) and attempts < 20:
        hooks.expire_backoff()
        hooks.pump()
        attempts = len(receiver.received)
    assert attempts == 8  # WebhookMaxAttempts, the queue's maxReceiveCount
    assert hooks.delays == [30, 60, 120, 240, 480, 960, 1920, 0]  # after the last, parked at the next receive
    assert hooks.counts("WebhookDeadLetterQueue")[0] == 1
    assert api.call("GET", f"/api/jobs/{job_id}").json()["status"] == "completed"


def test_a_host_that_now_resolves_to_a_private_address_is_refused_at_delivery(
    api: Api, pipeline: Driver, hooks: Hooks, receiver: Receiver, monkeypatch: pytest.MonkeyPatch
) -> None:
    answers = {"hooks.example.com": ["93.184.216.34"]}
    monkeypatch.setattr("synthdata.adapters.dns.resolve_host", lambda host, port: answers[host])
    job_id = submit(api, receiver, callback_url="https://hooks.example.com/in")
    pipeline.run()
    answers["hooks.example.com"] = ["10.0.0.1"]  # DNS rebinding: public at submission, private now
    assert hooks.pump() == {"batchItemFailures": []}  # refused for good: not retried
    assert receiver.received == [] and hooks.counts("WebhookQueue") == (0, 0)
    assert api.call("GET", f"/api/jobs/{job_id}").json()["status"] == "completed"


def test_loopback_is_refused_at_delivery_once_the_local_setting_is_off(
    api: Api,
    pipeline: Driver,
    receiver: Receiver,
    aws_resources: LocalResources,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from synthdata.settings import get_settings
    from tests.conftest import load_handler

    monkeypatch.setenv("WEBHOOK_ALLOW_LOCAL_HTTP", "true")
    get_settings.cache_clear()
    submit(api, receiver)
    pipeline.run()
    monkeypatch.setenv("WEBHOOK_ALLOW_LOCAL_HTTP", "false")
    get_settings.cache_clear()
    strict = Hooks(aws_resources, load_handler("webhook"), boto3.client("sqs"))
    assert strict.pump() == {"batchItemFailures": []}
    assert receiver.received == []


# ---------------------------------------------------------------------------------------------- at submission
REFUSED = {
    "https://10.0.0.1/hook": "address 10.0.0.1 is a private address",
    "https://169.254.169.254/latest/meta-data/": "address 169.254.169.254 is the cloud metadata service",
    "https://[::1]/hook": "address ::1 is a loopback address",
    "https://[fd00:ec2::254]/": "is the cloud metadata service",
    "http://hooks.example.com/hook": "must be an https:// URL",
    "http://127.0.0.1:8080/hook": "must be an https:// URL",  # WebhookAllowLocalHttp is off
    "https://127.0.0.1/hook": "address 127.0.0.1 is a loopback address",
    "https://user:secret@hooks.example.com/": "must not contain credentials",
    "https://internal.example.com/": "host internal.example.com resolves to 192.168.0.5, which is a private address",
    "https://nowhere.example.com/": "host nowhere.example.com does not resolve",
    "https://hooks.example.com/" + "a" * 2100: "must be at most 2048 characters",
}


def test_callback_urls_that_could_reach_inside_are_refused_with_a_422_naming_the_field(
    api: Api, monkeypatch: pytest.MonkeyPatch, figure: Figure
) -> None:
    answers = {
        "hooks.example.com": ["93.184.216.34"],
        "internal.example.com": ["93.184.216.34", "192.168.0.5"],
    }

    def resolve(host: str, port: int) -> list[str]:
        if host not in answers:
            raise OSError("NXDOMAIN")
        return answers[host]

    monkeypatch.setattr("synthdata.adapters.dns.resolve_host", resolve)
    for url, message in REFUSED.items():
        answer = api.call("POST", "/api/generate", {**GENERATE, "callback_url": url})
        assert answer.status == 422, (url, answer.text)
        (detail,) = answer.json()["error"]["details"]
        assert detail["field"] == "callback_url" and message in detail["message"], (url, detail)
    assert api.call("GET", "/api/jobs").json()["total"] == 0
    good = api.call("POST", "/api/generate", {**GENERATE, "callback_url": "https://hooks.example.com/in"})
    assert good.status == 202
    figure(
        "webhooks SSRF", f"{len(REFUSED)} of {len(REFUSED)} unsafe callback URLs refused at submission (422)"
    )


# ---------------------------------------------------------------------------------------------- secrets
def test_each_key_has_its_own_secret_and_rotation_replaces_it(api: Api) -> None:
    first = api.call("GET", "/api/webhook-secret")
    assert first.status == 200 and first.headers.get("Cache-Control") == "no-store"
    mine = first.json()
    assert mine["secret"].startswith("whsec_") and mine["signature_header"] == "Synthdata-Signature"
    assert api.call("GET", "/api/webhook-secret").json() == mine
    theirs = api.call("GET", "/api/webhook-secret", owner="key-owner-b").json()
    assert theirs["secret"] != mine["secret"]
    rotated = api.call("POST", "/api/webhook-secret/rotate").json()
    assert rotated["secret"] not in (mine["secret"], theirs["secret"])
    assert api.call("GET", "/api/webhook-secret").json()["secret"] == rotated["secret"]
    assert api.call("GET", "/api/webhook-secret", owner="key-owner-b").json() == theirs


def test_a_secret_stored_is_only_the_owners_item_in_an_encrypted_table(
    api: Api, aws_resources: LocalResources
) -> None:
    api.call("GET", "/api/webhook-secret")
    api.call("GET", "/api/webhook-secret", owner="key-owner-b")
    dynamodb = boto3.client("dynamodb")
    table = aws_resources.tables["WebhookSecretsTable"]
    description = dynamodb.describe_table(TableName=table)["Table"]
    assert description["SSEDescription"]["Status"] == "ENABLED"
    owners = sorted(i["owner"]["S"] for i in dynamodb.scan(TableName=table)["Items"])
    assert owners == ["key-owner-a", "key-owner-b"]
    assert str(uuid.UUID(int=0))  # the ids stay the authorizer's principals, never key values


def test_a_post_without_any_body_is_a_4xx_where_a_body_is_needed(api: Api) -> None:
    answer = api.call("POST", "/api/generate")
    assert 400 <= answer.status < 500 and answer.json()["error"]["code"], answer.text
