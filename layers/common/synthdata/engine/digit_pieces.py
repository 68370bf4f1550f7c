"""Numbers from digit templates (phones) as two table pieces for the writer, where the templates allow.

`fill_digits` makes each number a new string from a byte matrix (one decode and split of the block). When the
templates all have the same digit slots in number and range (en_US "$##-555-01##" and "($##) 555-01##", en_GB,
en_AU), each is cut before its middle slot and each half is a word of a table made once per process (en_US: 80
area-code beginnings and 1,000 endings per template), coded by the same drawn digits: no string per number and
the same text.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import numpy.typing as npt

from synthdata.engine.locale_data import _digit_templates  # fill_digits' own layout of the templates
from synthdata.engine.row_parts import Coded, Pieces

ObjArray = npt.NDArray[np.object_]

HALF_WORDS = 1 << 14  # the words of one half's table, over every template, at most (built once per process)


@dataclass(frozen=True)
class _Halves:
    tables: tuple[ObjArray, ObjArray]  # per template, its half with every combination of that half's digits
    slots: npt.NDArray[np.intp]  # (templates, slots): each template's digit columns
    spans: npt.NDArray[np.float64]  # (slots,): how many digits each slot takes, alike in every template
    place_values: npt.NDArray[
        np.int64
    ]  # (slots,): a slot's digit times this, summed within its half: the code
    middle: int  # the slots before it make the first half


def digit_pieces(rng: np.random.Generator, formats: tuple[str, ...], n: int) -> Pieces | None:
    """`fill_digits(rng, formats, n)` as two table pieces, drawing the same numbers; None (and nothing drawn)
    when the templates differ in their slots or the tables would be too big."""
    halves = _halves(formats)
    if halves is None:
        return None
    uniform = rng.random((n, 1 + _digit_templates(formats).width))  # as fill_digits: format, then each digit
    choice = (uniform[:, 0] * len(formats)).astype(np.intp)
    drawn = np.take_along_axis(uniform[:, 1:], halves.slots[choice], axis=1)
    digits = (drawn * halves.spans).astype(np.uint8).astype(np.int64)  # fill_digits' digit at each slot
    weighted = digits * halves.place_values
    pieces = []
    for half, (lo, hi) in enumerate(((0, halves.middle), (halves.middle, len(halves.spans)))):
        words = halves.tables[half]
        per_template = len(words) // len(formats)
        pieces.append(Coded(words, choice * per_template + weighted[:, lo:hi].sum(axis=1)))
    return Pieces(tuple(pieces))


@lru_cache(maxsize=64)
def _halves(formats: tuple[str, ...]) -> _Halves | None:
    """Each template's two halves with every combination of their digits (the last slot varying fastest), or
    None (a line feed in a template, templates whose slots differ, too many combinations)."""
    templates = _digit_templates(formats)
    width = templates.width
    spans = templates.packed[:, width + 1 : 2 * width + 1].astype(np.int64)
    slots = [np.flatnonzero(row) for row in spans]
    layout = [spans[index, columns].tolist() for index, columns in enumerate(slots)]
    if templates.has_line_feed or not formats or any(other != layout[0] for other in layout):
        return None
    slot_spans = np.asarray(layout[0], dtype=np.int64)
    middle = len(slot_spans) // 2
    place_values = np.ones(len(slot_spans), dtype=np.int64)
    for lo, hi in ((0, middle), (middle, len(slot_spans))):
        for position in range(hi - 2, lo - 1, -1):
            place_values[position] = place_values[position + 1] * slot_spans[position + 1]
    combinations = (int(np.prod(slot_spans[:middle])), int(np.prod(slot_spans[middle:])))
    if len(formats) * max(combinations) > HALF_WORDS:
        return None
    words: tuple[list[str], list[str]] = ([], [])
    for index, (length, columns) in enumerate(zip(templates.lengths.tolist(), slots, strict=True)):
        cut = int(columns[middle]) if len(columns) > middle else length
        for half, (lo, hi), (first, last) in (
            (0, (0, cut), (0, middle)),
            (1, (cut, length), (middle, len(slot_spans))),
        ):
            base = templates.packed[index, lo:hi]
            words[half].extend(
                _combinations(
                    base, columns[first:last] - lo, slot_spans[first:last], place_values[first:last]
                )
            )
    return _Halves(
        (_words(words[0]), _words(words[1])),
        np.asarray(slots, dtype=np.intp).reshape(len(formats), len(slot_spans)),
        slot_spans.astype(np.float64),
        place_values,
        middle,
    )


def _combinations(
    base: npt.NDArray[np.uint8],
    slots: npt.NDArray[np.intp],
    spans: npt.NDArray[np.int64],
    place_values: npt.NDArray[np.int64],
) -> list[str]:
    """The text of `base` (each slot holding its lowest digit) for every combination of its slots' digits, in
    the order of the code sum(digit x place value)."""
    count = int(np.prod(spans))
    code = np.arange(count)
    text = np.repeat(base[None, :], count, axis=0)
    for slot, span, value in zip(slots.tolist(), spans.tolist(), place_values.tolist(), strict=True):
        text[:, slot] += ((code // value) % span).astype(np.uint8)
    return [row.tobytes().decode() for row in text]


def _words(words: list[str]) -> ObjArray:
    table = np.empty(len(words), dtype=object)
    table[:] = words
    return table
