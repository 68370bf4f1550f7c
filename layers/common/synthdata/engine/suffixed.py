"""Text of a column whose value is a vocabulary word followed by plain suffix words ("Acme" + " is a small
Software company founded in " + "1998."), encoded for any format with few new strings per row.

Quoting and escaping touch a value's special characters and its two ends only. Suffix words hold no character
that any format escapes, the last does not end in a space, and every vocabulary word is non-empty, so
encode(word + suffix) is opening(word) + suffix + closing(word): both read off encode(word + MARK) once per
vocabulary and format. The closings are few (nothing, or the quote of a quoted CSV value), and each one
joined to every last suffix word makes a table: a row's text is additions of looked-up words, where joining,
scanning and quoting the whole value made two to three strings a row. Small tables per part, not one of
every combination: their words stay in the processor's cache."""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import partial

import numpy as np
import numpy.typing as npt

from synthdata.engine.array_cache import derived
from synthdata.engine.row_parts import Coded

ObjArray = npt.NDArray[np.object_]

_MARK = "\ue000"  # a private-use character: no format escapes it; a vocabulary word holding it is refused
# Letters, digits, spaces and . & - (no format's special character); a whole suffix does not end in a space.
_PLAIN = r"[A-Za-z0-9 .&-]*"
_PLAIN_END = r"[A-Za-z0-9 .&-]*[A-Za-z0-9.&-]"


Suffix = tuple[Coded, ...]  # the plain words after a vocabulary word, in order; the last one ends the value


def checked(suffix: Suffix) -> Suffix:
    """`suffix`, its tables checked to be plain (see the module's note) once per table."""
    for index, part in enumerate(suffix):
        ending = index == len(suffix) - 1
        words = part.table
        if not derived(words, ("plain suffix", ending), partial(_plain, words, ending)):
            raise ValueError(
                "suffix words must be plain text (letters, digits, spaces, . & -), the last not ending in a space"
            )
    return suffix


def suffixed_text(
    vocabulary: ObjArray,
    codes: npt.NDArray[np.intp],
    suffix: Suffix,
    encoding: str,
    encode: Callable[[list[str]], list[str]],
) -> list[str]:
    """encode(vocabulary[code] + the suffix's words) of each row, `encoding` naming `encode` in the caches."""
    opening, closing, closes = derived(vocabulary, ("halves", encoding), lambda: _halves(vocabulary, encode))
    *middle, last = suffix
    tails = last.table
    if closes != ("",):
        tails = derived(
            last.table, ("closed", closes), lambda: np.concatenate([last.table + c for c in closes])
        )
    index = last.codes if len(closes) == 1 else last.codes + len(last.table) * closing[codes]
    text = opening[codes]
    for part in middle:  # small tables: their words stay in the cache, unlike one table of every combination
        text = text + part.table[part.codes]
    return (text + tails[index]).tolist()  # type: ignore[no-any-return]


def plain_text(vocabulary: ObjArray, codes: npt.NDArray[np.intp], suffix: Suffix) -> list[str]:
    """Each row's word and suffix, unencoded."""
    text = vocabulary[codes]
    for part in suffix:
        text = text + part.table[part.codes]
    return text.tolist()  # type: ignore[no-any-return]


def suffix_rows(suffix: Suffix, rows: slice | npt.NDArray[np.intp]) -> Suffix:
    """The suffix of some rows (a slice, or row indices)."""
    return tuple(Coded(part.table, part.codes[rows]) for part in suffix)


def joined_suffixes(suffixes: list[Suffix]) -> Suffix:
    """The suffixes of consecutive pieces of one column (the same tables) as one."""
    return tuple(
        Coded(parts[0].table, np.concatenate([p.codes for p in parts]))
        for parts in zip(*suffixes, strict=True)
    )


def _plain(words: ObjArray, ending: bool) -> bool:
    pattern = re.compile(_PLAIN_END if ending else _PLAIN)  # compiled on first use: start-up
    return all(map(pattern.fullmatch, words.tolist()))


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
