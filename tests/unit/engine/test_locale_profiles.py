"""Every locale is one complete profile plus its data files; an incomplete profile is refused."""

from __future__ import annotations

import json
from typing import get_args

import pytest
from pydantic import ValidationError

from synthdata.api.schemas import GenerateRequest
from synthdata.engine.locales import LOCALES, PROFILE_DIR, LocaleProfile, locale_profile
from synthdata.engine.vocabulary_files import vocabulary_path


@pytest.mark.parametrize("locale", LOCALES)
def test_every_locale_has_a_complete_profile_and_its_data(locale: str) -> None:
    profile = locale_profile(locale)
    assert profile.locale == locale
    assert set(json.loads((PROFILE_DIR / f"{locale}.json").read_text())) == set(LocaleProfile.model_fields)
    assert vocabulary_path(locale).exists() and vocabulary_path(f"places_{locale}").exists()


@pytest.mark.parametrize("field", sorted(LocaleProfile.model_fields))
def test_a_profile_without_a_field_is_refused(field: str) -> None:
    document = json.loads((PROFILE_DIR / "de_DE.json").read_text())
    del document[field]
    with pytest.raises(ValidationError, match=field):
        LocaleProfile.model_validate(document)


def test_an_unknown_field_is_refused() -> None:
    document = json.loads((PROFILE_DIR / "de_DE.json").read_text())
    with pytest.raises(ValidationError, match="extra"):
        LocaleProfile.model_validate({**document, "wage_scale": 1.0})


def test_the_added_locales_reach_the_api_schema() -> None:
    enum = get_args(GenerateRequest.model_fields["locale"].annotation)
    assert {"nl_NL", "en_AU"} <= set(enum) and set(enum) == set(LOCALES)
