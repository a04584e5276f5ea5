"""Work done in a forked copy of this process, with its result sent back: for the few long, independent steps of
checking and building a large partnership, so that they use the machine's second core as well as the first.

A copy can be made safely only on Linux and while no other thread runs (a thread could hold a lock at the moment
of the copy, which the copy could then never take): elsewhere, and in a preview (whose server runs threads), the
work is done in this process instead, with the same result.
"""

from __future__ import annotations

import contextlib
import os
import pickle
import signal
import sys
import threading
from collections.abc import Callable
from typing import Generic, TypeVar

T = TypeVar("T")


def can_fork() -> bool:
    """Whether a copy of this process can be made safely."""
    return sys.platform.startswith("linux") and hasattr(os, "fork") and threading.active_count() == 1


class Copy(Generic[T]):
    """``work`` running in a copy of this process. ``result()`` waits for it and gives what it returned, or None when
    the copy failed or was stopped (do the work here then, where its error is reported); ``close()`` stops it early.
    Call one of them, so that no copy is left behind."""

    def __init__(self, work: Callable[[], T]) -> None:
        read_end, write_end = os.pipe()
        self._pid = os.fork()
        if self._pid == 0:  # the copy: work, send the result, and leave without running this process's exit handlers
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
        self._pipe = os.fdopen(read_end, "rb")

    def result(self) -> T | None:
        if self._pid <= 0:
            return None
        with self._pipe:
            sent = self._pipe.read()  # all of it before waiting: a copy writing into a full pipe would never end
        _, status = os.waitpid(self._pid, 0)
        self._pid = 0
        if os.waitstatus_to_exitcode(status) != 0:
            return None
        # Unpickling runs code the data names: safe only because the data comes from this program's own copy.
        found: T = pickle.loads(sent)  # noqa: S301
        return found

    def close(self) -> None:
        """Stop the copy if it is still running, and wait for it. Safe to call more than once."""
        if self._pid > 0:
            self._pipe.close()
        stop(self._pid)
        self._pid = 0


def stop(pid: int) -> None:
    """Stop the copy ``pid`` if it is still running, and wait for it, so that none is left behind."""
    if pid <= 0:
        return
    with contextlib.suppress(ProcessLookupError):
        os.kill(pid, signal.SIGTERM)
    with contextlib.suppress(ChildProcessError):
        os.waitpid(pid, 0)
