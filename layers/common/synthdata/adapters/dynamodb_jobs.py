"""JobStore on DynamoDB: the item shape, the index keys, and every state change as one conditional write."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from botocore.exceptions import ClientError

from synthdata import aws
from synthdata.dynamo import from_dynamo, to_dynamo
from synthdata.jobs.job import ACTIVE_STATUSES, Job, JobSpec, JobStatus
from synthdata.jobs.ports import JobPage

_ACTIVE_CONDITION = "#status IN (:pending, :processing)"
_ACTIVE_VALUES = {":pending": JobStatus.PENDING.value, ":processing": JobStatus.PROCESSING.value}
BY_OWNER = "by-owner"  # a key's jobs, newest first
BY_OWNER_STATUS = "by-owner-status"  # owner_status = "<owner>#<status>", newest first
ACTIVE_BY_DEADLINE = "active-by-deadline"  # sparse: only active jobs carry `active`


def _conditional_failure(error: ClientError) -> bool:
    return error.response.get("Error", {}).get("Code") == "ConditionalCheckFailedException"


def owner_status(owner: str, status: JobStatus) -> str:
    return f"{owner}#{status.value}"


def job_to_item(job: Job) -> dict[str, Any]:
    """The item of a job, with the attributes the indexes are built on."""
    spec = job.spec
    item: dict[str, Any] = {
        "job_id": job.job_id,
        "owner": job.owner,
        "status": job.status.value,
        "owner_status": owner_status(job.owner, job.status),
        "created_at": job.created_at,
        "record_count": spec.record_count,
        "output_format": spec.output_format,
        "seed": spec.seed,
        "locale": spec.locale,
        "options": spec.options,
        "shard_records": job.shard_records,
        "shard_count": job.shard_count,
        "file_key": job.file_key,
        "upload_id": job.upload_id,
        "records_done": job.records_done,
        "engine_version": job.engine_version,
    }
    optional = {
        "compression": spec.compression,
        "data_type": spec.data_type,
        "template_id": spec.template_id,
        "template_name": spec.template_name,
        "template_schema": spec.template_schema,
        "callback_url": spec.callback_url,
        "deadline": job.deadline,
        "started_at": job.started_at,
        "completed_at": job.completed_at,
        "error_message": job.error_message,
    }
    item.update({k: v for k, v in optional.items() if v is not None})
    if job.status in ACTIVE_STATUSES:
        item["active"] = "1"
    return item


def job_from_item(item: dict[str, Any]) -> Job:
    def number(name: str, default: int = 0) -> int:
        value = item.get(name)
        return int(value) if value is not None else default

    spec = JobSpec(
        record_count=number("record_count"),
        output_format=item["output_format"],
        seed=number("seed"),
        locale=item["locale"],
        compression=item.get("compression"),
        data_type=item.get("data_type"),
        template_id=item.get("template_id"),
        template_name=item.get("template_name"),
        template_schema=from_dynamo(item.get("template_schema")),
        options=from_dynamo(item.get("options")) or {},
        callback_url=item.get("callback_url"),
    )
    size = item.get("file_size_bytes")
    return Job(
        job_id=item["job_id"],
        owner=item["owner"],
        status=JobStatus(item["status"]),
        spec=spec,
        created_at=item["created_at"],
        shard_records=number("shard_records"),
        shard_count=number("shard_count"),
        file_key=item["file_key"],
        upload_id=item.get("upload_id", ""),
        records_done=number("records_done"),
        done_shards=frozenset(int(s) for s in item.get("done_shards", set())),
        started_at=item.get("started_at"),
        completed_at=item.get("completed_at"),
        deadline=item.get("deadline"),
        error_message=item.get("error_message"),
        last_error=item.get("last_error"),
        part_sizes=tuple(int(n) for n in item["part_sizes"]) if item.get("part_sizes") else None,
        sweep_attempts=number("sweep_attempts"),
        file_size_bytes=int(size) if size is not None else None,
        checksum_sha256=item.get("checksum_sha256"),
        manifest_key=item.get("manifest_key"),
        engine_version=item.get("engine_version"),
    )


class DynamoJobStore:
    def __init__(self, table_name: str) -> None:
        self._table_name = table_name

    @property
    def _table(self) -> Any:
        return aws.resource("dynamodb").Table(self._table_name)

    # ------------------------------------------------------------------------------------ reads
    def get(self, job_id: str) -> Job | None:
        item = self._table.get_item(Key={"job_id": job_id}, ConsistentRead=True).get("Item")
        return job_from_item(item) if item else None

    def list_by_owner(
        self, owner: str, status: JobStatus | None, limit: int, cursor: dict[str, Any] | None
    ) -> JobPage:
        request = self._owner_query(owner, status)
        request["Limit"] = limit
        if cursor:
            request["ExclusiveStartKey"] = cursor
        answer = self._table.query(**request)
        return JobPage([job_from_item(i) for i in answer.get("Items", [])], answer.get("LastEvaluatedKey"))

    def count_by_owner(self, owner: str, status: JobStatus | None) -> int:
        request = self._owner_query(owner, status)
        request["Select"] = "COUNT"
        return sum(int(page.get("Count", 0)) for page in self._pages(request))

    @staticmethod
    def _owner_query(owner: str, status: JobStatus | None) -> dict[str, Any]:
        if status is None:
            return {
                "IndexName": BY_OWNER,
                "KeyConditionExpression": "#owner = :owner",
                "ExpressionAttributeNames": {"#owner": "owner"},
                "ExpressionAttributeValues": {":owner": owner},
                "ScanIndexForward": False,
            }
        return {
            "IndexName": BY_OWNER_STATUS,
            "KeyConditionExpression": "owner_status = :owner_status",
            "ExpressionAttributeValues": {":owner_status": owner_status(owner, status)},
            "ScanIndexForward": False,
        }

    def overdue_job_ids(self, now_iso: str) -> list[str]:
        request: dict[str, Any] = {
            "IndexName": ACTIVE_BY_DEADLINE,
            "KeyConditionExpression": "active = :one AND deadline < :now",
            "ExpressionAttributeValues": {":one": "1", ":now": now_iso},
        }
        return [item["job_id"] for page in self._pages(request) for item in page.get("Items", [])]

    def _pages(self, request: dict[str, Any]) -> list[dict[str, Any]]:
        """Every page of a query (counts and the sweep read the whole, small result)."""
        pages = []
        while True:
            answer = self._table.query(**request)
            pages.append(answer)
            if "LastEvaluatedKey" not in answer:
                return pages
            request = {**request, "ExclusiveStartKey": answer["LastEvaluatedKey"]}

    # ------------------------------------------------------------------------------------ writes
    def create(self, job: Job, expires_at_epoch: int) -> None:
        item = to_dynamo(job_to_item(job))
        item["expires_at_epoch"] = expires_at_epoch
        self._table.put_item(Item=item, ConditionExpression="attribute_not_exists(job_id)")

    def record_shard(
        self, job_id: str, shard_index: int, records: int, now_iso: str, owner: str
    ) -> Job | None:
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
                    ":owner_status": owner_status(owner, JobStatus.PROCESSING),
                    ":now": now_iso,
                },
                ReturnValues="ALL_NEW",
            )
        except ClientError as error:
            if _conditional_failure(error):
                return None
            raise
        return job_from_item(answer["Attributes"])

    def note_shard_error(self, job_id: str, message: str) -> None:
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

    def record_part_sizes(self, job_id: str, part_sizes: Sequence[int]) -> None:
        self._table.update_item(
            Key={"job_id": job_id},
            UpdateExpression="SET part_sizes = :sizes",
            ExpressionAttributeValues={":sizes": list(part_sizes)},
        )

    def count_sweep_attempt(self, job_id: str) -> int:
        answer = self._table.update_item(
            Key={"job_id": job_id},
            UpdateExpression="ADD sweep_attempts :one",
            ExpressionAttributeValues={":one": 1},
            ReturnValues="UPDATED_NEW",
        )
        return int(answer["Attributes"]["sweep_attempts"])

    def _finish(self, job: Job, status: JobStatus, extra: dict[str, Any]) -> bool:
        """Move an active job to a terminal status; False when another writer got there first."""
        sets = ["#status = :status", "owner_status = :owner_status"]
        values: dict[str, Any] = {
            **_ACTIVE_VALUES,
            ":status": status.value,
            ":owner_status": owner_status(job.owner, status),
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
            {
                "completed_at": now_iso,
                "file_size_bytes": size,
                "checksum_sha256": checksum,
                "manifest_key": manifest_key,
            },
        )

    def mark_failed(self, job: Job, *, now_iso: str, message: str) -> bool:
        return self._finish(job, JobStatus.FAILED, {"completed_at": now_iso, "error_message": message})

    def mark_cancelled(self, job: Job, *, now_iso: str) -> bool:
        return self._finish(job, JobStatus.CANCELLED, {"completed_at": now_iso})
