"""Matrix 9: templates whose rows vary in width, at 1,000,000 rows against S3's real 5 MiB part minimum (moto
enforces it), never leave a job stuck: each ends completed with a valid file, or failed with a message."""

from __future__ import annotations

from typing import Any

import boto3
import pytest

from synthdata import wiring
from synthdata.jobs.job import JobSpec, JobStatus
from synthdata.settings import get_settings
from tests.conftest import Figure
from tests.integration.pipeline.conftest import OWNER, Driver

ADVERSARIES: dict[str, tuple[list[dict[str, Any]], str, str | None]] = {
    "one rare wide value": (
        [
            {"name": "id", "field_type": "uuid"},
            {"name": "note", "field_type": "choice", "values": ["x" * 200, "a"], "weights": [1, 999]},
        ],
        "csv",
        None,
    ),
    "mostly null wide text": (
        [
            {"name": "n", "field_type": "sequence"},
            {"name": "text", "field_type": "lorem", "words": 60, "nullable": True, "null_rate": 0.97},
        ],
        "json",
        None,
    ),
    "narrowing sequence, gzip": (
        [{"name": "n", "field_type": "sequence", "start": 9_000_000_000_000_000, "step": -9_000_000_000}],
        "csv",
        "gzip",
    ),
}


@pytest.mark.parametrize("name", list(ADVERSARIES))
def test_a_variable_width_template_at_a_million_rows_ends_completed_or_failed(
    driver: Driver, monkeypatch: pytest.MonkeyPatch, name: str, figure: Figure
) -> None:
    monkeypatch.delenv("SHARD_TARGET_BYTES")  # the template's defaults: 16 MiB parts aimed at
    get_settings.cache_clear()
    schema, fmt, compression = ADVERSARIES[name]
    spec = JobSpec(
        record_count=1_000_000,
        output_format=fmt,
        compression=compression,
        seed=99,
        locale="en_US",
        template_id="t",
        template_schema=schema,
    )
    job = wiring.job_service().submit(OWNER, spec)
    driver.run(max_rounds=500)
    done = wiring.job_service().get(OWNER, job.job_id)
    assert done.status in (JobStatus.COMPLETED, JobStatus.FAILED)
    if done.status is JobStatus.FAILED:
        assert done.error_message
        outcome = f"failed: {done.error_message}"
    else:
        head = boto3.client("s3").head_object(Bucket=get_settings().data_bucket, Key=done.file_key)
        assert head["ContentLength"] == done.file_size_bytes
        sizes = done.part_sizes or ()
        assert all(size >= 5 * 1024 * 1024 for size in sizes[:-1])
        if len(sizes) == 1:
            outcome = f"completed in 1 part of {sizes[0] / 2**20:.1f} MiB (a last part has no minimum)"
        else:
            smallest = min(sizes[:-1]) / 2**20
            outcome = f"completed in {len(sizes)} parts, smallest non-last {smallest:.1f} MiB"
    figure(f"9 part sizes: {name}", f"1,000,000 rows -> {outcome}; 0 stuck")
