"""Real places of a locale: (city, region, postal code) rows with population weights, read from the data file
`vocabularies/places_<locale>.json.gz` that `build_places` derives from GeoNames and the postal-code gazetteer.

A row is one real place; drawing a row index (weighted by population) and indexing the three columns with it
gives a city, its region and one of its postal codes that always agree.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

import numpy as np
import numpy.typing as npt

from synthdata.engine.columns import vocabulary
from synthdata.engine.locales import LOCALES, locale_profile
from synthdata.engine.rng import cumulative_weights, weighted_indices
from synthdata.engine.vocabulary_files import read_document

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
    """One locale's places; the same index is the same place in every column."""

    cities: npt.NDArray[np.object_]
    regions: npt.NDArray[np.object_]
    postcodes: npt.NDArray[np.object_]
    cumulative_weights: npt.NDArray[np.float64]
    region_zones: dict[str, tuple[str, ...]]  # region -> leading parts of its real postal codes

    def draw(self, rng: np.random.Generator, n: int) -> npt.NDArray[np.intp]:
        """Indices of n places, each drawn as often as people live there."""
        return weighted_indices(rng, self.cumulative_weights, n)


def zone(postal_code: str, zone_length: int) -> str:
    """The leading part of a code that names its region's zone (0: the leading letters, a GB postcode area)."""
    if zone_length:
        return postal_code[:zone_length]
    letters = len(postal_code) - len(postal_code.lstrip("ABCDEFGHIJKLMNOPQRSTUVWXYZ"))
    return postal_code[:letters]


@cache
def place_table(locale: str) -> PlaceTable:
    """The places of a locale (read from its data file on first use, then cached)."""
    document = read_document(f"places_{locale}")
    return PlaceTable(
        cities=vocabulary(document["cities"]),
        regions=vocabulary(document["regions"]),
        postcodes=vocabulary(document["postcodes"]),
        cumulative_weights=cumulative_weights(document["weights"]),
        region_zones={r: tuple(z) for r, z in document["region_zones"].items()},
    )
