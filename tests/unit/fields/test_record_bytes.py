"""A template states the most bytes a record can take in each format, from its fields' bounded widths; no record,
however hostile its values, is ever larger."""

from __future__ import annotations

import pytest

from synthdata.engine import (
    BLOCK_ROWS,
    FORMATS,
    estimate_record_bytes,
    get_dataset,
    max_record_bytes,
)
from tests.unit.fields.parents import compiled
from tests.unit.fields.rendering import rendered
from tests.unit.fields.test_templates import every_type

# Every row is as wide as it can be and needs every escape: quotes (CSV), control characters (JSON), formulas.
HOSTILE = [
    {"name": "quotes", "field_type": "constant", "value": '"' * 200},
    {"name": "controls", "field_type": "choice", "values": ["\x01" * 200]},
    {"name": "formula", "field_type": "constant", "value": "=1+2"},
    {"name": "number", "field_type": "constant", "value": -1.5e-10},
    {"name": "both", "field_type": "template", "template": "\x02{quotes}{controls}"},
    {"name": "maybe", "field_type": "integer", "min": -(2**53), "max": -(2**53), "nullable": True},
]


@pytest.mark.parametrize("fmt", FORMATS)
@pytest.mark.parametrize("compression", [None, "gzip"])
def test_no_record_is_larger_than_the_bound(fmt: str, compression: str | None) -> None:
    dataset = compiled(HOSTILE)
    bound = max_record_bytes(dataset, fmt=fmt, compression=compression)
    assert bound is not None
    one_block = len(rendered(dataset, BLOCK_ROWS, fmt=fmt, compression=compression)) / BLOCK_ROWS
    single = len(
        rendered(dataset, 1, fmt=fmt, compression=compression)
    )  # one record, its file's header or brackets included
    assert one_block <= bound and single <= bound + 200
    print(f"\n{fmt} {compression}: bound {bound:,.0f} bytes per record, hostile rows {one_block:,.0f}")


@pytest.mark.parametrize("fmt", FORMATS)
def test_every_type_is_within_its_bound_and_the_sample_estimate_below_it(fmt: str) -> None:
    dataset = compiled(every_type())
    bound = max_record_bytes(dataset, fmt=fmt, compression=None)
    assert bound is not None
    estimate = estimate_record_bytes(dataset, locale="en_US", fmt=fmt, compression=None)
    assert estimate <= bound
    print(f"\n{fmt}: every type, bound {bound:,.0f} bytes per record, sampled estimate {estimate:,.0f}")
    if fmt == "ndjson":  # one record per line
        lines = rendered(dataset, BLOCK_ROWS, fmt=fmt).splitlines()
        assert max(map(len, lines)) + 1 <= bound


def test_built_in_datasets_state_no_bound() -> None:
    assert max_record_bytes(get_dataset("user"), fmt="csv", compression=None) is None
    with pytest.raises(ValueError, match="unknown format"):
        max_record_bytes(get_dataset("user"), fmt="xml", compression=None)
