"""Local economics: salaries follow the country, the occupation and age; money is in a stated currency.

Relationships, not exact numbers: the figures themselves live, with their sources, in each profile's `economy`
and in `economics.json` (the shared ones).
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path
from typing import Any

import numpy as np
import numpy.typing as npt
import pytest

from synthdata.engine import BLOCK_ROWS, LOCALES, get_dataset
from synthdata.engine.dataset import BlockContext
from synthdata.engine.economics import (
    derive_salary_levels,
    economics,
    economics_document,
    occupation_levels,
    salary_levels_path,
)
from synthdata.engine.locale_data import locale_data
from synthdata.engine.locales import locale_profile
from synthdata.engine.occupations import derive_job_levels, job_levels, wage_level_key

SEED = 7


def columns(name: str, locale: str, rows: int, wanted: tuple[str, ...]) -> dict[str, npt.NDArray[Any]]:
    """The wanted columns of the first `rows` rows (whole blocks) of a built-in dataset."""
    dataset = get_dataset(name)
    parts: dict[str, list[Any]] = {column: [] for column in wanted}
    for block in range(rows // BLOCK_ROWS):
        generated = dataset.generate_block(BlockContext(SEED, locale, block, {}))
        for column in wanted:
            parts[column].extend(generated[column].python_values())
    return {column: np.asarray(values, dtype=object) for column, values in parts.items()}


@lru_cache(maxsize=1)
def us_people() -> dict[str, npt.NDArray[Any]]:
    """100,000 en_US users: about 156 per job title."""
    people = columns("user", "en_US", 100_000, ("salary", "age", "job_title"))
    return {**people, "salary": people["salary"].astype(np.int64), "age": people["age"].astype(np.int64)}


def median_salary_of(title: str) -> float:
    people = us_people()
    chosen = people["salary"][people["job_title"] == title]
    assert chosen.size > 50, title
    return float(np.median(chosen))


def test_every_job_title_of_every_locale_has_a_wage_level() -> None:
    levels = economics_document()["occupations"]["levels"]
    for locale in LOCALES:
        for title in locale_data(locale).jobs.tolist():
            assert wage_level_key(title) in levels, title


def test_shipped_job_levels_match_the_rules() -> None:
    assert job_levels() == derive_job_levels(), "run python -m synthdata.engine.build_job_levels"


@pytest.mark.parametrize("locale", LOCALES)
def test_shipped_salary_levels_match_the_job_levels(locale: str) -> None:
    shipped = Path(salary_levels_path(locale)).read_bytes()
    assert shipped == derive_salary_levels(locale), "run python -m synthdata.engine.build_job_levels"
    assert occupation_levels(locale).size == len(locale_data(locale).jobs)


def test_salary_levels_of_an_unknown_locale_are_refused() -> None:
    with pytest.raises(KeyError):
        salary_levels_path("xx_XX")


def test_specific_titles_land_in_their_occupation() -> None:
    expected = {
        "Surgeon": "surgeon",
        "Tree surgeon": "cleaning_grounds",
        "Veterinary surgeon": "veterinarian",
        "Chief Executive Officer": "chief_executive",
        "Software engineer": "software_developer",
        "Barista": "barista",
        "Malabarista": "arts_media",
        "Cajero": "cashier",
        "Arzt": "physician",
        "医師": "physician",
        "Médico cirurgião geral": "surgeon",
        "infirmier": "registered_nurse",
    }
    assert {title: wage_level_key(title) for title in expected} == expected


def test_a_title_no_rule_knows_raises() -> None:
    with pytest.raises(KeyError, match="no wage level for the job title 'Zzyzx'"):
        wage_level_key("Zzyzx")


def test_high_wage_occupations_out_earn_software_engineers_who_out_earn_baristas() -> None:
    software = median_salary_of("Software engineer")
    assert median_salary_of("Chief Executive Officer") > software
    assert median_salary_of("Surgeon") > software
    assert software > 1.5 * median_salary_of("Barista")


def test_people_in_their_forties_out_earn_those_in_their_early_twenties() -> None:
    people = us_people()
    age, salary = people["age"], people["salary"]
    young = salary[(age >= 22) & (age <= 25)]
    established = salary[(age >= 40) & (age <= 55)]
    assert np.median(established) > 1.3 * np.median(young)
    assert np.corrcoef(age, salary)[0, 1] > 0.1


@pytest.mark.parametrize("locale", LOCALES)
def test_median_salary_is_the_cited_national_median(locale: str) -> None:
    money = economics(locale, locale_profile(locale).currency)
    salary = columns("user", locale, 20_000, ("salary",))["salary"].astype(np.int64)
    assert abs(np.median(salary) / money.median_annual_wage - 1) <= 0.25
    assert (salary % money.salary_rounding == 0).all()
    assert salary.min() >= 0.4 * money.median_annual_wage - money.salary_rounding


@pytest.mark.parametrize("locale", LOCALES)
def test_every_locale_states_plausible_figures(locale: str) -> None:
    entry = locale_profile(locale).economy
    assert entry.median_annual_wage > 0 and all(0 <= rate < 0.3 for rate in entry.tax_rates)


def test_the_shared_figures_hold_no_locale_entries() -> None:
    # One home per figure: a locale's own figures are in its profile only.
    assert "locales" not in economics_document()


@pytest.mark.parametrize("locale", LOCALES)
def test_the_engine_locales_price_in_the_currency_their_economics_state(locale: str) -> None:
    assert economics(locale, locale_profile(locale).currency).currency == locale_profile(locale).currency


def test_an_unknown_locale_or_currency_fails_loudly() -> None:
    with pytest.raises(KeyError, match="no economics for locale 'xx_XX'"):
        economics("xx_XX", "USD")
    with pytest.raises(KeyError, match=re.escape("'ja_JP' prices in 'USD' but its profile states 'JPY'")):
        economics("ja_JP", "USD")


@pytest.mark.parametrize("locale", LOCALES)
def test_tax_is_one_of_the_locales_rates(locale: str) -> None:
    rates = np.asarray(economics(locale, locale_profile(locale).currency).tax_rates)
    orders = columns("ecommerce", locale, BLOCK_ROWS, ("subtotal", "tax_amount"))
    subtotal, tax = orders["subtotal"].astype(float), orders["tax_amount"].astype(float)
    gaps = np.abs(tax[:, None] - subtotal[:, None] * rates[None, :]).min(axis=1)
    assert (gaps <= 0.005 + 1e-9).all()


@pytest.mark.parametrize("locale", LOCALES)
def test_company_revenue_per_employee_has_the_local_magnitude(locale: str) -> None:
    expected = economics(locale, locale_profile(locale).currency).revenue_per_employee
    firms = columns("company", locale, BLOCK_ROWS, ("annual_revenue", "employee_count"))
    per_employee = firms["annual_revenue"].astype(float) / firms["employee_count"].astype(float)
    assert abs(np.median(per_employee) / expected - 1) <= 0.1
