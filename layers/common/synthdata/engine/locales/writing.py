"""How a country writes a person's name, a street line and a postal address, and how it spells them in ASCII.

One `LocaleWriting` per locale, the `writing` section of its profile (`profiles/<locale>.json`): every key is
required, so a locale states its conventions instead of inheriting English ones. Read at run time (name order,
street line, postal address: `shipped.Writing`, the same keys without pydantic) and at build time by
`build_vocabularies` (where street words come from, ASCII spelling, company-name romanization).

Sources: Universal Postal Union address formats per country; Faker's ja_JP data (name order, kana and
romanized names, towns and chōme-ban-gō); DIN 5007-2 / ICAO 9303 for German umlauts in ASCII (ä -> ae).
"""

from __future__ import annotations

from string import Formatter

from pydantic import BaseModel, ConfigDict, Field, model_validator


class LocaleWriting(BaseModel):
    """A locale's writing conventions.

    street_line: "{street}" and numbered slots, each slot drawn uniformly from 1 to `numbers[slot]`.
    postal_address: the one-line address ("{street}", "{city}", "{region}", "{postcode}"), as the country
    writes it (the region only where its addresses carry one).
    street_source: the Faker address method whose values fill "{street}" (ja_JP: towns, `町`/`丁` names).
    legal_forms_source: the Faker company attribute listing the legal forms that domains leave out.
    extra_legal_forms: forms Faker's company names use but that attribute lacks (nl_NL "N.V." beside "NV").
    ascii_replacements: applied before Unidecode's plain folding (German writes ä as ae, not a).
    romanized_terms: romanizations of non-Latin words of company names (Faker has them only for people).
    romanization_fixes: kana reading -> Hepburn, where Faker's romanized name disagrees with its own kana.
    """

    model_config = ConfigDict(extra="forbid", frozen=True)

    family_name_first: bool
    street_line: str = Field(pattern=r"\{street\}")
    numbers: dict[str, int]
    postal_address: str = Field(pattern=r"\{street\}")
    street_source: str = Field(min_length=1)
    legal_forms_source: str = Field(min_length=1)
    extra_legal_forms: tuple[str, ...]
    ascii_replacements: dict[str, str]
    romanized_terms: dict[str, str]
    romanization_fixes: dict[str, str]

    @model_validator(mode="after")
    def _every_slot_has_its_range(self) -> LocaleWriting:
        slots = {name for _, name, _, _ in Formatter().parse(self.street_line) if name and name != "street"}
        if slots != set(self.numbers) or min(self.numbers.values(), default=1) < 1:
            raise ValueError(
                f"numbers {self.numbers} must give a range of at least 1 to each slot of street_line"
            )
        return self
