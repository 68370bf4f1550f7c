"""Check a template's schema_fields before any work is spent, turning each into its type's field model.

Every problem is collected (not only the first) and named by its path, e.g. `schema_fields[3].max`. A template
whose fields are all valid must then fit the row budget (fields/budget.py): width and CPU per row.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Mapping
from typing import Any

from pydantic import ValidationError

from synthdata.engine.references import Parent
from synthdata.errors import FieldProblem, ValidationFailed
from synthdata.fields.base import FIELD_NAME_PATTERN, FieldModel, Problem
from synthdata.fields.budget import budget_problems
from synthdata.fields.nested import NESTED_FORMATS, NestedField
from synthdata.fields.registry import FIELD_TYPES
from synthdata.fields.relations import ReferenceField, bind_parent
from synthdata.validation_sentences import explain

MAX_FIELDS = 200
_FIELD_NAME = re.compile(FIELD_NAME_PATTERN)
_SHOWN_PROBLEMS = 5


def validate_fields(
    schema_fields: Any,
    *,
    record_count: int | None = None,
    output_format: str | None = None,
    parents: Mapping[str, Parent] | None = None,
) -> list[FieldModel]:
    """The validated fields, or ValidationFailed naming every problem; `output_format` (a job's) refuses
    nested fields in a format that cannot hold them; `parents` (a job's, by job id) are bound to its reference
    fields, whose columns they must have."""
    if not isinstance(schema_fields, list) or not schema_fields:
        raise ValidationFailed.one("schema_fields", "schema_fields must be a non-empty list of fields")
    if len(schema_fields) > MAX_FIELDS:
        raise ValidationFailed.one(
            "schema_fields",
            f"schema_fields has {len(schema_fields)} fields; at most {MAX_FIELDS} are allowed",
        )
    checked, problems = checked_fields(schema_fields, "schema_fields")
    for index, field in checked.items():
        problems.extend(_record_count_problems(index, field, record_count))
        if parents is not None and isinstance(field, ReferenceField):
            problems.extend(bind_parent(f"schema_fields[{index}]", field, parents))
    fields = list(checked.values())
    if not problems:
        problems = budget_problems(fields) + format_problems(fields, output_format)
    if problems:
        summary = "; ".join(p.message for p in problems[:_SHOWN_PROBLEMS])
        raise ValidationFailed(summary + ("; ..." if len(problems) > _SHOWN_PROBLEMS else ""), problems)
    return fields


def checked_fields(raws: list[Any], at: str) -> tuple[dict[int, FieldModel], list[FieldProblem]]:
    """The valid field models of a list of raw fields named `at` (`schema_fields`, or an object's `fields`)
    by index, and every problem, each named by its path: `{at}[3].max`."""
    fields: dict[int, FieldModel] = {}
    problems: list[FieldProblem] = []
    names: list[str] = []
    for index, raw in enumerate(raws):
        field, found = _checked_field(f"{at}[{index}]", raw, names)
        problems.extend(found)
        if isinstance(raw, dict) and isinstance(raw.get("name"), str):
            names.append(raw["name"])
        if field is not None:
            fields[index] = field
    return fields, problems


def format_problems(fields: list[FieldModel], output_format: str | None) -> list[FieldProblem]:
    """Nested fields (object, array) in a format other than json or ndjson, named by field and format."""
    if output_format is None or output_format in NESTED_FORMATS:
        return []
    return [
        FieldProblem(
            f"schema_fields[{index}]",
            f"schema_fields[{index}] ('{field.name}') is an {field.type_name()} field, which only "
            f"{' and '.join(NESTED_FORMATS)} can hold; output_format {output_format} cannot",
        )
        for index, field in enumerate(fields)
        if isinstance(field, NestedField)
    ]


def _checked_field(at: str, raw: Any, earlier: list[str]) -> tuple[FieldModel | None, list[FieldProblem]]:
    """The field model of one raw field (at path `at`), or None, and its problems."""
    if not isinstance(raw, dict):
        return None, [FieldProblem(at, f"{at} must be an object with name and field_type")]
    problems = _name_problems(at, raw.get("name"), earlier)
    model = _model_of(at, raw.get("field_type"), problems)
    if model is None:
        return None, problems
    if issubclass(model, NestedField):
        nested = _located(at, model.sub_field_problems(raw))
        if nested:
            return None, problems + nested
    # A bad name is reported once, above; the model checks everything else.
    name = raw.get("name") if not problems else "field"
    try:
        field = model.model_validate({**raw, "name": name})
    except ValidationError as error:
        explained = explain(error, model, owner=model.type_name(), parameters=model.parameter_names())
        return None, problems + _located(at, explained)
    problems += _located(at, field.problems(earlier))
    if field.unique and not (field.unique_by_construction or field.enumerable):
        problems.append(
            FieldProblem(
                f"{at}.unique",
                f"{at}.unique is not available for {model.type_name()}: its values cannot be guaranteed distinct",
            )
        )
    return (None if problems else field), problems


def _located(at: str, found: list[Problem]) -> list[FieldProblem]:
    """Field problems named by their path: `schema_fields[3].max`, the sentence starting with it."""
    return [FieldProblem(f"{at}.{param}", f"{at}.{text}") for param, text in found]


def _name_problems(at: str, name: Any, earlier: list[str]) -> list[FieldProblem]:
    if not isinstance(name, str) or not _FIELD_NAME.match(name):
        return [
            FieldProblem(
                f"{at}.name",
                f"{at}.name must start with a letter or _ and hold only letters, digits and _ (at most 64)",
            )
        ]
    if name in earlier:
        return [FieldProblem(f"{at}.name", f"{at}.name '{name}' is used by an earlier field")]
    return []


def _model_of(at: str, type_name: Any, problems: list[FieldProblem]) -> type[FieldModel] | None:
    """The model of a known field type; else None, with a "did you mean" problem added."""
    model = FIELD_TYPES.get(type_name) if isinstance(type_name, str) else None
    if model is None:
        close = difflib.get_close_matches(str(type_name), list(FIELD_TYPES), n=1)
        hint = f"; did you mean '{close[0]}'?" if close else "; GET /api/data-types lists the types"
        problems.append(
            FieldProblem(f"{at}.field_type", f"{at}.field_type '{type_name}' is not a known type{hint}")
        )
    return model


def _record_count_problems(index: int, field: FieldModel, record_count: int | None) -> list[FieldProblem]:
    """What a file of record_count rows asks of the field: enough distinct values when unique, values in range."""
    if record_count is None:
        return []
    at = f"schema_fields[{index}]"
    found = _located(at, field.record_count_problems(record_count))
    limit = field.capacity()
    if field.unique and limit is not None and limit < record_count:
        found.append(
            FieldProblem(
                f"{at}.unique",
                f"field '{field.name}' is unique but {field.type_name()} has only {limit} distinct values; "
                f"record_count is {record_count}",
            )
        )
    return found
