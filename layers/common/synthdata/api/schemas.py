"""The REST API's wire contract: pydantic models of what clients send and receive (the OpenAPI document is built
from these). Domain types live in jobs/ and templates/; enums and bounds here are read from the registries and the
settings, never copied."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal, TypeAlias

from pydantic import BaseModel, ConfigDict, Field, field_validator, model_validator
from pydantic.config import JsonDict

from synthdata.api.webhook_schemas import CallbackUrl
from synthdata.engine import COMPRESSIONS, FORMATS, LOCALES
from synthdata.engine.datasets import BUILT_IN
from synthdata.engine.escapes import SQL_DIALECTS
from synthdata.engine.rng import SEED_MAX
from synthdata.engine.writers import CSV_DELIMITERS, ROWS_PER_INSERT, TABLE_NAME_PATTERN, FormatOptions
from synthdata.jobs.job import JobStatus
from synthdata.settings import get_settings

if TYPE_CHECKING:  # the type checker sees plain strings; pydantic and OpenAPI see the registries' values
    DataType: TypeAlias = str
    OutputFormat: TypeAlias = str
    Compression: TypeAlias = str
    Locale: TypeAlias = str
    JobStatusName: TypeAlias = str
    Delimiter: TypeAlias = str
    SqlDialectName: TypeAlias = str
    RowsPerInsert: TypeAlias = int
else:
    DataType = Literal[tuple(BUILT_IN)]
    OutputFormat = Literal[FORMATS]
    Compression = Literal[COMPRESSIONS]
    Locale = Literal[LOCALES]
    JobStatusName = Literal[tuple(s.value for s in JobStatus)]
    Delimiter = Literal[CSV_DELIMITERS]
    SqlDialectName = Literal[tuple(SQL_DIALECTS)]
    RowsPerInsert = Literal[ROWS_PER_INSERT]
_WRITING = FormatOptions()  # the writer's defaults
PREVIEW_MAX = 100
# Exactly one of data_type and template_id is a string (null counts as absent), in JSON Schema's words.
_ONE_SOURCE: JsonDict = {
    "not": {
        "anyOf": [
            {"properties": {"data_type": {"type": "null"}, "template_id": {"type": "null"}}},
            {
                "required": ["data_type", "template_id"],
                "properties": {"data_type": {"type": "string"}, "template_id": {"type": "string"}},
            },
        ]
    }
}


def _record_count_bounds(schema: dict[str, Any]) -> None:
    """The OpenAPI bounds of record_count, read from the settings when the document is built."""
    settings = get_settings()
    schema.update(minimum=settings.min_records, maximum=settings.max_records)


class _Strict(BaseModel):
    # strict: no string taken as a number and no number as a boolean (JSON types are the contract)
    model_config = ConfigDict(extra="forbid", strict=True)


class GenerateOptions(_Strict):
    realistic_email_domains: bool = Field(
        False, description="Use free-mail domains (gmail.com, ...) instead of reserved example domains."
    )
    csv_formula_protection: bool = Field(
        True,
        description=(
            "CSV only: a text value from your template that a spreadsheet would run as a formula (starting with "
            "= + - @, a tab, CR or NUL, and not a number) gets a leading ' (OWASP's advice), and values with ; are "
            "quoted. Set false to get those values verbatim, e.g. for a program rather than a spreadsheet. "
            "Also applies to TSV; SQL and JSON are for programs and hold values verbatim."
        ),
    )
    # An option for another format than the job's is accepted and has no effect.
    delimiter: Delimiter = Field(
        _WRITING.delimiter, description="CSV only: the field separator (values holding it are quoted)."
    )
    header: bool = Field(_WRITING.header, description="CSV and TSV: a first line of column names.")
    sql_dialect: SqlDialectName = Field(
        _WRITING.sql_dialect,
        description=(
            "SQL only: how literals and identifiers are written. Strings single-quoted with ' doubled (MySQL "
            "also doubles backslashes), booleans TRUE/FALSE (sqlite: 1/0), nulls NULL, dates ISO text "
            "(MySQL datetimes as 'YYYY-MM-DD hh:mm:ss' in UTC). The file starts with CREATE TABLE IF NOT EXISTS."
        ),
    )
    table_name: str = Field(
        _WRITING.table_name,
        pattern=TABLE_NAME_PATTERN,
        description="SQL only: the table the INSERT statements fill (a letter or _, then letters, digits, _).",
    )
    rows_per_insert: RowsPerInsert = Field(
        _WRITING.rows_per_insert, description="SQL only: rows per INSERT statement (the last may have fewer)."
    )


class References(_Strict):
    """Completed jobs of your key (file not expired, no references of their own) that this job's rows refer to."""

    customers: str | None = Field(
        None,
        min_length=1,
        max_length=64,
        description="ecommerce: a job with id and email columns (a user job): every customer_id and "
        "customer_email is one of its rows' (and shipping_address that row's address, from a user job)",
    )


