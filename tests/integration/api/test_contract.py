"""What the OpenAPI document states, and that the server answers as it says: docs without a key, the field
types as a union on field_type, headers, the file's and the link's expiry, 410 for files that will never be,
the manifest."""

from __future__ import annotations

import json
from typing import Any

import boto3
import pytest

from synthdata.fields.registry import FIELD_TYPES
from synthdata.settings import get_settings
from tests.integration.api.conftest import Api
from tests.integration.api.test_api import GENERATE, error
from tests.integration.pipeline.conftest import Driver


@pytest.fixture
def spec(api: Api) -> dict[str, Any]:
    reply = api.call("GET", "/openapi.json", authorized=False)
    assert reply.status == 200
    return dict(reply.json())


def test_swagger_and_redoc_need_no_key_and_show_the_same_document(api: Api, spec: dict[str, Any]) -> None:
    swagger = api.call("GET", "/docs", authorized=False)
    assert swagger.status == 200 and json.dumps(spec["paths"]["/api/jobs/{job_id}/manifest"])[:60] in (
        swagger.text.replace("<\\/", "</")
    )
    redoc = api.call("GET", "/redoc", authorized=False)
    assert redoc.status == 200 and redoc.headers["Content-Type"] == "text/html"
    assert './redoc/redoc.standalone.js"' in redoc.text and '"openapi.json"' in redoc.text
    script = api.call("GET", "/redoc/redoc.standalone.js", authorized=False)
    assert script.status == 200 and script.headers["Content-Type"] == "text/javascript"
    assert "Version: 3.0.1" in script.text[:300]


def test_every_field_type_is_a_typed_schema_picked_by_field_type(spec: dict[str, Any]) -> None:
    schemas = spec["components"]["schemas"]
    items = schemas["TemplateRequest"]["properties"]["schema_fields"]["items"]
    assert set(items["discriminator"]["mapping"]) == set(FIELD_TYPES)
    integer = schemas[items["discriminator"]["mapping"]["integer"].rsplit("/", 1)[-1]]
    assert integer["additionalProperties"] is False and integer["required"][0] == "field_type"
    assert (
        integer["properties"]["max"]["maximum"] == 2**53
        and "max must be at least min" in integer["description"]
    )
    assert integer["properties"]["name"]["pattern"] == "^[A-Za-z_][A-Za-z0-9_]{0,63}$"
    word = schemas[items["discriminator"]["mapping"]["word"].rsplit("/", 1)[-1]]
    assert word["properties"]["unique"]["const"] is False  # words cannot be guaranteed distinct
    catalogue = schemas["DataTypesResponse"]["properties"]["field_types"]
    assert catalogue["items"]["$ref"].endswith("/FieldTypeDescription")


def test_sub_fields_are_field_types_level_by_level_down_to_the_depth_bound_and_the_document_validates(
    spec: dict[str, Any],
) -> None:
    from openapi_spec_validator import validate

    schemas = spec["components"]["schemas"]

    def mapping(schema: dict[str, Any]) -> dict[str, str]:
        return {kind: ref.rsplit("/", 1)[-1] for kind, ref in schema["discriminator"]["mapping"].items()}

    top = mapping(schemas["TemplateRequest"]["properties"]["schema_fields"]["items"])
    scalars = {kind: name for kind, name in top.items() if kind not in ("object", "array", "reference")}
    for level, below in ((1, "2"), (2, "3")):
        suffix = "" if level == 1 else str(level)
        for holder, key in (("ObjectField", "fields"), ("ArrayField", "item")):
            held = schemas[f"{holder}{suffix}"]["properties"][key]
            subs = mapping(held["items"] if key == "fields" else held)
            assert subs == {**scalars, "object": f"ObjectField{below}", "array": f"ArrayField{below}"}
    deepest = mapping(schemas["ObjectField3"]["properties"]["fields"]["items"])
    assert deepest == scalars and mapping(schemas["ArrayField3"]["properties"]["item"]) == scalars
    assert schemas["ObjectField"]["properties"]["fields"]["maxItems"] == 20
    assert "at most 3 levels deep" in schemas["ObjectField"]["properties"]["fields"]["description"]
    validate(spec)  # OpenAPI 3.1: every $ref resolves, every schema is well formed


