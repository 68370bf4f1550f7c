"""References computed, not downloaded: a child's referenced values are the parent's generated rows, drawn
uniformly or skewed, from at most PARENT_BLOCKS_PER_BLOCK parent blocks per child block, split-invariant."""

from __future__ import annotations

import csv
import io
from itertools import pairwise
from typing import Any

import numpy as np
import pytest

from synthdata.engine import BLOCK_ROWS, render_rows
from synthdata.engine.references import PARENT_BLOCKS_PER_BLOCK, Parent, parent_rows
from synthdata.errors import ValidationFailed
from synthdata.fields import compile_template
from synthdata.jobs.job import JobSpec
from synthdata.jobs.sources import dataset_for
from tests.conftest import Figure

USERS = {"data_type": "user", "seed": 7, "locale": "en_US", "record_count": 15_000, "options": {}}
PARENT_ID = "5d0c8a52-9a6e-4b8e-8a53-3c1f0e2d9b71"


def orders(record_count: int, **extra: Any) -> JobSpec:
    options = {"parents": {PARENT_ID: USERS}, "references": {"customers": PARENT_ID}, **extra}
    return JobSpec(record_count, "csv", seed=9, locale="en_US", data_type="ecommerce", options=options)


def rendered(spec: JobSpec, start: int = 0, stop: int | None = None) -> bytes:
    return render_rows(
        dataset_for(spec),
        seed=spec.seed,
        locale=spec.locale,
        fmt=spec.output_format,
        compression=None,
        start=start,
        stop=stop or spec.record_count,
        total=spec.record_count,
        options=spec.options,
    )


def rows(spec: JobSpec) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(rendered(spec).decode())))


def users() -> dict[str, dict[str, str]]:
    spec = JobSpec(15_000, "csv", seed=7, locale="en_US", data_type="user")
    return {row["id"]: row for row in rows(spec)}


def test_every_order_is_a_row_of_the_user_file_with_its_email_and_address() -> None:
    people = users()
    made = rows(orders(25_000))
    assert all(order["customer_id"] in people for order in made)
    assert all(people[o["customer_id"]]["email"] == o["customer_email"] for o in made)
    person = people[made[0]["customer_id"]]
    address = f"{person['street_address']}, {person['city']}, {person['state']} {person['postal_code']}"
    assert made[0]["shipping_address"] == address
    # Both blocks of the parent (the last one cut short at 5,000 rows) are drawn from.
    positions = {index for index, key in enumerate(people) if key in {o["customer_id"] for o in made}}
    assert min(positions) < 100 and max(positions) >= BLOCK_ROWS


def test_references_change_the_customers_only() -> None:
    plain = JobSpec(12_000, "csv", seed=9, locale="en_US", data_type="ecommerce")
    referring = orders(12_000)
    customer = {"customer_id", "customer_email", "shipping_address"}
    for a, b in zip(rows(plain), rows(referring), strict=True):
        assert {k: v for k, v in a.items() if k not in customer} == {
            k: v for k, v in b.items() if k not in customer
        }


@pytest.mark.parametrize("cut", [1, 4_321, BLOCK_ROWS + 17])
def test_a_referring_file_is_the_same_however_it_is_split(cut: int) -> None:
    spec = orders(2 * BLOCK_ROWS + 500)
    cuts = (0, cut, spec.record_count)
    assert b"".join(rendered(spec, a, b) for a, b in pairwise(cuts)) == rendered(spec)


def _parent(record_count: int) -> Parent:
    dataset = compile_template([{"name": "id", "field_type": "uuid"}, {"name": "t0", "field_type": "word"}])
    return Parent(PARENT_ID, dataset, seed=1, locale="en_US", record_count=record_count)


