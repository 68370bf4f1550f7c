"""Faker's locale data, extracted once per locale into arrays that whole columns are drawn from.

Names keep Faker's real-world frequency weights where Faker has them. Places (city, region, postal code)
come from Faker as coherent tuples: a pool drawn once with a fixed seed, so a US ZIP always lies in its
state's range. Everything here is cached per process (a Lambda container keeps it warm).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import numpy as np
import numpy.typing as npt

from synthdata.engine.columns import vocabulary
from synthdata.engine.rng import weighted_indices

LOCALES = ("en_US", "en_GB", "de_DE", "fr_FR", "es_ES", "it_IT", "ja_JP", "pt_BR")
DEFAULT_LOCALE = "en_US"

COUNTRY = {
    "en_US": ("United States", "US", "USD"),
    "en_GB": ("United Kingdom", "GB", "GBP"),
    "de_DE": ("Germany", "DE", "EUR"),
    "fr_FR": ("France", "FR", "EUR"),
    "es_ES": ("Spain", "ES", "EUR"),
    "it_IT": ("Italy", "IT", "EUR"),
    "ja_JP": ("Japan", "JP", "JPY"),
    "pt_BR": ("Brazil", "BR", "BRL"),
}

# Bounding box (lat min, lat max, lon min, lon max) of each locale's country, roughly.
COUNTRY_BOUNDS = {
    "en_US": (25.0, 49.0, -124.0, -67.0),
    "en_GB": (50.0, 58.6, -7.5, 1.7),
    "de_DE": (47.3, 55.0, 5.9, 15.0),
    "fr_FR": (42.3, 51.1, -4.8, 8.2),
    "es_ES": (36.0, 43.8, -9.3, 3.3),
    "it_IT": (36.6, 47.1, 6.6, 18.5),
    "ja_JP": (31.0, 45.5, 129.5, 145.8),
    "pt_BR": (-33.7, 5.3, -73.9, -34.8),
}

# Fictional ranges where the numbering plan has one (US 555-01xx; UK Ofcom drama numbers via Faker's en_GB).
_FICTIONAL_PHONE_FORMATS = {"en_US": ("+1-$##-555-01##", "($##) 555-01##")}

# Country calling code and trunk prefix: phones are written as dialled inside the country ("+44 20 7946 0018"
# is "020 7946 0018"), so no value starts with "+", which a spreadsheet would run as a formula.
_DIALLING = {
    "en_US": ("+1", ""),
    "en_GB": ("+44", "0"),
    "de_DE": ("+49", "0"),
    "fr_FR": ("+33", "0"),
    "es_ES": ("+34", ""),
    "it_IT": ("+39", ""),
    "ja_JP": ("+81", "0"),
    "pt_BR": ("+55", ""),
}

# The lowest digit each placeholder byte of a phone format stands for ('#'/'!' 0-9, '%'/'@' 1-9, '$' 2-9);
# -1: a literal character.
_LOWEST_DIGIT = np.full(256, -1, dtype=np.int16)
_LOWEST_DIGIT[[ord("#"), ord("!")]] = 0
_LOWEST_DIGIT[[ord("%"), ord("@")]] = 1
_LOWEST_DIGIT[ord("$")] = 2

_PLACE_POOL = 3000
_STREET_POOL = 1500
_COMPANY_POOL = 3000
_NON_ALPHA = re.compile(r"[^a-z]")


@dataclass(frozen=True)
class WeightedWords:
    words: npt.NDArray[np.object_]
    ascii_words: npt.NDArray[np.object_]  # lowercase a-z transliteration, for emails and usernames
    probabilities: npt.NDArray[np.float64]

    def draw(self, rng: np.random.Generator, n: int) -> npt.NDArray[np.intp]:
        """Indices of n words drawn with their weights."""
        return weighted_indices(rng, np.cumsum(self.probabilities), n)


@dataclass(frozen=True)
class LocaleData:
    locale: str
    country: str
    country_code: str
    currency: str
    first_male: WeightedWords
    first_female: WeightedWords
    last: WeightedWords
    cities: npt.NDArray[np.object_]  # coherent place tuples, same index = same place
    regions: npt.NDArray[np.object_]
    postcodes: npt.NDArray[np.object_]
    streets: npt.NDArray[np.object_]
    phone_formats: tuple[str, ...]
    jobs: npt.NDArray[np.object_]
    companies: npt.NDArray[np.object_]
    company_suffixes: tuple[str, ...]

    @property
    def first_names(self) -> npt.NDArray[np.object_]:
        """Female then male first names in one vocabulary (codes >= len(first_female) are male)."""
        return _combined(self.first_female.words, self.first_male.words)

    @property
    def first_names_ascii(self) -> npt.NDArray[np.object_]:
        return _combined(self.first_female.ascii_words, self.first_male.ascii_words)


_COMBINED: dict[tuple[int, int], npt.NDArray[np.object_]] = {}


def _combined(a: npt.NDArray[np.object_], b: npt.NDArray[np.object_]) -> npt.NDArray[np.object_]:
    key = (id(a), id(b))
    if key not in _COMBINED:
        _COMBINED[key] = np.concatenate([a, b])
    return _COMBINED[key]


def ascii_slug(text: str) -> str:
    """Lowercase a-z only (transliterated first), for emails, usernames and domain labels."""
    from faker.decode import unidecode

    slug = _NON_ALPHA.sub("", unidecode(text).lower())
    return slug or "user"


def _weighted(names: Any, romanized: dict[str, str] | None = None) -> WeightedWords:
    if isinstance(names, dict):
        words = [str(k) for k in names]
        weights = np.array([float(v) for v in names.values()], dtype=float)
    else:
        words = [str(n) for n in dict.fromkeys(names)]
        weights = np.ones(len(words))
    ascii_words = [ascii_slug(romanized.get(w, w) if romanized else w) for w in words]
    return WeightedWords(vocabulary(words), vocabulary(ascii_words), weights / weights.sum())


def _provider_attr(generator: Any, name: str) -> Any:
    for provider in generator.providers:
        value = getattr(provider, name, None)
        if value is not None and not callable(value):
            return value
    return None


def _names(generator: Any, locale: str) -> tuple[WeightedWords, WeightedWords, WeightedWords]:
    if locale == "ja_JP":
        # Kanji names with Faker's romanizations, so emails stay ASCII and match the name.
        male = _provider_attr(generator, "first_name_male_pairs")
        female = _provider_attr(generator, "first_name_female_pairs")
        last = _provider_attr(generator, "last_name_pairs")
        romanized = {p[0]: p[2] for p in (*male, *female, *last)}
        last_weights = {p[0]: w for p, w in last.items()}
        return (
            _weighted([p[0] for p in male], romanized),
            _weighted([p[0] for p in female], romanized),
            _weighted(last_weights, romanized),
        )
    return (
        _weighted(_provider_attr(generator, "first_names_male")),
        _weighted(_provider_attr(generator, "first_names_female")),
        _weighted(_provider_attr(generator, "last_names")),
    )


def _places(fake: Any, locale: str) -> tuple[list[str], list[str], list[str]]:
    cities, regions, postcodes = [], [], []
    for _ in range(_PLACE_POOL):
        if locale == "en_US":
            state = fake.state_abbr(include_territories=False, include_freely_associated_states=False)
            region, postcode = state, fake.zipcode_in_state(state)
        else:
            region = fake.administrative_unit() if hasattr(fake, "administrative_unit") else ""
            postcode = fake.postcode()
        cities.append(fake.city())
        regions.append(region)
        postcodes.append(postcode)
    return cities, regions, postcodes


def _phone_formats(fake: Any, locale: str) -> tuple[str, ...]:
    """The locale's phone formats in national form."""
    formats = (
        _FICTIONAL_PHONE_FORMATS.get(locale)
        or _provider_attr(fake.factories[0], "formats")
        or ("###-###-####",)
    )
    # Resolve {{area_code}}-style parts once; digits stay placeholders filled column-wise later.
    expanded = {fake.parse(f) if "{{" in f else f for f in formats for _ in range(8)}
    return tuple(sorted({_national(f, locale) for f in expanded}))


