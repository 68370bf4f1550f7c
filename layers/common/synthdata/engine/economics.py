"""Local economics: salaries from a country's wage distribution and the person, company money, sales taxes.

Every figure is stated with its source: a locale's own (currency, national median wage, rounding, sales taxes) in
the `economy` of its profile (`locales/profiles/<locale>.json`), the shared ones (occupation levels, experience
curve, spread, company money) in `vocabularies/economics.json`. A salary is

    national median wage x occupation level x experience(age) x lognormal noise x calibration

where the occupation level is the OEWS median of the job title's occupation over the all-occupations median
(`occupations`: keyword rules, shipped as a table), the experience curve is concave in years since 22 and peaks
near 50, and the calibration is one constant per locale that puts the median over the locale's (uniformly drawn)
job titles and the population's ages on the national median: Faker's title lists are not weighted by
employment, so a title's median sits below its occupation's national median by that constant. An unknown
locale, or a currency other than its profile's, raises KeyError: money is never silently priced in a default
currency (and a profile whose `economy` names another currency than its own is refused when read).
"""

from __future__ import annotations

import json
from collections.abc import Callable
from functools import lru_cache
from typing import Any, NamedTuple

import numpy as np
import numpy.typing as npt

from synthdata.engine.builders import adult_ages
from synthdata.engine.locale_data import locale_data
from synthdata.engine.locales import LOCALES, Economy, locale_profile
from synthdata.engine.occupations import job_levels
from synthdata.engine.vocabulary_files import VOCABULARY_DIR, file_in, read_bytes

ECONOMICS_PATH = file_in(VOCABULARY_DIR, "economics.json")
# Each locale's job-title levels and calibration, derived at build time (`build_job_levels`) into one small file
# per locale: reading the title table and drawing the calibration sample cost a process's first salaries ~2.5 ms.
# Fixed stream and size of the one-off calibration sample: the same constant in every process.
_CALIBRATION_SEED = 1_327
_CALIBRATION_SAMPLE = 20_000
_BUILD = "synthdata.engine.build_job_levels"
_SALARY_FLOOR = 0.4  # of the national median: no full-time salary below it (minimum wages sit around 0.4-0.7)


# A named tuple, not a frozen dataclass: cheaper to define at import (see locales/shipped.py).
class LocaleEconomics(NamedTuple):
    locale: str
    currency: str
    median_annual_wage: float
    wage_source: str
    salary_rounding: int
    tax_rates: tuple[float, ...]
    tax_source: str
    revenue_per_employee: float  # median, in the locale's currency


@lru_cache(maxsize=1)
def economics_document() -> dict[str, Any]:
    """The shipped economics data (read once per process)."""
    loaded: dict[str, Any] = json.loads(read_bytes(ECONOMICS_PATH))
    return loaded


def economics(locale: str, currency: str) -> LocaleEconomics:
    """The money figures of a locale that prices in `currency`; KeyError for an unknown locale or currency."""
    if locale not in LOCALES:
        raise KeyError(f"no economics for locale {locale!r}: add its profile, locales/profiles/{locale}.json")
    entry = locale_profile(locale).economy
    if entry.currency != currency:
        raise KeyError(f"locale {locale!r} prices in {currency!r} but its profile states {entry.currency!r}")
    return LocaleEconomics(
        locale=locale,
        currency=currency,
        median_annual_wage=float(entry.median_annual_wage),
        wage_source=entry.wage_source,
        salary_rounding=entry.salary_rounding,
        tax_rates=entry.tax_rates,
        tax_source=entry.tax_source,
        revenue_per_employee=_revenue_per_employee(entry),
    )


def _revenue_per_employee(entry: Economy) -> float:
    """The US median revenue per employee scaled by the locale's median wage over the US one."""
    us_median = locale_profile("en_US").economy.median_annual_wage
    return float(
        economics_document()["company"]["usd_revenue_per_employee"] * entry.median_annual_wage / us_median
    )


@lru_cache(maxsize=32)
def occupation_levels(locale: str) -> npt.NDArray[np.float64]:
    """Log of each of the locale's job titles' occupational median over the all-occupations median (US OEWS), as
    shipped; KeyError for an unknown locale or a stale file."""
    levels = np.asarray(_salary_levels(locale)["levels"], dtype=np.float64)
    if levels.size != len(locale_data(locale).jobs):
        raise KeyError(f"salary levels of {locale} do not fit its job titles; run python -m {_BUILD}")
    return levels


def _calibration(locale: str) -> float:
    """The log shift that puts the median salary on the locale's national median, as shipped."""
    return float(_salary_levels(locale)["calibration"])


def salary_levels_path(locale: str) -> str:
    """The shipped salary levels of a locale."""
    if locale not in LOCALES:
        raise KeyError(locale)
    return file_in(VOCABULARY_DIR, f"salary_levels_{locale}.json")


@lru_cache(maxsize=32)
def _salary_levels(locale: str) -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(read_bytes(salary_levels_path(locale)))
    return loaded


def derive_salary_levels(locale: str) -> bytes:
    """What a locale's salary levels file holds: each job title's level and the calibration (build time), as
    deterministic bytes (floats as their shortest exact text)."""
    levels = _levels_from_table(locale)
    derived = {"calibration": _calibration_of(levels), "levels": levels.tolist()}
    return json.dumps(derived, sort_keys=True, separators=(",", ":")).encode()


