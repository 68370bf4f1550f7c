"""Running code in a fresh interpreter: what a CLI run or a cold start imports and builds, unaffected by the tests."""

from __future__ import annotations

import os
import subprocess
import sys


def fresh_python(code: str) -> str:
    """The stripped standard output of `python -c code` in a new process with the tests' import path."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    return out.stdout.strip()
