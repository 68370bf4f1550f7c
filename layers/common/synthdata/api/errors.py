"""Turn request validation errors into the API's error shape, one human sentence per field (the sentences
themselves are written in synthdata.validation_sentences, shared with the template fields)."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from synthdata.errors import BadRequest, FieldProblem, SynthdataError, ValidationFailed
from synthdata.validation_sentences import predicate

_SOURCES = ("body", "query", "path", "header")


def _field_name(location: Sequence[Any]) -> str:
    parts = [str(p) for p in location if p not in _SOURCES]
    name = ""
    for part in parts:
        name += f"[{part}]" if part.isdigit() else (f".{part}" if name else part)
    return name or "body"


def _sentence(field: str, error: dict[str, Any]) -> str:
    said = predicate(error)
    # A validator of a whole model (exactly one of data_type or template_id) words its own sentence.
    return said if error.get("type") == "value_error" else f"{field} {said}"


def from_validation_errors(errors: Sequence[dict[str, Any]]) -> SynthdataError:
    """A 400 for a body that is not JSON, else a 422 naming each field and its problem."""
    if any(e.get("type") == "json_invalid" for e in errors):
        return BadRequest("The request body is not valid JSON", [FieldProblem("body", "not valid JSON")])
    problems = []
    for error in errors:
        field = _field_name(error.get("loc", ()))
        if error.get("type") == "value_error" and field == "body":
            field = "data_type"
        problems.append(FieldProblem(field, _sentence(field, error)))
    message = "; ".join(p.message for p in problems) or "The request is invalid"
    return ValidationFailed(message, problems)
