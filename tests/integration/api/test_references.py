"""References through the API and the pipeline on moto: orders whose customers are the users of a user job
(computed from the user job's recorded seed, never read from its file), a template's reference field, and a 422
naming the field for each parent that cannot be one."""

from __future__ import annotations

import csv
import io
import json
import time
from typing import Any

import boto3
import pytest

from synthdata.settings import get_settings
from tests.conftest import Figure
from tests.integration.api.conftest import Api
from tests.integration.api.test_api import error
from tests.integration.pipeline.conftest import Driver

MISSING = "0b7e3c1a-5b2d-4c4e-9a7b-1d2e3f405162"


def completed(api: Api, driver: Driver, body: dict[str, Any], owner: str | None = None) -> str:
    reply = api.call("POST", "/api/generate", body, owner=owner)
    assert reply.status == 202, reply.text
    driver.run()
    job_id = str(reply.json()["job_id"])
    assert api.call("GET", f"/api/jobs/{job_id}", owner=owner).json()["status"] == "completed"
    return job_id


def stored(job_id: str) -> str:
    """The job's file as stored in S3 (read here to check it; the child's worker never reads it)."""
    item = (
        boto3.resource("dynamodb").Table(get_settings().jobs_table).get_item(Key={"job_id": job_id})["Item"]
    )
    body = boto3.client("s3").get_object(Bucket=get_settings().data_bucket, Key=item["file_key"])["Body"]
    return str(body.read().decode())


def table(job_id: str) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(stored(job_id))))


@pytest.mark.slow
def test_every_order_of_100000_is_a_user_of_the_10000_user_job_with_its_email(
    api: Api, driver: Driver, figure: Figure
) -> None:
    users_id = completed(api, driver, {"data_type": "user", "record_count": 10_000, "seed": 5})
    started = time.perf_counter()
    orders_id = completed(
        api,
        driver,
        {"data_type": "ecommerce", "record_count": 100_000, "seed": 6, "references": {"customers": users_id}},
    )
    seconds = time.perf_counter() - started
    users = {row["id"]: row["email"] for row in table(users_id)}
    orders = table(orders_id)
    found = sum(order["customer_id"] in users for order in orders)
    matching = sum(users.get(order["customer_id"]) == order["customer_email"] for order in orders)
    assert len(orders) == 100_000 and found == matching == 100_000
    emails: dict[str, str] = {}
    for order in orders:  # each customer keeps one email
        assert emails.setdefault(order["customer_id"], order["customer_email"]) == order["customer_email"]
    figure(
        "references",
        f"100,000 orders of a 10,000-user job: customer_id found {found / len(orders):.0%}, emails matching "
        f"{matching / len(orders):.0%}, {len(emails):,} distinct customers; submitted to completed on moto "
        f"{seconds:.1f} s",
    )


def test_a_template_reference_field_takes_its_values_from_the_parent_column(api: Api, driver: Driver) -> None:
    users_id = completed(api, driver, {"data_type": "user", "record_count": 1_000, "seed": 8})
    fields = [
        {"name": "order", "field_type": "sequence"},
        {
            "name": "buyer",
            "field_type": "reference",
            "job_id": users_id,
            "column": "email",
            "distribution": "skewed",
        },
    ]
    template = api.call("POST", "/api/templates", {"name": "orders", "schema_fields": fields})
    assert template.status == 201, template.text
    assert (
        template.json()["schema_fields"][1] == {**fields[1], "skew": 1.1}
        or template.json()["schema_fields"][1]["column"] == "email"
    )
    body = {"template_id": template.json()["id"], "record_count": 3_000, "output_format": "json", "seed": 2}
    preview = api.call("POST", "/api/preview", {**body, "record_count": 20})
    assert preview.status == 200, preview.text
    job_id = completed(api, driver, body)
    emails = {row["email"] for row in table(users_id)}
    records = json.loads(stored(job_id))
    assert all(record["buyer"] in emails for record in records)
    assert [r["buyer"] for r in preview.json()["records"]] == [r["buyer"] for r in records[:20]]


def test_a_parent_that_cannot_be_one_is_a_422_naming_the_field(api: Api, driver: Driver) -> None:
    users_id = completed(api, driver, {"data_type": "user", "record_count": 1_000})
    theirs = completed(api, driver, {"data_type": "user", "record_count": 1_000}, owner="key-owner-b")
    words = api.call(
        "POST", "/api/templates", {"name": "w", "schema_fields": [{"name": "w", "field_type": "word"}]}
    )
    no_columns = completed(api, driver, {"template_id": words.json()["id"], "record_count": 1_000})
    pending = api.call("POST", "/api/generate", {"data_type": "user", "record_count": 1_000}).json()["job_id"]

    def refused(body: dict[str, Any], path: str = "/api/generate") -> dict[str, str]:
        details = error(api.call("POST", path, body), 422)["details"]
        return {d["field"]: d["message"] for d in details}

    def orders(parent: str) -> dict[str, Any]:
        return {"data_type": "ecommerce", "record_count": 1_000, "references": {"customers": parent}}

    at = "references.customers"
    # Another key's job reads exactly like one that does not exist.
    assert refused(orders(theirs)) == {at: f"{at}: job {theirs} not found"}
    assert refused(orders(MISSING)) == {at: f"{at}: job {MISSING} not found"}
    assert refused(orders(pending)) == {
        at: f"{at}: job {pending} is pending; only a completed job can be referred to"
    }
    assert refused(orders(no_columns)) == {
        at: f"{at}: job {no_columns} has no id or email column; customers must be a job with id and email "
        "columns (a user job)"
    }
    assert refused({**orders(users_id), "data_type": "user"}) == {
        at: f"{at}: user has no reference named customers (user takes none)"
    }
    assert refused({**orders(MISSING), "record_count": 10}, "/api/preview") == {
        at: f"{at}: job {MISSING} not found"
    }
    children = completed(api, driver, orders(users_id))
    assert "refers to other jobs itself" in refused(orders(children))[at]

    def template(**reference: Any) -> str:
        field = {"name": "ref", "field_type": "reference", "job_id": users_id, "column": "id", **reference}
        made = api.call("POST", "/api/templates", {"name": "t", "schema_fields": [field]})
        assert made.status == 201, made.text
        return str(made.json()["id"])

    by_template = {"record_count": 1_000}
    missing_column = refused({**by_template, "template_id": template(column="nope")})
    assert list(missing_column) == ["schema_fields[0].column"] and "its columns: id, first_name" in str(
        missing_column
    )
    assert refused({**by_template, "template_id": template(job_id=theirs)}) == {
        "schema_fields[0].job_id": f"schema_fields[0].job_id: job {theirs} not found"
    }
    with_references = {**by_template, "template_id": template(), "references": {"customers": users_id}}
    assert list(refused(with_references)) == ["references"]

    table_ = boto3.resource("dynamodb").Table(get_settings().jobs_table)
    table_.update_item(
        Key={"job_id": users_id},
        UpdateExpression="SET completed_at = :old",
        ExpressionAttributeValues={":old": "2020-01-01T00:00:00.000Z"},
    )
    assert "has expired" in refused(orders(users_id))[at]
