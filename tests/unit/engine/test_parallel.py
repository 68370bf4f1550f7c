"""--jobs: a file written by several processes is byte for byte the one a single process writes."""

from __future__ import annotations

import io
import tempfile
from itertools import pairwise
from pathlib import Path

import pytest

from synthdata.engine import BLOCK_ROWS, get_dataset, iter_rendered_blocks, parallel, render_rows
from synthdata.engine.parallel import MAX_JOBS, MAX_TASK_BLOCKS, FileSpec, task_ranges, write_file


def _spec(records: int, fmt: str = "csv", compression: str | None = None, dataset: str = "user") -> FileSpec:
    return FileSpec(dataset, 7, "de_DE", fmt, compression, records, {"realistic_email_domains": False})


def _expected(spec: FileSpec) -> bytes:
    return render_rows(
        get_dataset(spec.dataset),
        seed=spec.seed,
        locale=spec.locale,
        fmt=spec.fmt,
        compression=spec.compression,
        start=0,
        stop=spec.records,
        total=spec.records,
        options=spec.options,
    )


@pytest.mark.parametrize(
    ("records", "fmt", "compression"),
    [
        (2 * BLOCK_ROWS + 1, "csv", None),  # the smallest file a pool renders: one row past two blocks
        (5 * BLOCK_ROWS + 123, "json", None),  # the array's closing bracket comes with the last piece
        (4 * BLOCK_ROWS, "ndjson", "gzip"),  # one gzip member per block, whichever process made it
    ],
)
def test_a_pool_writes_the_single_process_file_to_an_os_file(
    tmp_path: Path, records: int, fmt: str, compression: str | None
) -> None:
    spec = _spec(records, fmt, compression)
    target = tmp_path / "out"
    with target.open("wb") as out:
        written = write_file(spec, 3, out)
    expected = _expected(spec)
    assert target.read_bytes() == expected
    assert written == len(expected)


def test_a_pool_writes_the_same_file_to_a_stream_without_a_descriptor() -> None:
    spec = _spec(3 * BLOCK_ROWS + 5, dataset="company")
    out = io.BytesIO()
    write_file(spec, 2, out)
    assert out.getvalue() == _expected(spec)


def test_progress_counts_every_row_and_byte_once() -> None:
    spec = _spec(3 * BLOCK_ROWS + 17, dataset="ecommerce")
    seen: list[tuple[int, int]] = []
    written = write_file(spec, 2, io.BytesIO(), lambda rows, size: seen.append((rows, size)))
    assert sum(rows for rows, _ in seen) == spec.records
    assert sum(size for _, size in seen) == written
    assert seen[0][0] == BLOCK_ROWS  # the parent's own first block, before the pool starts


def test_task_ranges_cover_the_rest_of_the_file_in_whole_blocks() -> None:
    for records in (2 * BLOCK_ROWS + 1, 9 * BLOCK_ROWS, 100 * BLOCK_ROWS + 99, 1_000_000):
        for jobs in (1, 2, 8, MAX_JOBS):
            ranges = task_ranges(records, jobs)
            assert ranges[0][0] == BLOCK_ROWS and ranges[-1][1] == records
            assert all(hi == next_lo for (_, hi), (next_lo, _) in pairwise(ranges))
            assert all(
                lo % BLOCK_ROWS == 0 and 0 < hi - lo <= MAX_TASK_BLOCKS * BLOCK_ROWS for lo, hi in ranges
            )


@pytest.mark.parametrize("jobs", [0, MAX_JOBS + 1])
def test_jobs_outside_the_limit_are_refused(jobs: int) -> None:
    with pytest.raises(ValueError, match=f"between 1 and {MAX_JOBS}"):
        write_file(_spec(100), jobs, io.BytesIO())


def test_a_failing_process_fails_the_file_and_leaves_no_piece_behind(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A fault injected into one range's rendering (inherited by the forked processes) reaches the caller, and
    the pieces already rendered are removed with their folder."""
    real = iter_rendered_blocks  # the function parallel.py imported

    def failing(*args: object, start: int, **kwargs: object) -> object:
        if start == 3 * BLOCK_ROWS:
            raise RuntimeError("injected fault")
        return real(*args, start=start, **kwargs)  # type: ignore[arg-type]

    monkeypatch.setattr(parallel, "iter_rendered_blocks", failing)
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    with pytest.raises(RuntimeError, match="injected fault"):
        write_file(_spec(6 * BLOCK_ROWS), 2, io.BytesIO())
    assert list(tmp_path.iterdir()) == []
