"""Ctrl-C on `make dev` stops the whole local stack quickly and quietly, even while workers are busy."""

from __future__ import annotations

import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest
import requests

from local.stack import free_port
from local.template import ROOT
from tests.conftest import Figure

KEY = "dev-api-key-123456"


def _wait_for(condition: Callable[[], object], timeout: float) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        try:
            if condition():
                return
        except requests.ConnectionError:
            pass
        time.sleep(0.2)
    raise AssertionError("timed out")


@pytest.mark.e2e
def test_ctrl_c_stops_the_stack_without_waiting_for_jobs_with_one_line(
    tmp_path: Path, figure: Figure
) -> None:
    port, moto_port = free_port(), free_port()
    env = dict(os.environ, PORT=str(port), MOTO_PORT=str(moto_port))
    env.pop("AWS_ENDPOINT_URL", None)
    log = tmp_path / "stack.log"
    url = f"http://127.0.0.1:{port}"
    with log.open("wb") as out:
        # Its own session, like a shell's foreground job: Ctrl-C is then a SIGINT to this whole process group.
        stack = subprocess.Popen(
            [sys.executable, "-m", "local.stack"],
            cwd=ROOT,
            env=env,
            stdout=out,
            stderr=subprocess.STDOUT,
            start_new_session=True,
        )
    try:
        _wait_for(lambda: requests.get(f"{url}/health", timeout=2).ok, 90)
        job = requests.post(
            f"{url}/api/generate",
            headers={"X-API-Key": KEY},
            json={"data_type": "user", "record_count": 1_000_000, "output_format": "json"},
            timeout=30,
        ).json()
        _wait_for(
            lambda: requests.get(
                f"{url}/api/jobs/{job['job_id']}", headers={"X-API-Key": KEY}, timeout=5
            ).json()["status"]
            == "processing",
            60,
        )
        before = len(log.read_bytes())
        pressed = time.monotonic()
        os.killpg(stack.pid, signal.SIGINT)
        stack.wait(timeout=30)
        took = time.monotonic() - pressed
    finally:
        if stack.poll() is None:
            os.killpg(stack.pid, signal.SIGKILL)
    said = log.read_bytes()[before:].decode(errors="replace").strip().splitlines()
    note = f"Ctrl-C while a 1,000,000-row job ran: stopped in {took:.2f} s, {len(said)} line(s)"
    figure("local stack stop", note)
    # Not a speed test (that figure is printed above; about 1 s on an idle machine): the bound only proves Ctrl-C
    # does not wait for the busy workers, whose 1,000,000-row job needs far longer than this on a loaded runner.
    assert took < 10, (took, said)
    assert len(said) == 1 and said[0].startswith("synthdata stopped"), said
    with socket.socket() as probe:  # the moto server (its own session) went too
        assert probe.connect_ex(("127.0.0.1", moto_port)) != 0
