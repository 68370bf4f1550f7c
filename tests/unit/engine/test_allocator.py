"""engine.allocator: with glibc, a freed buffer of a block's size stays in the heap for the next block."""

from __future__ import annotations

import ctypes
import sys

import pytest

from synthdata.engine import allocator
from tests.fresh_process import fresh_python

_GLIBC = sys.platform.startswith("linux") and hasattr(ctypes.CDLL(None), "mallinfo2")

# In a fresh process (its allocator untouched by the tests): free a 16 MiB buffer, then read how much free
# memory the heap holds (glibc's mallinfo2), with and without the settings.
_FREED_AND_KEPT = """
import ctypes, sys
from synthdata.engine.allocator import keep_freed_buffers
class Info(ctypes.Structure):
    _fields_ = [(name, ctypes.c_size_t) for name in
                ("arena", "ordblks", "smblks", "hblks", "hblkhd", "usmblks", "fsmblks", "uordblks", "fordblks",
                 "keepcost")]
libc = ctypes.CDLL(None)
libc.mallinfo2.restype = Info
set_them = {set_them}
if set_them:
    assert keep_freed_buffers()
buffer = bytes(16 << 20)
del buffer
print(libc.mallinfo2().fordblks >> 20)
"""


@pytest.mark.skipif(not _GLIBC, reason="glibc's allocator only")
def test_a_freed_block_sized_buffer_stays_in_the_heap_only_with_the_settings() -> None:
    assert int(fresh_python(_FREED_AND_KEPT.format(set_them=False))) < 16  # mapped, then handed back
    assert int(fresh_python(_FREED_AND_KEPT.format(set_them=True))) >= 16


def test_elsewhere_nothing_is_set(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(sys, "platform", "darwin")
    assert allocator.keep_freed_buffers() is False