def test_a_child_block_draws_from_at_most_the_window_of_parent_blocks_and_all_are_drawn() -> None:
    parent = _parent(100 * BLOCK_ROWS)
    seen: set[int] = set()
    for block in range(200):
        drawn = parent_rows(parent, seed=3, block_index=block, stream="s", size=BLOCK_ROWS)
        blocks = set((drawn // BLOCK_ROWS).tolist())
        assert len(blocks) <= PARENT_BLOCKS_PER_BLOCK and drawn.max() < parent.record_count
        seen |= blocks
    assert (
        len(seen) >= 95
    )  # the windows of 200 child blocks cover (almost) every one of the 100 parent blocks


def _top_share(counts: np.ndarray, share: float = 0.01) -> float:
    top = np.sort(counts)[::-1][: max(1, int(len(counts) * share))]
    return float(top.sum() / counts.sum())


def test_skewed_draws_give_a_few_parents_many_children_and_uniform_ones_do_not(figure: Figure) -> None:
    parent = _parent(3 * BLOCK_ROWS)
    counts = {}
    for name, skew in (("uniform", None), ("skewed 1.1", 1.1), ("skewed 2.0", 2.0)):
        drawn = np.concatenate(
            [
                parent_rows(parent, seed=3, block_index=b, stream="s", size=BLOCK_ROWS, skew=skew)
                for b in range(30)
            ]
        )
        counts[name] = np.bincount(drawn, minlength=parent.record_count)
    shares = {name: _top_share(c) for name, c in counts.items()}
    assert shares["uniform"] < 0.02 < 0.2 < shares["skewed 1.1"] < shares["skewed 2.0"]
    # Uniform: each parent block gets its third of the 300,000 children (within 15%: a child block's rows share
    # a window of two parent blocks, so the blocks' counts vary more than independent draws would).
    per_block = counts["uniform"].reshape(3, BLOCK_ROWS).sum(axis=1)
    assert np.all(np.abs(per_block - 100_000) < 15_000)
    figure(
        "references",
        "share of 300,000 children held by the top 1% of 30,000 parents: "
        + ", ".join(f"{name} {share:.1%}" for name, share in shares.items()),
    )


def test_a_parent_without_the_columns_or_a_dataset_without_the_reference_is_named() -> None:
    words = {**USERS, "data_type": None, "template_schema": [{"name": "id", "field_type": "word"}]}
    spec = JobSpec(
        100,
        "csv",
        seed=1,
        locale="en_US",
        data_type="ecommerce",
        options={"parents": {PARENT_ID: words}, "references": {"customers": PARENT_ID}},
    )
    with pytest.raises(ValidationFailed) as caught:
        dataset_for(spec)
    assert [p.field for p in caught.value.details] == ["references.customers"]
    assert "has no email column" in caught.value.details[0].message
    user_job = JobSpec(100, "csv", seed=1, locale="en_US", data_type="user", options=orders(1).options)
    with pytest.raises(ValidationFailed) as caught:
        dataset_for(user_job)
    assert caught.value.details[0].message == (
        "references.customers: user has no reference named customers (user takes none)"
    )


def test_a_reference_field_costs_the_parent_blocks_it_regenerates() -> None:
    wide = [{"name": f"t{i}", "field_type": "sentence", "words": 10} for i in range(10)]
    wide_dataset = compile_template(wide)
    parent = Parent(PARENT_ID, wide_dataset, seed=1, locale="en_US", record_count=BLOCK_ROWS)
    field = {"name": "ref", "field_type": "reference", "job_id": PARENT_ID, "column": "t0"}
    cheap = compile_template([field], parents={PARENT_ID: _parent(BLOCK_ROWS)})
    dear = compile_template([field], parents={PARENT_ID: parent})
    from synthdata.fields.budget import row_cost

    parent_cost = row_cost(wide_dataset.field_models)
    assert (
        row_cost(dear.field_models)
        >= row_cost(cheap.field_models) + PARENT_BLOCKS_PER_BLOCK * parent_cost - 100
    )
    many = [{**field, "name": f"ref{i}"} for i in range(1500 // (PARENT_BLOCKS_PER_BLOCK * parent_cost) + 1)]
    with pytest.raises(ValidationFailed) as caught:
        compile_template(many, parents={PARENT_ID: parent})
    assert caught.value.details[0].field.startswith("schema_fields[")
    assert "units of work" in caught.value.message
    compile_template(many[:-1], parents={PARENT_ID: _parent(BLOCK_ROWS)})  # the same fields on a cheap parent
