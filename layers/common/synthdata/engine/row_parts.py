"""Rows of text from the columns' parts, with as few strings per row as the columns allow.

Joining a row costs little per character but much per string: the strings of a 10,000-row block are scattered
over megabytes, and each one the join touches is a cache miss. So a row is assembled from *parts* and the
separators between them, and parts that can be merged before the join are:
- a column whose text is the same in every row (a one-word vocabulary) becomes part of a separator, or of its
  neighbour's table;
- adjacent columns coded by the same code array (city, region and postal code of one place) become one
  table of pre-joined words, built once per process and indexed once per block.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TypeAlias

import numpy as np
import numpy.typing as npt

ObjArray = npt.NDArray[np.object_]

# A merged table is built when it has at most this many words per row of the block that asks for it: it is
# built once per process and saves a string per row in every later block, but a huge vocabulary for a small
# job would cost more than it saves.
FUSE_WORDS_PER_ROW = 4
# A table of every pair of two neighbours' words (columns coded by different arrays) at most this many words
# per row of the block: it takes one product of codes per block and saves a string per row.
PAIRED_WORDS_PER_ROW = 1
# Merged tables kept per process, the least recently used dropped first (a template's per-block vocabularies
# are never asked for again; a locale's are, every block): at most this many words in all (~40 MB).
_FUSED_WORDS_BUDGET = 1 << 19


@dataclass(frozen=True)
class Coded:
    """Text as a table of encoded words and each row's code into it (a categorical column's text)."""

    table: ObjArray
    codes: npt.NDArray[np.intp]


@dataclass(frozen=True)
class Pieces:
    """Text as each row's pieces one after another (tables and lists), such as an email (first name and ".",
    surname and code, "@" and domain): the flat join takes the pieces as they are, no string per value."""

    parts: tuple[Coded | list[str], ...]

    def __len__(self) -> int:
        first = self.parts[0]
        return len(first.codes) if isinstance(first, Coded) else len(first)

    def take(self, start: int, stop: int) -> Pieces:
        """Rows [start, stop)."""
        return Pieces(
            tuple(
                Coded(p.table, p.codes[start:stop]) if isinstance(p, Coded) else p[start:stop]
                for p in self.parts
            )
        )


Part: TypeAlias = str | Coded | list[str] | Pieces  # str: the same text in every row; list: each row's text


def assemble(parts: list[Part], separators: list[str]) -> tuple[list[Part], list[str]]:
    """Merge what can be merged. `separators` has one more entry than `parts`: the text before the first
    part, between each two, after the last. Returns the same shape, with fewer parts where it pays."""
    assert len(separators) == len(parts) + 1
    items = [_constant(part) for part in parts]
    out_parts: list[Part] = []
    out_separators = [separators[0]]
    for index, (part, after) in enumerate(zip(items, separators[1:], strict=True)):
        previous = out_parts[-1] if out_parts else None
        merged = _merge(previous, out_separators[-1], part) if previous is not None else None
        if merged is not None:
            out_parts[-1] = merged
            out_separators[-1] = after
        elif isinstance(part, str):
            following = items[index + 1] if index + 1 < len(items) else None
            # A constant leads each word of the table after it, else it joins the separators around it.
            leading = (
                _fused(following.table, "", None, following.codes, part + after)
                if isinstance(following, Coded)
                else None
            )
            if leading is not None:
                items[index + 1] = leading
            else:
                out_separators[-1] += part + after
        else:
            out_parts.append(part)
            out_separators.append(after)
    if not _uniform(out_separators):
        _absorb_separators(out_parts, out_separators)
    return out_parts, out_separators


def _uniform(separators: list[str]) -> bool:
    """Nothing before or after a row and one separator between values: a row is one `separator.join`."""
    return not separators[0] and not separators[-1] and len(set(separators[1:-1])) <= 1


def _absorb_separators(parts: list[Part], separators: list[str]) -> None:
    """Rows joined by "".join take each separator as one more string per row, unless a table next to it holds
    it in each of its words (JSON's keys and quotes next to a categorical column)."""
    for index, part in enumerate(parts):
        before, after = separators[index], separators[index + 1]
        if isinstance(part, Coded) and (before or after):
            table = _fused(part.table, after, None, part.codes, before)
            if table is not None:
                parts[index] = table
                separators[index] = separators[index + 1] = ""


def text_of(part: Coded | list[str] | Pieces) -> list[str]:
    """Each row's text of a table part (or the list itself; pieces concatenated)."""
    if isinstance(part, Pieces):
        return pieces_array(part).tolist()  # type: ignore[no-any-return]
    return part.table[part.codes].tolist() if isinstance(part, Coded) else part


def pieces_array(pieces: Pieces) -> ObjArray:
    """Each row's pieces concatenated, as an object array: one array addition per piece after the first."""
    texts = [p.table[p.codes] if isinstance(p, Coded) else np.asarray(p, dtype=object) for p in pieces.parts]
    joined: ObjArray = texts[0]
    for text in texts[1:]:
        joined = joined + text
    return joined


def _constant(part: Part) -> Part:
    """A one-word table is a constant."""
    if isinstance(part, Coded) and len(part.table) == 1:
        return str(part.table[0])
    return part


def _merge(previous: Part, separator: str, part: Part) -> Part | None:
    """previous + separator + part as one table, or None when they cannot (or should not) be merged; after
    pieces, their last piece merged so."""
    if isinstance(previous, Pieces):
        last = _merge(previous.parts[-1], separator, part)
        return Pieces((*previous.parts[:-1], last)) if isinstance(last, Coded) else None
    if not isinstance(previous, Coded) or isinstance(part, (list, Pieces)):
        return None
    if isinstance(part, str):
        return _fused(previous.table, separator + part, None, previous.codes)
    if not _same_view(previous.codes, part.codes):
        return _paired(previous, separator, part)
    return _fused(previous.table, separator, part.table, previous.codes)


def _paired(first: Coded, separator: str, second: Coded) -> Coded | None:
    """first + separator + second as one table of every pair of their words (as far as the block's codes reach
    into each table), coded by the pair: age and gender side by side, one string per row instead of two. None
    when the pairs would be more than PAIRED_WORDS_PER_ROW per row of the block."""
    rows = len(first.codes)
    first_size, second_size = _reach(first), _reach(second)
    if not first_size or not second_size or first_size * second_size > PAIRED_WORDS_PER_ROW * rows:
        return None
    key = (id(first.table), separator, id(second.table), "", (first_size, second_size))  # not a _fused key
    cached = _FUSED.pop(key, None)  # put back last: the dict's order is least recently used first
    if cached is None or cached[0] is not first.table or cached[1] is not second.table:
        words = (first.table[:first_size, None] + separator + second.table[None, :second_size]).ravel()
        cached = (first.table, second.table, words)
        _make_room(len(words))
    _FUSED[key] = cached
    return Coded(cached[2], first.codes.astype(np.intp) * second_size + second.codes)


def _reach(part: Coded) -> int:
    """How many of a table's first words the codes may use: the next power of two past the largest code (so
    blocks with slightly different codes share one paired table), at most the whole table; 0 for no codes or a
    code counting from the table's end (negative): no pairs then."""
    if not len(part.codes) or int(part.codes.min()) < 0:
        return 0
    return min(len(part.table), 1 << int(part.codes.max()).bit_length())


def _same_view(first: npt.NDArray[np.intp], second: npt.NDArray[np.intp]) -> bool:
    """Whether two code arrays are one array (or equal views of one: the same memory read the same way), so
    equal by construction, without comparing their values."""
    return first is second or (
        first.ctypes.data == second.ctypes.data
        and first.shape == second.shape
        and first.strides == second.strides
        and first.dtype == second.dtype
    )


_FUSED: dict[tuple[object, ...], tuple[ObjArray, ObjArray | None, ObjArray]] = {}


def _fused(
    first: ObjArray, separator: str, second: ObjArray | None, codes: npt.NDArray[np.intp], prefix: str = ""
) -> Coded | None:
    """prefix + first + separator (+ second) word by word, cached per process; None when too big for the
    rows."""
    key = (id(first), separator, id(second), prefix)
    cached = _FUSED.pop(key, None)  # put back last: the dict's order is least recently used first
    if cached is None or cached[0] is not first or cached[1] is not second:
        size = len(first) if second is None else min(len(first), len(second))
        if size > FUSE_WORDS_PER_ROW * max(len(codes), 1):
            return None
        words = first[:size] + separator
        if prefix:
            words = prefix + words
        if second is not None:
            words = words + second[:size]
        cached = (first, second, words)
        _make_room(len(words))
    _FUSED[key] = cached
    return Coded(cached[2], codes)


def _make_room(words: int) -> None:
    """Drop the least recently used merged tables until `words` more fit the budget."""
    while _FUSED and sum(len(table) for *_, table in _FUSED.values()) + words > _FUSED_WORDS_BUDGET:
        del _FUSED[next(iter(_FUSED))]
