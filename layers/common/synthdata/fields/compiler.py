"""Check a template's schema_fields before any work is spent, and compile them into a Dataset.

Every problem is collected (not only the first) and named by its path, e.g. `schema_fields[3].max`.
"""

from __future__ import annotations

import difflib
import math
import re
from dataclasses import dataclass
from datetime import date, datetime, time
from typing import Any

from synthdata.errors import FieldProblem, ValidationFailed
from synthdata.fields.catalogue import COMMON_PARAMS, FIELD_TYPES, FieldType

MAX_FIELDS = 200
MAX_CHOICES = 1000
FIELD_NAME = re.compile(r"^[A-Za-z_][A-Za-z0-9_]{0,63}$")
TEMPLATE_REFERENCE = re.compile(r"\{([^{}]*)\}")
DATE_FORMAT = re.compile(r"(?:%[YmdHMS]|[^%]){1,64}")
_TEST_CARDS = 10
_IPV4_CAPACITY = 3 * 254


@dataclass(frozen=True)
class FieldSpec:
    """One validated field: its name, type, common options and the type's parameters (defaults filled in)."""

    name: str
    type: FieldType
    nullable: bool
    null_rate: float
    unique: bool
    params: dict[str, Any]


def _parse_date(value: Any) -> date:
    return date.fromisoformat(str(value))


def _parse_time(value: Any) -> int:
    """Seconds since midnight of HH:MM[:SS]."""
    parsed = time.fromisoformat(str(value))
    return parsed.hour * 3600 + parsed.minute * 60 + parsed.second


def _parse_datetime(value: Any) -> datetime:
    return datetime.fromisoformat(str(value).replace("Z", "+00:00")).replace(tzinfo=None)


def _check_param(kind: str, value: Any) -> str | None:
    """None when `value` fits the parameter kind, else what it should be."""
    checks = {
        "int": (lambda v: isinstance(v, int) and not isinstance(v, bool), "a whole number"),
        "number": (
            lambda v: isinstance(v, int | float) and not isinstance(v, bool) and math.isfinite(v),
            "a number",
        ),
        "string": (lambda v: isinstance(v, str), "a string"),
        "bool": (lambda v: isinstance(v, bool), "true or false"),
        "list": (lambda v: isinstance(v, list), "a list"),
        "date": (lambda v: _valid(_parse_date, v), "an ISO date like 2024-01-31"),
        "datetime": (lambda v: _valid(_parse_datetime, v), "an ISO date-time like 2024-01-31T12:00:00"),
        "any": (
            lambda v: isinstance(v, str | int | float | bool) and v is not None,
            "a string, number or boolean",
        ),
        "choice": (lambda v: isinstance(v, str), "a string"),
        "time": (lambda v: isinstance(v, str) and _valid(_parse_time, v), "a time like 09:30:00"),
    }
    ok, expected = checks[kind]
    accepted: bool = ok(value)  # type: ignore[no-untyped-call]
    return None if accepted else expected


def _valid(parse: Any, value: Any) -> bool:
    try:
        parse(value)
    except (TypeError, ValueError):
        return False
    return True


def capacity(spec: FieldSpec) -> int | None:
    """How many distinct values the field can take (None: unlimited or not enumerable)."""
    t, p = spec.type, spec.params
    if t.unique_by_construction:
        return None
    if t.name == "integer":
        return int(p["max"]) - int(p["min"]) + 1
    if t.name == "pattern":
        pattern = str(p["pattern"])
        return int(10 ** pattern.count("#") * 26 ** pattern.count("?"))
    if t.name == "choice":
        return len(p["values"])
    if t.name == "constant":
        return 1
    if t.name == "boolean":
        return 2
    if t.name == "date":
        return (_parse_date(p["end"]) - _parse_date(p["start"])).days + 1
    if t.name == "datetime":
        return int((_parse_datetime(p["end"]) - _parse_datetime(p["start"])).total_seconds()) + 1
    if t.name == "time":
        return _parse_time(p["end"]) - _parse_time(p["start"]) + 1
    if t.name == "credit_card_number":
        return _TEST_CARDS
    if t.name == "ipv4":
        return _IPV4_CAPACITY
    return None


