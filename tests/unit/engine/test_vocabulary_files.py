"""The shipped vocabulary files are what `build_vocabularies` derives from the installed Faker.

All eight locales and `lorem` are rebuilt in memory (about 2 s here); if Faker changes its data, this fails
until `python -m synthdata.engine.build_vocabularies` is run and the files are committed.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from synthdata.engine import build_vocabularies, vocabulary_files
from synthdata.engine.locale_data import LOCALES
from synthdata.engine.vocabulary_files import (
    VOCABULARY_DIR,
    encode_document,
    file_in,
    folder_beside,
    read_bytes,
    read_document,
    stems_in,
    vocabulary_path,
)


@pytest.mark.parametrize("stem", [*LOCALES, "lorem"])
def test_shipped_file_matches_what_faker_derives(stem: str) -> None:
    document = (
        build_vocabularies.lorem_document() if stem == "lorem" else build_vocabularies.locale_document(stem)
    )
    assert vocabulary_path(stem).read_bytes() == encode_document(document), (
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


def test_run_time_file_names_are_the_files_pathlib_names(tmp_path: Path) -> None:
    # Run time names the data files with os.path (no pathlib import); the names are the same files.
    assert Path(VOCABULARY_DIR) == Path(vocabulary_files.__file__).resolve().parent / "vocabularies"
    assert Path(file_in(VOCABULARY_DIR, "lorem.json")) == vocabulary_path("lorem")
    (tmp_path / "a.json").write_bytes(b"{}")
    (tmp_path / "b.json.gz").write_bytes(b"x")
    (tmp_path / "c.txt").write_bytes(b"")
    assert sorted(stems_in(str(tmp_path), ".json")) == ["a"]
    assert read_bytes(file_in(str(tmp_path), "b.json.gz")) == b"x"
    assert read_bytes(tmp_path / "a.json") == b"{}"
    assert folder_beside(str(tmp_path / "a.json"), "sub") == str(tmp_path.resolve() / "sub")
