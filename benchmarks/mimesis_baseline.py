"""A per-record Mimesis implementation of `user` (Mimesis is the fast per-record generator)."""

from __future__ import annotations

import csv
import io
import random
from typing import Any

from mimesis import Address, Datetime, Finance, Gender, Person
from mimesis.locales import Locale


def render(records: int, seed: int = 1) -> bytes:
    person, address = Person(Locale.EN, seed=seed), Address(Locale.EN, seed=seed)
    when, finance = Datetime(Locale.EN, seed=seed), Finance(Locale.EN, seed=seed)
    rng = random.Random(seed)
    rows: list[dict[str, Any]] = []
    for _ in range(records):
        gender = Gender.FEMALE if rng.random() < 0.5 else Gender.MALE
        first, last = person.first_name(gender=gender), person.last_name(gender=gender)
        rows.append(
            {
                "id": person.identifier(mask="########-####-####-####-############"),
                "first_name": first,
                "last_name": last,
                "full_name": f"{first} {last}",
                "email": person.email(),
                "phone": person.telephone(),
                "date_of_birth": when.date(start=1936, end=2008).isoformat(),
                "age": rng.randint(18, 90),
                "gender": gender.value,
                "street_address": address.address(),
                "city": address.city(),
                "state": address.state(abbr=True),
                "postal_code": address.postal_code(),
                "country": "United States",
                "username": person.username(),
                "job_title": person.occupation(),
                "company": finance.company(),
                "salary": rng.randint(30000, 200000),
                "created_at": when.datetime().isoformat(),
                "is_active": rng.random() < 0.87,
            }
        )
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    return out.getvalue().encode()
