"""How much of its parents a job may record on its own item: MAX_PARENTS distinct jobs, their records at most
MAX_PARENT_RECORD_BYTES, each refusal naming the field."""

from __future__ import annotations

from synthdata.jobs.job import MAX_PARENT_RECORD_BYTES, MAX_PARENTS, parents_over_limits


def test_at_most_max_parents_distinct_jobs_and_the_next_is_named() -> None:
    wanted = {f"schema_fields[{i}].job_id": f"job-{i}" for i in range(MAX_PARENTS)}
    wanted["schema_fields[9].job_id"] = "job-0"  # the same parent again counts once
    assert parents_over_limits(wanted, {}) == []
    wanted["schema_fields[10].job_id"] = "job-new"
    found = parents_over_limits(wanted, {})
    assert [p.field for p in found] == ["schema_fields[10].job_id"]
    assert (
        found[0].message == f"schema_fields[10].job_id: a job may refer to at most {MAX_PARENTS} other jobs"
    )


def test_records_at_the_byte_limit_pass_and_one_byte_more_is_refused() -> None:
    wanted = {"references.customers": "job-1"}
    overhead = len('{"job-1":""}')
    at_limit = {"job-1": "x" * (MAX_PARENT_RECORD_BYTES - overhead)}
    assert parents_over_limits(wanted, at_limit) == []
    over = parents_over_limits(wanted, {"job-1": "x" * (MAX_PARENT_RECORD_BYTES - overhead + 1)})
    assert [p.field for p in over] == ["references.customers"] and "131,073 bytes" in over[0].message
