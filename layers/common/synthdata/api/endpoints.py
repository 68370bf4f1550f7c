"""What each endpoint does, between the wire and the domain: request schemas in, domain calls, response schemas
out. The routes (functions/api/app.py) are one line each on top of this; ownership checks live in the domain."""

from __future__ import annotations

from typing import Any

from synthdata.api import schemas, template_schemas, webhook_schemas
from synthdata.engine import FORMATS, LOCALES, preview_records
from synthdata.engine.datasets import BUILT_IN
from synthdata.engine.rng import new_seed
from synthdata.errors import ValidationFailed
from synthdata.jobs.files import JobFiles
from synthdata.jobs.job import Job, JobSpec, JobStatus
from synthdata.jobs.job_service import JobService
from synthdata.jobs.sources import dataset_for
from synthdata.templates.template import Template, TemplateStore
from synthdata.webhooks.ports import WebhookSecret
from synthdata.webhooks.secrets import WebhookSecrets
from synthdata.webhooks.signing import SIGNATURE_HEADER, TOLERANCE_SECONDS
from synthdata.webhooks.url_policy import RefusedDestination, Resolver, UnresolvedHost, UrlPolicy, destination


def spec_for(
    owner: str, request: schemas.GenerateRequest, templates: TemplateStore, jobs: JobService
) -> JobSpec:
    """A validated job spec; a template is loaded (the caller's only) and frozen into the spec, the jobs it
    refers to are checked and recorded on it, and the whole is compiled once to check it."""
    template = templates.get(owner, request.template_id) if request.template_id else None
    if template is not None and request.references is not None:
        raise ValidationFailed.one(
            "references", "references: a template refers to other jobs with reference fields, not references"
        )
    options: dict[str, Any] = request.options.model_dump()
    wanted = _parent_paths(request, template)
    if wanted:
        options["parents"] = jobs.parent_records(owner, wanted)
    if request.references is not None and request.references.model_dump(exclude_none=True):
        options["references"] = request.references.model_dump(exclude_none=True)
    spec = JobSpec(
        record_count=request.record_count,
        output_format=request.output_format,
        seed=request.seed if request.seed is not None else new_seed(),
        locale=request.locale,
        compression=request.compression,
        data_type=request.data_type,
        template_id=template.template_id if template else None,
        template_name=template.name if template else None,
        template_schema=template.schema_fields if template else None,
        options=options,
        callback_url=request.callback_url,
    )
    dataset_for(spec)  # the template's fields, and every reference against its parent's columns
    return spec


def admit_callback(
    owner: str, url: str, policy: UrlPolicy, resolve: Resolver, secrets: WebhookSecrets
) -> None:
    """422 naming callback_url unless every address of its host may receive webhooks; then the key's webhook
    secret is made, if it has none yet, so that delivery only ever reads it."""
    try:
        destination(url, policy, resolve)
    except (RefusedDestination, UnresolvedHost) as refused:
        raise ValidationFailed.one("callback_url", str(refused)) from None
    secrets.secret_for(owner)


def webhook_secret(secret: WebhookSecret) -> webhook_schemas.WebhookSecretResponse:
    return webhook_schemas.WebhookSecretResponse(
        secret=secret.secret,
        created_at=secret.created_at,
        signature_header=SIGNATURE_HEADER,
        tolerance_seconds=TOLERANCE_SECONDS,
    )


def _parent_paths(request: schemas.GenerateRequest, template: Template | None) -> dict[str, str]:
    """The job ids the request refers to, by their path in it (what a 422 names)."""
    if template is None:
        named = request.references.model_dump(exclude_none=True) if request.references else {}
        return {f"references.{name}": job_id for name, job_id in named.items()}
    return {
        f"schema_fields[{index}].job_id": raw["job_id"]
        for index, raw in enumerate(template.schema_fields)
        if raw.get("field_type") == "reference" and isinstance(raw.get("job_id"), str)
    }


def accepted(job_id: str, record_count: int, source: str, from_template: bool) -> schemas.GenerateResponse:
    what = "records from your template" if from_template else f"{source} records"
    return schemas.GenerateResponse(
        job_id=job_id,
        message=f"Job created successfully. Generating {record_count} {what}.",
        status="pending",
    )


