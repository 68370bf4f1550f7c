"""Webhook delivery: each SQS message is one ended job whose owner gave a callback_url; POST its signed status.

Partial batch failures: a failed delivery hides its message for the backoff delay (exponential) and returns to
the queue alone; after WebhookMaxAttempts receives SQS moves it to the webhook dead-letter queue (alarmed). The
job itself is final already: nothing here can change it.
"""

from __future__ import annotations

import warnings
from typing import Any

from aws_lambda_powertools import Logger, Metrics, Tracer
from aws_lambda_powertools.metrics import MetricUnit
from aws_lambda_powertools.utilities.batch import BatchProcessor, EventType, process_partial_response
from aws_lambda_powertools.utilities.data_classes.sqs_event import SQSRecord
from aws_lambda_powertools.utilities.typing import LambdaContext
from pydantic import ValidationError

from synthdata import aws, wiring
from synthdata.settings import get_settings
from synthdata.webhooks.delivery import DeliveryFailed
from synthdata.webhooks.messages import JobEnded

logger = Logger()
tracer = Tracer()
metrics = Metrics()
# A receiver that is down fails whole batches: that is its outage, not this function's error, so the failures are
# reported per message (the messages retry with backoff) instead of raising (Powertools batch docs).
processor = BatchProcessor(event_type=EventType.SQS, raise_on_entire_batch_failure=False)
warnings.filterwarnings("ignore", "No application metrics to publish")
deliverer = wiring.deliverer(get_settings())  # fails here, at init, if the environment lacks a setting
notices = wiring.webhook_notices(get_settings())
aws.warm(clients=("s3", "sqs"), resources=("dynamodb",))


@tracer.capture_method
def process_record(record: SQSRecord) -> str:
    try:
        notice = JobEnded.model_validate_json(record.body)
    except ValidationError:
        logger.error("unreadable message dropped", extra={"message_id": record.message_id})
        return "invalid"
    attempt = int(record.attributes.approximate_receive_count or 1)
    logger.append_keys(job_id=notice.job_id, attempt=attempt)
    try:
        outcome = deliverer.attempt(
            notice, attempt, lambda seconds: notices.postpone(record.receipt_handle, seconds)
        )
    except DeliveryFailed as failed:
        logger.warning("webhook not delivered", extra={"reason": str(failed)})
        metrics.add_metric(name="WebhookAttemptsFailed", unit=MetricUnit.Count, value=1)
        raise
    logger.info("webhook", extra={"outcome": outcome})
    if outcome in ("delivered", "refused"):
        metrics.add_metric(name=f"Webhooks{outcome.capitalize()}", unit=MetricUnit.Count, value=1)
    return outcome


@logger.inject_lambda_context(clear_state=True)
@tracer.capture_lambda_handler
@metrics.log_metrics
def handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    response = process_partial_response(
        event=event, record_handler=process_record, processor=processor, context=context
    )
    return dict(response)
