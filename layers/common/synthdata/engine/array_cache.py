"""What is derived from a long-lived array (a vocabulary's encoded or suffixed words, whether it is plain), made
once per array and kept while the array lives on.

Keyed by the array's identity, not its contents: hashing a vocabulary would cost more than deriving from it. The
array is kept beside the value, so an id reused by a new array after the old one died is never mistaken for it.
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from typing import Any, TypeVar

Value = TypeVar("Value")

_LIMIT = 4096  # entries in all; past it the cache starts over (a template's per-block arrays are never asked again)
_DERIVED: dict[tuple[int, Hashable], tuple[Any, Any]] = {}


def is_derived(array: Any, key: Hashable) -> bool:
    """Whether derived(array, key, ...) is already made (and would not call make)."""
    cached = _DERIVED.get((id(array), key))
    return cached is not None and cached[0] is array


def derived(array: Any, key: Hashable, make: Callable[[], Value]) -> Value:
    """make(), computed once per (array, key) while `array` lives."""
    entry = (id(array), key)
    cached = _DERIVED.get(entry)
    if cached is None or cached[0] is not array:
        if len(_DERIVED) >= _LIMIT:
            _DERIVED.clear()
        cached = _DERIVED[entry] = (array, make())
    value: Value = cached[1]
    return value
