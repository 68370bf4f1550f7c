"""Every documented coherence rule holds on every row, for every locale.

The suite checks 20,000 rows per dataset and locale; `make coherence` runs the same checks on 1,000,000
(SYNTHDATA_COHERENCE_ROWS), where uniqueness within a file is put to a real test.
"""

from __future__ import annotations

import os
import re
from collections import defaultdict
from collections.abc import Iterator
from datetime import date, datetime
from typing import Any

import pytest

from synthdata.engine import BLOCK_ROWS, LOCALES, get_dataset
from synthdata.engine.builders import EXAMPLE_DOMAINS
from synthdata.engine.dataset import REFERENCE_TIME, BlockContext
from synthdata.engine.economics import economics
from synthdata.engine.locale_data import locale_data
from synthdata.engine.locales import locale_profile
from synthdata.engine.words import CATALOGUE, INDUSTRIES

REFERENCE = datetime.fromisoformat(str(REFERENCE_TIME))
SEED = 20261124
BLOCKS = max(1, int(os.environ.get("SYNTHDATA_COHERENCE_ROWS", "20000")) // BLOCK_ROWS)


def rows(
    name: str, locale: str, blocks: int = BLOCKS, options: dict[str, Any] | None = None
) -> Iterator[dict[str, Any]]:
    """The rows of the first `blocks` engine blocks, one block in memory at a time."""
    dataset = get_dataset(name)
    for block in range(blocks):
        columns = dataset.generate_block(BlockContext(SEED, locale, block, options or {}))
        values = {n: c.python_values() for n, c in columns.items()}
        yield from ({n: values[n][i] for n in values} for i in range(BLOCK_ROWS))


def whole_years(born: date, at: date) -> int:
    return at.year - born.year - ((at.month, at.day) < (born.month, born.day))


@pytest.mark.parametrize("locale", LOCALES)
def test_user_rows_are_coherent(locale: str) -> None:
    data = locale_data(locale)
    female_names = set(data.first_female.words.tolist())
    male_names = set(data.first_male.words.tolist())
    ascii_of = dict(
        zip(data.first_female.words.tolist(), data.first_female.ascii_words.tolist(), strict=True)
    )
    ascii_of.update(zip(data.first_male.words.tolist(), data.first_male.ascii_words.tolist(), strict=True))
    ascii_last = dict(zip(data.last.words.tolist(), data.last.ascii_words.tolist(), strict=True))
    table = data.places
    places = set(zip(table.cities.tolist(), table.regions.tolist(), table.postcodes.tolist(), strict=True))
    emails, usernames, count = set(), set(), 0
    for row in rows("user", locale):
        count += 1
        emails.add(row["email"])
        usernames.add(row["username"])
        given_first = f"{row['first_name']} {row['last_name']}"
        assert row["full_name"] == (
            f"{row['last_name']} {row['first_name']}" if locale == "ja_JP" else given_first
        )
        local_part, domain = row["email"].split("@")
        assert domain in EXAMPLE_DOMAINS
        assert re.fullmatch(rf"{ascii_of[row['first_name']]}\.{ascii_last[row['last_name']]}\d+", local_part)
        assert row["email"].isascii() and row["username"].isascii() and row["email"] == row["email"].lower()
        assert row["username"] == local_part.replace(".", "_", 1)
        names = female_names if row["gender"] == "female" else male_names
        assert row["first_name"] in names
        born = date.fromisoformat(row["date_of_birth"])
        created = datetime.fromisoformat(row["created_at"].replace("Z", "+00:00")).replace(tzinfo=None)
        assert created <= REFERENCE
        assert row["age"] == whole_years(born, created.date()) and 18 <= row["age"] <= 90
        assert (row["city"], row["state"], row["postal_code"]) in places
        assert row["country"] == locale_profile(locale).country
        assert row["salary"] > 0
    assert count == BLOCKS * BLOCK_ROWS
    assert len(emails) == count and len(usernames) == count


def test_us_phones_are_fictional() -> None:
    # ZIP codes are real ones of their state: test_place_coherence checks them against the gazetteer (Faker's
    # per-state ranges are narrower than the real ones: Lincoln, NE is 685xx, outside Faker's 68001-68118).
    for row in rows("user", "en_US"):
        # National format: a leading "+1-" is a formula to a spreadsheet (CSV formula safety).
        assert re.fullmatch(r"[2-9]\d\d-555-01\d\d|\([2-9]\d\d\) 555-01\d\d", row["phone"]), row["phone"]
        assert 19_800 <= row["salary"] <= 2_000_000  # 40% of the US median wage at least


def test_realistic_email_domains_are_opt_in() -> None:
    domains = {r["email"].split("@")[1] for r in rows("user", "en_US", 1, {"realistic_email_domains": True})}
    assert "gmail.com" in domains and not domains & set(EXAMPLE_DOMAINS)


@pytest.mark.parametrize("locale", LOCALES)
def test_ecommerce_rows_are_coherent(locale: str) -> None:
    emails: dict[str, set[str]] = defaultdict(set)
    products: dict[str, set[tuple[str, str, float]]] = defaultdict(set)
    order_ids, transaction_ids, count = set(), set(), 0
    for row in rows("ecommerce", locale):
        count += 1
        order_ids.add(row["order_id"])
        transaction_ids.add(row["transaction_id"])
        emails[row["customer_id"]].add(row["customer_email"])
        products[row["product_id"]].add((row["product_name"], row["product_category"], row["unit_price"]))
        nouns, _ = CATALOGUE[row["product_category"]]
        assert any(row["product_name"].endswith(noun) for noun in nouns)
        assert row["quantity"] >= 1
        exact = row["quantity"] * row["unit_price"] * (1 - row["discount_percent"] / 100)
        assert abs(row["subtotal"] - exact) <= 0.005 + 1e-9
        cents = (
            round(row["subtotal"] * 100) + round(row["tax_amount"] * 100) + round(row["shipping_cost"] * 100)
        )
        assert round(row["total_amount"] * 100) == cents
        assert 0 <= row["tax_amount"] <= 0.25 * row["subtotal"] + 0.01
        assert row["currency"] == locale_profile(locale).currency
        status = row["order_status"]
        if status in ("pending", "processing", "cancelled"):
            assert row["shipped_date"] is None
        else:
            assert row["order_date"] <= row["shipped_date"]
        if status == "delivered":
            assert row["shipped_date"] <= row["delivered_date"]
        else:
            assert row["delivered_date"] is None
    assert all(len(v) == 1 for v in emails.values())
    assert all(len(v) == 1 for v in products.values())
    assert count == BLOCKS * BLOCK_ROWS
    assert len(order_ids) == count and len(transaction_ids) == count


@pytest.mark.parametrize("locale", LOCALES)
def test_company_rows_are_coherent(locale: str) -> None:
    bands = [(1, "micro"), (10, "small"), (50, "medium"), (250, "large"), (1000, "enterprise")]
    per_employee = economics(
        locale, locale_profile(locale).currency
    ).revenue_per_employee  # sigma 0.5: 30x is 6.8 sigma
    symbols = []
    for row in rows("company", locale):
        assert row["sub_industry"] in INDUSTRIES[row["industry"]]
        expected_band = [name for low, name in bands if row["employee_count"] >= low][-1]
        assert row["size_category"] == expected_band
        public = row["company_type"] == "public"
        assert (row["market_cap"] is not None) == public
        assert (row["stock_symbol"] is not None) == public
        assert (row["stock_exchange"] is not None) == public
        if public:
            symbols.append(row["stock_symbol"])
        domain = row["website"].removeprefix("https://www.")
        assert row["email"].split("@")[1] == domain
        assert domain.endswith(".example")
        assert row["headquarters_country"] == locale_profile(locale).country
        assert 1900 <= row["founded_year"] <= REFERENCE.year
        assert per_employee / 30 <= row["annual_revenue"] / row["employee_count"] <= per_employee * 30
    assert len(symbols) == len(set(symbols))