def job_response(job: Job, jobs: JobFiles, *, with_link: bool) -> schemas.JobResponse:
    """The client's view of a job; a fresh download link when completed and the file still exists."""
    link = (
        jobs.presign(job)
        if with_link and job.status is JobStatus.COMPLETED and not jobs.file_expired(job)
        else None
    )
    return schemas.JobResponse(
        id=job.job_id,
        status=job.status.value,
        progress=job.progress,
        records_done=job.records_done,
        record_count=job.spec.record_count,
        data_type=job.spec.data_type,
        template_id=job.spec.template_id,
        output_format=job.spec.output_format,
        compression=job.spec.compression,
        seed=job.spec.seed,
        locale=job.spec.locale,
        error_message=job.error_message,
        created_at=job.created_at,
        started_at=job.started_at,
        completed_at=job.completed_at,
        download_url=link.url if link else None,
        download_url_expires_at=link.url_expires_at if link else None,
        file_size_bytes=job.file_size_bytes,
        file_expires_at=jobs.file_expires_at(job),
    )


def download(owner: str, job_id: str, jobs: JobService) -> schemas.DownloadResponse:
    link = jobs.download_link(owner, job_id)
    return schemas.DownloadResponse(
        download_url=link.url,
        download_url_expires_at=link.url_expires_at,
        file_expires_at=link.file_expires_at,
        filename=link.filename,
    )


def manifest(owner: str, job_id: str, jobs: JobService) -> schemas.ManifestResponse:
    job, document = jobs.manifest(owner, job_id)
    return schemas.ManifestResponse.model_validate({**document, "file_expires_at": jobs.file_expires_at(job)})


def usage(owner: str, jobs: JobService) -> schemas.UsageResponse:
    used = jobs.usage(owner)
    return schemas.UsageResponse(
        day=used.day,
        records_requested=used.records_requested,
        daily_record_budget=used.daily_record_budget,
        records_remaining=used.records_remaining,
        active_jobs=used.active_jobs,
        max_active_jobs=used.max_active_jobs,
        resets_at=used.resets_at,
    )


def list_jobs(owner: str, jobs: JobService, query: dict[str, Any]) -> schemas.JobListResponse:
    status = query.pop("status", None)
    listing = jobs.list(owner, status=JobStatus(status) if status else None, **query)
    return schemas.JobListResponse(
        items=[job_response(j, jobs, with_link=False) for j in listing.items],
        page=listing.page,
        page_size=listing.page_size,
        total=listing.total,
        next_token=listing.next_token,
    )


def preview(
    owner: str, request: schemas.PreviewRequest, templates: TemplateStore, jobs: JobService
) -> schemas.PreviewResponse:
    """The first rows of the file the same request would generate (same seed, same values)."""
    spec = spec_for(owner, request, templates, jobs)
    records = preview_records(
        dataset_for(spec), seed=spec.seed, locale=spec.locale, count=spec.record_count, options=spec.options
    )
    return schemas.PreviewResponse(record_count=len(records), seed=spec.seed, records=records)


def data_types() -> template_schemas.DataTypesResponse:
    from synthdata.fields import list_field_types

    datasets = [
        template_schemas.DatasetDescription(
            name=d.name,
            description=d.description,
            fields=[
                template_schemas.FieldDescription(
                    name=f.name, type=f.type, description=f.description, example=f.example
                )
                for f in d.fields
            ],
        )
        for d in BUILT_IN.values()
    ]
    return template_schemas.DataTypesResponse.model_validate(
        {
            "datasets": datasets,
            "field_types": list_field_types(),
            "locales": list(LOCALES),
            "formats": list(FORMATS),
        }
    )


# ---------------------------------------------------------------------------------------- templates
def template_response(template: Template) -> template_schemas.TemplateResponse:
    return template_schemas.TemplateResponse.model_validate(
        {
            "id": template.template_id,
            "name": template.name,
            "description": template.description,
            "schema_fields": template.schema_fields,
            "created_at": template.created_at,
            "updated_at": template.updated_at,
        }
    )


def validated_fields(request: template_schemas.TemplateRequest) -> list[dict[str, Any]]:
    """The template's fields as sent, once they pass the checks across fields (names, references, ranges)."""
    from synthdata.fields import compile_template

    fields = request.fields_as_sent()
    compile_template(fields, record_count=None)
    return fields


def create_template(
    owner: str, request: template_schemas.TemplateRequest, templates: TemplateStore
) -> template_schemas.TemplateResponse:
    fields = validated_fields(request)
    return template_response(templates.create(owner, request.name, request.description, fields))


def replace_template(
    owner: str, template_id: str, request: template_schemas.TemplateRequest, templates: TemplateStore
) -> template_schemas.TemplateResponse:
    fields = validated_fields(request)
    return template_response(templates.replace(owner, template_id, request.name, request.description, fields))


def list_templates(owner: str, templates: TemplateStore) -> template_schemas.TemplateListResponse:
    items = [template_response(t) for t in templates.list_for(owner)]
    return template_schemas.TemplateListResponse(items=items, total=len(items))