def test_the_document_states_headers_parameters_and_the_one_source_rule(spec: dict[str, Any]) -> None:
    paths = spec["paths"]
    generate = paths["/api/generate"]["post"]
    assert {p["name"].lower() for p in generate["parameters"]} == {"idempotency-key", "api_key"}
    assert generate["responses"]["202"]["headers"]["Location"]["required"] is True
    assert set(generate["responses"]["202"]["links"]) == {"GetJob", "CancelJob", "Download", "Manifest"}
    assert "Retry-After" in generate["responses"]["429"]["headers"]
    assert "Retry-After" in generate["responses"]["409"]["headers"]
    assert spec["components"]["schemas"]["GenerateRequest"]["not"]["anyOf"][1]["required"] == [
        "data_type",
        "template_id",
    ]
    download = paths["/api/jobs/{job_id}/download"]["get"]["responses"]
    assert (
        download["302"]["headers"]["Location"]["required"]
        and "application/octet-stream" in download["200"]["content"]
    )
    assert "content" not in paths["/api/templates/{template_id}"]["delete"]["responses"]["204"]
    assert paths["/health"]["get"]["security"] == [] and "parameters" not in paths["/health"]["get"]
    operations = [op for methods in paths.values() for op in methods.values()]
    assert all(op.get("operationId") for op in operations)
    keyed = [op for op in operations if op.get("security") != []]
    assert all({"name": "api_key", "in": "query"}.items() <= op["parameters"][-1].items() for op in keyed)
    assert "HTTPValidationError" not in json.dumps(spec)


def test_a_field_the_schema_refuses_keeps_the_compilers_path_and_sentence(api: Api) -> None:
    template = {"name": "t", "schema_fields": [{"name": "a", "field_type": "word"}]}
    fields = [{"name": "a", "field_type": "word"}, {"name": "n", "field_type": "integer", "min": "a"}]
    problem = error(api.call("POST", "/api/templates", {**template, "schema_fields": fields}), 422)
    assert problem["details"] == [
        {"field": "schema_fields[1].min", "message": "schema_fields[1].min must be a whole number"}
    ]
    typo = [{"name": "a", "field_type": "integr"}]
    problem = error(api.call("POST", "/api/templates", {**template, "schema_fields": typo}), 422)
    assert problem["details"][0]["message"].endswith("did you mean 'integer'?")
    both = error(api.call("POST", "/api/generate", {**GENERATE, "template_id": ""}), 422)
    assert both["details"][0]["field"] == "template_id"


def test_a_job_says_when_its_link_and_when_its_file_expire(api: Api, driver: Driver) -> None:
    job_id = api.call("POST", "/api/generate", {**GENERATE, "record_count": 10000}).json()["job_id"]
    pending = api.call("GET", f"/api/jobs/{job_id}").json()
    assert pending["progress"] == 0.0 and pending["file_expires_at"] is None and "expires_at" not in pending
    running = error(api.call("GET", f"/api/jobs/{job_id}/download"), 409)
    assert "available once it is completed" in running["message"]
    assert api.call("GET", f"/api/jobs/{job_id}/download").headers["Retry-After"] == "5"
    driver.run()
    done = api.call("GET", f"/api/jobs/{job_id}").json()
    assert done["progress"] == 100.0 and done["download_url_expires_at"] < done["file_expires_at"]
    link = api.call("GET", f"/api/jobs/{job_id}/download").json()
    assert link["file_expires_at"] == done["file_expires_at"] and set(link) == {
        "download_url",
        "download_url_expires_at",
        "file_expires_at",
        "filename",
    }


def test_a_cancelled_jobs_download_and_manifest_are_gone_for_good(api: Api) -> None:
    job_id = api.call("POST", "/api/generate", GENERATE).json()["job_id"]
    api.call("DELETE", f"/api/jobs/{job_id}")
    for path in ("download", "manifest"):
        gone = error(api.call("GET", f"/api/jobs/{job_id}/{path}"), 410)
        assert gone["message"].startswith(f"Job {job_id} was cancelled")


def test_the_manifest_is_the_owners_once_completed_until_the_file_expires(api: Api, driver: Driver) -> None:
    job_id = api.call("POST", "/api/generate", {**GENERATE, "seed": 5}).json()["job_id"]
    assert error(api.call("GET", f"/api/jobs/{job_id}/manifest"), 409)
    driver.run()
    assert error(api.call("GET", f"/api/jobs/{job_id}/manifest", owner="key-owner-b"), 404)
    manifest = api.call("GET", f"/api/jobs/{job_id}/manifest").json()
    job = api.call("GET", f"/api/jobs/{job_id}").json()
    assert (
        manifest["records"] == 1000 and manifest["seed"] == 5 and manifest["bytes"] == job["file_size_bytes"]
    )
    assert manifest["checksum"]["algorithm"] == "SHA256" and manifest["fields"][0] == {
        "name": "id",
        "type": "string",
    }
    assert manifest["file_expires_at"] == job["file_expires_at"] and manifest["engine_version"]
    boto3.resource("dynamodb").Table(get_settings().jobs_table).update_item(
        Key={"job_id": job_id},
        UpdateExpression="SET completed_at = :old",
        ExpressionAttributeValues={":old": "2020-01-01T00:00:00.000Z"},
    )
    assert "kept 7 days" in error(api.call("GET", f"/api/jobs/{job_id}/manifest"), 410)["message"]
