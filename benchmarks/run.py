"""`make bench`: every benchmark suite, side by side with its baseline in the same run, as a markdown table.

A suite is a module in benchmarks/ with `run(quick: bool) -> list[Row]`; add it to SUITES. Ratios compare with
the suite's baseline measured in the same run (the machines are shared and noisy: absolute numbers drift).

    python -m benchmarks.run [--quick] [--suite speed --suite engine --suite templates --suite pipeline]
"""

from __future__ import annotations

import argparse
import importlib
import platform
import sys
from datetime import UTC, datetime

from benchmarks.measure import Row

SUITES = {
    "speed": "benchmarks.speed_suite",
    "engine": "benchmarks.engine_suite",
    "templates": "benchmarks.templates_suite",
    "pipeline": "benchmarks.pipeline_suite",
    "references": "benchmarks.references_suite",
}


def table(rows: list[Row]) -> str:
    lines = [
        "| suite | implementation | case | records | seconds | records/s | MB/s | peak RSS MB | ratio |",
        "|---|---|---|---:|---:|---:|---:|---:|---:|",
    ]
    for r in rows:
        ratio = f"{r.ratio:.1f}x" if r.ratio is not None else ""
        lines.append(
            f"| {r.suite} | {r.implementation} | {r.case} | {r.records:,} | {r.measurement.seconds:.2f} | "
            f"{r.records_per_second:,.0f} | {r.mb_per_second:.1f} | {r.measurement.peak_mb:.0f} | {ratio} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--quick", action="store_true", help="small sizes only (a smoke run)")
    parser.add_argument("--suite", action="append", choices=sorted(SUITES), help="run only these suites")
    args = parser.parse_args(argv)
    rows: list[Row] = []
    summaries: list[str] = []
    for name in args.suite or list(SUITES):
        print(f"running suite {name}...", file=sys.stderr, flush=True)
        module = importlib.import_module(SUITES[name])
        suite_rows = module.run(args.quick)
        rows.extend(suite_rows)
        if hasattr(module, "summary"):  # a suite's own second table, printed after the main one
            summaries.append(module.summary(suite_rows))
    print(
        f"Measured {datetime.now(UTC):%Y-%m-%d %H:%M} UTC on {platform.machine()}, "
        f"Python {platform.python_version()}, {'quick' if args.quick else 'full'} run\n"
    )
    print(table(rows))
    for text in summaries:
        print(f"\n{text}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
