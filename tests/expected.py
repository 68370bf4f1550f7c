"""What a job's file must hold: the engine's rendering of the whole file at once (split-invariance)."""

from __future__ import annotations

from synthdata.engine import get_dataset, render_rows
from synthdata.jobs.job import Job


def expected_bytes(job: Job) -> bytes:
    spec = job.spec
    return render_rows(
        get_dataset(spec.data_type or ""),
        seed=spec.seed,
        locale=spec.locale,
        fmt=spec.output_format,
        compression=spec.compression,
        start=0,
        stop=spec.record_count,
        total=spec.record_count,
    )
