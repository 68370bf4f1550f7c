"""Where `synthdata generate` writes cannot take the file: one line naming the output and the problem, status 1,
no traceback and no half-written file; a reader that leaves early (`| head`) ends the run quietly."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from synthdata import cli


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_a_reader_that_leaves_early_ends_the_run_quietly(tmp_path: Path, jobs: str) -> None:
    """As with `| head -c 4096`: status 1 and nothing on stderr (no BrokenPipeError traceback), and with a pool
    no process or temporary piece left behind."""
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path), "TMPDIR": str(tmp_path)}
    argv = [sys.executable, "-m", "synthdata.cli", "generate", "user", "-n", "300000", "-j", jobs]
    with subprocess.Popen(argv, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE) as process:
        assert process.stdout is not None and process.stderr is not None
        assert process.stdout.read(4096).startswith(b"id,first_name")
        process.stdout.close()  # the reader goes away while the CLI still has most of the file to write
        errors = process.stderr.read()
        status = process.wait(timeout=60)
    assert status == 1
    assert errors == b""
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("name", "problem"), [("missing/users.csv", "No such file or directory"), (".", "Is a directory")]
)
def test_an_output_that_cannot_be_opened_is_one_line_and_status_1(
    tmp_path: Path, name: str, problem: str, capsys: pytest.CaptureFixture[str]
) -> None:
    target = str(tmp_path / name)
    assert cli.main(["generate", "user", "-n", "10", "-o", target]) == 1
    assert capsys.readouterr().err == f"synthdata: cannot write {target}: {problem}\n"


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs Linux's /dev/full")
def test_a_full_device_is_reported_and_left_in_place(capsys: pytest.CaptureFixture[str]) -> None:
    # Every write to /dev/full fails with ENOSPC, as a full disk would: reported, and the device is not removed
    # as a partial file would be.
    assert cli.main(["generate", "user", "-n", "1000", "-j", "1", "-o", "/dev/full"]) == 1
    assert capsys.readouterr().err == "synthdata: writing /dev/full failed: No space left on device\n"
    assert os.path.exists("/dev/full")


def test_only_a_regular_file_is_removed_as_a_partial_output(tmp_path: Path) -> None:
    partial, kept, link, fifo = (tmp_path / name for name in ("partial.csv", "kept.csv", "link.csv", "fifo"))
    partial.write_bytes(b"id,first")
    kept.write_bytes(b"id,first")
    link.symlink_to(kept)
    os.mkfifo(fifo)
    for path in (partial, link, fifo, tmp_path / "never-written.csv"):
        cli._remove_partial(str(path))
    assert not partial.exists()
    assert link.is_symlink() and kept.read_bytes() == b"id,first"
    assert fifo.exists()
    cli._remove_partial(None)  # output to stdout: nothing to remove


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs Linux's /dev/full")
def test_standard_output_on_a_full_device_is_one_line_and_status_1() -> None:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)}
    argv = [sys.executable, "-m", "synthdata.cli", "generate", "user", "-n", "20000", "-j", "1"]
    with open("/dev/full", "wb") as full:
        done = subprocess.run(argv, env=env, stdout=full, stderr=subprocess.PIPE, timeout=60)
    assert done.returncode == 1
    assert done.stderr == b"synthdata: writing to standard output failed: No space left on device\n"
