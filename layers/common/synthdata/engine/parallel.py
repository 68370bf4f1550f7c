"""A file rendered by several processes and written in file order: the CLI's `--jobs`.

Any row range of a file renders alone to the same bytes it has in the whole file (split-invariance, which the
job pipeline relies on too), so processes can render consecutive ranges and the parent write them in order: the
file is byte for byte the one a single process writes. The parent renders the first block itself before it
starts the pool: the first byte goes out without waiting for processes to start, and on Linux the forked
processes inherit the locale tables that block loaded. Lambda workers do not use this; a job fans out over
Lambdas instead.
"""

from __future__ import annotations

import os
import sys
from collections import deque
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING, Any, BinaryIO, NamedTuple

from synthdata.engine import get_dataset, iter_rendered_blocks
from synthdata.engine.rng import BLOCK_ROWS

if TYPE_CHECKING:
    from concurrent.futures import Future

MAX_JOBS = 64  # processes; past the machine's CPUs more only add start-up and memory (~80 MB each)
# Blocks a process renders per task: large enough that a task's overhead (a file, two messages) costs little
# against rendering them, small enough that the pool stays busy to the end and the bytes held in flight stay bounded
# (IN_FLIGHT_PER_JOB x jobs tasks of at most MAX_TASK_BLOCKS x BLOCK_ROWS records each).
MAX_TASK_BLOCKS = 4
IN_FLIGHT_PER_JOB = 2

Progress = Callable[[int, int], None]  # (rows, bytes) of the piece just written


def usable_cpus() -> int:
    """CPUs this process may run on (its affinity where the OS tells it, else the machine's count)."""
    if hasattr(os, "sched_getaffinity"):
        return len(os.sched_getaffinity(0))
    return os.cpu_count() or 1


class FileSpec(NamedTuple):
    """What file to render: everything a process needs, picklable (a named tuple: a dataclass costs every
    run ~0.4 ms to define)."""

    dataset: str
    seed: int
    locale: str
    fmt: str
    compression: str | None
    records: int
    options: dict[str, Any]


