"""Memory freed by one image, kept for the next (issue 18).

Pillow gives an image's memory blocks back to the system when the image goes, and the next image
asks for new ones: every page is then faulted in and zeroed by the kernel again, 40 ms of a 24 MP
JPEG's 110 ms decode here, more or less by chance (it depends on what else the process allocated
in between). An export process keeps some of that memory instead:

- KEPT_BLOCKS of Pillow's freed blocks (its block cache, what PILLOW_BLOCKS_MAX sets; each at most
  Pillow's block size, 16 MB), on every platform;
- with glibc (Linux), KEPT_TOP_PAD bytes at the top of the heap when it is trimmed (M_TOP_PAD), for
  what Pillow's cache does not hold: smaller images, the encoder's and the C2PA SDK's buffers.

Measured on 12 × 24 MP JPEGs with 2 workers (benchmarks/batch_speed.py): page faults in the
workers 190,000 -> 64,000, the batch 1.80 -> 1.60 s. A worker keeps them while it lives, the
batch's own process until the batch ends (`kept`); the memory budget counts `kept_bytes` for each
worker.
"""

from __future__ import annotations

import functools
import sys
from collections.abc import Iterator
from contextlib import contextmanager

KEPT_BLOCKS = 8
KEPT_TOP_PAD = 128 << 20
_M_TOP_PAD = -2  # glibc's mallopt parameter
_GLIBC_TOP_PAD_DEFAULT = 128 << 10  # mallopt(3)


def kept_bytes() -> int:
    """What an export process may hold between images."""
    from PIL import Image

    return KEPT_BLOCKS * Image.core.get_block_size() + (KEPT_TOP_PAD if _glibc() else 0)


def keep() -> int:
    """Keep freed image memory for the next image from now on; returns Pillow's setting before
    (a larger one, e.g. from PILLOW_BLOCKS_MAX, stays)."""
    from PIL import Image

    before = Image.core.get_blocks_max()
    Image.core.set_blocks_max(max(before, KEPT_BLOCKS))
    _top_pad(KEPT_TOP_PAD)
    return before


@contextmanager
def kept() -> Iterator[None]:
    """keep() for a batch in this process; the settings before, and the memory, come back after."""
    from PIL import Image

    before = keep()
    try:
        yield
    finally:
        Image.core.set_blocks_max(before)  # frees the blocks kept beyond it
        if _top_pad(_GLIBC_TOP_PAD_DEFAULT):
            _glibc().malloc_trim(0)


@functools.cache
def _glibc():
    """The C library when it is glibc (it has mallopt's M_TOP_PAD and malloc_trim), else None."""
    if not sys.platform.startswith("linux"):
        return None
    try:
        import ctypes

        libc = ctypes.CDLL(None)
        libc.gnu_get_libc_version  # noqa: B018 (present in glibc only: musl has a mallopt that does nothing)
        return libc
    except (OSError, AttributeError):
        return None


def _top_pad(value: int) -> bool:
    libc = _glibc()
    return bool(libc is not None and libc.mallopt(_M_TOP_PAD, value) == 1)
