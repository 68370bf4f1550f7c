"""The entities one row of a template describes: a person, a place, a birth date, a product and a company.

Person and address fields of one row share one person and one place, exactly like the built-in datasets;
each entity is drawn on first use, from the row stream, so unused entities cost nothing.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property

import numpy as np
import numpy.typing as npt

from synthdata.engine import builders
from synthdata.engine.catalogues import products
from synthdata.engine.dataset import REFERENCE_TIME, BlockContext
from synthdata.engine.locale_data import LocaleData, locale_data
from synthdata.engine.rng import block_rng


@dataclass
class Row:
    """The entities of the rows of one block, built on first use."""

    context: BlockContext
    data: LocaleData = field(init=False)

    def __post_init__(self) -> None:
        self.data = locale_data(self.context.locale)

    @cached_property
    def rng(self) -> np.random.Generator:
        return block_rng(self.context.seed, self.context.block_index, "template-row")

    @cached_property
    def person(self) -> builders.People:
        return builders.people(self.rng, self.data, self.context.size)

    @cached_property
    def place(self) -> builders.Places:
        return builders.places(self.rng, self.data, self.context.size)

    @cached_property
    def born(self) -> npt.NDArray[np.datetime64]:
        at = np.full(self.context.size, REFERENCE_TIME)
        ages = builders.adult_ages(self.rng, self.context.size)
        return builders.birth_dates(self.rng, at, ages)

    @cached_property
    def product(self) -> npt.NDArray[np.intp]:
        """An index into the file's product catalogue."""
        return self.rng.integers(0, len(products(self.context.seed).ids), self.context.size)

    @cached_property
    def company(self) -> npt.NDArray[np.intp]:
        """An index into the locale's company name pool."""
        return self.rng.integers(0, len(self.data.companies), self.context.size)
