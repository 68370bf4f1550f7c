"""The profile of one locale: everything the engine knows about a country, as data read from one JSON file.

A profile is validated when read: a missing or unknown key fails loudly (`extra="forbid"`, no defaults), so a
new locale is complete or refused. Other per-locale settings join as new fields of `LocaleProfile` and keys of
every `profiles/<locale>.json` (the test `test_locale_profiles` then fails for any profile that lacks them).
"""

from __future__ import annotations

from typing import Annotated, Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

from synthdata.engine.locales.writing import LocaleWriting


class _Strict(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)


class Bounds(_Strict):
    """The country's bounding box, roughly (coordinates fields draw inside it)."""

    lat_min: float = Field(ge=-90, le=90)
    lat_max: float = Field(ge=-90, le=90)
    lon_min: float = Field(ge=-180, le=180)
    lon_max: float = Field(ge=-180, le=180)


class RegionRule(_Strict):
    """What "region" is in the country's addresses, and how the build names it."""

    term: str = Field(min_length=1, description="what addresses call it: state, Land, prefecture, ...")
    # code: the source's state code (US "IL", IT "MI"); name: its English-or-local name; native: its native name.
    label: Literal["code", "name", "native"]
    names: dict[str, str] = Field(description="state code -> name where the source's label is wrong")


class PostalRule(_Strict):
    """How postal codes are made from the real codes of the gazetteer (see `build_places`)."""

    # Leading characters of a real code kept as the prefix (0: the whole code, as for GB postcode areas).
    prefix_length: int = Field(ge=0, le=10)
    # Filled per code after the prefix: '#' a digit, '%' 1-9, 'A' a letter from `letters`; "" keeps the real code.
    suffix: str
    letters: str
    # Leading characters that name the region's zone (0: the leading letters, GB postcode area).
    zone_length: int = Field(ge=0, le=5)
    pattern: str = Field(min_length=1, description="regular expression every postal code matches")
    # True where postal areas ignore the region (GB: post towns cross counties): nearest area, any region.
    nearest_area_any_region: bool


class LocaleEconomy(_Strict):
    """The country's money figures, each with its source (shared ones: `vocabularies/economics.json`)."""

    currency: str = Field(pattern=r"^[A-Z]{3}$")
    median_annual_wage: int = Field(gt=0)
    wage_source: str = Field(min_length=1)
    wage_citation: str = Field(min_length=1, description="short form for the salary field's description")
    salary_rounding: int = Field(ge=1)
    tax_rates: tuple[Annotated[float, Field(ge=0, lt=1)], ...] = Field(min_length=1)
    tax_source: str = Field(min_length=1)
    tax_citation: str = Field(min_length=1, description="short form for the tax field's description")


class LocaleProfile(_Strict):
    """One locale: country, money, phone, address and writing conventions, economy and the country's shape."""

    locale: str = Field(pattern=r"^[a-z]{2}_[A-Z]{2}$")
    country: str = Field(min_length=1)
    country_code: str = Field(pattern=r"^[A-Z]{2}$")
    currency: str = Field(pattern=r"^[A-Z]{3}$")
    dialling_code: str = Field(pattern=r"^\+\d{1,3}$")
    trunk_prefix: str = Field(pattern=r"^\d?$")
    # Formats from a fictional range, where the numbering plan has one (US 555-01xx); empty: Faker's formats.
    fictional_phone_formats: tuple[str, ...]
    # Places written in ASCII as the country's postal addresses do (USPS: "Canon City", "Ewa Beach").
    ascii_place_names: bool
    stock_exchanges: tuple[str, ...] = Field(min_length=1)
    bounds: Bounds
    region: RegionRule
    postal_code: PostalRule
    writing: LocaleWriting
    economy: LocaleEconomy

    @model_validator(mode="after")
    def _prices_in_its_currency(self) -> LocaleProfile:
        if self.economy.currency != self.currency:
            raise ValueError(f"currency {self.currency!r} but economy.currency {self.economy.currency!r}")
        return self
