"""WebhookSecretStore on DynamoDB: one item per key (`owner`), in a table encrypted at rest (SSESpecification),
read by the webhook function and written only by the API."""

from __future__ import annotations

from typing import Any

from botocore.exceptions import ClientError

from synthdata import aws
from synthdata.webhooks.ports import WebhookSecret


def _secret(item: dict[str, Any]) -> WebhookSecret:
    return WebhookSecret(str(item["owner"]), str(item["secret"]), str(item["created_at"]))


class DynamoWebhookSecretStore:
    def __init__(self, table_name: str) -> None:
        self._table_name = table_name

    @property
    def _table(self) -> Any:
        return aws.resource("dynamodb").Table(self._table_name)

    def get(self, owner: str) -> WebhookSecret | None:
        # Consistent: a secret just created or rotated must be the one that signs the next delivery.
        item = self._table.get_item(Key={"owner": owner}, ConsistentRead=True).get("Item")
        return _secret(item) if item else None

    def create(self, candidate: WebhookSecret) -> WebhookSecret:
        try:
            self._table.put_item(
                Item=_item(candidate),
                ConditionExpression="attribute_not_exists(#owner)",
                ExpressionAttributeNames={"#owner": "owner"},
            )
        except ClientError as error:
            if error.response["Error"]["Code"] != "ConditionalCheckFailedException":
                raise
            stored = self.get(candidate.owner)  # a concurrent first request made one: keep it
            assert stored is not None
            return stored
        return candidate

    def replace(self, new: WebhookSecret) -> None:
        self._table.put_item(Item=_item(new))


def _item(secret: WebhookSecret) -> dict[str, str]:
    return {"owner": secret.owner, "secret": secret.secret, "created_at": secret.created_at}
