"""TemplateStore on DynamoDB: items keyed by template id, listed per owner through the by-owner index."""

from __future__ import annotations

import uuid
from typing import Any

from synthdata import aws
from synthdata.clock import iso, utc_now
from synthdata.dynamo import from_dynamo, to_dynamo
from synthdata.errors import NotFound
from synthdata.templates.template import Template

_OWNED = {
    "ConditionExpression": "#owner = :owner",
    "ExpressionAttributeNames": {"#owner": "owner"},
}


def template_from_item(item: dict[str, Any]) -> Template:
    return Template(
        template_id=item["template_id"],
        owner=item["owner"],
        name=item["name"],
        description=item.get("description", ""),
        schema_fields=from_dynamo(item.get("schema_fields", [])),
        created_at=item["created_at"],
        updated_at=item.get("updated_at", item["created_at"]),
    )


def template_to_item(template: Template) -> dict[str, Any]:
    return {
        "template_id": template.template_id,
        "owner": template.owner,
        "name": template.name,
        "description": template.description,
        "schema_fields": to_dynamo(template.schema_fields),
        "created_at": template.created_at,
        "updated_at": template.updated_at,
    }


class DynamoTemplateStore:
    def __init__(self, table_name: str) -> None:
        self._table_name = table_name

    @property
    def _table(self) -> Any:
        return aws.resource("dynamodb").Table(self._table_name)

    def create(
        self, owner: str, name: str, description: str, schema_fields: list[dict[str, Any]]
    ) -> Template:
        now = iso(utc_now())
        template = Template(str(uuid.uuid4()), owner, name, description, schema_fields, now, now)
        self._table.put_item(
            Item=template_to_item(template), ConditionExpression="attribute_not_exists(template_id)"
        )
        return template

    def get(self, owner: str, template_id: str) -> Template:
        item = self._table.get_item(Key={"template_id": template_id}, ConsistentRead=True).get("Item")
        if not item or item.get("owner") != owner:
            raise NotFound(f"Template {template_id} not found")
        return template_from_item(item)

    def list_for(self, owner: str) -> list[Template]:
        items: list[dict[str, Any]] = []
        request: dict[str, Any] = {
            "IndexName": "by-owner",
            "KeyConditionExpression": "#owner = :owner",
            "ExpressionAttributeNames": {"#owner": "owner"},
            "ExpressionAttributeValues": {":owner": owner},
            "ScanIndexForward": False,
        }
        while True:
            answer = self._table.query(**request)
            items.extend(answer.get("Items", []))
            if "LastEvaluatedKey" not in answer:
                return [template_from_item(i) for i in items]
            request["ExclusiveStartKey"] = answer["LastEvaluatedKey"]

    def replace(
        self, owner: str, template_id: str, name: str, description: str, schema_fields: list[dict[str, Any]]
    ) -> Template:
        current = self.get(owner, template_id)
        updated = Template(
            template_id, owner, name, description, schema_fields, current.created_at, iso(utc_now())
        )
        self._table.put_item(
            Item=template_to_item(updated), **_OWNED, ExpressionAttributeValues={":owner": owner}
        )
        return updated

    def delete(self, owner: str, template_id: str) -> None:
        self.get(owner, template_id)
        self._table.delete_item(
            Key={"template_id": template_id}, **_OWNED, ExpressionAttributeValues={":owner": owner}
        )
