"""The shipped place files are what `build_places` derives from the installed gazetteer packages.

If a package's data changes, this fails until `python -m synthdata.engine.build_places` is run and the files
are committed (about 25 s for all locales, Japan's postal codes being the bulk).
"""

from __future__ import annotations

import pytest

from synthdata.engine import build_places
from synthdata.engine.locales import LOCALES
from synthdata.engine.place_files import arrays_path, encode_places
from synthdata.engine.vocabulary_files import vocabulary_path


@pytest.mark.parametrize("locale", LOCALES)
def test_shipped_places_match_what_the_gazetteers_derive(locale: str) -> None:
    stem = build_places.places_stem(locale)
    names, places = encode_places(build_places.places_document(locale))
    assert vocabulary_path(stem).read_bytes() == names, f"run python -m {build_places.__name__}"
    assert arrays_path(stem).read_bytes() == places, f"run python -m {build_places.__name__}"
