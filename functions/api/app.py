"""The REST API: routes parse the request into models and call the library; errors share one JSON shape.

Every route here is also an Api event of ApiFunction in template.yaml (a test keeps the two equal).
"""

from __future__ import annotations

import json
from typing import Annotated, Any

from aws_lambda_powertools import Logger, Metrics, Tracer
from aws_lambda_powertools.event_handler import APIGatewayRestResolver, Response
from aws_lambda_powertools.event_handler.exceptions import NotFoundError, ServiceError
from aws_lambda_powertools.event_handler.openapi.exceptions import RequestValidationError
from aws_lambda_powertools.event_handler.openapi.models import APIKey, APIKeyIn
from aws_lambda_powertools.event_handler.openapi.params import Query
from aws_lambda_powertools.utilities.idempotency import (
    DynamoDBPersistenceLayer,
    IdempotencyConfig,
    idempotent_function,
)
from aws_lambda_powertools.utilities.idempotency.exceptions import IdempotencyValidationError
from aws_lambda_powertools.utilities.typing import LambdaContext

from synthdata import __version__, aws
from synthdata.api import models
from synthdata.api.errors import from_validation_errors
from synthdata.api.service import (
    create_template,
    data_types,
    delete_template,
    get_template,
    job_response,
    list_templates,
    preview,
    spec_for,
    update_template,
)
from synthdata.engine import ENGINE_VERSION
from synthdata.engine.locale_data import DEFAULT_LOCALE, locale_data
from synthdata.errors import (
    BadRequest,
    Conflict,
    NotFound,
    PayloadTooLarge,
    SynthdataError,
    Unauthorized,
    UnsupportedMediaType,
)
from synthdata.jobs import service as jobs
from synthdata.jobs.model import JobStatus
from synthdata.settings import get_settings

logger = Logger()
tracer = Tracer()
metrics = Metrics()
app = APIGatewayRestResolver(enable_validation=True)
SECURITY_SCHEMES: dict[str, Any] = {
    "ApiKeyHeader": APIKey.model_validate({"type": "apiKey", "name": "X-API-Key", "in": APIKeyIn.header}),
    "ApiKeyQuery": APIKey.model_validate({"type": "apiKey", "name": "api_key", "in": APIKeyIn.query}),
}
SECURITY: list[dict[str, list[str]]] = [{"ApiKeyHeader": []}, {"ApiKeyQuery": []}]
app.enable_swagger(
    path="/docs",
    title="synthdata API",
    version=__version__,
    description="Realistic synthetic datasets on demand. Send your key in X-API-Key or ?api_key=.",
    security_schemes=SECURITY_SCHEMES,
    security=SECURITY,
)

MAX_BODY_BYTES = 256 * 1024
_ERRORS: dict[int, Any] = {
    status: {"description": text, "content": {"application/json": {"model": models.ErrorResponse}}}
    for status, text in {
        400: "The body is not valid JSON",
        401: "No API key",
        403: "Invalid API key",
        404: "Unknown resource, or one that belongs to another key",
        409: "The job is not in a state that allows this",
        410: "The file has expired",
        413: "Body too large",
        415: "Body is not application/json",
        422: "A field is invalid; details name each field",
        429: "Throttled",
    }.items()
}

_idempotency_config = IdempotencyConfig(
    event_key_jmespath="[owner, idempotency_key]",
    payload_validation_jmespath="request",
    expires_after_seconds=24 * 3600,
)
_persistence = DynamoDBPersistenceLayer(table_name=get_settings().idempotency_table)
# Jobs are planned from a rendered sample: load the default locale's vocabularies, and make the clients a job
# submission uses, during the init phase rather than in the first request.
locale_data(DEFAULT_LOCALE)
aws.warm(clients=("s3", "sqs"), resources=("dynamodb",))


def _errors(*statuses: int) -> dict[int, Any]:
    return {s: _ERRORS[s] for s in statuses}


def _ok(model: Any, *errors: int, status: int = 200, description: str = "OK") -> dict[int, Any]:
    """The success response with its model, plus the listed error responses."""
    return {
        status: {"description": description, "content": {"application/json": {"model": model}}}
    } | _errors(*errors)


def _json(model: Any, status: int = 200, headers: dict[str, str] | None = None) -> Response[Any]:
    return Response(
        status_code=status, content_type="application/json", body=model.model_dump_json(), headers=headers
    )


def _owner() -> str:
    """The API key id the authorizer vouched for; nothing else identifies a caller."""
    authorizer = app.current_event.raw_event.get("requestContext", {}).get("authorizer") or {}
    owner = authorizer.get("owner") or authorizer.get("principalId")
    if not owner:
        raise Unauthorized("Missing API key: send it in the X-API-Key header or the api_key query parameter.")
    return str(owner)


def _request_id() -> str:
    return str(app.current_event.raw_event.get("requestContext", {}).get("requestId", ""))


