"""The composition root: the domain's ports bound to their AWS adapters, from the settings. Handlers start here."""

from __future__ import annotations

from synthdata.adapters import dns
from synthdata.adapters.dynamodb_jobs import DynamoJobStore
from synthdata.adapters.dynamodb_templates import DynamoTemplateStore
from synthdata.adapters.dynamodb_usage import DynamoUsageLedger
from synthdata.adapters.dynamodb_webhook_secrets import DynamoWebhookSecretStore
from synthdata.adapters.http_webhooks import Urllib3WebhookSender
from synthdata.adapters.s3_objects import S3ObjectStore
from synthdata.adapters.secrets import secret_bytes
from synthdata.adapters.sqs_notices import SqsJobNotices
from synthdata.adapters.sqs_tasks import SqsTaskQueue
from synthdata.jobs.files import JobFiles
from synthdata.jobs.job import Job
from synthdata.jobs.job_service import JobService
from synthdata.jobs.pipeline import Pipeline
from synthdata.jobs.ports import JobPorts
from synthdata.settings import Settings, get_settings
from synthdata.templates.template import TemplateStore
from synthdata.webhooks.delivery import Deliverer, DeliveryLimits
from synthdata.webhooks.secrets import WebhookSecrets


def job_ports(settings: Settings) -> JobPorts:
    return JobPorts(
        jobs=DynamoJobStore(settings.jobs_table),
        objects=S3ObjectStore(settings.data_bucket),
        tasks=SqsTaskQueue(settings.work_queue_url, settings.express_queue_url, settings.finalize_queue_url),
        usage=DynamoUsageLedger(settings.usage_table),
        notices=SqsJobNotices(settings.webhook_queue_url),
    )


def job_service(settings: Settings | None = None) -> JobService:
    settings = settings or get_settings()
    return JobService(settings, job_ports(settings), paging_key=secret_bytes(settings.paging_key()))


def pipeline(settings: Settings | None = None) -> Pipeline:
    settings = settings or get_settings()
    return Pipeline(settings, job_ports(settings))


def template_store(settings: Settings | None = None) -> TemplateStore:
    return DynamoTemplateStore((settings or get_settings()).templates_table)


def webhook_secrets(settings: Settings | None = None) -> WebhookSecrets:
    return WebhookSecrets(DynamoWebhookSecretStore((settings or get_settings()).webhook_secrets_table))


def webhook_notices(settings: Settings | None = None) -> SqsJobNotices:
    return SqsJobNotices((settings or get_settings()).webhook_queue_url)


def _system_resolver(host: str, port: int) -> list[str]:
    return dns.resolve_host(host, port)  # looked up at each call: tests stand in a resolver of their own


def deliverer(settings: Settings | None = None) -> Deliverer:
    """Webhook delivery: the body is the job as GET /api/jobs/{id} shows it (fresh download link included)."""
    from synthdata.api.endpoints import job_response  # the wire's job body; only this function needs it

    settings = settings or get_settings()
    files = JobFiles(settings, job_ports(settings))

    def render(job: Job) -> bytes:
        return job_response(job, files, with_link=True).model_dump_json().encode()

    return Deliverer(
        jobs=DynamoJobStore(settings.jobs_table),
        secrets=DynamoWebhookSecretStore(settings.webhook_secrets_table),
        sender=Urllib3WebhookSender(),
        resolve=_system_resolver,
        limits=DeliveryLimits(
            policy=settings.webhook_policy(),
            timeout_seconds=settings.webhook_timeout_seconds,
            max_attempts=settings.webhook_max_attempts,
            retry_base_seconds=settings.webhook_retry_base_seconds,
        ),
        render=render,
    )
