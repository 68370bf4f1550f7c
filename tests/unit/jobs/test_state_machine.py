"""Every transition of a job, on in-memory ports: submit, shards, finalize, duplicates, cancel, failures, sweep."""

from __future__ import annotations

from dataclasses import replace
from datetime import timedelta

import pytest

from synthdata.clock import parse_iso
from synthdata.errors import Conflict, Gone, NotFound, ValidationFailed
from synthdata.jobs.job import JobStatus
from synthdata.jobs.messages import ShardTask
from tests.expected import expected_bytes
from tests.fakes import InjectedFault
from tests.unit.jobs.conftest import OTHER, OWNER, World


def expected_file(world: World, job_id: str) -> bytes:
    return expected_bytes(world.job(job_id))


def test_submit_records_a_pending_job_opens_its_upload_and_queues_one_task_per_shard(world: World) -> None:
    job = world.submit(30_000)
    assert job.status is JobStatus.PENDING and job.progress == 0
    assert job.shard_count == 3 and job.upload_id in world.fakes.objects.uploads
    tasks = world.fakes.tasks.shard_tasks
    assert [(t.shard, t.start, t.stop) for t in tasks] == [
        (0, 0, 10_000),
        (1, 10_000, 20_000),
        (2, 20_000, 30_000),
    ]


def test_submit_outside_the_record_limits_creates_nothing(world: World) -> None:
    with pytest.raises(ValidationFailed, match="between 100 and 1000000"):
        world.submit(99)
    assert world.fakes.jobs.items == {} and world.fakes.objects.uploads == {}


def test_a_queue_failure_at_submit_fails_the_job_and_closes_its_upload(world: World) -> None:
    world.fakes.tasks.faults.fail_next("send_shard_tasks")
    with pytest.raises(InjectedFault):
        world.submit()
    ((job, _),) = world.fakes.jobs.items.values()
    assert job.status is JobStatus.FAILED and "could not be queued" in (job.error_message or "")
    assert world.fakes.objects.uploads == {}


def test_shards_move_the_job_to_processing_and_progress_to_one_decimal_never_100_early(world: World) -> None:
    job = world.submit()
    task = world.fakes.tasks.shard_tasks[0]
    assert world.pipeline.process_shard(task) == "uploaded"
    current = world.job(job.job_id)
    assert current.status is JobStatus.PROCESSING and current.progress == 33.3 and current.started_at
    world.deliver_shards()
    assert world.job(job.job_id).progress == 99.9
    assert [r.job_id for r in world.fakes.tasks.finalize_requests] == [job.job_id]


def test_finalize_completes_once_with_the_exact_file_and_a_manifest(world: World) -> None:
    job = world.submit()
    world.deliver_shards()
    assert world.deliver_finalize() == ["completed"]
    done = world.job(job.job_id)
    assert done.status is JobStatus.COMPLETED and done.progress == 100
    data = world.fakes.objects.objects[job.file_key]
    assert data == expected_file(world, job.job_id) and done.file_size_bytes == len(data)
    manifest = world.fakes.objects.documents[done.manifest_key or ""]
    assert (
        manifest["records"] == 30_000 and manifest["part_sizes"] and sum(manifest["part_sizes"]) == len(data)
    )
    assert world.pipeline.finalize(job.job_id) == "skipped" and world.fakes.objects.completions == 1


def test_a_duplicate_shard_delivery_counts_once(world: World) -> None:
    job = world.submit()
    duplicate = world.fakes.tasks.shard_tasks[1]
    world.fakes.tasks.shard_tasks.append(duplicate)
    outcomes = world.deliver_shards()
    assert sorted(outcomes) == ["duplicate", "uploaded", "uploaded", "uploaded"]
    assert world.job(job.job_id).records_done == 30_000
    world.run()
    assert world.job(job.job_id).status is JobStatus.COMPLETED


def test_a_task_outside_the_plan_is_dropped(world: World) -> None:
    job = world.submit()
    for shard, start, stop in ((7, 0, 10), (1, 0, 10)):
        forged = ShardTask(job_id=job.job_id, shard=shard, start=start, stop=stop)
        assert world.pipeline.process_shard(forged) == "invalid"
        assert world.pipeline.fail_dead_shard(forged, attempts=3) == "invalid"
    assert world.job(job.job_id).records_done == 0


def test_finalize_before_every_shard_is_done_waits(world: World) -> None:
    job = world.submit()
    world.pipeline.process_shard(world.fakes.tasks.shard_tasks[0])
    assert world.pipeline.finalize(job.job_id) == "not-ready"


