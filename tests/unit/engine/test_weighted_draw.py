"""The guide-table weighted draw returns exactly the binary search's indices and consumes the same draws."""

from __future__ import annotations

import numpy as np
import pytest

from synthdata.engine.rng import WeightedDraw, cumulative_weights, weighted_indices


def _searched(cumulative: np.ndarray, uniform: np.ndarray) -> np.ndarray:
    return np.searchsorted(cumulative, uniform, side="right").clip(0, len(cumulative) - 1)


def _boundaries(cumulative: np.ndarray) -> np.ndarray:
    """Every running total, its neighbouring doubles and the bucket edges, as uniforms in [0, 1)."""
    totals = cumulative[cumulative < 1.0]
    near = np.concatenate([totals, np.nextafter(totals, 0.0), np.nextafter(totals, 1.0)])
    edges = np.arange(1 << 17) / (1 << 17)
    ends = np.array([0.0, np.nextafter(1.0, 0.0), 5e-324])
    found = np.concatenate([near, np.nextafter(edges, 0.0), edges, ends])
    return found[(found >= 0.0) & (found < 1.0)]


WEIGHTS = {
    "skewed names": 1.0 / np.arange(1, 1001) ** 1.2,
    "uniform": np.ones(381),
    "zero weights inside and at the ends": np.array([0.0, 3.0, 0.0, 0.0, 1.0, 2.0, 0.0]),
    "one word": np.array([2.5]),
    "a crowded tail": np.concatenate([[1e6], np.full(5000, 1e-3)]),
    "more words than guide buckets": np.random.default_rng(4).random(200_000),
    "powers of two": np.array([1.0, 1.0, 2.0, 4.0]),
}


@pytest.mark.parametrize("name", WEIGHTS)
def test_guide_table_equals_binary_search_on_random_and_boundary_uniforms(name: str) -> None:
    cumulative = cumulative_weights(WEIGHTS[name])
    draw = WeightedDraw(cumulative)
    uniform = np.concatenate([np.random.default_rng(9).random(50_000), _boundaries(cumulative)])
    np.testing.assert_array_equal(draw.indices(uniform), _searched(cumulative, uniform))


def test_unnormalized_and_unordered_totals_fall_back_to_the_search() -> None:
    for cumulative in (np.array([0.2, 0.1, 0.9]), np.array([0.1, np.nan, 0.9]), np.cumsum([0.3, 0.3])):
        uniform = np.random.default_rng(1).random(10_000)
        np.testing.assert_array_equal(
            WeightedDraw(cumulative).indices(uniform), _searched(cumulative, uniform)
        )


def test_draw_consumes_the_same_stream_as_weighted_indices() -> None:
    cumulative = cumulative_weights(WEIGHTS["skewed names"])
    ours, theirs = np.random.default_rng(7), np.random.default_rng(7)
    np.testing.assert_array_equal(
        WeightedDraw(cumulative).draw(ours, 10_000), weighted_indices(theirs, cumulative, 10_000)
    )
    assert ours.random() == theirs.random()
