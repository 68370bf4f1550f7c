"""Per-key limits at their edges: active jobs at once and records per day answer 429 naming the limit, with
Retry-After; GET /api/usage shows what is left; another key is not affected."""

from __future__ import annotations

import pytest

from synthdata.settings import get_settings
from tests.integration.api.conftest import Api

GENERATE = {"data_type": "user", "record_count": 1000, "output_format": "csv"}


def test_the_active_job_cap_admits_exactly_its_limit(api: Api, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("MAX_ACTIVE_JOBS_PER_KEY", "3")
    get_settings.cache_clear()
    ids = [api.call("POST", "/api/generate", GENERATE).json()["job_id"] for _ in range(3)]
    refused = api.call("POST", "/api/generate", GENERATE)
    assert refused.status == 429 and refused.headers["Retry-After"] == "30"
    error = refused.json()["error"]
    assert error["code"] == "limit_exceeded" and "MaxActiveJobsPerKey" in error["message"]
    assert api.call("POST", "/api/generate", GENERATE, owner="key-owner-b").status == 202  # others unaffected
    api.call("DELETE", f"/api/jobs/{ids[0]}")  # an ended job frees its place
    assert api.call("POST", "/api/generate", GENERATE).status == 202


def test_the_daily_record_budget_is_exact(api: Api, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DAILY_RECORD_BUDGET_PER_KEY", "2500")
    get_settings.cache_clear()
    assert api.call("POST", "/api/generate", {**GENERATE, "record_count": 2000}).status == 202
    over = api.call("POST", "/api/generate", {**GENERATE, "record_count": 501})
    assert over.status == 429 and int(over.headers["Retry-After"]) > 0
    assert "DailyRecordBudgetPerKey" in over.json()["error"]["message"]
    assert "2000 of 2500" in over.json()["error"]["message"]
    usage = api.call("GET", "/api/usage").json()
    assert usage["records_requested"] == 2000 and usage["records_remaining"] == 500
    assert usage["daily_record_budget"] == 2500 and usage["active_jobs"] == 1
    assert api.call("POST", "/api/generate", {**GENERATE, "record_count": 500}).status == 202  # exactly at it
    assert api.call("GET", "/api/usage").json()["records_remaining"] == 0
    assert api.call("GET", "/api/usage", owner="key-owner-b").json()["records_requested"] == 0