def test_a_failing_part_upload_is_noted_for_the_dead_letter_consumer(world: World) -> None:
    job = world.submit()
    world.fakes.objects.faults.fail_next("upload_part")
    task = world.fakes.tasks.shard_tasks[2]
    with pytest.raises(InjectedFault):
        world.pipeline.process_shard(task)
    assert world.job(job.job_id).last_error == "internal error (InjectedFault)"
    assert world.pipeline.fail_dead_shard(task, attempts=5) == "failed"
    failed = world.job(job.job_id)
    assert failed.status is JobStatus.FAILED
    assert failed.error_message == "Shard 3 of 3 failed after 5 attempts: internal error (InjectedFault)"
    assert job.file_key not in world.fakes.objects.objects and world.fakes.objects.uploads == {}


def test_a_crash_after_upload_before_recording_is_repaired_by_redelivery(world: World) -> None:
    job = world.submit()
    task = world.fakes.tasks.shard_tasks[0]
    world.fakes.jobs.faults.fail_next("record_shard")
    with pytest.raises(InjectedFault):
        world.pipeline.process_shard(task)
    world.fakes.tasks.shard_tasks.append(task)  # SQS delivers it again
    world.run()
    assert world.job(job.job_id).status is JobStatus.COMPLETED
    assert world.fakes.objects.objects[job.file_key] == expected_file(world, job.job_id)


def test_cancel_aborts_the_upload_and_later_shards_are_skipped(world: World) -> None:
    job = world.submit()
    world.pipeline.process_shard(world.fakes.tasks.shard_tasks.pop(0))
    assert world.service.cancel(OWNER, job.job_id).status is JobStatus.CANCELLED
    assert world.fakes.objects.uploads == {}
    assert world.deliver_shards() == ["skipped", "skipped"]
    with pytest.raises(Conflict, match="cancelled and can no longer be cancelled"):
        world.service.cancel(OWNER, job.job_id)


def test_the_sweep_fails_overdue_jobs_and_finalizes_finished_ones(world: World) -> None:
    stuck = world.submit()
    finished = world.submit()
    world.fakes.tasks.shard_tasks = [t for t in world.fakes.tasks.shard_tasks if t.job_id == finished.job_id]
    world.deliver_shards()
    world.fakes.tasks.finalize_requests.clear()  # the finalize message was lost
    for job in (stuck, finished):
        overdue = replace(world.job(job.job_id), deadline="2000-01-01T00:00:00.000Z")
        world.fakes.jobs.items[job.job_id] = (overdue, 0)
    outcomes = world.pipeline.sweep_overdue()
    assert outcomes == {stuck.job_id: "failed", finished.job_id: "completed"}
    assert "deadline (0 of 3 shards done)" in (world.job(stuck.job_id).error_message or "")


def test_another_keys_job_is_not_found_and_ids_must_be_uuids(world: World) -> None:
    job = world.submit()
    for owner, job_id in ((OTHER, job.job_id), (OWNER, "not-a-uuid")):
        with pytest.raises(NotFound):
            world.service.get(owner, job_id)
    with pytest.raises(NotFound):
        world.service.cancel(OTHER, job.job_id)


def test_listing_pages_newest_first_and_tokens_belong_to_their_owner(world: World) -> None:
    ids = [world.submit(100).job_id for _ in range(5)]
    first = world.service.list(OWNER, page_size=2)
    assert first.total == 5 and first.next_token
    second = world.service.list(OWNER, page_size=2, next_token=first.next_token)
    by_page = world.service.list(OWNER, page_size=2, page=3)
    listed = [j.job_id for j in first.items + second.items + by_page.items]
    assert sorted(listed) == sorted(ids) and len(set(listed)) == 5
    with pytest.raises(NotFound, match="next_token"):
        world.service.list(OTHER, page_size=2, next_token=first.next_token)
    with pytest.raises(NotFound, match="next_token"):  # a token continues only the listing it came from
        world.service.list(OWNER, status=JobStatus.PENDING, page_size=2, next_token=first.next_token)


def test_download_conflicts_while_running_then_links_then_expires(world: World) -> None:
    job = world.submit(100)
    with pytest.raises(Conflict) as running:
        world.service.download_link(OWNER, job.job_id)
    assert running.value.headers() == {"Retry-After": "5"}
    world.run()
    link = world.service.download_link(OWNER, job.job_id)
    assert link.filename == "user-100.csv" and "expires=3600" in link.url
    completed_at = world.job(job.job_id).completed_at or ""
    assert link.file_expires_at[:10] == (parse_iso(completed_at) + timedelta(days=7)).date().isoformat()
    assert link.url_expires_at < link.file_expires_at  # the link's expiry is not the file's
    old = replace(world.job(job.job_id), completed_at="2020-01-01T00:00:00.000Z")
    world.fakes.jobs.items[job.job_id] = (old, 0)
    with pytest.raises(Gone, match="kept 7 days"):
        world.service.download_link(OWNER, job.job_id)
    with pytest.raises(Gone, match="kept 7 days"):
        world.service.manifest(OWNER, job.job_id)


