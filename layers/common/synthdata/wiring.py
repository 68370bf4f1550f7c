"""The composition root: the domain's ports bound to their AWS adapters, from the settings. Handlers start here."""

from __future__ import annotations

from synthdata.adapters.dynamodb_jobs import DynamoJobStore
from synthdata.adapters.dynamodb_templates import DynamoTemplateStore
from synthdata.adapters.dynamodb_usage import DynamoUsageLedger
from synthdata.adapters.s3_objects import S3ObjectStore
from synthdata.adapters.secrets import secret_bytes
from synthdata.adapters.sqs_tasks import SqsTaskQueue
from synthdata.jobs.job_service import JobService
from synthdata.jobs.pipeline import Pipeline
from synthdata.jobs.ports import JobPorts
from synthdata.settings import Settings, get_settings
from synthdata.templates.template import TemplateStore


def job_ports(settings: Settings) -> JobPorts:
    return JobPorts(
        jobs=DynamoJobStore(settings.jobs_table),
        objects=S3ObjectStore(settings.data_bucket),
        tasks=SqsTaskQueue(settings.work_queue_url, settings.express_queue_url, settings.finalize_queue_url),
        usage=DynamoUsageLedger(settings.usage_table),
    )


def job_service(settings: Settings | None = None) -> JobService:
    settings = settings or get_settings()
    return JobService(settings, job_ports(settings), paging_key=secret_bytes(settings.paging_key()))


def pipeline(settings: Settings | None = None) -> Pipeline:
    settings = settings or get_settings()
    return Pipeline(settings, job_ports(settings))


def template_store(settings: Settings | None = None) -> TemplateStore:
    return DynamoTemplateStore((settings or get_settings()).templates_table)
