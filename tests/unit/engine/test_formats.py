"""TSV and SQL files and the writer options: split-invariant like every format, escaped for their readers, and
the SQL file loads into SQLite as it is."""

from __future__ import annotations

import csv
import gzip
import io
import json
import sqlite3
import time
from itertools import pairwise
from typing import Any

import pytest

from synthdata.engine import BLOCK_ROWS, Dataset, FormatOptions, content_type, get_dataset, max_record_bytes
from synthdata.fields import compile_template
from tests.conftest import Figure
from tests.unit.fields.rendering import rendered

TOTAL = 2 * BLOCK_ROWS + 1234
AWKWARD = ["O'Brien", "back\\slash", "tab\there", "line\nbreak", 'say "hi"', "a;b|c,d", "=1+2", "plain"]
TRICKY: list[dict[str, Any]] = [
    {"name": "id", "field_type": "sequence"},
    {"name": "text", "field_type": "choice", "values": AWKWARD, "nullable": True, "null_rate": 0.3},
    {"name": "flag", "field_type": "boolean", "nullable": True, "null_rate": 0.2},
    {"name": "amount", "field_type": "decimal", "nullable": True, "null_rate": 0.1},
    {"name": "day", "field_type": "date"},
    {"name": "at", "field_type": "datetime"},
]
SQLITE = {"sql_dialect": "sqlite"}


def render(source: Dataset | str, fmt: str, stop: int, **kwargs: Any) -> bytes:
    dataset = get_dataset(source) if isinstance(source, str) else source
    return rendered(dataset, stop, fmt=fmt, seed=kwargs.pop("seed", 7), **kwargs)


def load(sql: bytes, table: str = "records") -> list[tuple[Any, ...]]:
    database = sqlite3.connect(":memory:")
    database.executescript(sql.decode())
    return database.execute(f'SELECT * FROM "{table}" ORDER BY rowid').fetchall()


@pytest.mark.parametrize(
    ("fmt", "options"),
    [
        ("tsv", None),
        ("sql", None),
        ("sql", {"rows_per_insert": 1000, "sql_dialect": "mysql"}),
        ("sql", SQLITE),
    ],
)
@pytest.mark.parametrize("compression", [None, "gzip"])
def test_shards_concatenate_to_the_whole_file(fmt: str, options: Any, compression: str | None) -> None:
    def part(start: int, stop: int) -> bytes:
        return render(
            "ecommerce", fmt, stop, start=start, total=TOTAL, compression=compression, options=options
        )

    whole = part(0, TOTAL)
    cuts = [0, BLOCK_ROWS, 2 * BLOCK_ROWS, TOTAL]
    assert b"".join(part(a, b) for a, b in pairwise(cuts)) == whole
    if compression is None:  # uncompressed ranges may start anywhere, even inside a statement
        odd = [0, 777, 15_001, TOTAL]
        assert b"".join(part(a, b) for a, b in pairwise(odd)) == whole
    else:
        assert gzip.decompress(whole) == render("ecommerce", fmt, TOTAL, total=TOTAL, options=options)


def test_a_user_file_of_each_dialect_quotes_its_own_way_and_loads() -> None:
    files = {
        d: render("user", "sql", 100_000, options={"sql_dialect": d})
        for d in ("postgresql", "mysql", "sqlite")
    }
    for dialect, text in files.items():
        lines = text.decode().splitlines()
        inserts = [line for line in lines if line.startswith("INSERT INTO")]
        assert len(inserts) == 1_000 and lines[-1].endswith(");"), dialect
        quote = "`" if dialect == "mysql" else '"'
        assert inserts[0].startswith(f"INSERT INTO {quote}records{quote} ({quote}id{quote},")
        true, false = ("1", "0") if dialect == "sqlite" else ("TRUE", "FALSE")
        assert lines[-1].endswith(f",{true});") or lines[-1].endswith(f",{false});")
    # SQLite reads all three (it accepts backticks, TRUE/FALSE and the type names); the values agree.
    rows = {dialect: load(text) for dialect, text in files.items()}
    assert len(rows["sqlite"]) == 100_000
    assert rows["postgresql"] == rows["sqlite"]
    at = [f.name for f in get_dataset("user").fields].index("created_at")
    assert [r[:at] for r in rows["mysql"]] == [r[:at] for r in rows["sqlite"]]
    assert rows["mysql"][0][at] == rows["sqlite"][0][at].replace("T", " ").removesuffix("Z")


@pytest.mark.parametrize("source", ["user", "ecommerce", "company"])
def test_a_sqlite_file_of_each_built_in_loads_as_it_is(source: str) -> None:
    assert len(load(render(source, "sql", 12_345, options=SQLITE))) == 12_345


