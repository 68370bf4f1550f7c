"""Build time: derive every locale's vocabularies from Faker and write them as the package's data files.

`python -m synthdata.engine.build_vocabularies` rewrites `engine/vocabularies/<locale>.json` and
`lorem.json` (places are not Faker's: `build_places` derives them from gazetteers). The output is the same bytes on every run: Faker is seeded, keys are sorted, gzip's mtime is
0. Only this module imports Faker; at run time `locale_data` reads the files (see `vocabulary_files`).
"""

from __future__ import annotations

import re
from collections.abc import Callable
from functools import partial
from pathlib import Path
from typing import Any

from synthdata.engine.build_company_names import company_forms, romanized_words
from synthdata.engine.locales import LOCALES, validated_profile
from synthdata.engine.vocabulary_files import VOCABULARY_DIR, encode_document, vocabulary_path

# Faker lists built from a set, so their order (and the draws from them) follow PYTHONHASHSEED: sorted first.
_HASH_ORDERED = {"it_IT": "cities"}
_SEED = 20261101  # a fixed seed: the pools, and so every file, are the same everywhere
_STREET_POOL = 1500
_COMPANY_POOL = 3000
_ASCII_WORD = re.compile(r"[a-z]+")


def ascii_slug(text: str, locale: str = "") -> str:
    """Lowercase a-z only, spelled as the locale spells it in ASCII (German ä -> ae), for emails and usernames."""
    return "".join(ascii_words(text, locale)) or "user"


def ascii_words(text: str, locale: str) -> list[str]:
    """The words of `text` in lowercase a-z: the locale's own replacements first, then Unidecode's folding."""
    from faker.decode import unidecode

    for letter, spelling in validated_profile(locale).writing.ascii_replacements.items():
        text = text.replace(letter, spelling)
    return _ASCII_WORD.findall(unidecode(text).lower())


def _weighted(names: Any, locale: str, romanized: dict[str, str] | None = None) -> dict[str, Any]:
    """Words, their ASCII forms and Faker's weights (None: all alike)."""
    if isinstance(names, dict):
        words = [str(k) for k in names]
        weights: list[float] | None = [float(v) for v in names.values()]
    else:
        words = [str(n) for n in dict.fromkeys(names)]
        weights = None
    ascii_forms = [ascii_slug(romanized.get(w, w) if romanized else w, locale) for w in words]
    return {"words": words, "ascii": ascii_forms, "weights": weights}


def _provider_attr(generator: Any, name: str) -> Any:
    for provider in generator.providers:
        value = getattr(provider, name, None)
        if value is not None and not callable(value):
            return value
    return None


def _names(generator: Any, locale: str) -> dict[str, Any]:
    if locale == "ja_JP":
        # Kanji names with Faker's romanizations, so emails stay ASCII and match the name.
        male = _provider_attr(generator, "first_name_male_pairs")
        female = _provider_attr(generator, "first_name_female_pairs")
        last = _provider_attr(generator, "last_name_pairs")
        fixes = dict(validated_profile(locale).writing.romanization_fixes)
        romanized = {kanji: fixes.get(kana, roman) for kanji, kana, roman in (*male, *female, *last)}
        last_weights = {p[0]: w for p, w in last.items()}
        return {
            "first_male": _weighted([p[0] for p in male], locale, romanized),
            "first_female": _weighted([p[0] for p in female], locale, romanized),
            "last": _weighted(last_weights, locale, romanized),
        }
    return {
        "first_male": _weighted(_provider_attr(generator, "first_names_male"), locale),
        "first_female": _weighted(_provider_attr(generator, "first_names_female"), locale),
        "last": _weighted(_provider_attr(generator, "last_names"), locale),
    }


