"""Finalizer: completes jobs exactly once (finalize queue), fails jobs whose shards died (dead-letter queue),
and sweeps jobs past their deadline (schedule)."""

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
from synthdata.jobs.messages import ShardTask, parse_message
from synthdata.settings import get_settings

logger = Logger()
tracer = Tracer()
metrics = Metrics()
processor = BatchProcessor(event_type=EventType.SQS)
# A sweep that finds nothing, or a batch of duplicates, publishes no metric: Powertools would warn each time.
warnings.filterwarnings("ignore", "No application metrics to publish")
pipeline = wiring.pipeline(get_settings())  # fails here, at init, if the environment lacks a setting
aws.warm(clients=("s3",), resources=("dynamodb",))  # in the init phase, not in the first finalize


@tracer.capture_method
def process_record(record: SQSRecord) -> str:
    try:
        message = parse_message(record.body)
    except ValidationError:
        # A message we cannot read would fail forever (the DLQ has no DLQ): log it and let it go.
        logger.error("unreadable message dropped", extra={"message_id": record.message_id})
        return "invalid"
    if isinstance(message, ShardTask):  # only the work queue's dead-letter queue holds shard tasks
        attempts = int(record.attributes.approximate_receive_count or 0)
        outcome = pipeline.fail_dead_shard(message, attempts=max(attempts, 1))
        logger.warning(
            "dead shard", extra={"job_id": message.job_id, "shard": message.shard, "outcome": outcome}
        )
    else:
        outcome = pipeline.finalize(message.job_id)
        logger.info("finalize", extra={"job_id": message.job_id, "outcome": outcome})
    if outcome in ("completed", "failed"):
        metrics.add_metric(name=f"Jobs{outcome.capitalize()}", unit=MetricUnit.Count, value=1)
    return outcome


@logger.inject_lambda_context(clear_state=True)
@tracer.capture_lambda_handler
@metrics.log_metrics
def handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    if event.get("source") == "aws.events":
        outcomes = pipeline.sweep_overdue()
        logger.info("overdue sweep", extra={"outcomes": outcomes})
        for outcome, metric in (
            ("failed", "JobsFailed"),
            ("completed", "JobsCompleted"),
            ("sweep-error", "SweepErrors"),
        ):
            count = sum(1 for o in outcomes.values() if o == outcome)
            if count:
                metrics.add_metric(name=metric, unit=MetricUnit.Count, value=count)
        return {"swept": outcomes}
    response = process_partial_response(
        event=event, record_handler=process_record, processor=processor, context=context
    )
    return dict(response)
