"""Every endpoint and every error of the API contract, with per-key isolation."""

from __future__ import annotations

import json
from typing import Any

import boto3
import pytest

from local.template import load_template
from synthdata import wiring
from synthdata.jobs.job_service import JobService
from synthdata.settings import get_settings
from tests.integration.api.conftest import Api
from tests.integration.pipeline.conftest import Driver, stored_file

GENERATE = {"data_type": "user", "record_count": 1000, "output_format": "csv"}


def error(reply: Any, status: int) -> dict[str, Any]:
    assert reply.status == status, reply.text
    body = reply.json()
    assert set(body) == {"error", "request_id"} and body["request_id"]
    assert set(body["error"]) == {"code", "message", "details"}
    return dict(body["error"])


def test_routes_are_exactly_the_template_events(api: Api) -> None:
    events = load_template().resources["ApiFunction"]["Properties"]["Events"].values()
    declared = {(e["Properties"]["Method"].upper(), e["Properties"]["Path"]) for e in events}
    app = api.module.app
    served = {
        (route.method, route.path.replace("<", "{").replace(">", "}"))
        for route in app._static_routes + app._dynamic_routes
    }
    assert declared == served


def test_health_docs_and_openapi_need_no_key(api: Api) -> None:
    assert api.call("GET", "/health", authorized=False).json()["status"] == "ok"
    docs = api.call("GET", "/docs", authorized=False)
    assert docs.status == 200 and "swagger" in docs.text.lower()
    spec = api.call("GET", "/openapi.json", authorized=False).json()
    assert "/api/generate" in spec["paths"] and "ErrorResponse" in json.dumps(spec)
    assert spec["components"]["securitySchemes"]["ApiKeyHeader"]["name"] == "X-API-Key"


def test_generate_answers_202_with_the_original_message(api: Api) -> None:
    reply = api.call("POST", "/api/generate", {**GENERATE, "record_count": 10000})
    assert reply.status == 202
    body = reply.json()
    assert (
        body["message"] == "Job created successfully. Generating 10000 user records."
        and body["status"] == "pending"
    )
    job = api.call("GET", f"/api/jobs/{body['job_id']}").json()
    assert job["status"] == "pending" and job["progress"] == 0 and job["record_count"] == 10000
    assert isinstance(job["seed"], int) and job["locale"] == "en_US"


@pytest.mark.parametrize(
    ("body", "field", "sentence"),
    [
        ({**GENERATE, "record_count": 5}, "record_count", "record_count must be between 100 and 1000000"),
        (
            {**GENERATE, "record_count": 2_000_000},
            "record_count",
            "record_count must be between 100 and 1000000",
        ),
        ({**GENERATE, "data_type": "planet"}, "data_type", "data_type must be one of"),
        ({**GENERATE, "output_format": "xml"}, "output_format", "output_format must be one of"),
        ({**GENERATE, "template_id": "t"}, "data_type", "give exactly one of data_type or template_id"),
        ({**GENERATE, "colour": "red"}, "colour", "colour is not a recognised field"),
        ({"data_type": "user"}, "record_count", "record_count is required"),
        ({**GENERATE, "seed": -1}, "seed", "seed must be at least 0"),
        (
            {**GENERATE, "output_format": "sql", "options": {"table_name": "users; DROP TABLE x"}},
            "options.table_name",
            "options.table_name must match",
        ),
        (
            {**GENERATE, "options": {"delimiter": ":"}},
            "options.delimiter",
            "options.delimiter must be one of",
        ),
    ],
)
def test_invalid_requests_get_422_with_a_sentence_per_field(
    api: Api, body: dict[str, Any], field: str, sentence: str
) -> None:
    problem = error(api.call("POST", "/api/generate", body), 422)
    details = {d["field"]: d["message"] for d in problem["details"]}
    assert field in details and details[field].startswith(sentence), details


def test_sql_jobs_take_their_options(api: Api) -> None:
    options = {"sql_dialect": "mysql", "table_name": "people", "rows_per_insert": 1000}
    reply = api.call("POST", "/api/generate", {**GENERATE, "output_format": "sql", "options": options})
    assert reply.status == 202, reply.text
    assert api.call("GET", f"/api/jobs/{reply.json()['job_id']}").json()["output_format"] == "sql"


