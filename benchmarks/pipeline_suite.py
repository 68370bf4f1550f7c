"""A 1,000,000-record user CSV job over HTTP on the local stack, against the engine alone in one process."""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

import requests

from benchmarks.measure import Measurement, Row, in_fresh_process
from local.process import running_stack

KEY = "dev-api-key-123456"


def engine_file_bytes(records: int) -> int:
    """The engine alone writing the same file (same dataset, format, sizes) in one process."""
    from synthdata.engine import get_dataset, iter_rendered_blocks

    with tempfile.TemporaryFile() as out:
        for piece, _ in iter_rendered_blocks(
            get_dataset("user"),
            seed=7,
            locale="en_US",
            fmt="csv",
            compression=None,
            start=0,
            stop=records,
            total=records,
        ):
            out.write(piece)
        return int(out.tell())


def _end_to_end(url: str, records: int) -> tuple[float, float, int, int]:
    """(seconds to completed, seconds to downloaded, bytes, data rows) for one job over HTTP."""
    headers = {"X-API-Key": KEY, "Content-Type": "application/json"}
    started = time.perf_counter()
    job_id = requests.post(
        f"{url}/api/generate",
        headers=headers,
        json={"data_type": "user", "record_count": records, "output_format": "csv", "seed": 7},
        timeout=60,
    ).json()["job_id"]
    while True:
        job = requests.get(f"{url}/api/jobs/{job_id}", headers=headers, timeout=30).json()
        if job["status"] in ("completed", "failed", "cancelled"):
            break
        time.sleep(0.1)
    completed = time.perf_counter() - started
    if job["status"] != "completed":
        raise RuntimeError(f"job ended {job['status']}: {job.get('error_message')}")
    size = lines = 0
    with requests.get(
        f"{url}/api/jobs/{job_id}/download", headers=headers, stream=True, timeout=600
    ) as download:
        download.raise_for_status()
        for chunk in download.iter_content(chunk_size=1 << 20):
            size += len(chunk)
            lines += chunk.count(b"\n")
    downloaded = time.perf_counter() - started
    if lines != records + 1:
        raise RuntimeError(f"the file has {lines - 1} data rows, expected {records}")
    return completed, downloaded, size, lines - 1


def run(quick: bool) -> list[Row]:
    records = 100_000 if quick else 1_000_000
    baseline = in_fresh_process("benchmarks.pipeline_suite.engine_file_bytes", records)
    baseline_row = Row("pipeline", "engine alone, one process", "user csv to a file", records, baseline, 1.0)
    with tempfile.TemporaryDirectory() as folder, running_stack(Path(folder) / "stack.log") as stack:
        # The first job meets a fresh stack (moto's and the workers' memory not yet grown); the second is the
        # steady state of warm containers, as the baseline itself is timed after a warm-up.
        first_completed, first_downloaded, size, _ = _end_to_end(stack.url, records)
        second_completed, _, _, _ = _end_to_end(stack.url, records)
    rows = [baseline_row]
    for label, seconds in (
        ("job over HTTP, until completed (first job, fresh stack)", first_completed),
        ("job over HTTP, until downloaded (first job, fresh stack)", first_downloaded),
        ("job over HTTP, until completed (second job, warm stack)", second_completed),
    ):
        # The ratio here is time against the baseline's time (lower is better; the target is <= 2x).
        measurement = Measurement(seconds, size, 0.0)
        rows.append(
            Row("pipeline", label, "user csv, local stack", records, measurement, seconds / baseline.seconds)
        )
    return rows
