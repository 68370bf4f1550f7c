"""Job submission behind Powertools idempotency: one job per (owner, Idempotency-Key), a reused key with another
body is a conflict, a concurrent duplicate is told to retry (IdempotencyAlreadyInProgressError -> 409)."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from aws_lambda_powertools.utilities.idempotency import (
    DynamoDBPersistenceLayer,
    IdempotencyConfig,
    idempotent_function,
)

from synthdata import aws
from synthdata.adapters import dns
from synthdata.api import schemas
from synthdata.api.endpoints import admit_callback, spec_for
from synthdata.engine.locale_data import DEFAULT_LOCALE, locale_data
from synthdata.settings import Settings, get_settings
from synthdata.wiring import job_service, template_store, webhook_secrets

IDEMPOTENCY_SECONDS = 24 * 3600

CONFIG = IdempotencyConfig(
    event_key_jmespath="[owner, idempotency_key]",
    payload_validation_jmespath="request",
    expires_after_seconds=IDEMPOTENCY_SECONDS,
)


def submit(owner: str, request: schemas.GenerateRequest) -> dict[str, Any]:
    """Create the job; what the response needs, as plain JSON (the idempotency record stores it)."""
    jobs = job_service()
    spec = spec_for(owner, request, template_store(), jobs)
    if spec.callback_url:
        settings = get_settings()
        admit_callback(
            owner, spec.callback_url, settings.webhook_policy(), dns.resolve_host, webhook_secrets()
        )
    job = jobs.submit(owner, spec)
    return {"job_id": job.job_id, "record_count": job.spec.record_count, "source": job.spec.source_name}


def idempotent_submitter(settings: Settings) -> Callable[[str, str, schemas.GenerateRequest], dict[str, Any]]:
    """`submit` made idempotent on (owner, key) with the settings' table (built once, in the init phase)."""

    @idempotent_function(
        data_keyword_argument="submission",
        persistence_store=DynamoDBPersistenceLayer(table_name=settings.idempotency_table),
        config=CONFIG,
    )
    def submit_once(submission: dict[str, Any]) -> dict[str, Any]:
        request = schemas.GenerateRequest.model_validate(submission["request"])
        return submit(submission["owner"], request)

    def submitter(owner: str, key: str, request: schemas.GenerateRequest) -> dict[str, Any]:
        payload = {"owner": owner, "idempotency_key": key, "request": request.model_dump(mode="json")}
        return submit_once(submission=payload)

    return submitter


def prepare(settings: Settings) -> Callable[[str, str, schemas.GenerateRequest], dict[str, Any]]:
    """What the first submission would otherwise pay, done in the init phase: the paging key and settings
    checked (a missing one fails the function at start), the default locale's vocabularies loaded (jobs are
    planned from a rendered sample), the clients made. Returns the idempotent submitter."""
    job_service(settings)
    locale_data(DEFAULT_LOCALE)
    aws.warm(clients=("s3", "sqs"), resources=("dynamodb",))
    return idempotent_submitter(settings)
