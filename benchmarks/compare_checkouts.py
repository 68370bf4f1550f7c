"""Records/s of one dataset's CSV from two checkouts of the project, side by side in the same run.

For a change's "within N% of before" rule: the baseline is another checkout (e.g. `git archive main` unpacked
in /tmp), the candidate this one. Each round renders the file once per checkout in a fresh process, the two
alternating so the shared machine's noise hits both alike; the median of the rounds is reported.

    python -m benchmarks.compare_checkouts --baseline /tmp/synthdata-main [--dataset user] [--locale en_US]
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
from pathlib import Path

_RENDER = """
import time
from synthdata.engine import get_dataset, iter_rendered_blocks
start, cpu = time.perf_counter(), time.process_time()
for _ in iter_rendered_blocks(get_dataset({dataset!r}), seed=1, locale={locale!r}, fmt="csv",
                              compression=None, start=0, stop={records}, total={records}):
    pass
print(time.perf_counter() - start, time.process_time() - cpu)
"""


def seconds(checkout: Path, dataset: str, locale: str, records: int) -> tuple[float, float]:
    """Wall and CPU time to render the file with the checkout's engine, in a fresh process (data files read
    first). CPU time is the steadier figure on a machine shared with other work."""
    warm = f"from synthdata.engine.locale_data import locale_data; locale_data({locale!r})\n"
    code = warm + _RENDER.format(dataset=dataset, locale=locale, records=records)
    env = {**os.environ, "PYTHONPATH": str(checkout / "layers" / "common")}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    wall, cpu = out.stdout.strip().splitlines()[-1].split()
    return float(wall), float(cpu)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--baseline", type=Path, required=True, help="the other checkout's root")
    parser.add_argument("--candidate", type=Path, default=Path(__file__).resolve().parent.parent)
    parser.add_argument("--dataset", default="user")
    parser.add_argument("--locale", default="en_US")
    parser.add_argument("--records", type=int, default=200_000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    runs: dict[str, list[tuple[float, float]]] = {"baseline": [], "candidate": []}
    for _ in range(args.rounds):
        for name in runs:
            runs[name].append(seconds(getattr(args, name), args.dataset, args.locale, args.records))
    print(f"{args.dataset} CSV, {args.locale}, {args.records:,} records, median of {args.rounds} rounds")
    rates: dict[str, tuple[float, float]] = {}
    for name, times in runs.items():
        wall, cpu = (args.records / statistics.median(t[i] for t in times) for i in (0, 1))
        rates[name] = (wall, cpu)
        rounds = ", ".join(f"{w:.2f}/{c:.2f} s" for w, c in times)
        print(f"  {name}: {wall:,.0f} records/s wall, {cpu:,.0f} records/s CPU (wall/CPU: {rounds})")
    for i, kind in enumerate(("wall", "CPU")):
        print(f"  candidate / baseline ({kind}): {rates['candidate'][i] / rates['baseline'][i]:.3f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
