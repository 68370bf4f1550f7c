"""A client nobody here wrote: openapi-python-client generates one from the /openapi.json the local stack serves,
and the README's workflow runs through it: create, poll, download (redirect followed), a 422 and a 401."""

from __future__ import annotations

import csv
import importlib
import io
import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
import requests

from tests.e2e.conftest import Stack

PACKAGE = "synthdata_api_client"


@pytest.fixture(scope="module")
def generated(stack: Stack, tmp_path_factory: pytest.TempPathFactory) -> Iterator[ModuleType]:
    root = tmp_path_factory.mktemp("generated")
    document = root / "openapi.json"
    document.write_bytes(requests.get(f"{stack.url}/openapi.json", timeout=30).content)
    tool = Path(sys.executable).parent / "openapi-python-client"
    env = dict(os.environ, PATH=f"{tool.parent}{os.pathsep}{os.environ.get('PATH', '')}")  # its ruff hooks
    command = [str(tool), "generate", "--path", str(document), "--output-path", str(root / PACKAGE)]
    answer = subprocess.run(
        [*command, "--meta", "none"], capture_output=True, text=True, env=env, timeout=300, check=False
    )
    assert answer.returncode == 0, answer.stdout + answer.stderr
    assert "Warning" not in answer.stdout + answer.stderr, answer.stdout + answer.stderr
    sys.path.insert(0, str(root))
    try:
        yield importlib.import_module(PACKAGE)
    finally:
        sys.path.remove(str(root))
        for name in [n for n in sys.modules if n.startswith(PACKAGE)]:
            del sys.modules[name]


def _api(name: str) -> Any:
    return importlib.import_module(f"{PACKAGE}.api.default.{name}")


def _models() -> Any:
    return importlib.import_module(f"{PACKAGE}.models")


@pytest.mark.e2e
def test_a_generated_client_creates_polls_and_downloads_a_job(stack: Stack, generated: ModuleType) -> None:
    models = _models()
    client = generated.AuthenticatedClient(
        base_url=stack.url, token=stack.key, prefix="", auth_header_name="X-API-Key", follow_redirects=True
    )
    request = models.GenerateRequest(
        record_count=2000,
        data_type=models.GenerateRequestDataTypeType0.USER,
        output_format=models.GenerateRequestOutputFormat.CSV,
        seed=11,
    )
    created = _api("generate").sync_detailed(client=client, body=request, idempotency_key="generated-1")
    assert created.status_code == 202 and isinstance(created.parsed, models.GenerateResponse)
    assert created.headers["Location"] == f"/api/jobs/{created.parsed.job_id}"

    deadline = time.monotonic() + 120
    job = _api("get_job").sync(created.parsed.job_id, client=client)
    while job.status.value not in ("completed", "failed", "cancelled") and time.monotonic() < deadline:
        time.sleep(0.5)
        job = _api("get_job").sync(created.parsed.job_id, client=client)
    assert isinstance(job, models.JobResponse) and job.status.value == "completed" and job.progress == 100
    assert job.download_url_expires_at < job.file_expires_at

    file = _api("download").sync_detailed(created.parsed.job_id, client=client)
    assert file.status_code == 200 and isinstance(file.parsed, generated.types.File)  # the redirect, followed
    rows = list(csv.reader(io.StringIO(file.parsed.payload.read().decode())))
    assert len(rows) == 2001 and rows[0][0] == "id"

    manifest = _api("get_manifest").sync(created.parsed.job_id, client=client)
    assert isinstance(manifest, models.ManifestResponse) and manifest.records == 2000 and manifest.seed == 11


@pytest.mark.e2e
def test_a_generated_client_gets_the_error_shape_for_a_422_and_a_401(
    stack: Stack, generated: ModuleType
) -> None:
    models = _models()
    client = generated.AuthenticatedClient(
        base_url=stack.url, token=stack.key, prefix="", auth_header_name="X-API-Key"
    )
    too_few = models.GenerateRequest(record_count=5, data_type=models.GenerateRequestDataTypeType0.USER)
    invalid = _api("generate").sync_detailed(client=client, body=too_few)
    assert invalid.status_code == 422 and isinstance(invalid.parsed, models.ErrorResponse)
    assert invalid.parsed.error.details[0].field == "record_count"
    assert invalid.parsed.error.details[0].message == "record_count must be between 100 and 1000000"

    anonymous = generated.Client(base_url=stack.url)
    refused = _api("list_jobs").sync_detailed(client=anonymous)
    assert refused.status_code == 401 and isinstance(refused.parsed, models.ErrorResponse)
    assert refused.parsed.error.code == "unauthorized"
    assert _api("health").sync(client=anonymous).status == "ok"  # the one operation that needs no key
