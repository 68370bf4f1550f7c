"""The SQS messages of the pipeline: one per shard to the work queue, one per job to the finalize queue."""

from __future__ import annotations

import json
from dataclasses import asdict, dataclass
from typing import Any

from synthdata import aws
from synthdata.jobs.model import Shard

_BATCH = 10
_SEND_ATTEMPTS = 3


@dataclass(frozen=True)
class ShardTask:
    job_id: str
    shard: int
    start: int
    stop: int

    def to_json(self) -> str:
        return json.dumps(asdict(self), separators=(",", ":"))

    @classmethod
    def from_json(cls, body: str) -> ShardTask:
        data = json.loads(body)
        return cls(str(data["job_id"]), int(data["shard"]), int(data["start"]), int(data["stop"]))


@dataclass(frozen=True)
class FinalizeRequest:
    job_id: str

    def to_json(self) -> str:
        return json.dumps({"job_id": self.job_id})

    @classmethod
    def from_json(cls, body: str) -> FinalizeRequest:
        return cls(str(json.loads(body)["job_id"]))


class QueueSendError(Exception):
    """Some messages could not be sent after retries."""


def send_shard_tasks(queue_url: str, job_id: str, shards: list[Shard]) -> None:
    """One message per shard, ten per call, retrying the entries SQS reports as failed."""
    sqs: Any = aws.client("sqs")
    tasks = [ShardTask(job_id, s.index, s.start, s.stop) for s in shards]
    for offset in range(0, len(tasks), _BATCH):
        pending = {str(t.shard): t.to_json() for t in tasks[offset : offset + _BATCH]}
        for _ in range(_SEND_ATTEMPTS):
            answer = sqs.send_message_batch(
                QueueUrl=queue_url, Entries=[{"Id": k, "MessageBody": v} for k, v in pending.items()]
            )
            pending = {f["Id"]: pending[f["Id"]] for f in answer.get("Failed", [])}
            if not pending:
                break
        if pending:
            raise QueueSendError(f"{len(pending)} shard messages not sent for job {job_id}")


def send_finalize(queue_url: str, job_id: str) -> None:
    aws.client("sqs").send_message(QueueUrl=queue_url, MessageBody=FinalizeRequest(job_id).to_json())
