"""Matrix 2: numeric parameters at and beyond what a column can hold. Every extreme is refused when the template
is created (422, never 5xx); templates at the edges that are accepted write only in-range values, and their
unique columns never repeat, in a 10,000-row block."""

from __future__ import annotations

import json
from typing import Any

from synthdata.engine import BLOCK_ROWS
from synthdata.fields import compile_template
from tests.conftest import Figure
from tests.integration.api.conftest import Api
from tests.unit.fields.rendering import rendered

EDGE = 2**53
EXTREMES: list[dict[str, Any]] = [
    {"field_type": "sequence", "step": 2**62},
    {"field_type": "sequence", "start": 2**63},
    {"field_type": "sequence", "start": -(2**70)},
    {"field_type": "integer", "min": -(2**70), "max": 2**70, "distribution": "normal"},
    {"field_type": "integer", "min": 0, "max": 2**64},
    {"field_type": "integer", "min": 10, "max": 9},
    {"field_type": "float", "min": -1e300, "max": 1e300},
    {"field_type": "float", "min": 0, "max": 1, "precision": 11},
    {"field_type": "float", "min": 0, "max": 1, "precision": -1},
    {"field_type": "decimal", "min": 0, "max": 1e16},
    {"field_type": "boolean", "true_ratio": 1.5},
    {"field_type": "boolean", "true_ratio": -0.1},
    {"field_type": "word", "nullable": True, "null_rate": 1.01},
    {"field_type": "lorem", "words": 0},
    {"field_type": "lorem", "words": 10**6},
    {"field_type": "sentence", "words": 51},
    {"field_type": "paragraph", "sentences": 21},
    {"field_type": "choice", "values": [1.5, 2], "weights": [-1, 2]},
    {"field_type": "choice", "values": [1, 2], "weights": [0, 0]},
    {"field_type": "date", "start": "9999-12-31", "end": "0001-01-01"},
    {"field_type": "semver", "max_major": 1000},
]
EDGES: list[dict[str, Any]] = [
    {"name": "seq", "field_type": "sequence", "start": EDGE - BLOCK_ROWS, "step": 1, "unique": True},
    {"name": "down", "field_type": "sequence", "start": -EDGE + BLOCK_ROWS, "step": -1, "unique": True},
    {"name": "wide", "field_type": "integer", "min": -EDGE, "max": EDGE, "distribution": "normal"},
    {"name": "uniq", "field_type": "integer", "min": -EDGE, "max": -EDGE + BLOCK_ROWS - 1, "unique": True},
    {"name": "f", "field_type": "float", "min": -1e15, "max": 1e15, "distribution": "lognormal"},
]


def test_numeric_extremes_are_refused_and_edges_stay_in_range(api: Api, figure: Figure) -> None:
    refused = server_errors = 0
    for number, extreme in enumerate(EXTREMES):
        template = {"name": "extreme", "schema_fields": [{"name": f"x{number}", **extreme}]}
        reply = api.call("POST", "/api/templates", template)
        server_errors += reply.status >= 500
        refused += reply.status == 422
        assert reply.status == 422, (extreme, reply.text)
    rows = json.loads(rendered(compile_template(EDGES, record_count=BLOCK_ROWS), BLOCK_ROWS))
    out_of_range = sum(
        not (-EDGE <= row["seq"] <= EDGE and -EDGE <= row["down"] <= EDGE and -EDGE <= row["wide"] <= EDGE)
        or not -1e15 <= row["f"] <= 1e15
        for row in rows
    )
    repeated = sum(len(rows) - len({row[name] for row in rows}) for name in ("seq", "down", "uniq"))
    assert refused == len(EXTREMES) and out_of_range == 0 and repeated == 0 and len(rows) == BLOCK_ROWS
    figure(
        "2 numeric extremes",
        f"{refused} of {len(EXTREMES)} rejected at create, {server_errors} 5xx; {BLOCK_ROWS:,} rows at the edges: "
        f"{out_of_range} out of range, {repeated} repeated unique values",
    )
