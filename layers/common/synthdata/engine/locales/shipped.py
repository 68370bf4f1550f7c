"""The locale profiles as the engine reads them at run time: named tuples filled from the shipped files.

The strict pydantic `LocaleProfile` (profile.py) is the schema: the tests validate every shipped profile with it
and check that reading the file here gives the same values of the same types, field for field, and the build
scripts read validated profiles. Run time only reads those files, so it skips pydantic (importing it and
building the models cost a CLI run about 0.1 s); a missing or unknown key still fails here, since every
field is required and `cls(**section)` refuses an unexpected one. Named tuples, not frozen dataclasses: making
a dataclass runs several generated functions through exec, ~0.4 ms of every CLI run per class on Python 3.11.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from functools import lru_cache
from itertools import repeat
from string import Formatter
from typing import TYPE_CHECKING, Any, NamedTuple

import numpy as np
import numpy.typing as npt

from synthdata.engine.row_parts import Coded, Pieces, pieces_array
from synthdata.engine.vocabulary_files import read_bytes

if TYPE_CHECKING:
    from pathlib import Path

ObjArray = npt.NDArray[np.object_]


class BoundingBox(NamedTuple):
    lat_min: float
    lat_max: float
    lon_min: float
    lon_max: float


class Region(NamedTuple):
    term: str
    label: str
    names: dict[str, str]


class PostalCodes(NamedTuple):
    prefix_length: int
    suffix: str
    letters: str
    zone_length: int
    pattern: str
    nearest_area_any_region: bool


class Writing(NamedTuple):
    """A locale's writing conventions (see LocaleWriting for what each key means)."""

    family_name_first: bool
    street_line: str
    numbers: dict[str, int]
    postal_address: str
    street_source: str
    legal_forms_source: str
    extra_legal_forms: tuple[str, ...]
    ascii_replacements: dict[str, str]
    romanized_terms: dict[str, str]
    romanization_fixes: dict[str, str]

    def street_lines(self, rng: np.random.Generator, streets: ObjArray) -> ObjArray:
        """One street line per street given (a street word per row), numbers drawn column-wise."""
        return pieces_array(self.street_line_pieces(rng, Coded(streets, np.arange(len(streets)))))

    def street_line_pieces(self, rng: np.random.Generator, streets: Coded) -> Pieces:
        """street_lines as pieces: the text before "{street}", the street, the text after. Each side is one
        lookup into a table of every combination of its numbers (ja_JP: 9 x 27 x 20 "2丁目3-14"), drawn
        before side to after."""
        pieces: list[Coded] = []
        for side, table in enumerate(_side_tables(self.street_line, tuple(self.numbers.items()))):
            if side == 1:
                pieces.append(streets)
            if table.size:
                pieces.append(Coded(table, rng.integers(0, table.size, len(streets.codes))))
        return Pieces(tuple(pieces))

    def postal_addresses(self, **columns: ObjArray) -> ObjArray:
        """The one-line postal address of each row from its street line, city, region and postcode: one join per
        row (an array addition per part made a new string per part: 50,000 customers ~18 ms, now ~5 ms)."""
        rows = len(columns["street"])
        parts: list[Iterable[str]] = []
        for literal, name, _, _ in Formatter().parse(self.postal_address):
            if literal:
                parts.append(repeat(literal, rows))
            if name:
                parts.append(columns[name])
        joined: ObjArray = np.empty(rows, dtype=object)
        joined[:] = list(map("".join, zip(*parts, strict=True))) if parts else ""
        return joined


class Economy(NamedTuple):
    currency: str
    median_annual_wage: int
    wage_source: str
    wage_citation: str
    salary_rounding: int
    tax_rates: tuple[float, ...]
    tax_source: str
    tax_citation: str


class Profile(NamedTuple):
    """One locale: country, money, phone, address and writing conventions, economy and the country's shape."""

    locale: str
    country: str
    country_code: str
    currency: str
    dialling_code: str
    trunk_prefix: str
    fictional_phone_formats: tuple[str, ...]
    ascii_place_names: bool
    stock_exchanges: tuple[str, ...]
    bounds: BoundingBox
    region: Region
    postal_code: PostalCodes
    writing: Writing
    economy: Economy


def read_profile(path: str | Path) -> Profile:
    """The profile a shipped file holds, with the types the pydantic model gives (tuples, floats)."""
    data: dict[str, Any] = json.loads(read_bytes(path))
    writing, economy = data["writing"], data["economy"]
    return Profile(
        **{
            **data,
            "fictional_phone_formats": tuple(data["fictional_phone_formats"]),
            "stock_exchanges": tuple(data["stock_exchanges"]),
            "bounds": BoundingBox(**{key: float(value) for key, value in data["bounds"].items()}),
            "region": Region(**data["region"]),
            "postal_code": PostalCodes(**data["postal_code"]),
            "writing": Writing(**{**writing, "extra_legal_forms": tuple(writing["extra_legal_forms"])}),
            "economy": Economy(**{**economy, "tax_rates": tuple(map(float, economy["tax_rates"]))}),
        }
    )


@lru_cache(maxsize=32)
def _side_tables(street_line: str, slots: tuple[tuple[str, int], ...]) -> tuple[ObjArray, ObjArray]:
    """The texts that can stand before and after "{street}" in a street line (empty array: nothing)."""
    numbers = dict(slots)
    sides: list[list[ObjArray]] = [[], []]
    side = 0
    for literal, slot, _, _ in Formatter().parse(street_line):
        if literal:
            sides[side].append(np.asarray([literal], dtype=object))
        if slot == "street":
            side = 1
        elif slot:
            sides[side].append(np.asarray([str(i) for i in range(1, numbers[slot] + 1)], dtype=object))
    tables = []
    for parts in sides:
        table = np.asarray([], dtype=object)
        for part in parts:  # every combination, the later part varying fastest
            table = part if not table.size else (table[:, None] + part[None, :]).ravel()
        tables.append(table)
    return tables[0], tables[1]
