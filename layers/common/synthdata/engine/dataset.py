"""What a dataset is to the engine: named fields, and a function from one block of rows to its columns.

Built-in datasets and compiled custom templates both implement `Dataset`, so they share the writers,
sharding, seeding and reproducibility. A block is BLOCK_ROWS consecutive rows (the last one of a file
may be cut short by the writer); it must depend only on (seed, locale, block index, options).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Protocol

import numpy as np
import numpy.typing as npt

from synthdata.engine.columns import Column
from synthdata.engine.rng import BLOCK_ROWS

# Dates are relative to a fixed instant, not to "now", so the same seed gives the same file on any day.
REFERENCE_TIME = np.datetime64("2026-11-01T00:00:00", "s")


@dataclass(frozen=True)
class FieldInfo:
    """A field as the API describes it."""

    name: str
    type: str  # string | integer | number | boolean | date | datetime
    description: str
    example: Any


@dataclass(frozen=True)
class BlockContext:
    """Everything a block's generation may depend on."""

    seed: int
    locale: str
    block_index: int
    options: dict[str, Any] = field(default_factory=dict)

    @property
    def size(self) -> int:
        return BLOCK_ROWS

    @property
    def row_index(self) -> npt.NDArray[np.int64]:
        """Global row numbers of the block (0-based)."""
        start = self.block_index * BLOCK_ROWS
        return np.arange(start, start + BLOCK_ROWS, dtype=np.int64)


class Dataset(Protocol):
    """A generator of rows, column by column."""

    @property
    def name(self) -> str: ...

    @property
    def description(self) -> str: ...

    @property
    def fields(self) -> list[FieldInfo]: ...

    def generate_block(self, context: BlockContext) -> dict[str, Column]:
        """Columns for the BLOCK_ROWS rows of one block, keyed by field name, in field order."""
        ...
