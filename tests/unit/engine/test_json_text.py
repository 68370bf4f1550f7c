"""A column's JSON text equals json.dumps of each value."""

from __future__ import annotations

import json

import numpy as np
import pytest

from synthdata.engine.columns import Column, vocabulary

PLAIN = ["Ada Lovelace", "Zoë Müller", "東京都", "", "a,b"]
ESCAPED = [*PLAIN, 'say "hi"', "back\\slash", "line\nbreak", "\x00", "\x1f", "\u2028"]
UNPRINTABLE = ["a\xa0b", "\x7f", "\u2028"]  # not printable, yet not escaped by JSON


@pytest.mark.parametrize("values", [PLAIN, ESCAPED, UNPRINTABLE])
def test_string_columns(values: list[str]) -> None:
    expected = [json.dumps(v, ensure_ascii=False) for v in values]
    assert Column("str", values).json_text() == expected
    codes = np.arange(len(values))
    assert Column.categorical(vocabulary(values), codes).json_text() == expected


def test_other_kinds_and_nulls() -> None:
    nulls = np.array([False, True, False])
    columns = {
        "int": Column("int", np.array([1, 2, 300_000]), nulls=nulls),
        "float": Column("float", np.array([1.5, 2.0, -3.25]), nulls=nulls),
        "bool": Column("bool", np.array([True, False, True]), nulls=nulls),
        "date": Column("date", np.array(["2020-01-02"] * 3, dtype="datetime64[D]"), nulls=nulls),
        "datetime": Column(
            "datetime", np.array(["2020-01-02T03:04:05"] * 3, dtype="datetime64[s]"), nulls=nulls
        ),
    }
    for column in columns.values():
        assert [json.loads(text) for text in column.json_text()] == column.python_values()
    assert columns["float"].json_text() == ["1.50", "null", "-3.25"]
    assert columns["datetime"].json_text()[0] == '"2020-01-02T03:04:05Z"'
