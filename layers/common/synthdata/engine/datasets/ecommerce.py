"""`ecommerce`: orders whose customers, products, money and dates agree with each other."""

from __future__ import annotations

from functools import lru_cache
from typing import ClassVar

import numpy as np
import numpy.typing as npt

from synthdata.engine import builders
from synthdata.engine.catalogues import (
    CUSTOMERS_PER_FILE,
    PRODUCT_CATEGORY_WORDS,
    PRODUCT_ID_WORDS,
    PRODUCT_NAME_WORDS,
    PRODUCTS_PER_FILE,
    Customers,
    customers,
    products,
)
from synthdata.engine.columns import Column
from synthdata.engine.dataset import REFERENCE_TIME, BlockContext, FieldInfo
from synthdata.engine.economics import economics, tax_description
from synthdata.engine.locale_data import locale_data
from synthdata.engine.locales import locale_profile
from synthdata.engine.references import Parent, parent_columns, parent_rows
from synthdata.engine.rng import WeightedDraw, block_rng, cumulative_weights, unique_codes
from synthdata.engine.text_tables import padded_text

PAYMENT_METHODS = (
    ("credit_card", 0.42),
    ("debit_card", 0.2),
    ("paypal", 0.18),
    ("apple_pay", 0.08),
    ("google_pay", 0.05),
    ("bank_transfer", 0.07),
)
ORDER_STATUSES = (
    ("pending", 0.06),
    ("processing", 0.09),
    ("shipped", 0.15),
    ("delivered", 0.6),
    ("cancelled", 0.06),
    ("returned", 0.04),
)
SHIPPING = (
    ("standard", 4.99, 0.6),
    ("express", 14.99, 0.25),
    ("overnight", 29.99, 0.07),
    ("pickup", 0.0, 0.08),
)
FREE_SHIPPING_FROM = 50.0
_SHIPPED = ("shipped", "delivered", "returned")
# Word tables the columns index into (categorical columns: each word written once per format, not per row).
_PAYMENT_WORDS = np.asarray([m for m, _ in PAYMENT_METHODS], dtype=object)
_STATUS_WORDS = np.asarray([s for s, _ in ORDER_STATUSES], dtype=object)
_SHIPPING_WORDS = np.asarray([m for m, _, _ in SHIPPING], dtype=object)
_IS_SHIPPED = np.isin(_STATUS_WORDS, _SHIPPED)
_DELIVERED = [s for s, _ in ORDER_STATUSES].index("delivered")
_STANDARD = [m for m, _, _ in SHIPPING].index("standard")
# What a `customers` parent must have (a user job has them), and the address it may give its orders.
CUSTOMER_COLUMNS = ("id", "email")
ADDRESS_COLUMNS = ("street_address", "city", "state", "postal_code")


def _weighted_choice(
    rng: np.random.Generator, options: tuple[tuple[str, float], ...], n: int
) -> npt.NDArray[np.intp]:
    return _draw(options).draw(rng, n)


@lru_cache(maxsize=8)
def _draw(options: tuple[tuple[str, float], ...]) -> WeightedDraw:
    """weighted_indices' draw with a guide table, built once per list of options (~3x faster a block)."""
    return WeightedDraw(cumulative_weights([w for _, w in options]))


def _cents(values: npt.NDArray[np.float64]) -> npt.NDArray[np.int64]:
    return np.round(values * 100).astype(np.int64)


