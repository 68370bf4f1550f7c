"""Pydantic validation errors as sentences a person can act on: one per parameter, starting with where it is.

Works for any pydantic model (template field types today, API request bodies later). A sentence starts with
the parameter's location, e.g. "values[2] must be at most 200 characters long", so a caller can prefix where
the model itself sits ("schema_fields[3]."). `constraints` reads a parameter's bounds from the model, for the
sentences and for anyone who lists them, so a bound is stated once: in the model.
"""

from __future__ import annotations

import types
from collections.abc import Sequence
from typing import Annotated, Any, Literal, Union, get_args, get_origin

import annotated_types
from pydantic import BaseModel, ValidationError
from pydantic.fields import FieldInfo
from pydantic_core import ErrorDetails

Location = tuple[str | int, ...]

_EXPECTED = {
    "int_type": "a whole number",
    "int_parsing": "a whole number",
    "int_from_float": "a whole number",
    "float_type": "a number",
    "float_parsing": "a number",
    "finite_number": "a finite number",
    "string_type": "a string",
    "bool_type": "true or false",
    "bool_parsing": "true or false",
    "list_type": "a list",
    "dict_type": "an object",
}
_CONSTRAINT_NAMES = {
    annotated_types.Ge: ("minimum", "ge"),
    annotated_types.Le: ("maximum", "le"),
    annotated_types.Gt: ("exclusive_minimum", "gt"),
    annotated_types.Lt: ("exclusive_maximum", "lt"),
    annotated_types.MinLen: ("min_length", "min_length"),
    annotated_types.MaxLen: ("max_length", "max_length"),
}


def explain(
    error: ValidationError, model: type[BaseModel], *, owner: str, parameters: Sequence[str]
) -> list[tuple[str, str]]:
    """(parameter, sentence) for the first problem of each parameter the error names.

    `owner` names the model in sentences ("is required for choice"); `parameters` are the ones to suggest
    when an unknown parameter is given.
    """
    by_parameter: dict[str, list[ErrorDetails]] = {}
    for detail in error.errors():
        by_parameter.setdefault(str(detail["loc"][0]) if detail["loc"] else "", []).append(detail)
    explained = []
    for parameter, details in by_parameter.items():
        location, alternatives = _first_problem(details)
        explained.append((parameter, _sentence(location, alternatives, model, owner, parameters)))
    return explained


def constraints(field: FieldInfo) -> dict[str, Any]:
    """A parameter's bounds as data: minimum, maximum, min_length, max_length; a list's item bounds under
    "items"."""
    found = _from_metadata(field.metadata)
    if get_origin(field.annotation) is list:
        items = _annotation_constraints(get_args(field.annotation)[0])
        if items:
            found["items"] = items
    else:
        for key, value in _annotation_constraints(field.annotation).items():
            found.setdefault(key, value)
    return found


def number_text(value: float) -> str:
    """A bound as people write it: 1000000000000000, not 1e+15; 0.5 stays 0.5."""
    if isinstance(value, float) and value.is_integer() and abs(value) < 1e16:
        return str(int(value))
    return str(value)


def _from_metadata(metadata: Sequence[Any]) -> dict[str, Any]:
    found: dict[str, Any] = {}
    for item in metadata:
        if isinstance(item, FieldInfo):
            found.update(_from_metadata(item.metadata))
        named = _CONSTRAINT_NAMES.get(type(item))
        if named:
            found[named[0]] = getattr(item, named[1])
    return found


def _annotation_constraints(annotation: Any) -> dict[str, Any]:
    """Bounds written into a type (Annotated), looking through unions; the first member to state one wins."""
    origin = get_origin(annotation)
    if origin is Annotated:
        base, *metadata = get_args(annotation)
        return {**_annotation_constraints(base), **_from_metadata(metadata)}
    found: dict[str, Any] = {}
    if origin in (Union, types.UnionType):
        for member in get_args(annotation):
            for key, value in _annotation_constraints(member).items():
                found.setdefault(key, value)
    return found


