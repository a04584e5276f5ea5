"""Work done in a forked copy of this process, with its result sent back: for the few long, independent steps of
checking and building a large partnership, so that they use the machine's second core as well as the first.

A copy can be made safely only on Linux and while no other thread runs (a thread could hold a lock at the moment
of the copy, which the copy could then never take): elsewhere, and in a preview (whose server runs threads), the
work is done in this process instead, with the same result.
"""

from __future__ import annotations

import os
import pickle
import sys
import threading
from collections.abc import Callable
from typing import TypeVar

T = TypeVar("T")


def can_fork() -> bool:
    """Whether a copy of this process can be made safely."""
    return sys.platform.startswith("linux") and hasattr(os, "fork") and threading.active_count() == 1


def in_a_copy(work: Callable[[], T]) -> Callable[[], T | None]:
    """Start ``work`` in a copy of this process. The function returned waits for it and gives its result, or None
    when the copy failed (do the work here then, where its error is reported). Call it exactly once."""
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the copy: work, send the result, and leave without running this process's exit handlers
        os.close(read_end)
        finished = False
        try:
            with os.fdopen(write_end, "wb") as out:
                out.write(pickle.dumps(work(), protocol=pickle.HIGHEST_PROTOCOL))
            finished = True
        except BaseException:  # noqa: BLE001  # the caller does the work again, and reports what fails
            pass
        finally:
            os._exit(0 if finished else 1)
    os.close(write_end)

    def result() -> T | None:
        with os.fdopen(read_end, "rb") as pipe:
            sent = pipe.read()  # all of it before waiting: a copy writing into a full pipe would never end
        _, status = os.waitpid(pid, 0)
        if os.waitstatus_to_exitcode(status) != 0:
            return None
        # Unpickling runs code the data names: safe only because the data comes from this program's own copy.
        found: T = pickle.loads(sent)  # noqa: S301
        return found

    return result
