"""The API on 127.0.0.1, routed from template.yaml by the SAM CLI's own local API Gateway.

SAM CLI parses the template into routes and authorizers (ApiProvider), builds proxy events and calls the
REQUEST authorizer (LocalApigwService); only the container runner is replaced by an in-process one. What SAM
local does not emulate is added here, read from the template too: the GatewayResponses JSON bodies for
401/403/5xx and the usage plan's per-key throttle (429).
"""

from __future__ import annotations

import json
import logging
import threading
import time
import uuid
from dataclasses import dataclass, field
from typing import Any

from samcli.lib.providers.api_provider import ApiProvider
from samcli.lib.providers.sam_stack_provider import SamLocalStackProvider
from samcli.lib.utils.stream_writer import StreamWriter
from samcli.local.apigw.local_apigw_service import LocalApigwService
from werkzeug.serving import BaseWSGIServer, make_server

from local.invoker import AuthorizerRefused, InProcessRunner
from local.template import Template
from synthdata.auth import API_KEY_VALUE_PREFIX, presented_key

# The SAM CLI internals used here are not a public API: the gateway is tested against this exact version.
SAM_CLI_VERSION = "1.170.0"
LOG = logging.getLogger(__name__)

_SAM_AUTH_DENIED = "User is not authorized to access this resource"
_NOT_JSON = json.dumps(
    {
        "error": {
            "code": "bad_request",
            "message": "The request body is not valid JSON",
            "details": [{"field": "body", "message": "not valid UTF-8 JSON"}],
        }
    }
)


def bucket_clock() -> float:
    """The throttle's clock (a test stops it to count the burst exactly, whatever the machine's load)."""
    return time.monotonic()


@dataclass
class TokenBucket:
    """A usage-plan throttle for one key: `rate` requests per second, bursts up to `burst`."""

    rate: float
    burst: int
    tokens: float = 0.0
    updated: float = field(default_factory=lambda: bucket_clock())

    def __post_init__(self) -> None:
        self.tokens = float(self.burst)

    def take(self) -> bool:
        now = bucket_clock()
        self.tokens = min(self.burst, self.tokens + (now - self.updated) * self.rate)
        self.updated = now
        if self.tokens < 1:
            return False
        self.tokens -= 1
        return True


class DisabledKeys:
    """API Gateway refuses a disabled key itself (INVALID_API_KEY), whatever the authorizer says; the local
    gateway asks moto the same question, caching the answer for a few seconds."""

    def __init__(self, refresh_seconds: float = 2.0) -> None:
        self._refresh_seconds = refresh_seconds
        self._disabled: set[str] = set()
        self._loaded_at = float("-inf")
        self._lock = threading.Lock()

    def __contains__(self, client_key: str) -> bool:
        with self._lock:
            if time.monotonic() - self._loaded_at > self._refresh_seconds:
                from synthdata import aws

                pages = aws.client("apigateway").get_paginator("get_api_keys").paginate(includeValues=True)
                self._disabled = {
                    item["value"]
                    for page in pages
                    for item in page.get("items", [])
                    if not item.get("enabled")
                }
                self._loaded_at = time.monotonic()
            return API_KEY_VALUE_PREFIX + client_key in self._disabled


class GatewayResponses:
    """The API's GatewayResponses from the template, rendered as API Gateway would."""

    def __init__(self, template: Template, api_logical_id: str) -> None:
        props = template.resources[api_logical_id].get("Properties", {})
        self._responses: dict[str, dict[str, Any]] = props.get("GatewayResponses", {})

    def render(self, kind: str, default_status: int, request_id: str) -> tuple[int, str]:
        spec = self._responses.get(kind) or self._responses.get(
            "DEFAULT_5XX" if default_status >= 500 else "", {}
        )
        status = int(spec.get("StatusCode", default_status)) if kind in self._responses else default_status
        body = spec.get("ResponseTemplates", {}).get("application/json", '{"message": "error"}')
        return status, body.replace("$context.requestId", request_id)


def request_id() -> str:
    """This request's id, as API Gateway's $context.requestId: one per request, shared by the authorizer's and
    the function's events. (SAM's RequestContext takes a default computed once, at import, so every event it
    builds would carry the same id.)"""
    from flask import g

    if "request_id" not in g:
        g.request_id = str(uuid.uuid4())
    return str(g.request_id)


