"""Split a job into shards: S3 multipart parts of a healthy size that one worker makes quickly.

Every part but the last must reach S3's 5 MiB minimum, and there may be at most 10,000. Sizes are estimated
from a rendered sample, so parts aim well above the minimum (a 3x misestimate still passes). Shards start on
engine block boundaries, which keeps compressed output identical however a job is split.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from synthdata.engine import BLOCK_ROWS
from synthdata.jobs.job import Shard, shard_of

S3_MIN_PART_BYTES = 5 * 1024 * 1024
S3_MAX_PARTS = 10_000
TARGET_PART_BYTES = 16 * 1024 * 1024
SIZE_SAFETY = 1.5
MAX_SHARD_RECORDS = 100_000  # keeps one shard well inside a worker's memory and timeout
MAX_SHARD_BYTES = 512 * 1024 * 1024  # a shard at its widest possible rows still fits the worker's 2 GB


@dataclass(frozen=True)
class ShardPlan:
    shard_records: int
    shard_count: int

    def shards(self, record_count: int) -> list[Shard]:
        return [shard_of(i, self.shard_records, record_count) for i in range(self.shard_count)]


def _round_up_to_block(records: float) -> int:
    return max(BLOCK_ROWS, math.ceil(records / BLOCK_ROWS) * BLOCK_ROWS)


def plan_shards(
    record_count: int,
    bytes_per_record: float,
    *,
    target_part_bytes: int = TARGET_PART_BYTES,
    min_part_bytes: int = S3_MIN_PART_BYTES,
    max_record_bytes: float | None = None,
) -> ShardPlan:
    """How many records each shard holds and how many shards there are.

    `bytes_per_record` is measured on a sample and sizes the parts: every part but the last must reach S3's
    minimum, so it is never replaced by a worst case (a larger figure plans smaller parts). `max_record_bytes`,
    the widest a record can possibly be (templates), only caps a shard so its worst case fits a worker.
    """
    if record_count <= 0 or bytes_per_record <= 0:
        raise ValueError("record_count and bytes_per_record must be positive")
    smallest = _round_up_to_block(min_part_bytes * SIZE_SAFETY / bytes_per_record)
    wanted = _round_up_to_block(target_part_bytes / bytes_per_record)
    records = max(smallest, min(wanted, max(MAX_SHARD_RECORDS, smallest)))
    if max_record_bytes:
        worst_case_fits = max(
            BLOCK_ROWS, math.floor(MAX_SHARD_BYTES / max_record_bytes / BLOCK_ROWS) * BLOCK_ROWS
        )
        records = max(smallest, min(records, worst_case_fits))
    records = max(records, _round_up_to_block(record_count / S3_MAX_PARTS))
    if records >= record_count:
        return ShardPlan(shard_records=record_count, shard_count=1)
    return ShardPlan(shard_records=records, shard_count=math.ceil(record_count / records))
