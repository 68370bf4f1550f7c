"""The CLI writes the same bytes the engine renders, and summarizes what it did."""

from __future__ import annotations

import gzip
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from synthdata.cli import main
from synthdata.engine import get_dataset, render_rows
from tests.fresh_process import fresh_python


def _engine_bytes(records: int, *, seed: int, locale: str, fmt: str) -> bytes:
    """The `user` file the CLI must write, rendered by the engine in this process."""
    return render_rows(
        get_dataset("user"),
        seed=seed,
        locale=locale,
        fmt=fmt,
        compression=None,
        start=0,
        stop=records,
        total=records,
        options={"realistic_email_domains": False},
    )


def test_generate_writes_the_engine_file_and_a_summary(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "users.csv"
    assert (
        main(
            [
                "generate",
                "user",
                "-n",
                "2500",
                "-f",
                "csv",
                "--seed",
                "42",
                "--locale",
                "de_DE",
                "-o",
                str(target),
            ]
        )
        == 0
    )
    expected = _engine_bytes(2500, seed=42, locale="de_DE", fmt="csv")
    assert target.read_bytes() == expected
    summary = capsys.readouterr().err
    assert "2,500 user records" in summary and f"{len(expected):,} bytes" in summary and "seed 42" in summary


def test_gzip_output_decompresses_to_ndjson(tmp_path: Path) -> None:
    target = tmp_path / "orders.ndjson.gz"
    main(["generate", "ecommerce", "-n", "300", "-f", "ndjson", "--gzip", "-o", str(target)])
    assert len(gzip.decompress(target.read_bytes()).decode().splitlines()) == 300


def test_bad_arguments_are_refused() -> None:
    with pytest.raises(SystemExit):
        main(["generate", "planets", "-n", "10"])
    with pytest.raises(SystemExit, match="at least 1"):
        main(["generate", "user", "-n", "0"])
    for jobs in ("0", "65"):
        with pytest.raises(SystemExit, match="--jobs must be between 1 and 64"):
            main(["generate", "user", "-n", "10", "--jobs", jobs])


def test_the_file_is_the_same_whatever_the_number_of_processes(tmp_path: Path) -> None:
    files = []
    for jobs in ("1", "2", "64"):
        target = tmp_path / f"orders-{jobs}.json"
        argv = [
            "generate",
            "ecommerce",
            "-n",
            "34567",
            "-f",
            "json",
            "--seed",
            "5",
            "-j",
            jobs,
            "-o",
            str(target),
        ]
        assert main(argv) == 0
        files.append(target.read_bytes())
    assert files[0] == files[1] == files[2]
    assert files[0].endswith(b"\n]\n")


def test_generate_starts_without_the_api_client_or_pydantic() -> None:
    # Start-up cost: `generate` needs neither the client's commands nor pydantic (locale profiles are read
    # without it at run time); importing them cost a run ~0.1 s.
    code = (
        "import os, sys; from synthdata.cli import main; "
        "main(['generate', 'user', '-n', '100', '--locale', 'ja_JP', '-o', os.devnull]); "
        "print(sorted(m for m in sys.modules if m.split('.')[0] == 'pydantic' or m.startswith('synthdata.client.')))"
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert out.stdout.strip() == "[]"


@pytest.mark.parametrize("columns", ["40", "100", "0", "wide"])
def test_help_is_argparse_s_own_layout_at_the_terminal_width(
    columns: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    # The CLI's formatter reads the width without shutil; its help is what argparse's default one writes.
    import argparse
    import shutil

    from synthdata import cli

    monkeypatch.setenv("COLUMNS", columns)
    assert cli.terminal_width() == shutil.get_terminal_size().columns
    ours = cli._parser(with_client=False)
    monkeypatch.setattr(cli, "_HelpFormatter", argparse.HelpFormatter)
    default = cli._parser(with_client=False)
    assert ours.format_help() == default.format_help()
    assert _generate_help(ours) == _generate_help(default)


def _generate_help(parser: Any) -> str:
    import argparse

    commands = next(a for a in parser._actions if isinstance(a, argparse._SubParsersAction))
    return str(commands.choices["generate"].format_help())


def test_generate_imports_neither_pathlib_shutil_nor_the_api_client(tmp_path: Path) -> None:
    # Each costs every run milliseconds: pathlib ~3 ms (data files are named with os.path), shutil ~1.5 ms.
    target = tmp_path / "out.csv"
    code = (
        f"import sys; from synthdata.cli import main; main(['generate', 'user', '-n', '5', '-o', {str(target)!r}]); "
        "print([m in sys.modules for m in ('pathlib', 'shutil', 'synthdata.client')])"
    )
    assert fresh_python(code) == "[False, False, False]"
    assert target.read_bytes().startswith(b"id,first_name")


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_ctrl_c_stops_cleanly_and_leaves_no_file(tmp_path: Path, jobs: str) -> None:
    """SIGINT to the whole process group, as a terminal sends it: exit 130, one line, no partial file, no
    temporary pieces, no process left."""
    target, pieces = tmp_path / "users.csv", tmp_path / "tmp"
    pieces.mkdir()
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path), "TMPDIR": str(pieces)}
    argv = [sys.executable, "-m", "synthdata.cli", "generate", "user", "-n", "1000000", "-j", jobs]
    with subprocess.Popen(
        [*argv, "-o", str(target)], env=env, stderr=subprocess.PIPE, start_new_session=True
    ) as process:
        deadline = time.monotonic() + 60  # past the first block (~2.8 MB): the pool, if any, is running
        while not (target.exists() and target.stat().st_size > 3_000_000) and time.monotonic() < deadline:
            time.sleep(0.02)
        assert process.poll() is None, "finished before it could be interrupted"
        os.killpg(process.pid, signal.SIGINT)
        _, err = process.communicate(timeout=60)
    assert process.returncode == 130
    assert err.decode().strip() == "synthdata: interrupted"
    assert not target.exists()
    assert list(pieces.iterdir()) == []
    with pytest.raises(ProcessLookupError):  # no worker outlived the parent in its process group
        os.killpg(process.pid, 0)


def _cli(*argv: str) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    return subprocess.run([sys.executable, "-m", "synthdata.cli", *argv], env=env, capture_output=True)


def test_generate_to_a_pipe_is_whole_when_the_process_skips_its_teardown() -> None:
    # run() ends `generate` with os._exit after flushing the streams: every byte of the file and the summary
    # still arrive (a 3-block file, so the buffered writer holds a partial buffer at the end).
    done = _cli("generate", "user", "-n", "25001", "--seed", "3", "-f", "json")
    assert done.returncode == 0
    assert done.stdout == _engine_bytes(25001, seed=3, locale="en_US", fmt="json")
    assert done.stderr.decode().startswith("25,001 user records")


def test_the_fast_exit_keeps_the_exit_status_and_runs_only_after_generate(tmp_path: Path) -> None:
    refused = _cli("generate", "user", "-n", "0")
    assert refused.returncode == 1 and b"at least 1" in refused.stderr
    # An atexit handler runs after a command other than generate, and is skipped after generate.
    marker = tmp_path / "atexit"
    code = (
        "import atexit, sys; from synthdata.cli import run; "
        f"atexit.register(lambda: open({str(marker)!r}, 'a').write(sys.argv[1] + ' ')); "
        "run(sys.argv[1:])"
    )
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    for command in (["generate", "user", "-n", "5", "-o", os.devnull], ["--help"]):
        subprocess.run([sys.executable, "-c", code, *command], env=env, capture_output=True, check=True)
    assert marker.read_text() == "--help "
