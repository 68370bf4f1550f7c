"""One exception per client-facing failure; the API renders each as the one JSON error shape.

Library code raises these; nothing else (no boto3 error, no stack trace) may reach a client.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, ClassVar


@dataclass(frozen=True)
class FieldProblem:
    """One field and what is wrong with it, in a sentence a person can act on."""

    field: str
    message: str

    def as_dict(self) -> dict[str, str]:
        return {"field": self.field, "message": self.message}


class SynthdataError(Exception):
    """Base of every client-facing error."""

    status_code: ClassVar[int] = 500
    code: ClassVar[str] = "internal_error"

    def __init__(self, message: str, details: list[FieldProblem] | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.details = list(details or [])

    def headers(self) -> dict[str, str]:
        """HTTP headers the answer carries besides the body."""
        return {}

    def body(self, request_id: str | None = None) -> dict[str, Any]:
        body: dict[str, Any] = {
            "error": {
                "code": self.code,
                "message": self.message,
                "details": [d.as_dict() for d in self.details],
            }
        }
        if request_id:
            body["request_id"] = request_id
        return body


class BadRequest(SynthdataError):
    status_code = 400
    code = "bad_request"


class Unauthorized(SynthdataError):
    status_code = 401
    code = "unauthorized"


class Forbidden(SynthdataError):
    status_code = 403
    code = "forbidden"


class NotFound(SynthdataError):
    status_code = 404
    code = "not_found"


class Conflict(SynthdataError):
    """The resource is not in a state that allows this; `retry_after`, when given, says when it may be."""

    status_code = 409
    code = "conflict"

    def __init__(
        self, message: str, details: list[FieldProblem] | None = None, *, retry_after: int | None = None
    ) -> None:
        super().__init__(message, details)
        self.retry_after = retry_after

    def headers(self) -> dict[str, str]:
        return {"Retry-After": str(self.retry_after)} if self.retry_after else {}


class Gone(SynthdataError):
    status_code = 410
    code = "gone"


class PayloadTooLarge(SynthdataError):
    status_code = 413
    code = "payload_too_large"


class UnsupportedMediaType(SynthdataError):
    status_code = 415
    code = "unsupported_media_type"


class TooManyRequests(SynthdataError):
    """A per-key limit is reached; the message names the limit and `retry_after` says when to try again."""

    status_code = 429
    code = "limit_exceeded"

    def __init__(self, message: str, retry_after: int, details: list[FieldProblem] | None = None) -> None:
        super().__init__(message, details)
        self.retry_after = max(1, retry_after)

    def headers(self) -> dict[str, str]:
        return {"Retry-After": str(self.retry_after)}


class ValidationFailed(SynthdataError):
    status_code = 422
    code = "validation_error"

    @classmethod
    def one(cls, field: str, message: str) -> ValidationFailed:
        """A validation error about a single field; the message names the field."""
        return cls(
            f"{field}: {message}" if not message.startswith(field) else message,
            [FieldProblem(field, message)],
        )
