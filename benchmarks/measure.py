"""Run one measurement in a fresh spawned process: wall seconds, bytes produced, peak resident memory."""

from __future__ import annotations

import importlib
import resource
import time
from collections.abc import Callable
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass
from multiprocessing import get_context
from typing import Any, TypeVar

T = TypeVar("T")

_WARM_UP_RECORDS = 1000


@dataclass(frozen=True)
class Measurement:
    seconds: float
    bytes: int
    peak_mb: float


@dataclass(frozen=True)
class Row:
    suite: str
    implementation: str
    case: str
    records: int
    measurement: Measurement
    ratio: float | None = None  # against the suite's baseline at the same size

    @property
    def records_per_second(self) -> float:
        return self.records / self.measurement.seconds

    @property
    def mb_per_second(self) -> float:
        return self.measurement.bytes / 1e6 / self.measurement.seconds


def _run(target: str, args: tuple[Any, ...]) -> Measurement:
    module_name, _, function_name = target.rpartition(".")
    function = getattr(importlib.import_module(module_name), function_name)
    # Untimed warm-up for every implementation alike: imports and per-process caches are a cold start,
    # paid once per Lambda container, not per record.
    function(*args[:-1], _WARM_UP_RECORDS)
    started = time.perf_counter()
    produced = function(*args)
    seconds = time.perf_counter() - started
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return Measurement(seconds, int(produced), peak_kb / 1024)


def call_in_fresh_process(function: Callable[..., T], *args: Any) -> T:
    """`function(*args)` in a new spawned interpreter (nothing imported or cached yet); its result."""
    with ProcessPoolExecutor(max_workers=1, mp_context=get_context("spawn")) as pool:
        return pool.submit(function, *args).result()


def in_fresh_process(target: str, *args: Any) -> Measurement:
    """`target` is "module.function", called with `*args` whose last item is the record count; returns bytes."""
    return call_in_fresh_process(_run, target, args)
