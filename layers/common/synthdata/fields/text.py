"""Text: lorem ipsum words, sentences and paragraphs from Faker's Latin vocabulary."""

from __future__ import annotations

from collections.abc import Mapping
from functools import lru_cache
from typing import ClassVar, Literal

import numpy as np
import numpy.typing as npt
from pydantic import Field, StrictInt

from synthdata.engine.columns import Column
from synthdata.engine.locale_data import lorem_words
from synthdata.fields.base import EarlierColumns, FieldModel
from synthdata.fields.row import Row

ObjArray = npt.NDArray[np.object_]
_WORDS_PER_PARAGRAPH_SENTENCE = 8


class TextField(FieldModel):
    """What the text types share: `sentences` x `words` lorem words per value, one column generator."""

    family: ClassVar[str] = "text"
    sentence_case: ClassVar[bool] = False  # capital first word, full stop after each sentence

    def shape(self) -> tuple[int, int]:
        """(sentences, words per sentence) of each value."""
        return 1, 1

    def width(self, earlier: Mapping[str, int]) -> int:
        sentences, words = self.shape()
        return sentences * (words * (_longest_word() + 1) + 1)

    def column(self, row: Row, rng: np.random.Generator, earlier: EarlierColumns) -> Column:
        sentences, words = self.shape()
        return _text(row, rng, sentences, words, sentence_case=self.sentence_case)


class Word(TextField):
    field_type: Literal["word"] = "word"
    description = "One word"
    example = "lorem"


class Sentence(TextField):
    field_type: Literal["sentence"] = "sentence"
    description = "A sentence"
    example = "Voluptas sit amet dolor."
    work = 3
    sentence_case = True

    words: StrictInt = Field(8, ge=1, le=50, description="Words per sentence")

    def shape(self) -> tuple[int, int]:
        return 1, self.words


class Paragraph(TextField):
    field_type: Literal["paragraph"] = "paragraph"
    description = "A paragraph"
    example = "Voluptas sit amet dolor. ..."
    work = 3
    sentence_case = True

    sentences: StrictInt = Field(4, ge=1, le=20, description="Sentences per paragraph")

    def shape(self) -> tuple[int, int]:
        return self.sentences, _WORDS_PER_PARAGRAPH_SENTENCE


class Lorem(TextField):
    field_type: Literal["lorem"] = "lorem"
    description = "Lorem ipsum words"
    example = "lorem ipsum dolor sit"
    work = 3

    words: StrictInt = Field(12, ge=1, le=200, description="Number of words")

    def shape(self) -> tuple[int, int]:
        return 1, self.words


def _text(row: Row, rng: np.random.Generator, sentences: int, words: int, *, sentence_case: bool) -> Column:
    """`sentences` x `words` words per row from one (rows, sentences x words) draw, so row r is the same however
    many rows are drawn; each row joined once, in C, so the cost grows with the text, not with its square."""
    vocabulary = lorem_words()
    codes = rng.integers(0, len(vocabulary), (row.context.size, sentences * words))
    if sentences * words == 1 and not sentence_case:
        return Column.categorical(vocabulary, codes[:, 0], ascii_safe=True)
    tokens = vocabulary[codes]
    if sentence_case:
        tokens[:, ::words] = _capitalized_words()[codes[:, ::words]]
        tokens[:, words - 1 :: words] += "."
    return Column("str", list(map(" ".join, tokens.tolist())), ascii_safe=True)


@lru_cache(maxsize=1)
def _longest_word() -> int:
    """Bytes of the longest lorem word."""
    return max(len(word.encode()) for word in lorem_words())


@lru_cache(maxsize=1)
def _capitalized_words() -> ObjArray:
    """The lorem vocabulary, each word capitalized (sentence starts)."""
    return np.asarray([word.capitalize() for word in lorem_words()], dtype=object)


TEXT: list[type[FieldModel]] = [Word, Sentence, Paragraph, Lorem]
