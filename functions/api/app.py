"""The REST API: each route parses its request into a schema and calls the library; plumbing lives in
synthdata.api.http. Every route here is also an Api event of ApiFunction in template.yaml (a test keeps them equal).
"""

from __future__ import annotations

import warnings
from typing import Annotated, Any

from aws_lambda_powertools import Logger, Metrics, Tracer
from aws_lambda_powertools.event_handler import APIGatewayRestResolver, Response
from aws_lambda_powertools.event_handler.openapi.params import Header, Query
from aws_lambda_powertools.metrics import MetricUnit
from aws_lambda_powertools.utilities.typing import LambdaContext

from synthdata import __version__
from synthdata.api import docs, endpoints, http, schemas, submission, template_schemas, webhook_schemas
from synthdata.engine import ENGINE_VERSION
from synthdata.jobs.paging import TOKEN_PATTERN
from synthdata.settings import get_settings
from synthdata.wiring import job_service, template_store, webhook_secrets

logger = Logger()
tracer = Tracer()
metrics = Metrics()
app = APIGatewayRestResolver(enable_validation=True, json_body_deserializer=http.read_json)
http.install_error_handlers(app, logger)
submit_once = submission.prepare(get_settings())  # in the init phase: fails here on a missing setting
ok = docs.responses
# Most requests publish no metric; Powertools would warn about that on each (its docs: filter the warning).
warnings.filterwarnings("ignore", "No application metrics to publish")


def owner() -> str:
    return http.owner_of(app)


@app.get("/health", summary="Service health (no key needed)", security=[], operation_id="health")
def health() -> schemas.HealthResponse:
    return schemas.HealthResponse(status="ok", version=__version__, engine_version=ENGINE_VERSION)


@app.get("/openapi.json", include_in_schema=False, security=[])
def openapi() -> Response[Any]:
    return docs.openapi_json(app)


@app.get("/docs", include_in_schema=False, security=[])
def swagger() -> Response[Any]:
    return docs.swagger_page(app)


@app.get("/redoc", include_in_schema=False, security=[])
def redoc() -> Response[Any]:
    return docs.redoc_page()


@app.get("/redoc/redoc.standalone.js", include_in_schema=False, security=[])
def redoc_script() -> Response[Any]:
    return docs.redoc_script()


@app.post(
    "/api/generate",
    summary="Start a generation job",
    operation_id="generate",
    responses=ok(
        schemas.GenerateResponse,
        *docs.BODY_ERRORS,
        404,
        409,
        status=202,
        text="Job accepted",
        links=docs.JOB_LINKS,
    ),
)
def generate(
    request: schemas.GenerateRequest,
    idempotency_key: Annotated[
        str | None,
        Header(
            alias="Idempotency-Key",
            min_length=1,
            max_length=255,
            description="Send the same key again (with the same body) to get the same job, not a second one",
        ),
    ] = None,
) -> Response[Any]:
    key = idempotency_key
    created = submit_once(owner(), key, request) if key else submission.submit(owner(), request)
    metrics.add_metric(name="JobsSubmitted", unit=MetricUnit.Count, value=1)
    body = endpoints.accepted(
        created["job_id"], created["record_count"], created["source"], not request.data_type
    )
    return http.json_response(body, 202, headers={"Location": f"/api/jobs/{created['job_id']}"})


@app.get(
    "/api/jobs",
    summary="Your jobs, newest first",
    operation_id="list_jobs",
    responses=ok(schemas.JobListResponse, 404, 422),
)
def list_jobs(
    status: Annotated[schemas.JobStatusName | None, Query(description="Only jobs in this status")] = None,
    page: Annotated[int, Query(ge=1, le=10_000)] = 1,
    page_size: Annotated[int, Query(ge=1, le=100)] = 20,
    next_token: Annotated[
        str | None,
        Query(
            max_length=4096, pattern=TOKEN_PATTERN, description="next_token of a previous page (404 if not)"
        ),
    ] = None,
) -> schemas.JobListResponse:
    query = {"status": status, "page": page, "page_size": page_size, "next_token": next_token}
    return endpoints.list_jobs(owner(), job_service(), query)


@app.get(
    "/api/jobs/<job_id>",
    summary="One job: status and progress",
    operation_id="get_job",
    responses=ok(schemas.JobResponse, 404),
)
def get_job(job_id: str) -> Response[Any]:
    jobs = job_service()
    body = endpoints.job_response(jobs.get(owner(), job_id), jobs, with_link=True)
    return http.json_response(body, headers={"Cache-Control": "no-store"})  # may carry a presigned link


@app.delete(
    "/api/jobs/<job_id>",
    summary="Cancel a pending or running job",
    operation_id="cancel_job",
    responses=ok(schemas.JobResponse, 404, 409),
)
def cancel_job(job_id: str) -> schemas.JobResponse:
    jobs = job_service()
    return endpoints.job_response(jobs.cancel(owner(), job_id), jobs, with_link=False)


