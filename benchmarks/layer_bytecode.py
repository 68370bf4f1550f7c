"""The worker's cold start from the built layer, with and without the bytecode it ships:
`make build && python -m benchmarks.layer_bytecode .aws-sam/build/CommonLayer/python`.

Lambda mounts a layer read-only at /opt, so whatever the layer does not ship as bytecode is compiled from
source at every cold start (layers/common/Makefile compiles it at build time). Each round runs the worker's
cold start (imports, Tracer, default locale, first 10,000-row block) in a fresh python3.13, the runtime, with
LAMBDA_TASK_ROOT set as in Lambda and bytecode writing off: once on the built layer, once on a copy of it
without `__pycache__`, alternately; medians reported.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import tempfile
import time
from pathlib import Path

from benchmarks.startup import WORKER

COLD_START = WORKER.format(locale="en_US") + "Tracer()\n"


def python313() -> str:
    """pyenv's newest 3.13 build (a pyenv shim on PATH may not run 3.13), else python3.13 on PATH."""
    root = Path(os.environ.get("PYENV_ROOT", Path.home() / ".pyenv"))
    builds = sorted(root.glob("versions/3.13*/bin/python3.13"))
    found = str(builds[-1]) if builds else shutil.which("python3.13")
    if found is None:
        raise SystemExit("no python3.13 under pyenv or on PATH")
    return found


def run_once(python: str, layer: Path, task_root: Path) -> float:
    env = {
        **os.environ,
        "PYTHONPATH": str(layer),
        "PYTHONDONTWRITEBYTECODE": "1",
        "LAMBDA_TASK_ROOT": str(task_root),
        "AWS_DEFAULT_REGION": "us-east-1",
    }
    start = time.perf_counter()
    subprocess.run([python, "-s", "-c", COLD_START], env=env, check=True, capture_output=True)
    return time.perf_counter() - start


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("layer", type=Path, help="the built layer's python folder")
    parser.add_argument("--rounds", type=int, default=7)
    args = parser.parse_args(argv)
    python = python313()
    with tempfile.TemporaryDirectory() as tmp:
        source_only = Path(tmp) / "python"
        shutil.copytree(args.layer, source_only, ignore=shutil.ignore_patterns("__pycache__"))
        layers = {"as built (with .pyc)": args.layer, "without .pyc": source_only}
        times: dict[str, list[float]] = {label: [] for label in layers}
        for _ in range(args.rounds):
            for label, layer in layers.items():
                times[label].append(run_once(python, layer, Path(tmp)))
    print(f"{args.rounds} rounds, alternating; median (min-max) seconds, process start to exit, {python}")
    for label, values in times.items():
        print(f"{label}: {statistics.median(values):.3f} ({min(values):.3f}-{max(values):.3f})")


if __name__ == "__main__":
    main()
