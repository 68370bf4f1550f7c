"""What a 1,000,000-row job costs on AWS and how long it takes there: a model from inputs measured here.

    python -m benchmarks.aws_model [--records 1000000]

Measured on this machine (one run): the shard plan the API makes for the job, the CPU-seconds and bytes of one
shard (median of three renders of the first shard), and the naive per-record Faker loop's records per second.
Everything else is an assumption, stated in ASSUMPTIONS with its source, so the model can be rerun when a
deployment measures the real figures. It is a model until someone deploys it.
"""

from __future__ import annotations

import argparse
import statistics
import time
from dataclasses import dataclass

from synthdata.engine import estimate_record_bytes, get_dataset, render_rows
from synthdata.engine.allocator import keep_freed_buffers
from synthdata.jobs.planning import plan_shards

# Public list prices, us-east-1, x86, as published by AWS (checked 2026-11; free tiers ignored).
PRICES = {
    "lambda_gb_second": 0.0000166667,
    "lambda_request": 0.20 / 1e6,
    "sqs_request": 0.40 / 1e6,  # standard queue; one request per batch call of up to 10 messages
    "s3_put_class": 0.005 / 1000,  # PUT, COPY, POST (multipart create/part/complete), LIST
    "s3_get_class": 0.0004 / 1000,  # GET, HEAD
    "s3_gb_month": 0.023,
    "dynamodb_write_unit": 0.625 / 1e6,  # on-demand write request unit (1 KB)
    "dynamodb_read_unit": 0.125 / 1e6,  # on-demand read request unit (4 KB strongly consistent)
}
ASSUMPTIONS = {
    "worker_gb": 2.0,  # template.yaml WorkerFunction MemorySize 2048: 1.16 vCPU; generation is one thread
    "lambda_core_vs_here": 1.0,  # a Lambda vCPU renders as fast as one core of this machine (unverified)
    "upload_mb_per_s": 80.0,  # one UploadPart stream from Lambda to S3 in-region
    "cold_start_s": 0.6,  # runtime init + imports + en_US vocabularies (benchmarks/startup.py: 0.35 s here)
    "sqs_to_lambda_s": 0.5,  # event source mapping's poll-to-invoke latency, long polling
    "submit_s": 0.3,  # POST /api/generate: plan, create upload, record, queue (0.1-0.6 s on the local stack)
    "complete_s": 2.0,  # CompleteMultipartUpload of ~17 parts of 16 MiB, plus manifest and the conditional write
    "status_polls": 10,  # GET /api/jobs/{id} calls a client makes while it waits
    "api_invocation_s": 0.05,  # warm API or authorizer invocation, billed duration
    "api_gb": 1.0,
    "authorizer_gb": 0.25,
    "finalizer_gb": 1.0,
    "dynamodb_writes_per_shard": 2,  # record_shard ADD on a ~1.5 KB item
    "dynamodb_writes_fixed": 8,  # create, usage reservation, part sizes, completion, idempotency record
    "dynamodb_reads_per_shard": 2,  # the job read before and after rendering
    "file_days": 7,  # MaxFileAgeDays: the file is stored this long
}


@dataclass(frozen=True)
class Inputs:
    label: str
    shards: int
    shard_records: int
    shard_cpu_s: float
    shard_mb: float
    file_mb: float


def measure(records: int, compression: str | None) -> Inputs:
    """The plan the API makes, and one shard rendered three times (CPU-seconds, median)."""
    dataset = get_dataset("user")
    per_record = estimate_record_bytes(dataset, locale="en_US", fmt="csv", compression=compression)
    plan = plan_shards(records, per_record)
    keep_freed_buffers()  # as the worker's init does
    cpu, size = [], 0
    for _ in range(3):
        started = time.process_time()
        body = render_rows(
            dataset,
            seed=42,
            locale="en_US",
            fmt="csv",
            compression=compression,
            start=0,
            stop=plan.shard_records,
            total=records,
        )
        cpu.append(time.process_time() - started)
        size = len(body)
    label = "user CSV" + (" gzip" if compression else "")
    shard_mb = size / 1e6
    return Inputs(
        label,
        plan.shard_count,
        plan.shard_records,
        statistics.median(cpu),
        shard_mb,
        shard_mb * records / plan.shard_records,
    )


