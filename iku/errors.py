"""The one exception for "the user's input is wrong" and the one for "the output could not be written"; anything else
is a bug."""

from __future__ import annotations

import contextlib
import datetime as dt
import errno
import os
import signal
import sys
import tempfile
import threading
import traceback
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from iku.read import limits


@dataclass(frozen=True)
class Problem:
    message: str
    sheet: str | None = None
    cell: str | None = None

    def __str__(self) -> str:
        if self.sheet and self.cell:
            return f"{self.sheet}!{self.cell}: {self.message}"
        if self.sheet:
            return f"Lembar '{self.sheet}': {self.message}"
        return self.message


class InputError(Exception):
    """One or more problems in a file the user gave; each names its sheet and cell."""

    def __init__(self, problems: list[Problem] | Problem, source: str = "") -> None:
        self.problems = [problems] if isinstance(problems, Problem) else list(problems)
        self.source = source
        super().__init__(self.describe())

    def describe(self) -> str:
        head = f"{self.source}: " if self.source else ""
        if len(self.problems) == 1:
            return head + str(self.problems[0])
        lines = [f"{head}{len(self.problems)} masalah ditemukan:"]
        lines += [f"  - {p}" for p in self.problems[:limits.MAX_PROBLEMS_SHOWN]]
        if len(self.problems) > limits.MAX_PROBLEMS_SHOWN:
            lines.append(f"  ... dan {len(self.problems) - limits.MAX_PROBLEMS_SHOWN} kesalahan lain")
        return "\n".join(lines)


class OutputError(Exception):
    """The set could not be written; the output folder is as it was. The message is for the user."""


# What a bug handler lets through: the user or Python ending the run. Everything else is one workbook's failure,
# including pyo3's PanicException (a panic in python-calamine), which derives from BaseException, not Exception.
FATAL = (KeyboardInterrupt, SystemExit, GeneratorExit)


class Cancelled(KeyboardInterrupt):
    """The run was ended by Ctrl+C (SIGINT) or SIGTERM: every `finally` on the way out still runs (staging folders,
    locks, LibreOffice), and the command line prints one line."""

    def __init__(self, signum: int = signal.SIGINT) -> None:
        super().__init__(signum)
        self.signum = signum


STOP_SIGNALS = tuple(s for s in (signal.SIGINT, getattr(signal, "SIGTERM", None)) if s is not None)
_MAIN_PID = 0  # the process that runs the command; any other process with our handler is one of its workers
_IN_TASK = False  # a worker is building (unwind first) rather than waiting for work (leave at once)


def _on_signal(signum: int, frame) -> None:
    if os.getpid() != _MAIN_PID and not _IN_TASK:
        os._exit(128 + signum)  # a worker with nothing in hand: nothing to clean up, nothing to print
    for number in STOP_SIGNALS:  # the first signal ends the run; another would only interrupt its clean-up
        signal.signal(number, signal.SIG_IGN)
    raise Cancelled(signum)


@contextlib.contextmanager
def signals_cancel() -> Iterator[None]:
    """In the command's own process: SIGINT and SIGTERM raise Cancelled (SIGTERM would otherwise end the process
    at once, leaving its workers, their staging folders and LibreOffice behind). The previous handlers come back
    afterwards (the tests run many commands in one process)."""
    global _MAIN_PID
    if threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = {number: signal.getsignal(number) for number in STOP_SIGNALS}
    _MAIN_PID = os.getpid()
    for number in STOP_SIGNALS:
        signal.signal(number, _on_signal)
    try:
        yield
    finally:
        for number, handler in previous.items():
            signal.signal(number, handler)


def worker_signals() -> None:
    """In a worker process: Ctrl+C reaches the whole process group, but only the parent decides (it stops the
    workers with SIGTERM); SIGTERM unwinds the workbook in hand, then the worker leaves without a word."""
    if hasattr(signal, "SIGTERM"):
        signal.signal(signal.SIGTERM, _on_signal)
    signal.signal(signal.SIGINT, signal.SIG_IGN)


def run_task(fn, *args):
    """A worker's task: on SIGTERM the workbook in hand is unwound (its `finally` blocks run), then the worker
    exits quietly, sending nothing back and starting no other task."""
    global _IN_TASK
    _IN_TASK = True
    try:
        return fn(*args)
    except Cancelled as exc:
        _remove_openpyxl_temp_files()
        os._exit(128 + exc.signum)
    finally:
        _IN_TASK = False


def _remove_openpyxl_temp_files() -> None:
    """openpyxl writes each sheet to a temporary file (openpyxl.*, in TMPDIR) and removes what is left at exit
    with atexit, which os._exit skips: a worker stopped in the middle of writing a sheet would leave it behind."""
    from openpyxl.worksheet import _writer

    for name in list(getattr(_writer, "ALL_TEMP_FILES", ())):
        with contextlib.suppress(OSError):
            os.remove(name)


def os_error_of(exc: BaseException) -> OSError | None:
    """The system's refusal behind a failure (disk full, file too large, no permission), not a bug: an OSError, one
    a library raised from an OSError, or lxml's 'IO_EFBIG' / 'IO_ENOSPC' (openpyxl writes each sheet to a
    temporary file first, in the TMPDIR folder). None for anything else."""
    for found in (exc, exc.__cause__):
        if isinstance(found, OSError):
            return found
        text = str(found or "")
        if type(found).__name__ == "SerialisationError" and text.startswith("IO_E"):
            code = getattr(errno, text[3:].split()[0], None)
            if isinstance(code, int):
                return OSError(code, os.strerror(code), tempfile.gettempdir())
    return None


def write_crash_log(exc: BaseException) -> Path:
    """The traceback of a bug, for the maintainer; staff see one line pointing here."""
    handle, name = tempfile.mkstemp(prefix="iku-galat-", suffix=".log")
    try:
        with os.fdopen(handle, "w", encoding="utf-8") as log:
            log.write(f"iku, {dt.datetime.now().isoformat(timespec='seconds')}, argumen: {sys.argv[1:]}\n")
            traceback.print_exception(exc, file=log)
    except BaseException:
        Path(name).unlink(missing_ok=True)  # a full disk: no empty log left behind
        raise
    return Path(name)


def crash_line(exc: BaseException) -> str:
    try:
        where = f"rinciannya ditulis ke {write_crash_log(exc)}; kirimkan file itu kepada pengelola alat ini."
    except OSError:
        where = "rinciannya juga tidak dapat ditulis ke folder sementara."
    return f"Kesalahan tak terduga di dalam program ({type(exc).__name__}), bukan pada isian Anda: {where}"