def _first_problem(details: list[ErrorDetails]) -> tuple[Location, list[ErrorDetails]]:
    """Where the parameter's first problem is, and the errors that describe it.

    A value that no member of a union accepts gets one error per member, at its location plus the member's
    tag ("values", 2, "str"): those are one problem. (The models explained here nest no models, so two
    errors that differ only in a last text part are always such members.)
    """
    location = tuple(details[0]["loc"])
    if len(location) > 1 and isinstance(location[-1], str):
        members = [
            d for d in details if tuple(d["loc"][:-1]) == location[:-1] and isinstance(d["loc"][-1], str)
        ]
        if len(members) > 1:
            return location[:-1], members
    return location, details[:1]


def _sentence(
    location: Location,
    alternatives: list[ErrorDetails],
    model: type[BaseModel],
    owner: str,
    parameters: Sequence[str],
) -> str:
    where = str(location[0]) + "".join(f"[{part}]" for part in location[1:]) if location else "the value"
    # A union member that got the right type but refused the value knows best why (too long, too large).
    refusals = [d for d in alternatives if d["type"] not in _EXPECTED]
    if len(alternatives) > 1 and not refusals:
        expected = list(dict.fromkeys(_EXPECTED[d["type"]] for d in alternatives))
        return f"{where} must be {', '.join(expected[:-1])} or {expected[-1]}"
    detail = (refusals or alternatives)[0]
    field = model.model_fields.get(str(location[0])) if len(location) == 1 else None
    return f"{where} {predicate(detail, field, owner, parameters)}"


def predicate(
    detail: ErrorDetails | dict[str, Any],
    field: FieldInfo | None = None,
    owner: str | None = None,
    parameters: Sequence[str] = (),
) -> str:
    """What is wrong, as the rest of a sentence that starts with the location ("must be at least 0").

    `owner` names what the location belongs to ("is required for choice"); without one the sentence is about
    a request field ("is not a recognised field").
    """
    kind, context = detail["type"], detail.get("ctx") or {}
    bounds = constraints(field) if field else {}
    if kind == "missing":
        return f"is required for {owner}" if owner else "is required"
    if kind == "extra_forbidden":
        if owner is None:
            return "is not a recognised field"
        return f"is not a parameter of {owner} (its parameters: {', '.join(parameters) or 'none'})"
    if kind == "value_error" and "error" in context:
        return str(context["error"])  # our validators raise complete sentences
    if kind in ("model_type", "model_attributes_type"):
        return "must be a JSON object"
    if kind == "literal_error":
        return f"must be one of {_choices(field, context)}"
    if kind in _EXPECTED:
        return f"must be {_EXPECTED[kind]}"
    if kind in ("greater_than_equal", "less_than_equal", "greater_than", "less_than"):
        return _size_predicate(bounds, context, "minimum", "maximum", "be ", "")
    if kind in ("too_short", "too_long"):
        return _size_predicate(bounds, context, "min_length", "max_length", "hold ", " items")
    if kind in ("string_too_short", "string_too_long"):
        return _size_predicate(bounds, context, "min_length", "max_length", "be ", " characters long")
    if kind == "string_pattern_mismatch":
        return f"must match {context.get('pattern')}"
    message = str(detail["msg"])
    # Custom errors of the models are written to complete the sentence ("must be an ISO date ...").
    return message if message[:1].islower() else f"is not valid: {message}"


def _size_predicate(
    bounds: dict[str, Any], context: dict[str, Any], low_key: str, high_key: str, verb: str, unit: str
) -> str:
    """ "between LOW and HIGH" when the parameter has both bounds, else the one that was crossed."""
    if low_key in bounds and high_key in bounds:
        low, high = number_text(bounds[low_key]), number_text(bounds[high_key])
        return f"must {verb}between {low} and {high}{unit}"
    for key, phrase in (("ge", "at least"), ("min_length", "at least"), ("gt", "more than")):
        if key in context:
            return f"must {verb}{phrase} {number_text(context[key])}{unit}"
    for key, phrase in (("le", "at most"), ("max_length", "at most"), ("lt", "less than")):
        if key in context:
            return f"must {verb}{phrase} {number_text(context[key])}{unit}"
    return "is out of range"


def _choices(field: FieldInfo | None, context: dict[str, Any]) -> str:
    if field is not None and get_origin(field.annotation) is Literal:
        return ", ".join(str(choice) for choice in get_args(field.annotation))
    return str(context.get("expected", "the listed values")).replace("'", "")
