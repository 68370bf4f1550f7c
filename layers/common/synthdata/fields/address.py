"""The place of the row: street, city, region and postal code of one real-shaped place, and coordinates."""

from __future__ import annotations

from typing import ClassVar, Literal

import numpy as np

from synthdata.engine.columns import Column
from synthdata.engine.locales import locale_profile
from synthdata.engine.places import CITY_DESCRIPTION, POSTAL_CODE_DESCRIPTION, REGION_DESCRIPTION
from synthdata.fields.base import EarlierColumns, FieldModel
from synthdata.fields.row import Row


class AddressField(FieldModel):
    family: ClassVar[str] = "address"


class StreetAddress(AddressField):
    field_type: Literal["street_address"] = "street_address"
    description = "Street and number as the locale writes them (ja_JP: town + chōme-ban-gō)"
    example = "1420 Maple Grove"
    max_bytes = 64
    work = 3

    def column(self, row: Row, rng: np.random.Generator, earlier: EarlierColumns) -> Column:
        return Column("str", row.place.street_address)


class City(AddressField):
    field_type: Literal["city"] = "city"
    description = CITY_DESCRIPTION
    example = "Chicago"
    max_bytes = 64
    work = 3

    def column(self, row: Row, rng: np.random.Generator, earlier: EarlierColumns) -> Column:
        return Column.categorical(row.data.places.city_words, row.place.city_codes)


class State(AddressField):
    field_type: Literal["state"] = "state"
    description = REGION_DESCRIPTION
    example = "IL"
    max_bytes = 48
    work = 3

    def column(self, row: Row, rng: np.random.Generator, earlier: EarlierColumns) -> Column:
        return Column.categorical(row.data.places.region_words, row.place.region_codes)


class PostalCode(AddressField):
    field_type: Literal["postal_code"] = "postal_code"
    description = POSTAL_CODE_DESCRIPTION
    example = "60614"
    max_bytes = 16
    work = 3

    def column(self, row: Row, rng: np.random.Generator, earlier: EarlierColumns) -> Column:
        return Column.categorical(row.data.places.postcodes, row.place.place_codes)


class Country(AddressField):
    field_type: Literal["country"] = "country"
    description = "Country of the locale"
    example = "United States"
    max_bytes = 32

    def column(self, row: Row, rng: np.random.Generator, earlier: EarlierColumns) -> Column:
        return _same_on_every_row(row.data.country, row)


class CountryCode(AddressField):
    field_type: Literal["country_code"] = "country_code"
    description = "ISO 3166 alpha-2 code of the locale"
    example = "US"
    max_bytes = 2

    def column(self, row: Row, rng: np.random.Generator, earlier: EarlierColumns) -> Column:
        return _same_on_every_row(row.data.country_code, row)


class Latitude(AddressField):
    field_type: Literal["latitude"] = "latitude"
    description = "Latitude inside the locale's country"
    example = 41.8781
    max_bytes = 10
    work = 3
    value_type = "number"

    def column(self, row: Row, rng: np.random.Generator, earlier: EarlierColumns) -> Column:
        return _coordinate(row, rng, axis=0)


class Longitude(AddressField):
    field_type: Literal["longitude"] = "longitude"
    description = "Longitude inside the locale's country"
    example = -87.6298
    max_bytes = 10
    work = 3
    value_type = "number"

    def column(self, row: Row, rng: np.random.Generator, earlier: EarlierColumns) -> Column:
        return _coordinate(row, rng, axis=1)


def _same_on_every_row(text: str, row: Row) -> Column:
    return Column.categorical(np.asarray([text], dtype=object), np.zeros(row.context.size, dtype=np.intp))


def _coordinate(row: Row, rng: np.random.Generator, axis: int) -> Column:
    """Uniform inside the country's bounding box: axis 0 latitude, 1 longitude; 4 decimals (about 11 m)."""
    bounds = locale_profile(row.context.locale).bounds
    low, high = (bounds.lat_min, bounds.lat_max) if axis == 0 else (bounds.lon_min, bounds.lon_max)
    return Column("float", np.round(rng.uniform(low, high, row.context.size), 4), decimals=4)


ADDRESS: list[type[FieldModel]] = [
    StreetAddress,
    City,
    State,
    PostalCode,
    Country,
    CountryCode,
    Latitude,
    Longitude,
]
