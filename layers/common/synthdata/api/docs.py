"""The API's documentation, from one document: /openapi.json, Swagger UI at /docs and ReDoc at /redoc.

Powertools builds the OpenAPI document from the routes and their schemas; `finish` then removes what Powertools
adds that the server never answers (its own 422 shape, a body on a 204) and adds what the routes cannot declare:
the `api_key` query parameter of every keyed operation. Each route's responses, headers and links are declared
with `responses()`.

ReDoc's standalone bundle is vendored (static/redoc.standalone.js, from the npm package `redoc` 3.0.1, MIT
licence in static/LICENSE.redoc.txt) because the API must serve its docs without reaching the internet.
"""

from __future__ import annotations

import json
from functools import cache
from pathlib import Path
from typing import Any

from aws_lambda_powertools.event_handler import APIGatewayRestResolver, Response
from aws_lambda_powertools.event_handler.openapi import swagger_ui
from aws_lambda_powertools.event_handler.openapi.models import APIKey, APIKeyIn
from aws_lambda_powertools.event_handler.openapi.swagger_ui import generate_swagger_html
from pydantic import BaseModel

from synthdata import __version__
from synthdata.api.schemas import ErrorResponse

TITLE = "synthdata API"
DESCRIPTION = (
    "Realistic synthetic datasets on demand. Send your key in the X-API-Key header or the api_key query "
    "parameter. Errors have one shape: ErrorResponse. Jobs, templates and files belong to the key that made them."
)
SECURITY_SCHEMES: dict[str, Any] = {
    "ApiKeyHeader": APIKey.model_validate({"type": "apiKey", "name": "X-API-Key", "in": APIKeyIn.header}),
    "ApiKeyQuery": APIKey.model_validate({"type": "apiKey", "name": "api_key", "in": APIKeyIn.query}),
}
SECURITY: list[dict[str, list[str]]] = [{"ApiKeyHeader": []}, {"ApiKeyQuery": []}]
API_KEY_PARAMETER = {
    "name": "api_key",
    "in": "query",
    "required": False,
    "description": "Your API key, when you cannot send the X-API-Key header",
    "schema": {"type": "string"},
}
# The operations that need no key (Authorizer NONE in template.yaml). Powertools drops a route's empty
# `security=[]` from the document, so it is stated here.
UNKEYED_OPERATIONS = frozenset({"health"})
STATIC = Path(__file__).parent / "static"
REDOC_SCRIPT = "redoc.standalone.js"
_POWERTOOLS_ERROR_SCHEMAS = ("HTTPValidationError", "ValidationError", "ResponseValidationError")
_ERROR_MEANINGS = {
    400: "The body is not valid JSON",
    401: "No API key",
    403: "Invalid API key",
    404: "Unknown resource, or one that belongs to another key",
    409: "Not in a state that allows this (yet): Retry-After, when present, says when to try again",
    410: "Gone: the job was cancelled or failed, or its file expired",
    413: "Body too large",
    415: "Body is not application/json",
    422: "A field is invalid; details name each field",
    429: "Throttled, or a per-key limit reached (the message names it; Retry-After says when to retry)",
}
_RETRY_AFTER = {"description": "Seconds to wait before retrying", "schema": {"type": "integer", "minimum": 1}}
_LOCATION = {"description": "Where the resource is", "required": True, "schema": {"type": "string"}}
KEYED_ERRORS = (401, 403, 429)  # every route behind the authorizer and the usage plan may answer these
BODY_ERRORS = (400, 413, 415, 422)  # and every route that reads a JSON body these


def responses(
    success: type[BaseModel] | None,
    *errors: int,
    status: int = 200,
    text: str = "OK",
    links: dict[str, Any] | None = None,
    also: dict[int, Any] | None = None,
) -> dict[int, Any]:
    """A keyed route's documented responses: its success (with its model, a Location header on 201/202/302,
    its links), the key errors and the listed ones (Retry-After on 409 and 429), and `also` as given."""
    documented: dict[int, Any] = {
        code: {
            "description": _ERROR_MEANINGS[code],
            "content": {"application/json": {"model": ErrorResponse}},
            **({"headers": {"Retry-After": _RETRY_AFTER}} if code in (409, 429) else {}),
        }
        for code in sorted({*KEYED_ERRORS, *errors})
    }
    success_response: dict[str, Any] = {"description": text}
    if success is not None:
        success_response["content"] = {"application/json": {"model": success}}
    if status in (201, 202, 302):
        success_response["headers"] = {"Location": _LOCATION}
    if links:
        success_response["links"] = links
    return {status: success_response} | documented | (also or {})


def link(operation_id: str, **parameters: str) -> dict[str, Any]:
    """An OpenAPI link: the operation a response leads to and where its parameters come from."""
    return {"operationId": operation_id, "parameters": parameters}


