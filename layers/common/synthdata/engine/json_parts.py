"""A column's JSON text as a row part, with the quotes of its strings left to the writer's separators.

A string value, a date or a time is written between quotes. When a block's column holds no null, every value
has them, so the writer puts them into the separators around the column ('","city":"') and the column's part
is its text without quotes: no new string per value for the quotes (or for the key, which the separator holds
too), and categorical words come straight from a table.
"""

from __future__ import annotations

import json
from json.encoder import encode_basestring  # the C encoder: one C call per string

import numpy as np

from synthdata.engine.columns import Column
from synthdata.engine.escapes import json_plain, pieces_written_as_they_are
from synthdata.engine.row_parts import Coded, Pieces
from synthdata.engine.suffixed import suffixed_text
from synthdata.engine.word_arrays import encoded_vocabulary


def json_part(column: Column) -> tuple[Coded | list[str] | Pieces, bool]:
    """(the column's JSON text, whether each value must still be put between quotes by the writer)."""
    if column.has_nulls or column.kind in ("float", "json"):
        return column.json_text(), False  # numbers, nested values and nulls go bare
    if column.kind in ("int", "bool", "date", "datetime"):
        return column.plain_part(), column.kind in ("date", "datetime")
    if column.vocabulary is not None and column.suffix is not None:
        codes = np.asarray(column.values)
        return suffixed_text(column.vocabulary, codes, column.suffix, "json:inner", _inner_literals), True
    if column.vocabulary is not None:
        table = encoded_vocabulary(column.vocabulary, "json:inner", _inner_literals)
        return Coded(table, np.asarray(column.values)), True
    pieces = column.values if isinstance(column.values, Pieces) else None
    if pieces is not None and (column.ascii_safe or pieces_written_as_they_are(pieces, ",")):
        return pieces, True  # nothing to escape: the writer joins the pieces with the rest of the row
    text = column.plain_text()
    if column.ascii_safe or json_plain("".join(text)):
        return text, True
    return list(map(encode_basestring, text)), False


def _inner_literals(words: list[str]) -> list[str]:
    """Each word as a JSON string literal without its quotes."""
    return [encode_basestring(word)[1:-1] for word in words]


def json_separators(field_names: list[str], quoted: list[bool]) -> list[str]:
    """The text before the first value, between each two and after the last of one JSON object: braces, keys,
    commas and the quotes of the values that leave them to the writer."""
    quotes = ['"' if q else "" for q in quoted]
    keys = [json.dumps(name) + ":" for name in field_names]
    between = [
        f"{after},{key}{before}" for after, key, before in zip(quotes[:-1], keys[1:], quotes[1:], strict=True)
    ]
    return ["{" + keys[0] + quotes[0], *between, quotes[-1] + "}"]
