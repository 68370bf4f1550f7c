"""Column builders shared by the datasets: ids, people, places, dates, money. All work on whole blocks."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property, lru_cache
from itertools import repeat
from typing import Any

import numpy as np
import numpy.typing as npt

from synthdata.engine.array_cache import derived
from synthdata.engine.civil_dates import month_starts
from synthdata.engine.civil_dates import year_month_day as year_month_day  # also read as builders'
from synthdata.engine.column_text import int_text
from synthdata.engine.columns import Column
from synthdata.engine.dataset import REFERENCE_TIME
from synthdata.engine.digit_pieces import digit_pieces
from synthdata.engine.locale_data import LocaleData, fill_digits
from synthdata.engine.locales import locale_profile
from synthdata.engine.row_parts import Coded, Pieces, pieces_array

ObjArray = npt.NDArray[np.object_]

EXAMPLE_DOMAINS = ("example.com", "example.net", "example.org")
FREE_MAIL_DOMAINS = ("gmail.com", "yahoo.com", "outlook.com", "hotmail.com", "icloud.com", "proton.me")
_SECONDS_PER_DAY = 86_400
_GENDERS = np.asarray(["male", "female"], dtype=object)  # indexed by `female`


def uuid4_column(rng: np.random.Generator, n: int) -> list[str]:
    """n random UUID4 strings, formatted with byte-array operations rather than one call per id."""
    raw = np.frombuffer(rng.bytes(16 * n), dtype=np.uint8).reshape(n, 16).copy()
    raw[:, 6] = (raw[:, 6] & 0x0F) | 0x40  # version 4
    raw[:, 8] = (raw[:, 8] & 0x3F) | 0x80  # RFC 4122 variant
    hex_digits = np.frombuffer(raw.tobytes().hex().encode(), dtype=np.uint8).reshape(n, 32)  # hex() is C
    text = np.full((n, 37), ord("-"), dtype=np.uint8)
    for dst, src, width in ((0, 0, 8), (9, 8, 4), (14, 12, 4), (19, 16, 4), (24, 20, 12)):
        text[:, dst : dst + width] = hex_digits[:, src : src + width]
    return ascii_rows(text)


def ascii_rows(text: npt.NDArray[np.uint8]) -> list[str]:
    """The rows of an ASCII byte matrix without line feeds, its last column left for them: one decode and one
    split make every row's string."""
    text[:, -1] = ord("\n")
    return text.tobytes().decode("ascii").split("\n")[:-1]


def join(*parts: ObjArray | str) -> ObjArray:
    """Element-wise string concatenation of object arrays and constants: array additions for two or three
    parts, one C-level join per row beyond (each addition makes a whole column of new strings)."""
    arrays = [part for part in parts if not isinstance(part, str)]
    if len(parts) <= 3 or not arrays:
        result: ObjArray = np.asarray(parts[0], dtype=object)
        for part in parts[1:]:
            result = result + part
        return result
    columns = [repeat(part) if isinstance(part, str) else part for part in parts]
    joined: ObjArray = np.empty(len(arrays[0]), dtype=object)
    joined[:] = list(map("".join, zip(*columns, strict=False)))
    return joined


@lru_cache(maxsize=256)
def word_table(words: tuple[str, ...]) -> ObjArray:
    """A long-lived array of these words: a categorical column's vocabulary is encoded once per array."""
    return np.asarray(words, dtype=object)


def constant(word: str, n: int, **kwargs: Any) -> Column:
    """n rows of one word."""
    return Column.categorical(word_table((word,)), np.zeros(n, dtype=np.intp), **kwargs)


_NEVER_PLAIN = frozenset(',";\\')  # CSV's specials and JSON's escapes beyond control characters


def plain_words(words: ObjArray) -> bool:
    """Whether every word of a long-lived vocabulary is written as it is in CSV and JSON: non-empty printable
    ASCII without , " ; or backslash and without a space at either end (what `Column.ascii_safe` promises)."""
    return derived(words, "plain", lambda: all_plain(words.tolist()))


