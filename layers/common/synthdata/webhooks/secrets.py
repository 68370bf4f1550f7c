"""Per-key webhook secrets: made on first use, read and rotated only by their own key."""

from __future__ import annotations

from dataclasses import dataclass

from synthdata.clock import iso, utc_now
from synthdata.webhooks.ports import WebhookSecret, WebhookSecretStore
from synthdata.webhooks.signing import new_secret


@dataclass
class WebhookSecrets:
    store: WebhookSecretStore

    def secret_for(self, owner: str) -> WebhookSecret:
        """The owner's secret, created the first time it is asked for (by GET or by a job with a callback_url)."""
        found = self.store.get(owner)
        if found is not None:
            return found
        return self.store.create(WebhookSecret(owner, new_secret(), iso(utc_now())))

    def rotate(self, owner: str) -> WebhookSecret:
        """A new secret replaces the old at once: deliveries from now on are signed with it."""
        fresh = WebhookSecret(owner, new_secret(), iso(utc_now()))
        self.store.replace(fresh)
        return fresh
