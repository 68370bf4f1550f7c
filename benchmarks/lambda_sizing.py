"""The worker's memory size and shard size from measurement, the way Lambda power tuning chooses them.

    python -m benchmarks.lambda_sizing [--rounds 3] [--datasets user,ecommerce,company]

Measured here, each case in a fresh spawned process per round (medians reported): the CPU-seconds to render one
shard (rows [0, rows) of a 1,000,000-row file, after the worker's init and an untimed 1,000-row warm-up), the
shard's bytes, the process's peak RSS (`ru_maxrss`, nothing subtracted) and its RSS after imports and the
locale's vocabularies (the baseline a warm container starts a shard from).

Modelled: Lambda gives a function min(1, memory / 1,769 MB) of one vCPU to a single thread (1,769 MB is one full
vCPU; more memory adds vCPUs one thread cannot use), so a shard takes CPU-seconds / share + bytes / upload rate,
and costs duration x GB x price + one request. Upload rate, core speed and prices come from
benchmarks/aws_model.py. A size is feasible when peak RSS x 1.5 fits it and a shard takes at most a third of the
worker's timeout (room for a slower vCPU than this machine's, and for the widest template rows).
"""

from __future__ import annotations

import argparse
import math
import resource
import statistics
import time
from dataclasses import dataclass

from benchmarks.aws_model import ASSUMPTIONS, PRICES
from benchmarks.measure import call_in_fresh_process
from synthdata.jobs.planning import MAX_SHARD_BYTES

JOB_RECORDS = 1_000_000
SHARD_ROWS = (20_000, 60_000, 100_000)  # block-aligned (BLOCK_ROWS = 10,000)
ENCODINGS = {"CSV": ("csv", None), "JSON": ("json", None), "gzip CSV": ("csv", "gzip")}
MEMORY_MB = (512, 1024, 1536, 1769, 2048, 3008)
FULL_VCPU_MB = 1769  # AWS: at 1,769 MB a function has the equivalent of one vCPU
HEADROOM = 1.5  # peak RSS x this must fit the memory size
WORKER_TIMEOUT_S = 300  # template.yaml WorkerFunction Timeout
TIMEOUT_SHARE = 1 / 3  # "well within" the timeout
NEAR_CHEAPEST = 1.10  # the fastest size costing at most 10% more than the cheapest


@dataclass(frozen=True)
class ShardProfile:
    cpu_s: float
    wall_s: float
    bytes: int
    peak_mb: float
    baseline_mb: float


@dataclass(frozen=True)
class SizeOption:
    memory_mb: int
    duration_s: float
    cost_per_job: float  # dollars per JOB_RECORDS records: Lambda duration and requests
    feasible: bool


def _rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def profile_shard(dataset_name: str, fmt: str, compression: str | None, rows: int) -> ShardProfile:
    """Runs in a fresh process: the worker's imports and init, then one shard rendered and measured."""
    from synthdata.engine import get_dataset, render_rows
    from synthdata.engine.allocator import keep_freed_buffers
    from synthdata.engine.locale_data import locale_data

    keep_freed_buffers()  # the worker's init phase sets the allocator and loads the default locale
    locale_data("en_US")
    baseline = _rss_mb()
    dataset = get_dataset(dataset_name)

    def render(stop: int) -> bytes:
        return render_rows(
            dataset,
            seed=42,
            locale="en_US",
            fmt=fmt,
            compression=compression,
            start=0,
            stop=stop,
            total=JOB_RECORDS,
        )

    render(1000)  # per-dataset caches, paid once per container
    cpu, wall = time.process_time(), time.perf_counter()
    body = render(rows)
    cpu, wall = time.process_time() - cpu, time.perf_counter() - wall
    return ShardProfile(cpu, wall, len(body), _rss_mb(), baseline)


def measure_case(dataset: str, encoding: str, rows: int, rounds: int) -> ShardProfile:
    """Medians over `rounds` fresh processes, field by field."""
    fmt, compression = ENCODINGS[encoding]
    runs = [call_in_fresh_process(profile_shard, dataset, fmt, compression, rows) for _ in range(rounds)]
    return ShardProfile(
        statistics.median(r.cpu_s for r in runs),
        statistics.median(r.wall_s for r in runs),
        int(statistics.median(r.bytes for r in runs)),
        statistics.median(r.peak_mb for r in runs),
        statistics.median(r.baseline_mb for r in runs),
    )


def size_options(shard: ShardProfile, rows: int) -> list[SizeOption]:
    """Duration and cost of a 1M-record job's shards at each memory size."""
    shards = math.ceil(JOB_RECORDS / rows)
    cpu_on_lambda = shard.cpu_s / ASSUMPTIONS["lambda_core_vs_here"]
    upload_s = shard.bytes / 1e6 / ASSUMPTIONS["upload_mb_per_s"]
    options = []
    for memory in MEMORY_MB:
        duration = cpu_on_lambda / min(1.0, memory / FULL_VCPU_MB) + upload_s
        cost = shards * (duration * memory / 1024 * PRICES["lambda_gb_second"] + PRICES["lambda_request"])
        feasible = shard.peak_mb * HEADROOM <= memory and duration <= WORKER_TIMEOUT_S * TIMEOUT_SHARE
        options.append(SizeOption(memory, duration, cost, feasible))
    return options


