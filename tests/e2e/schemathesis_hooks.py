"""Schemathesis hooks (SCHEMATHESIS_HOOKS=tests.e2e.schemathesis_hooks): the rules of a template that JSON
Schema cannot state, kept by the templates the fuzzer draws.

The document states every rule it can (types, bounds, patterns, the field type picked by `field_type`, `unique`
only where a type can honour it); the rest compare two values and are stated in words in each field type's
description: max at least min, end not before start, one weight per value, {references} to earlier fields,
distinct names, and (for jobs) a unique field's capacity against record_count. A positive template body is
made to keep them here, so `positive_data_acceptance` still judges everything else the document says; negative
cases are left as drawn.
"""

from __future__ import annotations

import json
import re
from typing import Any

import schemathesis
from pydantic import ValidationError

from synthdata.api.http import read_json
from synthdata.fields.registry import FIELD_TYPES

# Jobs on the test stack have at most this many records (LOCAL_PARAMETER_MaxRecords in the test).
MAX_RECORDS = 5000
_RANGES = (("min", "max"), ("start", "end"))
_REFERENCE = re.compile(r"\{[^{}]*\}")


@schemathesis.hook
def map_case(context: schemathesis.HookContext, case: schemathesis.Case) -> schemathesis.Case:
    meta = case.meta
    positive = meta is not None and meta.generation.mode.is_positive
    body = case.body
    if positive and isinstance(body, dict) and isinstance(body.get("schema_fields"), list):
        names: set[str] = set()
        body["schema_fields"] = [
            _kept(index, field, names) for index, field in enumerate(body["schema_fields"])
        ]
    return case


def _kept(index: int, field: Any, names: set[str]) -> Any:
    model = FIELD_TYPES.get(field.get("field_type")) if isinstance(field, dict) else None
    if model is None:
        return field
    if field.get("name") in names:
        field["name"] = f"field_{index}"
    names.add(field["name"])
    try:
        parsed = model.model_validate(read_json(json.dumps(field)))  # as the API reads it: 5.0 is 5
    except ValidationError:
        return field  # not valid on its own: nothing across parameters to keep
    for low, high in _RANGES:
        if low in model.model_fields and high in model.model_fields:
            values = getattr(parsed, low), getattr(parsed, high)
            if _key(values[0]) > _key(values[1]):
                dumped = parsed.model_dump(mode="json")
                field[low], field[high] = dumped[high], dumped[low]
    if "weights" in field and "values" in field:
        field["weights"] = [1.0] * len(field["values"]) if field["weights"] else []
    if isinstance(field.get("template"), str):
        field["template"] = _REFERENCE.sub("", field["template"]) or "text"
    capacity = parsed.capacity()
    if field.get("unique") and capacity is not None and capacity < MAX_RECORDS:
        field["unique"] = False
    return field


def _key(value: Any) -> Any:
    """Times compare by their seconds, as the field does (an offset is not part of a time of day)."""
    if hasattr(value, "hour") and not hasattr(value, "year"):
        return value.hour * 3600 + value.minute * 60 + value.second
    return value
