"""The built-in datasets, by name."""

from __future__ import annotations

from synthdata.engine.dataset import Dataset
from synthdata.engine.datasets.company import CompanyDataset
from synthdata.engine.datasets.ecommerce import EcommerceDataset
from synthdata.engine.datasets.user import UserDataset

BUILT_IN: dict[str, Dataset] = {
    "user": UserDataset(),
    "ecommerce": EcommerceDataset(),
    "company": CompanyDataset(),
}