def _field_problems(index: int, raw: Any, earlier: list[str]) -> tuple[FieldSpec | None, list[FieldProblem]]:
    at = f"schema_fields[{index}]"
    if not isinstance(raw, dict):
        return None, [FieldProblem(at, f"{at} must be an object with name and field_type")]
    problems: list[FieldProblem] = []
    name = raw.get("name")
    if not isinstance(name, str) or not FIELD_NAME.match(name):
        problems.append(
            FieldProblem(
                f"{at}.name",
                f"{at}.name must start with a letter or _ and hold only letters, digits and _ (at most 64)",
            )
        )
        name = f"field_{index}"
    elif name in earlier:
        problems.append(FieldProblem(f"{at}.name", f"{at}.name '{name}' is used by an earlier field"))
    type_name = raw.get("field_type")
    field_type = FIELD_TYPES.get(type_name) if isinstance(type_name, str) else None
    if field_type is None:
        close = difflib.get_close_matches(str(type_name), list(FIELD_TYPES), n=1)
        hint = f"; did you mean '{close[0]}'?" if close else "; GET /api/data-types lists the types"
        problems.append(
            FieldProblem(f"{at}.field_type", f"{at}.field_type '{type_name}' is not a known type{hint}")
        )
        return None, problems
    allowed = {"name", "field_type", *(p.name for p in COMMON_PARAMS), *(p.name for p in field_type.params)}
    for key in sorted(set(raw) - allowed):
        names = ", ".join(p.name for p in field_type.params) or "none"
        problems.append(
            FieldProblem(
                f"{at}.{key}", f"{at}.{key} is not a parameter of {field_type.name} (its parameters: {names})"
            )
        )
    values: dict[str, Any] = {}
    for param in (*COMMON_PARAMS, *field_type.params):
        value = raw.get(param.name, param.default)
        if value is None and param.default is None:
            problems.append(
                FieldProblem(f"{at}.{param.name}", f"{at}.{param.name} is required for {field_type.name}")
            )
            continue
        expected = _check_param(param.kind, value)
        if expected:
            problems.append(FieldProblem(f"{at}.{param.name}", f"{at}.{param.name} must be {expected}"))
            continue
        if param.choices and value not in param.choices:
            problems.append(
                FieldProblem(
                    f"{at}.{param.name}", f"{at}.{param.name} must be one of {', '.join(param.choices)}"
                )
            )
        values[param.name] = value
    if problems:
        return None, problems
    params = {k: v for k, v in values.items() if k not in ("nullable", "null_rate", "unique")}
    spec = FieldSpec(
        name, field_type, values["nullable"], float(values["null_rate"]), values["unique"], params
    )
    problems.extend(_semantic_problems(at, spec, earlier))
    return (None if problems else spec), problems