FIELDS = [
    FieldInfo("order_id", "string", "Unique order number", "ORD-48219073"),
    FieldInfo("transaction_id", "string", "Unique payment transaction id", "TXN-7730012846"),
    FieldInfo("customer_id", "string", "Customer; one id always has the same email", "CUST-004211"),
    FieldInfo(
        "customer_email",
        "string",
        "That customer's email (example domains by default)",
        "ana.silva48112@example.com",
    ),
    FieldInfo(
        "product_id", "string", "Product; one id always has the same name, category and price", "PRD-00412"
    ),
    FieldInfo("product_name", "string", "Name belonging to its category", "Premium Wireless Headphones"),
    FieldInfo("product_category", "string", "Category", "Electronics"),
    FieldInfo("quantity", "integer", "Units, at least 1", 2),
    FieldInfo("unit_price", "number", "Price per unit", 89.99),
    FieldInfo("discount_percent", "integer", "Discount in percent", 10),
    FieldInfo("subtotal", "number", "round(quantity * unit_price * (1 - discount_percent/100), 2)", 161.98),
    FieldInfo(
        "tax_amount",
        "number",
        f"subtotal times the locale's tax rate, to the cent. {tax_description()}",
        13.36,
    ),
    FieldInfo("shipping_cost", "number", "By shipping method; standard is free from 50", 0.0),
    FieldInfo("total_amount", "number", "subtotal + tax_amount + shipping_cost, to the cent", 175.34),
    FieldInfo("currency", "string", "ISO 4217 code of the locale", "USD"),
    FieldInfo(
        "payment_method",
        "string",
        "credit_card, debit_card, paypal, apple_pay, google_pay, bank_transfer",
        "credit_card",
    ),
    FieldInfo(
        "order_status", "string", "pending, processing, shipped, delivered, cancelled, returned", "delivered"
    ),
    FieldInfo("shipping_method", "string", "standard, express, overnight, pickup", "standard"),
    FieldInfo(
        "shipping_address",
        "string",
        "The customer's address on one line as the country's post writes it, with a real city and one of its "
        "postal codes ('Hauptstraße 12, 10115 Berlin'; ja_JP '〒100-0001 東京都千代田区青葉台2丁目3-14')",
        "1420 Maple Grove, Chicago, IL 60614",
    ),
    FieldInfo("order_date", "datetime", "When the order was placed (UTC)", "2025-06-01T10:15:00Z"),
    FieldInfo(
        "shipped_date",
        "datetime",
        "After order_date; empty unless shipped, delivered or returned",
        "2025-06-02T08:00:00Z",
    ),
    FieldInfo(
        "delivered_date",
        "datetime",
        "After shipped_date; present only for delivered orders",
        "2025-06-05T16:40:00Z",
    ),
]