def all_plain(words: list[str]) -> bool:
    """`plain_words` of a list, by a few C-level scans of the words joined by line feeds (a Python call per word
    cost a first block ~3 ms over a locale's names and streets)."""
    if not words:
        return True
    lines = "\n" + "\n".join(words) + "\n"
    return (
        lines.isascii()
        and lines.count("\n") == len(words) + 1  # no word holds a line feed: each one is a boundary
        and "".join(words).isprintable()
        and "\n\n" not in lines  # an empty word
        and "\n " not in lines
        and " \n" not in lines  # a space at an edge
        and not any(special in lines for special in _NEVER_PLAIN)
    )


def digits(values: npt.NDArray[np.int64]) -> ObjArray:
    text: ObjArray = np.empty(len(values), dtype=object)
    text[:] = int_text(values)
    return text


@dataclass(frozen=True)
class People:
    """One coherent person per row: gender and name codes into the locale's vocabularies."""

    data: LocaleData
    female: npt.NDArray[np.bool_]
    first_codes: npt.NDArray[np.intp]  # into data.first_names
    last_codes: npt.NDArray[np.intp]  # into data.last.words

    @property
    def gender(self) -> ObjArray:
        return _GENDERS[self.female.view(np.uint8)]  # shared strings, not one new string per row

    @property
    def gender_column(self) -> Column:
        """The gender as codes into a two-word table: written from the table's cached text."""
        return Column.categorical(_GENDERS, self.female.view(np.uint8), ascii_safe=True)

    @property
    def first(self) -> ObjArray:
        return self.data.first_names[self.first_codes]

    @property
    def last(self) -> ObjArray:
        return self.data.last.words[self.last_codes]

    @property
    def first_ascii(self) -> ObjArray:
        return self.data.first_names_ascii[self.first_codes]

    @property
    def last_ascii(self) -> ObjArray:
        return self.data.last.ascii_words[self.last_codes]

    @property
    def plain_names(self) -> bool:
        """Whether full names need no CSV quoting or JSON escaping (see `plain_words`)."""
        return plain_words(self.data.first_names) and plain_words(self.data.last.words)

    @property
    def full_name(self) -> ObjArray:
        """Given and family name in the order the locale writes them (ja_JP: family name first)."""
        # The leading name with its space comes from a table: one new string per row instead of two.
        lead, other = self.full_name_pieces.parts
        assert isinstance(lead, Coded) and isinstance(other, Coded)
        name: ObjArray = lead.table[lead.codes] + other.table[other.codes]
        return name

    @property
    def full_name_pieces(self) -> Pieces:
        """full_name as two table pieces for the writer: the leading name with its space, the other name."""
        first, last = self.data.first_names, self.data.last.words
        if locale_profile(self.data.locale).writing.family_name_first:
            return Pieces((Coded(suffixed(last, " "), self.last_codes), Coded(first, self.first_codes)))
        return Pieces((Coded(suffixed(first, " "), self.first_codes), Coded(last, self.last_codes)))


def people(rng: np.random.Generator, data: LocaleData, n: int) -> People:
    """Gender first, then a first name from that gender's list (Faker's weights), then a surname."""
    female = rng.random(n) < 0.5
    female_idx = data.first_female.draw(rng, n)
    male_idx = data.first_male.draw(rng, n) + len(data.first_female.words)
    last_idx = data.last.draw(rng, n)
    return People(data, female, np.where(female, female_idx, male_idx), last_idx)


def suffixed(words: ObjArray, suffix: str) -> ObjArray:
    """Each word of a long-lived vocabulary followed by `suffix`, computed once per vocabulary and suffix."""
    return derived(words, ("suffixed", suffix), lambda: words + suffix)


