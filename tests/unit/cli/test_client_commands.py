"""`synthdata submit|jobs|templates` against a fake API (httpx.MockTransport): what a user sees and gets."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import httpx
import pytest

from synthdata.cli import _parser
from synthdata.client import commands

JOB_ID = "5b1f3c9e-8d0a-4a53-9a7e-2f1c8f7d6b01"
FILE_URL = "http://files.example/jobs/user-1000.csv?X-Amz-Expires=3600"


def run(argv: list[str], handler: Callable[[httpx.Request], httpx.Response]) -> int:
    args = _parser().parse_args(argv)
    args.transport = httpx.MockTransport(handler)
    return commands.run(args)


def error(status: int, code: str, message: str, headers: dict[str, str] | None = None) -> httpx.Response:
    body = {"error": {"code": code, "message": message, "details": []}, "request_id": "req-1"}
    return httpx.Response(status, json=body, headers=headers)


def job(done: int, status: str) -> dict[str, Any]:
    return {"id": JOB_ID, "status": status, "records_done": done, "record_count": 1000, "progress": done / 10}


def test_submit_wait_shows_progress_then_writes_the_file(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(commands, "POLL_SECONDS", 0)
    polls = iter([job(0, "pending"), job(400, "processing"), job(1000, "completed")])
    sent: list[httpx.Request] = []

    def api(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        if request.url.path == "/api/generate":
            return httpx.Response(202, json={"job_id": JOB_ID, "message": "Job created", "status": "pending"})
        if request.url.path == f"/api/jobs/{JOB_ID}":
            return httpx.Response(200, json=next(polls))
        if request.url.path.endswith("/download"):
            link = {"download_url": FILE_URL, "filename": "user-1000.csv"}
            return httpx.Response(302, json=link, headers={"Location": FILE_URL})
        return httpx.Response(200, stream=httpx.ByteStream(b"id,name\n1,Ada\n"))

    target = tmp_path / "users.csv"
    argv = ["submit", "user", "-n", "1000", "-f", "csv", "--seed", "7", "--gzip", "--wait", "-o", str(target)]
    assert run(argv, api) == 0
    assert target.read_bytes() == b"id,name\n1,Ada\n"
    submitted = json.loads(sent[0].content)
    assert submitted == {
        "record_count": 1000,
        "output_format": "csv",
        "data_type": "user",
        "seed": 7,
        "compression": "gzip",
    }
    assert sent[0].headers["X-API-Key"] == "dev-api-key-123456"
    assert "X-API-Key" not in sent[-1].headers  # the presigned link carries its own authorisation
    out = capsys.readouterr()
    assert "generating" in out.err and "1.00k/1.00k" in out.err and out.out.strip() == str(target)


def test_a_429_prints_the_limit_and_retry_after_and_exits_non_zero(
    capsys: pytest.CaptureFixture[str],
) -> None:
    def api(request: httpx.Request) -> httpx.Response:
        return error(429, "limit_exceeded", "5 jobs are already running", {"Retry-After": "30"})

    assert run(["submit", "user", "-n", "1000", "--url", "http://api.example"], api) == 1
    assert capsys.readouterr().err.strip() == (
        "synthdata: limit reached: 5 jobs are already running; retry after 30 s (HTTP 429) [request_id req-1]"
    )


def test_errors_print_the_servers_message(capsys: pytest.CaptureFixture[str]) -> None:
    def api(request: httpx.Request) -> httpx.Response:
        return error(410, "gone", f"Job {JOB_ID} was cancelled, so it has no file")

    assert run(["jobs", "download", JOB_ID], api) == 1
    assert f"Job {JOB_ID} was cancelled, so it has no file (HTTP 410 gone)" in capsys.readouterr().err


def test_url_and_key_come_from_the_environment(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("SYNTHDATA_URL", "http://api.example/dev")
    monkeypatch.setenv("SYNTHDATA_API_KEY", "my-key-1234567890")
    seen: list[httpx.Request] = []

    def api(request: httpx.Request) -> httpx.Response:
        seen.append(request)
        return httpx.Response(200, json={"items": [], "total": 0})

    assert run(["templates", "list"], api) == 0
    assert str(seen[0].url) == "http://api.example/dev/api/templates"
    assert seen[0].headers["X-API-Key"] == "my-key-1234567890"


def test_templates_are_created_from_a_json_file(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    template = {"name": "people", "schema_fields": [{"name": "id", "field_type": "uuid"}]}
    source = tmp_path / "template.json"
    source.write_text(json.dumps(template))

    def api(request: httpx.Request) -> httpx.Response:
        assert json.loads(request.content) == template
        return httpx.Response(201, json={"id": "t-1", **template})

    assert run(["templates", "create", str(source)], api) == 0
    assert capsys.readouterr().out.strip() == "t-1"


def test_a_dataset_and_a_template_together_are_refused_before_any_request(
    capsys: pytest.CaptureFixture[str],
) -> None:
    def api(request: httpx.Request) -> httpx.Response:
        raise AssertionError("no request expected")

    assert run(["submit", "user", "--template", "t-1", "-n", "100"], api) == 2
    assert "one of them" in capsys.readouterr().err


def test_references_and_format_options_are_sent_as_the_api_names_them(
    capsys: pytest.CaptureFixture[str],
) -> None:
    sent: list[dict[str, Any]] = []

    def api(request: httpx.Request) -> httpx.Response:
        sent.append(json.loads(request.content))
        return httpx.Response(202, json={"job_id": JOB_ID, "message": "Job created", "status": "pending"})

    argv = ["submit", "ecommerce", "-n", "100", "-f", "sql", "--reference", f"customers={JOB_ID}"]
    argv += ["--sql-dialect", "sqlite", "--table-name", "orders", "--rows-per-insert", "10", "--no-header"]
    assert run([*argv, "--delimiter", ";"], api) == 0
    assert sent[0]["references"] == {"customers": JOB_ID}
    assert sent[0]["options"] == {
        "delimiter": ";",
        "header": False,
        "sql_dialect": "sqlite",
        "table_name": "orders",
        "rows_per_insert": 10,
    }
    assert run(["submit", "user", "-n", "100"], api) == 0 and "options" not in sent[1]
    assert run(["submit", "ecommerce", "-n", "100", "--reference", "customers"], api) == 2
    assert "NAME=JOB_ID" in capsys.readouterr().err and len(sent) == 2


def test_the_lambda_layer_never_imports_the_client_libraries() -> None:
    import subprocess
    import sys

    code = "import synthdata.cli, sys; print('httpx' in sys.modules, 'tqdm' in sys.modules)"
    answer = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert answer.stdout.strip() == "False False"
    layer = Path(__file__).parents[3] / "layers" / "common" / "requirements.in"
    assert not {"httpx", "tqdm"} & {line.split("=")[0].split("[")[0] for line in layer.read_text().split()}


def test_submit_sends_the_callback_url_and_the_secret_is_printed_or_rotated(
    capsys: pytest.CaptureFixture[str],
) -> None:
    sent: list[httpx.Request] = []

    def api(request: httpx.Request) -> httpx.Response:
        sent.append(request)
        if request.url.path == "/api/generate":
            return httpx.Response(202, json={"job_id": JOB_ID, "message": "Job created", "status": "pending"})
        secret = "whsec_new" if request.url.path.endswith("/rotate") else "whsec_old"
        return httpx.Response(200, json={"secret": secret, "created_at": "t"})

    hook = "https://hooks.example.com/synthdata"
    assert run(["submit", "user", "-n", "1000", "--callback-url", hook], api) == 0
    assert json.loads(sent[0].content)["callback_url"] == hook
    assert run(["webhook-secret"], api) == 0
    assert run(["webhook-secret", "--rotate"], api) == 0
    assert [(r.method, r.url.path) for r in sent[1:]] == [
        ("GET", "/api/webhook-secret"),
        ("POST", "/api/webhook-secret/rotate"),
    ]
    assert sent[2].headers.get("content-type") is None  # a POST with no body at all
    lines = capsys.readouterr().out.split()
    assert lines[-2:] == ["whsec_old", "whsec_new"]
