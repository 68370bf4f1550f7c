"""Faker's locale data as arrays that whole columns are drawn from, read from the package's data files.

Names keep Faker's real-world frequency weights where Faker has them. Places (city, region, postal code) are
real ones with population weights (`places`). The files are derived at build time (`build_vocabularies`,
`build_places`), so no Faker call happens at run time; what is read is cached per process (a Lambda container
keeps it warm). What is not a vocabulary (country, currency, phone and address conventions) is the locale's
profile (`locales`).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any, NamedTuple

import numpy as np
import numpy.typing as npt

from synthdata.engine.column_text import byte_rows_text
from synthdata.engine.locales import DEFAULT_LOCALE, LOCALES, Profile, locale_profile
from synthdata.engine.places import PlaceTable, place_table
from synthdata.engine.rng import WeightedDraw
from synthdata.engine.vocabulary_files import read_document
from synthdata.engine.word_arrays import vocabulary

__all__ = [
    "DEFAULT_LOCALE",
    "LOCALES",
    "LocaleData",
    "WeightedWords",
    "bytes_rows_to_text",
    "fill_digits",
    "locale_data",
    "lorem_words",
]

# The lowest digit each placeholder byte of a phone format stands for ('#'/'!' 0-9, '%'/'@' 1-9, '$' 2-9);
# -1: a literal character.
_LOWEST_DIGIT = np.full(256, -1, dtype=np.int16)
_LOWEST_DIGIT[[ord("#"), ord("!")]] = 0
_LOWEST_DIGIT[[ord("%"), ord("@")]] = 1
_LOWEST_DIGIT[ord("$")] = 2


# A named tuple, not a frozen dataclass: cheaper to define at import (see locales/shipped.py).
class WeightedWords(NamedTuple):
    words: npt.NDArray[np.object_]
    ascii_words: npt.NDArray[np.object_]  # lowercase a-z transliteration, for emails and usernames
    probabilities: npt.NDArray[np.float64]
    sampler: WeightedDraw  # over the probabilities: built once per vocabulary, not once per block

    def draw(self, rng: np.random.Generator, n: int) -> npt.NDArray[np.intp]:
        """Indices of n words drawn with their weights."""
        return self.sampler.draw(rng, n)


# A named tuple, not a frozen dataclass: cheaper to define at import (see locales/shipped.py).
class LocaleData(NamedTuple):
    locale: str
    profile: Profile
    first_male: WeightedWords
    first_female: WeightedWords
    last: WeightedWords
    places: PlaceTable
    streets: npt.NDArray[np.object_]
    phone_formats: tuple[str, ...]
    jobs: npt.NDArray[np.object_]
    companies: npt.NDArray[np.object_]  # legal names; the same index in the next two is the same company
    company_trading: npt.NDArray[np.object_]  # without the legal suffix
    company_domain_labels: npt.NDArray[np.object_]  # ASCII, for web and email domains
    company_suffixes: tuple[str, ...]

    @property
    def country(self) -> str:
        return self.profile.country

    @property
    def country_code(self) -> str:
        return self.profile.country_code

    @property
    def currency(self) -> str:
        return self.profile.currency

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


def _weighted(column: dict[str, Any]) -> WeightedWords:
    words = column["words"]
    weights = np.ones(len(words)) if column["weights"] is None else np.array(column["weights"], dtype=float)
    probabilities = weights / weights.sum()
    return WeightedWords(
        vocabulary(words), vocabulary(column["ascii"]), probabilities, WeightedDraw(np.cumsum(probabilities))
    )


@lru_cache(maxsize=len(LOCALES))
def locale_data(locale: str) -> LocaleData:
    """All the vocabularies of one locale (read from its data file on first use, then cached)."""
    if locale not in LOCALES:
        raise KeyError(locale)
    document = read_document(locale)
    companies = document["companies"]
    return LocaleData(
        locale=locale,
        profile=locale_profile(locale),
        first_male=_weighted(document["first_male"]),
        first_female=_weighted(document["first_female"]),
        last=_weighted(document["last"]),
        places=place_table(locale),
        streets=vocabulary(document["streets"]),
        phone_formats=tuple(document["phone_formats"]),
        jobs=vocabulary(document["jobs"]),
        companies=vocabulary(companies["legal"]),
        company_trading=vocabulary(companies["trading"]),
        company_domain_labels=vocabulary(companies["domain_labels"]),
        company_suffixes=tuple(document["company_suffixes"]),
    )


@lru_cache(maxsize=1)
def lorem_words() -> npt.NDArray[np.object_]:
    """Faker's Latin lorem vocabulary, sorted and deduplicated (the same for every locale)."""
    return np.asarray(read_document("lorem")["words"], dtype=object)


