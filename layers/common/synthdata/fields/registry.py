"""Every field type by name, and the catalogue the API lists: both read from the family modules' models, so
a description, default or bound is written once, in its model."""

from __future__ import annotations

from datetime import date, datetime, time
from typing import Any, Literal, get_args, get_origin

from pydantic.fields import FieldInfo
from pydantic_core import to_jsonable_python

from synthdata.fields.address import ADDRESS
from synthdata.fields.base import FieldModel
from synthdata.fields.choice import CHOICE
from synthdata.fields.commerce import COMMERCE
from synthdata.fields.company import COMPANY
from synthdata.fields.dates import TIME
from synthdata.fields.identifiers import IDENTIFIERS
from synthdata.fields.internet import INTERNET
from synthdata.fields.nested import NESTED, nest
from synthdata.fields.numbers import NUMBERS
from synthdata.fields.person import PERSON
from synthdata.fields.relations import RELATIONS
from synthdata.fields.text import TEXT
from synthdata.validation_sentences import constraints

# The order is the catalogue's order (and the order tests generate every type in).
FAMILIES = (
    IDENTIFIERS,
    PERSON,
    ADDRESS,
    COMPANY,
    COMMERCE,
    INTERNET,
    NUMBERS,
    TIME,
    TEXT,
    CHOICE,
    NESTED,
    RELATIONS,
)
FIELD_TYPES: dict[str, type[FieldModel]] = {
    model.type_name(): model for family in FAMILIES for model in family
}


# Objects and arrays hold any type but themselves (given level by level) and references (top-level only).
nest([model for model in FIELD_TYPES.values() if model not in NESTED and model.family != "relations"])

# The parameter type names the catalogue has always used; datetime before date (it is a date).
_KINDS: tuple[tuple[type, str], ...] = (
    (bool, "bool"),
    (int, "int"),
    (float, "number"),
    (str, "string"),
    (list, "list"),
    (datetime, "datetime"),
    (date, "date"),
    (time, "time"),
)
_NOT_LISTED = ("name", "field_type")


def list_field_types() -> list[dict[str, Any]]:
    """Every field type with its family, description, parameters (defaults and bounds) and an example."""
    return [
        {
            "name": name,
            "family": model.family,
            "description": model.description,
            "value_type": model.value_type,
            "parameters": [
                describe_parameter(field.alias or parameter, field)
                for parameter, field in model.model_fields.items()
                if parameter not in _NOT_LISTED
            ],
            "example": model.example,
        }
        for name, model in FIELD_TYPES.items()
    ]


def describe_parameter(name: str, field: FieldInfo) -> dict[str, Any]:
    """A parameter as the catalogue lists it: name, type, default (None: required), description, choices
    and bounds."""
    default = (
        None if field.is_required() else to_jsonable_python(field.get_default(call_default_factory=True))
    )
    described: dict[str, Any] = {
        "name": name,
        "type": _kind(field.annotation),
        "default": default,
        "description": field.description,
    }
    if get_origin(field.annotation) is Literal:
        described["choices"] = list(get_args(field.annotation))
    return {**described, **constraints(field)}


def _kind(annotation: Any) -> str:
    """int, number, string, bool, list, date, datetime, time, choice (a Literal) or any (a union)."""
    if get_origin(annotation) is Literal:
        return "choice"
    base = get_origin(annotation) or annotation
    for python_type, kind in _KINDS:
        if isinstance(base, type) and issubclass(base, python_type):
            return kind
    return "any"
