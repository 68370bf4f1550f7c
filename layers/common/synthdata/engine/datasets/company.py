"""`company`: organisations whose industry, size, money, listing and web presence agree."""

from __future__ import annotations

from functools import lru_cache

import numpy as np
import numpy.typing as npt

from synthdata.engine import builders
from synthdata.engine.columns import Column
from synthdata.engine.company_names import company_name_forms
from synthdata.engine.dataset import REFERENCE_TIME, BlockContext, FieldInfo
from synthdata.engine.economics import company_finances, company_money_description, economics
from synthdata.engine.locale_data import locale_data
from synthdata.engine.places import CITY_DESCRIPTION
from synthdata.engine.rng import WeightedDraw, block_rng, cumulative_weights, unique_codes
from synthdata.engine.row_parts import Coded
from synthdata.engine.words import INDUSTRIES

# Size bands by employee_count (inclusive lower bounds).
SIZE_BANDS = ((1, "micro"), (10, "small"), (50, "medium"), (250, "large"), (1000, "enterprise"))
COMPANY_TYPES = ("private", "public", "partnership", "nonprofit")
COMPANY_TYPE_WEIGHTS = (0.7, 0.15, 0.1, 0.05)
_SYMBOL_LETTERS = 5
_FOUNDED_FROM = 1900
_KIND_DRAW = WeightedDraw(
    cumulative_weights(COMPANY_TYPE_WEIGHTS)
)  # weighted_indices' draw, with a guide table


def size_category(employees: npt.NDArray[np.int64]) -> npt.NDArray[np.object_]:
    """The documented band of each headcount."""
    return _BAND_WORDS[_size_codes(employees)]


def _symbols(code: npt.NDArray[np.int64]) -> list[str]:
    letters = np.empty((code.size, _SYMBOL_LETTERS + 1), dtype=np.uint8)  # + the row end
    rest = code.copy()
    for position in range(_SYMBOL_LETTERS - 1, -1, -1):
        letters[:, position] = 65 + rest % 26
        rest //= 26
    return builders.ascii_rows(letters)


def _public_symbols(context: BlockContext, public: npt.NDArray[np.bool_]) -> npt.NDArray[np.object_]:
    """Each public company's unique symbol (by its row number); the others' are never written: left empty."""
    symbols = np.empty(public.size, dtype=object)
    symbols[:] = ""
    symbols[public] = _symbols(unique_codes(context.row_index[public], context.seed, 26**5))
    return symbols


FIELDS = [
    FieldInfo("id", "string", "UUID4", "9b2f3c1a-5b2d-4c4e-9a7b-1d2e3f405162"),
    FieldInfo("company_name", "string", "Legal name", "Abbott, Paul and Edwards LLC"),
    FieldInfo("trading_name", "string", "Name without the legal suffix", "Abbott, Paul and Edwards"),
    FieldInfo("industry", "string", "Industry", "Technology"),
    FieldInfo("sub_industry", "string", "Sub-industry belonging to the industry", "Software"),
    FieldInfo("company_type", "string", "private, public, partnership, nonprofit", "public"),
    FieldInfo("founded_year", "integer", "1900 to the reference year", 1998),
    FieldInfo("employee_count", "integer", "Headcount", 1200),
    FieldInfo(
        "size_category", "string", "micro <10, small <50, medium <250, large <1000, enterprise", "enterprise"
    ),
    FieldInfo(
        "annual_revenue",
        "number",
        f"Yearly revenue in the locale's currency, plausible for the headcount. {company_money_description()}",
        245000000.0,
    ),
    FieldInfo("revenue_growth_percent", "number", "Year-on-year growth", 6.4),
    FieldInfo(
        "market_cap",
        "number",
        "Only for public companies; in the locale's currency (as annual_revenue), revenue x a price/sales ratio",
        980000000.0,
    ),
    FieldInfo("stock_symbol", "string", "Only for public companies; unique in the file", "ABPEX"),
    FieldInfo("stock_exchange", "string", "Only for public companies; an exchange of the country", "NASDAQ"),
    FieldInfo(
        "headquarters_address", "string", "Street and number as the locale writes them", "1420 Maple Grove"
    ),
    FieldInfo("headquarters_city", "string", f"{CITY_DESCRIPTION}, in headquarters_country", "Chicago"),
    FieldInfo("headquarters_country", "string", "Country of the locale", "United States"),
    FieldInfo(
        "website",
        "string",
        "https URL whose domain is the trading name's words in ASCII, hyphen-joined, without the legal form "
        "(ja_JP: Hepburn romanization); reserved .example TLD by default",
        "https://www.abbott-paul-and-edwards.example",
    ),
    FieldInfo(
        "email", "string", "Contact address at the website's domain", "info@abbott-paul-and-edwards.example"
    ),
    FieldInfo("phone", "string", "The locale's national format (no +country prefix)", "(312) 555-0147"),
    FieldInfo("ceo_name", "string", "Full name of the CEO in the locale's name order", "Maria Lopez"),
    FieldInfo(
        "description", "string", "One sentence", "Abbott, Paul and Edwards is a large software company."
    ),
    FieldInfo("is_active", "boolean", "Still operating", True),
    FieldInfo("created_at", "datetime", "Record creation (UTC)", "2024-02-11T09:30:00Z"),
]