def test_a_cancelled_or_failed_job_has_no_file_and_says_so_with_410(world: World) -> None:
    cancelled, failed = world.submit(100), world.submit(100)
    world.service.cancel(OWNER, cancelled.job_id)
    world.pipeline.fail(world.job(failed.job_id), "the sky fell")
    for job_id, reason in ((cancelled.job_id, "was cancelled"), (failed.job_id, "failed.*the sky fell")):
        with pytest.raises(Gone, match=f"{reason}"):
            world.service.download_link(OWNER, job_id)
        with pytest.raises(Gone, match=f"{reason}"):
            world.service.manifest(OWNER, job_id)


def test_the_manifest_of_a_completed_job_is_the_one_written_beside_its_file(world: World) -> None:
    job = world.submit(100)
    with pytest.raises(Conflict):
        world.service.manifest(OWNER, job.job_id)
    world.run()
    with pytest.raises(NotFound):
        world.service.manifest(OTHER, job.job_id)
    done, manifest = world.service.manifest(OWNER, job.job_id)
    assert manifest == world.fakes.objects.documents[done.manifest_key or ""]
    assert manifest["records"] == 100 and manifest["seed"] == done.spec.seed


def _overdue(world: World, job_id: str) -> None:
    world.fakes.jobs.items[job_id] = (replace(world.job(job_id), deadline="2000-01-01T00:00:00.000Z"), 0)


def test_one_poisoned_job_never_stops_the_sweep_for_the_others(world: World) -> None:
    poisoned = world.submit()
    world.deliver_shards()
    world.fakes.tasks.finalize_requests.clear()
    stuck = [world.submit(100).job_id for _ in range(5)]
    for job_id in (poisoned.job_id, *stuck):
        _overdue(world, job_id)
    world.fakes.objects.faults.fail_next("complete_upload", times=100)
    first = world.pipeline.sweep_overdue()
    assert first[poisoned.job_id] == "sweep-error" and all(first[j] == "failed" for j in stuck)
    world.pipeline.sweep_overdue()
    third = world.pipeline.sweep_overdue()
    assert third == {poisoned.job_id: "failed"}
    message = world.job(poisoned.job_id).error_message or ""
    assert message.startswith(
        "The job could not be finished after 3 attempts: internal error (InjectedFault)"
    )


def test_parts_the_store_refuses_to_assemble_fail_the_job_with_a_reason(world: World) -> None:
    world.fakes.objects.min_part_bytes = 10**9  # every part is now below the minimum
    job = world.submit()
    world.run()
    failed = world.job(job.job_id)
    assert failed.status is JobStatus.FAILED
    assert failed.error_message == "the file's 3 parts could not be assembled (EntityTooSmall)"
    assert job.file_key not in world.fakes.objects.objects and world.fakes.objects.uploads == {}


def test_a_finalizer_crash_after_completing_leaves_a_whole_manifest_on_retry(world: World) -> None:
    job = world.submit()
    world.deliver_shards()
    world.fakes.objects.faults.fail_next("put_json")
    with pytest.raises(InjectedFault):
        world.deliver_finalize()
    assert world.pipeline.finalize(job.job_id) == "completed"
    done = world.job(job.job_id)
    manifest = world.fakes.objects.documents[done.manifest_key or ""]
    assert manifest["part_sizes"] and sum(manifest["part_sizes"]) == done.file_size_bytes
    assert world.fakes.objects.completions == 1


def test_a_shard_of_a_job_cancelled_while_it_rendered_is_dropped_quietly(
    world: World, monkeypatch: pytest.MonkeyPatch
) -> None:
    job = world.submit()
    task = world.fakes.tasks.shard_tasks[0]

    def cancelled_meanwhile(*_: object) -> str:
        world.service.cancel(OWNER, job.job_id)  # the client cancels while this shard renders
        raise InjectedFault("InternalError")  # what moto answers for a part of an aborted upload

    monkeypatch.setattr(world.fakes.objects, "upload_part", cancelled_meanwhile)
    assert world.pipeline.process_shard(task) == "skipped"
    assert world.job(job.job_id).last_error is None