def test_malformed_too_large_and_wrong_type_bodies(api: Api) -> None:
    assert (
        error(
            api.call(
                "POST", "/api/generate", raw_body="{not json", headers={"Content-Type": "application/json"}
            ),
            400,
        )["code"]
        == "bad_request"
    )
    assert error(
        api.call("POST", "/api/generate", raw_body="a=b", headers={"Content-Type": "text/plain"}), 415
    )
    big = json.dumps({**GENERATE, "pad": "x" * 300_000})
    assert error(
        api.call("POST", "/api/generate", raw_body=big, headers={"Content-Type": "application/json"}), 413
    )


def test_a_request_without_authorizer_context_is_unauthorized(api: Api) -> None:
    assert error(api.call("GET", "/api/jobs", authorized=False), 401)["code"] == "unauthorized"


def test_unexpected_errors_leak_nothing(api: Api, monkeypatch: pytest.MonkeyPatch) -> None:
    def explode(*_: Any, **__: Any) -> None:
        raise RuntimeError("arn:aws:dynamodb secret internal detail")

    monkeypatch.setattr(JobService, "submit", explode)
    problem = error(api.call("POST", "/api/generate", GENERATE), 500)
    assert "secret" not in json.dumps(problem) and "Traceback" not in json.dumps(problem)


def test_jobs_are_invisible_to_other_keys(api: Api) -> None:
    job_id = api.call("POST", "/api/generate", GENERATE).json()["job_id"]
    assert error(api.call("GET", f"/api/jobs/{job_id}", owner="key-owner-b"), 404)["code"] == "not_found"
    assert error(api.call("DELETE", f"/api/jobs/{job_id}", owner="key-owner-b"), 404)
    assert error(api.call("GET", f"/api/jobs/{job_id}/download", owner="key-owner-b"), 404)
    assert api.call("GET", "/api/jobs", owner="key-owner-b").json()["items"] == []
    assert error(api.call("GET", "/api/jobs/not-a-uuid"), 404)


def test_listing_pages_newest_first_and_filters_by_status(api: Api) -> None:
    ids = [api.call("POST", "/api/generate", GENERATE).json()["job_id"] for _ in range(5)]
    api.call("DELETE", f"/api/jobs/{ids[0]}")
    first = api.call("GET", "/api/jobs", query={"page_size": "2"}).json()
    assert first["total"] == 5 and [j["id"] for j in first["items"]] == ids[::-1][:2] and first["next_token"]
    second = api.call("GET", "/api/jobs", query={"page_size": "2", "next_token": first["next_token"]}).json()
    assert [j["id"] for j in second["items"]] == ids[::-1][2:4]
    by_page = api.call("GET", "/api/jobs", query={"page_size": "2", "page": "3"}).json()
    assert [j["id"] for j in by_page["items"]] == [ids[0]]
    cancelled = api.call("GET", "/api/jobs", query={"status": "cancelled"}).json()
    assert [j["id"] for j in cancelled["items"]] == [ids[0]] and cancelled["total"] == 1
    assert error(api.call("GET", "/api/jobs", query={"page_size": "101"}), 422)
    stolen = api.call("GET", "/api/jobs", owner="key-owner-b", query={"next_token": first["next_token"]})
    assert error(stolen, 404)  # another key's page, as another key's job


def test_cancel_then_cancel_again_conflicts(api: Api) -> None:
    job_id = api.call("POST", "/api/generate", GENERATE).json()["job_id"]
    assert api.call("DELETE", f"/api/jobs/{job_id}").json()["status"] == "cancelled"
    assert error(api.call("DELETE", f"/api/jobs/{job_id}"), 409)["code"] == "conflict"


