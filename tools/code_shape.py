"""Figures for the architecture note: files over 300 lines and functions over 60 lines in the code we write.

`python tools/code_shape.py` (data modules, which hold word lists and tables rather than logic, are listed apart).
"""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
FILE_LIMIT = 300
FUNCTION_LIMIT = 60
DATA_MARKER = "# data module"  # a file whose first lines say so holds tables, not logic


def tracked_python_files() -> list[Path]:
    listed = subprocess.run(
        ["git", "ls-files", "--cached", "--others", "--exclude-standard", "*.py"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    ).stdout.split()
    return [ROOT / p for p in listed if (ROOT / p).exists() and not p.startswith("tests/")]


def main() -> int:
    long_files: list[tuple[int, Path]] = []
    data_files: list[tuple[int, Path]] = []
    long_functions: list[tuple[int, str]] = []
    for path in tracked_python_files():
        text = path.read_text()
        lines = text.count("\n") + 1
        relative = path.relative_to(ROOT)
        if lines > FILE_LIMIT:
            (data_files if DATA_MARKER in text[:400] else long_files).append((lines, relative))
        for node in ast.walk(ast.parse(text)):
            if isinstance(node, ast.FunctionDef | ast.AsyncFunctionDef) and node.end_lineno:
                length = node.end_lineno - node.lineno + 1
                if length > FUNCTION_LIMIT:
                    long_functions.append((length, f"{relative}:{node.lineno} {node.name}"))
    print(f"files over {FILE_LIMIT} lines (code): {len(long_files)}")
    for lines, relative in sorted(long_files, reverse=True):
        print(f"  {lines:5d} {relative}")
    print(f"files over {FILE_LIMIT} lines (data modules): {len(data_files)}")
    for lines, relative in sorted(data_files, reverse=True):
        print(f"  {lines:5d} {relative}")
    print(f"functions over {FUNCTION_LIMIT} lines: {len(long_functions)}")
    for length, where in sorted(long_functions, reverse=True):
        print(f"  {length:5d} {where}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