class CompanyDataset:
    name = "company"
    description = (
        "Companies. Rules: sub_industry belongs to industry; size_category follows employee_count bands (micro <10, "
        "small <50, medium <250, large <1000, enterprise >=1000); market_cap, stock_symbol and stock_exchange only "
        "for public companies, symbols unique; website's domain derives from the trading name (no legal form; "
        "ASCII as the locale spells it) and email uses it; headquarters_city is a real city of "
        "headquarters_country, drawn by population; founded_year not in the future; revenue scales with "
        "headcount; annual_revenue and market_cap are in the locale's currency (the ecommerce currency column's)."
    )
    fields = FIELDS
    prefix_safe = False  # one stream per block, drawn in sequence: always the whole block

    def generate_block(self, context: BlockContext) -> dict[str, Column]:
        data = locale_data(context.locale)
        rng = block_rng(context.seed, context.block_index, "company")
        n = context.size
        names, trading, _ = company_name_forms(context.locale)
        pick = rng.integers(0, len(names), n)
        _, sub = _industry_draws(rng, n)
        kind = _KIND_DRAW.draw(rng, n)
        public = kind == _PUBLIC
        employees = np.maximum(1, np.round(rng.lognormal(np.where(public, 8.0, 3.5), 1.3, n))).astype(
            np.int64
        )
        money = economics(context.locale, data.currency)
        revenue, market_cap = company_finances(rng, money, employees)
        exchanges = builders.word_table(data.profile.stock_exchanges)
        founded = rng.integers(_FOUNDED_FROM, _FOUNDED_TO + 1, n)
        websites, emails = _web_words(
            context.locale, ".com" if context.options.get("realistic_email_domains") else ".example"
        )
        contact = rng.integers(0, len(MAILBOXES), n) * len(names) + pick  # mailbox * companies + company
        ceo = builders.people(rng, data, n)
        place = builders.places(rng, data, n)
        size = _size_codes(employees)
        return {
            "id": Column("str", builders.uuid4_column(rng, n), ascii_safe=True),
            "company_name": Column.categorical(names, pick),
            "trading_name": Column.categorical(trading, pick),
            # By sub-industry codes: the same codes as the next column, so the writer joins both in one table.
            "industry": Column.categorical(_INDUSTRY_OF_SUB, sub),
            "sub_industry": Column.categorical(_SUB_INDUSTRY_WORDS, sub),
            "company_type": Column.categorical(_TYPE_WORDS, kind, ascii_safe=True),
            "founded_year": Column("int", founded.astype(np.int64)),
            "employee_count": Column("int", employees),
            "size_category": Column.categorical(_BAND_WORDS, size, ascii_safe=True),
            "annual_revenue": Column("float", revenue),
            "revenue_growth_percent": Column(
                "float", np.round(np.clip(rng.normal(5, 12, n), -60, 150), 1), decimals=1
            ),
            "market_cap": Column("float", market_cap, nulls=~public),
            "stock_symbol": Column("str", _public_symbols(context, public), nulls=~public, ascii_safe=True),
            "stock_exchange": Column.categorical(
                exchanges, rng.integers(0, len(exchanges), n), nulls=~public
            ),
            "headquarters_address": Column("str", place.street_address, ascii_safe=place.plain_street),
            "headquarters_city": Column.categorical(data.places.city_words, place.city_codes),
            "headquarters_country": builders.constant(data.country, n),
            # Both by the email's code (website: mailbox * companies + company): one table in the writer.
            "website": Column.categorical(websites, contact, ascii_safe=True),
            "email": Column.categorical(emails, contact, ascii_safe=True),
            "phone": builders.phone_column(rng, data, n),
            "ceo_name": Column("str", ceo.full_name, ascii_safe=ceo.plain_names),
            "description": Column.suffixed(trading, pick, _description_ends(size, sub, founded)),
            "is_active": Column("bool", rng.random(n) < 0.92),
            "created_at": Column("datetime", builders.datetimes_before_reference(rng, n, max_days=3 * 365)),
        }


