"""Worker: each SQS message is one shard; generate it, upload it as its part, count it.

Partial batch failures: a failed shard returns to the queue alone and, after maxReceiveCount, lands in the
dead-letter queue, where the finalizer fails the job with the recorded reason.
"""

from __future__ import annotations

import warnings
from typing import Any

from aws_lambda_powertools import Logger, Metrics, Tracer
from aws_lambda_powertools.metrics import MetricUnit
from aws_lambda_powertools.utilities.batch import BatchProcessor, EventType, process_partial_response
from aws_lambda_powertools.utilities.data_classes.sqs_event import SQSRecord
from aws_lambda_powertools.utilities.typing import LambdaContext

from synthdata import aws, wiring
from synthdata.engine.allocator import keep_freed_buffers
from synthdata.engine.locale_data import DEFAULT_LOCALE, locale_data
from synthdata.jobs.messages import ShardTask
from synthdata.settings import get_settings

logger = Logger()
tracer = Tracer()
metrics = Metrics()
processor = BatchProcessor(event_type=EventType.SQS)
# A batch of duplicate or skipped shards publishes no metric: Powertools would warn each time.
warnings.filterwarnings("ignore", "No application metrics to publish")
pipeline = wiring.pipeline(get_settings())  # fails here, at init, if the environment lacks a setting
# Shards render block after block: the allocator keeps their buffers between blocks instead of mapping them
# afresh (70,000-row user CSV shards after the first: 0.113 -> 0.100 CPU-s here, benchmarks.warm_shards).
keep_freed_buffers()
# Load the default locale's vocabularies and make the clients during the init phase, before the first shard.
locale_data(DEFAULT_LOCALE)
aws.warm(clients=("s3", "sqs"), resources=("dynamodb",))


@tracer.capture_method
def process_record(record: SQSRecord) -> str:
    task = ShardTask.model_validate_json(record.body)
    logger.append_keys(job_id=task.job_id, shard=task.shard)
    outcome = pipeline.process_shard(task)
    logger.info("shard processed", extra={"outcome": outcome, "records": task.stop - task.start})
    if outcome == "uploaded":
        metrics.add_metric(name="RecordsGenerated", unit=MetricUnit.Count, value=task.stop - task.start)
    return outcome


@logger.inject_lambda_context(clear_state=True)
@tracer.capture_lambda_handler
@metrics.log_metrics
def handler(event: dict[str, Any], context: LambdaContext) -> dict[str, Any]:
    response = process_partial_response(
        event=event, record_handler=process_record, processor=processor, context=context
    )
    return dict(response)