def naive_records_per_second(records: int = 2000) -> float:
    from benchmarks.naive_faker import render

    render("user", 100)  # imports and Faker's own caches, as a warm container has them
    started = time.perf_counter()
    render("user", records)
    return records / (time.perf_counter() - started)


def model(job: Inputs) -> dict[str, float]:
    """Seconds from submit to completed, and dollars per job, by component."""
    a, p = ASSUMPTIONS, PRICES
    shard_s = job.shard_cpu_s / a["lambda_core_vs_here"] + job.shard_mb / a["upload_mb_per_s"]
    # All shards run at once (17 shards < BulkConcurrency 40): one wave of workers.
    wall = (
        a["submit_s"]
        + a["sqs_to_lambda_s"]
        + a["cold_start_s"]
        + shard_s
        + a["sqs_to_lambda_s"]
        + a["complete_s"]
    )
    api_calls = 1 + a["status_polls"] + 1  # submit, polls, download
    lambda_gb_s = (
        job.shards * (shard_s + a["cold_start_s"]) * a["worker_gb"]
        + api_calls * a["api_invocation_s"] * (a["api_gb"] + a["authorizer_gb"])
        + a["complete_s"] * a["finalizer_gb"]
    )
    lambda_requests = job.shards + 2 * api_calls + 1
    sqs_requests = -(-job.shards // 10) + 3 * job.shards + 3  # send in batches; receive, delete; finalize
    s3_put = 1 + job.shards + 1 + 1  # create, parts, complete, manifest
    s3_get = 3  # head (size), head (checksum), the client's download
    storage_gb_month = job.file_mb / 1000 * a["file_days"] / 30
    writes = a["dynamodb_writes_fixed"] + a["dynamodb_writes_per_shard"] * job.shards
    reads = a["dynamodb_reads_per_shard"] * job.shards + api_calls
    return {
        "wall_s": wall,
        "shard_s": shard_s,
        "lambda": lambda_gb_s * p["lambda_gb_second"] + lambda_requests * p["lambda_request"],
        "sqs": sqs_requests * p["sqs_request"],
        "s3_requests": s3_put * p["s3_put_class"] + s3_get * p["s3_get_class"],
        "s3_storage": storage_gb_month * p["s3_gb_month"],
        "dynamodb": writes * p["dynamodb_write_unit"] + reads * p["dynamodb_read_unit"],
    }


def naive_model(records: int, per_second: float) -> dict[str, float]:
    seconds = records / per_second / ASSUMPTIONS["lambda_core_vs_here"]
    gb_s = seconds * ASSUMPTIONS["worker_gb"]
    return {"wall_s": seconds, "lambda": gb_s * PRICES["lambda_gb_second"] + PRICES["lambda_request"]}


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--records", type=int, default=1_000_000)
    args = parser.parse_args(argv)
    print(
        "| job | shards x records | CPU-s per shard (here) | shard MB | file MB | wall s (model) | "
        "Lambda $ | SQS $ | S3 requests $ | S3 storage 7 d $ | DynamoDB $ | total $ |"
    )
    print("|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for compression in (None, "gzip"):
        job = measure(args.records, compression)
        m = model(job)
        total = sum(m[k] for k in ("lambda", "sqs", "s3_requests", "s3_storage", "dynamodb"))
        print(
            f"| {job.label} | {job.shards} x {job.shard_records:,} | {job.shard_cpu_s:.2f} | {job.shard_mb:.1f} | "
            f"{job.file_mb:.0f} | {m['wall_s']:.1f} | {m['lambda']:.5f} | {m['sqs']:.6f} | "
            f"{m['s3_requests']:.5f} | {m['s3_storage']:.5f} | {m['dynamodb']:.6f} | {total:.4f} |"
        )
    rate = naive_records_per_second()
    naive = naive_model(args.records, rate)
    print(
        f"| naive Faker loop, one Lambda ({rate:,.0f} records/s here) | 1 x {args.records:,} | "
        f"{args.records / rate:.0f} | | | {naive['wall_s']:.0f} | {naive['lambda']:.5f} | | | | | "
        f"{naive['lambda']:.4f} |"
    )
    print(f"\nAssumptions: {ASSUMPTIONS}\nPrices (USD): {PRICES}")


if __name__ == "__main__":
    main()
