"""Words as object arrays (whole columns are fancy-indexed out of them) and their encoded forms, made once."""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
import numpy.typing as npt

from synthdata.engine.array_cache import derived


def encoded_vocabulary(
    words: npt.NDArray[np.object_], encoding: str, encode: Callable[[list[str]], list[str]]
) -> npt.NDArray[np.object_]:
    """A vocabulary's encoded form, computed once per encoding (vocabularies are long-lived arrays)."""
    return derived(words, ("encoded", encoding), lambda: np.asarray(encode(words.tolist()), dtype=object))


def vocabulary(words: list[str] | tuple[str, ...]) -> npt.NDArray[np.object_]:
    """An object array of words, for fancy-indexing whole columns out of it."""
    array = np.empty(len(words), dtype=object)
    array[:] = list(words)
    return array
