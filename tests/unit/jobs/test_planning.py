"""Shard plans: block-aligned, contiguous, within S3's part rules, whatever the size estimate."""

from __future__ import annotations

from itertools import pairwise

import pytest

from synthdata.engine import BLOCK_ROWS
from synthdata.jobs.planning import (
    MAX_SHARD_BYTES,
    MAX_SHARD_RECORDS,
    S3_MAX_PARTS,
    S3_MIN_PART_BYTES,
    SIZE_SAFETY,
    plan_shards,
)


def test_a_small_job_is_one_shard() -> None:
    plan = plan_shards(500, 272.0)
    assert (plan.shard_records, plan.shard_count) == (500, 1)
    assert [(s.start, s.stop) for s in plan.shards(500)] == [(0, 500)]


@pytest.mark.parametrize("record_count", [100_001, 1_000_000, 999_999])
@pytest.mark.parametrize("bytes_per_record", [40.0, 272.0, 5_000.0])
def test_shards_are_block_aligned_contiguous_and_large_enough(
    record_count: int, bytes_per_record: float
) -> None:
    plan = plan_shards(record_count, bytes_per_record)
    shards = plan.shards(record_count)
    assert shards[0].start == 0 and shards[-1].stop == record_count
    assert all(a.stop == b.start for a, b in pairwise(shards))
    assert all(s.start % BLOCK_ROWS == 0 for s in shards)
    assert len(shards) <= S3_MAX_PARTS
    for shard in shards[:-1]:
        assert shard.records * bytes_per_record >= S3_MIN_PART_BYTES * SIZE_SAFETY
        assert shard.records <= MAX_SHARD_RECORDS or shard.records * bytes_per_record < 2 * 16 * 1024 * 1024


def test_a_tiny_row_still_plans_at_most_ten_thousand_parts() -> None:
    plan = plan_shards(10**9, 0.001)
    assert plan.shard_count <= S3_MAX_PARTS


def test_nonsense_inputs_are_refused() -> None:
    with pytest.raises(ValueError, match="positive"):
        plan_shards(0, 10.0)


def test_a_worst_case_width_caps_a_shard_but_never_below_the_part_minimum() -> None:
    capped = plan_shards(1_000_000, 1_000.0, target_part_bytes=64 * 1024 * 1024, max_record_bytes=10_000.0)
    assert capped.shard_records == 50_000 and capped.shard_records * 10_000 <= MAX_SHARD_BYTES
    floor = plan_shards(1_000_000, 10.0, max_record_bytes=100_000.0)  # the minimum part wins over the cap
    assert floor.shard_records * 10.0 >= S3_MIN_PART_BYTES * SIZE_SAFETY
