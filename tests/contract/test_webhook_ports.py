"""The webhook ports' contract, on the in-memory fakes and on the AWS adapters (moto): secrets per owner, the first
one kept when two are created at once (the job store keeps a job's callback_url: test_ports.py)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace

import pytest

from synthdata.adapters.dynamodb_webhook_secrets import DynamoWebhookSecretStore
from synthdata.webhooks.ports import WebhookSecret, WebhookSecretStore
from synthdata.webhooks.secrets import WebhookSecrets
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