def cheapest_and_fastest(options: list[SizeOption]) -> tuple[SizeOption, SizeOption]:
    """The cheapest feasible size, and the fastest feasible one costing at most 10% more."""
    feasible = [o for o in options if o.feasible]
    cheapest = min(feasible, key=lambda o: o.cost_per_job)
    near = [o for o in feasible if o.cost_per_job <= cheapest.cost_per_job * NEAR_CHEAPEST]
    return cheapest, min(near, key=lambda o: (o.duration_s, o.cost_per_job))


def print_case(label: str, shard: ShardProfile, options: list[SizeOption]) -> None:
    cheapest, fastest = cheapest_and_fastest(options)
    print(
        f"\n### {label}: {shard.cpu_s:.3f} CPU-s, {shard.bytes / 1e6:.1f} MB, "
        f"peak RSS {shard.peak_mb:.0f} MB (after imports {shard.baseline_mb:.0f} MB)\n"
    )
    print("| memory MB | duration per shard s | $ per 1M records | feasible |")
    print("|---:|---:|---:|---|")
    for o in options:
        print(
            f"| {o.memory_mb} | {o.duration_s:.3f} | {o.cost_per_job:.6f} | {'yes' if o.feasible else 'no'} |"
        )
    print(f"\ncheapest: {cheapest.memory_mb} MB; fastest within 10% of it: {fastest.memory_mb} MB")


def print_summary(results: list[tuple[str, int, ShardProfile, list[SizeOption]]]) -> None:
    print(
        "\n## Summary\n\n| case | rows | CPU-s | CPU/wall | MB | peak RSS MB | after imports MB | "
        "RSS growth / shard MB | cheapest | fastest within 10% | $ at 2048 / cheapest |"
    )
    print("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for label, rows, shard, options in results:
        cheapest, fastest = cheapest_and_fastest(options)
        at_2048 = next(o for o in options if o.memory_mb == 2048)
        growth = (shard.peak_mb - shard.baseline_mb) / (shard.bytes / 1e6)
        print(
            f"| {label} | {rows:,} | {shard.cpu_s:.3f} | {shard.cpu_s / shard.wall_s:.2f} | "
            f"{shard.bytes / 1e6:.1f} | {shard.peak_mb:.0f} | {shard.baseline_mb:.0f} | {growth:.2f} | "
            f"{cheapest.memory_mb} | {fastest.memory_mb} | {at_2048.cost_per_job / cheapest.cost_per_job:.2f}x |"
        )


def print_worst_case(results: list[tuple[str, int, ShardProfile, list[SizeOption]]]) -> None:
    """A template shard at MAX_SHARD_BYTES: peak RSS extrapolated along the line through the two largest shards."""
    print(f"\n## Widest template shard ({MAX_SHARD_BYTES / 2**20:.0f} MiB), extrapolated\n")
    print("| case | RSS MB per shard MB | peak RSS MB (estimate) | x 1.5 | smallest size that fits |")
    print("|---|---:|---:|---:|---:|")
    by_case: dict[str, list[ShardProfile]] = {}
    for label, _, shard, _ in results:
        by_case.setdefault(label, []).append(shard)
    for label, shards in by_case.items():
        if "gzip" in label or len(shards) < 2:
            continue  # the cap is on uncompressed width; gzip shards are smaller
        small, large = sorted(shards, key=lambda s: s.bytes)[-2:]
        slope = (large.peak_mb - small.peak_mb) / ((large.bytes - small.bytes) / 1e6)
        peak = large.peak_mb + slope * (MAX_SHARD_BYTES - large.bytes) / 1e6
        fits = next((m for m in MEMORY_MB if peak * HEADROOM <= m), None)
        print(f"| {label} | {slope:.2f} | {peak:.0f} | {peak * HEADROOM:.0f} | {fits or 'none'} |")


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--datasets", default="user,ecommerce,company")
    args = parser.parse_args(argv)
    results = []
    for dataset in args.datasets.split(","):
        for encoding in ENCODINGS:
            for rows in SHARD_ROWS:
                shard = measure_case(dataset, encoding, rows, args.rounds)
                options = size_options(shard, rows)
                label = f"{dataset} {encoding}, {rows:,} rows"
                print_case(label, shard, options)
                results.append((f"{dataset} {encoding}", rows, shard, options))
    print_summary(results)
    print_worst_case(results)
    print(f"\nAssumptions (benchmarks/aws_model.py): {ASSUMPTIONS}\nPrices (USD): {PRICES}")


if __name__ == "__main__":
    main()