def test_download_conflicts_redirects_then_expires(
    api: Api, driver: Driver, monkeypatch: pytest.MonkeyPatch
) -> None:
    job_id = api.call("POST", "/api/generate", GENERATE).json()["job_id"]
    assert error(api.call("GET", f"/api/jobs/{job_id}/download"), 409)
    driver.run()
    job = api.call("GET", f"/api/jobs/{job_id}").json()
    assert job["status"] == "completed" and job["download_url"] and job["file_size_bytes"] > 0
    assert api.call("GET", f"/api/jobs/{job_id}").headers["Cache-Control"] == "no-store"  # it carries a link
    reply = api.call("GET", f"/api/jobs/{job_id}/download")
    assert reply.status == 302 and reply.headers["Location"] == reply.json()["download_url"]
    assert reply.headers["Cache-Control"] == "no-store"
    location = reply.headers["Location"]
    assert "X-Amz-Expires=3600" in location and "user-1000.csv" in location
    table = boto3.resource("dynamodb").Table(get_settings().jobs_table)
    table.update_item(
        Key={"job_id": job_id},
        UpdateExpression="SET completed_at = :old",
        ExpressionAttributeValues={":old": "2020-01-01T00:00:00.000Z"},
    )
    assert error(api.call("GET", f"/api/jobs/{job_id}/download"), 410)["code"] == "gone"


def test_idempotency_key_returns_the_same_job(api: Api) -> None:
    headers = {"Idempotency-Key": "order-42"}
    first = api.call("POST", "/api/generate", GENERATE, headers=headers).json()["job_id"]
    again = api.call("POST", "/api/generate", GENERATE, headers=headers).json()["job_id"]
    assert first == again
    assert api.call("GET", "/api/jobs").json()["total"] == 1
    other_body = api.call("POST", "/api/generate", {**GENERATE, "record_count": 2000}, headers=headers)
    assert error(other_body, 409)["code"] == "conflict"
    other_owner = api.call("POST", "/api/generate", GENERATE, headers=headers, owner="key-owner-b").json()[
        "job_id"
    ]
    assert other_owner != first


def test_preview_equals_the_first_rows_and_is_capped(api: Api) -> None:
    preview = api.call(
        "POST", "/api/preview", {"data_type": "ecommerce", "record_count": 7, "seed": 3}
    ).json()
    assert preview["record_count"] == 7 and preview["seed"] == 3 and len(preview["records"]) == 7
    again = api.call("POST", "/api/preview", {"data_type": "ecommerce", "record_count": 3, "seed": 3}).json()
    assert again["records"] == preview["records"][:3]
    assert error(api.call("POST", "/api/preview", {"data_type": "user", "record_count": 101}), 422)


def test_data_types_list_datasets_and_field_types(api: Api) -> None:
    body = api.call("GET", "/api/data-types").json()
    assert [d["name"] for d in body["datasets"]] == ["user", "ecommerce", "company"]
    assert body["datasets"][0]["fields"][0] == {
        "name": "id",
        "type": "string",
        "description": "UUID4 of the user",
        "example": "0f8e3c1a-5b2d-4c4e-9a7b-1d2e3f405162",
    }
    assert len(body["field_types"]) >= 40 and "de_DE" in body["locales"]


TEMPLATE = {
    "name": "Customer Profile",
    "description": "Customers for the CRM tests",
    "schema_fields": [
        {"name": "id", "field_type": "uuid", "nullable": False},
        {"name": "name", "field_type": "name", "nullable": False},
        {"name": "email", "field_type": "email", "nullable": False},
        {"name": "age", "field_type": "integer", "nullable": False},
    ],
}


def test_template_crud_isolation_and_jobs(api: Api, driver: Driver) -> None:
    created = api.call("POST", "/api/templates", TEMPLATE)
    assert created.status == 201
    template_id = created.json()["id"]
    assert api.call("GET", f"/api/templates/{template_id}").json()["name"] == "Customer Profile"
    assert [t["id"] for t in api.call("GET", "/api/templates").json()["items"]] == [template_id]
    assert error(api.call("GET", f"/api/templates/{template_id}", owner="key-owner-b"), 404)
    assert api.call("GET", "/api/templates", owner="key-owner-b").json()["items"] == []
    assert error(api.call("DELETE", f"/api/templates/{template_id}", owner="key-owner-b"), 404)
    foreign_job = api.call(
        "POST", "/api/generate", {"template_id": template_id, "record_count": 500}, owner="key-owner-b"
    )
    assert error(foreign_job, 404)

    renamed = api.call("PUT", f"/api/templates/{template_id}", {**TEMPLATE, "name": "Customers v2"}).json()
    assert renamed["name"] == "Customers v2"
    job = api.call(
        "POST", "/api/generate", {"template_id": template_id, "record_count": 500, "output_format": "json"}
    )
    assert job.status == 202 and "records from your template" in job.json()["message"]
    driver.run()
    done = api.call("GET", f"/api/jobs/{job.json()['job_id']}").json()
    assert done["status"] == "completed" and done["template_id"] == template_id

    bad = {**TEMPLATE, "schema_fields": [{"name": "x", "field_type": "integer", "min": 9, "max": 1}]}
    problem = error(api.call("POST", "/api/templates", bad), 422)
    assert problem["details"][0]["field"] == "schema_fields[0].max"
    assert api.call("DELETE", f"/api/templates/{template_id}").status == 204
    assert error(api.call("GET", f"/api/templates/{template_id}"), 404)