class EcommerceDataset:
    name = "ecommerce"
    description = (
        "Orders. Rules: order_id and transaction_id unique; a customer_id always has the same customer_email and "
        "a product_id the same name, category and unit_price within a file; product names belong to their "
        "category; quantity >= 1; subtotal = round(quantity * unit_price * (1 - discount_percent/100), 2); "
        "total_amount = subtotal + tax_amount + shipping_cost to the cent; tax is the locale's rate; currency is "
        "ISO 4217; order_date <= shipped_date <= delivered_date, shipped_date empty for pending, processing and "
        "cancelled orders, delivered_date only for delivered orders. With references.customers (a user job of your "
        "key), every customer_id, customer_email and shipping_address is one of its users' id, email and address."
    )
    fields = FIELDS
    prefix_safe = False  # one stream per block, drawn in sequence: always the whole block
    references: ClassVar[dict[str, tuple[str, ...]]] = {
        "customers": CUSTOMER_COLUMNS
    }  # what `references` may name, and the columns it needs

    def __init__(self, customers: Parent | None = None) -> None:
        self.customers = customers

    def with_references(self, parents: dict[str, Parent]) -> EcommerceDataset:
        """Orders whose customers are the rows of another job (`references.customers`)."""
        return EcommerceDataset(customers=parents.get("customers"))

    def generate_block(self, context: BlockContext) -> dict[str, Column]:
        data = locale_data(context.locale)
        rng = block_rng(context.seed, context.block_index, "ecommerce")
        n = context.size
        rows = context.row_index
        catalogue = products(context.seed)
        clients = customers(
            context.seed, context.locale, bool(context.options.get("realistic_email_domains"))
        )
        customer = rng.integers(0, CUSTOMERS_PER_FILE, n)
        product = rng.integers(0, PRODUCTS_PER_FILE, n)
        quantity = np.minimum(rng.geometric(0.55, n), 12).astype(np.int64)
        discount = np.where(rng.random(n) < 0.7, 0, rng.choice([5, 10, 15, 20, 25, 30], n)).astype(np.int64)
        price = catalogue.prices[product]
        subtotal = builders.money(quantity * price * (1 - discount / 100))
        rates = np.asarray(economics(context.locale, data.currency).tax_rates)
        tax = builders.money(subtotal * rates[rng.integers(0, len(rates), n)])
        method = _weighted_choice(rng, tuple((m, w) for m, _, w in SHIPPING), n)
        shipping = _shipping_costs(method, subtotal)
        customer_ids, emails, addresses = self._customer_columns(context, clients, customer)
        total = (_cents(subtotal) + _cents(tax) + _cents(shipping)) / 100
        status = _weighted_choice(rng, ORDER_STATUSES, n)
        order_date = REFERENCE_TIME - (rng.integers(10 * 86_400, 730 * 86_400, n)).astype("timedelta64[s]")
        shipped = order_date + rng.integers(3_600, 3 * 86_400, n).astype("timedelta64[s]")
        delivered = shipped + rng.integers(6 * 3_600, 7 * 86_400, n).astype("timedelta64[s]")
        return {
            "order_id": Column(
                "str", padded_text("ORD-", unique_codes(rows, context.seed, 10**8), 8), ascii_safe=True
            ),
            "transaction_id": Column(
                "str",
                padded_text("TXN-", unique_codes(rows, context.seed + 7919, 10**10), 10),
                ascii_safe=True,
            ),
            "customer_id": customer_ids,
            "customer_email": emails,
            # Categorical on the process-wide tables (encoded vocabularies are cached per array, and a file's
            # catalogue lives only as long as the file).
            "product_id": Column.categorical(PRODUCT_ID_WORDS, product, ascii_safe=True),
            "product_name": Column.categorical(PRODUCT_NAME_WORDS, catalogue.name_codes[product]),
            "product_category": Column.categorical(PRODUCT_CATEGORY_WORDS, catalogue.category_codes[product]),
            "quantity": Column("int", quantity),
            "unit_price": Column("float", price),
            "discount_percent": Column("int", discount),
            "subtotal": Column("float", subtotal),
            "tax_amount": Column("float", tax),
            "shipping_cost": Column("float", shipping),
            "total_amount": Column("float", total),
            "currency": builders.constant(data.currency, n, ascii_safe=True),
            "payment_method": Column.categorical(
                _PAYMENT_WORDS, _weighted_choice(rng, PAYMENT_METHODS, n), ascii_safe=True
            ),
            "order_status": Column.categorical(_STATUS_WORDS, status, ascii_safe=True),
            "shipping_method": Column.categorical(_SHIPPING_WORDS, method, ascii_safe=True),
            "shipping_address": addresses,
            "order_date": Column("datetime", order_date),
            "shipped_date": Column("datetime", shipped, nulls=~_IS_SHIPPED[status]),
            "delivered_date": Column("datetime", delivered, nulls=status != _DELIVERED),
        }

    def _customer_columns(
        self, context: BlockContext, clients: Customers, customer: npt.NDArray[np.int64]
    ) -> tuple[Column, Column, Column]:
        """customer_id, customer_email and shipping addresses: the file's own customers, or the rows of the
        `customers` parent (its id and email, and its address when it has one). The parent's rows come from a
        stream of their own, so every other column stays what it is without references."""
        addresses = Column("str", clients.addresses[customer])
        if self.customers is None:
            return (
                Column("str", clients.ids[customer], ascii_safe=True),
                Column("str", clients.emails[customer], ascii_safe=True),
                addresses,
            )
        parent = self.customers
        has_address = {f.name for f in parent.dataset.fields}.issuperset(ADDRESS_COLUMNS)
        wanted = CUSTOMER_COLUMNS + (ADDRESS_COLUMNS if has_address else ())
        rows = parent_rows(
            parent,
            seed=context.seed,
            block_index=context.block_index,
            stream="references.customers",
            size=context.size,
        )
        found = parent_columns(parent, wanted, rows)
        if has_address:
            street, city, state, postal = (
                np.asarray(found[c].plain_text(), dtype=object) for c in ADDRESS_COLUMNS
            )
            # Written as the parent's country writes addresses: its users live there.
            addresses = Column(
                "str",
                locale_profile(parent.locale).writing.postal_addresses(
                    street=street, city=city, region=state, postcode=postal
                ),
            )
        return found["id"], found["email"], addresses


def _shipping_costs(
    method: npt.NDArray[np.intp], subtotal: npt.NDArray[np.float64]
) -> npt.NDArray[np.float64]:
    """The method's cost; standard shipping is free from FREE_SHIPPING_FROM."""
    base_cost = np.array([c for _, c, _ in SHIPPING])[method]
    free = (method == _STANDARD) & (subtotal >= FREE_SHIPPING_FROM)
    return np.where(free, 0.0, base_cost)
