"""Nested values, for JSON and NDJSON only: an object of named sub-fields, and an array of items.

A sub-field is a template field like any other (validated by the same models, named by its path, e.g.
`schema_fields[2].fields[0].max`), drawn column-wise from a stream of its own: an object's sub-fields share the
row's entities (one person per row), an array's items are a block of rows x max_items slots of their own, drawn
in one call, so a preview and any split of the file give the same values. Each row's JSON text is then put
together with C-level joins, and the writer takes it as it is (a "json" column).
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import replace
from typing import TYPE_CHECKING, Annotated, Any, ClassVar, Literal, Union

import numpy as np
from numpy.dtypes import StringDType
from pydantic import Field, create_model

from synthdata.engine.columns import Column
from synthdata.engine.json_literals import json_objects
from synthdata.fields.base import EarlierColumns, Example, FieldModel, Problem, range_problems
from synthdata.fields.budget import value_widths
from synthdata.fields.row import Row

if TYPE_CHECKING:  # at run time a union of field types, given by the registry (`nest`)
    from synthdata.fields.base import FieldModel as SubField

NESTED_FORMATS = ("json", "ndjson")
MAX_DEPTH = 3  # an object or array inside another, at most this many levels deep
MAX_SUB_FIELDS = 20
MAX_ITEMS = 20
_BARE = ("integer", "number", "boolean")
_NESTED = ("object", "array")
_NULL = len("null")
_SUB_FIELD = (
    f"a template field, as in schema_fields (its name distinct among its siblings; no unique; objects and arrays "
    f"nest at most {MAX_DEPTH} levels deep)"
)


def depth(raw: Any, limit: int = MAX_DEPTH + 1) -> int:
    """Levels of objects and arrays in a raw field (counted up to `limit`, so no input recurses deeper)."""
    if not isinstance(raw, dict) or limit <= 0:
        return 0
    if raw.get("field_type") == "object" and isinstance(raw.get("fields"), list):
        return 1 + max((depth(sub, limit - 1) for sub in raw["fields"]), default=0)
    if raw.get("field_type") == "array":
        return 1 + depth(raw.get("item"), limit - 1)
    return 0


def json_width(field: FieldModel, width: int) -> int:
    """Most bytes of a sub-field's value as JSON text (strings quoted, quotes and line breaks escaped)."""
    if field.value_type in _BARE or field.value_type in _NESTED:
        return max(width, _NULL) if field.nullable else width
    return 2 * width + 2


class NestedField(FieldModel):
    family: ClassVar[str] = "nested"
    sub_field_key: ClassVar[str]  # "fields" or "item": where the sub-fields are, and how paths name them

    @classmethod
    def raw_sub_fields(cls, raw: dict[str, Any]) -> list[Any] | None:
        """The raw sub-field definitions of a raw field of this type (None: not a list to check)."""
        raise NotImplementedError

    @classmethod
    def sub_field_problems(cls, raw: dict[str, Any]) -> list[Problem]:
        """What is wrong with the sub-fields of a raw field, each named by its path (`fields[0].max`), found
        before the field itself is read, so a sub-field's problem is named where it is: nesting deeper than
        MAX_DEPTH, then every sub-field checked as a field of its own."""
        from synthdata.fields.compiler import (
            checked_fields,
        )  # the compiler reads the registry, which lists us

        key = cls.sub_field_key
        if depth(raw) > MAX_DEPTH:
            return [(key, f"{key} nests objects and arrays more than {MAX_DEPTH} levels deep")]
        subs = cls.raw_sub_fields(raw)
        if subs is None:
            return []  # not a list: the model's own check words it
        if any(isinstance(sub, dict) and sub.get("field_type") == "reference" for sub in subs):
            return [(key, f"{key}: a reference is a top-level field, not inside an {cls.type_name()}")]
        _, found = checked_fields(subs, key)
        one = f"{key}[0]"  # an array has one item, named `item`, not `item[0]`
        return [
            (
                p.field.replace(one, key) if key == "item" else p.field,
                p.message.replace(one, key) if key == "item" else p.message,
            )
            for p in found
        ]

    @property
    def models(self) -> list[FieldModel]:
        """The sub-fields' models."""
        raise NotImplementedError

    def _sub_widths(self) -> list[int]:
        return [json_width(f, w) for f, w in zip(self.models, value_widths(self.models), strict=True)]

    def _sub_cost(self) -> int:
        return sum(f.cost(w) for f, w in zip(self.models, value_widths(self.models), strict=True))

    def problems(self, earlier: Sequence[str]) -> list[Problem]:
        key, kind = self.sub_field_key, self.type_name()
        return [
            (key, f"{key}: unique is not available inside an {kind} ('{f.name}')")
            for f in self.models
            if f.unique
        ]

    def record_count_problems(self, record_count: int) -> list[Problem]:
        return [found for f in self.models for found in f.record_count_problems(record_count * self._slots)]

    @property
    def _slots(self) -> int:
        return 1