@pytest.mark.parametrize("dialect", ["postgresql", "sqlite", "mysql"])
def test_nulls_quotes_and_booleans_come_back_as_they_were(dialect: str) -> None:
    template = compile_template(TRICKY)
    options = {"sql_dialect": dialect, "table_name": "Tricky_1", "rows_per_insert": 10}
    rows = load(render(template, "sql", 3_001, options=options), "Tricky_1")
    expected = [json.loads(line) for line in render(template, "ndjson", 3_001).decode().splitlines()]
    if dialect == "mysql":  # its backslashes are doubled, which SQLite keeps
        rows = [(r[0], r[1] and r[1].replace("\\\\", "\\"), *r[2:5], r[5]) for r in rows]
        expected = [{**e, "at": e["at"].replace("T", " ").removesuffix("Z")} for e in expected]
    assert rows == [tuple(e.values()) for e in expected]
    assert {r[1] for r in rows} == {*AWKWARD, None} and {r[2] for r in rows} == {0, 1, None}


def test_tsv_escaping_round_trips_and_the_header_is_optional() -> None:
    template = compile_template(TRICKY)
    options = {"csv_formula_protection": False}
    text = render(template, "tsv", 2_000, options=options).decode()
    lines = text.split("\n")
    assert lines.pop() == "" and lines[0].split("\t") == [f["name"] for f in TRICKY]
    unescape = {"\\\\": "\\", "\\t": "\t", "\\n": "\n", "\\r": "\r"}
    cells = [line.split("\t")[1] for line in lines[1:]]
    decoded = [_unescape(cell, unescape) for cell in cells]
    expected = [json.loads(line)["text"] for line in render(template, "ndjson", 2_000).decode().splitlines()]
    assert decoded == [value or "" for value in expected]
    headless = render(template, "tsv", 2_000, options={**options, "header": False}).decode()
    assert headless == text.split("\n", 1)[1]


def _unescape(cell: str, table: dict[str, str]) -> str:
    out, i = [], 0
    while i < len(cell):
        pair = cell[i : i + 2]
        out.append(table.get(pair, cell[i]))
        i += 2 if pair in table else 1
    return "".join(out)


def test_tsv_protects_formulas_by_default() -> None:
    cells = render(compile_template(TRICKY), "tsv", 500).decode().split("\n")
    assert "'=1+2" in {line.split("\t")[1] for line in cells[1:-1]}


@pytest.mark.parametrize("delimiter", [";", "|", "\t", ","])
def test_csv_delimiters_quote_values_that_hold_them(delimiter: str) -> None:
    options = {"delimiter": delimiter, "csv_formula_protection": False}
    text = render(compile_template(TRICKY), "csv", 1_000, options=options).decode()
    rows = list(csv.reader(io.StringIO(text, newline=""), delimiter=delimiter))
    assert rows[0] == [f["name"] for f in TRICKY] and len(rows) == 1_001
    assert {row[1] for row in rows[1:]} == {*AWKWARD, ""}


def test_csv_header_off_drops_only_the_first_line() -> None:
    with_header = render("company", "csv", 300).decode()
    without = render("company", "csv", 300, options={"header": False}).decode()
    assert without == with_header.split("\r\n", 1)[1]


@pytest.mark.parametrize(
    "options",
    [
        {"table_name": "1abc"},
        {"table_name": 'x"; DROP TABLE y; --'},
        {"delimiter": ":"},
        {"rows_per_insert": 7},
    ],
)
def test_bad_writer_options_are_refused(options: dict[str, Any]) -> None:
    with pytest.raises(ValueError, match=next(iter(options))):
        FormatOptions.from_options(options)


def test_content_types_and_extensions() -> None:
    assert content_type("tsv", None) == ("text/tab-separated-values; charset=utf-8", None, "tsv")
    assert content_type("sql", "gzip") == ("application/sql", "gzip", "sql.gz")


@pytest.mark.parametrize("fmt", ["tsv", "sql"])
def test_the_row_bound_holds_for_a_template(fmt: str) -> None:
    template = compile_template(TRICKY)
    options = {"sql_dialect": "mysql", "rows_per_insert": 1}
    bound = max_record_bytes(template, fmt=fmt, compression=None, options=options)
    assert bound is not None
    text = render(template, fmt, BLOCK_ROWS, options=options)
    assert len(text) <= bound * BLOCK_ROWS + 4096  # the header or CREATE TABLE, once


@pytest.mark.slow
def test_loading_a_million_row_sql_file_into_sqlite(figure: Figure) -> None:
    started = time.perf_counter()
    text = render("user", "sql", 1_000_000, options=SQLITE)
    rendered_in = time.perf_counter() - started
    started = time.perf_counter()
    rows = len(load(text))
    figure(
        "20 SQL load",
        f"1,000,000 user rows as SQLite SQL: {len(text) / 2**20:,.0f} MiB rendered in {rendered_in:.1f} s, "
        f"loaded by sqlite3.executescript into :memory: in {time.perf_counter() - started:.1f} s ({rows:,} rows)",
    )
