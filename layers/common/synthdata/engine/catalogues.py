"""The per-file catalogues that orders and template rows draw from: products and customers.

A catalogue depends only on the seed (and, for customers, the locale and options), never on the block, so a
product id or a customer id means the same thing in every shard of a file.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import numpy.typing as npt

from synthdata.engine import builders, handles
from synthdata.engine.locale_data import locale_data
from synthdata.engine.locales import locale_profile
from synthdata.engine.rng import fixed_rng
from synthdata.engine.text_tables import padded_words
from synthdata.engine.words import CATALOGUE, PRODUCT_ADJECTIVES

CUSTOMERS_PER_FILE = 50_000
PRODUCTS_PER_FILE = 2_000
# Every product name any file can have ("adjective noun", code: noun * adjectives + adjective, nouns in
# CATALOGUE's order), every category and every product id: tables that live as long as the process, so a
# column drawn from a file's products can be categorical (encoded once per process, not per file).
_NOUNS = [noun for nouns, _ in CATALOGUE.values() for noun in nouns]
_FIRST_NOUN = np.cumsum([0, *(len(nouns) for nouns, _ in CATALOGUE.values())])
PRODUCT_NAME_WORDS = np.asarray([f"{a} {n}" for n in _NOUNS for a in PRODUCT_ADJECTIVES], dtype=object)
PRODUCT_CATEGORY_WORDS = np.asarray(list(CATALOGUE), dtype=object)
PRODUCT_ID_WORDS = padded_words("PRD-", np.arange(1, PRODUCTS_PER_FILE + 1), 5)


@dataclass(frozen=True)
class Products:
    """The file's products; the same index is the same product in every array."""

    ids: npt.NDArray[np.object_]
    names: npt.NDArray[np.object_]
    categories: npt.NDArray[np.object_]
    prices: npt.NDArray[np.float64]
    name_codes: npt.NDArray[np.intp]  # into PRODUCT_NAME_WORDS
    category_codes: npt.NDArray[
        np.intp
    ]  # into PRODUCT_CATEGORY_WORDS (ids: product i is PRODUCT_ID_WORDS[i])


@dataclass(frozen=True)
class Customers:
    """The file's customers; the same index is the same customer in every array."""

    ids: npt.NDArray[np.object_]
    emails: npt.NDArray[np.object_]
    addresses: npt.NDArray[np.object_]


@lru_cache(maxsize=8)
def products(seed: int) -> Products:
    """The file's product catalogue: a product id always has one name, category and price."""
    rng = fixed_rng(seed, "products")
    categories = list(CATALOGUE)
    category = rng.integers(0, len(categories), PRODUCTS_PER_FILE)
    name_codes = np.empty(PRODUCTS_PER_FILE, dtype=np.intp)
    prices = np.empty(PRODUCTS_PER_FILE)
    for index, name in enumerate(categories):
        rows = np.flatnonzero(category == index)
        nouns, (low, high) = CATALOGUE[name]
        noun = _FIRST_NOUN[index] + rng.integers(0, len(nouns), rows.size)
        adjective = rng.integers(0, len(PRODUCT_ADJECTIVES), rows.size)
        name_codes[rows] = noun * len(PRODUCT_ADJECTIVES) + adjective
        # Log-uniform prices ending in .99, the way shops price things.
        raw = np.exp(rng.uniform(np.log(low), np.log(high), rows.size))
        prices[rows] = np.maximum(np.floor(raw), 1) - 0.01
    return Products(
        PRODUCT_ID_WORDS,
        PRODUCT_NAME_WORDS[name_codes],
        PRODUCT_CATEGORY_WORDS[category],
        np.round(prices, 2),
        name_codes,
        category,
    )


@lru_cache(maxsize=8)
def customers(seed: int, locale: str, realistic_domains: bool) -> Customers:
    """The file's customers: a customer id always has one email and one address."""
    rng = fixed_rng(seed, f"customers:{locale}")
    data = locale_data(locale)
    person = builders.people(rng, data, CUSTOMERS_PER_FILE)
    domains = handles.email_domains(rng, CUSTOMERS_PER_FILE, realistic_domains)
    index = np.arange(CUSTOMERS_PER_FILE, dtype=np.int64)
    emails, _ = handles.person_handles(person, index, seed, domains)
    place = builders.places(rng, data, CUSTOMERS_PER_FILE)
    addresses = locale_profile(locale).writing.postal_addresses(
        street=place.street_address, city=place.city, region=place.region, postcode=place.postal_code
    )
    ids = padded_words("CUST-", index + 1, 6)  # ~1 ms, where numpy's str, zfill and add took ~11 ms
    return Customers(ids, emails, addresses)
