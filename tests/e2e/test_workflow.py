"""The README's workflow over HTTP against the running local stack."""

from __future__ import annotations

import csv
import io

import requests

from tests.e2e.conftest import Stack, wait_for_job


def test_generate_poll_download_csv(stack: Stack) -> None:
    answer = requests.post(
        f"{stack.url}/api/generate",
        headers=stack.headers(),
        json={"data_type": "user", "record_count": 10000, "output_format": "csv"},
        timeout=30,
    )
    assert answer.status_code == 202, answer.text
    body = answer.json()
    assert body["status"] == "pending"
    assert body["message"] == "Job created successfully. Generating 10000 user records."
    job = wait_for_job(stack, body["job_id"])
    assert job["status"] == "completed" and job["progress"] == 100 and job["records_done"] == 10000
    assert job["download_url"] and job["file_size_bytes"]

    redirect = requests.get(
        f"{stack.url}/api/jobs/{body['job_id']}/download",
        headers=stack.headers(),
        allow_redirects=False,
        timeout=30,
    )
    assert redirect.status_code == 302
    assert redirect.headers["Location"] == redirect.json()["download_url"]
    assert "X-Amz-Expires=3600" in redirect.headers["Location"]
    download = requests.get(redirect.headers["Location"], timeout=60)
    assert download.status_code == 200
    assert 'filename="user-10000.csv"' in download.headers["Content-Disposition"]
    rows = list(csv.reader(io.StringIO(download.content.decode())))
    assert rows[0][:4] == ["id", "first_name", "last_name", "full_name"]
    assert len(rows) == 10001
    assert len(download.content) == job["file_size_bytes"]


def test_key_in_query_string_and_missing_or_wrong_keys(stack: Stack) -> None:
    assert requests.get(f"{stack.url}/api/jobs?api_key={stack.key}", timeout=10).status_code == 200
    missing = requests.get(f"{stack.url}/api/jobs", timeout=10)
    assert missing.status_code == 401 and missing.json()["error"]["code"] == "unauthorized"
    wrong = requests.get(f"{stack.url}/api/jobs", headers={"X-API-Key": "wrong-key-000000"}, timeout=10)
    assert wrong.status_code == 403 and wrong.json()["error"]["code"] == "forbidden"
    assert requests.get(f"{stack.url}/health", timeout=10).json()["status"] == "ok"
    assert requests.get(f"{stack.url}/openapi.json", timeout=10).json()["openapi"].startswith("3.")
    assert "swagger" in requests.get(f"{stack.url}/docs", timeout=10).text.lower()


def test_one_key_never_sees_another_keys_job(stack: Stack) -> None:
    created = requests.post(
        f"{stack.url}/api/generate",
        headers=stack.headers(),
        json={"data_type": "company", "record_count": 100, "output_format": "json"},
        timeout=30,
    ).json()
    other = stack.headers(stack.other_key)
    assert (
        requests.get(f"{stack.url}/api/jobs/{created['job_id']}", headers=other, timeout=10).status_code
        == 404
    )
    listed = requests.get(f"{stack.url}/api/jobs", headers=other, timeout=10).json()
    assert created["job_id"] not in [j["id"] for j in listed["items"]]
    assert wait_for_job(stack, created["job_id"])["status"] == "completed"
