"""Column builders equal the per-value standard-library meaning of what they build."""

from __future__ import annotations

import uuid
from json.encoder import encode_basestring

import numpy as np
import pytest

from synthdata.engine import builders, handles
from synthdata.engine.builders import uuid4_column
from synthdata.engine.escapes import csv_escape_all
from synthdata.engine.locale_data import LOCALES, locale_data
from synthdata.engine.row_parts import text_of


@pytest.mark.parametrize("n", [0, 1, 5000])
def test_uuid4_column_is_the_random_bytes_as_version_4_uuids(n: int) -> None:
    raw = np.random.default_rng(3).bytes(16 * n)
    expected = [str(uuid.UUID(bytes=raw[i : i + 16], version=4)) for i in range(0, 16 * n, 16)]
    assert uuid4_column(np.random.default_rng(3), n) == expected


@pytest.mark.parametrize(
    ("first", "last"),
    [
        ("1899-12-25", "1900-01-03"),
        ("1969-12-31", "1970-01-02"),
        ("2099-12-28", "2100-01-03"),
        ("0001-01-01", "0001-03-01"),
    ],
    ids=["table start", "epoch", "table end", "far outside"],
)
def test_year_month_day_is_the_calendar_date(first: str, last: str) -> None:
    days = np.arange(np.datetime64(first), np.datetime64(last))
    for chunk in (days, days[days >= np.datetime64("1900-01-01")], days[days < np.datetime64("2100-01-01")]):
        expected = np.array([(d.year, d.month, d.day) for d in chunk.astype(object)]).reshape(-1, 3)
        found = builders.year_month_day(chunk.astype("datetime64[s]"))
        assert all(part.dtype == np.int64 for part in found)
        np.testing.assert_array_equal(np.stack(found, axis=1), expected)


def test_year_month_day_over_the_whole_table() -> None:
    days = np.arange(np.datetime64("1900-01-01"), np.datetime64("2100-01-01"))
    expected = np.array([(d.year, d.month, d.day) for d in days.astype(object)])
    np.testing.assert_array_equal(np.stack(builders.year_month_day(days), axis=1), expected)


@pytest.mark.parametrize(
    "word",
    ["a,b", 'say "hi"', "a;b", "back\\slash", " lead", "trail ", "", "tab\there", "line\nfeed", "Müller"],
)
def test_a_word_needing_quotes_escapes_or_non_ascii_is_not_plain(word: str) -> None:
    assert not builders.plain_words(np.asarray(["Smith", word], dtype=object))


def _plain_word(word: str) -> bool:
    """The definition, word by word."""
    return bool(
        word
        and word.isascii()
        and word.isprintable()
        and word == word.strip(" ")
        and not set(',";\\') & set(word)
    )


PIECES = [
    "Smith",
    "a b",
    " ",
    "",
    ",",
    '"',
    ";",
    "\\",
    "\n",
    "\t",
    "\x7f",
    "é",
    "'",
    "-",
    "\x00",
    "\u3000",
    "x",
]


def test_all_plain_is_every_word_plain_by_the_definition() -> None:
    rng = np.random.default_rng(5)
    cases = [[], [""], [" "], ["ok"], ["ok", ""], ["a\nb"], ["a", "b\n"], ["\na"], [" a"], ["a "], ["a b"]]
    cases += [[piece] for piece in PIECES]
    for _ in range(3000):  # words of one to three pieces, lists of one to four words
        words = ["".join(rng.choice(PIECES, rng.integers(1, 4))) for _ in range(rng.integers(1, 5))]
        cases.append(words)
    for words in cases:
        assert builders.all_plain(words) == all(map(_plain_word, words)), words


@pytest.mark.parametrize("locale", LOCALES)
def test_columns_marked_plain_are_unchanged_by_csv_and_json_escaping(locale: str) -> None:
    data = locale_data(locale)
    person = builders.people(np.random.default_rng(1), data, 3000)
    place = builders.places(np.random.default_rng(2), data, 3000)
    columns = {
        "full_name": (person.plain_names, person.full_name.tolist()),
        "street": (place.plain_street, place.street_address.tolist()),
        "phone": (
            builders.plain_words(builders.word_table(data.phone_formats)),
            builders.phones(np.random.default_rng(3), data, 3000),
        ),
    }
    assert builders.plain_words(np.asarray(["O'Brien", "Anne-Marie", "12 Main St."], dtype=object))
    for name, (plain, values) in columns.items():
        if plain:
            assert csv_escape_all(values) == values, name
            assert [encode_basestring(v) for v in values] == [f'"{v}"' for v in values], name


@pytest.mark.parametrize("realistic", [False, True])
def test_handle_pieces_read_as_the_handles_and_draw_the_same_domains(realistic: bool) -> None:
    data = locale_data("de_DE")
    person = builders.people(np.random.default_rng(4), data, 300)
    rows = np.arange(10_000, 10_300, dtype=np.int64)
    domains = handles.email_domains(np.random.default_rng(5), 300, realistic)
    codes = handles.email_domain_codes(np.random.default_rng(5), 300, realistic)
    email, username = handles.person_handles(person, rows, 9, domains)
    email_pieces, username_pieces = handles.person_handle_pieces(person, rows, 9, codes)
    assert text_of(email_pieces) == email.tolist() and text_of(username_pieces) == username.tolist()
    assert all(
        e.split("@")[1] in (builders.FREE_MAIL_DOMAINS if realistic else builders.EXAMPLE_DOMAINS)
        for e in email
    )


@pytest.mark.parametrize("locale", ["en_US", "ja_JP"])
def test_full_name_pieces_read_as_the_names_in_the_locales_order(locale: str) -> None:
    data = locale_data(locale)
    person = builders.people(np.random.default_rng(6), data, 500)
    first, last = person.first.tolist(), person.last.tolist()
    expected = [f"{b} {a}" if locale == "ja_JP" else f"{a} {b}" for a, b in zip(first, last, strict=True)]
    assert text_of(person.full_name_pieces) == expected == person.full_name.tolist()
