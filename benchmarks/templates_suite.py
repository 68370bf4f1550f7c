"""A 20-field template of mixed types against the built-in `user` dataset, in the same run (target >= 0.5x)."""

from __future__ import annotations

from typing import Any

from benchmarks.measure import Row, in_fresh_process

MIXED_TEMPLATE: list[dict[str, Any]] = [
    {"name": "id", "field_type": "uuid"},
    {"name": "order_no", "field_type": "pattern", "pattern": "ORD-####-??"},
    {"name": "first_name", "field_type": "first_name"},
    {"name": "last_name", "field_type": "last_name"},
    {"name": "email", "field_type": "email"},
    {"name": "phone", "field_type": "phone", "nullable": True, "null_rate": 0.2},
    {"name": "city", "field_type": "city"},
    {"name": "state", "field_type": "state"},
    {"name": "postal_code", "field_type": "postal_code"},
    {"name": "company", "field_type": "company_name"},
    {"name": "department", "field_type": "department"},
    {"name": "tier", "field_type": "choice", "values": ["gold", "silver", "bronze"], "weights": [1, 3, 6]},
    {"name": "age", "field_type": "integer", "min": 18, "max": 90, "distribution": "normal"},
    {"name": "balance", "field_type": "decimal", "min": 0, "max": 100000, "precision": 2},
    {"name": "score", "field_type": "float", "min": 0, "max": 1, "precision": 3},
    {"name": "active", "field_type": "boolean", "true_ratio": 0.9},
    {
        "name": "signed_up",
        "field_type": "datetime",
        "start": "2020-01-01T00:00:00",
        "end": "2026-10-31T00:00:00",
    },
    {"name": "birthday", "field_type": "date", "start": "1940-01-01", "end": "2006-01-01"},
    {"name": "ip", "field_type": "ipv4"},
    {"name": "login", "field_type": "template", "template": "{first_name}.{last_name}"},
]


def template_bytes(records: int) -> int:
    from synthdata.engine import iter_rendered_blocks
    from synthdata.fields import compile_template

    dataset = compile_template(MIXED_TEMPLATE, record_count=records)
    return sum(
        len(piece)
        for piece, _ in iter_rendered_blocks(
            dataset, seed=1, locale="en_US", fmt="csv", compression=None, start=0, stop=records, total=records
        )
    )


def run(quick: bool) -> list[Row]:
    records = 100_000 if quick else 1_000_000
    user = in_fresh_process("benchmarks.engine_suite.engine_bytes", "user", records)
    template = in_fresh_process("benchmarks.templates_suite.template_bytes", records)
    ratio = (records / template.seconds) / (records / user.seconds)
    return [
        Row("templates", "built-in user dataset", "user csv", records, user, 1.0),
        Row("templates", "20-field mixed template", "template csv", records, template, ratio),
    ]
