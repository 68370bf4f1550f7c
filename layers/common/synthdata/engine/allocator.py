"""The C allocator told to keep a block's big buffers for the next block (glibc's mallopt).

Each block allocates and frees a few buffers of megabytes: its text (~2.8 MB for 10,000 `user` CSV rows), the
encoded bytes, the arrays behind its columns. With glibc's defaults, a buffer that large is mapped fresh from the
OS, or the heap is trimmed back to it once freed, so the next block faults every page in again: measured, a
1M-row `user` CSV run took 1.64 s by default and 1.52 s with these two settings (the same peak RSS, 76 MB).
Setting the mmap threshold also switches off glibc's own adjustment of both, which alone made it worse (2.08 s
with the trim threshold set by itself), so they go together.
"""

from __future__ import annotations

import sys

# glibc's malloc.h parameter numbers.
_M_TRIM_THRESHOLD = -1
_M_MMAP_THRESHOLD = -3
# Allocations up to this size come from the heap, not a fresh mapping: 32 MiB is glibc's largest allowed value
# on 64-bit systems, past any buffer of a block.
MMAP_THRESHOLD = 32 << 20
# Free memory at the heap's top up to this size stays with the process: a few blocks' buffers.
TRIM_THRESHOLD = 64 << 20


def keep_freed_buffers() -> bool:
    """Set both thresholds where the C library is glibc (on Linux, through ctypes, which numpy has already
    imported); True when both were set. Elsewhere, or when the library has no mallopt, nothing changes."""
    if not sys.platform.startswith("linux"):
        return False
    import ctypes

    try:
        mallopt = ctypes.CDLL(None).mallopt  # the process's own C library
    except (OSError, AttributeError):
        return False
    mallopt.argtypes = [ctypes.c_int, ctypes.c_int]
    mallopt.restype = ctypes.c_int
    return bool(mallopt(_M_MMAP_THRESHOLD, MMAP_THRESHOLD)) and bool(
        mallopt(_M_TRIM_THRESHOLD, TRIM_THRESHOLD)
    )
