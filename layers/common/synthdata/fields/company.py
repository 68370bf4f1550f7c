"""The company of the row, and company vocabularies: industry and department."""

from __future__ import annotations

from typing import ClassVar, Literal

import numpy as np

from synthdata.engine.columns import Column
from synthdata.engine.words import DEPARTMENTS, INDUSTRIES
from synthdata.fields.base import EarlierColumns, FieldModel
from synthdata.fields.draws import category
from synthdata.fields.row import Row


class CompanyField(FieldModel):
    family: ClassVar[str] = "company"


class CompanyName(CompanyField):
    field_type: Literal["company_name"] = "company_name"
    description = "Company name"
    example = "Abbott, Paul and Edwards"
    max_bytes = 64

    def column(self, row: Row, rng: np.random.Generator, earlier: EarlierColumns) -> Column:
        return Column.categorical(row.data.companies, row.company)


class Industry(CompanyField):
    field_type: Literal["industry"] = "industry"
    description = "Industry"
    example = "Technology"
    max_bytes = 32

    def column(self, row: Row, rng: np.random.Generator, earlier: EarlierColumns) -> Column:
        return category(list(INDUSTRIES), self.codes(row, rng, len(INDUSTRIES)))


class Department(CompanyField):
    field_type: Literal["department"] = "department"
    description = "Department"
    example = "Engineering"
    max_bytes = 32

    def column(self, row: Row, rng: np.random.Generator, earlier: EarlierColumns) -> Column:
        return category(DEPARTMENTS, self.codes(row, rng, len(DEPARTMENTS)))


COMPANY: list[type[FieldModel]] = [CompanyName, Industry, Department]