# Where a created job or template leads (the operation ids of functions/api/app.py), for clients and for
# schemathesis' stateful phase.
def _links(parameter: str, source: str, operations: dict[str, str]) -> dict[str, Any]:
    """Links named after the operations that take a created resource's id as `parameter`."""
    return {name: link(operation, **{parameter: source}) for name, operation in operations.items()}


JOB_LINKS = _links(
    "job_id",
    "$response.body#/job_id",
    {"GetJob": "get_job", "CancelJob": "cancel_job", "Download": "download", "Manifest": "get_manifest"},
)
TEMPLATE_LINKS = _links(
    "template_id",
    "$response.body#/id",
    {
        "GetTemplate": "get_template",
        "ReplaceTemplate": "replace_template",
        "DeleteTemplate": "delete_template",
    },
)
# What a client that follows the download's redirect receives (from object storage, not from this API).
THE_FILE = {
    200: {
        "description": "The file, for a client that follows the redirect (it comes from object storage)",
        "content": {
            media: {"schema": {"type": "string", "format": "binary"}}
            for media in ("application/octet-stream", "text/csv", "application/x-ndjson")
        },
    }
}


# ---------------------------------------------------------------------------------------- the document
def document(app: APIGatewayRestResolver) -> dict[str, Any]:
    """The OpenAPI document, built once per process (routes and settings do not change while it runs)."""
    return _document(app)


@cache
def _document(app: APIGatewayRestResolver) -> dict[str, Any]:
    schema = app.get_openapi_schema(
        title=TITLE,
        version=__version__,
        description=DESCRIPTION,
        security_schemes=SECURITY_SCHEMES,
        security=SECURITY,
    )
    return finish(schema.model_dump(mode="json", by_alias=True, exclude_none=True))


def finish(spec: dict[str, Any]) -> dict[str, Any]:
    """What Powertools cannot declare, stated; what the server never answers, removed."""
    for operations in spec.get("paths", {}).values():
        for operation in operations.values():
            answers = operation.get("responses", {})
            for code in [c for c, r in answers.items() if _refers_to_powertools_errors(r)]:
                del answers[code]  # Powertools' own 422 shape: our 422s are ErrorResponse, declared per route
            if "204" in answers:
                answers["204"].pop("content", None)  # Powertools documents the handler's return type
            if operation.get("operationId") in UNKEYED_OPERATIONS:
                operation["security"] = []
            else:
                operation.setdefault("parameters", []).append(API_KEY_PARAMETER)
    schemas = spec.get("components", {}).get("schemas", {})
    for name in _POWERTOOLS_ERROR_SCHEMAS:
        schemas.pop(name, None)
    return spec


def _refers_to_powertools_errors(response: dict[str, Any]) -> bool:
    text = json.dumps(response)
    return any(f"/{name}" in text for name in _POWERTOOLS_ERROR_SCHEMAS)


# ---------------------------------------------------------------------------------------- pages
def openapi_json(app: APIGatewayRestResolver) -> Response[Any]:
    return Response(200, content_type="application/json", body=json.dumps(document(app)))


def swagger_page(app: APIGatewayRestResolver) -> Response[Any]:
    """Swagger UI with its assets inlined (Powertools ships them), showing the finished document."""
    if (app.current_event.query_string_parameters or {}).get("format") == "json":
        return openapi_json(app)
    assets = Path(swagger_ui.__file__).parent  # Powertools ships Swagger UI's bundle and style there
    page = generate_swagger_html(
        json.dumps(document(app)).replace("</", "<\\/"),
        (assets / "swagger-ui-bundle.min.js").read_text(encoding="utf-8"),
        (assets / "swagger-ui.min.css").read_text(encoding="utf-8"),
        "",
        None,
    )
    return Response(200, content_type="text/html", body=page)


REDOC_PAGE = f"""<!DOCTYPE html>
<html>
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>{TITLE}</title>
</head>
<body>
  <div id="redoc"></div>
  <script type="module">
    // Relative paths, so the page works under a stage prefix (/dev/redoc) as well as locally.
    import {{ init }} from "./redoc/{REDOC_SCRIPT}";
    init("openapi.json", {{ disableTelemetry: true }}, document.getElementById("redoc"));
  </script>
</body>
</html>
"""


def redoc_page() -> Response[Any]:
    return Response(200, content_type="text/html", body=REDOC_PAGE)


def redoc_script() -> Response[Any]:
    """ReDoc's bundle (about 2.3 MB), cacheable for a day: it changes only with a deployment."""
    return Response(
        200,
        content_type="text/javascript",
        body=_redoc_bundle(),
        headers={"Cache-Control": "public, max-age=86400"},
    )


@cache
def _redoc_bundle() -> str:
    return (STATIC / REDOC_SCRIPT).read_text(encoding="utf-8")
