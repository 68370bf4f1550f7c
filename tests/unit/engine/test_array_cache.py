"""engine/array_cache: derived once per (array, key), never mistaken for another array."""

from __future__ import annotations

import numpy as np

from synthdata.engine.array_cache import derived


def test_a_value_is_made_once_per_array_and_key() -> None:
    words = np.asarray(["a", "b"], dtype=object)
    calls: list[str] = []

    def make(tag: str) -> str:
        calls.append(tag)
        return tag

    assert derived(words, "k1", lambda: make("one")) == "one"
    assert derived(words, "k1", lambda: make("again")) == "one"
    assert derived(words, "k2", lambda: make("two")) == "two"
    assert calls == ["one", "two"]


def test_another_array_with_equal_words_gets_its_own_value() -> None:
    first = np.asarray(["a"], dtype=object)
    second = np.asarray(["a"], dtype=object)
    assert derived(first, "k", lambda: 1) == 1
    assert derived(second, "k", lambda: 2) == 2


def test_an_entry_whose_array_is_not_the_one_asked_for_is_made_again() -> None:
    # As when an id is reused by a new array after the cached one died: the cache holds the array and checks it.
    from synthdata.engine import array_cache

    words = np.asarray(["x"], dtype=object)
    impostor = np.asarray(["y"], dtype=object)
    array_cache._DERIVED[(id(words), "reused")] = (impostor, "stale")
    assert derived(words, "reused", lambda: "fresh") == "fresh"
