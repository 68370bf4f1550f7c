"""Column-wise generators for every field type. Person and address fields of one row share one person and one
place (the `Row` entities), exactly like the built-in datasets; unique values come from a permutation of the
row number, so they stay unique however the file is split."""

from __future__ import annotations

import re
import zlib
from collections.abc import Callable
from dataclasses import dataclass, field
from functools import cached_property
from typing import Any

import numpy as np
import numpy.typing as npt

from synthdata.engine import builders
from synthdata.engine.catalogues import products
from synthdata.engine.columns import Column
from synthdata.engine.company_names import company_name_forms
from synthdata.engine.dataset import REFERENCE_TIME, BlockContext
from synthdata.engine.locale_data import (
    COUNTRY_BOUNDS,
    LocaleData,
    bytes_rows_to_text,
    locale_data,
    lorem_words,
)
from synthdata.engine.rng import block_rng
from synthdata.engine.words import (
    CURRENCIES,
    DEPARTMENTS,
    INDUSTRIES,
    TEST_CARDS,
    TEST_NETS,
    TIMEZONES,
    USER_AGENTS,
)
from synthdata.fields.compiler import (
    TEMPLATE_REFERENCE,
    FieldSpec,
    _parse_date,
    _parse_datetime,
    _parse_time,
    capacity,
)

ObjArray = npt.NDArray[np.object_]
_PRIMES = (1_000_003, 7_654_321, 15_485_863, 32_452_843, 49_979_687, 67_867_967, 86_028_121, 104_395_301)


def permutation(row_index: npt.NDArray[np.int64], seed: int, size: int) -> npt.NDArray[np.int64]:
    """A bijection of [0, size) applied to row numbers: distinct rows get distinct codes while rows < size."""
    multiplier = next(p for p in _PRIMES if size % p != 0)
    return (row_index * (multiplier % size) + seed % size) % size if size > 1 else np.zeros_like(row_index)


@dataclass
class Row:
    """The entities one row of a template describes, built on first use."""

    context: BlockContext
    data: LocaleData = field(init=False)

    def __post_init__(self) -> None:
        self.data = locale_data(self.context.locale)

    @cached_property
    def rng(self) -> np.random.Generator:
        return block_rng(self.context.seed, self.context.block_index, "template-row")

    @cached_property
    def person(self) -> builders.People:
        return builders.people(self.rng, self.data, self.context.size)

    @cached_property
    def place(self) -> builders.Places:
        return builders.places(self.rng, self.data, self.context.size)

    @cached_property
    def born(self) -> npt.NDArray[np.datetime64]:
        at = np.full(self.context.size, REFERENCE_TIME)
        ages = np.clip(np.round(self.rng.normal(41, 14, self.context.size)), 18, 89).astype(np.int64)
        return builders.birth_dates(self.rng, at, ages)

    @cached_property
    def product(self) -> npt.NDArray[np.intp]:
        return self.rng.integers(0, len(products(self.context.seed).ids), self.context.size)

    @cached_property
    def company(self) -> npt.NDArray[np.intp]:
        return self.rng.integers(0, len(self.data.companies), self.context.size)


Generator = Callable[[FieldSpec, Row, np.random.Generator, dict[str, Column]], Column]


def _codes(spec: FieldSpec, row: Row, rng: np.random.Generator, size: int) -> npt.NDArray[np.int64]:
    """Codes in [0, size): a permutation of the row number for unique fields, else uniform draws."""
    if spec.unique:
        # crc32, not hash(): str hashes differ between processes, and shards run in many processes.
        return permutation(row.context.row_index, row.context.seed + zlib.crc32(spec.name.encode()), size)
    return rng.integers(0, size, row.context.size)


def _typed_constant_column(values: list[Any], codes: npt.NDArray[np.int64], literal: bool) -> Column:
    """Choice/constant values keep their JSON type when they all share one (numbers stay numbers)."""
    if all(isinstance(v, bool) for v in values):
        return Column("bool", np.asarray(values, dtype=bool)[codes])
    if all(isinstance(v, int) and not isinstance(v, bool) for v in values):
        return Column("int", np.asarray(values, dtype=np.int64)[codes])
    if all(isinstance(v, int | float) and not isinstance(v, bool) for v in values):
        decimals = max(len(repr(float(v)).split(".")[1]) for v in values)
        return Column("float", np.asarray(values, dtype=float)[codes], decimals=min(decimals, 10))
    return Column.categorical(np.asarray([str(v) for v in values], dtype=object), codes, user_literal=literal)


