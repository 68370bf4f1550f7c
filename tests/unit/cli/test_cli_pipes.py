"""`synthdata generate ... | head`: the reader leaves early, the CLI stops quietly."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_reader_that_leaves_early_ends_the_run_quietly(tmp_path: Path, jobs: str) -> None:
    """As with `| head -c 4096`: status 1 and nothing on stderr (no BrokenPipeError traceback), and with a pool
    no process or temporary piece left behind."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path), "TMPDIR": str(tmp_path)}
    argv = [sys.executable, "-m", "synthdata.cli", "generate", "user", "-n", "300000", "-j", jobs]
    with subprocess.Popen(argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as process:
        assert process.stdout is not None and process.stderr is not None
        assert process.stdout.read(4096).startswith(b"id,first_name")
        process.stdout.close()  # the reader goes away while the CLI still has most of the file to write
        errors = process.stderr.read()
        status = process.wait(timeout=60)
    assert status == 1
    assert errors == b""
    assert list(tmp_path.iterdir()) == []
