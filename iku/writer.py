"""Write a run's whole set of documents to one output folder: all or nothing.

The set is written to a staging folder beside the output folder (same filesystem), then swapped in by
renames. A marker file in the staging folder says the set is complete; from then on the swap only moves
forward, so a run killed at any point leaves either the previous set (no marker: the staging folder is
discarded) or, once the next run has finished the moves, the new set. A manifest in the output folder
names the files (with their sha256) the tool wrote: only those are ever moved or removed.
"""

from __future__ import annotations

import contextlib
import errno
import hashlib
import json
import os
import shutil
import sys
import tempfile
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

MANIFEST = ".iku-manifest.json"
COMPLETE = ".lengkap.json"  # in the staging folder: the set is whole, the swap may proceed
PREVIOUS = ".sebelumnya"  # in the staging folder: the previous set's files, moved aside during the swap
LOCK_WAIT = 60.0  # seconds a second run waits for the first before giving up
STALE_EMPTY_LOCK = 30.0  # a lock file still without a pid after this long was left by a killed run


@dataclass(frozen=True)
class Document:
    filename: str
    content: bytes
    title: str  # what it is, for the run summary
    formal: str = ""  # its title in the cover letter's list of attachments; empty: not an attachment


class OutputError(Exception):
    """The set could not be written; the output folder is as it was. The message is for the user."""


