"""What a typical implementation does: one Faker call per field per record, csv.writer / json.dumps per row."""

from __future__ import annotations

import csv
import io
import json
import random
from collections.abc import Callable
from datetime import UTC, datetime, timedelta
from typing import Any

from faker import Faker


def _user(fake: Faker) -> dict[str, Any]:
    first, last = fake.first_name(), fake.last_name()
    dob = fake.date_of_birth(minimum_age=18, maximum_age=90)
    created = fake.date_time_between(start_date="-5y", end_date="now", tzinfo=UTC)
    return {
        "id": fake.uuid4(),
        "first_name": first,
        "last_name": last,
        "full_name": f"{first} {last}",
        "email": fake.email(),
        "phone": fake.phone_number(),
        "date_of_birth": dob.isoformat(),
        "age": (created.date() - dob).days // 365,
        "gender": random.choice(["male", "female"]),
        "street_address": fake.street_address(),
        "city": fake.city(),
        "state": fake.state_abbr(),
        "postal_code": fake.postcode(),
        "country": "United States",
        "username": fake.user_name(),
        "job_title": fake.job(),
        "company": fake.company(),
        "salary": fake.random_int(30000, 200000),
        "created_at": created.isoformat(),
        "is_active": fake.boolean(),
    }


def _ecommerce(fake: Faker) -> dict[str, Any]:
    quantity, price, discount = (
        fake.random_int(1, 5),
        round(random.uniform(5, 500), 2),
        random.choice([0, 10]),
    )
    subtotal = round(quantity * price * (1 - discount / 100), 2)
    tax, shipping = round(subtotal * 0.08, 2), 4.99
    ordered = fake.date_time_between(start_date="-2y", end_date="-10d", tzinfo=UTC)
    return {
        "order_id": fake.bothify("ORD-########"),
        "transaction_id": fake.uuid4(),
        "customer_id": fake.bothify("CUST-######"),
        "customer_email": fake.email(),
        "product_id": fake.bothify("PRD-#####"),
        "product_name": fake.catch_phrase(),
        "product_category": fake.word(),
        "quantity": quantity,
        "unit_price": price,
        "discount_percent": discount,
        "subtotal": subtotal,
        "tax_amount": tax,
        "shipping_cost": shipping,
        "total_amount": round(subtotal + tax + shipping, 2),
        "currency": "USD",
        "payment_method": random.choice(["credit_card", "paypal"]),
        "order_status": "delivered",
        "shipping_method": "standard",
        "shipping_address": fake.address().replace("\n", ", "),
        "order_date": ordered.isoformat(),
        "shipped_date": (ordered + timedelta(days=1)).isoformat(),
        "delivered_date": (ordered + timedelta(days=3)).isoformat(),
    }


def _company(fake: Faker) -> dict[str, Any]:
    name = fake.company()
    employees = fake.random_int(1, 50000)
    return {
        "id": fake.uuid4(),
        "company_name": name,
        "trading_name": name,
        "industry": fake.bs(),
        "sub_industry": fake.bs(),
        "company_type": random.choice(["private", "public"]),
        "founded_year": fake.random_int(1900, 2025),
        "employee_count": employees,
        "size_category": "large",
        "annual_revenue": employees * 150000.0,
        "revenue_growth_percent": round(random.uniform(-10, 30), 1),
        "market_cap": None,
        "stock_symbol": None,
        "stock_exchange": None,
        "headquarters_address": fake.street_address(),
        "headquarters_city": fake.city(),
        "headquarters_country": "United States",
        "website": fake.url(),
        "email": fake.company_email(),
        "phone": fake.phone_number(),
        "ceo_name": fake.name(),
        "description": fake.catch_phrase(),
        "is_active": fake.boolean(),
        "created_at": datetime.now(UTC).isoformat(),
    }


BUILDERS: dict[str, Callable[[Faker], dict[str, Any]]] = {
    "user": _user,
    "ecommerce": _ecommerce,
    "company": _company,
}


def render(dataset: str, records: int, fmt: str = "csv", seed: int = 1) -> bytes:
    fake = Faker("en_US")
    fake.seed_instance(seed)
    random.seed(seed)
    build = BUILDERS[dataset]
    rows = [build(fake) for _ in range(records)]
    if fmt == "json":
        return json.dumps(rows).encode()
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode()
