"""Digit templates (phone numbers) filled column-wise equal the per-row reading of the same uniforms."""

from __future__ import annotations

import numpy as np
import pytest

from synthdata.engine.digit_pieces import digit_pieces
from synthdata.engine.locale_data import LOCALES, fill_digits, locale_data
from synthdata.engine.row_parts import text_of

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


@pytest.mark.parametrize("locale", LOCALES)
@pytest.mark.parametrize("n", [0, 1, 5000])
def test_digit_pieces_read_as_fill_digits_or_decline_without_drawing(locale: str, n: int) -> None:
    formats = locale_data(locale).phone_formats
    rng = np.random.default_rng(8)
    pieces = digit_pieces(rng, formats, n)
    if pieces is None:  # nothing drawn: the caller's fill_digits draws as it would have
        assert rng.random() == np.random.default_rng(8).random()
        assert locale not in ("en_US", "en_GB", "en_AU")  # these split into small halves
        return
    assert text_of(pieces) == fill_digits(np.random.default_rng(8), formats, n)
    assert rng.random() == _after_fill(formats, n)  # the same draws


def _after_fill(formats: tuple[str, ...], n: int) -> float:
    rng = np.random.default_rng(8)
    fill_digits(rng, formats, n)
    return float(rng.random())


def test_digit_pieces_decline_templates_whose_slots_differ() -> None:
    assert digit_pieces(np.random.default_rng(1), ("###", "##"), 10) is None
    assert digit_pieces(np.random.default_rng(1), ("#" * 12,), 10) is None  # 10^6 combinations per half
    pieces = digit_pieces(np.random.default_rng(1), ("a#-%b", "(#)%"), 300)
    assert pieces is not None and text_of(pieces) == fill_digits(
        np.random.default_rng(1), ("a#-%b", "(#)%"), 300
    )
