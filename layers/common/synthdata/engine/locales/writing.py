"""How each country writes a person's name, a street line and a postal address, and how it spells them in ASCII.

One frozen `LocaleFormat` per locale, keyed by locale name, so a locale profile can take it over whole (issue
13: "one profile per locale"). A locale without an entry gets `DEFAULT_FORMAT` (English conventions), so any
locale in `locale_data.LOCALES` works. Read at run time (name order, street line, postal address) and at build
time by `build_vocabularies` (where street words come from, ASCII spelling, company-name romanization).

Sources: Universal Postal Union address formats per country; Faker's ja_JP data (name order, kana and
romanized names, towns and chōme-ban-gō); DIN 5007-2 / ICAO 9303 for German umlauts in ASCII (ä -> ae).
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from string import Formatter

import numpy as np
import numpy.typing as npt

ObjArray = npt.NDArray[np.object_]

_GERMAN_UMLAUTS = (("ä", "ae"), ("ö", "oe"), ("ü", "ue"), ("Ä", "Ae"), ("Ö", "Oe"), ("Ü", "Ue"), ("ß", "ss"))


@dataclass(frozen=True)
class LocaleFormat:
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

    family_name_first: bool = False
    street_line: str = "{number} {street}"
    numbers: tuple[tuple[str, int], ...] = (("number", 200),)
    postal_address: str = "{street}, {city}, {region} {postcode}"
    street_source: str = "street_name"
    legal_forms_source: str = "company_suffixes"
    extra_legal_forms: tuple[str, ...] = ()
    ascii_replacements: tuple[tuple[str, str], ...] = ()
    romanized_terms: tuple[tuple[str, str], ...] = ()
    romanization_fixes: tuple[tuple[str, str], ...] = ()

    def street_lines(self, rng: np.random.Generator, streets: ObjArray) -> ObjArray:
        """One street line per street given (a street word per row), numbers drawn column-wise.

        The text before and after "{street}" is each one lookup into a table of every combination of its
        numbers (ja_JP: 9 x 27 x 20 "2丁目3-14"), so a line costs one draw and one concatenation per side.
        """
        line: ObjArray | None = None
        for side, table in enumerate(_side_tables(self)):
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
def _side_tables(conventions: LocaleFormat) -> tuple[ObjArray, ObjArray]:
    """The texts that can stand before and after "{street}" in a street line (empty array: nothing)."""
    numbers = dict(conventions.numbers)
    sides: list[list[ObjArray]] = [[], []]
    side = 0
    for literal, slot, _, _ in Formatter().parse(conventions.street_line):
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


DEFAULT_FORMAT = LocaleFormat()

FORMATS: dict[str, LocaleFormat] = {
    # "1420 Maple Grove", "1420 Maple Grove, Springfield, IL 62704": numbers run high (they count blocks).
    "en_US": LocaleFormat(numbers=(("number", 9999),)),
    # Royal Mail: post town and postcode; no county needed.
    "en_GB": LocaleFormat(postal_address="{street}, {city}, {postcode}"),
    # "12 Smith Street, Sydney NSW 2000" (Australia Post).
    "en_AU": LocaleFormat(numbers=(("number", 300),), postal_address="{street}, {city} {region} {postcode}"),
    "de_DE": LocaleFormat(
        street_line="{street} {number}",
        numbers=(("number", 150),),
        postal_address="{street}, {postcode} {city}",
        ascii_replacements=_GERMAN_UMLAUTS,
    ),
    "nl_NL": LocaleFormat(
        street_line="{street} {number}",
        numbers=(("number", 250),),
        postal_address="{street}, {postcode} {city}",
        extra_legal_forms=("B.V.", "N.V.", "V.O.F."),
    ),
    # "12 rue de la Paix": Faker's French street names carry their lowercase type word.
    "fr_FR": LocaleFormat(numbers=(("number", 150),), postal_address="{street}, {postcode} {city}"),
    "es_ES": LocaleFormat(
        street_line="{street}, {number}",
        numbers=(("number", 150),),
        postal_address="{street}, {postcode} {city} ({region})",
    ),
    "it_IT": LocaleFormat(
        street_line="{street} {number}",
        numbers=(("number", 200),),
        postal_address="{street}, {postcode} {city} ({region})",
    ),
    # Correios: "Rua das Flores, 123, São Paulo - SP, 01001-000"; numbers count metres from the street's start.
    "pt_BR": LocaleFormat(
        street_line="{street}, {number}",
        numbers=(("number", 3000),),
        postal_address="{street}, {city} - {region}, {postcode}",
    ),
    # Town then chōme-ban-gō ("青葉台2丁目3-14"); the full address runs from the postcode down, without spaces
    # between prefecture, city and town. Family name first, separated by a space as Faker's ja_JP names are
    # (and as forms separate 姓 and 名), so the two stay apart.
    "ja_JP": LocaleFormat(
        family_name_first=True,
        street_line="{street}{chome}丁目{ban}-{go}",
        numbers=(("chome", 9), ("ban", 27), ("go", 20)),
        postal_address="〒{postcode} {region}{city}{street}",
        street_source="town",
        legal_forms_source="company_prefixes",  # 株式会社, 有限会社, 合同会社: before or after the name
        # The words Faker's ja_JP company names are made of, in Hepburn with long vowels unmarked, as
        # Faker spells the romanized names (Sato, Kondo).
        romanized_terms=(
            ("水産", "suisan"),
            ("農林", "norin"),
            ("鉱業", "kogyo"),
            ("建設", "kensetsu"),
            ("食品", "shokuhin"),
            ("印刷", "insatsu"),
            ("電気", "denki"),
            ("ガス", "gasu"),
            ("情報", "joho"),
            ("通信", "tsushin"),
            ("運輸", "unyu"),
            ("銀行", "ginko"),
            ("保険", "hoken"),
        ),
        # Faker gives ミツル in Kunrei-shiki ("Mituru") and シュウヘイ as "Shohei" (a different name).
        romanization_fixes=(("ミツル", "Mitsuru"), ("シュウヘイ", "Shuhei")),
    ),
}


def locale_format(locale: str) -> LocaleFormat:
    """The locale's conventions, or the English defaults for a locale without an entry."""
    return FORMATS.get(locale, DEFAULT_FORMAT)
