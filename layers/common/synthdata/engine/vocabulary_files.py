"""The vocabularies' data files: one gzipped JSON document per locale (plus `lorem`), shipped in the package.

A document is plain columns (lists of strings, lists of weights) with sorted keys, compact separators and a
gzip mtime of 0, so encoding the same content always gives the same bytes. `build_vocabularies` writes them.
"""

from __future__ import annotations

import gzip
import json
from pathlib import Path
from typing import Any

from synthdata.engine.compression import gunzip

VOCABULARY_DIR = Path(__file__).resolve().parent / "vocabularies"


def vocabulary_path(stem: str) -> Path:
    """The data file of a locale (or of `lorem`)."""
    return VOCABULARY_DIR / f"{stem}.json.gz"


def encode_document(document: dict[str, Any]) -> bytes:
    """A document as the file's bytes (deterministic)."""
    text = json.dumps(document, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    return gzip.compress(text.encode(), compresslevel=9, mtime=0)


def read_document(stem: str) -> dict[str, Any]:
    """The document a data file holds."""
    loaded: dict[str, Any] = json.loads(gunzip(vocabulary_path(stem).read_bytes()))
    return loaded
