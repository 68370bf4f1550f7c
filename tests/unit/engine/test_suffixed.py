"""A suffixed column (vocabulary word + plain suffix word) is written in every format exactly as the same values
in a plain string column, whatever the words hold; its suffix words are checked to be plain."""

from __future__ import annotations

import numpy as np
import pytest

from synthdata.engine.columns import Column
from synthdata.engine.escapes import SQL_DIALECTS
from synthdata.engine.json_parts import json_part
from synthdata.engine.references import _concatenated
from synthdata.engine.row_parts import Coded, text_of
from synthdata.engine.word_arrays import vocabulary

WORDS = [
    "Acme",
    "Abbott, Paul and Edwards",
    'Say "hi"',
    " leading",
    "trailing ",
    "back\\slash",
    "tab\tand\nline",
    "=SUM(A1)",
    "-12",
    "東京都",
    "semi;colon|pipe",
    "it's",
]
PHRASES = vocabulary([" is a small Software company founded in ", " is an E-commerce & more "])
ENDS = vocabulary(["1998.", "7"])
RNG = np.random.default_rng(2)


def _pair(rows: int = 200, nulls: bool = False) -> tuple[Column, Column]:
    """(the suffixed column, the same values as a plain string column)."""
    codes = RNG.integers(0, len(WORDS), rows)
    phrase, end = RNG.integers(0, 2, rows), RNG.integers(0, 2, rows)
    missing = RNG.random(rows) < 0.3 if nulls else None
    suffix = (Coded(PHRASES, phrase), Coded(ENDS, end))
    suffixed = Column.suffixed(vocabulary(WORDS), codes, suffix, nulls=missing)
    text = [WORDS[c] + PHRASES[p] + ENDS[e] for c, p, e in zip(codes, phrase, end, strict=True)]
    plain = Column("str", text, nulls=missing)
    return suffixed, plain


@pytest.mark.parametrize("nulls", [False, True])
def test_every_format_writes_what_the_plain_column_writes(nulls: bool) -> None:
    suffixed, plain = _pair(nulls=nulls)
    assert suffixed.plain_text() == plain.plain_text()
    for delimiter in (",", ";", "|", "\t"):
        for protect in (True, False):
            assert text_of(suffixed.csv_part(protect, delimiter)) == text_of(
                plain.csv_part(protect, delimiter)
            )
    assert text_of(suffixed.tsv_part()) == text_of(plain.tsv_part())
    for dialect in SQL_DIALECTS.values():
        assert suffixed.sql_text(dialect) == plain.sql_text(dialect)
    assert suffixed.json_text() == plain.json_text()
    (got, got_quoted), (want, want_quoted) = json_part(suffixed), json_part(plain)
    quote = ['"' if got_quoted else ""] * 2, ['"' if want_quoted else ""] * 2
    assert [quote[0][0] + t + quote[0][1] for t in text_of(got)] == [
        quote[1][0] + t + quote[1][1] for t in text_of(want)
    ]
    assert suffixed.python_values() == plain.python_values()


def test_rows_taken_picked_and_concatenated_keep_their_suffixes() -> None:
    suffixed, plain = _pair(50)
    assert suffixed.take(10, 20).plain_text() == plain.plain_text()[10:20]
    rows = np.array([5, 1, 5, 49])
    assert suffixed.pick(rows).plain_text() == [plain.plain_text()[r] for r in rows]
    joined = _concatenated([suffixed.take(0, 20), suffixed.take(20, 50)])
    assert joined.plain_text() == plain.plain_text()


def test_suffix_words_must_be_plain_and_vocabulary_words_non_empty() -> None:
    one = np.array([0])
    for middle, last in ((["a,"], ["1"]), (["a"], ["1 "]), (['"'], ["1"]), (["a"], ["'"]), (["a\t"], ["1"])):
        with pytest.raises(ValueError, match="plain"):
            Column.suffixed(
                vocabulary(["x"]), one, (Coded(vocabulary(middle), one), Coded(vocabulary(last), one))
            )
    ends = (Coded(ENDS, np.array([0, 1])),)
    with pytest.raises(ValueError, match="non-empty"):
        Column.suffixed(vocabulary(["", "x"]), np.array([0, 1]), ends).csv_part()
    with pytest.raises(ValueError, match="user literals"):
        Column.suffixed(vocabulary(["-12"]), np.array([0]), (Coded(ENDS, np.array([1])),), user_literal=True)
