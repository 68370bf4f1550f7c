"""HTTP plumbing of the API function, stated once: the error shape and its exception handlers, body checks made
before any parsing, the caller's identity. (The OpenAPI document and each route's responses: api/docs.py.)"""

from __future__ import annotations

import json
from typing import Any

from aws_lambda_powertools import Logger
from aws_lambda_powertools.event_handler import APIGatewayRestResolver, Response
from aws_lambda_powertools.event_handler.exceptions import NotFoundError, ServiceError
from aws_lambda_powertools.event_handler.openapi.exceptions import RequestValidationError
from aws_lambda_powertools.utilities.idempotency.exceptions import (
    IdempotencyAlreadyInProgressError,
    IdempotencyValidationError,
)
from pydantic import BaseModel

from synthdata.api.errors import from_validation_errors
from synthdata.errors import (
    BadRequest,
    Conflict,
    FieldProblem,
    NotFound,
    PayloadTooLarge,
    SynthdataError,
    Unauthorized,
    UnsupportedMediaType,
)

MAX_BODY_BYTES = 256 * 1024
IN_PROGRESS_RETRY_SECONDS = 2


def json_response(
    model: BaseModel, status: int = 200, headers: dict[str, str] | None = None
) -> Response[Any]:
    return Response(
        status_code=status, content_type="application/json", body=model.model_dump_json(), headers=headers
    )


def read_json(text: str) -> Any:
    """A request body as JSON Schema reads it: a number with a zero fraction (100.0) is an integer, so it is
    read as one (the strict request schemas take no float for an integer); other numbers stay floats."""
    return json.loads(text, parse_float=_json_number)


def _json_number(text: str) -> float | int:
    value = float(text)
    return int(value) if value.is_integer() else value


# ---------------------------------------------------------------------------------------- identity
def owner_of(app: APIGatewayRestResolver) -> str:
    """The API key id the authorizer vouched for; nothing else identifies a caller."""
    authorizer = app.current_event.raw_event.get("requestContext", {}).get("authorizer") or {}
    owner = authorizer.get("owner") or authorizer.get("principalId")
    if not owner:
        raise Unauthorized("Missing API key: send it in the X-API-Key header or the api_key query parameter.")
    return str(owner)


def header(app: APIGatewayRestResolver, name: str) -> str | None:
    """A request header by name, in any case."""
    wanted = name.lower()
    return next((v for k, v in (app.current_event.headers or {}).items() if k.lower() == wanted), None)


def _parsed_body(app: APIGatewayRestResolver) -> Any:
    try:
        return app.current_event.json_body
    except ValueError:
        return None


def _request_id(event: dict[str, Any]) -> str:
    return str((event.get("requestContext") or {}).get("requestId", ""))


# ---------------------------------------------------------------------------------------- errors
def error_body(error: SynthdataError, event: dict[str, Any]) -> str:
    return json.dumps(error.body(_request_id(event)))


def install_error_handlers(app: APIGatewayRestResolver, logger: Logger) -> None:
    """Every failure a route can raise, answered in the one error shape; nothing internal reaches a client."""

    def respond(error: SynthdataError) -> Response[Any]:
        logger.info("client error", extra={"status": error.status_code, "code": error.code})
        body = error_body(error, app.current_event.raw_event)
        headers = error.headers() or None
        return Response(error.status_code, content_type="application/json", body=body, headers=headers)

    @app.exception_handler(SynthdataError)
    def client_error(error: SynthdataError) -> Response[Any]:
        return respond(error)

    @app.exception_handler(RequestValidationError)
    def invalid_request(error: RequestValidationError) -> Response[Any]:
        return respond(from_validation_errors(list(error.errors()), _parsed_body(app)))

    @app.exception_handler(IdempotencyValidationError)
    def reused_key(_: IdempotencyValidationError) -> Response[Any]:
        return respond(
            Conflict("This Idempotency-Key was already used with a different request body; use a new key")
        )

    @app.exception_handler(IdempotencyAlreadyInProgressError)
    def in_progress(_: IdempotencyAlreadyInProgressError) -> Response[Any]:
        return respond(
            Conflict(
                "A request with this Idempotency-Key is still being processed; retry shortly",
                retry_after=IN_PROGRESS_RETRY_SECONDS,
            )
        )

    @app.not_found
    def no_route(_: NotFoundError) -> Response[Any]:
        return respond(NotFound("No such resource"))

    @app.exception_handler(ServiceError)
    def powertools_error(error: ServiceError) -> Response[Any]:
        kind = {400: BadRequest, 401: Unauthorized, 404: NotFound, 413: PayloadTooLarge}.get(
            error.status_code
        )
        if kind is None:
            return unexpected(error)
        return respond(kind(str(error.msg) if kind is BadRequest else kind.__name__))

    @app.exception_handler(Exception)
    def unexpected(error: Exception) -> Response[Any]:
        logger.error("unhandled error", exc_info=error)
        internal = SynthdataError("Internal error; quote the request_id when reporting it")
        return Response(
            internal.status_code,
            content_type="application/json",
            body=error_body(internal, app.current_event.raw_event),
        )


# ---------------------------------------------------------------------------------------- body checks
def unreadable_body_response(event: dict[str, Any]) -> dict[str, Any] | None:
    """413, 415 and 400 before the resolver parses anything, as a proxy response; None when the body may pass.

    Bodies are small JSON objects: a body that is too large, not declared JSON, nested deeper than Python's
    parser goes, or holding a number with more digits than Python converts (4,300) is refused here, so no
    parser error can surface as a 500.
    """
    if event.get("httpMethod") not in ("POST", "PUT"):
        return None
    rejection = _body_problem(event)
    if rejection is None:
        return None
    return {
        "statusCode": rejection.status_code,
        "headers": {"Content-Type": "application/json"},
        "body": error_body(rejection, event),
        "isBase64Encoded": False,
    }


def _body_problem(event: dict[str, Any]) -> SynthdataError | None:
    body = event.get("body") or ""
    if len(body.encode()) > MAX_BODY_BYTES:
        return PayloadTooLarge(f"The request body exceeds {MAX_BODY_BYTES // 1024} KiB")
    headers = {k.lower(): v for k, v in (event.get("headers") or {}).items()}
    if not body and "content-type" not in headers:
        return None  # no body at all (POST /api/webhook-secret/rotate): nothing to parse
    media = headers.get("content-type", "").split(";")[0].strip().lower()
    if media != "application/json":
        return UnsupportedMediaType("Send the body as JSON with Content-Type: application/json")
    try:
        json.loads(body)
    except RecursionError:
        return BadRequest("The request body nests too deeply", [FieldProblem("body", "nested too deeply")])
    except ValueError as error:
        if "digits" in str(error):
            return BadRequest(
                "A number in the request body has too many digits",
                [FieldProblem("body", "a number has too many digits")],
            )
        return BadRequest("The request body is not valid JSON", [FieldProblem("body", "not valid JSON")])
    return None
