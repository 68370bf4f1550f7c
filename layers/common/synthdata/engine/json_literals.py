"""JSON literals of whole columns: strings quoted (escaped by the C encoder only where needed) and rows' objects,
with no Python call per value where it can be avoided."""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from itertools import repeat
from json.encoder import encode_basestring  # the C encoder: one C call per string

from synthdata.engine.escapes import json_plain


def json_objects(names: Sequence[str], texts: Iterable[list[str]]) -> Iterable[str]:
    """One JSON object per row from each name's JSON texts: one format string per row ({"a":{},"b":{}}), no
    keyed string per value, one C-level call per row."""
    keys = (json.dumps(name).replace("{", "{{").replace("}", "}}") for name in names)
    row = "{{" + ",".join(f"{key}:{{}}" for key in keys) + "}}"
    return map(row.format, *texts)


def json_encode(words: list[str]) -> list[str]:
    """Each word as a JSON string literal, by the C encoder."""
    return list(map(encode_basestring, words))


def json_strings(values: list[str], safe: bool) -> list[str]:
    """JSON string literals: quoted as they are when no value holds a quote, backslash or control character
    (`safe`, or one scan of the whole column), else escaped by the C encoder one value at a time."""
    if safe or json_plain("".join(values)):
        return list(map("".join, zip(repeat('"'), values, repeat('"'), strict=False)))
    return json_encode(values)
