"""Every locale is one complete profile plus its data files; an incomplete profile is refused."""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any, get_args

import pytest
from pydantic import BaseModel, ValidationError

from synthdata.api.schemas import GenerateRequest
from synthdata.engine.locales import LOCALES, PROFILE_DIR, locale_profile, validated_profile
from synthdata.engine.locales.profile import LocaleProfile
from synthdata.engine.locales.shipped import read_profile
from synthdata.engine.vocabulary_files import vocabulary_path


def suffixes(inner_keys: Iterable[str] | None) -> list[tuple[str, ...]]:
    """The keys inside a section, each as a one-key suffix; a plain key has one empty suffix."""
    return [()] if inner_keys is None else [(key,) for key in inner_keys]


def section_fields(annotation: Any) -> Iterable[str] | None:
    is_section = isinstance(annotation, type) and issubclass(annotation, BaseModel)
    return annotation.model_fields if is_section else None


# Every key of a profile, sections included: ("writing", "street_line"), ("economy", "tax_rates"), ...
KEYS = [
    (field, *inner)
    for field, info in LocaleProfile.model_fields.items()
    for inner in suffixes(section_fields(info.annotation))
]


SECTIONS = {key[0] for key in KEYS if len(key) == 2}


def document(locale: str = "de_DE") -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(Path(PROFILE_DIR, f"{locale}.json").read_text(encoding="utf-8"))
    return loaded


def keys_of(profile: dict[str, Any]) -> set[tuple[str, ...]]:
    return {
        (field, *inner)
        for field, value in profile.items()
        for inner in suffixes(value if field in SECTIONS else None)
    }


@pytest.mark.parametrize("locale", LOCALES)
def test_every_locale_has_a_complete_profile_and_its_data(locale: str) -> None:
    profile = validated_profile(locale)  # the strict model: every shipped profile passes it
    assert profile.locale == locale
    assert keys_of(document(locale)) == set(KEYS)  # every key written out: no section falls back on defaults
    assert vocabulary_path(locale).exists() and vocabulary_path(f"places_{locale}").exists()


def as_dicts(value: Any) -> Any:
    """A run-time profile (named tuples of named tuples) as nested dicts."""
    if hasattr(value, "_asdict"):
        return {key: as_dicts(item) for key, item in value._asdict().items()}
    return value


@pytest.mark.parametrize("locale", LOCALES)
def test_run_time_reads_what_the_strict_model_validates(locale: str) -> None:
    # Run time skips pydantic (shipped.py): the same keys in the same order, the same values of the same types
    # (repr tells 25 from 25.0 and a tuple from a list).
    read = as_dicts(locale_profile(locale))
    assert repr(read) == repr(validated_profile(locale).model_dump())


def test_run_time_refuses_a_profile_with_a_missing_or_unknown_key(tmp_path: Path) -> None:
    for change in ("missing", "unknown"):
        profile = document()
        if change == "missing":
            profile["writing"].pop("street_line")
        else:
            profile["economy"]["wage_scale"] = 1.0
        path = tmp_path / f"{change}.json"
        path.write_text(json.dumps(profile), encoding="utf-8")
        with pytest.raises(TypeError):
            read_profile(path)


def test_the_profile_holds_the_writing_and_economy_sections() -> None:
    assert {"bounds", "region", "postal_code", "writing", "economy"} <= SECTIONS
    assert {("writing", "postal_address"), ("economy", "median_annual_wage")} <= set(KEYS)


@pytest.mark.parametrize("key", KEYS, ids="/".join)
def test_a_profile_without_a_key_is_refused(key: tuple[str, ...]) -> None:
    profile = document()
    *section, field = key
    (profile[section[0]] if section else profile).pop(field)
    with pytest.raises(ValidationError, match=field):
        LocaleProfile.model_validate(profile)


@pytest.mark.parametrize("section", [None, *sorted(SECTIONS)])
def test_an_unknown_key_is_refused(section: str | None) -> None:
    profile = document()
    if section is None:
        profile["wage_scale"] = 1.0
    else:
        profile[section]["wage_scale"] = 1.0
    with pytest.raises(ValidationError, match="extra"):
        LocaleProfile.model_validate(profile)


def test_a_profile_whose_economy_prices_in_another_currency_is_refused() -> None:
    profile = document("ja_JP")
    profile["economy"]["currency"] = "USD"
    with pytest.raises(ValidationError, match=re.escape("economy.currency 'USD'")):
        LocaleProfile.model_validate(profile)


def test_the_added_locales_reach_the_api_schema() -> None:
    enum = get_args(GenerateRequest.model_fields["locale"].annotation)
    assert {"nl_NL", "en_AU"} <= set(enum) and set(enum) == set(LOCALES)