def task_ranges(records: int, jobs: int, start: int = BLOCK_ROWS) -> list[tuple[int, int]]:
    """Consecutive row ranges covering [start, records), each a whole number of blocks (the last may end
    early), about four per process so that none waits long on the others at the end."""
    blocks = -(-(records - start) // BLOCK_ROWS)
    per_task = max(1, min(MAX_TASK_BLOCKS, blocks // (4 * jobs)))
    step = per_task * BLOCK_ROWS
    return [(lo, min(lo + step, records)) for lo in range(start, records, step)]


def _render(spec: FileSpec, lo: int, hi: int, folder: str) -> tuple[str, int]:
    """Rows [lo, hi) written block by block to a new file in `folder`; returns its path and size. The parent
    copies it to the output with the kernel's sendfile: sending the bytes back through the pool's pipe
    (pickled) moved ~0.6 GB/s here, a file ~2.9 GB/s, and a 1M-row CSV file is ~280 MB."""
    import tempfile  # here and in _write_in_pool: a one-process run never needs it

    handle, path = tempfile.mkstemp(dir=folder)
    size = 0
    with os.fdopen(handle, "wb") as file:
        for piece, _ in _blocks(spec, lo, hi):
            size += file.write(piece)
    return path, size


def _blocks(spec: FileSpec, start: int, stop: int) -> Iterator[tuple[bytes, int]]:
    return iter_rendered_blocks(
        get_dataset(spec.dataset),
        seed=spec.seed,
        locale=spec.locale,
        fmt=spec.fmt,
        compression=spec.compression,
        start=start,
        stop=stop,
        total=spec.records,
        options=spec.options,
    )


def _copy(path: str, size: int, out: BinaryIO) -> None:
    """The piece's file to `out`, then removed: by sendfile when `out` is an OS file on Linux (macOS sends
    files only to sockets), else read and written."""
    with open(path, "rb") as piece:  # noqa: PTH123  # pathlib costs a run ~3 ms to import (cli)
        try:
            target = out.fileno() if sys.platform == "linux" else -1
        except (AttributeError, OSError):  # io.BytesIO and the like
            target = -1
        if target < 0:
            out.write(piece.read())
        else:
            out.flush()  # what the parent wrote through the buffer goes first
            sent = 0
            while sent < size:
                step = os.sendfile(target, piece.fileno(), sent, size - sent)
                if not step:  # the piece's file is shorter than its renderer said: never loop on it
                    raise OSError(f"{path}: {sent} of {size} bytes")
                sent += step
    os.remove(path)  # noqa: PTH107


def _pool(workers: int) -> Any:
    """Imported here, not at the top: ~15 ms that a one-process run never pays. fork on Linux (the processes
    start at once, with the parent's tables loaded); spawn elsewhere, where forking a process that has loaded
    system libraries is not safe (macOS) or not possible (Windows)."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context("fork" if sys.platform == "linux" else "spawn")
    return ProcessPoolExecutor(max_workers=workers, mp_context=context, initializer=_ignore_interrupts)


def _ignore_interrupts() -> None:
    """Ctrl-C reaches every process of the terminal's group: the parent alone handles it (cancels, waits for
    the running pieces, removes the folder); a worker interrupted mid-piece would only print a traceback.
    A worker starts with SIGINT held (_interrupts_held), so one sent while it starts is dropped here."""
    import signal  # here and in _interrupts_held: ~0.6 ms to import (its enums), which a one-process run never needs

    signal.signal(signal.SIGINT, signal.SIG_IGN)
    if hasattr(signal, "pthread_sigmask"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


@contextmanager
def _interrupts_held() -> Iterator[None]:
    """SIGINT held back while the pool may start processes (they start at a submit): a Ctrl-C that lands in
    a fork's handlers is swallowed there ("Exception ignored"), in the parent or in a worker before it ignores
    it. Held, it is delivered when this block ends, where the parent can act on it."""
    import signal

    if not hasattr(signal, "pthread_sigmask"):  # Windows: no signal masks (and no fork)
        yield
        return
    signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


def write_file(spec: FileSpec, jobs: int, out: BinaryIO, progress: Progress | None = None) -> int:
    """Write the file to `out` with `jobs` processes (1: this one alone); returns the bytes written.
    `progress(rows, bytes)` is called after each piece. With a pool it calls gc.freeze() (see _write_in_pool):
    meant for a process that writes the file and exits, as the CLI does."""
    if not 1 <= jobs <= MAX_JOBS:
        raise ValueError(f"jobs must be between 1 and {MAX_JOBS}")
    serial_rows = spec.records if jobs == 1 or spec.records <= 2 * BLOCK_ROWS else BLOCK_ROWS
    written = 0
    for piece, rows in _blocks(spec, 0, serial_rows):
        out.write(piece)
        written += len(piece)
        if progress:
            progress(rows, len(piece))
    if serial_rows < spec.records:
        written += _write_in_pool(spec, jobs, out, progress)
    return written


def _write_in_pool(spec: FileSpec, jobs: int, out: BinaryIO, progress: Progress | None) -> int:
    import gc
    import tempfile

    # What exists now lives as long as the process: out of the collector's reach, so a worker's collections do not
    # write to every object's header and copy the parent's pages it shares (copy-on-write after fork).
    gc.freeze()
    ranges = deque(task_ranges(spec.records, jobs))
    pending: deque[tuple[Future[tuple[str, int]], int]] = deque()
    written = 0
    with tempfile.TemporaryDirectory(prefix="synthdata-") as folder, _pool(min(jobs, len(ranges))) as pool:
        try:
            while ranges or pending:
                # Bounded: at most this many rendered pieces wait on disk for a slow reader of the output.
                with _interrupts_held():
                    while ranges and len(pending) < IN_FLIGHT_PER_JOB * jobs:
                        lo, hi = ranges.popleft()
                        pending.append((pool.submit(_render, spec, lo, hi, folder), hi - lo))
                future, rows = pending.popleft()
                path, size = future.result()
                _copy(path, size, out)
                written += size
                if progress:
                    progress(rows, size)
        finally:  # an error, Ctrl-C: drop what has not started (the folder goes with what was written)
            for future, _ in pending:
                future.cancel()
    return written
