"""Settings come from the environment once; a missing or garbled variable stops the function with its name."""

from __future__ import annotations

import pytest

from synthdata.settings import Settings, SettingsError

REQUIRED = {
    "JOBS_TABLE": "jobs",
    "TEMPLATES_TABLE": "templates",
    "IDEMPOTENCY_TABLE": "idempotency",
    "DATA_BUCKET": "bucket",
    "WORK_QUEUE_URL": "https://sqs/work",
    "EXPRESS_QUEUE_URL": "https://sqs/express",
    "FINALIZE_QUEUE_URL": "https://sqs/finalize",
    "USAGE_TABLE": "usage",
    "WEBHOOK_QUEUE_URL": "https://sqs/webhooks",
    "WEBHOOK_SECRETS_TABLE": "webhook-secrets",
}


def test_every_required_variable_is_named_when_missing() -> None:
    with pytest.raises(SettingsError) as caught:
        Settings.from_env({"JOBS_TABLE": "jobs"})
    message = str(caught.value)
    for name in set(REQUIRED) - {"JOBS_TABLE"}:
        assert name in message


def test_a_garbled_number_is_named() -> None:
    with pytest.raises(SettingsError, match="MAX_RECORDS"):
        Settings.from_env({**REQUIRED, "MAX_RECORDS": "lots"})


def test_defaults_apply_and_the_usage_plan_is_required_only_where_asked() -> None:
    settings = Settings.from_env(REQUIRED)
    assert (settings.min_records, settings.max_records, settings.max_file_age_days) == (100, 1_000_000, 7)
    with pytest.raises(SettingsError, match="USAGE_PLAN_NAME"):
        settings.usage_plan()
    assert Settings.from_env({**REQUIRED, "USAGE_PLAN_NAME": "plan"}).usage_plan() == "plan"


def test_the_record_count_rule_is_stated_once() -> None:
    settings = Settings.from_env({**REQUIRED, "MIN_RECORDS": "10", "MAX_RECORDS": "20"})
    assert settings.record_count_rule(15) is None
    assert settings.record_count_rule(21) == "record_count must be between 10 and 20"
