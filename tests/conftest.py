"""Shared fixtures: moto in-process with the resources template.yaml declares, and handler loading by path."""

from __future__ import annotations

import importlib.util
import json
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from types import ModuleType
from typing import TYPE_CHECKING, Any

import pytest

if TYPE_CHECKING:
    from local.resources import LocalResources

# The `figure` fixture: figure(name, text) reports a measured figure at the end of the run.
Figure = Callable[[str, str], None]

ROOT = Path(__file__).resolve().parents[1]
DEV_API_KEY = "dev-api-key-123456"
OTHER_API_KEY = "other-api-key-7890abcd"

_FUNCTION_DIRS = {
    "ApiFunction": "api",
    "AuthorizerFunction": "authorizer",
    "WorkerFunction": "worker",
    "FinalizerFunction": "finalizer",
    "WebhookFunction": "webhook",
}


def json_object(text: str | bytes) -> dict[str, Any]:
    """The JSON object in `text` (an event fixture, a response body); anything else fails the test."""
    loaded = json.loads(text)
    assert isinstance(loaded, dict), loaded
    return loaded


def load_handler(name: str) -> ModuleType:
    """Import functions/<dir>/app.py under a unique module name (every handler module is called `app`).

    `name` is a folder under functions/ or a template logical id. A fresh module each call, like a cold start.
    """
    folder = _FUNCTION_DIRS.get(name, name)
    path = ROOT / "functions" / folder / "app.py"
    module_name = f"synthdata_fn_{folder}"
    spec = importlib.util.spec_from_file_location(module_name, path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[module_name] = module
    spec.loader.exec_module(module)
    return module


@pytest.fixture
def aws_env(monkeypatch: pytest.MonkeyPatch) -> Iterator[None]:
    """Fake credentials, one region, moto active; cached clients and settings forgotten around the test."""
    from moto import mock_aws

    from synthdata import aws
    from synthdata.settings import get_settings

    for var in ("AWS_ENDPOINT_URL", "AWS_PROFILE"):
        monkeypatch.delenv(var, raising=False)
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    monkeypatch.setenv("AWS_DEFAULT_REGION", "us-east-1")
    monkeypatch.setenv("POWERTOOLS_TRACE_DISABLED", "true")
    monkeypatch.setenv("POWERTOOLS_METRICS_DISABLED", "true")
    monkeypatch.setenv("POWERTOOLS_DEV", "false")
    aws.reset_clients()
    get_settings.cache_clear()
    with mock_aws():
        yield
    aws.reset_clients()
    get_settings.cache_clear()


@pytest.fixture
def aws_resources(aws_env: None, monkeypatch: pytest.MonkeyPatch) -> LocalResources:
    """Everything template.yaml declares, created in moto; the functions' environment set in os.environ.

    Registers two API keys (DEV_API_KEY from the template default, OTHER_API_KEY) as separate identities.
    """
    from local.resources import create_resources
    from synthdata.settings import get_settings

    resources = create_resources(extra_api_keys=[OTHER_API_KEY])
    for name, value in resources.environment.items():
        monkeypatch.setenv(name, value)
    get_settings.cache_clear()
    return resources


@pytest.fixture
def figure(record_property: Callable[[str, object], None]) -> Figure:
    """Report a measured figure of the fault-and-abuse matrix: printed at the end of the run (xdist-safe)."""

    def note(name: str, text: str) -> None:
        record_property("figure", f"{name}: {text}")

    return note


def pytest_terminal_summary(terminalreporter: pytest.TerminalReporter) -> None:
    lines = sorted(
        value
        for report in terminalreporter.stats.get("passed", [])
        for key, value in getattr(report, "user_properties", [])
        if key == "figure" and report.when == "call"
    )
    if lines:
        terminalreporter.section("fault-and-abuse matrix (figures)")
        for line in lines:
            terminalreporter.line(line)
