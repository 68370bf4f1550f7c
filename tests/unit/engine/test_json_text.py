"""A column's JSON text equals json.dumps of each value."""

from __future__ import annotations

import json

import numpy as np
import pytest

from synthdata.engine.columns import Column
from synthdata.engine.row_parts import text_of
from synthdata.engine.word_arrays import vocabulary

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


@pytest.mark.parametrize("share", [0.0, 0.15, 0.6, 1.0])
def test_only_present_values_are_formatted_and_every_format_marks_the_nulls(share: float) -> None:
    rng = np.random.default_rng(4)
    present = rng.random(300) < share
    values = np.round(rng.lognormal(20, 2, 300), -3)
    column = Column("float", values, nulls=~present)
    texts = [f"{v:.2f}" if p else None for v, p in zip(values.tolist(), present.tolist(), strict=True)]
    assert column.json_text() == [t or "null" for t in texts]
    assert column.plain_text() == [f"{v:.2f}" for v in values.tolist()]  # plain text ignores nulls
    assert text_of(column.csv_part()) == [t or "" for t in texts]
    words = Column.categorical(vocabulary(["a,b", "c"]), rng.integers(0, 2, 300), nulls=~present)
    expected = [
        ('"a,b"' if w == "a,b" else w) if p else "" for w, p in zip(words.plain_text(), present, strict=True)
    ]
    assert text_of(words.csv_part()) == expected
