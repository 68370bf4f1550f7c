"""Build time: a company's trading name (its legal form removed) and the ASCII label of its web domain.

Labels are the trading name's words in the locale's ASCII spelling joined by hyphens ("hornich-jaekel"), cut
at a word boundary; never a legal-form word (GmbH, S.A., 合同会社). Names in a non-Latin script are romanized
word by word from a dictionary (ja_JP: Faker's romanized surnames and the format's `romanized_terms`), never
read by a transliterator that guesses the language (Unidecode reads kanji as Chinese pinyin).
"""

from __future__ import annotations

from collections.abc import Callable, Mapping

LABEL_LENGTH = 24
_JOINING_WORD_LENGTH = 3  # "and", "und", "et", "e", "y": never the last word of a cut label


def strip_legal_form(name: str, legal_forms: list[str]) -> str:
    """The name without a legal form before or after it ("Jäkel GmbH & Co. KG", "合同会社藤田水産")."""
    # Longest first, so "GmbH & Co. KG" is removed whole rather than as "KG".
    for form in sorted(legal_forms, key=len, reverse=True):
        # A Latin-script form stands apart as a word; a Japanese one is written onto the name.
        joint = (form,) if not form.isascii() else ()
        for suffix in (" " + form, *joint):
            if name.endswith(suffix) and len(name) > len(suffix):
                return name[: -len(suffix)].rstrip(" ,")
        for prefix in (form + " ", *joint):
            if name.startswith(prefix) and len(name) > len(prefix):
                return name[len(prefix) :]
    return name


def romanized_words(name: str, dictionary: Mapping[str, str]) -> list[str]:
    """A name in a non-Latin script as the romanized words it is made of (longest dictionary match first)."""
    words, position = [], 0
    keys = sorted(dictionary, key=len, reverse=True)
    while position < len(name):
        match = next((key for key in keys if name.startswith(key, position)), None)
        if match is None:
            raise ValueError(
                f"no romanization for {name[position:]!r} in {name!r}: add it to the romanized_terms of the profile"
            )
        words.append(dictionary[match].lower())
        position += len(match)
    return words


def domain_label(words: list[str]) -> str:
    """Hyphen-joined words, as many whole words as fit in LABEL_LENGTH (a long first word is cut); a cut
    label does not end on a short joining word ("and", "e", "y")."""
    if not words:
        return "company"
    kept = [words[0][:LABEL_LENGTH]]
    for word in words[1:]:
        if len("-".join([*kept, word])) > LABEL_LENGTH:
            while len(kept) > 1 and len(kept[-1]) <= _JOINING_WORD_LENGTH:
                kept.pop()
            break
        kept.append(word)
    return "-".join(kept)


def company_forms(
    companies: list[str],
    legal_forms: list[str],
    to_words: Callable[[str], list[str]],
) -> dict[str, list[str]]:
    """Legal names, trading names and domain labels, index for index; `to_words` gives a name's ASCII words."""
    trading = [strip_legal_form(name, legal_forms) for name in companies]
    labels = [domain_label(to_words(name)) for name in trading]
    return {"legal": companies, "trading": trading, "domain_labels": labels}
