"""Custom templates: the field-type catalogue, validation, and compilation into an engine Dataset."""

from __future__ import annotations

from typing import Any

from synthdata.fields.catalogue import FIELD_TYPES, list_field_types
from synthdata.fields.compiler import FieldSpec, validate_fields
from synthdata.fields.dataset import TemplateDataset

__all__ = ["FIELD_TYPES", "FieldSpec", "TemplateDataset", "compile_template", "list_field_types"]


def compile_template(schema_fields: Any, *, record_count: int | None = None) -> TemplateDataset:
    """Validate schema_fields (raising ValidationFailed with every problem) and build its Dataset."""
    return TemplateDataset(tuple(validate_fields(schema_fields, record_count=record_count)))
