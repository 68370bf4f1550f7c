"""What the API routes call: requests to job specs, jobs to responses, previews, templates, the catalogue."""

from __future__ import annotations

from synthdata.api import models
from synthdata.engine import BLOCK_ROWS, FORMATS, LOCALES, Dataset, get_dataset, preview_records
from synthdata.errors import ValidationFailed
from synthdata.jobs.model import Job, JobSpec, JobStatus
from synthdata.jobs.service import file_expired, new_seed, presign
from synthdata.settings import Settings, get_settings
from synthdata.templates.store import Template, TemplateStore


def _templates() -> TemplateStore:
    return TemplateStore(get_settings().templates_table)


def _check_record_count(record_count: int, settings: Settings) -> None:
    if not settings.min_records <= record_count <= settings.max_records:
        raise ValidationFailed.one(
            "record_count", f"record_count must be between {settings.min_records} and {settings.max_records}"
        )


def spec_for(owner: str, request: models.GenerateRequest, *, preview: bool = False) -> JobSpec:
    """A validated job spec; a template is loaded (the caller's only), compiled and frozen into the spec."""
    if not preview:
        _check_record_count(request.record_count, get_settings())
    template: Template | None = None
    if request.template_id:
        from synthdata.fields import compile_template

        template = _templates().get(owner, request.template_id)
        compile_template(template.schema_fields, record_count=request.record_count)
    return JobSpec(
        record_count=request.record_count,
        output_format=request.output_format,
        seed=request.seed if request.seed is not None else new_seed(),
        locale=request.locale,
        compression=request.compression,
        data_type=request.data_type,
        template_id=template.template_id if template else None,
        template_name=template.name if template else None,
        template_schema=template.schema_fields if template else None,
        options=request.options.model_dump(),
    )


def job_response(job: Job, settings: Settings, *, with_link: bool) -> models.JobResponse:
    """The client's view of a job; a fresh download link when completed and the file still exists."""
    link = (
        presign(job, settings)
        if with_link and job.status is JobStatus.COMPLETED and not file_expired(job, settings)
        else None
    )
    return models.JobResponse(
        id=job.job_id,
        status=job.status.value,
        progress=job.progress,
        records_done=job.records_done,
        record_count=job.spec.record_count,
        data_type=job.spec.data_type,
        template_id=job.spec.template_id,
        output_format=job.spec.output_format,  # type: ignore[arg-type]
        compression=job.spec.compression,
        seed=job.spec.seed,
        locale=job.spec.locale,
        error_message=job.error_message,
        created_at=job.created_at,
        started_at=job.started_at,
        completed_at=job.completed_at,
        download_url=link.url if link else None,
        file_size_bytes=job.file_size_bytes,
        expires_at=link.expires_at if link else None,
    )


def preview(owner: str, request: models.PreviewRequest) -> models.PreviewResponse:
    """The first rows of the file the same request would generate (same seed, same values)."""
    spec = spec_for(owner, request, preview=True)
    dataset: Dataset
    if spec.data_type:
        dataset = get_dataset(spec.data_type)
    else:
        from synthdata.fields import compile_template

        dataset = compile_template(
            spec.template_schema or [], record_count=min(spec.record_count, BLOCK_ROWS)
        )
    records = preview_records(
        dataset, seed=spec.seed, locale=spec.locale, count=spec.record_count, options=spec.options
    )
    return models.PreviewResponse(record_count=len(records), seed=spec.seed, records=records)


def data_types() -> models.DataTypesResponse:
    from synthdata.engine.datasets import BUILT_IN
    from synthdata.fields import list_field_types

    datasets = [
        models.DatasetDescription(
            name=d.name,
            description=d.description,
            fields=[
                models.FieldDescription(
                    name=f.name, type=f.type, description=f.description, example=f.example
                )
                for f in d.fields
            ],
        )
        for d in BUILT_IN.values()
    ]
    return models.DataTypesResponse(
        datasets=datasets, field_types=list_field_types(), locales=list(LOCALES), formats=list(FORMATS)
    )


# ---------------------------------------------------------------------------------------- templates
def _template_response(template: Template) -> models.TemplateResponse:
    return models.TemplateResponse(
        id=template.template_id,
        name=template.name,
        description=template.description,
        schema_fields=template.schema_fields,
        created_at=template.created_at,
        updated_at=template.updated_at,
    )


def _validated_fields(request: models.TemplateRequest) -> list[dict[str, object]]:
    from synthdata.fields import compile_template

    fields = [f.model_dump() for f in request.schema_fields]
    compile_template(fields, record_count=None)
    return fields


def create_template(owner: str, request: models.TemplateRequest) -> models.TemplateResponse:
    fields = _validated_fields(request)
    return _template_response(_templates().create(owner, request.name, request.description, fields))


def get_template(owner: str, template_id: str) -> models.TemplateResponse:
    return _template_response(_templates().get(owner, template_id))


def list_templates(owner: str) -> models.TemplateListResponse:
    items = [_template_response(t) for t in _templates().list_for(owner)]
    return models.TemplateListResponse(items=items, total=len(items))


def update_template(owner: str, template_id: str, request: models.TemplateRequest) -> models.TemplateResponse:
    fields = _validated_fields(request)
    return _template_response(
        _templates().replace(owner, template_id, request.name, request.description, fields)
    )


def delete_template(owner: str, template_id: str) -> None:
    _templates().delete(owner, template_id)
