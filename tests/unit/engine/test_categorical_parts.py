"""A categorical column's CSV, TSV and SQL text is the same whether it is encoded value by value (a column much
smaller than its vocabulary, whose table is not made yet) or looked up in the vocabulary's encoded table."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import pytest

from synthdata.engine.array_cache import is_derived
from synthdata.engine.columns import Column
from synthdata.engine.escapes import SQL_DIALECTS
from synthdata.engine.row_parts import Coded, Pieces, text_of
from synthdata.engine.word_arrays import vocabulary

WORDS = [
    "plain",
    "a,b",
    'say "hi"',
    "=SUM(A1)",
    "tab\there",
    "line\nfeed",
    "back\\slash",
    "it's",
    " edge",
    "é",
]


def _vocabulary(size: int) -> np.ndarray:
    return vocabulary([f"{WORDS[i % len(WORDS)]}{i}" for i in range(size)])


@pytest.mark.parametrize("user_literal", [False, True])
def test_small_and_large_categorical_columns_are_written_alike(user_literal: bool) -> None:
    words = _vocabulary(400)
    codes = np.random.default_rng(2).integers(0, len(words), 3000)
    small = Column.categorical(words, codes[:20], user_literal=user_literal)  # 20 x 8 < 400: value by value
    forms: dict[str, Callable[[Column], Coded | list[str] | Pieces]] = {
        "csv": lambda c: c.csv_part(),
        "csv;": lambda c: c.csv_part(delimiter=";"),
        "csv|": lambda c: c.csv_part(delimiter="|"),
        "tsv": lambda c: c.tsv_part(),
        "sql": lambda c: c.sql_text(SQL_DIALECTS["mysql"]),
    }
    for name, form in forms.items():
        by_value = form(small)
        assert isinstance(by_value, list), name
        large = Column.categorical(words, codes, user_literal=user_literal)  # 3000 x 8 >= 400: the table
        assert text_of(form(large))[:20] == by_value, name
        # Once the table exists, a small column uses it too.
        assert text_of(form(small)) == by_value, name


def test_a_small_column_does_not_make_the_vocabulary_table() -> None:
    words = _vocabulary(800)
    Column.categorical(words, np.arange(10)).csv_part()
    assert not is_derived(words, ("encoded", "csv:False:False:,"))
    Column.categorical(words, np.arange(800) % 7).csv_part()
    assert is_derived(words, ("encoded", "csv:False:False:,"))
