"""Stand-ins for Lambda's SQS event source mappings and schedules, read from template.yaml.

Each SQS event of a function gets a poller thread that long-polls its queue and hands real SQS event batches
to a pool of worker processes (one per core, spawned: module state lives per process, as in a warm Lambda
container). Successful messages are deleted; failed ones (ReportBatchItemFailures, or the whole batch when
the invocation crashes) stay, reappear after the visibility timeout and, after maxReceiveCount, land in the
dead-letter queue by SQS's own redrive. Schedule events are invoked on a timer.
"""

from __future__ import annotations

import logging
import os
import signal
import threading
import time
import traceback
from collections import Counter
from collections.abc import Callable
from concurrent.futures import Future, ProcessPoolExecutor
from dataclasses import dataclass
from multiprocessing import get_context
from typing import Any

import boto3

from local.invoker import context_for, load_function
from local.resources import LocalResources
from local.sqs_events import delete_succeeded, lambda_sqs_event, receive
from local.template import Template, load_template

LOG = logging.getLogger(__name__)
_WAIT_SECONDS = 2


@dataclass(frozen=True)
class SqsSource:
    function: str
    queue: str  # logical id
    batch_size: int
    report_failures: bool
    max_concurrency: int | None = None  # ScalingConfig.MaximumConcurrency: the lane's own capacity


@dataclass(frozen=True)
class ScheduleSource:
    function: str
    name: str


def event_sources(template: Template) -> tuple[list[SqsSource], list[ScheduleSource]]:
    """The SQS and Schedule events of every function, as the template declares them."""
    sqs: list[SqsSource] = []
    schedules: list[ScheduleSource] = []
    for logical_id, resource in template.resources_of_type("AWS::Serverless::Function").items():
        for name, event in resource.get("Properties", {}).get("Events", {}).items():
            props = event.get("Properties", {})
            if event["Type"] == "SQS":
                queue = (
                    props["Queue"]["Fn::GetAtt"][0] if isinstance(props["Queue"], dict) else props["Queue"]
                )
                scaling = template.resolve(props.get("ScalingConfig", {}))
                sqs.append(
                    SqsSource(
                        function=logical_id,
                        queue=queue,
                        batch_size=int(props.get("BatchSize", 10)),
                        report_failures="ReportBatchItemFailures" in props.get("FunctionResponseTypes", []),
                        max_concurrency=int(scaling["MaximumConcurrency"])
                        if "MaximumConcurrency" in scaling
                        else None,
                    )
                )
            elif event["Type"] == "Schedule":
                schedules.append(ScheduleSource(function=logical_id, name=name))
    return sqs, schedules


# ---------------------------------------------------------------------------------------------- worker side
_template: Template | None = None


