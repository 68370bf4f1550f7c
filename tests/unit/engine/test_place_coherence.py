"""Every place the datasets write is a real one of the shipped gazetteer data, and cities come as often as
people live there, in every locale.

The suite checks 20,000 rows per dataset and locale; `make coherence` runs the same checks on 1,000,000
(SYNTHDATA_COHERENCE_ROWS) and prints, per locale and dataset, rows checked, violations and distinct cities.
"""

from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Iterator
from string import Formatter

import numpy as np
import pytest

from synthdata.engine import BLOCK_ROWS, LOCALES, get_dataset
from synthdata.engine.dataset import BlockContext
from synthdata.engine.locales import locale_profile
from synthdata.engine.place_files import alias_table
from synthdata.engine.places import place_table, zone

SEED = 20261126
BLOCKS = max(1, int(os.environ.get("SYNTHDATA_COHERENCE_ROWS", "20000")) // BLOCK_ROWS)
MOST_FREQUENT = 20  # the cities whose frequency must follow population
MIN_RANK_CORRELATION = 0.8
COLUMNS = {
    "user": ("city", "state", "postal_code"),
    "company": ("headquarters_city",),
    "ecommerce": ("shipping_address",),
}


def column_values(dataset: str, locale: str) -> Iterator[list[list[object]]]:
    """The place columns of the first BLOCKS blocks, one block at a time."""
    for block in range(BLOCKS):
        columns = get_dataset(dataset).generate_block(BlockContext(SEED, locale, block, {}))
        yield [columns[name].python_values() for name in COLUMNS[dataset]]


def place_violations(locale: str, places: Counter[tuple[str, str, str]]) -> list[str]:
    """Each (city, region, postal code) not in the shipped data, not in the country's format, or whose postal
    code's zone is not one of its region's real zones."""
    table = place_table(locale)
    rule = locale_profile(locale).postal_code
    shipped = set(zip(table.cities.tolist(), table.regions.tolist(), table.postcodes.tolist(), strict=True))
    pattern = re.compile(rule.pattern)
    bad = []
    for city, region, postcode in places:
        if (city, region, postcode) not in shipped:
            bad.append(f"not a shipped place: {city}, {region} {postcode}")
        if not pattern.fullmatch(postcode):
            bad.append(f"postal code {postcode!r} is not of the form {rule.pattern}")
        if zone(postcode, rule.zone_length) not in table.region_zones.get(region, ()):
            bad.append(f"postal code {postcode} is not in a zone of {region}")
    return bad


def rank_correlation(a: np.ndarray, b: np.ndarray) -> float:
    """Spearman's rank correlation (ranks by a stable sort; the cities compared have distinct weights)."""
    rank_a = np.argsort(np.argsort(a, kind="stable"), kind="stable").astype(float)
    rank_b = np.argsort(np.argsort(b, kind="stable"), kind="stable").astype(float)
    return float(np.corrcoef(rank_a, rank_b)[0, 1])


def city_weights(locale: str) -> dict[tuple[str, str], float]:
    table = place_table(locale)
    weights = table.weights
    total: Counter[tuple[str, str]] = Counter()
    for city, region, weight in zip(
        table.cities.tolist(), table.regions.tolist(), weights.tolist(), strict=True
    ):
        total[(city, region)] += weight
    return dict(total)


def report(locale: str, dataset: str, rows: int, violations: int, cities: int) -> None:
    print(f"\n{locale} {dataset}: {rows:,} rows checked, {violations} violations, {cities:,} distinct cities")


@pytest.mark.parametrize("locale", LOCALES)
def test_user_places_are_real_and_follow_population(locale: str) -> None:
    places: Counter[tuple[str, str, str]] = Counter()
    for cities, regions, postcodes in column_values("user", locale):
        places.update(zip(cities, regions, postcodes, strict=True))  # type: ignore[arg-type]
    bad = place_violations(locale, places)
    city_counts: Counter[tuple[str, str]] = Counter()
    for (city, region, _), count in places.items():
        city_counts[(city, region)] += count
    weights = city_weights(locale)
    expected = sorted(weights, key=lambda c: -weights[c])[:MOST_FREQUENT]
    correlation = rank_correlation(
        np.array([weights[c] for c in expected]), np.array([city_counts[c] for c in expected])
    )
    report(locale, "user", places.total(), len(bad), len(city_counts))
    print(f"{locale} user: rank correlation of the {MOST_FREQUENT} most populous cities {correlation:.3f}")
    assert not bad, bad[:5]
    assert places.total() == BLOCKS * BLOCK_ROWS
    assert correlation > MIN_RANK_CORRELATION, (correlation, [(c, city_counts[c]) for c in expected])


@pytest.mark.parametrize("locale", LOCALES)
def test_company_headquarters_are_real_cities(locale: str) -> None:
    known = set(place_table(locale).cities.tolist())
    seen: Counter[object] = Counter()
    for (cities,) in column_values("company", locale):
        seen.update(cities)
    bad = [c for c in seen if c not in known]
    report(locale, "company", seen.total(), len(bad), len(seen))
    assert not bad, bad[:5]


def address_of(locale: str, city: str, region: str, postcode: str) -> re.Pattern[str]:
    """The locale's one-line postal address of this place as a regex (the street line matches anything)."""
    values = {"city": city, "region": region, "postcode": postcode}
    parts = []
    for literal, name, _, _ in Formatter().parse(locale_profile(locale).writing.postal_address):
        parts.append(re.escape(literal))
        if name:
            parts.append(".+" if name == "street" else re.escape(values[name]))
    return re.compile("".join(parts))


@pytest.mark.parametrize("locale", LOCALES)
def test_shipping_addresses_hold_a_real_place(locale: str) -> None:
    """Each address is the locale's layout around a shipped (city, region, postal code): the postal code found in
    it names the candidates; where the layout has no region (de, fr, nl, en_GB) the city and code must agree."""
    table = place_table(locale)
    by_postcode: dict[str, list[tuple[str, str, str]]] = {}
    for row in zip(table.cities.tolist(), table.regions.tolist(), table.postcodes.tolist(), strict=True):
        by_postcode.setdefault(row[2], []).append(row)
    code = re.compile(locale_profile(locale).postal_code.pattern.removeprefix("^").removesuffix("$"))
    seen: Counter[tuple[str, str, str]] = Counter()
    unknown: list[str] = []
    for (addresses,) in column_values("ecommerce", locale):
        for address in map(str, addresses):
            candidates = [p for found in code.findall(address) for p in by_postcode.get(found, [])]
            place = next((p for p in candidates if address_of(locale, *p).fullmatch(address)), None)
            if place is None:
                unknown.append(address)
            else:
                seen[place] += 1
    bad = unknown + place_violations(locale, seen)
    report(locale, "ecommerce", seen.total() + len(unknown), len(bad), len({p[:2] for p in seen}))
    assert not bad, bad[:5]


def test_a_place_outside_the_shipped_data_is_a_violation() -> None:
    # The check itself can fail: a real city with another region, and a postal code from another zone.
    table = place_table("de_DE")
    berlin = table.postcodes[table.cities == "Berlin"][0]
    munich = table.postcodes[table.cities == "München"][0]
    assert place_violations("de_DE", Counter({("Berlin", "Berlin", str(berlin)): 1})) == []
    assert len(place_violations("de_DE", Counter({("Berlin", "Bayern", str(berlin)): 1}))) == 2
    assert len(place_violations("de_DE", Counter({("Berlin", "Berlin", str(munich)): 1}))) == 2


def test_rank_correlation_sees_a_reversed_order() -> None:
    assert rank_correlation(np.arange(10.0), np.arange(10.0)) == pytest.approx(1.0)
    assert rank_correlation(np.arange(10.0), -np.arange(10.0)) == pytest.approx(-1.0)


def test_alias_draws_follow_the_weights() -> None:
    weights = np.array([0.5, 0.3, 0.15, 0.05, 0.0])
    probability, alias = alias_table(weights)
    scaled = np.random.default_rng(1).random(400_000) * len(alias)
    slot = scaled.astype(np.intp)
    drawn = np.where(scaled - slot < probability[slot], slot, alias[slot])
    assert np.abs(np.bincount(drawn, minlength=5) / drawn.size - weights).max() < 0.005
    assert not (drawn == 4).any()
