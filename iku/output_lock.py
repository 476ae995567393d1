"""One run at a time per output folder: a lock file beside it that names its process (pid and start time), taken
over when that process is gone or its pid now belongs to another program."""

from __future__ import annotations

import contextlib
import os
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from iku.errors import OutputError
from iku.safe_names import shown_path

LOCK_WAIT = 60.0  # seconds a second run waits for the first before giving up
STALE_EMPTY_LOCK = 30.0  # a lock file still without a pid after this long was left by a killed run


def alive(pid: int) -> bool:
    """Whether a process of that pid runs (someone else's too), without signalling it."""
    if sys.platform == "win32":  # os.kill(pid, 0) would end the process there
        return _alive_windows(pid)
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except (PermissionError, OSError):
        return True  # exists, owned by someone else
    return True


def _alive_windows(pid: int) -> bool:
    import ctypes

    kernel = ctypes.windll.kernel32  # type: ignore[attr-defined]
    handle = kernel.OpenProcess(0x1000, False, pid)  # PROCESS_QUERY_LIMITED_INFORMATION
    if not handle:
        return False
    try:
        code = ctypes.c_ulong()
        return bool(kernel.GetExitCodeProcess(handle, ctypes.byref(code))) and code.value == 259  # STILL_ACTIVE
    finally:
        kernel.CloseHandle(handle)


def start_time(pid: int) -> str | None:
    """When a process started, in the kernel's clock ticks since boot (Linux: field 22 of /proc/<pid>/stat);
    None where it cannot be read. With the pid it names one process: a pid reused later has another start."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text(encoding="ascii", errors="replace")
    except (OSError, ValueError):
        return None
    fields = stat.rpartition(")")[2].split()  # after the command name, which may hold spaces and ')'
    return fields[19] if len(fields) > 19 and fields[19].isdigit() else None


def _runs_iku(pid: int) -> bool | None:
    """Whether a process's command line is this tool's (Linux); None where it cannot be read."""
    try:
        raw = Path(f"/proc/{pid}/cmdline").read_bytes()
    except OSError:
        return None
    if not raw:
        return None
    line = raw.replace(b"\0", b" ").decode(errors="replace").casefold()
    return "iku" in line or "generate.py" in line


@dataclass
class Held:
    """The lock held; `notes` say what was found on taking it (an abandoned lock taken over), for the user."""

    lock: Path
    notes: list[str] = field(default_factory=list)


def _holder(lock: Path) -> tuple[int | None, str]:
    """(pid of the live process holding the lock, '') - 0 while the lock is being written - or (None, why) when the
    lock is stale: its process is gone, or its pid now belongs to another program (why says so; '' otherwise)."""
    try:
        text = lock.read_text(encoding="ascii", errors="replace").split()
        age = time.time() - lock.stat().st_mtime
    except FileNotFoundError:
        return None, ""
    if not text or not text[0].isdigit():
        return (0, "") if age < STALE_EMPTY_LOCK else (None, "")  # 0: being written right now
    pid = int(text[0])
    if pid == os.getpid():
        return pid, ""  # this process: another thread of it holds the folder
    if not alive(pid):
        return None, ""
    recorded, now = (text[1] if len(text) > 1 else None), start_time(pid)
    if recorded is not None and now is not None:
        same = recorded == now
    else:
        same = _runs_iku(pid) is not False  # a lock of an older version holds only the pid
    if same:
        return pid, ""
    return None, (f"Kunci {shown_path(lock)} menyebut pid {pid}, tetapi nomor itu kini dipakai program lain, bukan "
                  "proses alat ini yang membuat kunci itu; kunci itu sisa proses yang terhenti dan diambil alih.")


@contextlib.contextmanager
def locked(folder: Path, wait: float | None = None) -> Iterator[Held]:
    """One run at a time per output folder: a lock file beside it, created exclusively, holding our pid and
    start time (so that a pid reused by another program after a crash is not taken for a run of ours)."""
    lock = folder.parent / f".{folder.name}.lock"
    held = Held(lock)
    folder.parent.mkdir(parents=True, exist_ok=True)
    deadline = time.monotonic() + (LOCK_WAIT if wait is None else wait)
    while True:
        try:
            fd = os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
            break
        except FileExistsError:
            holder, why = _holder(lock)
            if holder is None:
                lock.unlink(missing_ok=True)  # left by a killed run
                held.notes += [why] if why else []
                continue
            if time.monotonic() >= deadline:
                raise OutputError(f"Folder {shown_path(folder)} sedang dipakai oleh proses lain (pid {holder or '?'}); "
                                  "tunggu sampai selesai lalu jalankan lagi. Tidak ada yang diubah.") from None
            time.sleep(0.2)
    try:
        with os.fdopen(fd, "w") as handle:
            handle.write(f"{os.getpid()} {start_time(os.getpid()) or ''}".strip())
        yield held
    finally:
        lock.unlink(missing_ok=True)
