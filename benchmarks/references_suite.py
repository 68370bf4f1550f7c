"""An ecommerce file whose customers are another job's users against the same file without references, in the
same run: what recomputing the parent's rows (never downloading its file) costs.

    python -m benchmarks.run --suite references        (100,000 orders of a 10,000-user job, 3 rounds each)
"""

from __future__ import annotations

from benchmarks.measure import Measurement, Row, in_fresh_process

USERS = 10_000
ROUNDS = 3
_PARENT_ID = "5d0c8a52-9a6e-4b8e-8a53-3c1f0e2d9b71"


def orders_bytes(referring: bool, records: int) -> int:
    """Render the orders file block by block (as the workers do), counting bytes."""
    from synthdata.engine import iter_rendered_blocks
    from synthdata.jobs.job import JobSpec
    from synthdata.jobs.sources import dataset_for

    users = {"data_type": "user", "seed": 7, "locale": "en_US", "record_count": USERS, "options": {}}
    options = {"parents": {_PARENT_ID: users}, "references": {"customers": _PARENT_ID}} if referring else {}
    spec = JobSpec(records, "csv", seed=1, locale="en_US", data_type="ecommerce", options=options)
    pieces = iter_rendered_blocks(
        dataset_for(spec),
        seed=spec.seed,
        locale=spec.locale,
        fmt="csv",
        compression=None,
        start=0,
        stop=records,
        total=records,
        options=options,
    )
    return sum(len(piece) for piece, _ in pieces)


def _median(measurements: list[Measurement]) -> Measurement:
    return sorted(measurements, key=lambda m: m.seconds)[len(measurements) // 2]


def run(quick: bool) -> list[Row]:
    records = 100_000
    rounds = 1 if quick else ROUNDS
    plain: list[Measurement] = []
    referring: list[Measurement] = []
    for _ in range(rounds):  # interleaved, so both see the same load
        plain.append(in_fresh_process("benchmarks.references_suite.orders_bytes", False, records))
        referring.append(in_fresh_process("benchmarks.references_suite.orders_bytes", True, records))
    base, refs = _median(plain), _median(referring)
    return [
        Row("references", "ecommerce, own customers", "ecommerce csv", records, base, 1.0),
        Row(
            "references",
            f"ecommerce, customers of a {USERS:,}-user job",
            "ecommerce csv",
            records,
            refs,
            base.seconds / refs.seconds,  # records/s against the baseline, as the other suites
        ),
    ]
