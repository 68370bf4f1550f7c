"""How a country writes a person's name, a street line and a postal address, and how it spells them in ASCII.

One `LocaleWriting` per locale, the `writing` section of its profile (`profiles/<locale>.json`): every key is
required, so a locale states its conventions instead of inheriting English ones. Read at run time (name order,
street line, postal address) and at build time by `build_vocabularies` (where street words come from, ASCII
spelling, company-name romanization).

Sources: Universal Postal Union address formats per country; Faker's ja_JP data (name order, kana and
romanized names, towns and chōme-ban-gō); DIN 5007-2 / ICAO 9303 for German umlauts in ASCII (ä -> ae).
"""

from __future__ import annotations

from functools import lru_cache
from string import Formatter

import numpy as np
import numpy.typing as npt
from pydantic import BaseModel, ConfigDict, Field, model_validator

ObjArray = npt.NDArray[np.object_]


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

    def street_lines(self, rng: np.random.Generator, streets: ObjArray) -> ObjArray:
        """One street line per street given (a street word per row), numbers drawn column-wise.

        The text before and after "{street}" is each one lookup into a table of every combination of its
        numbers (ja_JP: 9 x 27 x 20 "2丁目3-14"), so a line costs one draw and one concatenation per side.
        """
        line: ObjArray | None = None
        for side, table in enumerate(_side_tables(self.street_line, tuple(self.numbers.items()))):
            if side == 1:
                line = streets if line is None else line + streets
            if table.size:
                drawn = table[rng.integers(0, table.size, len(streets))]
                line = drawn if line is None else line + drawn
        assert line is not None
        return line

    def postal_addresses(self, **columns: ObjArray) -> ObjArray:
        """The one-line postal address of each row from its street line, city, region and postcode."""
        joined: ObjArray = np.full(len(columns["street"]), "", dtype=object)
        for literal, name, _, _ in Formatter().parse(self.postal_address):
            joined = joined + literal if literal else joined
            joined = joined + columns[name] if name else joined
        return joined


@lru_cache(maxsize=32)
def _side_tables(street_line: str, slots: tuple[tuple[str, int], ...]) -> tuple[ObjArray, ObjArray]:
    """The texts that can stand before and after "{street}" in a street line (empty array: nothing)."""
    numbers = dict(slots)
    sides: list[list[ObjArray]] = [[], []]
    side = 0
    for literal, slot, _, _ in Formatter().parse(street_line):
        if literal:
            sides[side].append(np.asarray([literal], dtype=object))
        if slot == "street":
            side = 1
        elif slot:
            sides[side].append(np.asarray([str(i) for i in range(1, numbers[slot] + 1)], dtype=object))
    tables = []
    for parts in sides:
        table = np.asarray([], dtype=object)
        for part in parts:  # every combination, the later part varying fastest
            table = part if not table.size else (table[:, None] + part[None, :]).ravel()
        tables.append(table)
    return tables[0], tables[1]
