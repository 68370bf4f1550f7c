"""What webhook delivery needs from outside: per-key secrets and an HTTP client (adapters in synthdata.adapters,
in-memory fakes in tests/fakes.py). The queue that carries deliveries is the job domain's `JobNotices` port."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Protocol

from synthdata.webhooks.url_policy import Destination


@dataclass(frozen=True)
class WebhookSecret:
    owner: str
    secret: str
    created_at: str


class WebhookSecretStore(Protocol):
    """One secret per API key (owner), readable only under that owner."""

    def get(self, owner: str) -> WebhookSecret | None: ...

    def create(self, candidate: WebhookSecret) -> WebhookSecret:
        """Store `candidate` unless the owner has a secret already; returns the one stored (a race keeps one)."""
        ...

    def replace(self, new: WebhookSecret) -> None: ...


class SendFailed(Exception):
    """No HTTP answer: connection refused or reset, TLS failure, timeout."""


class WebhookSender(Protocol):
    def post(self, destination: Destination, body: bytes, headers: Mapping[str, str], timeout: float) -> int:
        """POST to the destination's pinned address; the HTTP status (redirects are not followed), or SendFailed."""
        ...
