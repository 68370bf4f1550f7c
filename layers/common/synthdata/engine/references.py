"""Values of another job's rows, computed rather than downloaded: a job's rows are a pure function of its seed,
locale, options and dataset, so a child regenerates the parent's blocks it samples from.

Which parent rows a child block refers to depends only on (child seed, child block, stream), so a child file is
split-invariant like any other. Each child block draws from at most PARENT_BLOCKS_PER_BLOCK parent blocks (a
window drawn by the blocks' weights, with replacement); each row picks one block of the window, then a row in it:
uniformly, or "skewed" by a Zipf law over a fixed ranking of each block's rows (rank k weighs 1/k^skew, so a few
parents get many children). The marginal chance of every parent row is exactly its weight over the total, yet a
child block costs the generation of at most PARENT_BLOCKS_PER_BLOCK parent blocks (counted in the row budget).
"""

from __future__ import annotations

from collections import OrderedDict
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Any

import numpy as np
import numpy.typing as npt

from synthdata.engine.columns import Column
from synthdata.engine.dataset import BlockContext, Dataset
from synthdata.engine.rng import BLOCK_ROWS, block_rng, cumulative_weights, weighted_indices
from synthdata.engine.suffixed import joined_suffixes

PARENT_BLOCKS_PER_BLOCK = 2  # parent blocks generated per child block, at most
SKEW_MIN, SKEW_MAX, SKEW_DEFAULT = 0.5, 3.0, 1.1  # Zipf exponents of the "skewed" distribution
_CACHED_BLOCKS = 8  # parent blocks kept per process (a shard of a child draws from the same few)


@dataclass(frozen=True)
class Parent:
    """A completed job as its children see it: what makes its rows (recorded at its submission)."""

    job_id: str
    dataset: Dataset = field(compare=False)
    seed: int
    locale: str
    record_count: int
    options: dict[str, Any] = field(default_factory=dict, compare=False)

    @property
    def blocks(self) -> int:
        return -(-self.record_count // BLOCK_ROWS)

    def block_size(self, block: int) -> int:
        return min(BLOCK_ROWS, self.record_count - block * BLOCK_ROWS)


def parent_rows(
    parent: Parent, *, seed: int, block_index: int, stream: str, size: int, skew: float | None = None
) -> npt.NDArray[np.int64]:
    """`size` parent row numbers for the rows of one child block (`skew` None: uniform), from the child's
    `seed` and named `stream` only."""
    sizes = np.asarray([parent.block_size(b) for b in range(parent.blocks)])
    weights = sizes.astype(float) if skew is None else np.asarray([_zipf(int(n), skew)[-1] for n in sizes])
    window = weighted_indices(
        block_rng(seed, block_index, f"{stream}:window"),
        cumulative_weights(weights),
        min(PARENT_BLOCKS_PER_BLOCK, parent.blocks),
    )
    # Each choice is one draw per row from a stream of its own: the first rows of a block are the same however
    # many rows are asked for (a preview, a short file).
    blocks = window[block_rng(seed, block_index, f"{stream}:block").integers(0, len(window), size)]
    where = block_rng(seed, block_index, f"{stream}:row").random(size)
    offsets = np.empty(size, dtype=np.int64)
    for block in np.unique(blocks):
        mine = np.flatnonzero(blocks == block)
        n = int(sizes[block])
        if skew is None:
            offsets[mine] = (where[mine] * n).astype(np.int64)
        else:
            # A fixed ranking of the block's rows for this child file, so the heavy parents stay the same.
            ranking = block_rng(seed, int(block), f"{stream}:ranking").permutation(n)
            cumulative = _zipf(n, skew)
            ranks = np.searchsorted(cumulative / cumulative[-1], where[mine], side="right").clip(0, n - 1)
            offsets[mine] = ranking[ranks]
    return blocks.astype(np.int64) * BLOCK_ROWS + offsets


def parent_columns(parent: Parent, names: tuple[str, ...], rows: npt.NDArray[np.int64]) -> dict[str, Column]:
    """The parent's columns `names` at row numbers `rows`, from the parent blocks regenerated (or cached)."""
    picked: dict[str, list[Column]] = {name: [] for name in names}
    order = np.argsort(rows, kind="stable")
    ordered = rows[order]
    blocks = ordered // BLOCK_ROWS
    for block in np.unique(blocks):
        mine = ordered[blocks == block] - block * BLOCK_ROWS
        columns = _parent_block(parent, names, int(block))
        for name in names:
            picked[name].append(columns[name].pick(mine))
    inverse = np.empty_like(order)
    inverse[order] = np.arange(order.size)
    return {name: _concatenated(parts).pick(inverse) for name, parts in picked.items()}


def _concatenated(parts: list[Column]) -> Column:
    first = parts[0]
    joined = [
        p.values if isinstance(p.values, np.ndarray) else np.asarray(p.values, dtype=object) for p in parts
    ]
    values: Any = np.concatenate(joined)
    nulls = None if first.nulls is None else np.concatenate([p.nulls for p in parts if p.nulls is not None])
    if not isinstance(first.values, np.ndarray):
        values = values.tolist()
    suffix = None
    if first.suffix is not None:  # the same suffix tables in every block of a column
        suffix = joined_suffixes([p.suffix for p in parts if p.suffix is not None])
    return Column(
        first.kind,
        values,
        first.decimals,
        nulls,
        first.ascii_safe,
        first.user_literal,
        first.vocabulary,
        suffix,
    )


_blocks: OrderedDict[tuple[Parent, tuple[str, ...], int], dict[str, Column]] = OrderedDict()


def _parent_block(parent: Parent, names: tuple[str, ...], block: int) -> dict[str, Column]:
    """The columns `names` of one whole parent block (a small per-process cache: a shard's blocks share
    parents)."""
    key = (parent, names, block)
    if key in _blocks:
        _blocks.move_to_end(key)
        return _blocks[key]
    context = BlockContext(
        seed=parent.seed,
        locale=parent.locale,
        block_index=block,
        options=parent.options,
        rows=parent.block_size(block) if parent.dataset.prefix_safe else BLOCK_ROWS,
    )
    columns = parent.dataset.generate_block(context)
    _blocks[key] = {name: columns[name] for name in names}
    while len(_blocks) > _CACHED_BLOCKS:
        _blocks.popitem(last=False)
    return _blocks[key]


@lru_cache(maxsize=16)
def _zipf(n: int, skew: float) -> npt.NDArray[np.float64]:
    """Running totals of the Zipf weights 1/k^skew of ranks 1..n."""
    return np.cumsum(np.arange(1, n + 1, dtype=float) ** -skew)