class ObjectField(NestedField):
    field_type: Literal["object"] = "object"
    description = "A JSON object of named sub-fields (json and ndjson only)"
    example: ClassVar[Example] = {"city": "Springfield", "zip": "62704"}
    value_type = "object"
    rules = (
        f"Sub-field names are distinct; objects and arrays nest at most {MAX_DEPTH} levels deep; no unique."
    )

    sub_field_key = "fields"

    fields: list[SubField] = Field(
        min_length=1, max_length=MAX_SUB_FIELDS, description=f"The sub-fields, in order: each {_SUB_FIELD}"
    )

    @classmethod
    def raw_sub_fields(cls, raw: dict[str, Any]) -> list[Any] | None:
        subs = raw.get("fields")
        return subs if isinstance(subs, list) else None

    @property
    def models(self) -> list[FieldModel]:
        return list(self.fields)

    def width(self, earlier: Mapping[str, int]) -> int:
        keys = sum(len(Column("str", [f.name]).json_text()[0].encode()) + 1 for f in self.models)
        return len("{}") + keys + sum(self._sub_widths()) + len(self.models) - 1

    def cost(self, width: int) -> int:
        return super().cost(width) + self._sub_cost()

    def column(self, row: Row, rng: np.random.Generator, earlier: EarlierColumns) -> Column:
        from synthdata.fields.dataset import draw_columns

        columns = draw_columns(self.models, row, f"{self.name}:{rng.integers(2**62)}/")
        names = [f.name for f in self.models]
        return Column("json", list(json_objects(names, (columns[name].json_text() for name in names))))


class ArrayField(NestedField):
    field_type: Literal["array"] = "array"
    description = "A JSON array of min_items to max_items values of one item field (json and ndjson only)"
    example: ClassVar[Example] = ["red", "blue"]
    value_type = "array"
    rules = f"max_items must be at least min_items; objects and arrays nest at most {MAX_DEPTH} levels deep."

    sub_field_key = "item"

    item: SubField = Field(description=f"Each item: {_SUB_FIELD}; its name only names it in error messages")
    min_items: int = Field(0, ge=0, le=MAX_ITEMS, description="Fewest items in a row's array")
    max_items: int = Field(5, ge=0, le=MAX_ITEMS, description="Most items in a row's array")

    @classmethod
    def raw_sub_fields(cls, raw: dict[str, Any]) -> list[Any] | None:
        return [raw["item"]] if "item" in raw else None

    @property
    def models(self) -> list[FieldModel]:
        return [self.item]

    @property
    def _slots(self) -> int:
        return self.max_items

    def problems(self, earlier: Sequence[str]) -> list[Problem]:
        found = range_problems(self.min_items, self.max_items)
        return [
            ("max_items", text.replace("max", "max_items").replace("min", "min_items")) for _, text in found
        ] + super().problems(earlier)

    def width(self, earlier: Mapping[str, int]) -> int:
        return len("[]") + self.max_items * self._sub_widths()[0] + max(self.max_items - 1, 0)

    def cost(self, width: int) -> int:
        return super().cost(width) + self.max_items * self._sub_cost()

    def column(self, row: Row, rng: np.random.Generator, earlier: EarlierColumns) -> Column:
        """Each row's items are its first `length` of max_items slots, drawn for every slot of the block."""
        from synthdata.fields.dataset import draw_columns

        rows, slots = row.context.size, self.max_items
        stream = f"{self.name}:{rng.integers(2**62)}/"
        lengths = rng.integers(self.min_items, slots + 1, rows)
        if slots == 0:
            return Column("json", ["[]"] * rows)
        context = replace(row.context, rows=rows * slots, block_rows=row.context.block_rows * slots)
        drawn = draw_columns(self.models, Row(context, stream=f"{stream}row"), stream)
        items = drawn[self.item.name].json_text()
        text = np.asarray(items, dtype=StringDType()).reshape(rows, slots)
        text[:, 1:] = np.strings.add(",", text[:, 1:])
        text[np.arange(slots)[None, :] >= lengths[:, None]] = ""
        return Column("json", list(map("[{}]".format, map("".join, text.tolist()))))


NESTED: list[type[FieldModel]] = [ObjectField, ArrayField]


def nest(scalars: Sequence[type[FieldModel]]) -> None:
    """Give objects and arrays their sub-field types: at level MAX_DEPTH the scalar types only, at each level
    above them the scalar types and the objects and arrays of the level below (ObjectField2, ArrayField3, ...).
    The wire contract states the depth bound itself, with no recursive reference (which fuzzers and client
    generators unroll without end); the compiler checks the same bound first, naming the path."""
    inner: Any = _union(scalars)
    for level in range(MAX_DEPTH, 1, -1):
        inner = _union([*scalars, *(_at_level(model, level, inner) for model in (ObjectField, ArrayField))])
    for model in (ObjectField, ArrayField):
        model.model_rebuild(_types_namespace={"SubField": inner})


def _union(models: Sequence[type[FieldModel]]) -> Any:
    return Annotated[Union[tuple(models)], Field(discriminator="field_type")]  # noqa: UP007


def _at_level(model: type[NestedField], level: int, sub_field: Any) -> type[FieldModel]:
    """`model` as a sub-field at nesting `level` (2 or deeper), holding `sub_field`s."""
    key = model.sub_field_key
    info = model.model_fields[key]
    if key == "item":  # a bare union keeps its discriminator only when the field states it again
        info = Field(description=info.description, discriminator="field_type")
    annotation = list[sub_field] if key == "fields" else sub_field
    nested: type[FieldModel] = create_model(
        f"{model.__name__}{level}",
        __base__=model,
        __module__=model.__module__,
        **{key: (annotation, info)},  # type: ignore[call-overload]
    )
    return nested