def _numbers(spec: FieldSpec, rng: np.random.Generator, n: int) -> npt.NDArray[np.float64]:
    low, high = float(spec.params["min"]), float(spec.params["max"])
    shape = spec.params.get("distribution", "uniform")
    if shape == "normal":
        values = rng.normal((low + high) / 2, max(high - low, 1e-9) / 6, n)
    elif shape == "lognormal":
        raw = rng.lognormal(0.0, 0.6, n)
        values = low + (high - low) * (raw / np.quantile(raw, 0.999) if n else raw)
    else:
        values = rng.uniform(low, high, n)
    return np.clip(values, low, high)


def _pattern(spec: FieldSpec, row: Row, rng: np.random.Generator) -> Column:
    template = str(spec.params["pattern"]).encode()
    n = row.context.size
    chars = np.tile(np.frombuffer(template, dtype=np.uint8), (n, 1))
    slots = [i for i, b in enumerate(template) if b in b"#?"]
    radices = [10 if template[i] == ord("#") else 26 for i in slots]
    if spec.unique:
        code = _codes(spec, row, rng, int(np.prod(radices, dtype=object)))
        for position, radix in zip(reversed(slots), reversed(radices), strict=True):
            chars[:, position] = (48 if radix == 10 else 65) + code % radix
            code = code // radix
    else:
        for position, radix in zip(slots, radices, strict=True):
            chars[:, position] = (48 if radix == 10 else 65) + rng.integers(0, radix, n)
    return Column("str", bytes_rows_to_text(chars), user_literal=True)


def _iban(rng: np.random.Generator, n: int) -> list[str]:
    """DE IBANs: 18 random digits with valid ISO 7064 mod-97 check digits."""
    digits = rng.integers(0, 10, (n, 18))
    remainder = np.zeros(n, dtype=np.int64)
    for column in (*digits.T, *(np.full(n, d) for d in (1, 3, 1, 4, 0, 0))):  # D=13, E=14, then "00"
        remainder = (remainder * 10 + column) % 97
    check = 98 - remainder
    text = np.char.add(np.char.add("DE", np.char.zfill(check.astype(str), 2)), _digit_rows(digits))
    return text.tolist()  # type: ignore[no-any-return]


def _digit_rows(digits: npt.NDArray[np.int64]) -> npt.NDArray[np.str_]:
    bytes_ = (digits + 48).astype(np.uint8)
    return np.frombuffer(bytes_.tobytes(), dtype=f"S{digits.shape[1]}").astype(f"U{digits.shape[1]}")


def _words(row: Row, rng: np.random.Generator, count: int, capital: bool) -> ObjArray:
    vocabulary = _lorem()
    picks = vocabulary[rng.integers(0, len(vocabulary), (row.context.size, count))]
    if capital:
        picks[:, 0] = np.char.capitalize(picks[:, 0].astype(str)).astype(object)
    result = picks[:, 0]
    for index in range(1, count):
        result = result + " " + picks[:, index]
    return result


def _lorem() -> ObjArray:
    return lorem_words()


def _sentences(row: Row, rng: np.random.Generator, count: int, words: int) -> ObjArray:
    result: ObjArray | None = None
    for _ in range(count):
        sentence = _words(row, rng, words, capital=True) + "."
        result = sentence if result is None else result + " " + sentence
    assert result is not None
    return result


def _template(spec: FieldSpec, columns: dict[str, Column]) -> Column:
    template = str(spec.params["template"])
    parts: list[Any] = []
    position = 0
    for match in TEMPLATE_REFERENCE.finditer(template):
        parts.append(template[position : match.start()])
        parts.append(np.asarray(columns[match.group(1)].plain_text(), dtype=object))
        position = match.end()
    parts.append(template[position:])
    pieces = [p for p in parts if not (isinstance(p, str) and p == "")]
    result = builders.join(*pieces) if pieces else np.asarray([""], dtype=object)
    return Column("str", np.asarray(result, dtype=object).tolist(), user_literal=True)


def _formatted(moments: npt.NDArray[np.datetime64], pattern: str) -> Column:
    """Dates or instants as text in a strftime-style pattern, built column-wise from their components."""
    seconds = moments.astype("datetime64[s]")
    days = seconds.astype("datetime64[D]")
    years, months, day_of_month = builders.year_month_day(days)
    of_day = (seconds - days).astype(np.int64)
    fields = {
        "Y": years,
        "m": months,
        "d": day_of_month,
        "H": of_day // 3600,
        "M": of_day // 60 % 60,
        "S": of_day % 60,
    }
    parts: list[Any] = []
    for literal, directive in re.findall(r"([^%]*)(?:%([YmdHMS]))?", pattern):
        if literal:
            parts.append(literal)
        if directive:
            width = 4 if directive == "Y" else 2
            parts.append(np.char.zfill(fields[directive].astype(str), width).astype(object))
    return Column("str", builders.join(*parts), user_literal=True)


