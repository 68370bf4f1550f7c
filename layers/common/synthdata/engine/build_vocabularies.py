"""Build time: derive every locale's vocabularies from Faker and write them as the package's data files.

`python -m synthdata.engine.build_vocabularies` rewrites `engine/vocabularies/<locale>.json.gz` and
`lorem.json.gz` (places are not Faker's: `build_places` derives them from gazetteers). The output is the same bytes on every run: Faker is seeded, keys are sorted, gzip's mtime is
0. Only this module imports Faker; at run time `locale_data` reads the files (see `vocabulary_files`).
"""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from synthdata.engine.locales import LOCALES, locale_profile
from synthdata.engine.vocabulary_files import VOCABULARY_DIR, encode_document, vocabulary_path

# Faker lists built from a set, so their order (and the draws from them) follow PYTHONHASHSEED: sorted first.
_HASH_ORDERED = {"it_IT": "cities"}
_SEED = 20261101  # a fixed seed: the pools, and so every file, are the same everywhere
_STREET_POOL = 1500
_COMPANY_POOL = 3000
_LABEL_LENGTH = 24
_NON_ALPHA = re.compile(r"[^a-z]")


def ascii_slug(text: str) -> str:
    """Lowercase a-z only (transliterated first), for emails, usernames and domain labels."""
    from faker.decode import unidecode

    slug = _NON_ALPHA.sub("", unidecode(text).lower())
    return slug or "user"


def _weighted(names: Any, romanized: dict[str, str] | None = None) -> dict[str, Any]:
    """Words, their ASCII forms and Faker's weights (None: all alike)."""
    if isinstance(names, dict):
        words = [str(k) for k in names]
        weights: list[float] | None = [float(v) for v in names.values()]
    else:
        words = [str(n) for n in dict.fromkeys(names)]
        weights = None
    ascii_words = [ascii_slug(romanized.get(w, w) if romanized else w) for w in words]
    return {"words": words, "ascii": ascii_words, "weights": weights}


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
        romanized = {p[0]: p[2] for p in (*male, *female, *last)}
        last_weights = {p[0]: w for p, w in last.items()}
        return {
            "first_male": _weighted([p[0] for p in male], romanized),
            "first_female": _weighted([p[0] for p in female], romanized),
            "last": _weighted(last_weights, romanized),
        }
    return {
        "first_male": _weighted(_provider_attr(generator, "first_names_male")),
        "first_female": _weighted(_provider_attr(generator, "first_names_female")),
        "last": _weighted(_provider_attr(generator, "last_names")),
    }


def _phone_formats(fake: Any, locale: str) -> list[str]:
    """The locale's phone formats in national form."""
    formats = (
        locale_profile(locale).fictional_phone_formats
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
    profile = locale_profile(locale)
    code, trunk = profile.dialling_code, profile.trunk_prefix
    if not phone_format.startswith(code):
        return phone_format
    rest = phone_format.removeprefix(code).lstrip(" -")
    return trunk + rest.removeprefix("(0)").lstrip(" ")


def _company_forms(companies: list[str], suffixes: list[str]) -> dict[str, list[str]]:
    """Legal names, trading names (without the legal suffix) and ASCII domain labels, index for index."""
    # Longest first, so "GmbH & Co. KG" is removed whole rather than as "KG".
    longest_first = sorted(suffixes, key=len, reverse=True)
    trading = []
    for name in companies:
        base = name
        for suffix in longest_first:
            if base.endswith(" " + suffix):
                base = base[: -len(suffix) - 1].rstrip(" ,")
                break
        trading.append(base)
    labels = [ascii_slug(t)[:_LABEL_LENGTH] or "company" for t in trading]
    return {"legal": companies, "trading": trading, "domain_labels": labels}


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
    names = _names(generator, locale)
    jobs = _provider_attr(generator, "jobs") or _provider_attr(Faker("en_US").factories[0], "jobs")
    suffixes = [*dict.fromkeys(str(s) for s in _provider_attr(generator, "company_suffixes") or ("Inc",))]
    streets = [fake.street_name() for _ in range(_STREET_POOL)]
    phone_formats = _phone_formats(fake, locale)
    companies = sorted({fake.company() for _ in range(_COMPANY_POOL)})
    return {
        **names,
        "streets": streets,
        "phone_formats": phone_formats,
        "jobs": sorted({str(j) for j in jobs}),
        "companies": _company_forms(companies, suffixes),
        "company_suffixes": suffixes,
    }


def lorem_document() -> dict[str, Any]:
    """Faker's Latin lorem vocabulary, sorted and deduplicated (the same for every locale)."""
    from faker.providers.lorem.la import Provider

    return {"words": sorted(set(Provider.word_list))}


def documents() -> dict[str, dict[str, Any]]:
    """Every data file's content by file stem."""
    return {**{locale: locale_document(locale) for locale in LOCALES}, "lorem": lorem_document()}


def main() -> None:
    """Rewrite every data file from the installed Faker."""
    VOCABULARY_DIR.mkdir(exist_ok=True)
    for stem, document in documents().items():
        path: Path = vocabulary_path(stem)
        path.write_bytes(encode_document(document))
        print(f"{path.name}: {path.stat().st_size:,} bytes")


if __name__ == "__main__":
    main()
