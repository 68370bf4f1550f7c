"""Real places of a locale: (city, region, postal code) rows with population weights, read from the data file
`vocabularies/places_<locale>.json` and `.npy` that `build_places` derives from GeoNames and the postal-code
gazetteer (see `place_files`).

A row is one real place; drawing a row index (weighted by population) and indexing the three columns with it
gives a city, its region and one of its postal codes that always agree.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache, cached_property

import numpy as np
import numpy.typing as npt

from synthdata.engine.locales import LOCALES, locale_profile
from synthdata.engine.place_files import read_places
from synthdata.engine.word_arrays import vocabulary

CITY_DESCRIPTION = "A real city (GeoNames), drawn as often as people live there"
REGION_DESCRIPTION = "Region of the city as the country's addresses write it: " + "; ".join(
    f"{locale} {locale_profile(locale).region.term}" for locale in LOCALES
)
POSTAL_CODE_DESCRIPTION = (
    "A postal code of the city: a real code of its region, or the region's real prefix completed by the "
    "country's scheme (es_ES province + 3 digits, pt_BR 3 digits + 5, en_GB postcode area of the post town, "
    "nl_NL real 4 digits + 2 letters)"
)


@dataclass(frozen=True)
class PlaceTable:
    """One locale's places; the same index is the same place in every per-place array.

    Cities and regions are kept once each (`city_words`, `region_words`) with a code per place: columns index
    a few thousand distinct names rather than one string object per place, which keeps rendering as fast as
    with a small vocabulary.
    """

    city_words: npt.NDArray[np.object_]
    city_codes: npt.NDArray[np.intp]  # per place, into city_words
    region_words: npt.NDArray[np.object_]
    region_codes: npt.NDArray[np.intp]  # per place, into region_words
    postcodes: npt.NDArray[np.object_]  # per place
    weights: npt.NDArray[np.float64]  # per place, summing to 1
    alias_probability: npt.NDArray[np.float64]  # Walker's alias table of the weights (see `draw`)
    alias: npt.NDArray[np.intp]
    region_zones: dict[str, tuple[str, ...]]  # region -> leading parts of its real postal codes

    @cached_property
    def cities(self) -> npt.NDArray[np.object_]:
        """The city of each place (one long-lived array: city, region and postal code columns over the same
        place codes are merged by the writers into one cached table, one string per row instead of three)."""
        return self.city_words[self.city_codes]

    @cached_property
    def regions(self) -> npt.NDArray[np.object_]:
        """The region of each place (long-lived, as `cities`)."""
        return self.region_words[self.region_codes]

    def draw(self, rng: np.random.Generator, n: int) -> npt.NDArray[np.intp]:
        """Indices of n places, each drawn as often as people live there.

        Walker's alias method: one uniform per row picks a slot and, by its fraction, the slot's place or its
        alias; a few whole-column operations, where a binary search over tens of thousands of cumulative
        weights would cost more than the rest of the place columns.
        """
        scaled = rng.random(n) * len(self.alias)
        slot = scaled.astype(np.intp)
        return np.where(scaled - slot < self.alias_probability[slot], slot, self.alias[slot])


def zone(postal_code: str, zone_length: int) -> str:
    """The leading part of a code that names its region's zone (0: the leading letters, a GB postcode area)."""
    if zone_length:
        return postal_code[:zone_length]
    letters = len(postal_code) - len(postal_code.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
    return postal_code[:letters]


@cache
def place_table(locale: str) -> PlaceTable:
    """The places of a locale (read from its data files on first use, then cached)."""
    names, places = read_places(f"places_{locale}")
    return PlaceTable(
        city_words=vocabulary(names["city_words"]),
        city_codes=places["city_code"].astype(np.intp),
        region_words=vocabulary(names["region_words"]),
        region_codes=places["region_code"].astype(np.intp),
        postcodes=vocabulary(names["postcodes"]),
        weights=np.ascontiguousarray(places["weight"], dtype=np.float64),
        alias_probability=np.ascontiguousarray(places["alias_probability"], dtype=np.float64),
        alias=places["alias"].astype(np.intp),
        region_zones={r: tuple(z) for r, z in names["region_zones"].items()},
    )
