"""The locale registry: one profile per locale, read from `profiles/<locale>.json`.

Adding a locale is adding its profile here and its data files (see README, "Adding a locale"); `LOCALES`, the
API's `locale` enum and the CLI's choices all come from the profiles found.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from synthdata.engine.locales.profile import LocaleEconomy, LocaleProfile
from synthdata.engine.locales.writing import LocaleWriting

PROFILE_DIR = Path(__file__).resolve().parent / "profiles"
# The order locales are listed in (API, CLI, docs); a profile missing from it is listed after, by name.
_FIRST = ("en_US", "en_GB", "de_DE", "fr_FR", "es_ES", "it_IT", "ja_JP", "pt_BR")
_FOUND = sorted(path.stem for path in PROFILE_DIR.glob("*.json"))
LOCALES: tuple[str, ...] = (*[n for n in _FIRST if n in _FOUND], *[n for n in _FOUND if n not in _FIRST])
DEFAULT_LOCALE = "en_US"


@cache
def locale_profile(locale: str) -> LocaleProfile:
    """The validated profile of a locale (KeyError for an unknown one)."""
    if locale not in LOCALES:
        raise KeyError(locale)
    return LocaleProfile.model_validate_json((PROFILE_DIR / f"{locale}.json").read_bytes())


__all__ = ["DEFAULT_LOCALE", "LOCALES", "LocaleEconomy", "LocaleProfile", "LocaleWriting", "locale_profile"]
