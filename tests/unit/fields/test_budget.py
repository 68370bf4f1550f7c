"""A template's rows have a width and CPU budget, checked when it is validated: the cost bombs are refused with
the field that tips them over, every type stays within the width it states, and the largest accepted templates
preview (and render a whole block) in bounded memory and time."""

from __future__ import annotations

import functools
import gc
import time
import tracemalloc
from collections.abc import Callable
from typing import Any

import numpy as np
import pytest

from synthdata.engine import BLOCK_ROWS, LOCALES, preview_records
from synthdata.engine.dataset import BlockContext
from synthdata.errors import ValidationFailed
from synthdata.fields import FIELD_TYPES, TemplateDataset
from synthdata.fields.budget import MAX_ROW_BYTES, MAX_ROW_COST, value_widths
from synthdata.fields.compiler import validate_fields
from synthdata.fields.row import Row
from tests.conftest import Figure
from tests.unit.fields.parents import bound, compiled
from tests.unit.fields.rendering import rendered
from tests.unit.fields.test_templates import every_type

MB = 2**20


def copies(field_type: str, count: int, **parameters: Any) -> list[dict[str, Any]]:
    return [{"name": f"{field_type}{i}", "field_type": field_type, **parameters} for i in range(count)]


def refusal(schema: list[dict[str, Any]]) -> list[tuple[str, str]]:
    with pytest.raises(ValidationFailed) as caught:
        compiled(schema)
    assert caught.value.status_code == 422
    return [(p.field, p.message) for p in caught.value.details]


BOMBS: dict[str, list[dict[str, Any]]] = {
    "five 200-word lorem fields": copies("lorem", 5, words=200),
    "a paragraph repeated 166 times by a template": [
        {"name": "p", "field_type": "paragraph", "sentences": 20},
        {"name": "t", "field_type": "template", "template": "{p}" * 166},
    ],
    "templates nested 20 deep": [{"name": "p", "field_type": "paragraph", "sentences": 20}]
    + [
        {"name": f"t{i}", "field_type": "template", "template": ("{p}" if i == 0 else f"{{t{i - 1}}}") * 100}
        for i in range(20)
    ],
    "46 ipv6 fields": copies("ipv6", 46),
    "200 choices of 1,000 values of 200 characters": copies(
        "choice", 200, values=[f"{n:03d}" + "v" * 197 for n in range(1000)]
    ),
}


def test_every_cost_bomb_is_refused(figure: Figure) -> None:
    seconds_each = {name: seconds(functools.partial(refusal, schema)) for name, schema in BOMBS.items()}
    figure(
        "3 template cost: bombs",
        f"{len(BOMBS)} of {len(BOMBS)} rejected at validation, slowest check {max(seconds_each.values()):.2f} s",
    )


def test_wide_text_is_refused_naming_the_field_that_tips_the_row_over() -> None:
    assert refusal(copies("lorem", 5, words=200)) == [
        (
            "schema_fields[1]",
            "schema_fields[1]: the template's rows would be up to 15,010 bytes wide; "
            "the limit is 4,096 bytes per row",
        )
    ]


def test_a_template_that_repeats_wide_fields_is_refused_for_width_and_work() -> None:
    schema: list[dict[str, Any]] = [
        {"name": "p", "field_type": "paragraph", "sentences": 20},
        {"name": "t", "field_type": "template", "template": "{p}" * 166},
    ]
    (width, width_sentence), (work, work_sentence) = refusal(schema)
    assert width == work == "schema_fields[1]"
    assert width_sentence.endswith("up to 404,142 bytes wide; the limit is 4,096 bytes per row")
    assert "cost up to 25,432 units of work; the limit is 1,500 per row" in work_sentence
    nested = [{"name": "p", "field_type": "paragraph", "sentences": 20}] + [
        {"name": f"t{i}", "field_type": "template", "template": ("{p}" if i == 0 else f"{{t{i - 1}}}") * 100}
        for i in range(20)
    ]
    assert "more than 1,000,000,000,000 bytes wide" in refusal(nested)[0][1]


def test_costly_types_are_refused_for_work() -> None:
    assert refusal(copies("ipv6", 46)) == [
        (
            "schema_fields[45]",
            "schema_fields[45]: the template's rows would cost up to 1,518 units of work; the limit is 1,500 "
            "per row (fewer fields, shorter text, or cheaper types)",
        )
    ]


def test_a_row_exactly_at_the_width_limit_is_accepted_and_one_byte_more_is_not() -> None:
    wide = copies("constant", 20, value="x" * 199)  # 20 x (199 + 1 separator) = 4,000 bytes
    compiled([*wide, {"name": "last", "field_type": "constant", "value": "y" * 95}])
    assert refusal([*wide, {"name": "last", "field_type": "constant", "value": "y" * 96}]) == [
        (
            "schema_fields[20]",
            "schema_fields[20]: the template's rows would be up to 4,097 bytes wide; "
            "the limit is 4,096 bytes per row",
        )
    ]


