"""Write a run's whole set of documents to one output folder: all or nothing.

The set is written to a staging folder beside the output folder (same filesystem). The previous set's files are
hard-linked (or copied) into the staging folder, and a marker file there, the journal, names both sets. Only then
is the output folder touched: each new file replaces its name by one rename, with nothing else in between, so the
window in which the folder holds neither whole set lasts those renames only, and every name holds a whole file at
every moment. A run killed in that window leaves the journal; the next run on the folder finishes the renames
before anything else (a staging folder without a readable journal is discarded: the output folder was not touched).
A manifest in the output folder names the files (with their sha256) the tool wrote: only those are ever moved or
removed.
"""

from __future__ import annotations

import contextlib
import errno
import filecmp
import hashlib
import json
import os
import shutil
import signal
import sys
import tempfile
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from iku import safe_names
from iku.errors import OutputError
from iku.output_lock import locked
from iku.safe_names import describe_os_error, shown_path

MANIFEST = ".iku-manifest.json"
COMPLETE = ".lengkap.json"  # in the staging folder, the journal: both sets named, the swap may proceed
PREVIOUS = safe_names.KEPT_FOLDER  # in the staging folder: hard links to (or copies of) the previous set's files


@dataclass(frozen=True)
class Document:
    filename: str  # made safe here whatever the caller built it from (safe_names.file_name; unchanged if safe)
    content: bytes
    title: str  # what it is, for the run summary
    formal: str = ""  # its title in the cover letter's list of attachments; empty: not an attachment

    def __post_init__(self) -> None:
        object.__setattr__(self, "filename", safe_names.file_name(self.filename))


def write_atomic(path: Path, content: bytes) -> None:
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    except OSError as exc:
        raise _named(exc, path) from None
    try:
        os.chmod(tmp, 0o666 & ~_umask())  # mkstemp makes 0600; colleagues on a shared folder must read it
        with os.fdopen(fd, "wb") as handle:
            handle.write(content)
            handle.flush()
            os.fsync(handle.fileno())
        replace(tmp, path)
    except OSError as exc:
        Path(tmp).unlink(missing_ok=True)
        raise _named(exc, path) from None
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


REPLACE_TRIES = 5  # about a second in all: an antivirus scanner lets go of a new file by then, Word never does
REPLACE_PAUSE = 0.25


def replace(source: Path | str, target: Path) -> None:
    """os.replace, tried again for about a second while Windows says another program holds the target open. If it
    still does, the error says so (safe_names.held_open) whichever of its two codes Windows gave."""
    for attempt in range(REPLACE_TRIES):
        try:
            os.replace(source, target)
            return
        except PermissionError as exc:
            if not _in_use(exc, target):
                raise
            if attempt == REPLACE_TRIES - 1:
                held = PermissionError(errno.EACCES, "in use", os.fspath(source))
                held.filename2, held.winerror = os.fspath(target), safe_names.HELD_OPEN[0]
                raise held from None
        time.sleep(REPLACE_PAUSE)


def _in_use(exc: PermissionError, target: Path) -> bool:
    """Windows refuses a rename onto an open file with a sharing violation or plain 'access denied' (5); the
    second also means no permission, so it counts only when the target itself cannot be opened for writing."""
    if safe_names.held_open(exc):
        return True
    if getattr(exc, "winerror", None) != 5:
        return False
    try:
        _open_for_writing(target)
    except OSError as probe:
        return safe_names.held_open(probe)
    return False


def _open_for_writing(target: Path) -> None:
    """Open the file for writing and close it again, changing nothing; Windows only. Through CreateFile, whose
    error carries the Windows code (os.open's C library keeps only errno, EACCES for both cases)."""
    import _winapi

    share = 0x1 | 0x2 | 0x4  # FILE_SHARE_READ | FILE_SHARE_WRITE | FILE_SHARE_DELETE: refused only by a holder
    handle = _winapi.CreateFile(os.fspath(target), _winapi.GENERIC_WRITE, share, 0, _winapi.OPEN_EXISTING, 0, 0)
    _winapi.CloseHandle(handle)


def _named(exc: OSError, path: Path) -> OSError:
    """A failed write() or fsync() names no file (EFBIG, ENOSPC, EDQUOT): the message must say which one."""
    if exc.filename is None:
        exc.filename = str(path)
    return exc


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


# ---- the temporary folder -------------------------------------------------------------------------------