def _national(phone_format: str, locale: str) -> str:
    """An international format as dialled inside the country: "+44(0)20 7946 0###" -> "020 7946 0###"."""
    code, trunk = _DIALLING[locale]
    if not phone_format.startswith(code):
        return phone_format
    rest = phone_format.removeprefix(code).lstrip(" -")
    return trunk + rest.removeprefix("(0)").lstrip(" ")


@lru_cache(maxsize=len(LOCALES))
def locale_data(locale: str) -> LocaleData:
    """All the vocabularies of one locale (built on first use, then cached)."""
    if locale not in LOCALES:
        raise KeyError(locale)
    from faker import Faker

    fake = Faker(locale)
    fake.seed_instance(20261101)  # a fixed seed: the pools, and so every file, are the same everywhere
    generator = fake.factories[0]
    first_male, first_female, last = _names(generator, locale)
    cities, regions, postcodes = _places(fake, locale)
    jobs = _provider_attr(generator, "jobs") or _provider_attr(Faker("en_US").factories[0], "jobs")
    suffixes = _provider_attr(generator, "company_suffixes") or ("Inc",)
    country, code, currency = COUNTRY[locale]
    return LocaleData(
        locale=locale,
        country=country,
        country_code=code,
        currency=currency,
        first_male=first_male,
        first_female=first_female,
        last=last,
        cities=vocabulary(cities),
        regions=vocabulary(regions),
        postcodes=vocabulary(postcodes),
        streets=vocabulary([fake.street_name() for _ in range(_STREET_POOL)]),
        phone_formats=_phone_formats(fake, locale),
        jobs=vocabulary(sorted({str(j) for j in jobs})),
        companies=vocabulary(sorted({fake.company() for _ in range(_COMPANY_POOL)})),
        company_suffixes=tuple(dict.fromkeys(str(s) for s in suffixes)),
    )


