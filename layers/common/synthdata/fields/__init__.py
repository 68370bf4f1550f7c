"""Custom templates: the field types (one model per type, in family modules), validation, and compilation
into an engine Dataset."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

from synthdata.engine.references import Parent
from synthdata.fields.base import FieldModel
from synthdata.fields.compiler import validate_fields
from synthdata.fields.dataset import TemplateDataset
from synthdata.fields.registry import FIELD_TYPES, list_field_types

__all__ = ["FIELD_TYPES", "FieldModel", "TemplateDataset", "compile_template", "list_field_types"]


def compile_template(
    schema_fields: Any,
    *,
    record_count: int | None = None,
    output_format: str | None = None,
    parents: Mapping[str, Parent] | None = None,
) -> TemplateDataset:
    """Validate schema_fields (raising ValidationFailed with every problem) and build its Dataset; with an
    `output_format`, also that the format can hold every field (object and array: json and ndjson only); with
    `parents` (by job id), bound to its reference fields."""
    fields = validate_fields(
        schema_fields, record_count=record_count, output_format=output_format, parents=parents
    )
    return TemplateDataset(tuple(fields))
