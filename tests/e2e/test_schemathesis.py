"""`schemathesis run --checks all` with the stateful phase, against the OpenAPI document the local stack serves.

Every check schemathesis has, on every operation, in all four phases (examples, coverage, fuzzing, stateful,
whose links the document declares and schemathesis also infers from Location headers). Configuration:
tests/e2e/schemathesis.toml excludes `ignored_auth` for GET /health only (it is meant to answer without a key)
and `unsupported_method` (API Gateway itself answers an unlisted method with 403), and the coverage phase for
creating and replacing a template (its nested field types make thousands of boundary cases; the reason is there);
tests/e2e/schemathesis_hooks.py
keeps the template rules JSON Schema cannot state in the templates it draws. Job sizes are capped with
LOCAL_PARAMETER_MaxRecords, and the per-key limits and throttle raised, so accepted jobs stay small and the run
tests the API rather than the usage plan.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest

from local.process import StackProcess, running_stack
from local.template import ROOT
from tests.conftest import Figure

SECOND_KEY = "second-local-key-123456"
HERE = Path(__file__).parent


@pytest.fixture(scope="module")
def fuzz_stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[StackProcess]:
    log: Path = tmp_path_factory.mktemp("fuzz") / "stack.log"
    env = {
        "LOCAL_PARAMETER_MaxRecords": "5000",
        "LOCAL_PARAMETER_MaxActiveJobsPerKey": "100000",
        "LOCAL_PARAMETER_DailyRecordBudgetPerKey": "1000000000",
        "LOCAL_PARAMETER_ThrottleRateLimit": "10000",
        "LOCAL_PARAMETER_ThrottleBurstLimit": "10000",
        "LOCAL_SWEEP_SECONDS": "30",
        "LOCAL_API_KEYS": SECOND_KEY,  # the peer of schemathesis-keys.json
    }
    with running_stack(log, env) as stack:
        yield stack


@pytest.mark.e2e
@pytest.mark.slow
def test_schemathesis_with_all_checks_and_the_stateful_phase_finds_no_failure(
    fuzz_stack: StackProcess, tmp_path: Path, figure: Figure
) -> None:
    report = tmp_path / "report.json"
    command = [
        str(Path(sys.executable).parent / "schemathesis"),
        "--config-file",
        str(HERE / "schemathesis.toml"),
        "run",
        f"{fuzz_stack.url}/openapi.json",
        "--workers",
        "1",
        "--seed",
        "20261126",
        "--no-color",
        "--generation-database",
        "none",
        "--report",
        "json",
        "--report-json-path",
        str(report),
    ]
    env = dict(
        os.environ,
        SCHEMATHESIS_HOOKS="tests.e2e.schemathesis_hooks",
        SCHEMATHESIS_KEYS=str(HERE / "schemathesis-keys.json"),
        PYTHONPATH=os.pathsep.join((str(ROOT / "layers" / "common"), str(ROOT))),  # this checkout's library
    )
    # In a temporary folder: schemathesis keeps a cache of what it found there.
    run = subprocess.run(command, cwd=tmp_path, env=env, capture_output=True, text=True, timeout=600)
    output = run.stdout + run.stderr
    assert run.returncode == 0, output[-20000:]
    summary = json.loads(report.read_text())
    operations, cases = summary["operations"], summary["test_cases"]
    assert operations["tested"] == operations["total"] and not summary["failures"] and not summary["errors"]
    assert {name: phase["status"] for name, phase in summary["phases"].items()} == dict.fromkeys(
        ("examples", "coverage", "fuzzing", "stateful"), "success"
    )
    figure(
        "schemathesis",
        f"{operations['tested']} operations, {cases['generated']} test cases in 4 phases (stateful on), every "
        "check (unsupported_method off, ignored_auth off for /health; no coverage phase for template writes), 0 failures",
    )
