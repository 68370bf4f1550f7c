"""The entities one row of a template describes: a person, a place, a birth date, a product and a company.

Person and address fields of one row share one person and one place, exactly like the built-in datasets;
each entity is drawn on first use, from the row stream, so unused entities cost nothing. Entities are drawn
for the whole block (their draws follow one another in one stream) and cut to the rows wanted: a fixed, small
cost that keeps row r the same however many rows are asked for.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields, replace
from functools import cached_property
from typing import Any, TypeVar

import numpy as np
import numpy.typing as npt

from synthdata.engine import builders
from synthdata.engine.catalogues import products
from synthdata.engine.dataset import REFERENCE_TIME, BlockContext
from synthdata.engine.locale_data import LocaleData, locale_data
from synthdata.engine.rng import block_rng
from synthdata.engine.row_parts import Pieces

Entity = TypeVar("Entity", builders.People, builders.Places)


@dataclass
class Row:
    """The entities of the rows of one block, built on first use."""

    context: BlockContext
    stream: str = "template-row"  # array items draw their entities from a stream of their own
    data: LocaleData = field(init=False)

    def __post_init__(self) -> None:
        self.data = locale_data(self.context.locale)

    @cached_property
    def rng(self) -> np.random.Generator:
        return block_rng(self.context.seed, self.context.block_index, self.stream)

    @cached_property
    def person(self) -> builders.People:
        return self._wanted(builders.people(self.rng, self.data, self.context.block_rows))

    @cached_property
    def place(self) -> builders.Places:
        return self._wanted(builders.places(self.rng, self.data, self.context.block_rows))

    @cached_property
    def born(self) -> npt.NDArray[np.datetime64]:
        at = np.full(self.context.block_rows, REFERENCE_TIME)
        ages = builders.adult_ages(self.rng, self.context.block_rows)
        return builders.birth_dates(self.rng, at, ages)[: self.context.rows]

    @cached_property
    def product(self) -> npt.NDArray[np.intp]:
        """An index into the file's product catalogue."""
        return self.rng.integers(0, len(products(self.context.seed).ids), self.context.block_rows)[
            : self.context.rows
        ]

    @cached_property
    def company(self) -> npt.NDArray[np.intp]:
        """An index into the locale's company name pool."""
        return self.rng.integers(0, len(self.data.companies), self.context.block_rows)[: self.context.rows]

    def _wanted(self, entity: Entity) -> Entity:
        """The entity's columns cut to the rows wanted."""
        arrays = {f.name: getattr(entity, f.name) for f in fields(entity)}
        cut: dict[str, Any] = {
            name: value.take(0, self.context.rows)
            if isinstance(value, Pieces)
            else value[: self.context.rows]
            for name, value in arrays.items()
            if isinstance(value, (np.ndarray, Pieces))
        }
        return replace(entity, **cut)
