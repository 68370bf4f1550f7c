"""The shipped vocabulary files are what `build_vocabularies` derives from the installed Faker.

All eight locales and `lorem` are rebuilt in memory (about 2 s here); if Faker changes its data, this fails
until `python -m synthdata.engine.build_vocabularies` is run and the files are committed.
"""

from __future__ import annotations

import gzip
import json
import os
import subprocess
import sys

import pytest

from synthdata.engine import build_vocabularies
from synthdata.engine.locale_data import LOCALES
from synthdata.engine.vocabulary_files import encode_document, read_document, vocabulary_path


@pytest.mark.parametrize("stem", [*LOCALES, "lorem"])
def test_shipped_file_matches_what_faker_derives(stem: str) -> None:
    document = (
        build_vocabularies.lorem_document() if stem == "lorem" else build_vocabularies.locale_document(stem)
    )
    shipped = gzip.decompress(vocabulary_path(stem).read_bytes())
    assert shipped == gzip.decompress(encode_document(document)), (
        f"run python -m {build_vocabularies.__name__}"
    )


def test_encoding_is_byte_for_byte_repeatable() -> None:
    document = read_document("de_DE")
    assert encode_document(document) == encode_document(json.loads(json.dumps(document)))


def test_vocabularies_do_not_depend_on_the_hash_seed() -> None:
    # Faker builds it_IT's city list from a set; the build sorts it, so every process derives the same pool.
    code = "from synthdata.engine.build_vocabularies import locale_document as d; print(d('it_IT'))"
    runs = {
        subprocess.run(
            [sys.executable, "-c", code],
            env={**_env(), "PYTHONHASHSEED": seed},
            capture_output=True,
            check=True,
        ).stdout
        for seed in ("1", "2")
    }
    assert len(runs) == 1


def test_the_engine_reads_vocabularies_without_importing_faker() -> None:
    code = (
        "import sys; from synthdata.engine import render_rows, get_dataset; "
        "render_rows(get_dataset('company'), seed=1, locale='ja_JP', fmt='csv', compression=None, "
        "start=0, stop=10, total=10); print(any(m.split('.')[0] == 'faker' for m in sys.modules))"
    )
    out = subprocess.run([sys.executable, "-c", code], env=_env(), capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "False"


def _env() -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
