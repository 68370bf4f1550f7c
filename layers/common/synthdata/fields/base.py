"""What every template field is: a pydantic model of its parameters that also owns its checks, its capacity
(how many distinct values it can take) and its column generator. Family modules subclass `FieldModel`."""

from __future__ import annotations

from abc import abstractmethod
from collections.abc import Mapping, Sequence
from typing import Any, ClassVar, Literal, get_args

import numpy as np
import numpy.typing as npt
from pydantic import BaseModel, ConfigDict, Field, StrictBool, StrictStr

from synthdata.engine.columns import Column
from synthdata.fields.budget import BYTES_PER_COST_UNIT
from synthdata.fields.draws import field_seed, permutation
from synthdata.fields.parameters import FiniteNumber
from synthdata.fields.row import Row

FIELD_NAME_PATTERN = r"^[A-Za-z_][A-Za-z0-9_]{0,63}$"

ValueType = Literal["string", "integer", "number", "boolean", "date", "datetime", "object", "array"]
Example = str | int | float | bool | dict[str, Any] | list[Any]
Problem = tuple[str, str]  # (parameter, a sentence that starts with it)
EarlierColumns = Mapping[str, Column]


def _stated_rules(schema: dict[str, Any], model: type[Any]) -> None:
    """The JSON Schema of a field type says what the model checks beyond each parameter's own bounds: the
    `field_type` that selects it is required, `unique` only where the type can honour it, and its description
    carries the rules across parameters that JSON Schema cannot express."""
    schema["required"] = ["field_type", *(r for r in schema.get("required", []) if r != "field_type")]
    schema["description"] = " ".join(filter(None, (model.description + ".", model.rules)))
    schema["x-family"], schema["x-value-type"] = model.family, model.value_type
    if not (model.unique_by_construction or model.enumerable):
        schema["properties"]["unique"]["const"] = False


class FieldModel(BaseModel):
    """One field of a template: `name`, the options every field has, and (in subclasses) the type's
    `field_type` literal and parameters."""

    model_config = ConfigDict(extra="forbid", frozen=True, strict=True, json_schema_extra=_stated_rules)

    family: ClassVar[str]
    description: ClassVar[str]
    rules: ClassVar[str] = ""  # the rules across parameters, in words (problems() checks them)
    example: ClassVar[Example]
    value_type: ClassVar[ValueType] = "string"
    unique_by_construction: ClassVar[bool] = False  # unique with no capacity limit (ids, sequences, emails)
    enumerable: ClassVar[bool] = False  # unique possible up to its capacity (integers, dates, choices)
    max_bytes: ClassVar[int]  # worst-case UTF-8 bytes of one value (types whose parameters set it: width())
    work: ClassVar[int] = 2  # CPU per value besides writing its bytes, in cost units (fields/budget.py)

    name: StrictStr = Field(pattern=FIELD_NAME_PATTERN, description="Column name")
    nullable: StrictBool = Field(False, description="May the value be missing (empty in CSV, null in JSON)")
    null_rate: FiniteNumber = Field(0.1, ge=0, le=1, description="Share of missing values when nullable")
    unique: StrictBool = Field(
        False, description="Every value distinct within the file (checked against the type's capacity)"
    )

    @classmethod
    def type_name(cls) -> str:
        """The `field_type` this model accepts."""
        return str(get_args(cls.model_fields["field_type"].annotation)[0])

    @classmethod
    def parameter_names(cls) -> list[str]:
        """The type's own parameters: what a template may set besides the options every field has."""
        shared = {*FieldModel.model_fields, "field_type"}
        return [field.alias or name for name, field in cls.model_fields.items() if name not in shared]

    def capacity(self) -> int | None:
        """How many distinct values the field can take (None: unlimited or not enumerable)."""
        return None

    def width(self, earlier: Mapping[str, int]) -> int:
        """Worst-case UTF-8 bytes of one value as text; `earlier`: the widths of the fields before it."""
        return self.max_bytes

    def cost(self, width: int) -> int:
        """CPU per value in cost units: the type's own work, drawing nulls, and writing `width` bytes."""
        return self.work + int(self.nullable) + -(-width // BYTES_PER_COST_UNIT)

    def problems(self, earlier: Sequence[str]) -> list[Problem]:
        """What is wrong across parameters (min above max, unknown references); `earlier`: the names of the
        fields before this one."""
        return []

    def record_count_problems(self, record_count: int) -> list[Problem]:
        """What goes wrong only in a file of `record_count` rows (a sequence leaving the exact integers)."""
        return []

    @abstractmethod
    def column(self, row: Row, rng: np.random.Generator, earlier: EarlierColumns) -> Column:
        """This field's values for one block of rows; `earlier` holds the columns of the fields before it."""

    def codes(self, row: Row, rng: np.random.Generator, size: int) -> npt.NDArray[np.int64]:
        """Codes in [0, size): a permutation of the row number when unique, else uniform draws."""
        if self.unique:
            return permutation(row.context.row_index, row.context.seed + field_seed(self.name), size)
        return rng.integers(0, size, row.context.size)


RANGE_RULE = "max must be at least min."


def range_problems(low: float, high: float) -> list[Problem]:
    """The sentence for a `min` above its `max`, if it is."""
    return [("max", f"max ({high}) must be at least min ({low})")] if low > high else []
