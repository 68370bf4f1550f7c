"""Start `python -m local.stack` as a subprocess on free ports, once per test session."""

from __future__ import annotations

import time
from collections.abc import Iterator
from dataclasses import dataclass

import pytest
import requests

from local.process import running_stack

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
    log = tmp_path_factory.mktemp("stack") / "stack.log"
    env = {
        "LOCAL_API_KEYS": SECOND_KEY,
        "LOCAL_VISIBILITY_TIMEOUT": "5",
        "LOCAL_SWEEP_SECONDS": "5",
        # The workflow and the schemathesis run share this stack and its keys: the per-key limits have a stack
        # of their own (test_fairness.py), so raise them here.
        "LOCAL_PARAMETER_MaxActiveJobsPerKey": "1000",
        "LOCAL_PARAMETER_DailyRecordBudgetPerKey": "1000000000",
    }
    with running_stack(log, env) as running:
        yield Stack(running.url, DEV_KEY, SECOND_KEY)


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