def _semantic_problems(at: str, spec: FieldSpec, earlier: list[str]) -> list[FieldProblem]:
    p, problems = spec.params, []
    if not 0 <= spec.null_rate <= 1:
        problems.append(FieldProblem(f"{at}.null_rate", f"{at}.null_rate must be between 0 and 1"))
    if "min" in p and "max" in p and p["min"] > p["max"]:
        problems.append(FieldProblem(f"{at}.max", f"{at}.max ({p['max']}) must be at least min ({p['min']})"))
    if spec.type.name in ("float", "decimal") and not 0 <= p["precision"] <= 10:
        problems.append(FieldProblem(f"{at}.precision", f"{at}.precision must be between 0 and 10"))
    if spec.type.name == "sequence" and p["step"] == 0:
        problems.append(FieldProblem(f"{at}.step", f"{at}.step must not be 0"))
    if spec.type.name == "boolean" and not 0 <= p["true_ratio"] <= 1:
        problems.append(FieldProblem(f"{at}.true_ratio", f"{at}.true_ratio must be between 0 and 1"))
    if spec.type.name == "pattern" and not ("#" in p["pattern"] or "?" in p["pattern"]):
        problems.append(FieldProblem(f"{at}.pattern", f"{at}.pattern needs at least one # or ? placeholder"))
    if spec.type.name in ("date", "datetime", "time"):
        parse: Any = {"date": _parse_date, "datetime": _parse_datetime, "time": _parse_time}[spec.type.name]
        if parse(p["start"]) > parse(p["end"]):
            problems.append(
                FieldProblem(f"{at}.end", f"{at}.end ({p['end']}) must not be before start ({p['start']})")
            )
    if "format" in p and p["format"] and not DATE_FORMAT.fullmatch(p["format"]):
        problems.append(
            FieldProblem(
                f"{at}.format",
                f"{at}.format may only use %Y %m %d %H %M %S and plain "
                "characters (no % otherwise), at most 64 characters",
            )
        )
    for name, low, high in (("words", 1, 200), ("sentences", 1, 20)):
        if name in p and not low <= p[name] <= high:
            problems.append(FieldProblem(f"{at}.{name}", f"{at}.{name} must be between {low} and {high}"))
    if spec.type.name == "choice":
        problems.extend(_choice_problems(at, p))
    if spec.type.name == "template":
        for reference in TEMPLATE_REFERENCE.findall(p["template"]):
            if reference not in earlier:
                problems.append(
                    FieldProblem(
                        f"{at}.template",
                        f"{at}.template refers to '{{{reference}}}', which is "
                        "not an earlier field of this template",
                    )
                )
    if spec.unique and not (spec.type.unique_by_construction or spec.type.enumerable):
        problems.append(
            FieldProblem(
                f"{at}.unique",
                f"{at}.unique is not available for {spec.type.name}: its values "
                "cannot be guaranteed distinct",
            )
        )
    return problems


def _choice_problems(at: str, p: dict[str, Any]) -> list[FieldProblem]:
    values, weights, problems = p["values"], p.get("weights"), []
    if not 1 <= len(values) <= MAX_CHOICES:
        problems.append(FieldProblem(f"{at}.values", f"{at}.values needs 1 to {MAX_CHOICES} values"))
    elif any(_check_param("any", v) for v in values):
        problems.append(FieldProblem(f"{at}.values", f"{at}.values must hold strings, numbers or booleans"))
    if weights:
        if len(weights) != len(values):
            problems.append(
                FieldProblem(
                    f"{at}.weights", f"{at}.weights has {len(weights)} weights for {len(values)} values"
                )
            )
        elif any(_check_param("number", w) or w < 0 for w in weights) or not sum(weights) > 0:
            problems.append(
                FieldProblem(f"{at}.weights", f"{at}.weights must be non-negative numbers, not all 0")
            )
    return problems


def validate_fields(schema_fields: Any, *, record_count: int | None = None) -> list[FieldSpec]:
    """Validated field specs, or ValidationFailed naming every problem."""
    if not isinstance(schema_fields, list) or not schema_fields:
        raise ValidationFailed.one("schema_fields", "schema_fields must be a non-empty list of fields")
    if len(schema_fields) > MAX_FIELDS:
        raise ValidationFailed.one(
            "schema_fields",
            f"schema_fields has {len(schema_fields)} fields; at most {MAX_FIELDS} are allowed",
        )
    specs: list[FieldSpec] = []
    problems: list[FieldProblem] = []
    names: list[str] = []
    for index, raw in enumerate(schema_fields):
        spec, found = _field_problems(index, raw, names)
        problems.extend(found)
        if isinstance(raw, dict) and isinstance(raw.get("name"), str):
            names.append(raw["name"])
        if spec is not None:
            specs.append(spec)
            limit = capacity(spec)
            if spec.unique and record_count is not None and limit is not None and limit < record_count:
                problems.append(
                    FieldProblem(
                        f"schema_fields[{index}].unique",
                        f"field '{spec.name}' is unique but {spec.type.name} has only {limit} distinct values; "
                        f"record_count is {record_count}",
                    )
                )
    if problems:
        raise ValidationFailed(
            "; ".join(p.message for p in problems[:5]) + ("; ..." if len(problems) > 5 else ""), problems
        )
    return specs