# ---------------------------------------------------------------------------------------- errors
def _error_response(error: SynthdataError) -> Response[Any]:
    return Response(
        status_code=error.status_code,
        content_type="application/json",
        body=json.dumps(error.body(_request_id())),
    )


@app.exception_handler(SynthdataError)
def handle_client_error(error: SynthdataError) -> Response[Any]:
    logger.info("client error", extra={"status": error.status_code, "code": error.code})
    return _error_response(error)


@app.exception_handler(RequestValidationError)
def handle_validation_error(error: RequestValidationError) -> Response[Any]:
    return handle_client_error(from_validation_errors(list(error.errors())))


@app.exception_handler(IdempotencyValidationError)
def handle_idempotency_mismatch(_: IdempotencyValidationError) -> Response[Any]:
    return handle_client_error(
        Conflict("This Idempotency-Key was already used with a different request body; use a new key")
    )


@app.not_found
def handle_no_route(_: NotFoundError) -> Response[Any]:
    return handle_client_error(NotFound("No such resource"))


@app.exception_handler(ServiceError)
def handle_service_error(error: ServiceError) -> Response[Any]:
    """Powertools' own HTTP errors, in our error shape."""
    kind = {400: BadRequest, 401: Unauthorized, 404: NotFound, 413: PayloadTooLarge}.get(error.status_code)
    if kind is None:
        return handle_unexpected(error)
    return handle_client_error(kind(str(error.msg) if kind is BadRequest else kind.__name__))


@app.exception_handler(Exception)
def handle_unexpected(error: Exception) -> Response[Any]:
    logger.error("unhandled error", exc_info=error)
    return _error_response(SynthdataError("Internal error; quote the request_id when reporting it"))


# ---------------------------------------------------------------------------------------- public routes
@app.get("/health", summary="Service health", security=[])
def health() -> models.HealthResponse:
    return models.HealthResponse(status="ok", version=__version__, engine_version=ENGINE_VERSION)


@app.get("/openapi.json", summary="This API's OpenAPI document", include_in_schema=False, security=[])
def openapi() -> Response[Any]:
    return Response(
        status_code=200,
        content_type="application/json",
        body=app.get_openapi_json_schema(
            title="synthdata API",
            version=__version__,
            security_schemes=SECURITY_SCHEMES,
            security=SECURITY,
        ),
    )


# ---------------------------------------------------------------------------------------- jobs
@idempotent_function(
    data_keyword_argument="submission", persistence_store=_persistence, config=_idempotency_config
)
def _submit_once(submission: dict[str, Any]) -> dict[str, Any]:
    request = models.GenerateRequest.model_validate(submission["request"])
    job = jobs.submit_job(submission["owner"], spec_for(submission["owner"], request), get_settings())
    return {"job_id": job.job_id, "record_count": job.spec.record_count, "source": job.spec.source_name}


@app.post(
    "/api/generate",
    summary="Start a generation job",
    responses={
        202: {
            "description": "Job accepted",
            "content": {"application/json": {"model": models.GenerateResponse}},
        }
    }
    | _errors(400, 401, 403, 404, 409, 413, 415, 422, 429),
)
def generate(request: models.GenerateRequest) -> Response[Any]:
    owner = _owner()
    idempotency_key = app.current_event.headers.get("idempotency-key") or app.current_event.headers.get(
        "Idempotency-Key"
    )
    if idempotency_key:
        created = _submit_once(
            submission={
                "owner": owner,
                "idempotency_key": idempotency_key,
                "request": request.model_dump(mode="json"),
            }
        )
        job_id, count, source = created["job_id"], created["record_count"], created["source"]
    else:
        job = jobs.submit_job(owner, spec_for(owner, request), get_settings())
        job_id, count, source = job.job_id, job.spec.record_count, job.spec.source_name
    what = f"{source} records" if request.data_type else "records from your template"
    body = models.GenerateResponse(
        job_id=job_id, message=f"Job created successfully. Generating {count} {what}.", status="pending"
    )
    return _json(body, 202, headers={"Location": f"/api/jobs/{job_id}"})


@app.get(
    "/api/jobs", summary="Your jobs, newest first", responses=_ok(models.JobListResponse, 401, 403, 422, 429)
)
def list_jobs(
    status: Annotated[models.JobStatusName | None, Query(description="Only jobs in this status")] = None,
    page: Annotated[int, Query(ge=1, le=10_000)] = 1,
    page_size: Annotated[int, Query(ge=1, le=100)] = 20,
    next_token: Annotated[
        str | None, Query(max_length=4096, description="Cursor from a previous page")
    ] = None,
) -> models.JobListResponse:
    settings = get_settings()
    result = jobs.list_jobs(
        _owner(),
        settings,
        status=JobStatus(status) if status else None,
        page=page,
        page_size=page_size,
        next_token=next_token,
    )
    return models.JobListResponse(
        items=[job_response(j, settings, with_link=False) for j in result.items],
        page=result.page,
        page_size=result.page_size,
        total=result.total,
        next_token=result.next_token,
    )


