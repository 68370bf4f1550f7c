"""Rows assembled from merged parts read exactly as the row-by-row join of every column's text would."""

from __future__ import annotations

import csv
import io
import json
from typing import Any

import numpy as np
import pytest

from synthdata.engine import row_join, row_parts
from synthdata.engine.columns import Column
from synthdata.engine.escapes import pieces_written_as_they_are
from synthdata.engine.row_join import join_rows
from synthdata.engine.row_parts import Coded, Part, Pieces, assemble, text_of
from synthdata.engine.word_arrays import vocabulary
from synthdata.engine.writers import write_piece

CITIES = vocabulary(["Köln", "a,b", 'say "hi"', "Ulm"])
REGIONS = vocabulary(["NRW", "BW", "BY", "BW"])
COUNTRY = vocabulary(["Deutschland"])


def naive(parts: list[Part], separators: list[str], rows: int) -> list[str]:
    texts = [[part] * rows if isinstance(part, str) else text_of(part) for part in parts]
    return [
        separators[0] + "".join(t[r] + s for t, s in zip(texts, separators[1:], strict=True))
        for r in range(rows)
    ]


def test_same_codes_and_constants_merge_into_one_table() -> None:
    codes = np.array([0, 1, 2, 3, 1, 0])
    parts: list[Part] = [
        ["x"] * 6,
        Coded(CITIES, codes),
        Coded(REGIONS, codes),
        Coded(COUNTRY, np.zeros(6, dtype=np.intp)),
        Coded(REGIONS, codes.copy()),  # equal codes, another array: not merged (no value comparison)
    ]
    separators = ["<", ",", ";", ",", "|", ">"]
    merged, merged_separators = assemble(parts, separators)
    assert len(merged) == 3
    assert isinstance(merged[1], Coded) and len(merged[1].table) == len(CITIES)
    assert join_rows(merged, merged_separators, 6, "\n").split("\n") == naive(parts, separators, 6)


def test_equal_views_of_one_code_array_merge() -> None:
    codes = np.array([3, 2, 1, 0, 0])
    city, region = Coded(CITIES, codes[1:4]), Coded(REGIONS, codes[1:4])
    merged, _ = assemble([city, region], ["", ",", ""])
    assert len(merged) == 1
    merged, _ = assemble([city, Coded(REGIONS, codes[0:3])], ["", ",", ""])
    assert len(merged) == 2


def test_a_constant_without_a_table_before_it_joins_the_separators() -> None:
    parts: list[Part] = [Coded(COUNTRY, np.zeros(3, dtype=np.intp)), ["a", "b", "c"], "!"]
    merged, separators = assemble(parts, ["{", ",", ",", "}"])
    assert merged == [["a", "b", "c"]] and separators == ["{Deutschland,", ",!}"]
    assert join_rows(merged, separators, 3, "\n") == "{Deutschland,a,!}\n{Deutschland,b,!}\n{Deutschland,c,!}"
    assert join_rows([], ["only"], 2, "\n") == "only\nonly"