def widest_parameters() -> list[dict[str, Any]]:
    """Every type with its defaults, then the parameters that make values widest."""
    return [
        *every_type(),
        {"name": "lorem_max", "field_type": "lorem", "words": 200},
        {"name": "sentence_max", "field_type": "sentence", "words": 50},
        {"name": "paragraph_max", "field_type": "paragraph", "sentences": 20},
        {"name": "float_max", "field_type": "float", "min": -1e15, "max": 1e15, "precision": 10},
        {"name": "price_max", "field_type": "price", "min": -1e15, "max": 1e15},
        {"name": "integer_max", "field_type": "integer", "min": -(2**53), "max": 2**53},
        {"name": "date_text", "field_type": "date", "format": "%d.%m.%Y %H:%M:%S é"},
        {"name": "email_domain", "field_type": "email", "domain": "ü" * 60 + ".example"},
        {"name": "email_free", "field_type": "email"},
        {"name": "choice_mixed", "field_type": "choice", "values": ["ö" * 200, 1e15, -3.25, True]},
        {"name": "template_all", "field_type": "template", "template": "{f_name} {f_email} ünd {f_url}"},
    ]


@pytest.mark.parametrize("locale", LOCALES)
def test_every_type_stays_within_the_width_it_states(locale: str) -> None:
    # Far wider than the budget allows, so built from the models directly, not through the compiler.
    fields = [bound(FIELD_TYPES[raw["field_type"]].model_validate(raw)) for raw in widest_parameters()]
    dataset = TemplateDataset(tuple(fields))
    options = {"realistic_email_domains": True}
    columns = dataset.generate_block(BlockContext(seed=5, locale=locale, block_index=0, options=options))
    for field, width in zip(fields, value_widths(fields), strict=True):
        widest = max(len(text.encode()) for text in columns[field.name].plain_text())
        assert widest <= width, (field.name, widest, width)


# The largest templates the budget accepts, each at a limit: width, work or the number of fields.
LARGEST: dict[str, list[dict[str, Any]]] = {
    "two lorem, 270 words": [
        {"name": "l", "field_type": "lorem", "words": 200},
        {"name": "m", "field_type": "lorem", "words": 70},
    ],
    "lorem 90 twice in a template": [
        {"name": "l", "field_type": "lorem", "words": 90},
        {"name": "t", "field_type": "template", "template": "{l}{l}"},
    ],
    "110 uuids": copies("uuid", 110),
    "200 nullable patterns": copies("pattern", 200, pattern="#" * 10, nullable=True, null_rate=0.5),
    "45 ipv6": copies("ipv6", 45),
    "150 semver": copies("semver", 150),
}


def seconds(work: Callable[[], object]) -> float:
    started = time.perf_counter()
    work()
    return time.perf_counter() - started


def traced_peak(work: Callable[[], object]) -> float:
    """Peak memory (MB) Python allocated during work."""
    gc.collect()
    tracemalloc.start()
    try:
        work()
        return tracemalloc.get_traced_memory()[1] / MB
    finally:
        tracemalloc.stop()


@pytest.mark.parametrize("label", list(LARGEST))
def test_the_largest_accepted_templates_preview_in_bounded_memory(label: str, figure: Figure) -> None:
    schema = LARGEST[label]
    dataset = compiled(schema)
    with pytest.raises(ValidationFailed):
        compiled([*schema, {**schema[-1], "name": "one_more"}])  # each is as large as the budget allows
    fields = validate_fields(schema)
    widths = value_widths(fields)
    costs = sum(f.cost(w) for f, w in zip(fields, widths, strict=True))

    def preview() -> object:
        return preview_records(dataset, seed=1, locale="de_DE", count=100)

    def block() -> object:  # what a worker renders per block (and what a preview rendered before)
        return rendered(dataset, BLOCK_ROWS, locale="de_DE")

    peak = traced_peak(preview)
    figure(
        f"3 template cost: largest accepted, {label}",
        f"{sum(widths) + len(widths):,}/{MAX_ROW_BYTES:,} bytes, {costs:,}/{MAX_ROW_COST:,} units; "
        f"preview of 100 rows {peak:.1f} MB peak, {seconds(preview):.3f} s; "
        f"a {BLOCK_ROWS:,}-row JSON block {seconds(block):.2f} s",
    )
    assert peak < 256


def test_rows_of_a_block_are_cut_from_the_same_entities() -> None:
    row = Row(BlockContext(seed=3, locale="en_US", block_index=0, rows=7))
    whole = Row(BlockContext(seed=3, locale="en_US", block_index=0))
    assert np.array_equal(row.person.first_codes, whole.person.first_codes[:7])
    assert np.array_equal(row.born, whole.born[:7])
