"""Text of a column whose value is a vocabulary word followed by a plain suffix word ("Acme" + " is a small
Software company founded in 1998."), encoded for any format with one new string per row.

Quoting and escaping touch a value's special characters and its two ends only. A suffix holds no character
that any format escapes and does not end in a space, and every vocabulary word is non-empty, so
encode(word + suffix) is opening(word) + suffix + closing(word): both read off encode(word + MARK) once per
vocabulary and format. The closings are few (nothing, or the quote of a quoted CSV value), and each one
joined to every suffix word makes a table: a row's text is one addition of two looked-up words, where
joining, scanning and quoting the whole value made two to three strings a row.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import numpy as np
import numpy.typing as npt

from synthdata.engine.array_cache import derived
from synthdata.engine.row_parts import Coded

ObjArray = npt.NDArray[np.object_]

_MARK = "\ue000"  # a private-use character: no format escapes it; a vocabulary word holding it is refused
# Letters, digits, spaces and . & - (no format's special character); a whole suffix does not end in a space.
# Patterns, compiled on first use (by re's cache), not at import: start-up.
_PLAIN = r"[A-Za-z0-9 .&-]*"
_PLAIN_END = r"[A-Za-z0-9 .&-]*[A-Za-z0-9.&-]"


def plain_suffixes(heads: list[str], tails: list[str]) -> ObjArray:
    """The table of every head followed by every tail (code: head * len(tails) + tail), checked to be plain
    suffixes (see the module's note): the parts are checked, not the product, which is built as one array
    addition."""
    plain, plain_end = re.compile(_PLAIN), re.compile(_PLAIN_END)
    if not all(map(plain.fullmatch, heads)) or not all(map(plain_end.fullmatch, tails)):
        raise ValueError(
            "suffix words must be plain text (letters, digits, spaces, . & -) not ending in a space"
        )
    head, tail = np.asarray(heads, dtype=object), np.asarray(tails, dtype=object)
    return (head[:, None] + tail[None, :]).ravel()  # type: ignore[no-any-return]


def suffixed_text(
    vocabulary: ObjArray,
    codes: npt.NDArray[np.intp],
    suffix: Coded,
    encoding: str,
    encode: Callable[[list[str]], list[str]],
) -> list[str]:
    """encode(vocabulary[code] + suffix word) of each row, `encoding` naming `encode` in the caches."""
    opening, closing, closes = derived(vocabulary, ("halves", encoding), lambda: _halves(vocabulary, encode))
    tails = suffix.table
    if closes != ("",):
        tails = derived(
            suffix.table, ("closed", closes), lambda: np.concatenate([suffix.table + c for c in closes])
        )
    index = suffix.codes if len(closes) == 1 else suffix.codes + len(suffix.table) * closing[codes]
    return (opening[codes] + tails[index]).tolist()  # type: ignore[no-any-return]


def plain_text(vocabulary: ObjArray, codes: npt.NDArray[np.intp], suffix: Coded) -> list[str]:
    """Each row's word and suffix, unencoded."""
    return (vocabulary[codes] + suffix.table[suffix.codes]).tolist()  # type: ignore[no-any-return]


def _halves(
    vocabulary: ObjArray, encode: Callable[[list[str]], list[str]]
) -> tuple[ObjArray, npt.NDArray[np.intp], tuple[str, ...]]:
    """(each word's opening, the index of its closing in the closings, the distinct closings)."""
    words = vocabulary.tolist()
    if not all(words) or any(_MARK in word for word in words):
        raise ValueError("a suffixed column's vocabulary words must be non-empty and free of U+E000")
    parts = [text.rpartition(_MARK) for text in encode([word + _MARK for word in words])]
    closes = tuple(sorted({closing for _, _, closing in parts}))
    position = {closing: index for index, closing in enumerate(closes)}
    opening = np.asarray([start for start, _, _ in parts], dtype=object)
    return opening, np.asarray([position[closing] for _, _, closing in parts], dtype=np.intp), closes
