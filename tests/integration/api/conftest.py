"""Call the API handler with API Gateway proxy events, as the authorizer would have passed them on."""

from __future__ import annotations

import json
import uuid
from dataclasses import dataclass
from typing import Any

import pytest

from local.resources import LocalResources
from tests.conftest import load_handler
from tests.integration.pipeline.conftest import Context, driver  # noqa: F401 - shared fixture


@dataclass
class Reply:
    status: int
    headers: dict[str, str]
    text: str

    def json(self) -> Any:
        return json.loads(self.text)


@dataclass
class Api:
    module: Any
    owner: str = "key-owner-a"

    def call(
        self,
        method: str,
        path: str,
        body: Any = None,
        *,
        owner: str | None = None,
        query: dict[str, str] | None = None,
        headers: dict[str, str] | None = None,
        raw_body: str | None = None,
        authorized: bool = True,
    ) -> Reply:
        resource, parameters = _resource(path)
        sent_headers = {
            "Accept": "application/json",
            **({"Content-Type": "application/json"} if body is not None else {}),
        }
        sent_headers.update(headers or {})
        context: dict[str, Any] = {
            "requestId": str(uuid.uuid4()),
            "stage": "dev",
            "resourcePath": resource,
            "httpMethod": method,
            "path": f"/dev{path}",
            "identity": {"sourceIp": "127.0.0.1"},
        }
        if authorized:
            context["authorizer"] = {"principalId": owner or self.owner, "owner": owner or self.owner}
        event = {
            "resource": resource,
            "path": path,
            "httpMethod": method,
            "headers": sent_headers,
            "multiValueHeaders": {k: [v] for k, v in sent_headers.items()},
            "queryStringParameters": query,
            "multiValueQueryStringParameters": {k: [v] for k, v in (query or {}).items()} or None,
            "pathParameters": parameters or None,
            "stageVariables": None,
            "requestContext": context,
            "body": raw_body if raw_body is not None else (json.dumps(body) if body is not None else None),
            "isBase64Encoded": False,
        }
        answer = self.module.handler(event, Context())
        headers_out = dict(answer.get("headers") or {})
        headers_out.update({k: v[-1] for k, v in (answer.get("multiValueHeaders") or {}).items() if v})
        return Reply(answer["statusCode"], headers_out, answer.get("body") or "")


def _resource(path: str) -> tuple[str, dict[str, str]]:
    parts = path.strip("/").split("/")
    if parts[:2] == ["api", "jobs"] and len(parts) >= 3:
        suffix = f"/{parts[3]}" if len(parts) == 4 else ""
        return f"/api/jobs/{{job_id}}{suffix}", {"job_id": parts[2]}
    if parts[:2] == ["api", "templates"] and len(parts) == 3:
        return "/api/templates/{template_id}", {"template_id": parts[2]}
    return path, {}


@pytest.fixture
def api(aws_resources: LocalResources) -> Api:
    return Api(load_handler("api"))
