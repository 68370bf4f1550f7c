"""The webhook ports' contract, on the in-memory fakes and on the AWS adapters (moto): secrets per owner, the first
one kept when two are created at once, and a job's callback_url kept by the job store."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest

from synthdata.adapters.dynamodb_webhook_secrets import DynamoWebhookSecretStore
from synthdata.jobs.ports import JobStore
from synthdata.webhooks.ports import WebhookSecret, WebhookSecretStore
from synthdata.webhooks.secrets import WebhookSecrets
from tests.contract.test_ports import _job, store  # noqa: F401 - the job store fixture, both implementations
from tests.fakes import InMemoryWebhookSecretStore


@pytest.fixture(params=["fake", "dynamodb"])
def secrets(request: pytest.FixtureRequest) -> Iterator[WebhookSecretStore]:
    if request.param == "fake":
        yield InMemoryWebhookSecretStore()
        return
    resources = request.getfixturevalue("aws_resources")
    yield DynamoWebhookSecretStore(resources.tables["WebhookSecretsTable"])


def test_a_secret_is_created_once_per_owner_and_a_second_creation_keeps_the_first(
    secrets: WebhookSecretStore,
) -> None:
    assert secrets.get("key-1") is None
    first = WebhookSecret("key-1", "whsec_first", "2026-11-26T10:00:00.000Z")
    assert secrets.create(first) == first
    assert secrets.create(replace(first, secret="whsec_racer")) == first
    assert secrets.get("key-1") == first and secrets.get("key-2") is None


def test_rotation_replaces_the_owners_secret_only(secrets: WebhookSecretStore) -> None:
    service = WebhookSecrets(secrets)
    mine, theirs = service.secret_for("key-1"), service.secret_for("key-2")
    rotated = service.rotate("key-1")
    assert rotated.secret != mine.secret and service.secret_for("key-1") == rotated
    assert service.secret_for("key-2") == theirs


def test_a_jobs_callback_url_is_kept(store: JobStore) -> None:
    job = _job(1)
    hooked = replace(job, spec=replace(job.spec, callback_url="https://hooks.example.com/in"))
    store.create(hooked, expires_at_epoch=2_000_000_000)
    assert store.get(job.job_id).spec.callback_url == "https://hooks.example.com/in"  # type: ignore[union-attr]
    store.create(_job(2), expires_at_epoch=2_000_000_000)
    assert store.get(_job(2).job_id).spec.callback_url is None  # type: ignore[union-attr]
