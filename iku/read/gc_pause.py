"""Pause the cyclic garbage collector while big data sheets are read and computed.

Reading 100,000 rows makes about a million objects without a reference cycle; each burst of allocations
sets off a collection over everything read so far, which frees nothing (some 80 ms for 100,000 rows).
Reference counting still frees memory as usual; the collector resumes on leaving, as it was.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager


@contextmanager
def paused() -> Iterator[None]:
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()