def _ignore_interrupts() -> None:
    """Runs first in each pool process: Ctrl-C reaches the terminal's whole process group, but only the stack's
    main process should act on it (it stops the pollers, then the workers, in order)."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def _warm(functions: list[str]) -> int:
    """Runs in a pool process at start: import the handlers (a provisioned, warm container)."""
    global _template
    if _template is None:
        _template = load_template()
    for function in functions:
        load_function(_template, function)
    return os.getpid()


def _invoke(function: str, event: dict[str, Any]) -> Any:
    """Runs in a pool process: import the handler once per process, call it like Lambda would."""
    global _template
    if _template is None:
        _template = load_template()
    try:
        return load_function(_template, function)(event, context_for(_template, function))
    except Exception:
        traceback.print_exc()
        return None  # a crashed invocation: every message of the batch is retried


# ---------------------------------------------------------------------------------------------- poller side
class Pollers:
    """Poller threads feeding a process pool; `stop()` ends polling and waits for running invocations.

    Each event source is a lane with its own capacity, as on Lambda (its MaximumConcurrency, scaled down to this
    machine: at most one process per core), and the pool has room beyond one lane's share, so a busy lane (the
    bulk work queue) never holds up another (the express queue, the finalizer).
    """

    def __init__(
        self, resources: LocalResources, processes: int | None = None, sweep_seconds: float = 60.0
    ) -> None:
        self._resources = resources
        cores = os.cpu_count() or 2
        self._processes = processes or cores + 2
        self._lane_size = min(cores, self._processes)
        self._sweep_seconds = sweep_seconds
        self._stopping = threading.Event()
        self._lanes: dict[str, threading.Semaphore] = {}
        self._pool = ProcessPoolExecutor(
            max_workers=self._processes, mp_context=get_context("spawn"), initializer=_ignore_interrupts
        )
        self._threads: list[threading.Thread] = []
        self.invocations: Counter[str] = Counter()  # "<function> <- <queue>" -> batches invoked
        self.failed_messages: Counter[str] = Counter()

    def start(self) -> None:
        sqs_sources, schedules = event_sources(self._resources.template)
        functions = sorted({s.function for s in sqs_sources} | {s.function for s in schedules})
        warming = [self._pool.submit(_warm, functions) for _ in range(self._processes)]
        for future in warming:
            future.result()
        for source in sqs_sources:
            size = min(source.max_concurrency or self._lane_size, self._lane_size)
            self._lanes[source.queue] = threading.Semaphore(size)
            self._spawn(f"poll-{source.queue}", lambda s=source: self._poll(s))  # type: ignore[misc]
        for schedule in schedules:
            self._spawn(f"schedule-{schedule.name}", lambda s=schedule: self._tick(s))  # type: ignore[misc]

    def _spawn(self, name: str, target: Callable[[], None]) -> None:
        thread = threading.Thread(target=target, name=name, daemon=True)
        thread.start()
        self._threads.append(thread)

    def _poll(self, source: SqsSource) -> None:
        # One session per thread: boto3's default session is not safe to create clients from concurrently.
        sqs = boto3.session.Session().client("sqs")
        url = self._resources.queues[source.queue]
        arn = self._resources.queue_arns[source.queue]
        while not self._stopping.is_set():
            try:
                messages = receive(sqs, url, source.batch_size, wait_seconds=_WAIT_SECONDS)
            except Exception:
                if self._stopping.is_set():
                    return
                LOG.exception("receive from %s failed", source.queue)
                self._stopping.wait(1)
                continue
            if not messages:
                continue
            # A slot of the lane is taken only to invoke, never while long-polling, so no queue starves the others.
            lane = self._lanes[source.queue]
            while not lane.acquire(timeout=1):
                if self._stopping.is_set():
                    return
            try:
                future = self._pool.submit(_invoke, source.function, lambda_sqs_event(messages, arn))
            except RuntimeError:  # the pool is shutting down: the messages simply become visible again
                lane.release()
                return
            future.add_done_callback(lambda f, m=messages: self._settle(sqs, url, source, m, f))  # type: ignore[misc]

    def _settle(
        self, sqs: Any, url: str, source: SqsSource, messages: list[dict[str, Any]], future: Future[Any]
    ) -> None:
        if self._stopping.is_set():  # stopped mid-invocation: the messages simply become visible again
            self._lanes[source.queue].release()
            return
        try:
            response = future.result() if not future.cancelled() and future.exception() is None else None
            if not source.report_failures and isinstance(response, dict):
                response = {"batchItemFailures": []}
            failed = delete_succeeded(sqs, url, messages, response)
            self.failed_messages[f"{source.function} <- {source.queue}"] += len(failed)
            if failed:
                LOG.warning("%s: %d of %d messages failed", source.function, len(failed), len(messages))
        except Exception:
            LOG.exception("settling a batch from %s failed", source.queue)
        finally:
            self.invocations[f"{source.function} <- {source.queue}"] += 1
            self._lanes[source.queue].release()

    def _tick(self, schedule: ScheduleSource) -> None:
        event = {
            "source": "aws.events",
            "detail-type": "Scheduled Event",
            "detail": {},
            "resources": [schedule.name],
        }
        while not self._stopping.wait(self._sweep_seconds):
            try:
                self._pool.submit(_invoke, schedule.function, event).result()
            except Exception:
                if not self._stopping.is_set():
                    LOG.exception("scheduled %s failed", schedule.name)

    def stop(self, grace_seconds: float = 0.0) -> None:
        """Stop polling and end the worker processes at once. An invocation still running is ended as a crashed
        Lambda would be (its messages would return after the visibility timeout); the local stack stops its
        in-memory AWS right after, so nothing is lost that would have been kept."""
        self._stopping.set()
        workers = list(getattr(self._pool, "_processes", {}).values())  # the executor keeps no public list
        self._pool.shutdown(wait=False, cancel_futures=True)
        deadline = time.monotonic() + grace_seconds
        for worker in workers:
            worker.join(max(0.0, deadline - time.monotonic()))
            if worker.is_alive():
                worker.terminate()
        for worker in workers:
            worker.join(1)
        # Poller threads are daemons blocked in a long poll of at most _WAIT_SECONDS: they return on their own.