@dataclass(frozen=True)
class Places:
    """A street address per row and a code into the locale's real (city, region, postal code) places."""

    street_pieces: (
        Pieces  # the street line as the writer takes it: text before the street, street, text after
    )
    place_codes: npt.NDArray[np.intp]
    data: LocaleData

    @cached_property
    def street_address(self) -> ObjArray:
        return pieces_array(self.street_pieces)

    @property
    def plain_street(self) -> bool:
        """Whether street lines need no CSV quoting or JSON escaping: plain street words, and a line template
        whose own characters are plain (its number slots are digits)."""
        writing = locale_profile(self.data.locale).writing
        sample = writing.street_line.format(street="a", **dict.fromkeys(writing.numbers, 1))
        return plain_words(self.data.streets) and plain_words(word_table((sample,)))

    @property
    def city_codes(self) -> npt.NDArray[np.intp]:
        """Codes into `data.places.city_words`."""
        return self.data.places.city_codes[self.place_codes]

    @property
    def region_codes(self) -> npt.NDArray[np.intp]:
        """Codes into `data.places.region_words`."""
        return self.data.places.region_codes[self.place_codes]

    @property
    def city(self) -> ObjArray:
        return self.data.places.city_words[self.city_codes]

    @property
    def region(self) -> ObjArray:
        return self.data.places.region_words[self.region_codes]

    @property
    def postal_code(self) -> ObjArray:
        return self.data.places.postcodes[self.place_codes]


def places(rng: np.random.Generator, data: LocaleData, n: int) -> Places:
    """Street line (as the locale writes it), city, region and postal code of one real place per row, cities drawn
    by population."""
    place = data.places.draw(rng, n)
    street = Coded(data.streets, rng.integers(0, len(data.streets), n))
    return Places(locale_profile(data.locale).writing.street_line_pieces(rng, street), place, data)


def phones(rng: np.random.Generator, data: LocaleData, n: int) -> list[str]:
    return fill_digits(rng, data.phone_formats, n)


def phone_column(rng: np.random.Generator, data: LocaleData, n: int) -> Column:
    """The locale's phone numbers, marked ascii_safe where its formats are plain (digits fill the slots): as two
    table pieces where its formats allow (`digit_pieces`), else one string each."""
    numbers = digit_pieces(rng, data.phone_formats, n)
    values = phones(rng, data, n) if numbers is None else numbers
    return Column("str", values, ascii_safe=plain_words(word_table(data.phone_formats)))


def datetimes_before_reference(
    rng: np.random.Generator, n: int, max_days: float
) -> npt.NDArray[np.datetime64]:
    """Instants in the `max_days` before the reference time (never in the future), to the second."""
    seconds = (rng.random(n) * max_days * _SECONDS_PER_DAY).astype(np.int64) + 1
    return REFERENCE_TIME - seconds.astype("timedelta64[s]")


def whole_years_between(
    earlier: npt.NDArray[np.datetime64], later: npt.NDArray[np.datetime64]
) -> npt.NDArray[np.int64]:
    """Completed years from `earlier` to `later` (an age), dates taken in UTC."""
    y1, m1, d1 = year_month_day(earlier.astype("datetime64[D]"))
    y2, m2, d2 = year_month_day(later.astype("datetime64[D]"))
    before_birthday = (m2 < m1) | ((m2 == m1) & (d2 < d1))
    age: npt.NDArray[np.int64] = y2 - y1 - before_birthday.astype(np.int64)
    return age


def adult_ages(rng: np.random.Generator, n: int) -> npt.NDArray[np.int64]:
    """Ages of adults as they spread in a population: around 41, 18 to 89 (the one age draw)."""
    return np.clip(np.round(rng.normal(41, 14, n)), 18, 89).astype(np.int64)


def birth_dates(
    rng: np.random.Generator, at: npt.NDArray[np.datetime64], ages: npt.NDArray[np.int64]
) -> npt.NDArray[np.datetime64]:
    """Dates of birth such that each person is exactly `ages` whole years old at `at`."""
    at_days = at.astype("datetime64[D]")
    years, months, days = year_month_day(at_days)
    anniversary_month = (years - ages - 1970) * 12 + (months - 1)
    anniversary = month_starts(anniversary_month) + np.minimum(days - 1, 27).astype("timedelta64[D]")
    # Up to 364 days before that birthday: the age stays within a year of the target; the `age` column is
    # then computed from the two dates, so it always agrees with them.
    back = rng.integers(0, 365, len(at)).astype("timedelta64[D]")
    born: npt.NDArray[np.datetime64] = anniversary - back
    return born


def money(values: npt.NDArray[np.float64]) -> npt.NDArray[np.float64]:
    """Round to cents (half away from zero on the decimal value, as people do)."""
    return np.round(values + np.copysign(1e-9, values), 2)