def _phone_formats(fake: Any, locale: str) -> list[str]:
    """The locale's phone formats in national form."""
    formats = (
        validated_profile(locale).fictional_phone_formats
        or _provider_attr(fake.factories[0], "formats")
        or ("###-###-####",)
    )
    # Resolve {{area_code}}-style parts once; digits stay placeholders filled column-wise later.
    expanded = {fake.parse(f) if "{{" in f else f for f in formats for _ in range(8)}
    return sorted({_national(f, locale) for f in expanded})


def _national(phone_format: str, locale: str) -> str:
    """An international format as dialled inside the country: "+44(0)20 7946 0###" -> "020 7946 0###"."""
    # Phones are written as dialled inside the country ("+44 20 7946 0018" is "020 7946 0018"), so no value
    # starts with "+", which a spreadsheet would run as a formula.
    profile = validated_profile(locale)
    code, trunk = profile.dialling_code, profile.trunk_prefix
    if not phone_format.startswith(code):
        return phone_format
    rest = phone_format.removeprefix(code).lstrip(" -")
    return trunk + rest.removeprefix("(0)").lstrip(" ")


def _sort_hash_ordered(generator: Any, locale: str) -> None:
    name = _HASH_ORDERED.get(locale)
    if name is None:
        return
    for provider in generator.providers:
        if isinstance(getattr(provider, name, None), list):
            setattr(
                provider, name, sorted(getattr(provider, name))
            )  # on the instance: the class is left alone


def locale_document(locale: str) -> dict[str, Any]:
    """Everything `locale_data(locale)` reads, derived from the installed Faker."""
    from faker import Faker

    fake = Faker(locale)
    fake.seed_instance(_SEED)
    generator = fake.factories[0]
    _sort_hash_ordered(generator, locale)
    conventions = validated_profile(locale).writing
    names = _names(generator, locale)
    jobs = _provider_attr(generator, "jobs") or _provider_attr(Faker("en_US").factories[0], "jobs")
    legal_forms = _provider_attr(generator, conventions.legal_forms_source) or ("Inc",)
    suffixes = [*dict.fromkeys(str(s) for s in (*legal_forms, *conventions.extra_legal_forms))]
    street_word = getattr(fake, conventions.street_source)
    streets = [street_word() for _ in range(_STREET_POOL)]
    phone_formats = _phone_formats(fake, locale)
    companies = sorted({fake.company() for _ in range(_COMPANY_POOL)})
    return {
        **names,
        "streets": streets,
        "phone_formats": phone_formats,
        "jobs": sorted({str(j) for j in jobs}),
        "companies": company_forms(companies, suffixes, _company_words(generator, locale)),
        "company_suffixes": suffixes,
    }


def _company_words(generator: Any, locale: str) -> Callable[[str], list[str]]:
    """How a trading name becomes ASCII words: the locale's spelling, or (non-Latin script) its romanization."""
    conventions = validated_profile(locale).writing
    if not conventions.romanized_terms:
        return partial(ascii_words, locale=locale)
    fixes = dict(conventions.romanization_fixes)
    pairs = _provider_attr(generator, "last_name_pairs")
    surnames = {kanji: fixes.get(kana, roman) for kanji, kana, roman in pairs}
    return partial(romanized_words, dictionary={**surnames, **dict(conventions.romanized_terms)})


def lorem_document() -> dict[str, Any]:
    """Faker's Latin lorem vocabulary, sorted and deduplicated (the same for every locale)."""
    from faker.providers.lorem.la import Provider

    return {"words": sorted(set(Provider.word_list))}


def documents() -> dict[str, dict[str, Any]]:
    """Every data file's content by file stem."""
    return {**{locale: locale_document(locale) for locale in LOCALES}, "lorem": lorem_document()}


def main() -> None:
    """Rewrite every data file from the installed Faker."""
    Path(VOCABULARY_DIR).mkdir(exist_ok=True)
    for stem, document in documents().items():
        path: Path = vocabulary_path(stem)
        path.write_bytes(encode_document(document))
        print(f"{path.name}: {path.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
