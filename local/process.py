"""Run the local stack as a subprocess on free ports (for the end-to-end tests and the benchmarks)."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import requests

from local.stack import free_port
from local.template import ROOT


@dataclass(frozen=True)
class StackProcess:
    url: str
    log: Path


@contextmanager
def running_stack(
    log: Path, extra_env: dict[str, str] | None = None, timeout: float = 90
) -> Iterator[StackProcess]:
    """Start `python -m local.stack`, wait for /health, yield its URL, stop it with Ctrl-C on exit."""
    port = free_port()
    env = dict(os.environ, PORT=str(port), **(extra_env or {}))
    env.pop("AWS_ENDPOINT_URL", None)
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "local.stack"], cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT
        )
        url = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + timeout
            while True:
                try:
                    if requests.get(f"{url}/health", timeout=2).status_code == 200:
                        break
                except requests.ConnectionError:
                    pass
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"the local stack did not start:\n{log.read_text()[-4000:]}")
                time.sleep(0.5)
            yield StackProcess(url, log)
        finally:
            process.send_signal(signal.SIGINT)
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()
