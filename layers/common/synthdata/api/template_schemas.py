"""The wire contract of templates and of the catalogue (GET /api/data-types).

A template field is one of the field models of synthdata.fields, picked by its `field_type`: the union is built
from the registry, so the OpenAPI document, the request validation and the catalogue read the same models and
cannot drift. The field compiler still words the 422s (`schema_fields[3].max ...`): see api/errors.py.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Annotated, Any, TypeAlias, Union

from pydantic import BaseModel, ConfigDict, Field

from synthdata.fields.budget import MAX_ROW_BYTES, MAX_ROW_COST
from synthdata.fields.compiler import MAX_FIELDS
from synthdata.fields.registry import FIELD_TYPES

if TYPE_CHECKING:
    from synthdata.fields.base import FieldModel

    TemplateField: TypeAlias = FieldModel
else:
    TemplateField = Annotated[Union[tuple(FIELD_TYPES.values())], Field(discriminator="field_type")]  # noqa: UP007

_FIELDS_DESCRIPTION = (
    f"The columns, in order (1 to {MAX_FIELDS}); `field_type` picks the type and its parameters. Names are "
    "distinct. A job from the template needs each unique field to have at least record_count distinct values. "
    f"A row may be at most {MAX_ROW_BYTES:,} bytes wide and cost at most {MAX_ROW_COST:,} units of work at its "
    "widest values (each type's widest value follows from its bounded parameters); a wider template is refused "
    "naming the field that tips it over."
)


class TemplateRequest(BaseModel):
    model_config = ConfigDict(extra="forbid", strict=True)

    name: str = Field(min_length=1, max_length=120, examples=["Customer Profile"])
    description: str = Field("", max_length=2000)
    schema_fields: list[TemplateField] = Field(
        min_length=1, max_length=MAX_FIELDS, description=_FIELDS_DESCRIPTION
    )

    def fields_as_sent(self) -> list[dict[str, Any]]:
        """The fields as JSON, with only the parameters the client set (defaults stay the models' own)."""
        return [field.model_dump(mode="json", exclude_unset=True) for field in self.schema_fields]


class TemplateResponse(BaseModel):
    id: str
    name: str
    description: str
    schema_fields: list[TemplateField]
    created_at: str
    updated_at: str


class TemplateListResponse(BaseModel):
    items: list[TemplateResponse]
    total: int


# ---------------------------------------------------------------------------------------- catalogue
class FieldDescription(BaseModel):
    name: str
    type: str
    description: str
    example: Any = None


class DatasetDescription(BaseModel):
    name: str
    description: str
    fields: list[FieldDescription]


class ParameterDescription(BaseModel):
    """One parameter of a field type, read from its model: type, default (null: required), bounds."""

    name: str
    type: str = Field(description="int, number, string, bool, list, date, datetime, time, choice or any")
    default: Any = None
    description: str | None = None
    choices: list[Any] | None = None
    minimum: float | None = None
    maximum: float | None = None
    exclusive_minimum: float | None = None
    exclusive_maximum: float | None = None
    min_length: int | None = None
    max_length: int | None = None
    items: dict[str, Any] | None = Field(None, description="Bounds of each item of a list")


class FieldTypeDescription(BaseModel):
    name: str
    family: str
    description: str
    value_type: str
    parameters: list[ParameterDescription]
    example: Any = None


class DataTypesResponse(BaseModel):
    datasets: list[DatasetDescription]
    field_types: list[FieldTypeDescription] = Field(
        description="Field types templates may use, with their parameters (the TemplateField schemas state "
        "the same)"
    )
    locales: list[str]
    formats: list[str]
