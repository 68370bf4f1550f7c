"""The locale registry: one profile per locale, read from `profiles/<locale>.json`.

Adding a locale is adding its profile here and its data files (see README, "Adding a locale"); `LOCALES`, the
API's `locale` enum and the CLI's choices all come from the profiles found. Run time reads a profile without
pydantic (`locale_profile`, see `shipped`); the tests and the build scripts validate it with the strict
`LocaleProfile` (`validated_profile`).
"""

from __future__ import annotations

from functools import cache
from typing import TYPE_CHECKING

from synthdata.engine.locales.shipped import Economy, Profile, Writing, read_profile
from synthdata.engine.vocabulary_files import file_in, folder_beside, read_bytes, stems_in

if TYPE_CHECKING:
    from synthdata.engine.locales.profile import LocaleProfile

PROFILE_DIR = folder_beside(__file__, "profiles")  # a str: run time does without pathlib (vocabulary_files)
# The order locales are listed in (API, CLI, docs); a profile missing from it is listed after, by name.
_FIRST = ("en_US", "en_GB", "de_DE", "fr_FR", "es_ES", "it_IT", "ja_JP", "pt_BR")
_FOUND = sorted(stems_in(PROFILE_DIR, ".json"))
LOCALES: tuple[str, ...] = (*[n for n in _FIRST if n in _FOUND], *[n for n in _FOUND if n not in _FIRST])
DEFAULT_LOCALE = "en_US"


def _profile_path(locale: str) -> str:
    if locale not in LOCALES:
        raise KeyError(locale)
    return file_in(PROFILE_DIR, f"{locale}.json")


@cache
def locale_profile(locale: str) -> Profile:
    """The profile of a locale as run time reads it (KeyError for an unknown one)."""
    return read_profile(_profile_path(locale))


@cache
def validated_profile(locale: str) -> LocaleProfile:
    """The profile of a locale validated by the strict pydantic model (build scripts, tests)."""
    from synthdata.engine.locales.profile import LocaleProfile  # pydantic: kept off the run-time path

    return LocaleProfile.model_validate_json(read_bytes(_profile_path(locale)))


__all__ = [
    "DEFAULT_LOCALE",
    "LOCALES",
    "PROFILE_DIR",
    "Economy",
    "Profile",
    "Writing",
    "locale_profile",
    "validated_profile",
]
