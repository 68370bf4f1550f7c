"""One contract, two implementations: the in-memory fakes and the AWS adapters (on moto) must agree, so unit tests
on the fakes say something true about production."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from typing import Any, TypedDict

import pytest

from synthdata.adapters.dynamodb_jobs import DynamoJobStore
from synthdata.adapters.s3_objects import S3ObjectStore
from synthdata.jobs.job import Job, JobStatus
from synthdata.jobs.ports import JobStore, ObjectStore, PartsRejected, UploadGone
from tests.fakes import InMemoryJobStore, InMemoryObjectStore
from tests.unit.jobs.conftest import spec

MIB = 1024 * 1024


@pytest.fixture(params=["fake", "dynamodb"])
def store(request: pytest.FixtureRequest) -> Iterator[JobStore]:
    if request.param == "fake":
        yield InMemoryJobStore()
        return
    resources = request.getfixturevalue("aws_resources")
    yield DynamoJobStore(resources.tables["JobsTable"])


@pytest.fixture(params=["fake", "s3"])
def objects(request: pytest.FixtureRequest) -> Iterator[ObjectStore]:
    if request.param == "fake":
        yield InMemoryObjectStore(min_part_bytes=5 * MIB)
        return
    resources = request.getfixturevalue("aws_resources")
    yield S3ObjectStore(resources.buckets["DataBucket"])


def _upload_part_checks_the_upload(objects: ObjectStore) -> None:
    """moto's UploadPart does not look the upload up (it raises KeyError); real S3 answers NoSuchUpload. Make the
    moto client answer as S3 does, so the adapter's mapping of that answer is what is tested."""
    if not isinstance(objects, S3ObjectStore):
        return
    from botocore.exceptions import ClientError

    from synthdata import aws

    def no_such_upload(params: dict[str, Any], **_: Any) -> None:
        live = aws.client("s3").list_multipart_uploads(Bucket=params["Bucket"]).get("Uploads", [])
        if params["UploadId"] not in {u["UploadId"] for u in live}:
            raise ClientError({"Error": {"Code": "NoSuchUpload", "Message": "gone"}}, "UploadPart")

    aws.client("s3").meta.events.register("provide-client-params.s3.UploadPart", no_such_upload)


def _job(n: int, **changes: Any) -> Job:
    job = Job(
        job_id=f"00000000-0000-4000-8000-{n:012d}",
        owner="key-1",
        status=JobStatus.PENDING,
        spec=spec(30_000),
        created_at=f"2026-11-26T10:00:{n:02d}.000Z",
        shard_records=10_000,
        shard_count=3,
        file_key=f"jobs/key-1/{n}/user.csv",
        deadline=f"2026-11-26T11:00:{n:02d}.000Z",
    )
    return replace(job, **changes)


def _stored(store: JobStore, job_id: str) -> Job:
    job = store.get(job_id)
    assert job is not None, job_id
    return job


def test_a_shard_counts_once_and_moves_the_job_to_processing(store: JobStore) -> None:
    job = _job(1)
    store.create(job, expires_at_epoch=2_000_000_000)
    first = store.record_shard(job.job_id, 0, 10_000, "2026-11-26T10:01:00.000Z", job.owner)
    assert first is not None and first.status is JobStatus.PROCESSING and first.records_done == 10_000
    assert store.record_shard(job.job_id, 0, 10_000, "2026-11-26T10:02:00.000Z", job.owner) is None
    assert _stored(store, job.job_id).started_at == "2026-11-26T10:01:00.000Z"


class _Completion(TypedDict):
    """The keyword arguments of JobStore.mark_completed."""

    now_iso: str
    size: int
    checksum: str
    manifest_key: str


def test_terminal_transitions_happen_once_and_completion_needs_processing(store: JobStore) -> None:
    job = _job(2)
    store.create(job, expires_at_epoch=2_000_000_000)
    done = _Completion(now_iso="2026-11-26T10:05:00.000Z", size=1, checksum="c", manifest_key="m")
    assert not store.mark_completed(job, **done)  # still pending
    store.record_shard(job.job_id, 0, 10_000, "2026-11-26T10:01:00.000Z", job.owner)
    assert store.mark_completed(job, **done)
    assert not store.mark_failed(job, now_iso="2026-11-26T10:06:00.000Z", message="late")
    assert not store.mark_cancelled(job, now_iso="2026-11-26T10:06:00.000Z")
    assert _stored(store, job.job_id).status is JobStatus.COMPLETED
    assert store.record_shard(job.job_id, 1, 10_000, "2026-11-26T10:07:00.000Z", job.owner) is None


def test_errors_are_noted_only_on_active_jobs(store: JobStore) -> None:
    job = _job(3)
    store.create(job, expires_at_epoch=2_000_000_000)
    store.note_shard_error(job.job_id, "storage error (SlowDown)")
    assert _stored(store, job.job_id).last_error == "storage error (SlowDown)"
    store.mark_cancelled(job, now_iso="2026-11-26T10:06:00.000Z")
    store.note_shard_error(job.job_id, "later")
    assert _stored(store, job.job_id).last_error == "storage error (SlowDown)"


