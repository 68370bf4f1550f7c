"""Turn request validation errors into the API's error shape, one human sentence per field (the sentences
themselves are written in synthdata.validation_sentences, shared with the template fields).

Template fields are validated by the same field models twice: by the request schema (a union on
`field_type`) and by the field compiler, whose sentences name each field by its path
(`schema_fields[3].max must be ...`); a schema error inside `schema_fields` is answered with the compiler's."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from pydantic_core import ErrorDetails

from synthdata.errors import BadRequest, FieldProblem, SynthdataError, ValidationFailed
from synthdata.validation_sentences import predicate

_SOURCES = ("body", "query", "path", "header")


def _field_name(location: Sequence[Any]) -> str:
    parts = [str(p) for p in location if p not in _SOURCES]
    name = ""
    for part in parts:
        name += f"[{part}]" if part.isdigit() else (f".{part}" if name else part)
    return name or "body"


def _sentence(field: str, error: ErrorDetails | dict[str, Any]) -> str:
    said = predicate(error)
    # A validator of a whole model (exactly one of data_type or template_id) words its own sentence.
    return said if error.get("type") == "value_error" else f"{field} {said}"


def from_validation_errors(
    errors: Sequence[ErrorDetails | dict[str, Any]], body: Any = None
) -> SynthdataError:
    """A 400 for a body that is not JSON, else a 422 naming each field and its problem (`body`: the parsed
    request body, whose template fields the compiler explains)."""
    if any(e.get("type") == "json_invalid" for e in errors):
        return BadRequest("The request body is not valid JSON", [FieldProblem("body", "not valid JSON")])
    in_fields = [e for e in errors if tuple(e.get("loc", ()))[:2] == ("body", "schema_fields")]
    compiled = _template_field_problems(body) if in_fields else []
    problems = []
    for error in errors:
        if compiled and error in in_fields:
            continue
        field = _field_name(error.get("loc", ()))
        if error.get("type") == "value_error" and field == "body":
            field = "data_type"
        problems.append(FieldProblem(field, _sentence(field, error)))
    problems += compiled
    message = "; ".join(p.message for p in problems) or "The request is invalid"
    return ValidationFailed(message, problems)


def _template_field_problems(body: Any) -> list[FieldProblem]:
    """The field compiler's problems with the body's schema_fields (none if it finds none)."""
    from synthdata.fields.compiler import validate_fields

    try:
        validate_fields(body.get("schema_fields") if isinstance(body, dict) else None)
    except ValidationFailed as failed:
        return failed.details
    return []
