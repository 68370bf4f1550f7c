"""The engine against a naive per-record Faker loop and a per-record Mimesis implementation, in the same run."""

from __future__ import annotations

from benchmarks.measure import Measurement, Row, in_fresh_process

DATASETS = ("user", "ecommerce", "company")


def engine_bytes(dataset: str, records: int, fmt: str = "csv") -> int:
    """Render the whole file block by block (as the CLI and workers do), counting bytes."""
    from synthdata.engine import get_dataset, iter_rendered_blocks

    total = 0
    for piece, _ in iter_rendered_blocks(
        get_dataset(dataset),
        seed=1,
        locale="en_US",
        fmt=fmt,
        compression=None,
        start=0,
        stop=records,
        total=records,
    ):
        total += len(piece)
    return total


def naive_bytes(dataset: str, records: int) -> int:
    from benchmarks import naive_faker

    return len(naive_faker.render(dataset, records))


def mimesis_bytes(dataset: str, records: int) -> int:
    from benchmarks import mimesis_baseline

    return len(mimesis_baseline.render(records))


def run(quick: bool) -> list[Row]:
    sizes = (10_000,) if quick else (10_000, 100_000, 1_000_000)
    rows: list[Row] = []
    for dataset in DATASETS:
        baseline_sizes = [s for s in sizes if s <= (100_000 if dataset == "user" else 10_000)]
        naive = {
            s: in_fresh_process("benchmarks.engine_suite.naive_bytes", dataset, s) for s in baseline_sizes
        }
        for size, m in naive.items():
            rows.append(Row("engine", "naive Faker loop", f"{dataset} csv", size, m, 1.0))
        if dataset == "user":
            for size in baseline_sizes:
                m = in_fresh_process("benchmarks.engine_suite.mimesis_bytes", dataset, size)
                rows.append(
                    Row(
                        "engine",
                        "Mimesis per record",
                        f"{dataset} csv",
                        size,
                        m,
                        _ratio(m, naive.get(size), size),
                    )
                )
        for size in sizes:
            m = in_fresh_process("benchmarks.engine_suite.engine_bytes", dataset, size)
            rows.append(
                Row("engine", "synthdata engine", f"{dataset} csv", size, m, _ratio(m, naive.get(size), size))
            )
    return rows


def _ratio(measured: Measurement, baseline: Measurement | None, records: int) -> float | None:
    if baseline is None:
        return None
    return (records / measured.seconds) / (records / baseline.seconds)