class temp_space:  # noqa: N801 - used as `with writer.temp_space():`, like a contextmanager
    """Rendering that writes to the temporary folder (openpyxl writes every worksheet to a file there first):
    a full, size-limited or unwritable TMPDIR becomes an OutputError in Indonesian naming the folder, instead of
    lxml's SerialisationError('IO_ENOSPC') or tempfile's English 'No usable temporary directory found'."""

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind, exc, tb) -> bool:
        if exc is None:
            return False
        if isinstance(exc, OSError):
            error = _temp_error(exc)
        elif isinstance(exc, Exception) and (code := _lxml_errno(exc)) is not None:
            error = _temp_error(OSError(code, os.strerror(code), _temp_folder()))
        else:
            return False
        exc.__traceback__ = tb = None  # noqa: F841 - the failed writer's frames go now, not with the message
        _quietly_collect()
        raise error from None


def _quietly_collect() -> None:
    """The failed writer's half-closed files (openpyxl's worksheet stream, its zip) fail once more when Python
    frees them, and Python prints that as 'Exception ignored in ...' with a traceback: freed here, in silence."""
    import gc

    previous = sys.unraisablehook
    sys.unraisablehook = lambda unraisable: None
    try:
        gc.collect()
    finally:
        sys.unraisablehook = previous


def _lxml_errno(exc: Exception) -> int | None:
    if type(exc).__name__ != "SerialisationError" or not str(exc).startswith("IO_E"):
        return None
    return getattr(errno, str(exc)[3:], None)


def _temp_folder() -> str:
    return tempfile.tempdir or os.environ.get("TMPDIR") or os.environ.get("TEMP") or "/tmp"


def _temp_error(exc: OSError) -> OutputError:
    folder = _temp_folder()
    if exc.filename is None and exc.errno == errno.ENOENT:  # tempfile.gettempdir found no folder it could write to
        reason = f"tidak ada folder sementara yang dapat ditulisi (TMPDIR={os.environ.get('TMPDIR', '')!r})"
    else:
        reason = describe_os_error(exc if exc.filename is not None else _named(exc, Path(folder)))
    return OutputError(f"Dokumen tidak dapat dibuat di folder sementara: {reason}. Kosongkan ruang di sana atau "
                       f"arahkan TMPDIR ke folder lain, lalu jalankan lagi. Tidak ada dokumen yang diubah.")


# ---- the manifest -----------------------------------------------------------------------------------------

def _plain(name: object) -> bool:
    return isinstance(name, str) and name not in ("", ".", "..") and "/" not in name and "\\" not in name \
        and "\0" not in name


def read_manifest(folder: Path) -> dict[str, str]:
    try:
        data = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
        files = data["berkas"]
        return {str(k): str(v) for k, v in files.items() if _plain(str(k))}
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
    return sorted(p for p in folder.parent.glob(f".{folder.name}.staging-*") if p.is_dir() and not p.is_symlink())


def recover(folder: Path) -> list[str]:
    """Finish or discard what a killed run left: call with the lock held. Returns what was done, for the user."""
    notes = []
    for staging in staging_folders(folder):
        if (staging / COMPLETE).is_file():
            try:
                _plan(staging)
            except ValueError:
                _put_back(staging, folder)
                notes.append(f"Folder sementara {staging.name} dari proses yang terhenti dibuang: catatan "
                             f"kelengkapannya ({COMPLETE}) rusak, jadi set dokumen di dalamnya tidak dipakai.")
            else:
                _forward(staging, folder)
                notes.append(f"Penggantian dokumen di {shown_path(folder)} yang terhenti pada proses sebelumnya "
                             "diselesaikan lebih dulu.")
        else:
            _put_back(staging, folder)
        shutil.rmtree(staging, ignore_errors=True)
    return notes


def restore(folder: Path) -> list[str]:
    """recover() for a command that writes nothing (`check`): only when no other run holds the folder."""
    if not staging_folders(folder):
        return []
    try:
        with locked(folder, wait=0):
            return recover(folder)
    except OutputError:
        return []  # a run is at work there: it recovers the folder itself


def _plan(staging: Path) -> tuple[list[str], list[str]]:
    """The journal's two lists; ValueError when it is damaged (not JSON, cut short, or naming anything but a
    plain file name): then it is no journal, and the staging folder counts as unfinished."""
    try:
        plan = json.loads((staging / COMPLETE).read_text(encoding="utf-8"))
        new, old = list(plan["baru"]), list(plan["lama"])
    except (OSError, UnicodeDecodeError, ValueError, KeyError, TypeError) as exc:
        raise ValueError(f"journal {staging / COMPLETE}: {exc}") from None
    if not all(_plain(name) for name in new + old):
        raise ValueError(f"journal {staging / COMPLETE}: names outside the folder")
    return new, old


def _put_back(staging: Path, folder: Path) -> None:
    """An unfinished staging folder: the output folder was not touched, except by an older version of this tool,
    which moved the previous set aside before the new one in. Whatever is aside and missing goes back."""
    aside = staging / PREVIOUS
    if not aside.is_dir():
        return
    for kept in aside.iterdir():
        if _plain(kept.name) and kept.is_file() and not os.path.lexists(folder / kept.name):
            os.replace(kept, folder / kept.name)


