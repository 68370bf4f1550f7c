"""`user` CSV records per second of this checkout against another one (e.g. main), side by side in one run.

    python -m benchmarks.versus_checkout /tmp/main-checkout [records] [rounds]

Each round renders the file once per checkout, each in a fresh interpreter whose import path is that checkout's
layer, alternating so that load on the machine hits both alike; the median of the rounds is reported.
"""

from __future__ import annotations

import statistics
import subprocess
import sys
from pathlib import Path

_RENDER = """
import sys, time
from synthdata.engine import get_dataset, iter_rendered_blocks
n = int(sys.argv[1])
start = time.perf_counter()
size = sum(len(p) for p, _ in iter_rendered_blocks(get_dataset("user"), seed=1, locale="en_US", fmt="csv",
                                                    compression=None, start=0, stop=n, total=n))
print(n / (time.perf_counter() - start), size)
"""


def records_per_second(checkout: Path, records: int) -> float:
    """One render of `records` user rows as CSV in a fresh interpreter importing from `checkout`."""
    layer = checkout / "layers" / "common"
    out = subprocess.run(
        [sys.executable, "-c", _RENDER, str(records)],
        env={"PYTHONPATH": str(layer), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=True,
    ).stdout
    return float(out.split()[0])


def main() -> None:
    baseline = Path(sys.argv[1])
    records = int(sys.argv[2]) if len(sys.argv) > 2 else 100_000
    rounds = int(sys.argv[3]) if len(sys.argv) > 3 else 3
    here = Path(__file__).resolve().parents[1]
    runs: dict[str, list[float]] = {"baseline": [], "this checkout": []}
    for _ in range(rounds):
        runs["baseline"].append(records_per_second(baseline, records))
        runs["this checkout"].append(records_per_second(here, records))
    medians = {name: statistics.median(values) for name, values in runs.items()}
    for name, values in runs.items():
        print(f"{name}: median {medians[name]:,.0f} records/s over {', '.join(f'{v:,.0f}' for v in values)}")
    print(f"ratio this/baseline: {medians['this checkout'] / medians['baseline']:.3f}")


if __name__ == "__main__":
    main()
