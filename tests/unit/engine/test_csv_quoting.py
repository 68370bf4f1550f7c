"""Quoting a whole CSV column gives exactly what quoting each value alone gives (RFC 4180 plus the delimiter)."""

from __future__ import annotations

import csv
import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from synthdata.engine.escapes import csv_escape, csv_escape_all

EDGES = [
    "",
    " a",
    "b ",
    " ",
    "x,y",
    'q"q',
    "a;b",
    "a|b",
    "t\tt",
    "l\nb",
    "r\rb",
    "é,ü",
    "日本,",
    "\x1f,",
    "\x7f",
    "ok",
]
DELIMITERS = [",", ";", "|", "\t"]


@pytest.mark.parametrize("delimiter", DELIMITERS)
def test_column_quoting_matches_value_quoting_on_edge_cases(delimiter: str) -> None:
    assert csv_escape_all(EDGES, delimiter) == [csv_escape(v, delimiter) for v in EDGES]


@settings(max_examples=200, deadline=None)
@given(
    values=st.lists(
        st.text(alphabet=st.sampled_from(list(' ,;|"\t\n\ra\u00e9\u65e5\x1f\ud800')), max_size=6)
    ),
    delimiter=st.sampled_from(DELIMITERS),
)
def test_column_quoting_matches_value_quoting(values: list[str], delimiter: str) -> None:
    assert csv_escape_all(values, delimiter) == [csv_escape(v, delimiter) for v in values]


def test_quoted_columns_read_back_as_written() -> None:
    values = ["Calle Mayor, 12", 'say "hi"', " padded ", "plain"]
    line = ",".join(csv_escape_all(values))
    assert next(csv.reader(io.StringIO(line))) == values


@pytest.mark.parametrize("values", [["x,y", ""], ["", "a,b", "", ""], ["a,b", "c,d"], [" a", "ok", "b "]])
def test_empty_values_next_to_quoted_ones_and_columns_quoted_throughout(values: list[str]) -> None:
    assert csv_escape_all(values) == [csv_escape(v) for v in values]
