"""The synthdata HTTP API from Python: one method per operation the command line uses, every answer that is
not a success raised as ApiError with the server's message. Needs the package's `cli` extra (httpx)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx

from synthdata.client import DEFAULT_KEY, DEFAULT_URL

_CHUNK = 1024 * 1024


@dataclass
class ApiError(Exception):
    """A non-success answer: its status, the error shape's code and message, and Retry-After if sent."""

    status: int
    code: str
    message: str
    retry_after: int | None = None
    request_id: str | None = None

    def __str__(self) -> str:
        text = f"{self.message} (HTTP {self.status} {self.code})"
        if self.status == 429:
            wait = f"retry after {self.retry_after} s" if self.retry_after else "retry later"
            text = f"limit reached: {self.message}; {wait} (HTTP 429)"
        return text + (f" [request_id {self.request_id}]" if self.request_id else "")


class SynthdataApi:
    """A client for one API URL and key. `transport` replaces the network (tests)."""

    def __init__(
        self,
        url: str = DEFAULT_URL,
        api_key: str = DEFAULT_KEY,
        *,
        timeout: float = 60,
        transport: httpx.BaseTransport | None = None,
    ) -> None:
        self._http = httpx.Client(
            base_url=url.rstrip("/"), headers={"X-API-Key": api_key}, timeout=timeout, transport=transport
        )
        self._transport = transport

    def close(self) -> None:
        self._http.close()

    # ------------------------------------------------------------------------------------ jobs
    def submit(self, request: dict[str, Any], idempotency_key: str | None = None) -> dict[str, Any]:
        headers = {"Idempotency-Key": idempotency_key} if idempotency_key else {}
        return self._json("POST", "/api/generate", json=request, headers=headers)

    def job(self, job_id: str) -> dict[str, Any]:
        return self._json("GET", f"/api/jobs/{job_id}")

    def jobs(self, status: str | None = None, page_size: int = 20) -> dict[str, Any]:
        params = {"page_size": page_size, **({"status": status} if status else {})}
        return self._json("GET", "/api/jobs", params=params)

    def cancel(self, job_id: str) -> dict[str, Any]:
        return self._json("DELETE", f"/api/jobs/{job_id}")

    def download(
        self, job_id: str, target: Path | None, on_bytes: Callable[[int, int | None], None] | None = None
    ) -> Path:
        """Follow the job's download redirect and write the file as stored (a .gz stays compressed) to
        `target`, or to the server's file name in the current directory; `on_bytes(n, total)` per chunk."""
        redirect = self._http.get(f"/api/jobs/{job_id}/download")
        if redirect.status_code != 302:
            raise _error(redirect)
        link = redirect.json()
        path = target or Path(link["filename"])
        with self._file(redirect.headers["Location"]) as answer:
            total = int(answer.headers["Content-Length"]) if "Content-Length" in answer.headers else None
            with path.open("wb") as out:
                for chunk in answer.iter_raw(_CHUNK):
                    out.write(chunk)
                    if on_bytes:
                        on_bytes(len(chunk), total)
        return path

    @contextmanager
    def _file(self, url: str) -> Iterator[httpx.Response]:
        # The presigned URL carries its own authorisation: no API key goes to object storage.
        with (
            httpx.Client(timeout=self._http.timeout, transport=self._transport) as storage,
            storage.stream("GET", url) as answer,
        ):
            if answer.status_code != 200:
                answer.read()
                raise ApiError(answer.status_code, "download_failed", "the file could not be fetched")
            yield answer

    # ------------------------------------------------------------------------------------ templates
    def templates(self) -> dict[str, Any]:
        return self._json("GET", "/api/templates")

    def create_template(self, template: dict[str, Any]) -> dict[str, Any]:
        return self._json("POST", "/api/templates", json=template)

    def delete_template(self, template_id: str) -> None:
        answer = self._http.delete(f"/api/templates/{template_id}")
        if answer.status_code != 204:
            raise _error(answer)

    # ------------------------------------------------------------------------------------ webhooks
    def webhook_secret(self, *, rotate: bool = False) -> dict[str, Any]:
        """The key's webhook secret (made on first request); `rotate` replaces it first."""
        if rotate:
            return self._json("POST", "/api/webhook-secret/rotate")
        return self._json("GET", "/api/webhook-secret")

    # ------------------------------------------------------------------------------------ plumbing
    def _json(self, method: str, path: str, **kwargs: Any) -> dict[str, Any]:
        answer = self._http.request(method, path, **kwargs)
        if not answer.is_success:
            raise _error(answer)
        body: dict[str, Any] = answer.json()
        return body


def _error(answer: httpx.Response) -> ApiError:
    """The API's one error shape as an ApiError (or what there is, from a proxy that answered instead)."""
    try:
        body = answer.json()
        error = body["error"]
        code, message, request_id = str(error["code"]), str(error["message"]), body.get("request_id")
    except (ValueError, KeyError, TypeError):
        code, message, request_id = "http_error", answer.text[:200] or answer.reason_phrase, None
    retry = answer.headers.get("Retry-After")
    return ApiError(
        answer.status_code, code, message, int(retry) if retry and retry.isdigit() else None, request_id
    )