@app.get(
    "/api/jobs/<job_id>",
    summary="One job: status and progress",
    responses=_ok(models.JobResponse, 401, 403, 404, 429),
)
def get_job(job_id: str) -> models.JobResponse:
    settings = get_settings()
    return job_response(jobs.get_job(_owner(), job_id, settings), settings, with_link=True)


@app.delete(
    "/api/jobs/<job_id>",
    summary="Cancel a pending or running job",
    responses=_ok(models.JobResponse, 401, 403, 404, 409, 429),
)
def cancel_job(job_id: str) -> models.JobResponse:
    settings = get_settings()
    return job_response(jobs.cancel_job(_owner(), job_id, settings), settings, with_link=False)


@app.get(
    "/api/jobs/<job_id>/download",
    summary="Redirect to a fresh presigned download URL",
    responses={
        302: {
            "description": "Redirect to the file",
            "content": {"application/json": {"model": models.DownloadResponse}},
        }
    }
    | _errors(401, 403, 404, 409, 410, 429),
)
def download(job_id: str) -> Response[Any]:
    link = jobs.download_link(_owner(), job_id, get_settings())
    body = models.DownloadResponse(download_url=link.url, expires_at=link.expires_at, filename=link.filename)
    return _json(body, 302, headers={"Location": link.url, "Cache-Control": "no-store"})


# ---------------------------------------------------------------------------------------- catalogue & preview
@app.get(
    "/api/data-types",
    summary="Built-in datasets and template field types",
    responses=_ok(models.DataTypesResponse, 401, 403, 429),
)
def get_data_types() -> models.DataTypesResponse:
    _owner()
    return data_types()


@app.post(
    "/api/preview",
    summary="Up to 100 records, synchronously",
    responses=_ok(models.PreviewResponse, 400, 401, 403, 404, 413, 415, 422, 429),
)
def post_preview(request: models.PreviewRequest) -> models.PreviewResponse:
    return preview(_owner(), request)


# ---------------------------------------------------------------------------------------- templates
@app.get(
    "/api/templates", summary="Your templates", responses=_ok(models.TemplateListResponse, 401, 403, 429)
)
def get_templates() -> models.TemplateListResponse:
    return list_templates(_owner())


@app.post(
    "/api/templates",
    summary="Create a template",
    responses={
        201: {"description": "Created", "content": {"application/json": {"model": models.TemplateResponse}}}
    }
    | _errors(400, 401, 403, 413, 415, 422, 429),
)
def post_template(template: models.TemplateRequest) -> Response[Any]:
    created = create_template(_owner(), template)
    return _json(created, 201, headers={"Location": f"/api/templates/{created.id}"})


@app.get(
    "/api/templates/<template_id>",
    summary="One template",
    responses=_ok(models.TemplateResponse, 401, 403, 404, 429),
)
def get_one_template(template_id: str) -> models.TemplateResponse:
    return get_template(_owner(), template_id)


@app.put(
    "/api/templates/<template_id>",
    summary="Replace a template",
    responses=_ok(models.TemplateResponse, 400, 401, 403, 404, 413, 415, 422, 429),
)
def put_template(template_id: str, template: models.TemplateRequest) -> models.TemplateResponse:
    return update_template(_owner(), template_id, template)


@app.delete(
    "/api/templates/<template_id>",
    summary="Delete a template",
    responses={204: {"description": "Deleted"}} | _errors(401, 403, 404, 429),
)
def remove_template(template_id: str) -> Response[Any]:
    delete_template(_owner(), template_id)
    return Response(status_code=204, content_type="application/json", body="")


# ---------------------------------------------------------------------------------------- handler
def _reject_unreadable_body(event: dict[str, Any]) -> SynthdataError | None:
    """413 and 415 before any parsing: bodies are JSON and small."""
    if event.get("httpMethod") not in ("POST", "PUT"):
        return None
    body = event.get("body") or ""
    if len(body.encode()) > MAX_BODY_BYTES:
        return PayloadTooLarge(f"The request body exceeds {MAX_BODY_BYTES // 1024} KiB")
    headers = {k.lower(): v for k, v in (event.get("headers") or {}).items()}
    media = headers.get("content-type", "").split(";")[0].strip().lower()
    if media != "application/json":
        return UnsupportedMediaType("Send the body as JSON with Content-Type: application/json")
    return None


@logger.inject_lambda_context(clear_state=True, correlation_id_path="requestContext.requestId")
@tracer.capture_lambda_handler
@metrics.log_metrics
def handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    _idempotency_config.register_lambda_context(context)
    rejection = _reject_unreadable_body(event)
    if rejection is not None:
        request_id = str((event.get("requestContext") or {}).get("requestId", ""))
        return {
            "statusCode": rejection.status_code,
            "headers": {"Content-Type": "application/json"},
            "body": json.dumps(rejection.body(request_id)),
            "isBase64Encoded": False,
        }
    return app.resolve(event, context)
