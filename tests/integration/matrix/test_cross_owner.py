"""Matrix 5: one key never reaches another key's work. Every operation of owner B on owner A's jobs, templates,
downloads, previews, listing tokens and idempotency keys fails (404/422), or acts on B's own data only."""

from __future__ import annotations

from typing import Any

from tests.conftest import Figure
from tests.integration.api.conftest import Api
from tests.integration.pipeline.conftest import Driver

A, B = "key-owner-a", "key-owner-b"
GENERATE = {"data_type": "user", "record_count": 1000, "output_format": "csv"}
TEMPLATE = {"name": "A's", "schema_fields": [{"name": "id", "field_type": "uuid"}]}


def test_no_operation_of_one_owner_reaches_anothers_data(api: Api, driver: Driver, figure: Figure) -> None:
    completed = api.call("POST", "/api/generate", GENERATE, owner=A).json()["job_id"]
    driver.run()
    pending = api.call("POST", "/api/generate", GENERATE, owner=A, headers={"Idempotency-Key": "k1"}).json()
    template_id = api.call("POST", "/api/templates", TEMPLATE, owner=A).json()["id"]
    for _ in range(2):
        api.call("POST", "/api/generate", GENERATE, owner=A)
    token = api.call("GET", "/api/jobs", owner=A, query={"page_size": "2"}).json()["next_token"]
    assert token

    attempts: list[tuple[str, Any]] = []
    for job_id in (completed, pending["job_id"]):
        attempts += [
            ("GET job", api.call("GET", f"/api/jobs/{job_id}", owner=B)),
            ("cancel", api.call("DELETE", f"/api/jobs/{job_id}", owner=B)),
            ("download", api.call("GET", f"/api/jobs/{job_id}/download", owner=B)),
        ]
    attempts += [
        ("GET template", api.call("GET", f"/api/templates/{template_id}", owner=B)),
        ("PUT template", api.call("PUT", f"/api/templates/{template_id}", TEMPLATE, owner=B)),
        ("DELETE template", api.call("DELETE", f"/api/templates/{template_id}", owner=B)),
        (
            "generate from template",
            api.call("POST", "/api/generate", {"template_id": template_id, "record_count": 500}, owner=B),
        ),
        (
            "preview template",
            api.call("POST", "/api/preview", {"template_id": template_id, "record_count": 5}, owner=B),
        ),
        ("list with A's token", api.call("GET", "/api/jobs", owner=B, query={"next_token": token})),
    ]
    succeeded = [name for name, reply in attempts if reply.status < 400]
    # What B may do succeeds, and shows only B's own data.
    assert api.call("GET", "/api/jobs", owner=B).json()["items"] == []
    assert api.call("GET", "/api/templates", owner=B).json()["items"] == []
    reused = api.call("POST", "/api/generate", GENERATE, owner=B, headers={"Idempotency-Key": "k1"}).json()
    own_jobs = [j["id"] for j in api.call("GET", "/api/jobs", owner=B).json()["items"]]
    checks = len(attempts) + 4
    assert succeeded == [] and reused["job_id"] != pending["job_id"] and own_jobs == [reused["job_id"]]
    assert all(reply.status in (404, 422) for _, reply in attempts)
    assert api.call("GET", f"/api/jobs/{completed}", owner=A).json()["status"] == "completed"
    assert api.call("GET", f"/api/templates/{template_id}", owner=A).status == 200
    figure("5 cross-owner", f"{len(succeeded)} of {checks} operations on another key's data succeeded")
