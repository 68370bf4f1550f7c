"""Lambda's SQS event shape, built from ReceiveMessage results, and the deletion of what succeeded.

Shared by the local pollers and the tests so that handlers always see what Lambda would send them.
"""

from __future__ import annotations

import hashlib
from typing import Any


def lambda_sqs_event(
    messages: list[dict[str, Any]], queue_arn: str, region: str = "us-east-1"
) -> dict[str, Any]:
    """The event Lambda's SQS event source mapping delivers for these received messages."""
    records = []
    for message in messages:
        attributes = message.get("Attributes", {})
        records.append(
            {
                "messageId": message["MessageId"],
                "receiptHandle": message["ReceiptHandle"],
                "body": message["Body"],
                "attributes": {
                    "ApproximateReceiveCount": attributes.get("ApproximateReceiveCount", "1"),
                    "SentTimestamp": attributes.get("SentTimestamp", "0"),
                    "SenderId": attributes.get("SenderId", "AIDAIENQZJOLO23YVJ4VO"),
                    "ApproximateFirstReceiveTimestamp": attributes.get(
                        "ApproximateFirstReceiveTimestamp", "0"
                    ),
                },
                "messageAttributes": message.get("MessageAttributes", {}),
                "md5OfBody": message.get("MD5OfBody") or hashlib.md5(message["Body"].encode()).hexdigest(),  # noqa: S324
                "eventSource": "aws:sqs",
                "eventSourceARN": queue_arn,
                "awsRegion": region,
            }
        )
    return {"Records": records}


def receive(sqs: Any, queue_url: str, max_messages: int, wait_seconds: int = 0) -> list[dict[str, Any]]:
    answer = sqs.receive_message(
        QueueUrl=queue_url,
        MaxNumberOfMessages=max_messages,
        WaitTimeSeconds=wait_seconds,
        AttributeNames=["All"],
        MessageAttributeNames=["All"],
    )
    return list(answer.get("Messages", []))


def delete_succeeded(sqs: Any, queue_url: str, messages: list[dict[str, Any]], response: Any) -> list[str]:
    """Delete the messages the handler did not report as failed (ReportBatchItemFailures); return failed ids.

    A response that is not a batch-failure report (or an invocation that raised) fails the whole batch.
    """
    if not isinstance(response, dict) or not isinstance(response.get("batchItemFailures"), list):
        return [m["MessageId"] for m in messages]
    failed = {str(f.get("itemIdentifier")) for f in response["batchItemFailures"]}
    done = [m for m in messages if m["MessageId"] not in failed]
    for offset in range(0, len(done), 10):
        sqs.delete_message_batch(
            QueueUrl=queue_url,
            Entries=[
                {"Id": str(i), "ReceiptHandle": m["ReceiptHandle"]}
                for i, m in enumerate(done[offset : offset + 10])
            ],
        )
    return sorted(failed)
