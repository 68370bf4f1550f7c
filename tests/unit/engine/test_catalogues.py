"""The process-wide product tables that ecommerce's categorical columns index hold each file's products."""

from __future__ import annotations

import pytest

from synthdata.engine.catalogues import (
    PRODUCT_CATEGORY_WORDS,
    PRODUCT_ID_WORDS,
    PRODUCT_NAME_WORDS,
    PRODUCTS_PER_FILE,
    products,
)
from synthdata.engine.words import CATALOGUE


@pytest.mark.parametrize("seed", [0, 5, 2**31])
def test_codes_name_the_catalogues_products(seed: int) -> None:
    catalogue = products(seed)
    assert (PRODUCT_NAME_WORDS[catalogue.name_codes] == catalogue.names).all()
    assert (PRODUCT_CATEGORY_WORDS[catalogue.category_codes] == catalogue.categories).all()
    assert catalogue.ids is PRODUCT_ID_WORDS and len(PRODUCT_ID_WORDS) == PRODUCTS_PER_FILE
    for name, category in zip(catalogue.names.tolist(), catalogue.categories.tolist(), strict=True):
        assert name.split(" ", 1)[1] in CATALOGUE[category][0]  # the noun belongs to the category


def test_every_name_is_listed_once() -> None:
    assert len(set(PRODUCT_NAME_WORDS.tolist())) == len(PRODUCT_NAME_WORDS)
