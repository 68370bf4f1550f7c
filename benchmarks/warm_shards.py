"""CPU per shard in a warm worker, with and without the allocator settings: `python -m benchmarks.warm_shards`.

Each round spawns two fresh processes, one that sets `engine.allocator.keep_freed_buffers()` as the worker's init
does and one that does not, alternating, so the machine's noise falls on both alike. Each process loads en_US (the
worker's init), renders an untimed 1,000-row warm-up, then consecutive 70,000-row shards of a 1,000,000-row
`user` file (the planner's CSV shard size) and reports each shard's CPU-seconds: the first shard is what a cold
container pays, the later ones what a warm container reused for the next message pays.
"""

from __future__ import annotations

import argparse
import statistics
import time

from benchmarks.measure import call_in_fresh_process

SHARD_ROWS = 70_000
JOB_RECORDS = 1_000_000


def shard_seconds(keep_buffers: bool, fmt: str, shards: int) -> list[float]:
    """Runs in a fresh process: the worker's init, a warm-up, then `shards` consecutive shards (CPU-s each)."""
    from synthdata.engine import get_dataset, render_rows
    from synthdata.engine.allocator import keep_freed_buffers
    from synthdata.engine.locale_data import locale_data

    if keep_buffers:
        keep_freed_buffers()
    locale_data("en_US")
    dataset = get_dataset("user")

    def render(start: int, stop: int) -> bytes:
        return render_rows(
            dataset,
            seed=42,
            locale="en_US",
            fmt=fmt,
            compression=None,
            start=start,
            stop=stop,
            total=JOB_RECORDS,
        )

    render(0, 1000)
    seconds = []
    for shard in range(shards):
        started = time.process_time()
        render(shard * SHARD_ROWS, (shard + 1) * SHARD_ROWS)
        seconds.append(time.process_time() - started)
    return seconds


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=4)
    parser.add_argument("--shards", type=int, default=3)
    args = parser.parse_args(argv)
    print("| format | allocator settings | first shard CPU-s | later shards CPU-s (median, min-max) |")
    print("|---|---|---:|---:|")
    for fmt in ("csv", "json"):
        runs: dict[bool, list[list[float]]] = {False: [], True: []}
        for _ in range(args.rounds):
            for keep in (False, True):
                runs[keep].append(call_in_fresh_process(shard_seconds, keep, fmt, args.shards))
        for keep, measured in runs.items():
            first = statistics.median(r[0] for r in measured)
            later = [s for r in measured for s in r[1:]]
            print(
                f"| {fmt} | {'set' if keep else 'glibc defaults'} | {first:.3f} | "
                f"{statistics.median(later):.3f} ({min(later):.3f}-{max(later):.3f}) |"
            )


if __name__ == "__main__":
    main()
