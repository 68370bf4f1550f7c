"""A parent job for the template tests: a reference field needs one bound to generate (the API binds the
caller's completed job; here a template job of 15,000 rows, two blocks, computed like any other)."""

from __future__ import annotations

from typing import Any

from synthdata.engine.references import Parent
from synthdata.fields import FieldModel, TemplateDataset, compile_template
from synthdata.fields.relations import ReferenceField, bind_parent

PARENT_ID = "3f0c2a4e-8d1b-4c6a-9e7f-0a1b2c3d4e5f"
PARENT_SCHEMA: list[dict[str, Any]] = [
    {"name": "id", "field_type": "uuid"},
    {"name": "email", "field_type": "email"},
    {"name": "score", "field_type": "integer", "min": 0, "max": 99},
]
PARENT = Parent(PARENT_ID, compile_template(PARENT_SCHEMA), seed=3, locale="en_US", record_count=15_000)
PARENTS = {PARENT_ID: PARENT}
REFERENCE: dict[str, Any] = {"job_id": PARENT_ID, "column": "id"}


def compiled(schema_fields: Any, **kwargs: Any) -> TemplateDataset:
    """compile_template with the test parent bound to the template's reference fields."""
    return compile_template(schema_fields, parents=PARENTS, **kwargs)


def bound(field: FieldModel) -> FieldModel:
    """A field model made directly (not through the compiler), with the test parent bound if it refers to it."""
    if isinstance(field, ReferenceField) and field.job_id == PARENT_ID:
        assert not bind_parent("field", field, PARENTS)
    return field
