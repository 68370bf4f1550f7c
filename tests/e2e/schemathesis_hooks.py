"""Schemathesis hooks (SCHEMATHESIS_HOOKS=tests.e2e.schemathesis_hooks): the rules of a template that JSON
Schema cannot state, kept by the templates the fuzzer draws.

The document states every rule it can (types, bounds, patterns, the field type picked by `field_type`, `unique`
only where a type can honour it); the rest compare two values and are stated in words in each field type's
description: max at least min, end not before start, one weight per value, {references} to earlier fields,
distinct names, (for jobs) a unique field's capacity against record_count, and the row budget (a row's worst-case
width and work, fields/budget.py, stated in the schema_fields description); inside an object or array (whose
sub-fields the document states level by level, down to MAX_DEPTH) the same rules, and no unique. A job's references (`references`, a `reference` field's job_id) name
completed jobs of the caller, which a drawn id never is: positive bodies leave them out (a reference field
becomes a uuid field), and tests/integration/api/test_references.py tests them. A positive template body is made to keep them here, so
`positive_data_acceptance` still judges everything else the document says; negative cases are left as drawn.
Likewise a job's `callback_url` must name a host that resolves to public addresses (or, on the local stack,
http://127.0.0.1), which no schema can state: a positive body gets the local receiver address.
"""

from __future__ import annotations

import json
import re
from typing import Any

import schemathesis
from pydantic import ValidationError

from synthdata.api.http import read_json
from synthdata.errors import ValidationFailed
from synthdata.fields.compiler import validate_fields
from synthdata.fields.registry import FIELD_TYPES

# A case of any operation: the hooks read and change only its body, never its `operation`.
Case = schemathesis.Case[Any]

# Jobs on the test stack have at most this many records (LOCAL_PARAMETER_MaxRecords in the test).
MAX_RECORDS = 5000
# Nothing listens there: the deliveries fail and retry in the background, which the fuzzed API never sees.
LOCAL_CALLBACK = "http://127.0.0.1:9/hook"
_RANGES = (("min", "max"), ("start", "end"), ("min_items", "max_items"))
_REFERENCE = re.compile(r"\{[^{}]*\}")


@schemathesis.hook
def map_case(context: schemathesis.HookContext, case: Case) -> Case:
    # Positive cases (every phase's, the stateful phase's too) are made to keep the rules; negative ones are left
    # as drawn, so they stay invalid.
    return _keeping_the_rules(case)


@schemathesis.hook
def before_call(context: schemathesis.HookContext, case: Case, kwargs: dict[str, Any]) -> None:
    # The same rules again right before a request is sent: the stateful phase sent a drawn PUT /api/templates
    # body that had not kept them (two fields named "A"). Keeping them twice changes nothing.
    _keeping_the_rules(case)


@schemathesis.hook
def before_add_examples(context: schemathesis.HookContext, examples: list[Case]) -> None:
    # The examples phase's cases (the document's examples, filled in with defaults) do not pass map_case.
    for case in examples:
        _keeping_the_rules(case)


def _keeping_the_rules(case: Case) -> Case:
    mode = getattr(getattr(case.meta, "generation", None), "mode", None)
    positive = mode is None or "negative" not in str(mode).lower()
    body = case.body
    if positive and isinstance(body, dict):
        body.pop("references", None)
    drawn_fields = body.get("schema_fields") if isinstance(body, dict) else None
    if positive and isinstance(body, dict) and isinstance(drawn_fields, list):
        names: set[str] = set()
        fields = [_kept(index, field, names) for index, field in enumerate(drawn_fields)]
        body["schema_fields"] = _within_budget(fields)
    if positive and isinstance(body, dict) and isinstance(body.get("callback_url"), str):
        body["callback_url"] = LOCAL_CALLBACK
    return case


def _within_budget(fields: list[Any]) -> list[Any]:
    """The longest leading run of fields whose rows fit the budget (at least one field)."""
    kept: list[Any] = []
    for field in fields:
        field = _small_enough(field)
        try:
            parsed = validate_fields(read_json(json.dumps([*kept, field])))  # as the API reads them
        except ValidationFailed as refused:
            if any(problem.field == f"schema_fields[{len(kept)}]" for problem in refused.details):
                break  # this field tips the row over its width or work budget
            parsed = None
        if parsed is None and not kept:
            return fields  # not valid for another reason: the server's answer is judged as is
        kept.append(field)
    return kept or fields[:1]


def _small_enough(field: Any) -> Any:
    """A nested field that alone takes a row over the budget, made smaller (fewer sub-fields or items) until it
    fits or is as small as it gets."""
    for _ in range(64):
        if not isinstance(field, dict):
            return field
        try:
            validate_fields(read_json(json.dumps([field])))
            return field
        except ValidationFailed as refused:
            if not any(problem.field == "schema_fields[0]" for problem in refused.details):
                return field  # not over the budget: judged as is
        if field.get("field_type") == "array" and field.get("max_items", 5) > 0:
            field["max_items"] = field.get("max_items", 5) // 2
            field["min_items"] = min(field.get("min_items", 0), field["max_items"])
        elif field.get("field_type") == "object" and len(field.get("fields", [])) > 1:
            field["fields"] = field["fields"][: len(field["fields"]) // 2]
        else:
            inner = _first_sub_field(field)
            if inner is None or inner.get("field_type") not in ("object", "array"):
                return field
            _small_enough(inner)
    return field


def _first_sub_field(field: dict[str, Any]) -> dict[str, Any] | None:
    inner = field.get("item") if field.get("field_type") == "array" else (field.get("fields") or [None])[0]
    return inner if isinstance(inner, dict) else None


def _kept(index: int, field: Any, names: set[str]) -> Any:
    field_type = field.get("field_type") if isinstance(field, dict) else None
    model = FIELD_TYPES.get(field_type) if isinstance(field_type, str) else None
    if model is None:
        return field
    if field.get("field_type") == "reference":
        field.clear()
        field.update(name=f"reference_{index}", field_type="uuid")
        model = FIELD_TYPES["uuid"]
    if field.get("name") in names:
        field["name"] = f"field_{index}"
    names.add(field.get("name"))
    _keep_sub_fields(field)
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


def _keep_sub_fields(field: dict[str, Any]) -> None:
    """The rules inside an object or array: each sub-field keeps a field's rules and is not unique."""
    key, many = {"object": ("fields", True), "array": ("item", False)}.get(field["field_type"], (None, False))
    if key is None or not isinstance(field.get(key), list if many else dict):
        return
    subs = field[key] if many else [field[key]]
    names: set[str] = set()
    for index, sub in enumerate(subs):
        if not isinstance(sub, dict):
            continue
        sub["unique"] = False
        _kept(index, sub, names)


def _key(value: Any) -> Any:
    """Times compare by their seconds, as the field does (an offset is not part of a time of day)."""
    if hasattr(value, "hour") and not hasattr(value, "year"):
        return value.hour * 3600 + value.minute * 60 + value.second
    return value
