"""The built-in datasets are listed at once and each one's code is imported on its first lookup."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from synthdata.engine import get_dataset
from synthdata.engine.datasets import BUILT_IN


def test_names_lookups_and_unknown_names() -> None:
    assert sorted(BUILT_IN) == ["company", "ecommerce", "user"] and len(BUILT_IN) == 3
    assert get_dataset("user") is get_dataset("user") is BUILT_IN["user"]
    assert [d.name for d in BUILT_IN.values()] == list(BUILT_IN)
    with pytest.raises(KeyError):
        get_dataset("users")


def test_a_lookup_imports_only_that_dataset() -> None:
    code = (
        "import sys; from synthdata.engine import get_dataset; get_dataset('user'); "
        "print(sorted(m.rsplit('.', 1)[1] for m in sys.modules if m.startswith('synthdata.engine.datasets.')))"
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert out.stdout.split() == ["['user']"]
