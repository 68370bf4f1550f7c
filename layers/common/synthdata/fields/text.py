"""Text: lorem ipsum words, sentences and paragraphs from Faker's Latin vocabulary."""

from __future__ import annotations

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
    family: ClassVar[str] = "text"


class Word(TextField):
    field_type: Literal["word"] = "word"
    description = "One word"
    example = "lorem"

    def column(self, row: Row, rng: np.random.Generator, earlier: EarlierColumns) -> Column:
        return Column("str", _words(row, rng, 1, capital=False), ascii_safe=True)


class Sentence(TextField):
    field_type: Literal["sentence"] = "sentence"
    description = "A sentence"
    example = "Voluptas sit amet dolor."

    words: StrictInt = Field(8, ge=1, le=50, description="Words per sentence")

    def column(self, row: Row, rng: np.random.Generator, earlier: EarlierColumns) -> Column:
        return Column("str", _sentences(row, rng, 1, self.words), ascii_safe=True)


class Paragraph(TextField):
    field_type: Literal["paragraph"] = "paragraph"
    description = "A paragraph"
    example = "Voluptas sit amet dolor. ..."

    sentences: StrictInt = Field(4, ge=1, le=20, description="Sentences per paragraph")

    def column(self, row: Row, rng: np.random.Generator, earlier: EarlierColumns) -> Column:
        text = _sentences(row, rng, self.sentences, _WORDS_PER_PARAGRAPH_SENTENCE)
        return Column("str", text, ascii_safe=True)


class Lorem(TextField):
    field_type: Literal["lorem"] = "lorem"
    description = "Lorem ipsum words"
    example = "lorem ipsum dolor sit"

    words: StrictInt = Field(12, ge=1, le=200, description="Number of words")

    def column(self, row: Row, rng: np.random.Generator, earlier: EarlierColumns) -> Column:
        return Column("str", _words(row, rng, self.words, capital=False), ascii_safe=True)


def _words(row: Row, rng: np.random.Generator, count: int, capital: bool) -> ObjArray:
    """`count` words per row joined by spaces, drawn as one (rows, count) matrix; loops over words, not rows."""
    vocabulary = lorem_words()
    picks = vocabulary[rng.integers(0, len(vocabulary), (row.context.size, count))]
    if capital:
        picks[:, 0] = np.char.capitalize(picks[:, 0].astype(str)).astype(object)
    result = picks[:, 0]
    for index in range(1, count):
        result = result + " " + picks[:, index]
    return result


def _sentences(row: Row, rng: np.random.Generator, count: int, words: int) -> ObjArray:
    result: ObjArray | None = None
    for _ in range(count):
        sentence = _words(row, rng, words, capital=True) + "."
        result = sentence if result is None else result + " " + sentence
    assert result is not None
    return result


TEXT: list[type[FieldModel]] = [Word, Sentence, Paragraph, Lorem]