def test_listing_is_newest_first_per_owner_and_status_and_the_sweep_sees_only_active_overdue(
    store: JobStore,
) -> None:
    for n in range(1, 6):
        store.create(_job(n), expires_at_epoch=2_000_000_000)
    store.create(_job(9, owner="key-2"), expires_at_epoch=2_000_000_000)
    store.mark_cancelled(_job(1), now_iso="2026-11-26T10:06:00.000Z")
    first = store.list_by_owner("key-1", None, 2, None)
    assert [j.job_id[-1] for j in first.items] == ["5", "4"] and first.cursor
    rest = store.list_by_owner("key-1", None, 10, first.cursor)
    assert [j.job_id[-1] for j in rest.items] == ["3", "2", "1"]
    assert (
        store.count_by_owner("key-1", None) == 5 and store.count_by_owner("key-1", JobStatus.CANCELLED) == 1
    )
    assert [j.job_id[-1] for j in store.list_by_owner("key-1", JobStatus.CANCELLED, 5, None).items] == ["1"]
    overdue = store.overdue_job_ids("2026-11-26T11:00:03.500Z")
    assert sorted(i[-1] for i in overdue) == ["2", "3"]


def test_parts_complete_in_order_and_the_upload_is_then_gone(objects: ObjectStore) -> None:
    _upload_part_checks_the_upload(objects)
    upload = objects.start_upload(
        "jobs/k/a.csv", content_type="text/csv", content_encoding=None, filename="a.csv"
    )
    objects.upload_part("jobs/k/a.csv", upload, 2, b"tail")
    objects.upload_part("jobs/k/a.csv", upload, 1, b"a" * (5 * MIB))
    parts = objects.list_parts("jobs/k/a.csv", upload)
    assert [p.number for p in parts] == [1, 2] and [p.size for p in parts] == [5 * MIB, 4]
    objects.complete_upload("jobs/k/a.csv", upload, list(reversed(parts)))
    assert objects.object_size("jobs/k/a.csv") == 5 * MIB + 4
    with pytest.raises(UploadGone):
        objects.upload_part("jobs/k/a.csv", upload, 3, b"x")
    with pytest.raises(UploadGone):
        objects.list_parts("jobs/k/a.csv", upload)
    objects.abort_upload("jobs/k/a.csv", upload)  # already gone: fine


def test_a_part_below_the_minimum_is_refused_at_completion(objects: ObjectStore) -> None:
    upload = objects.start_upload(
        "jobs/k/b.csv", content_type="text/csv", content_encoding=None, filename="b.csv"
    )
    objects.upload_part("jobs/k/b.csv", upload, 1, b"small")
    objects.upload_part("jobs/k/b.csv", upload, 2, b"tail")
    with pytest.raises(PartsRejected):
        objects.complete_upload("jobs/k/b.csv", upload, objects.list_parts("jobs/k/b.csv", upload))


def test_an_aborted_upload_takes_no_more_parts(objects: ObjectStore) -> None:
    _upload_part_checks_the_upload(objects)
    upload = objects.start_upload(
        "jobs/k/c.csv", content_type="text/csv", content_encoding=None, filename="c.csv"
    )
    objects.abort_upload("jobs/k/c.csv", upload)
    with pytest.raises(UploadGone):
        objects.upload_part("jobs/k/c.csv", upload, 1, b"x")
    assert objects.object_size("jobs/k/c.csv") is None


def test_part_sizes_and_sweep_attempts_are_kept_on_the_job(store: JobStore) -> None:
    job = _job(4)
    store.create(job, expires_at_epoch=2_000_000_000)
    store.record_part_sizes(job.job_id, [7_000_000, 6_500_000, 120])
    assert store.count_sweep_attempt(job.job_id) == 1 and store.count_sweep_attempt(job.job_id) == 2
    kept = store.get(job.job_id)
    assert kept is not None and kept.part_sizes == (7_000_000, 6_500_000, 120) and kept.sweep_attempts == 2


def test_a_json_document_reads_back_as_written_and_a_missing_one_is_none(objects: ObjectStore) -> None:
    document = {"records": 100, "checksum": {"value": "abc="}, "part_sizes": [5, 4], "template_id": None}
    objects.put_json("jobs/k/manifest.json", document)
    assert objects.get_json("jobs/k/manifest.json") == document
    assert objects.get_json("jobs/k/other/manifest.json") is None


def test_a_jobs_callback_url_is_kept(store: JobStore) -> None:
    job = _job(1)
    hooked = replace(job, spec=replace(job.spec, callback_url="https://hooks.example.com/in"))
    store.create(hooked, expires_at_epoch=2_000_000_000)
    assert _stored(store, job.job_id).spec.callback_url == "https://hooks.example.com/in"
    store.create(_job(2), expires_at_epoch=2_000_000_000)
    assert _stored(store, _job(2).job_id).spec.callback_url is None
