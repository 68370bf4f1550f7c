"""Randomness derived from (seed, block index, stream), never from one sequential stream.

Any block can be generated alone, in any order, any number of times, and comes out the same: that is what
makes a sharded job byte-identical to a single-process run.
"""

from __future__ import annotations

import secrets
import zlib
from collections.abc import Sequence

import numpy as np
import numpy.typing as npt

BLOCK_ROWS = 10_000
SEED_MAX = 2**53 - 1  # the largest seed a client may send: seeds stay exact as JSON numbers in every client
_SEED_MASK = 2**63 - 1  # numpy's seed sequence takes non-negative words


def new_seed() -> int:
    """A random seed for a request that gave none (recorded, so the file can be made again)."""
    return secrets.randbelow(SEED_MAX + 1)


def block_rng(seed: int, block_index: int, stream: str) -> np.random.Generator:
    """A generator for one block and one named stream (e.g. a column or an entity)."""
    return np.random.default_rng([seed & _SEED_MASK, block_index, zlib.crc32(stream.encode())])


def fixed_rng(seed: int, stream: str) -> np.random.Generator:
    """A generator independent of the block: for per-file catalogues (products, customers)."""
    return np.random.default_rng([seed & _SEED_MASK, 2**32 - 1, zlib.crc32(stream.encode())])


def unique_codes(row_index: np.ndarray, seed: int, modulus: int = 10_000_000) -> np.ndarray:
    """A bijection of row indices onto [0, modulus): unique within a file, yet random-looking.

    Multiplying by a number coprime with the modulus and adding an offset permutes the residues, so
    distinct rows (fewer than `modulus`) never share a code, whichever shard generates them.
    """
    multiplier = 7_654_321  # odd and not a multiple of 5: coprime with powers of ten
    offset = seed % modulus
    return (row_index.astype(np.int64) * multiplier + offset) % modulus


def cumulative_weights(weights: Sequence[float] | npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    """Running totals of weights scaled to sum to 1: what `weighted_indices` draws against."""
    values = np.asarray(weights, dtype=float)
    return np.cumsum(values / values.sum())


def weighted_indices(
    rng: np.random.Generator, cumulative: npt.NDArray[np.float64], n: int
) -> npt.NDArray[np.intp]:
    """n indices drawn with the weights whose running totals are `cumulative` (the one weighted draw)."""
    return np.searchsorted(cumulative, rng.random(n), side="right").clip(0, len(cumulative) - 1)
