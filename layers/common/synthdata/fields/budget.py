"""The budget of one template row: how wide its text may be and how much CPU it may take, checked when a
template is validated, so no template can make a block (10,000 rows) cost more than the largest accepted one.

Each field type states its worst-case bytes per value (`FieldModel.width`, from its bounded parameters) and its
CPU per value (`FieldModel.cost`, in units of about 0.1 µs on the reference machine: the type's own work plus
one unit per BYTES_PER_COST_UNIT bytes it writes). The largest accepted templates preview 100 rows in under
3 MB and 0.02 s, and render a whole 10,000-row block in under 1.5 s and 300 MB on the reference machine
(tests/unit/fields/test_budget.py prints the figures).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from synthdata.errors import FieldProblem

if TYPE_CHECKING:
    from synthdata.fields.base import FieldModel

# Bytes of one row's values, one separator per value included (what a CSV line holds).
MAX_ROW_BYTES = 4096
# CPU of one row, in cost units (about 0.1 µs each): 1500 units is about 1.5 s per 10,000-row block.
MAX_ROW_COST = 1500
# Writing text costs one unit per this many bytes (joining, escaping, encoding).
BYTES_PER_COST_UNIT = 16
_SHOWN_AMOUNT = 10**12  # larger totals are "more than" this in sentences


def value_widths(fields: Sequence[FieldModel]) -> list[int]:
    """Each field's worst-case bytes per value; a template's width adds up the fields it refers to."""
    widths: dict[str, int] = {}
    for field in fields:
        widths[field.name] = field.width(widths)
    return [widths[field.name] for field in fields]


def row_cost(fields: Sequence[FieldModel]) -> int:
    """The cost of one row at its widest values, in cost units."""
    return sum(field.cost(width) for field, width in zip(fields, value_widths(fields), strict=True))


def budget_problems(fields: Sequence[FieldModel]) -> list[FieldProblem]:
    """The field that takes the row over MAX_ROW_BYTES, and the one that takes it over MAX_ROW_COST, if any."""
    widths = value_widths(fields)
    costs = [field.cost(width) for field, width in zip(fields, widths, strict=True)]
    found = []
    for index, sentence in (
        (
            _first_over([width + 1 for width in widths], MAX_ROW_BYTES),
            f"the template's rows would be up to {_amount(sum(widths) + len(widths))} bytes wide; "
            f"the limit is {MAX_ROW_BYTES:,} bytes per row",
        ),
        (
            _first_over(costs, MAX_ROW_COST),
            f"the template's rows would cost up to {_amount(sum(costs))} units of work; the limit is "
            f"{MAX_ROW_COST:,} per row (fewer fields, shorter text, or cheaper types)",
        ),
    ):
        if index is not None:
            at = f"schema_fields[{index}]"
            found.append(FieldProblem(at, f"{at}: {sentence}"))
    return found


def _first_over(amounts: Sequence[int], limit: int) -> int | None:
    """The index at which the running total of amounts first exceeds limit (None if it never does)."""
    total = 0
    for index, amount in enumerate(amounts):
        total += amount
        if total > limit:
            return index
    return None


def _amount(total: int) -> str:
    """A total as a sentence gives it (templates built from templates grow exponentially)."""
    return f"{total:,}" if total <= _SHOWN_AMOUNT else f"more than {_SHOWN_AMOUNT:,}"
