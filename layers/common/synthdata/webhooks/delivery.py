"""Deliver one webhook: read the ended job, check its callback URL again (the DNS answer may have changed since
submission), sign the job's status body with its key's secret and POST it to the checked address.

Retries: a failed attempt hides its message for `retry_delay(attempt)` seconds (exponential, from
WebhookRetryBaseSeconds), and after WebhookMaxAttempts receives SQS moves it to the webhook dead-letter queue.
A URL that is now refused is not retried: no later attempt could make it allowed.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass, field

from synthdata.jobs.job import Job, JobStatus
from synthdata.jobs.ports import JobStore
from synthdata.webhooks.messages import JobEnded
from synthdata.webhooks.ports import SendFailed, WebhookSecretStore, WebhookSender
from synthdata.webhooks.signing import EVENT_HEADER, SIGNATURE_HEADER, signature_header
from synthdata.webhooks.url_policy import RefusedDestination, Resolver, UnresolvedHost, UrlPolicy, destination

MAX_VISIBILITY_SECONDS = 12 * 3600  # SQS's limit on a message's visibility timeout
USER_AGENT = "synthdata-webhooks/1"


class DeliveryFailed(Exception):
    """This attempt failed in a way a later one may not (no answer, a non-2xx answer, DNS); retry it."""


def retry_delay(attempt: int, base_seconds: int) -> int:
    """Seconds before attempt `attempt + 1` after attempt `attempt` (1-based) failed: base x 2^(attempt-1),
    capped at SQS's 12-hour visibility maximum. With base 30: 30, 60, 120, 240, 480, 960, 1920 s."""
    return int(min(base_seconds * 2 ** max(attempt - 1, 0), MAX_VISIBILITY_SECONDS))


@dataclass(frozen=True)
class DeliveryLimits:
    policy: UrlPolicy
    timeout_seconds: float
    max_attempts: int
    retry_base_seconds: int


@dataclass
class Deliverer:
    jobs: JobStore
    secrets: WebhookSecretStore
    sender: WebhookSender
    resolve: Resolver
    limits: DeliveryLimits
    render: Callable[[Job], bytes]  # the job's status JSON, as GET /api/jobs/{id} answers it
    clock: Callable[[], float] = field(default=time.time)

    def deliver(self, notice: JobEnded) -> str:
        """One attempt: "delivered", "refused" (URL no longer allowed), "skipped" (nothing to tell);
        DeliveryFailed when it should be tried again."""
        job = self.jobs.get(notice.job_id)
        url = job.spec.callback_url if job is not None else None
        if job is None or not url or job.status not in (JobStatus.COMPLETED, JobStatus.FAILED):
            return "skipped"
        secret = self.secrets.get(job.owner)
        if secret is None:  # made when the job was submitted; missing only if removed by hand
            raise DeliveryFailed("the key has no webhook secret")
        try:
            target = destination(url, self.limits.policy, self.resolve)
        except RefusedDestination:
            return "refused"
        except UnresolvedHost as error:
            raise DeliveryFailed(str(error)) from None
        body = self.render(job)
        headers = {
            "Content-Type": "application/json",
            "User-Agent": USER_AGENT,
            SIGNATURE_HEADER: signature_header(secret.secret, body, int(self.clock())),
            EVENT_HEADER: f"{job.job_id}.{job.status.value}",
        }
        try:
            status = self.sender.post(target, body, headers, self.limits.timeout_seconds)
        except SendFailed as error:
            raise DeliveryFailed(f"no answer from the receiver ({error})") from None
        if 200 <= status < 300:
            return "delivered"
        raise DeliveryFailed(f"the receiver answered HTTP {status}")

    def attempt(self, notice: JobEnded, attempt: int, postpone: Callable[[int], None]) -> str:
        """`deliver`, and on a retryable failure hide the message for the backoff delay before re-raising. After
        the last attempt it is made visible at once: its next receive is past maxReceiveCount, so SQS moves it to
        the dead-letter queue then, rather than after the queue's visibility timeout."""
        try:
            return self.deliver(notice)
        except DeliveryFailed:
            last = attempt >= self.limits.max_attempts
            postpone(0 if last else retry_delay(attempt, self.limits.retry_base_seconds))
            raise
