"""Webhooks on moto in-process: the API, the pipeline and the webhook function, with a receiver on 127.0.0.1."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field
from typing import Any

import boto3
import pytest

from local.resources import LocalResources
from local.sqs_events import delete_succeeded, lambda_sqs_event, receive
from synthdata import aws
from synthdata.settings import get_settings
from tests.conftest import load_handler
from tests.integration.api.conftest import Api
from tests.integration.pipeline.conftest import Context, Driver
from tests.webhook_receiver import Receiver, running_receiver


@dataclass
class Hooks:
    """The webhook queue and function, pumped the way Lambda would: a failed message keeps the visibility the
    function gave it (the backoff), unless the test makes time pass with `expire_backoff`."""

    resources: LocalResources
    function: Any
    sqs: Any
    hidden: list[str] = field(default_factory=list)  # receipt handles of messages that failed their attempt
    delays: list[int] = field(
        default_factory=list
    )  # the visibility each failed attempt asked for (the backoff)

    def __post_init__(self) -> None:
        def record(params: dict[str, Any], **_: Any) -> None:
            self.delays.append(int(params["VisibilityTimeout"]))

        aws.client("sqs").meta.events.register("provide-client-params.sqs.ChangeMessageVisibility", record)

    @property
    def url(self) -> str:
        return self.resources.queues["WebhookQueue"]

    def pump(self) -> dict[str, Any] | None:
        """One batch; returns the function's batch response (None when the queue showed nothing)."""
        messages = receive(self.sqs, self.url, 5)
        if not messages:
            return None
        response = self.function.handler(
            lambda_sqs_event(messages, self.resources.queue_arns["WebhookQueue"]), Context()
        )
        failed = delete_succeeded(self.sqs, self.url, messages, response)
        self.hidden += [m["ReceiptHandle"] for m in messages if m["MessageId"] in failed]
        return dict(response)

    def expire_backoff(self) -> None:
        """Make the messages hidden by failed attempts visible now (as if their backoff delay had passed)."""
        handles, self.hidden = self.hidden, []
        for handle in handles:
            self.sqs.change_message_visibility(QueueUrl=self.url, ReceiptHandle=handle, VisibilityTimeout=0)

    def counts(self, queue: str) -> tuple[int, int]:
        """(visible, hidden) messages of a queue."""
        attributes = self.sqs.get_queue_attributes(
            QueueUrl=self.resources.queues[queue],
            AttributeNames=["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"],
        )["Attributes"]
        return int(attributes["ApproximateNumberOfMessages"]), int(
            attributes["ApproximateNumberOfMessagesNotVisible"]
        )


@pytest.fixture
def local_http(monkeypatch: pytest.MonkeyPatch) -> None:
    """What the local stack sets: webhooks may go to http://127.0.0.1 (WebhookAllowLocalHttp)."""
    monkeypatch.setenv("WEBHOOK_ALLOW_LOCAL_HTTP", "true")
    get_settings.cache_clear()


@pytest.fixture
def receiver() -> Iterator[Receiver]:
    with running_receiver() as running:
        yield running


@pytest.fixture
def api(aws_resources: LocalResources) -> Api:
    return Api(load_handler("api"))


@pytest.fixture
def hooks(aws_resources: LocalResources, local_http: None) -> Hooks:
    return Hooks(aws_resources, load_handler("webhook"), boto3.client("sqs"))


@pytest.fixture
def pipeline(aws_resources: LocalResources) -> Driver:
    return Driver(aws_resources, load_handler("worker"), load_handler("finalizer"))
