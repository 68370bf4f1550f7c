"""The `synthdata` client commands against the running local stack, as a user types them."""

from __future__ import annotations

import csv
import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.e2e.conftest import Stack

SYNTHDATA = str(Path(sys.executable).parent / "synthdata")


def synthdata(stack: Stack, *args: str) -> subprocess.CompletedProcess[str]:
    command = [SYNTHDATA, *args, "--url", stack.url, "--api-key", stack.key]
    return subprocess.run(command, capture_output=True, text=True, timeout=300, check=False)


@pytest.mark.e2e
def test_submit_wait_writes_every_row_and_the_job_is_listed(stack: Stack, tmp_path: Path) -> None:
    target = tmp_path / "users.csv"
    done = synthdata(
        stack, "submit", "user", "-n", "20000", "-f", "csv", "--seed", "3", "--wait", "-o", str(target)
    )
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip() == str(target) and "generating" in done.stderr
    assert len(target.read_text().splitlines()) == 20001
    job_id = done.stderr.split()[0]
    listed = synthdata(stack, "jobs", "list", "--status", "completed", "--page-size", "100")
    assert job_id in listed.stdout
    status = json.loads(synthdata(stack, "jobs", "status", job_id).stdout)
    assert status["status"] == "completed" and status["seed"] == 3
    again = synthdata(stack, "jobs", "cancel", job_id)
    assert (
        again.returncode == 1 and f"Job {job_id} is completed and can no longer be cancelled" in again.stderr
    )


@pytest.mark.e2e
def test_templates_from_a_file_then_a_job_from_one(stack: Stack, tmp_path: Path) -> None:
    source = tmp_path / "people.json"
    fields = [{"name": "id", "field_type": "uuid"}, {"name": "age", "field_type": "integer", "min": 18}]
    source.write_text(json.dumps({"name": "people", "schema_fields": fields}))
    created = synthdata(stack, "templates", "create", str(source))
    assert created.returncode == 0, created.stderr
    template_id = created.stdout.strip()
    assert template_id in synthdata(stack, "templates", "list").stdout
    target = tmp_path / "people.ndjson.gz"
    job = synthdata(
        stack,
        "submit",
        "--template",
        template_id,
        "-n",
        "500",
        "-f",
        "ndjson",
        "--gzip",
        "--wait",
        "-o",
        str(target),
    )
    assert job.returncode == 0, job.stderr
    assert target.read_bytes()[:2] == b"\x1f\x8b"  # written as stored: still gzip
    assert synthdata(stack, "templates", "delete", template_id).returncode == 0
    bad = source.with_name("bad.json")
    bad.write_text(
        json.dumps(
            {"name": "bad", "schema_fields": [{"name": "n", "field_type": "integer", "min": 9, "max": 1}]}
        )
    )
    refused = synthdata(stack, "templates", "create", str(bad))
    assert refused.returncode == 1 and "schema_fields[0].max (1) must be at least min (9)" in refused.stderr


@pytest.mark.e2e
def test_orders_referring_to_a_user_job_name_only_its_users(stack: Stack, tmp_path: Path) -> None:
    users = tmp_path / "users.csv"
    made = synthdata(stack, "submit", "user", "-n", "2000", "--seed", "4", "--wait", "-o", str(users))
    assert made.returncode == 0, made.stderr
    orders = tmp_path / "orders.csv"
    reference = f"customers={made.stderr.split()[0]}"
    done = synthdata(
        stack, "submit", "ecommerce", "-n", "30000", "--reference", reference, "--wait", "-o", str(orders)
    )
    assert done.returncode == 0, done.stderr
    emails = {row["id"]: row["email"] for row in csv.DictReader(users.open())}
    rows = list(csv.DictReader(orders.open()))
    assert len(rows) == 30_000 and all(emails[row["customer_id"]] == row["customer_email"] for row in rows)
    refused = synthdata(stack, "submit", "ecommerce", "-n", "1000", "--reference", "customers=nope")
    assert refused.returncode == 1 and "references.customers: job nope not found" in refused.stderr