def _keep(source: Path, target: Path) -> None:
    """The previous set's file kept in the staging folder before the swap: a hard link (no copy, no space), or a
    copy on a file system without hard links."""
    try:
        os.link(source, target)
    except FileExistsError:
        return
    except OSError:
        shutil.copyfile(source, target)


def _forward(staging: Path, folder: Path) -> None:
    """The swap itself, all-or-nothing from the journal: each new file in by one rename, nothing else in between.
    A file still in the staging folder is not placed yet, so running it again after a kill continues where it
    stopped. The previous set's files that the new set does not replace go after the whole new set is in."""
    new, old = _plan(staging)
    folder.mkdir(parents=True, exist_ok=True)
    for name in new:
        if os.path.lexists(staging / name):
            replace(staging / name, folder / name)
    _fsync_dir(folder)
    aside = staging / PREVIOUS
    for name in old:
        if name not in new:
            with contextlib.suppress(OSError):  # a leftover is only an extra file beside the whole new set
                if _same(folder / name, aside / name):
                    (folder / name).unlink()


def _same(path: Path, kept: Path) -> bool:
    if not (path.is_file() and kept.is_file()):
        return False
    return os.path.samefile(path, kept) or filecmp.cmp(path, kept, shallow=False)


def _backward(staging: Path, folder: Path) -> None:
    """Undo a swap that failed part-way, while the run is still alive to do it: each placed name gets its
    previous file back (or goes, if it is new), its new file first linked back into the staging folder so that
    a kill here still leaves a journal the next run can finish."""
    new, old = _plan(staging)
    aside = staging / PREVIOUS
    for name in new:
        if os.path.lexists(staging / name) or not os.path.lexists(folder / name):
            continue  # not placed by this swap
        try:
            os.link(folder / name, staging / name)
        except OSError:
            replace(folder / name, staging / name)
        if name in old and (aside / name).is_file():
            replace(aside / name, folder / name)
        elif os.path.lexists(folder / name):
            (folder / name).unlink()
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


@contextlib.contextmanager
def signals_held() -> Iterator[None]:
    """SIGINT and SIGTERM delivered only after the block: the few renames of a swap and the removal of its staging
    folder are not cut in half by the user's own Ctrl+C (kill -9 still can; the next run finishes that)."""
    stops = {s for s in (signal.SIGINT, getattr(signal, "SIGTERM", None)) if s is not None}
    if not hasattr(signal, "pthread_sigmask") or threading.current_thread() is not threading.main_thread():
        yield
        return
    previous = signal.pthread_sigmask(signal.SIG_BLOCK, stops)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, previous)


def swap(staging: Path, folder: Path, new: list[str]) -> list[str]:
    """Put the staged set in place of the previous one; returns the tool's earlier files not written again.
    Staff files stay; a staff file under a name of the new set stops everything before any change."""
    owned = ours(folder) if folder.is_dir() else []
    taken = conflicts(folder, new, owned)
    if taken:
        raise OutputError(f"Di {shown_path(folder)} sudah ada {', '.join(taken)} yang tidak tercatat sebagai buatan "
                          f"alat ini (tidak ada di {MANIFEST}: berkas staf, hasil versi lama alat ini, atau dokumen "
                          "yang sudah diubah sejak ditulis). Pindahkan atau ganti namanya agar tidak tertimpa, lalu "
                          "jalankan lagi. Tidak ada yang diubah.")
    manifest = {"alat": "iku", "berkas": {name: sha256(staging / name) for name in new}}
    write_atomic(staging / MANIFEST, json.dumps(manifest, indent=1, ensure_ascii=False).encode())
    old = owned + ([MANIFEST] if (folder / MANIFEST).is_file() else [])
    aside = staging / PREVIOUS
    aside.mkdir(exist_ok=True)
    for name in old:  # everything the swap needs, done before the output folder is touched
        _keep(folder / name, aside / name)
    _fsync_dir(aside)
    with signals_held():  # Ctrl+C or SIGTERM from here waits for the set to be whole and the staging gone
        write_atomic(staging / COMPLETE, json.dumps({"baru": [*new, MANIFEST], "lama": old}).encode())
        _fsync_dir(staging)
        try:
            _forward(staging, folder)
        except BaseException:
            try:
                _backward(staging, folder)
            except OSError:
                raise OutputError(f"Penggantian dokumen di {shown_path(folder)} terhenti dan tidak dapat dibatalkan; "
                                  "jalankan lagi untuk menyelesaikannya (berkas sementara disimpan di "
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
