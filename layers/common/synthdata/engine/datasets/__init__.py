"""The built-in datasets, by name.

A dataset's module is imported the first time the dataset is looked up, so a process that makes `user` files
does not import the ecommerce and company code (and what only they import): part of start-up cost.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from importlib import import_module

from synthdata.engine.dataset import Dataset

# name -> (module in this package, class)
_CLASSES = {
    "user": ("user", "UserDataset"),
    "ecommerce": ("ecommerce", "EcommerceDataset"),
    "company": ("company", "CompanyDataset"),
}


class _BuiltIn(Mapping[str, Dataset]):
    """The names at once; each dataset made on first lookup (KeyError for any other name)."""

    def __init__(self) -> None:
        self._made: dict[str, Dataset] = {}

    def __getitem__(self, name: str) -> Dataset:
        found = self._made.get(name)
        if found is None:
            module, cls = _CLASSES[name]
            made: Dataset = getattr(import_module(f"{__name__}.{module}"), cls)()
            found = self._made.setdefault(name, made)  # two threads racing keep one instance
        return found

    def __iter__(self) -> Iterator[str]:
        return iter(_CLASSES)

    def __len__(self) -> int:
        return len(_CLASSES)


BUILT_IN: Mapping[str, Dataset] = _BuiltIn()