def fill_digits(rng: np.random.Generator, formats: tuple[str, ...], n: int) -> list[str]:
    """n strings from digit templates ('#' any digit, '%' 1-9, '$' 2-9), filled as one byte matrix.

    One (n, 1 + width) draw of uniforms picks each row's format (column 0) and its digits, so row r is the same
    however many rows are drawn.
    """
    table = _digit_templates(formats)
    width = table.width
    uniform = rng.random((n, 1 + width))
    choice = (uniform[:, 0] * len(formats)).astype(np.intp)
    # Every row at once, not one pass per format (es_ES has 279): one gather of each row's template bytes,
    # digit spans and mask, then the lowest digit plus the drawn offset.
    rows = table.packed[choice]
    chars = rows[:, : width + 1]
    chars[:, :width] += (uniform[:, 1:] * rows[:, width + 1 : 2 * width + 1]).astype(np.uint8)
    kept = chars[rows[:, 2 * width + 1 :].view(np.bool_)]  # each row's bytes and line feed, not the padding
    if table.has_line_feed and n:
        ends = np.cumsum(table.lengths[choice] + 1)
        return [row[:-1].tobytes().decode() for row in np.split(kept, ends[:-1])]
    return kept.tobytes().decode("utf-8").split("\n")[:-1]


# A named tuple, not a frozen dataclass: cheaper to define at import (see locales/shipped.py).
class _DigitTemplates(NamedTuple):
    """Formats as one byte matrix, padded to the longest, one row per format: its bytes and a line feed (each
    digit slot holding "0" + its lowest digit; width + 1 columns), how many digits each slot may take (0 at a
    literal; width), and the mask of its bytes and line feed (width + 1)."""

    packed: npt.NDArray[np.uint8]
    width: int
    lengths: npt.NDArray[np.intp]
    has_line_feed: bool  # in a template itself: rows are then split by length, not by line feeds


@lru_cache(maxsize=64)
def _digit_templates(formats: tuple[str, ...]) -> _DigitTemplates:
    encoded = [template.encode() for template in formats]
    lengths = np.array([len(template) for template in encoded], dtype=np.intp)
    width = int(lengths.max())
    base = np.zeros((len(encoded), width + 1), dtype=np.uint8)
    for row, template in enumerate(encoded):
        base[row, : len(template) + 1] = np.frombuffer(template + b"\n", dtype=np.uint8)
    lowest = _LOWEST_DIGIT[base[:, :width]]
    slots = lowest >= 0
    base[:, :width][slots] = ord("0") + lowest[slots]
    spans = np.where(slots, 10 - lowest, 0).astype(np.uint8)  # one byte, not eight: exact as a float64 too
    kept = (np.arange(width + 1) <= lengths[:, None]).view(np.uint8)
    packed = np.concatenate([base, spans, kept], axis=1)
    return _DigitTemplates(packed, width, lengths, any(b"\n" in template for template in encoded))


def bytes_rows_to_text(chars: npt.NDArray[np.uint8]) -> list[str]:
    """Rows of a byte matrix as strings: one decode of the whole matrix, or a UTF-8 decode per row when a row
    holds a NUL (numpy's S type drops trailing ones), a line feed or invalid UTF-8."""
    rows = byte_rows_text(chars)
    if rows is not None:
        return rows
    width = chars.shape[1]
    raw = np.frombuffer(chars.tobytes(), dtype=f"S{width}")
    if not (chars >= 0x80).any():
        return raw.astype(f"U{width}").tolist()  # type: ignore[no-any-return]
    return [value.decode("utf-8", "replace") for value in raw.tolist()]
