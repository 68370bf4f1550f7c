"""Column builders equal the per-value standard-library meaning of what they build."""

from __future__ import annotations

import uuid

import numpy as np
import pytest

from synthdata.engine.builders import uuid4_column


@pytest.mark.parametrize("n", [0, 1, 5000])
def test_uuid4_column_is_the_random_bytes_as_version_4_uuids(n: int) -> None:
    raw = np.random.default_rng(3).bytes(16 * n)
    expected = [str(uuid.UUID(bytes=raw[i : i + 16], version=4)) for i in range(0, 16 * n, 16)]
    assert uuid4_column(np.random.default_rng(3), n) == expected