class TemplateApiGateway(LocalApigwService):  # type: ignore[misc]
    """SAM's LocalApigwService with the template's gateway responses and usage-plan throttling."""

    def __init__(
        self, *args: Any, responses: GatewayResponses, throttle: tuple[float, int] | None, **kwargs: Any
    ):
        super().__init__(*args, **kwargs)
        self._gateway_responses = responses
        self._throttle = throttle
        self._buckets: dict[str, TokenBucket] = {}
        self._buckets_lock = threading.Lock()
        self._disabled_keys = DisabledKeys()

    def _reply(self, kind: str, default_status: int) -> Any:
        status, body = self._gateway_responses.render(kind, default_status, request_id())
        return self.service_response(body, {"Content-Type": "application/json"}, status)

    def _generate_lambda_event(self, *args: Any, **kwargs: Any) -> dict[str, Any]:
        event: dict[str, Any] = super()._generate_lambda_event(*args, **kwargs)
        event.setdefault("requestContext", {})["requestId"] = request_id()
        return event

    def _throttled(self) -> bool:
        from flask import request

        if self._throttle is None:
            return False
        key = presented_key(dict(request.headers), request.args.to_dict())
        if not key:
            return False
        with self._buckets_lock:
            bucket = self._buckets.setdefault(key, TokenBucket(*self._throttle))
            return not bucket.take()

    def _request_handler(self, **kwargs: Any) -> Any:
        from flask import request

        try:
            request.get_data().decode("utf-8")
        except UnicodeDecodeError:
            # SAM local cannot put such a body in an event (502); API Gateway would, and the function would
            # refuse it as not JSON. Answer as the function would.
            return self.service_response(_NOT_JSON, {"Content-Type": "application/json"}, 400)
        route = self._get_current_route(request)
        if route.authorizer_object is not None:
            key = presented_key(dict(request.headers), request.args.to_dict())
            if key and key in self._disabled_keys:
                return self._reply("INVALID_API_KEY", 403)
            if self._throttled():
                return self._reply("THROTTLED", 429)
        try:
            response = super()._request_handler(**kwargs)
        except AuthorizerRefused:
            return self._reply("UNAUTHORIZED", 401)
        if response.status_code == 403 and _SAM_AUTH_DENIED in response.get_data(as_text=True):
            return self._reply("ACCESS_DENIED", 403)
        if response.status_code == 502 and _is_sam_failure(response.get_data(as_text=True)):
            return self._reply("DEFAULT_5XX", 502)
        return response


def _is_sam_failure(body: str) -> bool:
    """SAM's own 502 for a function that crashed or answered something API Gateway cannot use."""
    try:
        return set(json.loads(body)) == {"message"}
    except (ValueError, TypeError):
        return False


@dataclass
class RunningGateway:
    server: BaseWSGIServer
    thread: threading.Thread

    @property
    def url(self) -> str:
        return f"http://{self.server.host}:{self.server.port}"

    def stop(self) -> None:
        self.server.shutdown()
        self.thread.join(timeout=5)


def _api_logical_id(template: Template) -> str:
    apis = template.resources_of_type("AWS::Serverless::Api")
    if len(apis) != 1:
        raise ValueError("the local gateway serves exactly one AWS::Serverless::Api")
    return next(iter(apis))


def _throttle(template: Template) -> tuple[float, int] | None:
    plans = template.resources_of_type("AWS::ApiGateway::UsagePlan")
    for plan in plans.values():
        throttle = template.resolve(plan["Properties"].get("Throttle", {}))
        if throttle:
            return float(throttle["RateLimit"]), int(throttle["BurstLimit"])
    return None


def build_gateway(template: Template, port: int, host: str = "127.0.0.1") -> TemplateApiGateway:
    """The Flask app of the template's API, with handlers invoked in this process."""
    overrides = {name: template.parameter(name) for name in template.body.get("Parameters", {})}
    stacks, _ = SamLocalStackProvider.get_stacks(str(template.path), parameter_overrides=overrides)
    api = ApiProvider(stacks, cwd=str(template.path.parent)).api
    authorizers = {
        str(getattr(route.authorizer_object, "lambda_name", "")).split(":")[-1]
        for route in api.routes
        if route.authorizer_object is not None
    }
    runner = InProcessRunner(template, authorizers)
    runner.warm({route.function_name for route in api.routes} | authorizers)
    service = TemplateApiGateway(
        api=api,
        lambda_runner=runner,
        port=port,
        host=host,
        stderr=StreamWriter(__import__("sys").stderr),
        responses=GatewayResponses(template, _api_logical_id(template)),
        throttle=_throttle(template),
    )
    service.create()
    return service


def start_gateway(template: Template, port: int, host: str = "127.0.0.1") -> RunningGateway:
    """Serve the API in a background thread (threaded WSGI server); `stop()` shuts it down."""
    service = build_gateway(template, port, host)
    server = make_server(host, port, service._app, threaded=True)
    # A short poll interval: shutdown() waits for the loop to look, and Ctrl-C should stop the stack at once.
    thread = threading.Thread(
        target=server.serve_forever, kwargs={"poll_interval": 0.1}, name="local-gateway", daemon=True
    )
    thread.start()
    return RunningGateway(server, thread)