MAILBOXES = ("info@", "contact@", "hello@")
_FOUNDED_TO = int(str(REFERENCE_TIME)[:4])
# Word tables the columns index into (categorical columns: each word written once per format, not per row).
_INDUSTRY_WORDS = np.asarray(list(INDUSTRIES), dtype=object)
_SUB_INDUSTRY_WORDS = np.asarray([sub for subs in INDUSTRIES.values() for sub in subs], dtype=object)
_INDUSTRY_OF_SUB = np.repeat(_INDUSTRY_WORDS, [len(subs) for subs in INDUSTRIES.values()])
_SUB_INDUSTRY_FIRST = np.cumsum([0, *(len(subs) for subs in INDUSTRIES.values())])
_TYPE_WORDS = np.asarray(COMPANY_TYPES, dtype=object)
_PUBLIC = COMPANY_TYPES.index("public")
_BAND_WORDS = np.asarray([name for _, name in SIZE_BANDS], dtype=object)
# The description after the trading name, from two tables: band and sub-industry (' is a small Software company
# founded in ', "an" before a vowel: "an enterprise"; code: band * sub-industries + sub-industry), then '1998.'.
_BAND_SUB_PHRASES = np.asarray(
    [
        f" is {'an' if band[0] in 'aeiou' else 'a'} {band} {sub} company founded in "
        for band in _BAND_WORDS
        for sub in _SUB_INDUSTRY_WORDS
    ],
    dtype=object,
)
_YEAR_PHRASES = np.asarray([f"{year}." for year in range(_FOUNDED_FROM, _FOUNDED_TO + 1)], dtype=object)


@lru_cache(maxsize=32)
def _web_words(locale: str, tld: str) -> tuple[npt.NDArray[np.object_], npt.NDArray[np.object_]]:
    """Each company's website and contact addresses, mailbox by mailbox (code: mailbox * companies + company;
    the websites repeat for each mailbox), for a domain of the trading name's ASCII label and `tld`."""
    domains = company_name_forms(locale).domain_labels + tld
    websites = np.tile("https://www." + domains, len(MAILBOXES))
    return websites, np.concatenate([mailbox + domains for mailbox in MAILBOXES])


def _size_codes(employees: npt.NDArray[np.int64]) -> npt.NDArray[np.intp]:
    """The documented band of each headcount, as an index into SIZE_BANDS."""
    return np.searchsorted(np.array([b for b, _ in SIZE_BANDS]), employees, side="right") - 1


def _industry_draws(rng: np.random.Generator, n: int) -> tuple[npt.NDArray[np.int64], npt.NDArray[np.intp]]:
    """Each row's industry and a sub-industry of that industry (indices into the word tables)."""
    industry_index = rng.integers(0, len(INDUSTRIES), n)
    sub = np.empty(n, dtype=np.intp)
    for index, options in enumerate(INDUSTRIES.values()):
        rows = np.flatnonzero(industry_index == index)
        sub[rows] = _SUB_INDUSTRY_FIRST[index] + rng.integers(0, len(options), rows.size)
    return industry_index, sub


def _description_ends(
    size: npt.NDArray[np.intp], sub: npt.NDArray[np.intp], founded: npt.NDArray[np.int64]
) -> tuple[Coded, Coded]:
    """What follows the trading name in 'Acme is a small Software company founded in 1998.'"""
    phrase = size * len(_SUB_INDUSTRY_WORDS) + sub
    return Coded(_BAND_SUB_PHRASES, phrase), Coded(_YEAR_PHRASES, founded - _FOUNDED_FROM)
