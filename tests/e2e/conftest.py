"""Start `python -m local.stack` as a subprocess on free ports, once per test session."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest
import requests

from local.stack import free_port

ROOT = Path(__file__).resolve().parents[2]
DEV_KEY = "dev-api-key-123456"
SECOND_KEY = "second-local-key-123456"


@dataclass(frozen=True)
class Stack:
    url: str
    key: str
    other_key: str

    def headers(self, key: str | None = None) -> dict[str, str]:
        return {"X-API-Key": key or self.key, "Content-Type": "application/json"}


@pytest.fixture(scope="session")
def stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    port = free_port()
    log = tmp_path_factory.mktemp("stack") / "stack.log"
    env = dict(
        os.environ,
        PORT=str(port),
        LOCAL_API_KEYS=SECOND_KEY,
        LOCAL_VISIBILITY_TIMEOUT="5",
        LOCAL_SWEEP_SECONDS="5",
    )
    env.pop("AWS_ENDPOINT_URL", None)
    with log.open("wb") as out:
        process = subprocess.Popen(
            [sys.executable, "-m", "local.stack"], cwd=ROOT, env=env, stdout=out, stderr=subprocess.STDOUT
        )
        url = f"http://127.0.0.1:{port}"
        try:
            deadline = time.monotonic() + 90
            while True:
                try:
                    if requests.get(f"{url}/health", timeout=2).status_code == 200:
                        break
                except requests.ConnectionError:
                    pass
                if process.poll() is not None or time.monotonic() > deadline:
                    raise RuntimeError(f"the local stack did not start:\n{log.read_text()[-4000:]}")
                time.sleep(0.5)
            yield Stack(url, DEV_KEY, SECOND_KEY)
        finally:
            process.send_signal(signal.SIGINT)
            try:
                process.wait(timeout=30)
            except subprocess.TimeoutExpired:
                process.kill()
                process.wait()


def wait_for_job(
    stack: Stack, job_id: str, timeout: float = 180, key: str | None = None
) -> dict[str, object]:
    """Poll the job until it reaches a final state; progress must never go backwards."""
    deadline = time.monotonic() + timeout
    last_progress = -1
    while time.monotonic() < deadline:
        job = requests.get(f"{stack.url}/api/jobs/{job_id}", headers=stack.headers(key), timeout=10).json()
        progress = int(job["progress"])
        assert progress >= last_progress, "progress went backwards"
        last_progress = progress
        if job["status"] in ("completed", "failed", "cancelled"):
            return dict(job)
        time.sleep(0.5)
    raise AssertionError(f"job {job_id} did not finish within {timeout} s")
