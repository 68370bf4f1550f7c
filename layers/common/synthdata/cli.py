"""`synthdata generate user -n 100000 -f csv --seed 42 --locale de_DE -o users.csv`: the engine without the stack.

The API client commands (`synthdata submit`, `jobs`, `templates`) live in synthdata.client.commands."""

from __future__ import annotations

import argparse
import os
import stat
import sys
import time
from typing import BinaryIO, NoReturn

from synthdata.engine import FORMATS, LOCALES
from synthdata.engine.allocator import keep_freed_buffers
from synthdata.engine.datasets import BUILT_IN
from synthdata.engine.parallel import MAX_JOBS, FileSpec, usable_cpus, write_file
from synthdata.engine.rng import new_seed

_BAR_WIDTH = 30


class _HelpFormatter(argparse.HelpFormatter):
    """argparse's help layout with the terminal width read through os: argparse makes a formatter for every
    argument it adds, and the default one imports shutil for the width (~1.5 ms of every run)."""

    def __init__(self, prog: str) -> None:
        super().__init__(prog, width=terminal_width() - 2)


def terminal_width() -> int:
    """COLUMNS, else the width of the terminal on stdout, else 80: shutil.get_terminal_size's columns."""
    try:
        columns = int(os.environ.get("COLUMNS", ""))
    except ValueError:
        columns = 0
    if columns > 0:
        return columns
    try:
        return os.get_terminal_size(sys.__stdout__.fileno()).columns or 80  # type: ignore[union-attr]
    except (AttributeError, ValueError, OSError):
        return 80


def _parser(with_client: bool = True) -> argparse.ArgumentParser:
    """The command line; without the API client's commands, `generate` neither imports nor builds them."""
    parser = argparse.ArgumentParser(
        prog="synthdata", description="Generate realistic synthetic datasets.", formatter_class=_HelpFormatter
    )
    commands = parser.add_subparsers(dest="command", required=True)
    generate = commands.add_parser(
        "generate", help="write a dataset to a file (or stdout)", formatter_class=_HelpFormatter
    )
    generate.add_argument("dataset", choices=sorted(BUILT_IN), help="built-in dataset")
    generate.add_argument("-n", "--records", type=int, default=1000, help="number of records (default 1000)")
    generate.add_argument(
        "-f", "--format", choices=FORMATS, default="csv", help="output format (default csv)"
    )
    generate.add_argument("--seed", type=int, help="same seed, same file (default: random, printed)")
    generate.add_argument("--locale", choices=LOCALES, default="en_US", help="locale (default en_US)")
    generate.add_argument("--gzip", action="store_true", help="gzip-compress the output")
    generate.add_argument(
        "--realistic-email-domains", action="store_true", help="free-mail domains instead of example.com"
    )
    generate.add_argument("-o", "--output", help="file to write (default: stdout)")
    generate.add_argument(
        "-j",
        "--jobs",
        type=int,
        help="processes rendering the file (default: the CPUs this process may use; 1: this process alone); "
        "the file is the same whatever the number",
    )
    if with_client:
        from synthdata.client import commands as client_commands

        client_commands.add_commands(commands)
    return parser


def _progress(done: int, total: int, started: float) -> None:
    filled = int(_BAR_WIDTH * done / total)
    rate = done / max(time.perf_counter() - started, 1e-9)
    sys.stderr.write(
        f"\r[{'#' * filled}{'.' * (_BAR_WIDTH - filled)}] {done:>10,}/{total:,} {rate:,.0f} rec/s"
    )
    sys.stderr.flush()


def generate(args: argparse.Namespace, out: BinaryIO, show_progress: bool) -> tuple[int, float]:
    """Write the file; returns (bytes written, seconds)."""
    if args.records < 1:
        raise SystemExit("synthdata: --records must be at least 1")
    if args.jobs is not None and not 1 <= args.jobs <= MAX_JOBS:
        raise SystemExit(f"synthdata: --jobs must be between 1 and {MAX_JOBS}")
    spec = FileSpec(
        dataset=args.dataset,
        seed=args.seed,
        locale=args.locale,
        fmt=args.format,
        compression="gzip" if args.gzip else None,
        records=args.records,
        options={"realistic_email_domains": args.realistic_email_domains},
    )
    started = time.perf_counter()
    done = 0

    def progress(rows: int, _bytes: int) -> None:
        nonlocal done
        done += rows
        if show_progress:
            _progress(done, args.records, started)

    written = write_file(spec, args.jobs or min(usable_cpus(), MAX_JOBS), out, progress)
    if show_progress:
        sys.stderr.write("\n")
    return written, time.perf_counter() - started