@app.get(
    "/api/jobs/<job_id>/download",
    summary="Redirect to a fresh presigned download URL",
    operation_id="download",
    responses=ok(
        schemas.DownloadResponse, 404, 409, 410, status=302, text="Redirect to the file", also=docs.THE_FILE
    ),
)
def download(job_id: str) -> Response[Any]:
    body = endpoints.download(owner(), job_id, job_service())
    return http.json_response(body, 302, headers={"Location": body.download_url, "Cache-Control": "no-store"})


@app.get(
    "/api/jobs/<job_id>/manifest",
    summary="What a completed job generated: checksum, seed, versions, columns",
    operation_id="get_manifest",
    responses=ok(schemas.ManifestResponse, 404, 409, 410),
)
def get_manifest(job_id: str) -> schemas.ManifestResponse:
    return endpoints.manifest(owner(), job_id, job_service())


@app.get(
    "/api/usage",
    summary="Your use of the per-key limits today",
    operation_id="get_usage",
    responses=ok(schemas.UsageResponse),
)
def get_usage() -> schemas.UsageResponse:
    return endpoints.usage(owner(), job_service())


@app.get(
    "/api/webhook-secret",
    summary="Your key's webhook secret (made on first request)",
    operation_id="get_webhook_secret",
    responses=ok(webhook_schemas.WebhookSecretResponse),
)
def get_webhook_secret() -> Response[Any]:
    body = endpoints.webhook_secret(webhook_secrets().secret_for(owner()))
    return http.json_response(body, headers={"Cache-Control": "no-store"})


@app.post(
    "/api/webhook-secret/rotate",
    summary="Replace your key's webhook secret; deliveries from now on are signed with the new one",
    operation_id="rotate_webhook_secret",
    responses=ok(webhook_schemas.WebhookSecretResponse),
)
def rotate_webhook_secret() -> Response[Any]:
    body = endpoints.webhook_secret(webhook_secrets().rotate(owner()))
    return http.json_response(body, headers={"Cache-Control": "no-store"})


@app.get(
    "/api/data-types",
    summary="Built-in datasets and template field types",
    operation_id="get_data_types",
    responses=ok(template_schemas.DataTypesResponse),
)
def get_data_types() -> template_schemas.DataTypesResponse:
    owner()
    return endpoints.data_types()


@app.post(
    "/api/preview",
    summary="Up to 100 records, synchronously",
    operation_id="preview",
    responses=ok(schemas.PreviewResponse, *docs.BODY_ERRORS, 404),
)
def post_preview(request: schemas.PreviewRequest) -> schemas.PreviewResponse:
    return endpoints.preview(owner(), request, template_store(), job_service())


@app.get(
    "/api/templates",
    summary="Your templates",
    operation_id="list_templates",
    responses=ok(template_schemas.TemplateListResponse),
)
def get_templates() -> template_schemas.TemplateListResponse:
    return endpoints.list_templates(owner(), template_store())


@app.post(
    "/api/templates",
    summary="Create a template",
    operation_id="create_template",
    responses=ok(
        template_schemas.TemplateResponse,
        *docs.BODY_ERRORS,
        status=201,
        text="Created",
        links=docs.TEMPLATE_LINKS,
    ),
)
def post_template(template: template_schemas.TemplateRequest) -> Response[Any]:
    body = endpoints.create_template(owner(), template, template_store())
    return http.json_response(body, 201, headers={"Location": f"/api/templates/{body.id}"})


@app.get(
    "/api/templates/<template_id>",
    summary="One template",
    operation_id="get_template",
    responses=ok(template_schemas.TemplateResponse, 404),
)
def get_one_template(template_id: str) -> template_schemas.TemplateResponse:
    return endpoints.template_response(template_store().get(owner(), template_id))


@app.put(
    "/api/templates/<template_id>",
    summary="Replace a template",
    operation_id="replace_template",
    responses=ok(template_schemas.TemplateResponse, *docs.BODY_ERRORS, 404),
)
def put_template(
    template_id: str, template: template_schemas.TemplateRequest
) -> template_schemas.TemplateResponse:
    return endpoints.replace_template(owner(), template_id, template, template_store())


@app.delete(
    "/api/templates/<template_id>",
    summary="Delete a template",
    operation_id="delete_template",
    responses=ok(None, 404, status=204, text="Deleted"),
)
def remove_template(template_id: str) -> Response[Any]:
    template_store().delete(owner(), template_id)
    return Response(status_code=204, body="")


@logger.inject_lambda_context(clear_state=True, correlation_id_path="requestContext.requestId")
@tracer.capture_lambda_handler
@metrics.log_metrics
def handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    submission.CONFIG.register_lambda_context(context)
    return http.unreadable_body_response(event) or app.resolve(event, context)
