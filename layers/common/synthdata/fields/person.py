"""The person of the row: names, gender, contact handles, birth date and age, job."""

from __future__ import annotations

from collections.abc import Mapping
from typing import ClassVar, Literal

import numpy as np
from pydantic import Field, StrictStr

from synthdata.engine import builders, handles
from synthdata.engine.columns import Column
from synthdata.engine.dataset import REFERENCE_TIME
from synthdata.fields.base import EarlierColumns, FieldModel
from synthdata.fields.row import Row

# An ASCII first and last name (16 and 34 at most: nl_NL's "corethvonundzucoredoundstarkenberg"), a dot and
# a 7-digit code.
_HANDLE_BYTES = 60


class PersonField(FieldModel):
    family: ClassVar[str] = "person"


class FirstName(PersonField):
    field_type: Literal["first_name"] = "first_name"
    description = "Given name (matches gender)"
    example = "Emily"
    max_bytes = 32
    work = 3

    def column(self, row: Row, rng: np.random.Generator, earlier: EarlierColumns) -> Column:
        return Column.categorical(row.data.first_names, row.person.first_codes)


class LastName(PersonField):
    field_type: Literal["last_name"] = "last_name"
    description = "Family name"
    example = "Johnson"
    max_bytes = 48  # nl_NL has "Coreth von und zu Coredo und Starkenberg" (40 bytes)
    work = 3

    def column(self, row: Row, rng: np.random.Generator, earlier: EarlierColumns) -> Column:
        return Column.categorical(row.data.last.words, row.person.last_codes)


class FullName(PersonField):
    field_type: Literal["name"] = "name"
    description = "Full name in the locale's order (ja_JP: family name first)"
    example = "Emily Johnson"
    max_bytes = 64
    work = 3

    def column(self, row: Row, rng: np.random.Generator, earlier: EarlierColumns) -> Column:
        return Column("str", row.person.full_name)


class Gender(PersonField):
    field_type: Literal["gender"] = "gender"
    description = "female or male, matching the first name"
    example = "female"
    max_bytes = 6
    work = 3

    def column(self, row: Row, rng: np.random.Generator, earlier: EarlierColumns) -> Column:
        return Column("str", row.person.gender, ascii_safe=True)


class Email(PersonField):
    field_type: Literal["email"] = "email"
    description = "From the row's person's name in ASCII as the locale spells it; unique; reserved example domains by default"
    example = "emily.johnson4821907@example.com"
    work = 6
    unique_by_construction = True

    domain: StrictStr = Field("", max_length=253, description="Use this domain instead (e.g. corp.example)")

    def width(self, earlier: Mapping[str, int]) -> int:
        domains = [self.domain] if self.domain else [*builders.EXAMPLE_DOMAINS, *builders.FREE_MAIL_DOMAINS]
        return _HANDLE_BYTES + 1 + max(len(domain.encode()) for domain in domains)

    def column(self, row: Row, rng: np.random.Generator, earlier: EarlierColumns) -> Column:
        n = row.context.size
        if self.domain:
            domains = np.full(n, "@" + self.domain, dtype=object)
        else:
            realistic = bool(row.context.options.get("realistic_email_domains"))
            domains = handles.email_domains(rng, n, realistic)
        email, _ = handles.person_handles(row.person, row.context.row_index, row.context.seed, domains)
        return Column("str", email)


class Username(PersonField):
    field_type: Literal["username"] = "username"
    description = "From the row's person; unique"
    example = "emily_johnson4821907"
    max_bytes = _HANDLE_BYTES
    work = 6
    unique_by_construction = True

    def column(self, row: Row, rng: np.random.Generator, earlier: EarlierColumns) -> Column:
        no_domains = np.full(row.context.size, "", dtype=object)
        _, username = handles.person_handles(row.person, row.context.row_index, row.context.seed, no_domains)
        return Column("str", username, ascii_safe=True)


class Phone(PersonField):
    field_type: Literal["phone"] = "phone"
    description = "The locale's national format (no +country prefix), fictional ranges where they exist"
    example = "(312) 555-0147"
    max_bytes = 24
    work = 4

    def column(self, row: Row, rng: np.random.Generator, earlier: EarlierColumns) -> Column:
        return Column("str", builders.phones(rng, row.data, row.context.size))


class DateOfBirth(PersonField):
    field_type: Literal["date_of_birth"] = "date_of_birth"
    description = "The person's birth date (18 to 90 years before the reference date)"
    example = "1987-04-12"
    max_bytes = 10
    work = 4
    value_type = "date"

    def column(self, row: Row, rng: np.random.Generator, earlier: EarlierColumns) -> Column:
        return Column("date", row.born)


class Age(PersonField):
    field_type: Literal["age"] = "age"
    description = "The person's age, agreeing with date_of_birth"
    example = 37
    max_bytes = 3
    work = 3
    value_type = "integer"

    def column(self, row: Row, rng: np.random.Generator, earlier: EarlierColumns) -> Column:
        at = np.full(row.context.size, REFERENCE_TIME)
        return Column("int", builders.whole_years_between(row.born, at))


class JobTitle(PersonField):
    field_type: Literal["job_title"] = "job_title"
    description = "Job title"
    example = "Data scientist"
    max_bytes = 160

    def column(self, row: Row, rng: np.random.Generator, earlier: EarlierColumns) -> Column:
        return Column.categorical(row.data.jobs, rng.integers(0, len(row.data.jobs), row.context.size))


PERSON: list[type[FieldModel]] = [
    FirstName,
    LastName,
    FullName,
    Gender,
    Email,
    Username,
    Phone,
    DateOfBirth,
    Age,
    JobTitle,
]
