"""A locale's writing conventions (the `writing` of its profile) compose as written; a bad one is refused."""

from __future__ import annotations

import json
import re
from pathlib import Path

import numpy as np
import pytest
from pydantic import ValidationError

from synthdata.engine.build_company_names import domain_label, romanized_words, strip_legal_form
from synthdata.engine.build_vocabularies import ascii_slug
from synthdata.engine.builders import places
from synthdata.engine.locale_data import LOCALES, locale_data
from synthdata.engine.locales import PROFILE_DIR, locale_profile
from synthdata.engine.locales.writing import LocaleWriting
from synthdata.engine.row_parts import Coded, text_of


def streets(locale: str, street: str, n: int = 500) -> list[str]:
    words = np.full(n, street, dtype=object)
    lines: list[str] = locale_profile(locale).writing.street_lines(np.random.default_rng(1), words).tolist()
    return lines


@pytest.mark.parametrize(
    ("street_line", "numbers"),
    [
        ("{street}{chome}丁目{ban}", {"chome": 9}),  # a slot without its range
        ("{number} {street}", {"number": 200, "floor": 3}),  # a range without its slot
        ("{number} {street}", {"number": 0}),  # nothing to draw from
    ],
)
def test_a_street_line_whose_slots_and_ranges_disagree_is_refused(
    street_line: str, numbers: dict[str, int]
) -> None:
    writing = json.loads(Path(PROFILE_DIR, "ja_JP.json").read_text(encoding="utf-8"))["writing"]
    with pytest.raises(ValidationError, match="street_line"):
        LocaleWriting.model_validate({**writing, "street_line": street_line, "numbers": numbers})


@pytest.mark.parametrize(
    ("locale", "street", "pattern"),
    [
        ("nl_NL", "Straatnaam", r"Straatnaam [1-9]\d{0,2}"),
        ("en_AU", "Smith Street", r"[1-9]\d{0,2} Smith Street"),
        ("de_DE", "Hauptstraße", r"Hauptstraße [1-9]\d{0,2}"),
        ("es_ES", "Calle Mayor", r"Calle Mayor, [1-9]\d{0,2}"),
        ("ja_JP", "青葉台", r"青葉台[1-9]丁目[1-9]\d?-[1-9]\d?"),
    ],
)
def test_street_lines_put_the_number_where_the_country_does(locale: str, street: str, pattern: str) -> None:
    lines = streets(locale, street)
    assert all(re.fullmatch(pattern, line) for line in lines), lines[:3]
    assert len(set(lines)) > 50  # numbers are drawn, not constant


def test_numbers_are_reproducible_from_the_stream() -> None:
    assert streets("ja_JP", "高輪") == streets("ja_JP", "高輪")


def test_postal_addresses_compose_the_fields_in_the_post_s_order() -> None:
    def one(locale: str) -> str:
        columns = {
            k: np.asarray([v], dtype=object)
            for k, v in {"street": "S 1", "city": "C", "region": "R", "postcode": "P"}.items()
        }
        return str(locale_profile(locale).writing.postal_addresses(**columns)[0])

    assert one("en_US") == "S 1, C, R P"
    assert one("de_DE") == "S 1, P C"
    assert one("nl_NL") == "S 1, P C"
    assert one("en_AU") == "S 1, C R P"
    assert one("pt_BR") == "S 1, C - R, P"
    assert one("ja_JP") == "〒P RCS 1"


def test_legal_forms_are_removed_before_or_after_the_name() -> None:
    assert strip_legal_form("Jäkel GmbH & Co. KG", ["KG", "GmbH & Co. KG", "GmbH"]) == "Jäkel"
    assert strip_legal_form("合同会社藤田水産", ["株式会社", "合同会社"]) == "藤田水産"
    assert strip_legal_form("藤田水産株式会社", ["株式会社", "合同会社"]) == "藤田水産"
    assert strip_legal_form("Sasaki", ["SA"]) == "Sasaki"  # a Latin form only as a word of its own
    assert strip_legal_form("AG", ["AG"]) == "AG"  # never to nothing


def test_names_in_kanji_are_romanized_word_by_word_or_the_build_fails() -> None:
    dictionary = {"藤田": "Fujita", "水産": "suisan", "藤": "Fuji"}
    assert romanized_words("藤田水産", dictionary) == ["fujita", "suisan"]
    with pytest.raises(ValueError, match="no romanization"):
        romanized_words("藤田電気", dictionary)


def test_domain_labels_keep_whole_words_and_do_not_end_on_a_joining_word() -> None:
    assert domain_label(["macdonald", "cherry", "and", "lopez"]) == "macdonald-cherry"
    assert domain_label(["sato", "kogyo"]) == "sato-kogyo"
    assert domain_label(["x" * 30]) == "x" * 24


def test_ascii_spelling_follows_the_locale() -> None:
    assert ascii_slug("Müller-Lüdenscheidt", "de_DE") == "muellerluedenscheidt"
    assert ascii_slug("Weiß", "de_DE") == "weiss"
    assert ascii_slug("Müller", "fr_FR") == "muller"
    assert ascii_slug("João Conceição", "pt_BR") == "joaoconceicao"


@pytest.mark.parametrize("locale", LOCALES)
def test_street_line_pieces_read_as_the_street_lines_with_the_same_draws(locale: str) -> None:
    writing = locale_profile(locale).writing
    streets = locale_data(locale).streets
    codes = np.random.default_rng(4).integers(0, len(streets), 700)
    rng = np.random.default_rng(5)
    pieces = writing.street_line_pieces(rng, Coded(streets, codes))
    expected_rng = np.random.default_rng(5)
    assert text_of(pieces) == writing.street_lines(expected_rng, streets[codes]).tolist()
    assert rng.random() == expected_rng.random()
    place = places(np.random.default_rng(6), locale_data(locale), 300)
    assert place.street_address.tolist() == text_of(place.street_pieces)
