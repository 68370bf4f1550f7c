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


_GUIDE_MAX = 1 << 16  # buckets of a guide table at most (512 KiB of indices)


class WeightedDraw:
    """`weighted_indices` against fixed running totals, with a guide table: the same indices, found faster.

    A binary search per row costs ~50 ns of branch misses. The guide table holds, for each of 2**k equal buckets
    of [0, 1), the answer at the bucket's lower edge; a power of two makes `u * buckets` exact, so the bucket
    of u is exact too and its answer is a lower bound of u's. Where the total at that answer exceeds u it is
    u's answer (the totals never decrease); the few other rows (u past a running total inside its bucket) take
    the binary search. Running totals that decrease or are not finite keep the plain search.
    """

    def __init__(self, cumulative: npt.NDArray[np.float64]) -> None:
        self.cumulative = np.asarray(cumulative, dtype=np.float64)
        size = len(self.cumulative)
        finite = bool(np.isfinite(self.cumulative).all())
        ordered = size > 0 and finite and bool((np.diff(self.cumulative) >= 0).all())
        self.buckets = min(_GUIDE_MAX, 1 << max(6, (4 * size - 1).bit_length())) if ordered else 0
        edges = np.arange(self.buckets, dtype=np.float64) / self.buckets
        self.guide = np.searchsorted(self.cumulative, edges, side="right")
        self.padded = np.append(self.cumulative, np.inf)  # the total "after" the last: above every u

    def draw(self, rng: np.random.Generator, n: int) -> npt.NDArray[np.intp]:
        """n indices, exactly those `weighted_indices(rng, self.cumulative, n)` returns (the same one draw)."""
        return self.indices(rng.random(n))

    def indices(self, uniform: npt.NDArray[np.float64]) -> npt.NDArray[np.intp]:
        """searchsorted(cumulative, uniform, side="right") clipped to the last index, for uniform in [0, 1)."""
        if not self.buckets:
            found = np.searchsorted(self.cumulative, uniform, side="right")
        else:
            found = self.guide[(uniform * self.buckets).astype(np.intp)]
            past = np.flatnonzero(self.padded[found] <= uniform)
            if past.size:
                found[past] = np.searchsorted(self.cumulative, uniform[past], side="right")
        return found.clip(0, len(self.cumulative) - 1)
