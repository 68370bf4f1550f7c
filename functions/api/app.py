"""The REST API: each route parses its request into a schema and calls the library; plumbing lives in
synthdata.api.http. Every route here is also an Api event of ApiFunction in template.yaml (a test keeps them equal).
"""

from __future__ import annotations

from typing import Annotated, Any

from aws_lambda_powertools import Logger, Metrics, Tracer
from aws_lambda_powertools.event_handler import APIGatewayRestResolver, Response
from aws_lambda_powertools.event_handler.openapi.params import Query
from aws_lambda_powertools.metrics import MetricUnit
from aws_lambda_powertools.utilities.typing import LambdaContext

from synthdata import __version__
from synthdata.api import endpoints, http, schemas, submission
from synthdata.engine import ENGINE_VERSION
from synthdata.settings import get_settings
from synthdata.wiring import job_service, template_store

logger = Logger()
tracer = Tracer()
metrics = Metrics()
app = APIGatewayRestResolver(enable_validation=True)
http.enable_docs(app)
http.install_error_handlers(app, logger)
submit_once = submission.prepare(get_settings())  # in the init phase: fails here on a missing setting
ok = http.responses


def owner() -> str:
    return http.owner_of(app)


@app.get("/health", summary="Service health", security=[])
def health() -> schemas.HealthResponse:
    return schemas.HealthResponse(status="ok", version=__version__, engine_version=ENGINE_VERSION)


@app.get("/openapi.json", summary="This API's OpenAPI document", include_in_schema=False, security=[])
def openapi() -> Response[Any]:
    return http.openapi_document(app)


@app.post(
    "/api/generate",
    summary="Start a generation job",
    responses=ok(schemas.GenerateResponse, *http.BODY_ERRORS, 404, 409, status=202, text="Job accepted"),
)
def generate(request: schemas.GenerateRequest) -> Response[Any]:
    key = http.header(app, "Idempotency-Key")
    created = submit_once(owner(), key, request) if key else submission.submit(owner(), request)
    metrics.add_metric(name="JobsSubmitted", unit=MetricUnit.Count, value=1)
    body = endpoints.accepted(
        created["job_id"], created["record_count"], created["source"], not request.data_type
    )
    return http.json_response(body, 202, headers={"Location": f"/api/jobs/{created['job_id']}"})


@app.get("/api/jobs", summary="Your jobs, newest first", responses=ok(schemas.JobListResponse, 422))
def list_jobs(
    status: Annotated[schemas.JobStatusName | None, Query(description="Only jobs in this status")] = None,
    page: Annotated[int, Query(ge=1, le=10_000)] = 1,
    page_size: Annotated[int, Query(ge=1, le=100)] = 20,
    next_token: Annotated[
        str | None, Query(max_length=4096, description="Cursor from a previous page")
    ] = None,
) -> schemas.JobListResponse:
    query = {"status": status, "page": page, "page_size": page_size, "next_token": next_token}
    return endpoints.list_jobs(owner(), job_service(), query)


@app.get(
    "/api/jobs/<job_id>",
    summary="One job: status and progress",
    responses=ok(schemas.JobResponse, 404),
)
def get_job(job_id: str) -> Response[Any]:
    jobs = job_service()
    body = endpoints.job_response(jobs.get(owner(), job_id), jobs, with_link=True)
    return http.json_response(body, headers={"Cache-Control": "no-store"})  # may carry a presigned link


@app.delete(
    "/api/jobs/<job_id>",
    summary="Cancel a pending or running job",
    responses=ok(schemas.JobResponse, 404, 409),
)
def cancel_job(job_id: str) -> schemas.JobResponse:
    jobs = job_service()
    return endpoints.job_response(jobs.cancel(owner(), job_id), jobs, with_link=False)


@app.get(
    "/api/jobs/<job_id>/download",
    summary="Redirect to a fresh presigned download URL",
    responses=ok(schemas.DownloadResponse, 404, 409, 410, status=302, text="Redirect to the file"),
)
def download(job_id: str) -> Response[Any]:
    link = job_service().download_link(owner(), job_id)
    body = schemas.DownloadResponse(download_url=link.url, expires_at=link.expires_at, filename=link.filename)
    return http.json_response(body, 302, headers={"Location": link.url, "Cache-Control": "no-store"})


@app.get("/api/usage", summary="Your use of the per-key limits today", responses=ok(schemas.UsageResponse))
def get_usage() -> schemas.UsageResponse:
    return endpoints.usage(owner(), job_service())


@app.get(
    "/api/data-types",
    summary="Built-in datasets and template field types",
    responses=ok(schemas.DataTypesResponse),
)
def get_data_types() -> schemas.DataTypesResponse:
    owner()
    return endpoints.data_types()


@app.post(
    "/api/preview",
    summary="Up to 100 records, synchronously",
    responses=ok(schemas.PreviewResponse, *http.BODY_ERRORS, 404),
)
def post_preview(request: schemas.PreviewRequest) -> schemas.PreviewResponse:
    return endpoints.preview(owner(), request, template_store())


@app.get("/api/templates", summary="Your templates", responses=ok(schemas.TemplateListResponse))
def get_templates() -> schemas.TemplateListResponse:
    return endpoints.list_templates(owner(), template_store())


@app.post(
    "/api/templates",
    summary="Create a template",
    responses=ok(schemas.TemplateResponse, *http.BODY_ERRORS, status=201, text="Created"),
)
def post_template(template: schemas.TemplateRequest) -> Response[Any]:
    body = endpoints.create_template(owner(), template, template_store())
    return http.json_response(body, 201, headers={"Location": f"/api/templates/{body.id}"})


@app.get("/api/templates/<template_id>", summary="One template", responses=ok(schemas.TemplateResponse, 404))
def get_one_template(template_id: str) -> schemas.TemplateResponse:
    return endpoints.template_response(template_store().get(owner(), template_id))


@app.put(
    "/api/templates/<template_id>",
    summary="Replace a template",
    responses=ok(schemas.TemplateResponse, *http.BODY_ERRORS, 404),
)
def put_template(template_id: str, template: schemas.TemplateRequest) -> schemas.TemplateResponse:
    return endpoints.replace_template(owner(), template_id, template, template_store())


@app.delete(
    "/api/templates/<template_id>",
    summary="Delete a template",
    responses=ok(None, 404, status=204, text="Deleted"),
)
def remove_template(template_id: str) -> Response[Any]:
    template_store().delete(owner(), template_id)
    return Response(status_code=204, content_type="application/json", body="")


@logger.inject_lambda_context(clear_state=True, correlation_id_path="requestContext.requestId")
@tracer.capture_lambda_handler
@metrics.log_metrics
def handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    submission.CONFIG.register_lambda_context(context)
    return http.unreadable_body_response(event) or app.resolve(event, context)