def test_a_template_preview_equals_the_first_rows_of_its_file(api: Api, driver: Driver) -> None:
    fields = [
        {"name": "code", "field_type": "pattern", "pattern": "??-###"},
        {"name": "text", "field_type": "paragraph", "sentences": 3},
        {"name": "phone", "field_type": "phone"},
        {"name": "score", "field_type": "integer", "distribution": "lognormal"},
        {"name": "who", "field_type": "name", "nullable": True},
        {"name": "line", "field_type": "template", "template": "{who}: {code}"},
    ]
    template_id = api.call("POST", "/api/templates", {**TEMPLATE, "schema_fields": fields}).json()["id"]
    request = {"template_id": template_id, "seed": 3, "locale": "de_DE"}
    previews = {
        count: api.call("POST", "/api/preview", {**request, "record_count": count}).json()["records"]
        for count in (1, 7, 100)
    }
    assert previews[1] == previews[100][:1] and previews[7] == previews[100][:7] and len(previews[100]) == 100
    job_id = api.call("POST", "/api/generate", {**request, "record_count": 500, "output_format": "ndjson"})
    driver.run()
    stored = stored_file(wiring.job_service().get(api.owner, job_id.json()["job_id"]))
    assert stored is not None
    assert [json.loads(line) for line in stored.decode().splitlines()[:100]] == previews[100]


def test_preview_limit_is_stated_as_its_own_range(api: Api) -> None:
    problem = error(api.call("POST", "/api/preview", {"data_type": "user", "record_count": 101}), 422)
    assert problem["details"] == [{"field": "record_count", "message": "record_count must be at most 100"}]


def test_paths_that_match_no_route_get_404_json(api: Api) -> None:
    assert error(api.call("GET", "/api/jobs/\x18"), 404)["code"] == "not_found"


NESTED_TEMPLATE = {
    "name": "Orders",
    "schema_fields": [
        {"name": "id", "field_type": "uuid"},
        {"name": "customer", "field_type": "object", "fields": [{"name": "city", "field_type": "city"}]},
        {
            "name": "tags",
            "field_type": "array",
            "item": {"name": "item", "field_type": "word"},
            "min_items": 1,
            "max_items": 3,
        },
    ],
}


def test_nested_templates_are_created_previewed_in_json_and_refused_in_csv_tsv_sql(api: Api) -> None:
    template_id = api.call("POST", "/api/templates", NESTED_TEMPLATE).json()["id"]
    request = {"template_id": template_id, "record_count": 5, "output_format": "ndjson"}
    records = api.call("POST", "/api/preview", request).json()["records"]
    assert isinstance(records[0]["customer"]["city"], str) and 1 <= len(records[0]["tags"]) <= 3
    job = {**request, "record_count": 100}
    assert api.call("POST", "/api/generate", {**job, "output_format": "json"}).status == 202
    for fmt in ("csv", "tsv", "sql"):
        for path, body in (("/api/generate", job), ("/api/preview", request)):
            problem = error(api.call("POST", path, {**body, "output_format": fmt}), 422)
            assert "'customer'" in json.dumps(problem) and f"output_format {fmt}" in json.dumps(problem)
    listed = {t["name"] for t in api.call("GET", "/api/data-types").json()["field_types"]}
    assert {"object", "array"} <= listed
