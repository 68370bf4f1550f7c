"""Turn validation errors into the API's error shape, one human sentence per field."""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from synthdata.errors import BadRequest, FieldProblem, SynthdataError, ValidationFailed
from synthdata.settings import get_settings


def _field_name(location: Sequence[Any]) -> str:
    parts = [str(p) for p in location if p not in ("body", "query", "path", "header")]
    name = ""
    for part in parts:
        name += f"[{part}]" if part.isdigit() else (f".{part}" if name else part)
    return name or "body"


def _sentence(field: str, error: dict[str, Any]) -> str:
    kind = error.get("type", "")
    ctx = error.get("ctx") or {}
    if kind == "missing":
        return f"{field} is required"
    if kind == "literal_error":
        return f"{field} must be one of {ctx.get('expected', 'the allowed values')}"
    if kind in ("int_type", "int_parsing", "int_from_float"):
        return f"{field} must be a whole number"
    if kind in ("bool_type", "bool_parsing"):
        return f"{field} must be true or false"
    if kind in ("string_type",):
        return f"{field} must be a string"
    settings = get_settings()
    if field == "record_count" and (ctx.get("ge"), ctx.get("le")) in (
        (settings.min_records, None),
        (None, settings.max_records),
    ):
        return f"record_count must be between {settings.min_records} and {settings.max_records}"
    if kind in ("greater_than_equal", "greater_than"):
        return f"{field} must be at least {ctx.get('ge', ctx.get('gt'))}"
    if kind in ("less_than_equal", "less_than"):
        return f"{field} must be at most {ctx.get('le', ctx.get('lt'))}"
    if kind == "string_too_short":
        return f"{field} must not be empty" if ctx.get("min_length") == 1 else f"{field} is too short"
    if kind == "string_too_long":
        return f"{field} must be at most {ctx.get('max_length')} characters"
    if kind == "too_short":
        return f"{field} needs at least {ctx.get('min_length')} item(s)"
    if kind == "extra_forbidden":
        return f"{field} is not a recognised field"
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        return f"{field} must be a JSON object"
    if kind == "list_type":
        return f"{field} must be a list"
    if kind == "value_error":
        return str(ctx.get("error", error.get("msg", "is invalid")))
    return f"{field}: {error.get('msg', 'is invalid')}"


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
