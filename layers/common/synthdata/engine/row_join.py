"""A block's rows as one string from the parts `row_parts.assemble` leaves: one flat join over every row's
strings in order where it can (no string per row), else one join per row."""

from __future__ import annotations

from collections.abc import Iterable, Iterator
from itertools import chain, repeat

# The merged-table cache and the uniform-separator test are row_parts' own: the rows are joined here.
from synthdata.engine.row_parts import Coded, Part, Pieces, _fused, _uniform, text_of


def join_rows(
    parts: list[Part], separators: list[str], rows: int, line_end: str, head: str = "", ended: bool = False
) -> str:
    """`head`, then each row's separators and parts concatenated, rows joined by `line_end` (and one after the
    last when `ended`): all in the one join, as adding to a block's text afterwards would copy it whole."""
    tables_and_lists = [part for part in parts if not isinstance(part, str)]
    if rows and parts and len(tables_and_lists) == len(parts):
        return _flat_join(tables_and_lists, separators, rows, line_end, head, ended)
    texts = _row_texts(parts, separators, rows)
    if head:
        texts = chain((head + next(texts, ""),), texts)
    return line_end.join(chain(texts, ("",)) if ended else texts)


def _flat_join(
    parts: list[Coded | list[str] | Pieces],
    separators: list[str],
    rows: int,
    line_end: str,
    head: str,
    ended: bool,
) -> str:
    """join_rows as one join over every row's strings in order, no string per row: each separator rides on a
    table's words beside it (after the table before it, else before the table after it) or is one more string
    per row; the text between two rows is the last separator, the line end and the first separator."""
    between = separators[-1] + line_end + separators[0]
    items: list[list[str] | str] = []
    pending = ""  # a separator not yet placed: leads the next table's words, or stands alone
    pieces = _pieces_apart(parts, [*separators[1:-1], between])
    for index, (part, after) in enumerate(pieces):
        # A separator rides on the smaller of the tables beside it: each is made once per process.
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
            items.append(text_of(fused))
            pending = after if smaller_next else ""
            continue
        if pending:
            items.append(pending)
        items.append(text_of(part))
        pending = after
    if pending:
        items.append(pending)
    width = len(items)
    strings: list[str] = [""] * (width * rows)
    for index, item in enumerate(items):
        strings[index::width] = [item] * rows if isinstance(item, str) else item
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
