"""The webhook parts of the wire contract: the `callback_url` a job may carry and the secret's response."""

from __future__ import annotations

from typing import Annotated, Any

from pydantic import AfterValidator, BaseModel, Field

from synthdata.settings import get_settings
from synthdata.webhooks.url_policy import url_problem


def _callback_url_form(url: str) -> str:
    # The URL's form here; its host's addresses at submission (endpoints.admit_callback) and before each delivery.
    problem = url_problem(url, get_settings().webhook_policy())
    if problem:
        raise ValueError(problem)
    return url


def _callback_url_bounds(schema: dict[str, Any]) -> None:
    """The OpenAPI length limit of callback_url, read from the settings (WebhookMaxUrlLength)."""
    schema.update(maxLength=get_settings().webhook_max_url_length)


CallbackUrl = Annotated[
    str,
    Field(
        min_length=1,
        description=(
            "https URL told when the job completes or fails: a POST of the job's status JSON (as GET "
            "/api/jobs/{job_id} answers), signed in the Synthdata-Signature header with your key's webhook secret "
            "(GET /api/webhook-secret). Its host must resolve to public addresses only; retried with backoff. "
            "Example: https://example.com/hooks/synthdata"
        ),
        json_schema_extra=_callback_url_bounds,
    ),
    AfterValidator(_callback_url_form),
]


class WebhookSecretResponse(BaseModel):
    """Your key's webhook secret: verify each delivery's Synthdata-Signature with it (README, "Webhooks")."""

    secret: str = Field(description="HMAC-SHA256 key; keep it like a password", examples=["whsec_3f9a..."])
    created_at: str = Field(description="When this secret was made (rotation makes a new one)")
    signature_header: str = Field(description="The header carrying t=<unix>,v1=<hex HMAC of 't.body'>")
    tolerance_seconds: int = Field(
        description="Refuse deliveries whose t is further than this from your clock"
    )
