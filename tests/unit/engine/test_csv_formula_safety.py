"""No CSV cell a spreadsheet would run as a formula, by default: built-ins avoid such values at the source, user
text is neutralized; a request option turns the protection off for programs."""

from __future__ import annotations

import csv
import io
from typing import Any

import pytest

from synthdata.api.schemas import GenerateOptions
from synthdata.engine import BLOCK_ROWS, LOCALES, Dataset, get_dataset
from synthdata.engine.datasets import BUILT_IN
from tests.conftest import Figure
from tests.unit.fields.parents import compiled
from tests.unit.fields.rendering import rendered
from tests.unit.fields.test_templates import every_type

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\0")
USER_TEXT = ["=SUM(A1)", "+1", "@x", "\tt", "\rr", "\0n", "-2+3", "a;b", "-12.5", "ok"]
LITERALS = [
    {"name": "choice", "field_type": "choice", "values": USER_TEXT},
    {"name": "constant", "field_type": "constant", "value": "=HYPERLINK(1)"},
    {"name": "template", "field_type": "template", "template": "{choice}"},
    {"name": "pattern", "field_type": "pattern", "pattern": "-##"},
    {"name": "date", "field_type": "date", "format": "@%Y"},
]


def cells(dataset: Dataset, locale: str, options: dict[str, Any] | None = None) -> list[dict[str, str]]:
    text = rendered(dataset, BLOCK_ROWS, fmt="csv", seed=17, locale=locale, options=options)
    return list(csv.DictReader(io.StringIO(text.decode(), newline="")))


def is_number(cell: str) -> bool:
    try:
        float(cell)
    except ValueError:
        return False
    return True


def risky(rows: list[dict[str, str]]) -> list[str]:
    return [
        cell
        for row in rows
        for cell in row.values()
        if cell.startswith(FORMULA_STARTS) and not is_number(cell)
    ]


def test_no_csv_cell_of_any_dataset_locale_or_template_starts_a_formula(figure: Figure) -> None:
    sources: dict[str, Dataset] = {**BUILT_IN, "every type": compiled(every_type())}
    sources["user literals"] = compiled(LITERALS)
    found = {
        (name, locale): risky(cells(dataset, locale))
        for name, dataset in sources.items()
        for locale in LOCALES
    }
    figure(
        "11 CSV safety",
        f"{sum(map(len, found.values()))} cells with a risky first character in {len(found)} CSV files of "
        f"{BLOCK_ROWS:,} rows (3 datasets and 2 templates x {len(LOCALES)} locales)",
    )
    assert {key: values[:3] for key, values in found.items() if values} == {}


def test_phones_are_national_in_every_format() -> None:
    for locale in LOCALES:
        phones = {row["phone"] for row in cells(get_dataset("user"), locale)}
        assert not any(phone.startswith("+") for phone in phones), locale


def test_user_text_is_neutralized_and_numbers_are_left_alone() -> None:
    seen = {row["choice"] for row in cells(compiled(LITERALS), "en_US")}
    assert seen == {"'=SUM(A1)", "'+1", "'@x", "'\tt", "'\rr", "'\0n", "'-2+3", "a;b", "-12.5", "ok"}


@pytest.mark.parametrize("protection", [True, False])
def test_semicolons_are_quoted_either_way(protection: bool) -> None:
    schema = [{"name": "v", "field_type": "constant", "value": "a;=1"}]
    text = rendered(schema, 3, fmt="csv", options={"csv_formula_protection": protection})
    assert text.decode().splitlines()[1] == '"a;=1"'


def test_with_protection_off_user_literals_come_out_verbatim() -> None:
    rows = cells(compiled(LITERALS), "en_US", {"csv_formula_protection": False})
    assert {row["choice"] for row in rows} == set(USER_TEXT)
    assert {row["constant"] for row in rows} == {"=HYPERLINK(1)"}
    assert all(row["template"] == row["choice"] and row["date"].startswith("@") for row in rows)


def test_clients_set_the_protection_in_the_request_options() -> None:
    assert GenerateOptions.model_validate({}).model_dump()["csv_formula_protection"] is True
    off = GenerateOptions.model_validate({"csv_formula_protection": False})
    defaults = GenerateOptions.model_validate({}).model_dump()
    assert off.model_dump() == {**defaults, "csv_formula_protection": False}
