"""Commerce: the row's product, prices, currencies and test payment numbers."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from typing import ClassVar, Literal

import numpy as np
import numpy.typing as npt

from synthdata.engine.catalogues import products
from synthdata.engine.columns import Column
from synthdata.engine.words import CURRENCIES, TEST_CARDS
from synthdata.fields.base import RANGE_RULE, EarlierColumns, FieldModel, Problem, range_problems
from synthdata.fields.draws import category
from synthdata.fields.numbers import number_width
from synthdata.fields.parameters import FiniteNumber, number
from synthdata.fields.row import Row

_IBAN_DIGITS = 18  # German BBAN: bank code (8) and account number (10)
_GERMANY_AND_ZERO_CHECK = (1, 3, 1, 4, 0, 0)  # "DE00" moved to the end, letters as numbers: D=13, E=14


class CommerceField(FieldModel):
    family: ClassVar[str] = "commerce"


class ProductName(CommerceField):
    field_type: Literal["product_name"] = "product_name"
    description = "Product name, of the row's product_category"
    example = "Premium Smartwatch"
    max_bytes = 48

    def column(self, row: Row, rng: np.random.Generator, earlier: EarlierColumns) -> Column:
        return Column.categorical(products(row.context.seed).names, row.product)


class ProductCategory(CommerceField):
    field_type: Literal["product_category"] = "product_category"
    description = "Product category"
    example = "Electronics"
    max_bytes = 32

    def column(self, row: Row, rng: np.random.Generator, earlier: EarlierColumns) -> Column:
        return Column.categorical(products(row.context.seed).categories, row.product)


class Price(CommerceField):
    field_type: Literal["price"] = "price"
    description = "Price with cents"
    example = 19.99
    work = 3
    value_type = "number"
    rules = RANGE_RULE

    min: FiniteNumber = number(1.0, "Lowest price")
    max: FiniteNumber = number(500.0, "Highest price")

    def problems(self, earlier: Sequence[str]) -> list[Problem]:
        return range_problems(self.min, self.max)

    def width(self, earlier: Mapping[str, int]) -> int:
        return number_width(self.min, self.max, 2)

    def column(self, row: Row, rng: np.random.Generator, earlier: EarlierColumns) -> Column:
        return Column("float", np.round(rng.uniform(self.min, self.max, row.context.size), 2))


class CurrencyCode(CommerceField):
    field_type: Literal["currency_code"] = "currency_code"
    description = "ISO 4217 code"
    example = "EUR"
    max_bytes = 3

    def column(self, row: Row, rng: np.random.Generator, earlier: EarlierColumns) -> Column:
        return category(CURRENCIES, self.codes(row, rng, len(CURRENCIES)))


class Iban(CommerceField):
    field_type: Literal["iban"] = "iban"
    description = "German-format IBAN with valid check digits (not a real account)"
    example = "DE89370400440532013000"
    max_bytes = 22
    work = 5

    def column(self, row: Row, rng: np.random.Generator, earlier: EarlierColumns) -> Column:
        return Column("str", _german_ibans(rng, row.context.size), ascii_safe=True)


class CreditCardNumber(CommerceField):
    field_type: Literal["credit_card_number"] = "credit_card_number"
    description = "A published test card number (never a real card)"
    example = "4242424242424242"
    max_bytes = 19
    enumerable = True

    def capacity(self) -> int:
        return len(TEST_CARDS)

    def column(self, row: Row, rng: np.random.Generator, earlier: EarlierColumns) -> Column:
        return category(TEST_CARDS, self.codes(row, rng, len(TEST_CARDS)))


def _german_ibans(rng: np.random.Generator, n: int) -> list[str]:
    """DE IBANs: 18 random digits with valid ISO 7064 mod-97 check digits."""
    digits = rng.integers(0, 10, (n, _IBAN_DIGITS))
    remainder = np.zeros(n, dtype=np.int64)
    for column in (*digits.T, *(np.full(n, d) for d in _GERMANY_AND_ZERO_CHECK)):
        remainder = (remainder * 10 + column) % 97
    check = 98 - remainder
    text = np.char.add(np.char.add("DE", np.char.zfill(check.astype(str), 2)), _digit_rows(digits))
    return text.tolist()  # type: ignore[no-any-return]


def _digit_rows(digits: npt.NDArray[np.int64]) -> npt.NDArray[np.str_]:
    """Each row of a digit matrix as one string, by one byte cast."""
    bytes_ = (digits + 48).astype(np.uint8)
    return np.frombuffer(bytes_.tobytes(), dtype=f"S{digits.shape[1]}").astype(f"U{digits.shape[1]}")


COMMERCE: list[type[FieldModel]] = [
    ProductName,
    ProductCategory,
    Price,
    CurrencyCode,
    Iban,
    CreditCardNumber,
]
