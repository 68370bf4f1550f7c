"""Records/s of a dataset in a format, before and after a change, side by side: `python -m benchmarks.throughput --before main`.

Each measurement is a fresh process against one tree's code: an untimed warm-up of one whole 10,000-record block
(imports and per-process tables, as a warm Lambda has them; a short piece's columns skip the tables a block
builds, so a 1,000-record warm-up left their building in the timed render, ~5-7% of 200,000 records), then the
timed render of `--records` records block by block, as the CLI and workers render. The `--before` commit (exported with `git archive`) and the working tree alternate
inside each round, their order flipping from round to round, so the machine's noise falls on both alike.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

from benchmarks.startup import ROOT, export_commit

RENDER = """
import sys, time
from synthdata.engine import get_dataset, iter_rendered_blocks

def render(dataset, locale, n):
    blocks = iter_rendered_blocks(get_dataset(dataset), seed=1, locale=locale, fmt=fmt, compression=None,
                                  start=0, stop=n, total=n)
    return sum(len(piece) for piece, _ in blocks)

dataset, locale, records, fmt = sys.argv[1], sys.argv[2], int(sys.argv[3]), sys.argv[4]
render(dataset, locale, 10_000)
started = time.perf_counter()
render(dataset, locale, records)
print(records / (time.perf_counter() - started))
"""


def records_per_second(tree: Path, dataset: str, locale: str, records: int, fmt: str = "csv") -> float:
    env = {**os.environ, "PYTHONPATH": f"{tree / 'layers' / 'common'}{os.pathsep}{tree}"}
    out = subprocess.run(
        [sys.executable, "-c", RENDER, dataset, locale, str(records), fmt],
        env=env,
        cwd=tree,
        check=True,
        capture_output=True,
        text=True,
    )
    return float(out.stdout)


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--before", default="main", help="the commit to compare the working tree against")
    parser.add_argument("--dataset", default="user", help="user, ecommerce or company")
    parser.add_argument("--format", default="csv", help="csv, tsv, json, ndjson or sql")
    parser.add_argument("--locale", action="append", help="repeatable; default en_US")
    parser.add_argument("--records", type=int, default=200_000)
    parser.add_argument("--rounds", type=int, default=3)
    args = parser.parse_args(argv)
    locales = args.locale or ["en_US"]
    with tempfile.TemporaryDirectory() as tmp:
        trees = {"before": export_commit(args.before, Path(tmp)), "after": ROOT}
        rates: dict[tuple[str, str], list[float]] = {}
        for round_index in range(args.rounds):
            order = list(trees.items()) if round_index % 2 == 0 else list(reversed(trees.items()))
            for locale in locales:
                for label, tree in order:
                    rate = records_per_second(tree, args.dataset, locale, args.records, args.format)
                    rates.setdefault((locale, label), []).append(rate)
    print(
        f"{args.dataset} {args.format.upper()}, {args.records:,} records, {args.rounds} rounds alternating; median records/s\n"
    )
    print(
        f"| locale | before ({args.before}) | after (working tree) | after / before | rounds before | rounds after |"
    )
    print("|---|---:|---:|---:|---|---|")
    for locale in locales:
        before, after = rates[(locale, "before")], rates[(locale, "after")]
        ratio = statistics.median(after) / statistics.median(before)
        print(
            f"| {locale} | {statistics.median(before):,.0f} | {statistics.median(after):,.0f} | {ratio:.3f} | "
            f"{', '.join(f'{r:,.0f}' for r in before)} | {', '.join(f'{r:,.0f}' for r in after)} |"
        )


if __name__ == "__main__":
    main()
