"""UsageLedger on DynamoDB: one item per key and UTC day, its total moved by conditional ADDs."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from typing import Any

from botocore.exceptions import ClientError

from synthdata import aws

_KEEP_DAYS = 35  # long enough to answer questions about last month's use; TTL deletes the rest


def _item_key(owner: str, day: str) -> dict[str, str]:
    return {"owner_day": f"{owner}#{day}"}


class DynamoUsageLedger:
    def __init__(self, table_name: str) -> None:
        self._table_name = table_name

    @property
    def _table(self) -> Any:
        return aws.resource("dynamodb").Table(self._table_name)

    def reserve(self, owner: str, day: str, records: int, budget: int) -> int | None:
        expires = datetime.fromisoformat(day).replace(tzinfo=UTC) + timedelta(days=_KEEP_DAYS)
        try:
            answer = self._table.update_item(
                Key=_item_key(owner, day),
                UpdateExpression="ADD records :n SET expires_at_epoch = :expires",
                ConditionExpression="attribute_not_exists(records) OR records <= :room",
                ExpressionAttributeValues={
                    ":n": records,
                    ":room": budget - records,
                    ":expires": int(expires.timestamp()),
                },
                ReturnValues="UPDATED_NEW",
            )
        except ClientError as error:
            if error.response.get("Error", {}).get("Code") == "ConditionalCheckFailedException":
                return None
            raise
        return int(answer["Attributes"]["records"])

    def release(self, owner: str, day: str, records: int) -> None:
        self._table.update_item(
            Key=_item_key(owner, day),
            UpdateExpression="ADD records :n",
            ConditionExpression="attribute_exists(records)",
            ExpressionAttributeValues={":n": -records},
        )

    def used(self, owner: str, day: str) -> int:
        item = self._table.get_item(Key=_item_key(owner, day), ConsistentRead=True).get("Item") or {}
        return int(item.get("records", 0))
