"""JobStore: the jobs table. Every state change is one conditional write, so concurrent workers, duplicate
deliveries and racing finalizers can never move a job backwards or complete it twice."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from botocore.exceptions import ClientError

from synthdata import aws
from synthdata.dynamo import to_dynamo
from synthdata.jobs.model import Job, JobStatus

_ACTIVE_CONDITION = "#status IN (:pending, :processing)"
_ACTIVE_VALUES = {":pending": JobStatus.PENDING.value, ":processing": JobStatus.PROCESSING.value}


def _conditional_failure(error: ClientError) -> bool:
    return error.response.get("Error", {}).get("Code") == "ConditionalCheckFailedException"


@dataclass(frozen=True)
class JobPageKeys:
    items: list[Job]
    last_key: dict[str, Any] | None


class JobStore:
    def __init__(self, table_name: str) -> None:
        self._table_name = table_name

    @property
    def _table(self) -> Any:
        return aws.resource("dynamodb").Table(self._table_name)

    # ------------------------------------------------------------------------------------ reads
    def get(self, job_id: str) -> Job | None:
        item = self._table.get_item(Key={"job_id": job_id}, ConsistentRead=True).get("Item")
        return Job.from_item(item) if item else None

    def list_by_owner(
        self, owner: str, status: JobStatus | None, limit: int, start_key: dict[str, Any] | None
    ) -> JobPageKeys:
        """A key's jobs newest first, optionally in one status, one page at a time."""
        request = self._owner_query(owner, status)
        request["Limit"] = limit
        if start_key:
            request["ExclusiveStartKey"] = start_key
        answer = self._table.query(**request)
        return JobPageKeys(
            [Job.from_item(i) for i in answer.get("Items", [])], answer.get("LastEvaluatedKey")
        )

    def count_by_owner(self, owner: str, status: JobStatus | None) -> int:
        request = self._owner_query(owner, status)
        request["Select"] = "COUNT"
        total = 0
        while True:
            answer = self._table.query(**request)
            total += int(answer.get("Count", 0))
            if "LastEvaluatedKey" not in answer:
                return total
            request["ExclusiveStartKey"] = answer["LastEvaluatedKey"]

    @staticmethod
    def _owner_query(owner: str, status: JobStatus | None) -> dict[str, Any]:
        if status is None:
            return {
                "IndexName": "by-owner",
                "KeyConditionExpression": "#owner = :owner",
                "ExpressionAttributeNames": {"#owner": "owner"},
                "ExpressionAttributeValues": {":owner": owner},
                "ScanIndexForward": False,
            }
        return {
            "IndexName": "by-owner-status",
            "KeyConditionExpression": "owner_status = :owner_status",
            "ExpressionAttributeValues": {":owner_status": f"{owner}#{status.value}"},
            "ScanIndexForward": False,
        }

    def overdue_job_ids(self, now_iso: str) -> list[str]:
        """Active jobs whose deadline has passed (sparse index: only active jobs carry `active`)."""
        ids: list[str] = []
        request: dict[str, Any] = {
            "IndexName": "active-by-deadline",
            "KeyConditionExpression": "active = :one AND deadline < :now",
            "ExpressionAttributeValues": {":one": "1", ":now": now_iso},
        }
        while True:
            answer = self._table.query(**request)
            ids.extend(item["job_id"] for item in answer.get("Items", []))
            if "LastEvaluatedKey" not in answer:
                return ids
            request["ExclusiveStartKey"] = answer["LastEvaluatedKey"]

    # ------------------------------------------------------------------------------------ writes
    def create(self, job: Job, expires_at_epoch: int) -> None:
        item = to_dynamo(job.to_item())
        item["expires_at_epoch"] = expires_at_epoch
        self._table.put_item(Item=item, ConditionExpression="attribute_not_exists(job_id)")

    def record_shard(
        self, job_id: str, shard_index: int, records: int, now_iso: str, owner: str
    ) -> Job | None:
        """Count a finished shard once. None when it was already counted or the job is no longer active."""
        try:
            answer = self._table.update_item(
                Key={"job_id": job_id},
                UpdateExpression=(
                    "ADD done_shards :shard_set, records_done :records "
                    "SET #status = :processing, owner_status = :owner_status, "
                    "started_at = if_not_exists(started_at, :now) REMOVE last_error"
                ),
                ConditionExpression=f"{_ACTIVE_CONDITION} AND NOT contains(done_shards, :shard)",
                ExpressionAttributeNames={"#status": "status"},
                ExpressionAttributeValues={
                    **_ACTIVE_VALUES,
                    ":shard_set": {shard_index},
                    ":shard": shard_index,
                    ":records": records,
                    ":owner_status": f"{owner}#{JobStatus.PROCESSING.value}",
                    ":now": now_iso,
                },
                ReturnValues="ALL_NEW",
            )
        except ClientError as error:
            if _conditional_failure(error):
                return None
            raise
        return Job.from_item(answer["Attributes"])

    def note_shard_error(self, job_id: str, message: str) -> None:
        """Remember why a shard failed, so the dead-letter consumer can tell the user."""
        try:
            self._table.update_item(
                Key={"job_id": job_id},
                UpdateExpression="SET last_error = :message",
                ConditionExpression=_ACTIVE_CONDITION,
                ExpressionAttributeNames={"#status": "status"},
                ExpressionAttributeValues={**_ACTIVE_VALUES, ":message": message},
            )
        except ClientError as error:
            if not _conditional_failure(error):
                raise

    def _finish(self, job: Job, status: JobStatus, now_iso: str, extra: dict[str, Any]) -> bool:
        """Move an active job to a terminal status; False when another writer got there first."""
        sets = ["#status = :status", "owner_status = :owner_status"]
        values: dict[str, Any] = {
            **_ACTIVE_VALUES,
            ":status": status.value,
            ":owner_status": f"{job.owner}#{status.value}",
        }
        for index, (name, value) in enumerate(extra.items()):
            sets.append(f"{name} = :v{index}")
            values[f":v{index}"] = value
        condition = _ACTIVE_CONDITION
        if status is JobStatus.COMPLETED:  # only a job whose shards all ran can complete
            condition = "#status = :processing"
            del values[":pending"]
        try:
            self._table.update_item(
                Key={"job_id": job.job_id},
                UpdateExpression="SET " + ", ".join(sets) + " REMOVE active",
                ConditionExpression=condition,
                ExpressionAttributeNames={"#status": "status"},
                ExpressionAttributeValues=values,
            )
        except ClientError as error:
            if _conditional_failure(error):
                return False
            raise
        return True

    def mark_completed(self, job: Job, *, now_iso: str, size: int, checksum: str, manifest_key: str) -> bool:
        return self._finish(
            job,
            JobStatus.COMPLETED,
            now_iso,
            {
                "completed_at": now_iso,
                "file_size_bytes": size,
                "checksum_sha256": checksum,
                "manifest_key": manifest_key,
            },
        )

    def mark_failed(self, job: Job, *, now_iso: str, message: str) -> bool:
        return self._finish(
            job, JobStatus.FAILED, now_iso, {"completed_at": now_iso, "error_message": message}
        )

    def mark_cancelled(self, job: Job, *, now_iso: str) -> bool:
        return self._finish(job, JobStatus.CANCELLED, now_iso, {"completed_at": now_iso})
