"""Property-based run of schemathesis against the OpenAPI document the local stack serves.

Checks every operation for server errors and for responses that break their own schema. Job sizes are capped
with LOCAL_PARAMETER_MaxRecords on this test's stack so accepted jobs stay small.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
import schemathesis
from hypothesis import HealthCheck, settings
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from local.process import StackProcess, running_stack

KEY = "dev-api-key-123456"


@pytest.fixture(scope="module")
def fuzz_stack(tmp_path_factory: pytest.TempPathFactory) -> Iterator[StackProcess]:
    log: Path = tmp_path_factory.mktemp("fuzz") / "stack.log"
    with running_stack(log, {"LOCAL_PARAMETER_MaxRecords": "5000", "LOCAL_SWEEP_SECONDS": "30"}) as stack:
        yield stack


@pytest.fixture(scope="module")
def api_schema(fuzz_stack: StackProcess) -> schemathesis.BaseSchema:
    return schemathesis.openapi.from_url(f"{fuzz_stack.url}/openapi.json")


schema = schemathesis.pytest.from_fixture("api_schema")


@schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_server_error_and_every_response_matches_its_schema(
    case: schemathesis.Case, fuzz_stack: StackProcess
) -> None:
    case.call_and_validate(
        base_url=fuzz_stack.url,
        headers={"X-API-Key": KEY},
        checks=[
            not_a_server_error,
            status_code_conformance,
            content_type_conformance,
            response_schema_conformance,
        ],
    )
