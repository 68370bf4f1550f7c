"""The shipped form of a locale's places: what `place_table` needs, worked out at build time.

`build_places` derives plain rows (city, region, postal code, population weight per place); this module turns
them into two files, `places_<locale>.json` (the distinct city and region names, the postal codes, the
regions' zones) and `places_<locale>.npy` (per place: city and region codes, the normalised weight and
Walker's alias table of the weights). Interning the names and building the alias table (a Python loop over
every place) cost a process ~20 ms (ja_JP ~40 ms) on first use; reading the arrays costs well under 1 ms.
Both files are deterministic (sorted JSON, numpy's .npy header), so the build rewrites the same bytes; neither is
gzipped (see vocabulary_files).
"""

from __future__ import annotations

import io
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt

from synthdata.engine.vocabulary_files import (
    VOCABULARY_DIR,
    encode_document,
    file_in,
    read_bytes,
    read_document,
)

if TYPE_CHECKING:
    from pathlib import Path

# One record per place; little-endian and fixed widths, so the bytes are the same on every machine.
PLACE_DTYPE = np.dtype(
    [
        ("city_code", "<i4"),
        ("region_code", "<i4"),
        ("weight", "<f8"),
        ("alias_probability", "<f8"),
        ("alias", "<i4"),
    ]
)


def alias_table(weights: npt.NDArray[np.float64]) -> tuple[npt.NDArray[np.float64], npt.NDArray[np.intp]]:
    """Vose's construction of Walker's alias table: slot i keeps place i with probability[i], else alias[i]."""
    count = len(weights)
    scaled = (weights * count).tolist()
    probability, alias = np.ones(count), np.arange(count, dtype=np.intp)
    small = [i for i, p in enumerate(scaled) if p < 1.0]
    large = [i for i, p in enumerate(scaled) if p >= 1.0]
    while small and large:
        low, high = small.pop(), large.pop()
        probability[low], alias[low] = scaled[low], high
        scaled[high] += scaled[low] - 1.0
        (small if scaled[high] < 1.0 else large).append(high)
    return probability, alias  # slots left in either list keep their own place (probability 1)


def _interned(values: list[str]) -> tuple[list[str], list[int]]:
    """Distinct values in order of first appearance, and the code of each value."""
    index = {value: code for code, value in enumerate(dict.fromkeys(values))}
    return list(index), [index[v] for v in values]


def encode_places(rows: dict[str, Any]) -> tuple[bytes, bytes]:
    """The two files' bytes (names document, per-place arrays) of the rows `build_places` derives."""
    city_words, city_codes = _interned(rows["cities"])
    region_words, region_codes = _interned(rows["regions"])
    weights = np.asarray(rows["weights"], dtype=float)
    weights /= weights.sum()
    probability, alias = alias_table(weights)
    places = np.empty(len(weights), dtype=PLACE_DTYPE)
    places["city_code"], places["region_code"], places["weight"] = city_codes, region_codes, weights
    places["alias_probability"], places["alias"] = probability, alias
    names = {
        "city_words": city_words,
        "region_words": region_words,
        "postcodes": rows["postcodes"],
        "region_zones": rows["region_zones"],
    }
    array = io.BytesIO()
    np.lib.format.write_array(array, places, allow_pickle=False)
    return encode_document(names), array.getvalue()


def arrays_path(stem: str) -> Path:
    """The per-place arrays file of a places stem (`places_<locale>`), for the build script and tests."""
    from pathlib import Path  # kept off the run-time path, as in vocabulary_files

    return Path(_arrays_file_name(stem))


def _arrays_file_name(stem: str) -> str:
    return file_in(VOCABULARY_DIR, f"{stem}.npy")


def read_places(stem: str) -> tuple[dict[str, Any], npt.NDArray[Any]]:
    """The names document and the per-place records of a locale's places."""
    raw = read_bytes(_arrays_file_name(stem))
    return read_document(stem), np.lib.format.read_array(io.BytesIO(raw), allow_pickle=False)
