"""gzip members that are identical whatever machine or time makes them (mtime 0), fast with ISA-L."""

from __future__ import annotations

try:  # ISA-L compresses ~4x faster than zlib at level 1; fall back when it is not installed.
    from isal import igzip as _gzip
except ImportError:  # pragma: no cover - exercised only without isal
    import gzip as _gzip  # type: ignore[no-redef]

GZIP_LEVEL = 1


def gzip_member(data: bytes) -> bytes:
    """One complete gzip member; concatenated members form one valid gzip file."""
    return _gzip.compress(data, compresslevel=GZIP_LEVEL, mtime=0)