def _levels_from_table(locale: str) -> npt.NDArray[np.float64]:
    """The levels from the shipped title -> occupation table and the occupations' US medians."""
    occupations = economics_document()["occupations"]
    median = {key: level["median_usd"] for key, level in occupations["levels"].items()}
    overall = occupations["all_occupations_usd"]
    table = job_levels()
    titles = locale_data(locale).jobs.tolist()
    missing = [title for title in titles if title not in table]
    if missing:
        raise KeyError(f"job titles without a wage level: {missing[:5]}; run python -m {_BUILD}")
    ratios = np.array([median[table[title]] / overall for title in titles], dtype=np.float64)
    return np.log(ratios)


def experience(ages: npt.NDArray[np.int64]) -> npt.NDArray[np.float64]:
    """Log wage gained by experience at each age (Mincer: linear*x - quadratic*x^2, x = years since 22)."""
    curve = economics_document()["experience"]
    years = np.clip(ages - curve["start_age"], 0, curve["max_years"]).astype(np.float64)
    return curve["linear"] * years - curve["quadratic"] * years * years  # type: ignore[no-any-return]


def _noise(rng: np.random.Generator, n: int) -> npt.NDArray[np.float64]:
    spread = economics_document()["dispersion"]
    limit = spread["clip_sigmas"]
    return spread["sigma"] * np.clip(rng.standard_normal(n), -limit, limit)  # type: ignore[no-any-return]


def _calibration_of(levels: npt.NDArray[np.float64]) -> float:
    """The log shift that puts the median salary over these title levels and adult ages on the national median.

    Drawn with `adult_ages`, the population's own age draw, from a fixed stream: the same in every process.
    """
    rng = np.random.default_rng(_CALIBRATION_SEED)
    n = _CALIBRATION_SAMPLE
    sample = levels[rng.integers(0, levels.size, n)] + experience(adult_ages(rng, n)) + _noise(rng, n)
    middle = n // 2  # np.partition, not np.median: the latter imports numpy.ma on first use (~70 ms cold)
    return -float(np.partition(sample, middle)[middle])


def salaries(
    rng: np.random.Generator,
    money: LocaleEconomics,
    job_codes: npt.NDArray[np.intp],
    ages: npt.NDArray[np.int64],
) -> npt.NDArray[np.int64]:
    """Yearly gross salaries of people with these job titles (codes into the locale's list) and ages."""
    log_ratio = occupation_levels(money.locale)[job_codes] + experience(ages) + _noise(rng, job_codes.size)
    amount = money.median_annual_wage * np.exp(log_ratio + _calibration(money.locale))
    amount = np.maximum(amount, _SALARY_FLOOR * money.median_annual_wage)
    unit = money.salary_rounding
    return (np.round(amount / unit) * unit).astype(np.int64)


def _per_locale(describe: Callable[[str, Economy], str]) -> str:
    """One described entry per locale, joined."""
    return "; ".join(describe(locale, locale_profile(locale).economy) for locale in LOCALES)


def salary_description() -> str:
    """What the salary column is, with every locale's cited median (for the dataset's field description)."""
    medians = _per_locale(
        lambda locale, entry: (
            f"{locale} {entry.median_annual_wage:,} {entry.currency} ({entry.wage_citation})"
        )
    )
    return (
        "Yearly gross salary in the locale's currency: the national median wage x the job title's occupational "
        "wage level (US BLS OEWS May 2024 median of its occupation over the all-occupations median) x an "
        "experience curve over age (concave, peaks near 50) x lognormal spread "
        f"(sigma {economics_document()['dispersion']['sigma']}), never below {_SALARY_FLOOR:.0%} of the "
        f"national median; the median over a file is the national median. National medians: {medians}."
    )


def tax_description() -> str:
    """The sales-tax rates of every locale with their sources (for the tax field's description)."""

    def rates(entry: Economy) -> str:
        return "/".join(f"{rate:.2%}".replace(".00%", "%") for rate in entry.tax_rates)

    return "Rates: " + _per_locale(lambda locale, entry: f"{locale} {rates(entry)} ({entry.tax_citation})")


def company_money_description() -> str:
    """How revenue and market cap are drawn, with each locale's currency and median revenue per employee."""
    medians = _per_locale(
        lambda locale, entry: f"{locale} {round(_revenue_per_employee(entry), -3):,.0f} {entry.currency}"
    )
    return (
        "Headcount x revenue per employee, lognormal (sigma "
        f"{economics_document()['company']['revenue_sigma']}) around a median that scales the US figure by the "
        f"national median wage. Median revenue per employee: {medians}."
    )


def company_finances(
    rng: np.random.Generator, money: LocaleEconomics, employees: npt.NDArray[np.int64]
) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.float64]]:
    """Yearly revenue and market capitalisation of companies of these headcounts, in the locale's currency."""
    company = economics_document()["company"]
    n = employees.size
    revenue = np.round(
        employees * rng.lognormal(np.log(money.revenue_per_employee), company["revenue_sigma"], n), -3
    )
    price_to_sales = rng.lognormal(
        np.log(company["price_to_sales_median"]), company["price_to_sales_sigma"], n
    )
    return revenue, np.round(revenue * price_to_sales, -3)
