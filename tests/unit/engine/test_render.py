"""Files are valid in every format, reproducible, and identical however they are split into shards."""

from __future__ import annotations

import csv
import gzip
import io
import json
import random
from itertools import pairwise

import pytest

from synthdata.engine import BLOCK_ROWS, content_type, get_dataset, preview_records, render_rows

TOTAL = 2 * BLOCK_ROWS + 1234


def render(name: str, fmt: str, compression: str | None, start: int, stop: int, seed: int = 7) -> bytes:
    return render_rows(
        get_dataset(name),
        seed=seed,
        locale="de_DE",
        fmt=fmt,
        compression=compression,
        start=start,
        stop=stop,
        total=TOTAL,
    )


@pytest.mark.parametrize("fmt", ["csv", "json", "ndjson"])
@pytest.mark.parametrize("compression", [None, "gzip"])
def test_shards_concatenate_to_the_whole_file(fmt: str, compression: str | None) -> None:
    whole = render("ecommerce", fmt, compression, 0, TOTAL)
    cuts = [0, BLOCK_ROWS, 2 * BLOCK_ROWS, TOTAL]
    assert b"".join(render("ecommerce", fmt, compression, a, b) for a, b in pairwise(cuts)) == whole
    if compression is None:  # uncompressed ranges may start anywhere
        odd = [0, 777, 15_000, TOTAL]
        assert b"".join(render("ecommerce", fmt, None, a, b) for a, b in pairwise(odd)) == whole


def test_shards_rendered_in_any_order_and_repeatedly_are_identical() -> None:
    cuts = [(0, BLOCK_ROWS), (BLOCK_ROWS, 2 * BLOCK_ROWS), (2 * BLOCK_ROWS, TOTAL)]
    first = {c: render("user", "csv", "gzip", *c) for c in cuts}
    shuffled = cuts[:]
    random.Random(3).shuffle(shuffled)
    assert {c: render("user", "csv", "gzip", *c) for c in shuffled} == first


def test_same_seed_same_bytes_other_seed_other_bytes() -> None:
    assert render("company", "json", None, 0, 500) == render("company", "json", None, 0, 500)
    assert render("company", "json", None, 0, 500) != render("company", "json", None, 0, 500, seed=8)


@pytest.mark.parametrize("name", ["user", "ecommerce", "company"])
def test_each_format_parses_with_the_fields_in_order(name: str) -> None:
    fields = [f.name for f in get_dataset(name).fields]
    table = list(csv.reader(io.StringIO(render(name, "csv", None, 0, TOTAL).decode("utf-8"), newline="")))
    assert table[0] == fields and len(table) == TOTAL + 1 and all(len(r) == len(fields) for r in table)
    records = json.loads(gzip.decompress(render(name, "json", "gzip", 0, TOTAL)))
    assert len(records) == TOTAL and list(records[0]) == fields
    lines = render(name, "ndjson", None, 0, TOTAL).decode().splitlines()
    assert len(lines) == TOTAL and list(json.loads(lines[-1])) == fields


def test_json_types_are_native() -> None:
    record = json.loads(render("user", "json", None, 0, TOTAL))[0]
    assert isinstance(record["age"], int) and isinstance(record["is_active"], bool)
    assert isinstance(record["salary"], int) and record["created_at"].endswith("Z")
    order = json.loads(render("ecommerce", "json", None, 0, TOTAL))
    assert any(o["delivered_date"] is None for o in order) and isinstance(order[0]["total_amount"], float)


def test_csv_nulls_are_empty_fields() -> None:
    rows = list(csv.DictReader(io.StringIO(render("company", "csv", None, 0, 2000).decode(), newline="")))
    private = [r for r in rows if r["company_type"] != "public"]
    assert private and all(r["market_cap"] == "" and r["stock_symbol"] == "" for r in private)


def test_preview_equals_the_first_rows_of_the_file() -> None:
    records = preview_records(get_dataset("user"), seed=7, locale="de_DE", count=25)
    assert records == json.loads(render("user", "json", None, 0, TOTAL))[:25]


def test_content_types() -> None:
    assert content_type("csv", None) == ("text/csv; charset=utf-8", None, "csv")
    assert content_type("ndjson", "gzip") == ("application/x-ndjson", "gzip", "ndjson.gz")


def test_bad_ranges_and_formats_are_refused() -> None:
    with pytest.raises(ValueError, match="bad row range"):
        render("user", "csv", None, 10, 5)
    with pytest.raises(ValueError, match="block boundary"):
        render("user", "csv", "gzip", 5, 10)
    with pytest.raises(ValueError, match="unknown format"):
        render("user", "xml", None, 0, 10)
