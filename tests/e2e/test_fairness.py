"""Matrix 6, on the local stack: key A floods until its limits answer 429, and key B's small job still completes
promptly while A's backlog runs (single-shard jobs have their own lane, as on Lambda)."""

from __future__ import annotations

import time
from collections.abc import Iterator
from typing import Any

import pytest
import requests

from local.process import running_stack
from tests.conftest import Figure
from tests.e2e.conftest import DEV_KEY, SECOND_KEY, Stack, wait_for_job

BIG: dict[str, Any] = {"data_type": "user", "record_count": 300_000, "output_format": "csv"}
SMALL: dict[str, Any] = {"data_type": "user", "record_count": 1000, "output_format": "csv"}
BOUND_SECONDS = 30


@pytest.fixture(scope="module")
def limited_stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[Stack]:
    """A stack with the template's default per-key limits (MaxActiveJobsPerKey 5)."""
    log = tmp_path_factory.mktemp("limited") / "stack.log"
    with running_stack(log, {"LOCAL_API_KEYS": SECOND_KEY, "LOCAL_VISIBILITY_TIMEOUT": "5"}) as running:
        yield Stack(running.url, DEV_KEY, SECOND_KEY)


def _active(stack: Stack, key: str) -> int:
    listing = requests.get(f"{stack.url}/api/jobs", headers=stack.headers(key), timeout=10).json()
    return sum(job["status"] in ("pending", "processing") for job in listing["items"])


def test_a_flooding_key_gets_429_and_another_keys_small_job_still_finishes(
    limited_stack: Stack, figure: Figure
) -> None:
    stack, flood = limited_stack, []
    refused = None
    for _ in range(10):
        answer = requests.post(
            f"{stack.url}/api/generate", headers=stack.headers(DEV_KEY), json=BIG, timeout=60
        )
        if answer.status_code == 429:
            refused = answer
            break
        assert answer.status_code == 202, answer.text
        flood.append(answer.json()["job_id"])
    assert refused is not None and len(flood) == 5
    assert refused.headers["Retry-After"] and "MaxActiveJobsPerKey" in refused.json()["error"]["message"]

    started = time.monotonic()
    small = requests.post(
        f"{stack.url}/api/generate", headers=stack.headers(SECOND_KEY), json=SMALL, timeout=60
    )
    assert small.status_code == 202, small.text
    done = wait_for_job(stack, small.json()["job_id"], timeout=120, key=SECOND_KEY)
    seconds = time.monotonic() - started
    still_running = _active(stack, DEV_KEY)
    assert done["status"] == "completed" and seconds < BOUND_SECONDS and still_running >= 1
    # For comparison: a multi-shard job of B takes the bulk lane, behind A's backlog.
    started = time.monotonic()
    bulk = requests.post(
        f"{stack.url}/api/generate",
        headers=stack.headers(SECOND_KEY),
        json={**SMALL, "record_count": 140_000},
    )
    assert wait_for_job(stack, bulk.json()["job_id"], timeout=300, key=SECOND_KEY)["status"] == "completed"
    bulk_seconds = time.monotonic() - started
    for job_id in flood:  # no need to wait for the backlog: it has made its point
        requests.delete(f"{stack.url}/api/jobs/{job_id}", headers=stack.headers(DEV_KEY), timeout=30)
    figure(
        "6 per-key flood",
        f"key A: {len(flood)} x 300,000-row jobs accepted, the next 429 (MaxActiveJobsPerKey, Retry-After "
        f"{refused.headers['Retry-After']} s); key B's 1,000-row job completed in {seconds:.1f} s "
        f"(bound {BOUND_SECONDS} s) while {still_running} of A's jobs were still running; "
        f"B's 140,000-row job in the bulk lane behind A's backlog took {bulk_seconds:.1f} s",
    )
