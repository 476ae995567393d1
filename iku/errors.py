"""The one exception for "the user's input is wrong"; anything else is a bug."""

from __future__ import annotations

import datetime as dt
import os
import sys
import tempfile
import traceback
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


# What a bug handler lets through: the user or Python ending the run. Everything else is one workbook's failure,
# including pyo3's PanicException (a panic in python-calamine), which derives from BaseException, not Exception.
FATAL = (KeyboardInterrupt, SystemExit, GeneratorExit)


def write_crash_log(exc: BaseException) -> Path:
    """The traceback of a bug, for the maintainer; staff see one line pointing here."""
    handle, name = tempfile.mkstemp(prefix="iku-galat-", suffix=".log")
    with os.fdopen(handle, "w", encoding="utf-8") as log:
        log.write(f"iku, {dt.datetime.now().isoformat(timespec='seconds')}, argumen: {sys.argv[1:]}\n")
        traceback.print_exception(exc, file=log)
    return Path(name)


def crash_line(exc: BaseException) -> str:
    try:
        where = f"rinciannya ditulis ke {write_crash_log(exc)}; kirimkan file itu kepada pengelola alat ini."
    except OSError:
        where = "rinciannya juga tidak dapat ditulis ke folder sementara."
    return f"Kesalahan tak terduga di dalam program ({type(exc).__name__}), bukan pada isian Anda: {where}"
