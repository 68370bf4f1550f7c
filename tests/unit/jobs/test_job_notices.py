"""The pipeline tells the webhook queue once when a job with a callback_url ends, on every path that ends it, and
nothing it does with the notice can hold up or undo the job's end."""

from __future__ import annotations

from dataclasses import replace

from synthdata.jobs.job import JobStatus
from synthdata.jobs.messages import ShardTask
from tests.unit.jobs.conftest import World

HOOK = "https://hooks.example.com/synthdata"


def sent(world: World) -> list[tuple[str, str]]:
    return [(n.job_id, n.status) for n in world.fakes.notices.sent]


def test_a_completed_job_with_a_callback_is_noticed_once_even_if_finalized_twice(world: World) -> None:
    job = world.submit(callback_url=HOOK)
    world.run()
    assert world.pipeline.finalize(job.job_id) == "skipped"  # a duplicate finalize request
    assert world.job(job.job_id).status is JobStatus.COMPLETED
    assert sent(world) == [(job.job_id, "completed")]


def test_a_job_without_a_callback_queues_nothing(world: World) -> None:
    world.submit()
    world.run()
    assert sent(world) == []


def test_failures_by_dead_shard_and_by_deadline_are_noticed(world: World) -> None:
    dead = world.submit(callback_url=HOOK)
    overdue = world.submit(callback_url=HOOK)
    world.fakes.tasks.shard_tasks.clear()
    task = ShardTask(job_id=dead.job_id, shard=0, start=0, stop=dead.shard(0).stop)
    assert world.pipeline.fail_dead_shard(task, attempts=5) == "failed"
    late = replace(world.job(overdue.job_id), deadline="2000-01-01T00:00:00.000Z")
    world.fakes.jobs.items[overdue.job_id] = (late, 0)
    assert world.pipeline.sweep_overdue() == {overdue.job_id: "failed"}
    assert sent(world) == [(dead.job_id, "failed"), (overdue.job_id, "failed")]


def test_a_cancelled_job_is_not_noticed(world: World) -> None:
    job = world.submit(callback_url=HOOK)
    world.service.cancel(job.owner, job.job_id)
    assert sent(world) == []


def test_a_notice_that_cannot_be_queued_never_fails_the_finalizer(world: World) -> None:
    job = world.submit(callback_url=HOOK)
    world.fakes.notices.faults.fail_next("job_ended")
    world.deliver_shards()
    assert world.deliver_finalize() == ["completed"]
    assert world.job(job.job_id).status is JobStatus.COMPLETED and sent(world) == []