class GenerateRequest(_Strict):
    """A generation job: a built-in `data_type` or one of your templates (`template_id`), not both."""

    data_type: DataType | None = Field(
        None, description="Built-in dataset (or template_id)", examples=["user"]
    )
    template_id: str | None = Field(
        None, description="Id of one of your templates (or data_type)", min_length=1, max_length=64
    )
    record_count: int = Field(
        description="How many records (MIN_RECORDS to MAX_RECORDS)",
        examples=[10000],
        json_schema_extra=_record_count_bounds,
    )
    output_format: OutputFormat = Field("csv", description="File format")
    seed: int | None = Field(
        None,
        ge=0,
        le=SEED_MAX,
        description="Same seed, same file; a random one is chosen and recorded if omitted",
    )
    locale: Locale = Field("en_US", description="Locale of names, places and formats")
    compression: Compression | None = Field(None, description="Compress the file with gzip")
    options: GenerateOptions = Field(default_factory=lambda: GenerateOptions.model_validate({}))
    references: References | None = Field(None, description="data_type only: parents of this job's rows")
    callback_url: CallbackUrl | None = None

    model_config = ConfigDict(
        extra="forbid",
        strict=True,
        json_schema_extra={
            "examples": [{"data_type": "user", "record_count": 10000, "output_format": "csv"}],
            **_ONE_SOURCE,
        },
    )

    @field_validator("record_count")
    @classmethod
    def _within_limits(cls, record_count: int) -> int:
        rule = get_settings().record_count_rule(record_count)
        if rule:
            raise ValueError(rule)
        return record_count

    @model_validator(mode="after")
    def _one_source(self) -> GenerateRequest:
        if (self.data_type is None) == (self.template_id is None):
            raise ValueError("give exactly one of data_type or template_id")
        return self


class PreviewRequest(GenerateRequest):
    record_count: int = Field(10, ge=1, le=PREVIEW_MAX, description="How many records (at most 100)")

    @field_validator("record_count")
    @classmethod
    def _within_limits(cls, record_count: int) -> int:
        return record_count  # the preview's own bounds above, not the job limits

    model_config = ConfigDict(
        extra="forbid",
        strict=True,
        json_schema_extra={"examples": [{"data_type": "user", "record_count": 5, "seed": 42}], **_ONE_SOURCE},
    )


class GenerateResponse(BaseModel):
    job_id: str = Field(examples=["5b1f3c9e-8d0a-4a53-9a7e-2f1c8f7d6b01"])
    message: str = Field(examples=["Job created successfully. Generating 10000 user records."])
    status: JobStatusName = Field(examples=["pending"])


class JobResponse(BaseModel):
    id: str
    status: JobStatusName
    progress: float = Field(
        ge=0, le=100, description="Percent of records generated, to one decimal (100 only once completed)"
    )
    records_done: int
    record_count: int
    data_type: str | None = None
    template_id: str | None = None
    output_format: OutputFormat
    compression: str | None = None
    seed: int
    locale: str
    error_message: str | None = None
    created_at: str
    started_at: str | None = None
    completed_at: str | None = None
    download_url: str | None = Field(None, description="Presigned URL, present once completed")
    download_url_expires_at: str | None = Field(
        None, description="When download_url stops working (ask again for a fresh one)"
    )
    file_size_bytes: int | None = None
    file_expires_at: str | None = Field(
        None,
        description="When the file is deleted (completed_at + MaxFileAgeDays); then downloads answer 410",
    )


class JobListResponse(BaseModel):
    items: list[JobResponse]
    page: int
    page_size: int
    total: int
    next_token: str | None = Field(None, description="Pass as next_token for the following page")


class DownloadResponse(BaseModel):
    download_url: str = Field(description="The same URL as the Location header")
    download_url_expires_at: str = Field(description="When download_url stops working")
    file_expires_at: str = Field(description="When the file is deleted")
    filename: str


class ManifestChecksum(BaseModel):
    algorithm: str = Field(examples=["SHA256"])
    type: str = Field(description="COMPOSITE: SHA-256 over the SHA-256 digests of the parts, in order")
    value: str = Field(description="base64")


class ManifestField(BaseModel):
    name: str
    type: str


class ManifestResponse(BaseModel):
    """What was generated, written next to the file when the job completed."""

    job_id: str
    records: int
    bytes: int
    checksum: ManifestChecksum
    part_sizes: list[int] | None = Field(None, description="Bytes of each part, in order")
    parts: int
    seed: int
    locale: str
    format: OutputFormat
    compression: str | None = None
    data_type: str | None = None
    template_id: str | None = None
    fields: list[ManifestField] = Field(description="The file's columns")
    engine_version: str
    file_expires_at: str = Field(description="When the file and this manifest are deleted")


class UsageResponse(BaseModel):
    """This key's use of its limits today (UTC)."""

    day: str = Field(examples=["2026-11-26"])
    records_requested: int = Field(description="Records requested by this key's jobs today")
    daily_record_budget: int = Field(description="DailyRecordBudgetPerKey")
    records_remaining: int
    active_jobs: int = Field(description="Jobs pending or processing")
    max_active_jobs: int = Field(description="MaxActiveJobsPerKey")
    resets_at: str = Field(description="When the daily budget starts again (00:00 UTC)")


class HealthResponse(BaseModel):
    status: Literal["ok"]
    version: str
    engine_version: str


class PreviewResponse(BaseModel):
    record_count: int
    seed: int
    records: list[dict[str, Any]]


class ErrorDetail(BaseModel):
    field: str
    message: str


class ErrorBody(BaseModel):
    code: str = Field(examples=["validation_error"])
    message: str = Field(examples=["record_count must be between 100 and 1000000"])
    details: list[ErrorDetail] = Field(default_factory=list)


class ErrorResponse(BaseModel):
    error: ErrorBody
    request_id: str | None = None