def _dates(spec: FieldSpec, row: Row, rng: np.random.Generator) -> Column:
    start = np.datetime64(_parse_date(spec.params["start"]), "D")
    days = (_parse_date(spec.params["end"]) - _parse_date(spec.params["start"])).days + 1
    values = start + _codes(spec, row, rng, days).astype("timedelta64[D]")
    return _formatted(values, spec.params["format"]) if spec.params.get("format") else Column("date", values)


def _datetimes(spec: FieldSpec, row: Row, rng: np.random.Generator) -> Column:
    start = np.datetime64(_parse_datetime(spec.params["start"]), "s")
    limit = capacity(spec) or 1
    values = start + _codes(spec, row, rng, limit).astype("timedelta64[s]")
    return (
        _formatted(values, spec.params["format"]) if spec.params.get("format") else Column("datetime", values)
    )


def _times(spec: FieldSpec, row: Row, rng: np.random.Generator) -> Column:
    first = _parse_time(spec.params["start"])
    seconds = first + _codes(spec, row, rng, _parse_time(spec.params["end"]) - first + 1)
    text = np.datetime_as_string(np.datetime64("2000-01-01T00:00:00") + seconds.astype("timedelta64[s]"))
    return Column("str", np.strings.slice(text.astype(str), 11, 19).tolist(), ascii_safe=True)


