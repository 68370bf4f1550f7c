"""The vocabularies' data files: one JSON document per locale (plus `lorem`), shipped in the package.

A document is plain columns (lists of strings, lists of weights) with sorted keys and compact separators, so
encoding the same content always gives the same bytes. `build_vocabularies` writes them. Not gzipped: unpacking
them and importing ISA-L cost every process ~3 ms (en_US; ~4.5 ms ja_JP), for ~4.8 MB more in the package.
"""

from __future__ import annotations

import json
import os
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from pathlib import Path


# The data files are named with os.path here, for every run-time reader: importing pathlib (urllib.parse,
# ipaddress) costs each CLI run ~3 ms. The build scripts and tests keep pathlib (vocabulary_path).
def folder_beside(module_file: str, name: str) -> str:
    """The folder `name` in the directory of a module file."""
    return os.path.join(os.path.dirname(os.path.realpath(module_file)), name)


def file_in(folder: str, name: str) -> str:
    return os.path.join(folder, name)


def stems_in(folder: str, suffix: str) -> list[str]:
    """The names without `suffix` of the files of a folder that end in it."""
    return [name.removesuffix(suffix) for name in os.listdir(folder) if name.endswith(suffix)]


def read_bytes(name: str | os.PathLike[str]) -> bytes:
    """The bytes of a file."""
    with open(name, "rb") as file:
        return file.read()


VOCABULARY_DIR = folder_beside(__file__, "vocabularies")


def vocabulary_path(stem: str) -> Path:
    """The data file of a locale (or of `lorem`), for the build scripts and tests."""
    from pathlib import Path

    return Path(_file_name(stem))


def _file_name(stem: str) -> str:
    return file_in(VOCABULARY_DIR, f"{stem}.json")


def encode_document(document: dict[str, Any]) -> bytes:
    """A document as the file's bytes (deterministic)."""
    return json.dumps(document, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode()


def read_document(stem: str) -> dict[str, Any]:
    """The document a data file holds."""
    loaded: dict[str, Any] = json.loads(read_bytes(_file_name(stem)))
    return loaded
