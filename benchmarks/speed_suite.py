"""Issue 11's table: whole processes timed from spawn to exit (interpreter start, imports and writing included), the
naive per-record Faker loop side by side in the same run, three rounds, medians.

Each engine case is `synthdata generate DATASET -n N -f FMT -o /dev/null`, run twice: as a user runs it (its
processes: the CPUs it may use, here 2) and with `--jobs 1` (one process: the engine's own speed, what one
Lambda worker with one vCPU gets); each naive case writes the same dataset
and format with benchmarks/naive_faker.py to /dev/null (20,000 records: its rate per record is flat past start-up,
and 1M records would take ~10 minutes a round). Peak RSS is the process's own (`os.wait4`). Ratios are records/s
against the naive loop for `user` CSV, the yardstick of the issue's targets; `summary` adds the ratio to the naive
loop of the same dataset and format. Cold start: a fresh process importing what the worker imports, loading its
locale and rendering the first 10,000-row block. First row: spawn until the first byte of a CLI run reaches stdout.
This tree's modules are compiled to bytecode first (`compile_sources`), as an installed package's are.
"""

from __future__ import annotations

import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.measure import Measurement, Row
from benchmarks.startup import WORKER

ROOT = Path(__file__).resolve().parents[1]
SUITE = "speed"
ROUNDS = 3
NAIVE_RECORDS = 20_000
ENGINE_CASES = (
    ("user", "csv", 100_000),
    ("user", "csv", 1_000_000),
    ("user", "json", 1_000_000),
    ("user", "ndjson", 1_000_000),
    ("ecommerce", "csv", 1_000_000),
    ("company", "csv", 1_000_000),
)
QUICK_CASES = (("user", "csv", 20_000), ("user", "json", 20_000))
NAIVE_FORMAT = {"csv": "csv", "json": "json", "ndjson": "json"}  # NDJSON against the naive JSON loop
NAIVE = (
    "import sys; from benchmarks.naive_faker import render; sys.stdout.buffer.write(render({!r}, {}, {!r}))"
)
ONE_PROCESS = ", one process"  # the case label's suffix for `--jobs 1`
_BYTES = re.compile(r"records, ([\d,]+) bytes")


def compile_sources() -> None:
    """Bytecode for this tree's modules, as an installed package has it (pip compiles at install, the layer
    ships it): without it every measured process would compile synthdata from source first (~25 ms here, where
    PYTHONDONTWRITEBYTECODE keeps imports from caching it), a cost no user pays. Faker and numpy already have
    theirs in site-packages, so both sides start alike."""
    folders = [str(ROOT / "layers" / "common" / "synthdata"), str(ROOT / "benchmarks")]
    subprocess.run(
        [sys.executable, "-m", "compileall", "-q", *folders], check=True, stdout=subprocess.DEVNULL
    )


def _environment() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": f"{ROOT / 'layers' / 'common'}{os.pathsep}{ROOT}"}


def _process(argv: list[str]) -> Measurement:
    """Wall seconds from spawn to exit, bytes the CLI reports (0 when it reports none), the process's peak RSS."""
    with tempfile.TemporaryFile() as errors:
        started = time.perf_counter()
        process = subprocess.Popen(
            argv, stdout=subprocess.DEVNULL, stderr=errors, env=_environment(), cwd=ROOT
        )
        _, status, usage = os.wait4(process.pid, 0)
        seconds = time.perf_counter() - started
        process.returncode = os.waitstatus_to_exitcode(status)
        errors.seek(0)
        message = errors.read().decode(errors="replace")
    if process.returncode:
        raise RuntimeError(f"{' '.join(argv)} failed: {message[-2000:]}")
    found = _BYTES.search(message)
    return Measurement(seconds, int(found.group(1).replace(",", "")) if found else 0, usage.ru_maxrss / 1024)


