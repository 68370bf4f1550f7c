"""Names, street lines, postal addresses and ASCII forms are written the way each country writes them.

The expectations here are the test's own (regexes, legal forms, Faker's romanized ja_JP names read straight from
Faker), not the engine's tables: in every locale and in the `user`, `company` and `ecommerce` datasets and the
template field types, full names follow the locale's order, emails, usernames and domains are ASCII and come
from the same person's or company's romanized name, domains carry no legal form, street lines match the
country's pattern. One block per dataset and locale; `make coherence` runs them on 1,000,000 rows
(SYNTHDATA_COHERENCE_ROWS), like the coherence rules.
"""

from __future__ import annotations

import json
import os
import re
from collections.abc import Iterator
from functools import cache
from typing import Any

import pytest
from faker import Faker
from faker.decode import unidecode

from synthdata.engine import BLOCK_ROWS, LOCALES, get_dataset, render_rows
from synthdata.engine.dataset import BlockContext
from synthdata.engine.locales import locale_profile
from synthdata.fields import compile_template

SEED = 13
BLOCKS = max(1, int(os.environ.get("SYNTHDATA_COHERENCE_ROWS", str(BLOCK_ROWS))) // BLOCK_ROWS)
FAMILY_NAME_FIRST = {"ja_JP"}

# The street line as the country writes it ("\d{1,3}" also bounds the house numbers).
STREET = {
    "en_US": r"[1-9]\d{0,3} [A-Z][\w' .-]+",
    "en_GB": r"[1-9]\d{0,2} [A-Z][\w' .-]+",
    "en_AU": r"[1-9]\d{0,2} [A-Z][\w' .-]+",
    "de_DE": r"[\w'][\w.' -]+ [1-9]\d{0,2}",
    "nl_NL": r"[\w'][\w.' -]+ [1-9]\d{0,2}",
    "fr_FR": r"[1-9]\d{0,2} (rue|avenue|boulevard|chemin|impasse|place|quai|allée|route|square|cours|voie)\b.+",
    "es_ES": r"[A-ZÁÉÍÓÚÑ][\w.' -]+, [1-9]\d{0,2}",
    "it_IT": r"[A-Z][\w.' -]+ [1-9]\d{0,2}",
    "pt_BR": r"[A-ZÁÉÍÓÚÂÊÔÃÕÇ][\w.' -]+, [1-9]\d{0,3}",
    "ja_JP": r"[^\x00-\x7f]+[1-9]丁目[1-9]\d?-[1-9]\d?",
}
# What follows the street line in a one-line postal address (street, then the rest as the post expects it).
POSTAL_TAIL = {
    "en_US": r", [^,]+, [A-Z]{2} \d{5}",
    "en_GB": r", [^,]+, [A-Z0-9 ]+",
    "en_AU": r", .+ \S+ \d{4}",
    "de_DE": r", \d{5} .+",
    "nl_NL": r", \d{4} ?[A-Z]{2} .+",
    "fr_FR": r", \d{5} .+",
    "es_ES": r", \d{5} .+ \(.+\)",
    "it_IT": r", \d{5} .+ \(.+\)",
    "pt_BR": r", .+ - .+, \d{5}-?\d{3}",
}
LEGAL_FORMS = {
    "en": ("Inc", "LLC", "PLC", "Ltd", "LLP"),
    "de_DE": ("GmbH", "AG", "KG", "KGaA", "OHG", "GbR", "mbH", "e.G.", "e.V."),
    "fr_FR": ("SA", "S.A.", "SARL", "S.A.R.L.", "S.A.S.", "SAS"),
    "es_ES": ("S.A.", "S.L.", "S.A.U", "S.L.U.", "S.Coop.", "S.Com.", "S.C.P", "S.A.D", "S.A.T.", "S.L.N.E"),
    "it_IT": ("SPA", "S.p.A.", "s.r.l.", "S.r.l."),
    "pt_BR": ("S/A", "S.A.", "Ltda.", "ME", "EI"),
    "nl_NL": ("BV", "NV", "B.V.", "N.V."),
    "ja_JP": ("株式会社", "有限会社", "合同会社"),
}
# Hepburn where Faker's romanization departs from its own kana reading.
HEPBURN_BY_KANA = {"ミツル": "mitsuru", "シュウヘイ": "shuhei"}
UMLAUTS = {"ä": "ae", "ö": "oe", "ü": "ue", "Ä": "Ae", "Ö": "Oe", "Ü": "Ue", "ß": "ss"}


@cache
def japanese_romanized() -> dict[str, str]:
    """Kanji name -> its Hepburn romanization (lowercase), from Faker's ja_JP pairs of kanji, kana and romaji."""
    provider = next(p for p in Faker("ja_JP").factories[0].providers if hasattr(p, "last_name_pairs"))
    pairs = [*provider.first_name_pairs, *provider.last_name_pairs]
    return {kanji: HEPBURN_BY_KANA.get(kana, roman.lower()) for kanji, kana, roman in pairs}


@cache
def japanese_family_names() -> frozenset[str]:
    provider = next(p for p in Faker("ja_JP").factories[0].providers if hasattr(p, "last_name_pairs"))
    return frozenset(kanji for kanji, _, _ in provider.last_name_pairs)


def ascii_words(text: str, locale: str) -> list[str]:
    """How the locale spells a Latin-script name in ASCII: German umlauts as ae/oe/ue, else plain folding."""
    if locale == "de_DE":
        text = "".join(UMLAUTS.get(ch, ch) for ch in text)
    return re.findall(r"[a-z]+", unidecode(text).lower())


def handle_of(name: str, locale: str) -> str:
    """The ASCII handle a name gives: Faker's romanization for Japanese, the locale's spelling otherwise."""
    if locale == "ja_JP":
        return japanese_romanized()[name]
    return "".join(ascii_words(name, locale))


def legal_forms(locale: str) -> tuple[str, ...]:
    return LEGAL_FORMS.get(locale, LEGAL_FORMS["en"])


def has_legal_form(name: str, locale: str) -> bool:
    if locale == "ja_JP":
        return any(form in name for form in legal_forms(locale))
    return any(re.search(rf"(?<![\w.]){re.escape(f)}(?![\w])", name) for f in legal_forms(locale))


def rows(name: str, locale: str, blocks: int = BLOCKS) -> Iterator[dict[str, Any]]:
    dataset = get_dataset(name)
    for block in range(blocks):
        columns = dataset.generate_block(BlockContext(SEED, locale, block, {}))
        values = {n: c.python_values() for n, c in columns.items()}
        yield from ({n: values[n][i] for n in values} for i in range(len(values[next(iter(values))])))


def assert_name_order(full: str, first: str, last: str, locale: str) -> None:
    expected = f"{last} {first}" if locale in FAMILY_NAME_FIRST else f"{first} {last}"
    assert full == expected, (locale, full)


def assert_handles(email: str, username: str, first: str, last: str, locale: str) -> None:
    local_part = email.split("@")[0]
    assert email.isascii() and username.isascii(), (email, username)
    assert re.fullmatch(rf"{handle_of(first, locale)}\.{handle_of(last, locale)}\d+", local_part), (
        locale,
        first,
        last,
        email,
    )
    assert username == local_part.replace(".", "_", 1)


def assert_domain(domain: str, company_name: str, locale: str) -> None:
    """The domain's label is the company's trading name in ASCII words, without its legal form."""
    label, tld = domain.split(".", 1)
    assert tld in ("example", "com") and re.fullmatch(r"[a-z]+(-[a-z]+)*", label), domain
    trading, before = company_name, ""
    while trading != before:  # compound forms: "GmbH & Co. KG"
        before = trading
        for form in sorted(legal_forms(locale), key=len, reverse=True):
            trading = trading.removeprefix(form).removesuffix(form).removesuffix(" -")
            trading = trading.removesuffix("& Co.").strip(" ,")
    assert not has_legal_form(trading, locale), company_name
    if locale == "ja_JP":
        family = max((f for f in japanese_family_names() if trading.startswith(f)), key=len)
        term = dict(locale_profile("ja_JP").writing.romanized_terms)[trading.removeprefix(family)]
        assert label == f"{japanese_romanized()[family]}-{term}", (company_name, label)
        return
    words = ascii_words(trading, locale)
    tokens = label.split("-")
    # Whole words of the name, in order (a long name is cut after a word).
    assert tokens == words[: len(tokens)] or (len(words[0]) > len(tokens[0]) and len(tokens) == 1), (
        company_name,
        label,
    )


def assert_street(street: str, locale: str) -> None:
    assert "Street" not in street or locale.startswith("en_"), street
    assert re.fullmatch(STREET[locale], street), (locale, street)


@pytest.mark.parametrize("locale", LOCALES)
def test_user_names_handles_and_streets_as_the_country_writes_them(locale: str) -> None:
    for row in rows("user", locale):
        assert_name_order(row["full_name"], row["first_name"], row["last_name"], locale)
        assert_handles(row["email"], row["username"], row["first_name"], row["last_name"], locale)
        assert_street(row["street_address"], locale)
        if locale == "ja_JP":
            assert row["full_name"].split(" ")[0] in japanese_family_names()


@pytest.mark.parametrize("locale", LOCALES)
def test_company_ceo_domain_and_headquarters_as_the_country_writes_them(locale: str) -> None:
    for row in rows("company", locale):
        ceo_family = row["ceo_name"].split(" ")[0 if locale in FAMILY_NAME_FIRST else -1]
        if locale == "ja_JP":
            assert ceo_family in japanese_family_names(), row["ceo_name"]
        domain = row["website"].removeprefix("https://www.")
        assert row["email"].endswith("@" + domain) and row["email"].isascii()
        assert_domain(domain, row["company_name"], locale)
        assert not has_legal_form(row["trading_name"], locale), row["trading_name"]
        assert_street(row["headquarters_address"], locale)


@pytest.mark.parametrize("locale", LOCALES)
def test_shipping_addresses_are_one_line_postal_addresses_of_the_country(locale: str) -> None:
    for row in rows("ecommerce", locale):
        address = row["shipping_address"]
        assert row["customer_email"].isascii()
        if locale == "ja_JP":
            # From the postcode down: 〒, prefecture + city + town with no spaces, then chōme-ban-gō.
            assert re.fullmatch(r"〒\d{3}-\d{4} " + STREET["ja_JP"], address), address
        else:
            assert re.fullmatch(STREET[locale] + POSTAL_TAIL[locale], address), (locale, address)


@pytest.mark.parametrize("locale", LOCALES)
def test_template_fields_follow_the_same_conventions(locale: str) -> None:
    types = (
        "first_name",
        "last_name",
        "name",
        "email",
        "username",
        "street_address",
        "company_name",
        "domain",
    )
    schema = [{"name": t, "field_type": t} for t in types] + [{"name": "url", "field_type": "url"}]
    dataset = compile_template(schema)
    data = render_rows(
        dataset, seed=SEED, locale=locale, fmt="json", compression=None, start=0, stop=2000, total=2000
    )
    for row in json.loads(data):
        assert_name_order(row["name"], row["first_name"], row["last_name"], locale)
        assert_handles(row["email"], row["username"], row["first_name"], row["last_name"], locale)
        assert_street(row["street_address"], locale)
        assert_domain(row["domain"], row["company_name"], locale)
        assert row["url"].startswith(f"https://www.{row['domain']}/")


def test_german_umlauts_are_written_ae_oe_ue_in_handles_and_domains() -> None:
    folded = [
        (row["last_name"], row["email"]) for row in rows("user", "de_DE", blocks=2) if "ü" in row["last_name"]
    ]
    assert folded, "the sample should hold a surname with ü"
    assert all("ue" in email.split("@")[0] for _, email in folded)


def test_japanese_company_domains_are_hepburn_not_pinyin() -> None:
    domains = {row["website"] for row in rows("company", "ja_JP", blocks=1)}
    assert not any(pinyin in d for d in domains for pinyin in ("huishe", "zhushi", "youxian", "hetong"))
    assert any(d.endswith("-kogyo.example") for d in domains)