def _ipv4(spec: FieldSpec, row: Row, rng: np.random.Generator) -> Column:
    code = _codes(spec, row, rng, 3 * 254)
    nets = np.asarray(TEST_NETS, dtype=object)[code // 254]
    return Column("str", builders.join(nets, builders.digits(code % 254 + 1)), ascii_safe=True)


def _ipv6(row: Row, rng: np.random.Generator) -> Column:
    groups = rng.integers(0, 65536, (row.context.size, 6))
    text: ObjArray = np.full(row.context.size, "2001:db8", dtype=object)
    for index in range(6):
        text = text + ":" + np.char.mod("%x", groups[:, index]).astype(object)
    return Column("str", text, ascii_safe=True)


def _person_email(spec: FieldSpec, row: Row, rng: np.random.Generator) -> Column:
    domain = str(spec.params.get("domain") or "")
    domains = (
        np.full(row.context.size, domain, dtype=object)
        if domain
        else builders.email_domains(
            rng, row.context.size, bool(row.context.options.get("realistic_email_domains"))
        )
    )
    email, _ = builders.person_handles(row.person, row.context.row_index, row.context.seed, domains)
    return Column("str", email)


def _company_domains(row: Row) -> ObjArray:
    labels = company_name_forms(row.context.locale).domain_labels
    return builders.join(labels[row.company], ".example")


def _coordinate(row: Row, rng: np.random.Generator, axis: int) -> Column:
    bounds = COUNTRY_BOUNDS[row.context.locale]
    low, high = bounds[2 * axis], bounds[2 * axis + 1]
    return Column("float", np.round(rng.uniform(low, high, row.context.size), 4), decimals=4)


def _category(
    words: tuple[str, ...] | list[str], spec: FieldSpec, row: Row, rng: np.random.Generator
) -> Column:
    return Column.categorical(np.asarray(words, dtype=object), _codes(spec, row, rng, len(words)))


GENERATORS: dict[str, Generator] = {
    "uuid": lambda s, r, g, c: Column("str", builders.uuid4_column(g, r.context.size), ascii_safe=True),
    "sequence": lambda s, r, g, c: Column("int", s.params["start"] + s.params["step"] * r.context.row_index),
    "pattern": lambda s, r, g, c: _pattern(s, r, g),
    "first_name": lambda s, r, g, c: Column.categorical(r.data.first_names, r.person.first_codes),
    "last_name": lambda s, r, g, c: Column.categorical(r.data.last.words, r.person.last_codes),
    "name": lambda s, r, g, c: Column("str", r.person.full_name),
    "gender": lambda s, r, g, c: Column("str", r.person.gender, ascii_safe=True),
    "email": lambda s, r, g, c: _person_email(s, r, g),
    "username": lambda s, r, g, c: Column(
        "str",
        builders.person_handles(
            r.person, r.context.row_index, r.context.seed, np.full(r.context.size, "", dtype=object)
        )[1],
        ascii_safe=True,
    ),
    "phone": lambda s, r, g, c: Column("str", builders.phones(g, r.data, r.context.size)),
    "date_of_birth": lambda s, r, g, c: Column("date", r.born),
    "age": lambda s, r, g, c: Column(
        "int", builders.whole_years_between(r.born, np.full(r.context.size, REFERENCE_TIME))
    ),
    "job_title": lambda s, r, g, c: Column.categorical(
        r.data.jobs, g.integers(0, len(r.data.jobs), r.context.size)
    ),
    "street_address": lambda s, r, g, c: Column("str", r.place.street_address),
    "city": lambda s, r, g, c: Column.categorical(r.data.cities, r.place.place_codes),
    "state": lambda s, r, g, c: Column.categorical(r.data.regions, r.place.place_codes),
    "postal_code": lambda s, r, g, c: Column.categorical(r.data.postcodes, r.place.place_codes),
    "country": lambda s, r, g, c: Column.categorical(
        np.asarray([r.data.country], dtype=object), np.zeros(r.context.size, dtype=np.intp)
    ),
    "country_code": lambda s, r, g, c: Column.categorical(
        np.asarray([r.data.country_code], dtype=object), np.zeros(r.context.size, dtype=np.intp)
    ),
    "latitude": lambda s, r, g, c: _coordinate(r, g, 0),
    "longitude": lambda s, r, g, c: _coordinate(r, g, 1),
    "company_name": lambda s, r, g, c: Column.categorical(r.data.companies, r.company),
    "industry": lambda s, r, g, c: _category(list(INDUSTRIES), s, r, g),
    "department": lambda s, r, g, c: _category(DEPARTMENTS, s, r, g),
    "product_name": lambda s, r, g, c: Column.categorical(products(r.context.seed).names, r.product),
    "product_category": lambda s, r, g, c: Column.categorical(products(r.context.seed).categories, r.product),
    "price": lambda s, r, g, c: Column(
        "float", np.round(g.uniform(s.params["min"], s.params["max"], r.context.size), 2)
    ),
    "currency_code": lambda s, r, g, c: _category(CURRENCIES, s, r, g),
    "iban": lambda s, r, g, c: Column("str", _iban(g, r.context.size), ascii_safe=True),
    "credit_card_number": lambda s, r, g, c: _category(TEST_CARDS, s, r, g),
    "url": lambda s, r, g, c: Column(
        "str",
        builders.join(
            "https://www.", _company_domains(r), "/", _lorem()[g.integers(0, len(_lorem()), r.context.size)]
        ),
    ),
    "domain": lambda s, r, g, c: Column("str", _company_domains(r), ascii_safe=True),
    "ipv4": lambda s, r, g, c: _ipv4(s, r, g),
    "ipv6": lambda s, r, g, c: _ipv6(r, g),
    "user_agent": lambda s, r, g, c: _category(USER_AGENTS, s, r, g),
    "integer": lambda s, r, g, c: Column(
        "int",
        s.params["min"] + _codes(s, r, g, s.params["max"] - s.params["min"] + 1)
        if s.unique or s.params["distribution"] == "uniform"
        else np.round(_numbers(s, g, r.context.size)).astype(np.int64),
    ),
    "float": lambda s, r, g, c: Column(
        "float",
        np.round(_numbers(s, g, r.context.size), s.params["precision"]),
        decimals=s.params["precision"],
    ),
    "decimal": lambda s, r, g, c: Column(
        "float",
        np.round(_numbers(s, g, r.context.size), s.params["precision"]),
        decimals=s.params["precision"],
    ),
    "boolean": lambda s, r, g, c: Column(
        "bool", (_codes(s, r, g, 2) == 1) if s.unique else g.random(r.context.size) < s.params["true_ratio"]
    ),
    "date": lambda s, r, g, c: _dates(s, r, g),
    "datetime": lambda s, r, g, c: _datetimes(s, r, g),
    "time": lambda s, r, g, c: _times(s, r, g),
    "timezone": lambda s, r, g, c: _category(TIMEZONES, s, r, g),
    "word": lambda s, r, g, c: Column("str", _words(r, g, 1, capital=False), ascii_safe=True),
    "sentence": lambda s, r, g, c: Column("str", _sentences(r, g, 1, s.params["words"]), ascii_safe=True),
    "paragraph": lambda s, r, g, c: Column(
        "str", _sentences(r, g, s.params["sentences"], 8), ascii_safe=True
    ),
    "lorem": lambda s, r, g, c: Column(
        "str", _words(r, g, s.params["words"], capital=False), ascii_safe=True
    ),
    "choice": lambda s, r, g, c: _typed_constant_column(
        s.params["values"], _choice_codes(s, r, g), literal=True
    ),
    "constant": lambda s, r, g, c: _typed_constant_column(
        [s.params["value"]], np.zeros(r.context.size, np.int64), literal=True
    ),
    "template": lambda s, r, g, c: _template(s, c),
}


def _choice_codes(spec: FieldSpec, row: Row, rng: np.random.Generator) -> npt.NDArray[np.int64]:
    values, weights = spec.params["values"], spec.params.get("weights")
    if spec.unique or not weights:
        return _codes(spec, row, rng, len(values))
    cumulative = np.cumsum(np.asarray(weights, dtype=float) / float(sum(weights)))
    return np.searchsorted(cumulative, rng.random(row.context.size), side="right").clip(0, len(values) - 1)