def test_a_table_far_larger_than_the_block_is_not_merged(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(row_parts, "_FUSED", {})
    monkeypatch.setattr(row_parts, "FUSE_WORDS_PER_ROW", 2)  # four words for one row: more than 2 per row
    codes = np.array([0])
    parts: list[Part] = [Coded(CITIES, codes), Coded(REGIONS, codes)]
    merged, separators = assemble(parts, ["", ",", ""])
    assert len(merged) == 2 and separators == ["", ",", ""]
    assert join_rows(merged, separators, 1, "\n") == "Köln,NRW"


def _columns(nulls: bool) -> dict[str, Column]:
    codes = np.array([2, 0, 1, 3])
    missing = np.array([False, True, False, False]) if nulls else None
    return {
        "n": Column("int", np.arange(4)),
        "city": Column.categorical(CITIES, codes, nulls=missing),
        "region": Column.categorical(REGIONS, codes),
        "country": Column.categorical(COUNTRY, np.zeros(4, dtype=np.intp)),
        "text": Column("str", ["tab\t", "\x00", "ü", "\\"], nulls=missing),
        "unprintable": Column("str", ["a\xa0b", "\x7f", "\u2028", "x"]),  # not escaped by JSON
        "day": Column("date", np.array(["2020-01-02"] * 4, dtype="datetime64[D]"), nulls=missing),
        "at": Column("datetime", np.array(["2020-01-02T03:04:05"] * 4, dtype="datetime64[s]")),
        'key "q"': Column("str", ["a", "b", "c", "d"], ascii_safe=True),
    }


def _expected(columns: dict[str, Column]) -> list[dict[str, Any]]:
    values = {name: column.python_values() for name, column in columns.items()}
    return [{name: values[name][row] for name in columns} for row in range(4)]


@pytest.mark.parametrize("nulls", [False, True])
@pytest.mark.parametrize("fmt", ["json", "ndjson"])
def test_json_objects_hold_every_value_with_its_key(fmt: str, nulls: bool) -> None:
    columns = _columns(nulls)
    text = write_piece(fmt, list(columns), columns, first_row=True, last_row=True)
    rows = json.loads(text) if fmt == "json" else [json.loads(line) for line in text.split("\n")[:-1]]
    assert rows == _expected(columns)
    first = json.dumps(_expected(columns)[0], ensure_ascii=False, separators=(",", ":"))
    assert text.split("\n")[1 if fmt == "json" else 0].rstrip(",") == first


@pytest.mark.parametrize("nulls", [False, True])
def test_csv_rows_read_back_as_every_column(nulls: bool) -> None:
    columns = _columns(nulls)
    text = write_piece("csv", list(columns), columns, first_row=True, last_row=True)
    rows = list(csv.reader(io.StringIO(text, newline="")))
    expected = [[name for name in columns]] + [
        ["" if value is None else str(value) for value in row.values()] for row in _expected(columns)
    ]
    assert rows == expected


@pytest.mark.parametrize(
    ("column", "tabled"),
    [
        # Enough values to pay for a table up to 130,000 (_IntTable.serves): three alone are formatted one by one
        # unless an earlier test in the process has built it.
        (Column("int", np.concatenate([[0, 7, 130_000], np.arange(20_000)])), True),
        (Column("int", np.array([-1, 5])), False),  # negative: formatted one by one
        (Column("bool", np.array([True, False, True])), True),
        (Column("date", np.array(["1901-02-03", "2024-12-31"], dtype="datetime64[D]")), True),
        (Column("date", np.array(["1901-02-03", "NaT"], dtype="datetime64[D]")), False),
        (Column.categorical(CITIES, np.array([3, 0])), True),
        (Column("float", np.array([1.5, -2.25])), False),
    ],
)
def test_a_columns_table_part_reads_as_its_plain_text(column: Column, tabled: bool) -> None:
    part = column.plain_part()
    assert isinstance(part, Coded) == tabled
    assert text_of(part) == column.plain_text()


def test_a_constant_before_a_table_leads_its_words_so_one_separator_remains() -> None:
    codes = np.array([1, 0, 3])
    parts: list[Part] = [["a", "b", "c"], "EUR", Coded(CITIES, codes), ["x", "y", "z"]]
    merged, separators = assemble(parts, ["", ",", ",", ",", ""])
    assert len(merged) == 3 and separators == ["", ",", ",", ""]
    assert join_rows(merged, separators, 3, "\n").split("\n") == naive(parts, ["", ",", ",", ",", ""], 3)


def test_merged_tables_are_kept_within_a_budget_least_recently_used_out(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(row_parts, "_FUSED", {})
    monkeypatch.setattr(row_parts, "_FUSED_WORDS_BUDGET", 2 * len(CITIES))
    codes = np.arange(4)
    tables = [vocabulary([f"{word}{i}" for word in CITIES]) for i in range(3)]

    def merged(table: Any) -> Any:
        (part,), _ = assemble([Coded(table, codes), "!"], ["", ",", ""])
        assert isinstance(part, Coded)
        return part.table

    first, second = merged(tables[0]), merged(tables[1])
    assert merged(tables[0]) is first  # cached, and now the most recently used
    merged(tables[2])  # over the budget: the least recently used (the second) goes
    assert merged(tables[0]) is first
    assert merged(tables[1]) is not second
    assert len(row_parts._FUSED) == 2


def _old_join(
    parts: list[Part], separators: list[str], rows: int, line_end: str, head: str, ended: bool
) -> str:
    lines = naive(parts, separators, rows)
    return head + line_end.join(lines) + (line_end if ended else "")


@pytest.mark.parametrize("fuse_words", [0, 4])  # 0: no table takes a separator, each one stands alone
@pytest.mark.parametrize("rows", [1, 2, 7])
@pytest.mark.parametrize(
    ("separators", "line_end", "head", "ended"),
    [
        (["", ",", ",", ",", ""], "\r\n", "", True),
        (["", ",", ",", ",", ""], "\r\n", "a,b,c,d\r\n", True),
        (["{", ":", '","', "", "}"], ",\n", "[\n", False),
        (["<", "", "", "", ""], "", "", False),
    ],
)
def test_flat_join_reads_as_rows_joined_one_by_one(
    monkeypatch: pytest.MonkeyPatch,
    fuse_words: int,
    rows: int,
    separators: list[str],
    line_end: str,
    head: str,
    ended: bool,
) -> None:
    monkeypatch.setattr(row_parts, "_FUSED", {})
    monkeypatch.setattr(row_parts, "FUSE_WORDS_PER_ROW", fuse_words)
    codes = np.arange(rows) % len(CITIES)
    parts: list[Part] = [
        [f"id{r}" for r in range(rows)],
        Coded(CITIES, codes),
        [f"x{r}" for r in range(rows)],
        Coded(REGIONS, codes[::-1].copy()),
    ]
    expected = _old_join(parts, separators, rows, line_end, head, ended)
    assert join_rows(parts, separators, rows, line_end, head, ended) == expected
    assert join_rows(parts[:1], ["", ""], rows, line_end, head, ended) == _old_join(
        parts[:1], ["", ""], rows, line_end, head, ended
    )


def test_neighbours_coded_by_different_arrays_pair_into_one_table() -> None:
    rows = 256  # a pair table of at most one word per row
    ages = Coded(
        np.asarray([str(i) for i in range(1000)], dtype=object), np.tile([18, 90, 37, 18], rows // 4)
    )
    gender = Coded(vocabulary(["male", "female"]), np.tile(np.array([1, 0, 0, 1], dtype=np.uint8), rows // 4))
    parts: list[Part] = [[str(r) for r in range(rows)], ages, gender]
    separators = ["", ",", ";", ""]
    merged, merged_separators = assemble(parts, separators)
    assert len(merged) == 2
    paired = merged[1]
    assert isinstance(paired, Coded) and len(paired.table) == 128 * 2  # ages up to 90: the first 128 words
    assert join_rows(merged, merged_separators, rows, "\n").split("\n") == naive(parts, separators, rows)


def test_no_pairs_past_the_words_per_row_or_for_codes_from_the_end() -> None:
    wide = Coded(np.asarray([str(i) for i in range(64)], dtype=object), np.array([63, 0]))
    assert len(assemble([wide, Coded(CITIES, np.array([3, 1]))], ["", ",", ""])[0]) == 2  # 64 x 4 > 2 rows
    backwards = Coded(CITIES, np.array([-1, 0]))
    assert len(assemble([backwards, Coded(REGIONS, np.array([1, 2]))], ["", ",", ""])[0]) == 2


def _pieces_column(rows: int) -> tuple[Column, list[str]]:
    codes = np.arange(rows) % len(CITIES)
    fresh = [f"-{r}-" for r in range(rows)]
    pieces = Pieces((Coded(REGIONS, codes), fresh, Coded(CITIES, codes[::-1].copy())))
    text = [REGIONS[c] + f + CITIES[d] for c, f, d in zip(codes, fresh, codes[::-1], strict=True)]
    return Column("str", pieces), text


def test_a_column_of_pieces_reads_as_its_pieces_concatenated_in_every_form() -> None:
    column, text = _pieces_column(9)
    plain = Column("str", text)
    assert len(column) == 9 and column.plain_text() == text
    assert column.take(2, 7).plain_text() == text[2:7]
    assert column.pick(np.array([8, 0, 8])).plain_text() == [text[8], text[0], text[8]]
    assert column.csv_part() == plain.csv_part()  # not ascii_safe: escaped as any other strings
    assert column.tsv_part() == plain.tsv_part()
    assert column.json_text() == plain.json_text()
    safe = Column("str", column.values, ascii_safe=True)
    assert isinstance(safe.csv_part(), Pieces) and text_of(safe.csv_part()) == text


@pytest.mark.parametrize("fmt", ["csv", "tsv", "json", "ndjson", "sql"])
def test_rows_with_pieces_are_the_rows_of_their_text(fmt: str) -> None:
    column, text = _pieces_column(6)
    others = {"n": Column("int", np.arange(6)), "city": Column.categorical(CITIES, np.arange(6) % 4)}
    with_pieces = {**others, "p": Column("str", column.values, ascii_safe=True)}
    with_text = {**others, "p": Column("str", text, ascii_safe=True)}
    for first, last in ((True, True), (False, False)):
        assert write_piece(
            fmt, list(with_pieces), with_pieces, first_row=first, last_row=last
        ) == write_piece(fmt, list(with_text), with_text, first_row=first, last_row=last)


def test_a_table_after_pieces_merges_with_their_last_piece() -> None:
    rows = 64
    codes = np.arange(rows) % 4
    pieces = Pieces(([f"r{r}" for r in range(rows)], Coded(REGIONS, codes)))
    flags = Coded(vocabulary(["no", "yes"]), (np.arange(rows) % 3 == 0).view(np.uint8))
    parts: list[Part] = [pieces, flags]
    merged, separators = assemble(parts, ["", ",", ""])
    assert len(merged) == 1 and isinstance(merged[0], Pieces) and len(merged[0].parts) == 2
    assert join_rows(merged, separators, rows, "\n").split("\n") == naive(parts, ["", ",", ""], rows)
    datetimes = Column("datetime", np.array(["2020-01-02T03:04:05"] * rows, dtype="datetime64[s]"))
    assert (
        isinstance(datetimes.plain_part(), Pieces)
        and text_of(datetimes.plain_part()) == datetimes.plain_text()
    )


@pytest.mark.parametrize(
    ("first", "last", "delimiter", "as_they_are"),
    [
        (
            ["Jürgen ", "Zoë "],
            ["Müller", "Öz"],
            ",",
            True,
        ),  # not ASCII, inner space: nothing to quote or escape
        ([" Jürgen"], ["Müller"], ",", False),  # a leading space is quoted in CSV
        (["Jürgen "], ["Müller "], ",", False),  # so is a trailing one
        (["a|b "], ["c"], ",", True),
        (["a|b "], ["c"], "|", False),  # the delimiter
        (['say "hi" '], ["c"], ",", False),
        (["back\\slash "], ["c"], ",", False),  # JSON escapes it
        (["tab\t"], ["c"], ",", False),  # not printable
    ],
)
def test_pieces_are_written_as_they_are_only_when_no_format_would_change_them(
    first: list[str], last: list[str], delimiter: str, as_they_are: bool
) -> None:
    rows = 6
    pieces = Pieces(
        (
            Coded(vocabulary(first), np.arange(rows) % len(first)),
            Coded(vocabulary(last), np.zeros(rows, dtype=np.intp)),
        )
    )
    assert pieces_written_as_they_are(pieces, delimiter) == as_they_are
    column, text = Column("str", pieces), Column("str", text_of(pieces))
    part = column.csv_part(delimiter=delimiter)
    assert isinstance(part, Pieces) == as_they_are
    assert text_of(part) == text_of(text.csv_part(delimiter=delimiter))
    assert write_piece("json", ["p"], {"p": column}, first_row=True, last_row=True) == write_piece(
        "json", ["p"], {"p": text}, first_row=True, last_row=True
    )
    with_list = Pieces((pieces.parts[0], text_of(Pieces(pieces.parts[1:]))))
    assert not pieces_written_as_they_are(with_list, delimiter)  # a list is not checked


@pytest.mark.parametrize("flat_separators", [0, 100])  # row by row (many lists side by side) or flat
def test_lists_side_by_side_join_alike_flat_or_row_by_row(
    monkeypatch: pytest.MonkeyPatch, flat_separators: int
) -> None:
    monkeypatch.setattr(row_join, "FLAT_SEPARATORS", flat_separators)
    rows = 5
    pieces = Pieces((Coded(CITIES, np.arange(rows) % 4), [f"-{r}" for r in range(rows)]))
    parts: list[Part] = [[f"a{r}" for r in range(rows)], [f"b{r}" for r in range(rows)], pieces, ["c"] * rows]
    separators = ["", ",", ",", ",", ""]
    expected = _old_join(parts, separators, rows, "\r\n", "h\r\n", True)
    assert join_rows(parts, separators, rows, "\r\n", "h\r\n", True) == expected
