"""Start-up cost, before and after a change, side by side: `python -m benchmarks.startup --before 255db3a`.

Each case is a fresh process timed from spawn to exit (interpreter start included), as a user or a Lambda cold
start pays it. The working tree and the `--before` commit (exported with `git archive` into a temporary
directory) run alternately, round after round, so the machine's noise falls on both alike; medians reported.

Cases: `synthdata generate user -n 100 -o /dev/null`, and the worker's cold start: import what
functions/worker/app.py imports, load the default locale as its init does, render the first 10,000-row block.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tarfile
import tempfile
import time
from io import BytesIO
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]

# As `synthdata generate` runs (the console script and `python -m` end the same way), on any tree --before names.
CLI = (
    "import runpy, sys; sys.argv = ['synthdata', 'generate', 'user', '-n', '100', '-o', '/dev/null']; "
    "runpy.run_module('synthdata.cli', run_name='__main__')"
)
WORKER = """
from aws_lambda_powertools import Logger, Metrics, Tracer
from aws_lambda_powertools.utilities.batch import BatchProcessor, EventType, process_partial_response
from synthdata import aws, wiring
from synthdata.engine.locale_data import DEFAULT_LOCALE, locale_data
from synthdata.jobs.messages import ShardTask
from synthdata.settings import get_settings
from synthdata.engine import get_dataset, render_rows
locale_data(DEFAULT_LOCALE)
render_rows(get_dataset("user"), seed=1, locale={locale!r}, fmt="csv", compression=None, start=0, stop=10000,
            total=10000)
"""
CASES = {
    "CLI: generate user -n 100": CLI,
    "worker cold start: en_US, first 10,000-row block": WORKER.format(locale="en_US"),
    "worker cold start: de_DE, first 10,000-row block": WORKER.format(locale="de_DE"),
}


def export_commit(commit: str, into: Path) -> Path:
    """The tree of a commit as plain files (no checkout of the worktree is touched)."""
    archive = subprocess.run(["git", "archive", commit], cwd=ROOT, capture_output=True, check=True).stdout
    with tarfile.open(fileobj=BytesIO(archive)) as tar:
        tar.extractall(into, filter="data")
    return into


def run_once(tree: Path, code: str) -> float:
    """Seconds from spawning a Python process running `code` against `tree`'s code until it exits."""
    env = {**os.environ, "PYTHONPATH": f"{tree / 'layers' / 'common'}{os.pathsep}{tree}"}
    start = time.perf_counter()
    subprocess.run([sys.executable, "-c", code], env=env, cwd=tree, check=True, capture_output=True)
    return time.perf_counter() - start


def compile_tree(tree: Path) -> None:
    """Bytecode for a tree's modules, as an installed package or the layer has it: an exported tree has none,
    and where PYTHONDONTWRITEBYTECODE is set (this machine) every measured process would compile it from
    source again (~25 ms), so a tree with stale or missing bytecode would read slower than it is."""
    folder = str(tree / "layers" / "common" / "synthdata")
    subprocess.run([sys.executable, "-m", "compileall", "-q", folder], check=True, stdout=subprocess.DEVNULL)


def compare(trees: dict[str, Path], rounds: int) -> dict[str, dict[str, list[float]]]:
    """Every case on every tree, alternating trees inside each round."""
    for tree in trees.values():
        compile_tree(tree)
    times: dict[str, dict[str, list[float]]] = {case: {label: [] for label in trees} for case in CASES}
    for _ in range(rounds):
        for case, code in CASES.items():
            for label, tree in trees.items():
                times[case][label].append(run_once(tree, code))
    return times


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", default="HEAD~1", help="the commit to compare the working tree against")
    parser.add_argument("--rounds", type=int, default=10)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        trees = {
            f"before ({args.before})": export_commit(args.before, Path(tmp)),
            "after (working tree)": ROOT,
        }
        times = compare(trees, args.rounds)
    print(f"{args.rounds} rounds each, alternating; median (min-max) seconds, process start to exit\n")
    print("| case | " + " | ".join(trees) + " | saved |\n|---|" + "---:|" * (len(trees) + 1))
    for case, by_tree in times.items():
        medians = [statistics.median(t) for t in by_tree.values()]
        cells = [f"{statistics.median(t):.3f} ({min(t):.3f}-{max(t):.3f})" for t in by_tree.values()]
        print(f"| {case} | " + " | ".join(cells) + f" | {medians[0] - medians[-1]:.3f} |")


if __name__ == "__main__":
    main()