@lru_cache(maxsize=1)
def lorem_words() -> npt.NDArray[np.object_]:
    """Faker's Latin lorem vocabulary, sorted and deduplicated (the same for every locale)."""
    from faker.providers.lorem.la import Provider

    return np.asarray(sorted(set(Provider.word_list)), dtype=object)


def fill_digits(rng: np.random.Generator, formats: tuple[str, ...], n: int) -> list[str]:
    """n strings from digit templates ('#' any digit, '%' 1-9, '$' 2-9), filled as one byte array per format.

    One (n, 1 + width) draw of uniforms picks each row's format (column 0) and its digits, so row r is the same
    however many rows are drawn.
    """
    encoded = [np.frombuffer(template.encode(), dtype=np.uint8) for template in formats]
    uniform = rng.random((n, 1 + max(map(len, encoded))))
    choice = (uniform[:, 0] * len(formats)).astype(np.intp)
    out = np.empty(n, dtype=object)
    for index, template in enumerate(encoded):
        rows = np.flatnonzero(choice == index)
        if rows.size == 0:
            continue
        lowest = _LOWEST_DIGIT[template]
        slots = np.flatnonzero(lowest >= 0)
        chars = np.tile(template, (rows.size, 1))
        spread = uniform[np.ix_(rows, 1 + slots)] * (10 - lowest[slots])
        chars[:, slots] = ord("0") + lowest[slots] + spread.astype(np.uint8)
        out[rows] = np.asarray(bytes_rows_to_text(chars), dtype=object)
    return out.tolist()


def bytes_rows_to_text(chars: npt.NDArray[np.uint8]) -> list[str]:
    """Rows of a byte matrix as strings: one numpy cast when ASCII, a UTF-8 decode per row otherwise."""
    width = chars.shape[1]
    raw = np.frombuffer(chars.tobytes(), dtype=f"S{width}")
    if not (chars >= 0x80).any():
        return raw.astype(f"U{width}").tolist()  # type: ignore[no-any-return]
    return [value.decode("utf-8", "replace") for value in raw.tolist()]