def _median(runs: list[Measurement]) -> Measurement:
    middle = sorted(runs, key=lambda m: m.seconds)[len(runs) // 2]
    return Measurement(middle.seconds, middle.bytes, statistics.median(m.peak_mb for m in runs))


def first_byte_seconds(records: int) -> float:
    """Spawn until the first byte of `synthdata generate user -n records` reaches stdout (then drained)."""
    argv = [sys.executable, "-m", "synthdata.cli", "generate", "user", "-n", str(records), "--seed", "1"]
    started = time.perf_counter()
    with subprocess.Popen(
        argv, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, env=_environment(), cwd=ROOT
    ) as process:
        assert process.stdout is not None
        process.stdout.read(1)
        seconds = time.perf_counter() - started
        while process.stdout.read(1 << 20):
            pass
    return seconds


def _engine(dataset: str, fmt: str, records: int) -> list[str]:
    return [sys.executable, "-m", "synthdata.cli", "generate", dataset, "-n", str(records), "-f", fmt]


def run(quick: bool) -> list[Row]:
    cases = QUICK_CASES if quick else ENGINE_CASES
    naive_records = 2_000 if quick else NAIVE_RECORDS
    baselines = sorted({(dataset, NAIVE_FORMAT[fmt]) for dataset, fmt, _ in cases})
    runs: dict[tuple[str, str, int], list[Measurement]] = {}
    rounds = 1 if quick else ROUNDS
    compile_sources()
    cold: list[float] = []
    first: list[float] = []
    for _ in range(rounds):  # every case once per round, so the machine's load falls on all alike
        for dataset, fmt in baselines:
            argv = [sys.executable, "-c", NAIVE.format(dataset, naive_records, fmt)]
            runs.setdefault(("naive", f"{dataset} {fmt}", naive_records), []).append(_process(argv))
        for dataset, fmt, records in cases:
            for jobs, label in ((None, ""), (1, ONE_PROCESS)):
                argv = [*_engine(dataset, fmt, records), "--seed", "1", "-o", os.devnull]
                argv += ["--jobs", str(jobs)] if jobs else []
                runs.setdefault(("engine", f"{dataset} {fmt}{label}", records), []).append(_process(argv))
        started = time.perf_counter()
        subprocess.run(
            [sys.executable, "-c", WORKER.format(locale="en_US")], env=_environment(), cwd=ROOT, check=True
        )
        cold.append(time.perf_counter() - started)
        first.append(first_byte_seconds(100_000))
    return _rows(runs, cold, first, naive_records)


def _rows(
    runs: dict[tuple[str, str, int], list[Measurement]],
    cold: list[float],
    first: list[float],
    naive_records: int,
) -> list[Row]:
    medians = {key: _median(value) for key, value in runs.items()}
    yardstick = medians[("naive", "user csv", naive_records)]
    rows = []
    for (kind, case, records), m in medians.items():
        name = "naive Faker loop" if kind == "naive" else "synthdata generate"
        ratio = (records / m.seconds) / (naive_records / yardstick.seconds)
        rows.append(Row(SUITE, name, case, records, m, ratio))
    for label, times in (
        ("cold start: worker imports + first 10,000-row block", cold),
        ("first row: CLI spawn to first byte on stdout", first),
    ):
        rows.append(Row(SUITE, "synthdata", label, 10_000, Measurement(statistics.median(times), 0, 0)))
    return rows


def summary(rows: list[Row]) -> str:
    """Each engine case against the naive loop of its own dataset and format (NDJSON: the naive JSON loop)."""
    naive = {r.case: r for r in rows if r.suite == SUITE and r.implementation == "naive Faker loop"}
    lines = [
        "| case | records | records/s | naive records/s (same dataset and format) | ratio |",
        "|---|---:|---:|---:|---:|",
    ]
    for r in rows:
        if r.suite != SUITE or r.implementation != "synthdata generate":
            continue
        dataset, fmt = r.case.removesuffix(ONE_PROCESS).split()
        base = naive[f"{dataset} {NAIVE_FORMAT[fmt]}"]
        lines.append(
            f"| {r.case} | {r.records:,} | {r.records_per_second:,.0f} | {base.records_per_second:,.0f} | "
            f"{r.records_per_second / base.records_per_second:.0f}x |"
        )
    return "\n".join(lines)
