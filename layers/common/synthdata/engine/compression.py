"""gzip members that are identical whatever machine or time makes them (mtime 0), fast with ISA-L."""

from __future__ import annotations

from functools import cache
from types import ModuleType

GZIP_LEVEL = 1
# What gzip adds at worst to incompressible text: stored deflate blocks (5 bytes per 64 KiB, rounded up to a
# thousandth) and one header and trailer per member (18 bytes, rounded up with the last block's overhead).
GZIP_GROWTH = 1.001
GZIP_MEMBER_BYTES = 64


def max_gzip_bytes(text_bytes: float, members: int = 1) -> float:
    """The most bytes gzip members of text_bytes of text in all can take."""
    return text_bytes * GZIP_GROWTH + GZIP_MEMBER_BYTES * members


def gzip_member(data: bytes) -> bytes:
    """One complete gzip member; concatenated members form one valid gzip file."""
    return _gzip().compress(data, compresslevel=GZIP_LEVEL, mtime=0)  # type: ignore[no-any-return]


@cache
def _gzip() -> ModuleType:
    """ISA-L's gzip, imported on first use: only compressed output needs it (~1.5 ms of a run's start-up with
    the stdlib gzip it imports)."""
    try:  # ISA-L compresses ~4x faster than zlib at level 1; fall back when it is not installed.
        from isal import igzip
    except ImportError:  # pragma: no cover - exercised only without isal
        import gzip as igzip  # type: ignore[no-redef]
    return igzip
