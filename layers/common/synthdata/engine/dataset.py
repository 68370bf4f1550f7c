"""What a dataset is to the engine: named fields, and a function from one block of rows to its columns.

Built-in datasets and compiled custom templates both implement `Dataset`, so they share the writers,
sharding, seeding and reproducibility. A block is BLOCK_ROWS consecutive rows (the last one of a file
may be cut short by the writer); it must depend only on (seed, locale, block index, options).

A context may ask for only the first `rows` rows of a block (a preview, a short file). A `prefix_safe`
dataset then generates only those, and they equal the first rows of the whole block: each column is drawn
in one call (or a 2-D row-major call) from its own stream, so row r never depends on how many rows follow.
Other datasets generate the whole block and the writer takes the rows it needs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, NamedTuple, Protocol

import numpy as np
import numpy.typing as npt

from synthdata.engine.columns import Column
from synthdata.engine.rng import BLOCK_ROWS

# Dates are relative to a fixed instant, not to "now", so the same seed gives the same file on any day.
REFERENCE_TIME = np.datetime64("2026-11-01T00:00:00", "s")


# A named tuple, not a frozen dataclass: cheaper to define at import (see locales/shipped.py).
class FieldInfo(NamedTuple):
    """A field as the API describes it."""

    name: str
    type: str  # string | integer | number | boolean | date | datetime
    description: str
    example: Any
    # The most UTF-8 bytes a value takes as text (templates); None: not bounded by parameters (built-ins).
    max_bytes: int | None = None


@dataclass(frozen=True)
class BlockContext:
    """Everything a block's generation may depend on; `rows`: how many of its first rows are wanted."""

    seed: int
    locale: str
    block_index: int
    options: dict[str, Any] = field(default_factory=dict)
    rows: int = BLOCK_ROWS
    # Rows of a whole block: BLOCK_ROWS, or BLOCK_ROWS x slots for the items of an array field.
    block_rows: int = BLOCK_ROWS

    @property
    def size(self) -> int:
        """Rows to generate: the ones wanted."""
        return self.rows

    @property
    def row_index(self) -> npt.NDArray[np.int64]:
        """Global row numbers of the rows to generate (0-based)."""
        start = self.block_index * self.block_rows
        return np.arange(start, start + self.rows, dtype=np.int64)


class Dataset(Protocol):
    """A generator of rows, column by column."""

    @property
    def name(self) -> str: ...

    @property
    def description(self) -> str: ...

    @property
    def fields(self) -> list[FieldInfo]: ...

    @property
    def prefix_safe(self) -> bool:
        """May it be asked for fewer rows than a block (see the module docstring)?"""
        ...

    def generate_block(self, context: BlockContext) -> dict[str, Column]:
        """Columns for the first context.rows rows of one block (or for all BLOCK_ROWS of it when not
        prefix_safe), keyed by field name, in field order."""
        ...