class _OutputFailed(Exception):
    """The output could not be opened or written: one line for the user (none when `message` is empty)."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


def _generate_to_file(args: argparse.Namespace, show_progress: bool) -> tuple[int, float]:
    try:
        out = open(args.output, "wb")  # noqa: SIM115, PTH123  # closed below; pathlib costs a run ~3 ms to import
    except OSError as error:
        raise _OutputFailed(f"cannot write {args.output}: {error.strerror or error}") from error
    try:
        with out:
            return generate(args, out, show_progress)
    except OSError as error:
        if error.errno is None or error.filename not in (None, args.output):
            raise  # not the output's own failure (a data file, say): a bug, reported whole
        _remove_partial(args.output)
        raise _OutputFailed(f"writing {args.output} failed: {error.strerror}") from error


def _generate_to_stdout(args: argparse.Namespace, show_progress: bool) -> tuple[int, float]:
    try:
        return generate(args, sys.stdout.buffer, show_progress)
    except OSError as error:
        if error.errno is None or error.filename is not None:
            raise
        # What is left in stdout's buffer goes to the null device at the exit's flush instead of failing again.
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        if isinstance(error, BrokenPipeError):
            # The reader went away (`synthdata generate user -n 1000000 | head`): stop quietly with status 1, as
            # Python's documentation advises (signal module, "Note on SIGPIPE").
            raise _OutputFailed("") from error
        raise _OutputFailed(f"writing to standard output failed: {error.strerror}") from error


def _remove_partial(path: str | None) -> None:
    """What a stopped run left at `path`, when it is a regular file: a device (`-o /dev/null`), a FIFO or a
    symbolic link named as the output stays as it was."""
    if not path:
        return
    try:
        if stat.S_ISREG(os.lstat(path).st_mode):
            os.remove(path)  # noqa: PTH107
    except FileNotFoundError:
        pass


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    # `generate ...` parses the same with or without the client's subcommands (only the top-level help and
    # errors list them): its start-up skips them.
    args = _parser(with_client=argv[:1] != ["generate"]).parse_args(argv)
    if args.command != "generate":
        from synthdata.client import commands as client_commands

        return client_commands.run(args)
    if args.seed is None:
        args.seed = new_seed()
    show_progress = sys.stderr.isatty()
    try:
        if args.output:
            written, seconds = _generate_to_file(args, show_progress)
        else:
            written, seconds = _generate_to_stdout(args, show_progress)
    except KeyboardInterrupt:
        # Ctrl-C: no half-written file left behind under the name asked for, the shell's status for SIGINT.
        _remove_partial(args.output)
        sys.stderr.write("\nsynthdata: interrupted\n")
        return 130
    except _OutputFailed as failure:
        if failure.message:
            sys.stderr.write(f"synthdata: {failure.message}\n")
        return 1
    sys.stderr.write(
        f"{args.records:,} {args.dataset} records, {written:,} bytes, {seconds:.2f} s "
        f"({args.records / max(seconds, 1e-9):,.0f} records/s), seed {args.seed}\n"
    )
    return 0


def run(argv: list[str] | None = None) -> NoReturn:
    """The console script (and `python -m synthdata.cli`): main(), then the exit.

    After `generate` the process leaves without the interpreter's teardown (os._exit): freeing every table,
    array and module one by one cost a 100,000-row run ~20 ms of its ~0.29 s (288.7 -> 268.2 ms) and serves
    nothing once the output file is closed (main's `with`) and the standard streams are flushed here. The
    other commands exit the usual way, so the HTTP client's atexit handlers still run; so does an error, and a
    flush that fails, which the interpreter reports as before. `generate` also keeps the allocator from handing
    each block's buffers back to the OS (engine.allocator)."""
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] != ["generate"]:
        sys.exit(main(argv))
    keep_freed_buffers()  # a process that renders blocks one after another, then exits
    status = main(argv)
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except OSError:
        sys.exit(status)
    os._exit(status)


if __name__ == "__main__":
    run()
