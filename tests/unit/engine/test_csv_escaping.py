"""Quoting a whole CSV column at once gives, value by value, what RFC 4180 quoting of each value gives."""

from __future__ import annotations

import pytest

from synthdata.engine.escapes import CSV_SPECIAL, csv_escape, csv_escape_all

AWKWARD = [
    "plain",
    "",
    " lead",
    "trail ",
    " ",
    'say "hi"',
    '"',
    "a,b",
    "a;b",
    "a|b",
    "tab\there",
    "line\nbreak",
    "cr\rhere",
    "Müller, Zoë",
    "東京都",
    "emoji 🙂,",
    "lone \ud800 surrogate",
    "unit\x1fseparator",
]


@pytest.mark.parametrize("delimiter", [",", ";", "|", "\t"])
@pytest.mark.parametrize("leave_out", ["unit\x1fseparator", "lone \ud800 surrogate"])
def test_column_quoting_equals_quoting_each_value(delimiter: str, leave_out: str) -> None:
    """Without the separator the column is scanned as bytes; with it (and without the lone surrogate, which
    numpy's strings cannot hold) numpy's string functions quote it."""
    values = [v for v in AWKWARD if v != leave_out] * 50
    assert csv_escape_all(values, delimiter) == [csv_escape(v, delimiter) for v in values]


def test_a_column_needing_no_quotes_is_returned_as_it_is() -> None:
    values = ["alpha", "beta", "Zoë"]
    assert csv_escape_all(values) is values
    assert not any(ch in "".join(values) for ch in CSV_SPECIAL)


def test_edge_columns() -> None:
    assert csv_escape_all([]) == []
    assert csv_escape_all([" "]) == ['" "']
    assert csv_escape_all(["", "", ","]) == ["", "", '","']
