"""A block's rows as one string from the parts `row_parts.assemble` leaves: one flat join over every row's
strings in order where it can (no string per row), else one join per row."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import chain, repeat

# The merged-table cache and the uniform-separator test are row_parts' own: the rows are joined here.
from synthdata.engine.row_parts import Coded, Part, Pieces, _fused, _uniform, text_of

# Joined row by row, separators cost nothing when they are all one; a flat join takes each separator that no
# table beside it can hold as one more string per row. Past this many such separators per row, rows joined one
# by one cost less (measured: company CSV with 6 is faster flat, ecommerce CSV with 11 row by row).
FLAT_SEPARATORS = 8


def join_rows(
    parts: list[Part], separators: list[str], rows: int, line_end: str, head: str = "", ended: bool = False
) -> str:
    """`head`, then each row's separators and parts concatenated, rows joined by `line_end` (and one after the
    last when `ended`): all in the one join, as adding to a block's text afterwards would copy it whole."""
    tables_and_lists = [part for part in parts if not isinstance(part, str)]
    if rows and parts and len(tables_and_lists) == len(parts):
        between = separators[-1] + line_end + separators[0]
        items = _flat_items(tables_and_lists, separators, between)
        alone = sum(isinstance(item, str) for item in items)
        if alone <= FLAT_SEPARATORS or not _uniform(separators):
            return _flat_join(items, separators, rows, line_end, head, ended)
    texts = _row_texts(parts, separators, rows)
    if head:
        texts = chain((head + next(texts, ""),), texts)
    return line_end.join(chain(texts, ("",)) if ended else texts)


def _flat_items(
    parts: list[Coded | list[str] | Pieces], separators: list[str], between: str
) -> list[Coded | list[str] | str]:
    """Every row's strings in order, as tables, lists and separators that stand alone: each separator rides on
    a table's words beside it where it can (the smaller of the two, as each is made once per process); the
    text between two rows (`between`) is the last separator, the line end and the first separator."""
    items: list[Coded | list[str] | str] = []
    pending = ""  # a separator not yet placed: leads the next table's words, or stands alone
    pieces = _pieces_apart(parts, [*separators[1:-1], between])
    for index, (part, after) in enumerate(pieces):
        following = pieces[index + 1][0] if index + 1 < len(pieces) else None
        smaller_next = (
            isinstance(part, Coded)
            and isinstance(following, Coded)
            and len(following.table) < len(part.table)
        )
        suffix = "" if smaller_next else after
        fused = None
        if isinstance(part, Coded) and (pending or suffix):
            fused = _fused(part.table, suffix, None, part.codes, pending)
        if fused is not None:
            items.append(fused)
            pending = after if smaller_next else ""
            continue
        if pending:
            items.append(pending)
        items.append(part)
        pending = after
    if pending:
        items.append(pending)
    return items


def _flat_join(
    items: list[Coded | list[str] | str],
    separators: list[str],
    rows: int,
    line_end: str,
    head: str,
    ended: bool,
) -> str:
    """join_rows as one join over every row's strings in order (`_flat_items`), no string per row."""
    between = separators[-1] + line_end + separators[0]
    width = len(items)
    strings: list[str] = [""] * (width * rows)
    for index, item in enumerate(items):
        strings[index::width] = [item] * rows if isinstance(item, str) else text_of(item)
    last = strings[-1]  # ends with `between`: the last row ends with the last separator (and line end)
    strings[-1] = last[: len(last) - len(between)] + separators[-1] + (line_end if ended else "")
    strings[0] = head + separators[0] + strings[0]
    return "".join(strings)


def _pieces_apart(
    parts: list[Coded | list[str] | Pieces], afters: list[str]
) -> list[tuple[Coded | list[str], str]]:
    """Each part with the separator after it, a part of pieces as its pieces with nothing between them."""
    out: list[tuple[Coded | list[str], str]] = []
    for part, after in zip(parts, afters, strict=True):
        pieces = part.parts if isinstance(part, Pieces) else (part,)
        out += [(piece, "") for piece in pieces[:-1]]
        out.append((pieces[-1], after))
    return out


def _row_texts(parts: list[Part], separators: list[str], rows: int) -> Iterator[str]:
    lists = [text_of(part) for part in parts if not isinstance(part, str)]
    if not lists:
        return repeat(separators[0], rows)
    if _uniform(separators):
        separator = separators[1] if len(separators) > 2 else ""
        return map(separator.join, zip(*lists, strict=True))
    streams: list[Iterable[str]] = []
    for separator, text in zip(separators, [*lists, None], strict=True):
        if separator:
            streams.append(repeat(separator))
        if text is not None:
            streams.append(text)
    return map("".join, zip(*streams, strict=False))  # the separators repeat endlessly
