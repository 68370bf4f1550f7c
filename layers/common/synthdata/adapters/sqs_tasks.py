"""TaskQueue on SQS: shard tasks to the work queue in batches of ten, finalize requests to the finalize queue."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from synthdata import aws
from synthdata.jobs.job import Shard
from synthdata.jobs.messages import FinalizeRequest, ShardTask

_BATCH = 10  # SendMessageBatch's maximum
_SEND_ATTEMPTS = 3


class QueueSendError(Exception):
    """Some messages could not be sent after retries."""


class SqsTaskQueue:
    def __init__(self, work_queue_url: str, express_queue_url: str, finalize_queue_url: str) -> None:
        self.work_queue_url = work_queue_url
        self.express_queue_url = express_queue_url
        self.finalize_queue_url = finalize_queue_url

    @property
    def _sqs(self) -> Any:
        return aws.client("sqs")

    def send_shard_tasks(self, job_id: str, shards: Sequence[Shard], *, express: bool = False) -> None:
        """One message per shard, ten per call, retrying the entries SQS reports as failed."""
        queue_url = self.express_queue_url if express else self.work_queue_url
        tasks = [ShardTask(job_id=job_id, shard=s.index, start=s.start, stop=s.stop) for s in shards]
        for offset in range(0, len(tasks), _BATCH):
            pending = {str(t.shard): t.to_json() for t in tasks[offset : offset + _BATCH]}
            for _ in range(_SEND_ATTEMPTS):
                answer = self._sqs.send_message_batch(
                    QueueUrl=queue_url,
                    Entries=[{"Id": k, "MessageBody": v} for k, v in pending.items()],
                )
                pending = {f["Id"]: pending[f["Id"]] for f in answer.get("Failed", [])}
                if not pending:
                    break
            if pending:
                raise QueueSendError(f"{len(pending)} shard messages not sent for job {job_id}")

    def send_finalize(self, job_id: str) -> None:
        self._sqs.send_message(
            QueueUrl=self.finalize_queue_url, MessageBody=FinalizeRequest(job_id=job_id).to_json()
        )
