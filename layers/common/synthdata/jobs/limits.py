"""Per-key limits on work: jobs at once, and records per UTC day. Usage-plan quotas count requests and are
best-effort (API Gateway docs), so the cost of a key is bounded here, where the work is admitted."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

from synthdata.clock import iso

ACTIVE_RETRY_SECONDS = 30  # a job takes seconds to minutes: a short wait before asking again


@dataclass(frozen=True)
class Usage:
    """What one key has used of its limits, as the client sees it (GET /api/usage)."""

    day: str
    records_requested: int
    daily_record_budget: int
    active_jobs: int
    max_active_jobs: int
    resets_at: str

    @property
    def records_remaining(self) -> int:
        return max(0, self.daily_record_budget - self.records_requested)


def utc_day(moment: datetime) -> str:
    return moment.astimezone(UTC).date().isoformat()


def next_midnight(moment: datetime) -> datetime:
    day = moment.astimezone(UTC).replace(hour=0, minute=0, second=0, microsecond=0)
    return day + timedelta(days=1)


def resets_at(moment: datetime) -> str:
    return iso(next_midnight(moment))


def seconds_until_reset(moment: datetime) -> int:
    return int((next_midnight(moment) - moment).total_seconds()) + 1


def too_many_active(active: int, limit: int) -> str:
    return (
        f"This API key has {active} jobs pending or processing; at most {limit} may run at once "
        "(MaxActiveJobsPerKey). Wait for one to finish, or cancel one."
    )


def over_budget(record_count: int, used: int, budget: int) -> str:
    return (
        f"record_count {record_count} would exceed this API key's daily record budget: {used} of {budget} "
        "records already requested today (DailyRecordBudgetPerKey); it resets at 00:00 UTC."
    )
