"""JobNotices on SQS: one message per ended job to the webhook queue; retry backoff by hiding a message."""

from __future__ import annotations

from typing import Any

from synthdata import aws
from synthdata.jobs.job import JobStatus
from synthdata.webhooks.messages import JobEnded


class SqsJobNotices:
    def __init__(self, queue_url: str) -> None:
        self.queue_url = queue_url

    @property
    def _sqs(self) -> Any:
        return aws.client("sqs")

    def job_ended(self, job_id: str, status: JobStatus) -> None:
        notice = JobEnded(job_id=job_id, status=status.value)
        self._sqs.send_message(QueueUrl=self.queue_url, MessageBody=notice.to_json())

    def postpone(self, receipt_handle: str, seconds: int) -> None:
        """Hide a received message for `seconds`: Lambda leaves a failed message's visibility as it is, so this
        is the delay before its next attempt (the Lambda guide's way to back off on SQS)."""
        self._sqs.change_message_visibility(
            QueueUrl=self.queue_url, ReceiptHandle=receipt_handle, VisibilityTimeout=seconds
        )