def write_atomic(path: Path, content: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; colleagues on a shared folder must read it
        with os.fdopen(fd, "wb") as handle:
            handle.write(content)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


def _umask() -> int:
    current = os.umask(0)
    os.umask(current)
    return current


def sha256(path: Path) -> str:
    digest = hashlib.sha256()
    with path.open("rb") as handle:
        for block in iter(lambda: handle.read(1 << 20), b""):
            digest.update(block)
    return digest.hexdigest()


def describe_os_error(exc: OSError) -> str:
    reason = {errno.ENOSPC: "ruang disk penuh", errno.EDQUOT: "kuota disk habis",
              errno.EACCES: "tidak ada izin menulis", errno.EPERM: "tidak ada izin menulis",
              errno.EROFS: "disk hanya-baca", errno.EISDIR: "nama itu dipakai oleh sebuah folder",
              errno.ENOTDIR: "bagian jalurnya adalah berkas, bukan folder"}.get(exc.errno or 0)
    where = f" ({exc.filename})" if exc.filename else ""
    return f"{reason or exc.strerror or exc}{where}"


# ---- the lock ---------------------------------------------------------------------------------------------

def _alive(pid: int) -> bool:
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


def _holder(lock: Path) -> int | None:
    """The pid in a lock file; None when the lock is stale (its process is gone) or already removed."""
    try:
        text = lock.read_text().strip()
        age = time.time() - lock.stat().st_mtime
    except FileNotFoundError:
        return None
    if not text.isdigit():
        return 0 if age < STALE_EMPTY_LOCK else None  # 0: being written right now
    pid = int(text)
    return pid if _alive(pid) else None


@contextlib.contextmanager
def locked(folder: Path, wait: float | None = None) -> Iterator[None]:
    """One run at a time per output folder: a lock file beside it, created exclusively, holding our pid."""
    lock = folder.parent / f".{folder.name}.lock"
    folder.parent.mkdir(parents=True, exist_ok=True)
    deadline = time.monotonic() + (LOCK_WAIT if wait is None else wait)
    while True:
        try:
            fd = os.open(lock, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o644)
            break
        except FileExistsError:
            holder = _holder(lock)
            if holder is None:
                lock.unlink(missing_ok=True)  # left by a killed run
                continue
            if time.monotonic() >= deadline:
                raise OutputError(f"Folder {folder} sedang dipakai oleh proses lain (pid {holder or '?'}); "
                                  "tunggu sampai selesai lalu jalankan lagi. Tidak ada yang diubah.") from None
            time.sleep(0.2)
    try:
        with os.fdopen(fd, "w") as handle:
            handle.write(str(os.getpid()))
        yield
    finally:
        lock.unlink(missing_ok=True)


# ---- the manifest -----------------------------------------------------------------------------------------

def read_manifest(folder: Path) -> dict[str, str]:
    try:
        data = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        files = data["berkas"]
        return {str(k): str(v) for k, v in files.items() if "/" not in str(k) and str(k) not in ("", ".", "..")}
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        return {}  # no manifest (or an unreadable one): nothing in the folder counts as ours


def ours(folder: Path) -> list[str]:
    """Files in the folder that the tool wrote and nobody changed since (a changed one is the staff's now)."""
    owned = []
    for name, digest in read_manifest(folder).items():
        path = folder / name
        try:
            if path.is_file() and not path.is_symlink() and sha256(path) == digest:
                owned.append(name)
        except OSError:
            continue
    return owned


# ---- staging and the swap ---------------------------------------------------------------------------------

def staging_folders(folder: Path) -> list[Path]:
    if not folder.parent.is_dir():
        return []
    return sorted(p for p in folder.parent.glob(f".{folder.name}.staging-*") if p.is_dir())


def recover(folder: Path) -> None:
    """Finish or discard what a killed run left: call with the lock held."""
    for staging in staging_folders(folder):
        if (staging / COMPLETE).is_file():
            _forward(staging, folder)
        shutil.rmtree(staging, ignore_errors=True)


def _plan(staging: Path) -> tuple[list[str], list[str]]:
    plan = json.loads((staging / COMPLETE).read_text(encoding="utf-8"))
    return list(plan["baru"]), list(plan["lama"])


def _forward(staging: Path, folder: Path) -> None:
    """Move the previous set aside and the new set in. Each step checks where the file is, so running
    it again after a kill at any point continues where it stopped."""
    new, old = _plan(staging)
    aside = staging / PREVIOUS
    aside.mkdir(exist_ok=True)
    folder.mkdir(parents=True, exist_ok=True)
    for name in old:
        not_yet_placed = name not in new or (staging / name).exists()
        if not_yet_placed and (folder / name).is_file():
            os.replace(folder / name, aside / name)
    for name in new:
        if (staging / name).exists():
            os.replace(staging / name, folder / name)
    _fsync_dir(folder)


def _backward(staging: Path, folder: Path) -> None:
    """Undo a swap that failed part-way, while the run is still alive to do it."""
    new, old = _plan(staging)
    aside = staging / PREVIOUS
    for name in new:
        if not (staging / name).exists() and (folder / name).is_file():  # placed by this swap
            os.replace(folder / name, staging / name)
    for name in old:
        if (aside / name).exists():
            os.replace(aside / name, folder / name)
    (staging / COMPLETE).unlink()  # only now: a kill before this lets the next run finish the swap instead


def _fsync_dir(path: Path) -> None:
    with contextlib.suppress(OSError, AttributeError):
        fd = os.open(path, os.O_RDONLY)
        try:
            os.fsync(fd)
        finally:
            os.close(fd)


def conflicts(folder: Path, names: list[str], owned: list[str]) -> list[str]:
    """Names of the new set taken in the folder by something that is not the tool's own file."""
    return [name for name in names if name not in owned and os.path.lexists(folder / name)]


@contextlib.contextmanager
def staged(folder: Path) -> Iterator[Path]:
    """A fresh staging folder beside `folder`; removed if the block fails (the output folder untouched)."""
    staging = folder.parent / f".{folder.name}.staging-{os.getpid()}"
    shutil.rmtree(staging, ignore_errors=True)
    staging.mkdir(parents=True)
    try:
        yield staging
    finally:
        if not (staging / COMPLETE).exists():
            shutil.rmtree(staging, ignore_errors=True)


def swap(staging: Path, folder: Path, new: list[str]) -> list[str]:
    """Put the staged set in place of the previous one; returns the tool's earlier files not written again.
    Staff files stay; a staff file under a name of the new set stops everything before any change."""
    owned = ours(folder) if folder.is_dir() else []
    taken = conflicts(folder, new, owned)
    if taken:
        raise OutputError(f"Di {folder} sudah ada {', '.join(taken)} yang tidak tercatat sebagai buatan alat ini "
                          f"(tidak ada di {MANIFEST}: berkas staf, hasil versi lama alat ini, atau dokumen yang "
                          "sudah diubah sejak ditulis). Pindahkan atau ganti namanya agar tidak tertimpa, lalu "
                          "jalankan lagi. Tidak ada yang diubah.")
    manifest = {"alat": "iku", "berkas": {name: sha256(staging / name) for name in new}}
    write_atomic(staging / MANIFEST, json.dumps(manifest, indent=1, ensure_ascii=False).encode())
    old = owned + ([MANIFEST] if (folder / MANIFEST).is_file() else [])
    write_atomic(staging / COMPLETE, json.dumps({"baru": [*new, MANIFEST], "lama": old}).encode())
    _fsync_dir(staging)
    try:
        _forward(staging, folder)
    except BaseException:
        try:
            _backward(staging, folder)
        except OSError:
            raise OutputError(f"Penggantian dokumen di {folder} terhenti dan tidak dapat dibatalkan; jalankan "
                              "lagi untuk menyelesaikannya (berkas sementara disimpan di "
                              f"{staging.name}).") from None
        shutil.rmtree(staging, ignore_errors=True)
        raise
    shutil.rmtree(staging, ignore_errors=True)
    return sorted(set(owned) - set(new))


def write_owned(folder: Path, name: str, content: bytes) -> Path:
    """One file of the tool's in a folder shared with others (the kabupaten recap in the output root): written
    atomically, over an earlier one only when the folder's manifest proves the tool wrote it unchanged."""
    target = folder / name
    with locked(folder / MANIFEST):  # the lock file sits beside the manifest, in the folder itself
        if os.path.lexists(target) and name not in ours(folder):
            raise OutputError(f"Di {folder} sudah ada {name} yang tidak tercatat sebagai buatan alat ini (berkas "
                              "staf, atau rekap yang sudah diubah sejak ditulis). Pindahkan atau ganti namanya, "
                              "lalu jalankan lagi. Berkas itu tidak diubah.")
        files = {other: digest for other, digest in read_manifest(folder).items() if (folder / other).is_file()}
        write_atomic(target, content)
        files[name] = hashlib.sha256(content).hexdigest()
        write_atomic(folder / MANIFEST, json.dumps({"alat": "iku", "berkas": files}, indent=1).encode())
    return target


def remove_owned(folder: Path, name: str) -> bool:
    """Remove a file of the tool's from a shared folder (a recap whose figures a new run has made stale), only
    when the manifest proves the tool wrote it unchanged. True when it was removed."""
    target = folder / name
    if not os.path.lexists(target):
        return False
    with locked(folder / MANIFEST):
        if name not in ours(folder):
            return False
        files = {other: digest for other, digest in read_manifest(folder).items()
                 if other != name and (folder / other).is_file()}
        target.unlink()
        write_atomic(folder / MANIFEST, json.dumps({"alat": "iku", "berkas": files}, indent=1).encode())
    return True
