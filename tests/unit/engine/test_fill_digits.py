"""Digit templates (phone numbers) filled column-wise equal the per-row reading of the same uniforms."""

from __future__ import annotations

import numpy as np
import pytest

from synthdata.engine.locale_data import LOCALES, fill_digits, locale_data

_LOWEST = {"#": 0, "!": 0, "%": 1, "@": 1, "$": 2}


def _one_by_one(rng: np.random.Generator, formats: tuple[str, ...], n: int) -> list[str]:
    """The documented meaning, row by row: column 0 picks the format, column 1 + byte position its digit."""
    encoded = [template.encode() for template in formats]
    uniform = rng.random((n, 1 + max(map(len, encoded))))
    rows = []
    for draws in uniform:
        template = encoded[int(draws[0] * len(formats))]
        out = bytearray(template)
        for position, byte in enumerate(template):
            lowest = _LOWEST.get(chr(byte))
            if lowest is not None:
                out[position] = ord("0") + lowest + int(draws[1 + position] * (10 - lowest))
        rows.append(out.decode())
    return rows


@pytest.mark.parametrize("locale", LOCALES)
def test_each_locales_phone_formats(locale: str) -> None:
    formats = locale_data(locale).phone_formats
    assert fill_digits(np.random.default_rng(5), formats, 3000) == _one_by_one(
        np.random.default_rng(5), formats, 3000
    )


@pytest.mark.parametrize(
    "formats",
    [("(###) $##-####", "1-%##"), ("é%$#", "#", "x\x00#", "!@ab"), ("a\n##", "##", "\n")],
    ids=["lengths differ", "non-ASCII and NUL", "line feeds"],
)
@pytest.mark.parametrize("n", [0, 1, 2000])
def test_odd_templates(formats: tuple[str, ...], n: int) -> None:
    rng, reference = np.random.default_rng(8), np.random.default_rng(8)
    assert fill_digits(rng, formats, n) == _one_by_one(reference, formats, n)
    assert rng.random() == reference.random()  # the same draws consumed
