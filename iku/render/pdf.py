"""Convert .docx files to PDF with LibreOffice headless: one soffice call, private profile, atomic moves."""

from __future__ import annotations

import contextlib
import os
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

from iku.output_lock import alive
from iku.writer import describe_os_error, write_atomic

SOFFICE_ENV = "IKU_SOFFICE"  # the full path of a soffice elsewhere (a portable LibreOffice, another drive)
INSTALL_HINT = ("LibreOffice tidak terpasang, PDF tidak dibuat. Pasang paket Debian libreoffice-writer-nogui "
                "(apt-get install libreoffice-writer-nogui), atau sebut letak soffice di variabel lingkungan "
                f"{SOFFICE_ENV}, atau buka .docx di Word dan simpan sebagai PDF.")
WINDOWS_INSTALL_HINT = ("LibreOffice tidak ditemukan, PDF tidak dibuat. Pasang LibreOffice dari "
                        "https://www.libreoffice.org/download/ (folder bawaannya, C:\\Program Files\\LibreOffice, "
                        f"ditemukan sendiri), atau sebut letak soffice.exe di variabel lingkungan {SOFFICE_ENV}, atau "
                        "buka .docx di Word dan simpan sebagai PDF.")
# Where the Windows installer puts it: the 64-bit Program Files, then the 32-bit one (environment variables first,
# since Windows may live on another drive).
PROGRAM_FOLDERS = ("ProgramFiles", "ProgramW6432", "ProgramFiles(x86)")
WINDOWS_DEFAULTS = ("C:\\Program Files", "C:\\Program Files (x86)")
SOFFICE_IN_PROGRAM_FOLDER = ("LibreOffice", "program", "soffice.exe")
MANUAL_HINT = "Buka .docx di Word dan simpan sebagai PDF."
# PDF/A-2b, the archival PDF (fonts embedded, title and author in XMP), so the files can be kept and uploaded as
# they are. The JSON form of the filter options needs LibreOffice 7.4 or later; older versions write plain PDF.
PDF_A = 'pdf:writer_pdf_Export:{"SelectPdfVersion":{"type":"long","value":"2"}}'
KILL_WAIT = 30  # seconds for LibreOffice to be gone after SIGKILL


class PdfError(Exception):
    """LibreOffice did not produce every PDF; the message is for the user (Indonesian)."""


class PdfUnavailable(PdfError):
    """LibreOffice is not installed."""


def find_soffice(windows: bool = sys.platform == "win32") -> str | None:
    """The one named in IKU_SOFFICE, else the first on PATH, else the one in Program Files (64-bit, then 32-bit).
    None when there is none; a name in IKU_SOFFICE that is not a file counts as none (install_hint says so)."""
    named = _named_soffice()
    if named:
        return named if Path(named).is_file() else None
    for name in ("soffice", "libreoffice"):
        found = shutil.which(name)
        if found:
            return found
    for folder in program_folders(windows):
        candidate = Path(folder, *SOFFICE_IN_PROGRAM_FOLDER)
        if candidate.is_file():
            return str(candidate)
    return None


def _named_soffice() -> str:
    return os.environ.get(SOFFICE_ENV, "").strip().strip('"')  # as Explorer's "Copy as path" quotes it


def program_folders(windows: bool = sys.platform == "win32") -> list[str]:
    named = [os.environ[var] for var in PROGRAM_FOLDERS if os.environ.get(var)]
    return list(dict.fromkeys(named + (list(WINDOWS_DEFAULTS) if windows else [])))


def install_hint(windows: bool = sys.platform == "win32") -> str:
    named = _named_soffice()
    if named and not Path(named).is_file():
        return (f"Variabel lingkungan {SOFFICE_ENV} menunjuk {named}, tetapi di sana tidak ada berkas soffice; PDF "
                "tidak dibuat. Perbaiki letaknya (misalnya C:\\Program Files\\LibreOffice\\program\\soffice.exe) "
                "atau hapus variabel itu.")
    return WINDOWS_INSTALL_HINT if windows else INSTALL_HINT


def convert(docx_paths: list[Path], out_dir: Path, timeout: int = 180) -> list[Path]:
    """Convert every .docx to out_dir/<stem>.pdf; if soffice fails or any PDF is missing, none is moved."""
    if not docx_paths:
        return []
    soffice = find_soffice()
    if soffice is None:
        raise PdfUnavailable(install_hint())
    sources = _check_sources(docx_paths)
    _sweep()
    try:
        work = Path(tempfile.mkdtemp(prefix=f"{WORK_PREFIX}{os.getpid()}-"))  # HOME, private profile, staging
    except OSError as exc:  # a full or unwritable TMPDIR
        raise PdfError(f"Folder sementara untuk LibreOffice tidak dapat dibuat: {describe_os_error(exc)}; PDF tidak "
                       "dibuat.") from None
    try:
        staging = work / "pdf"
        staging.mkdir()
        _run(_command(soffice, sources, work / "profile", staging), work, timeout)
        produced = _expected(sources, staging)
        return [_move(pdf, out_dir) for pdf in produced]
    except OSError as exc:
        raise PdfError(f"PDF tidak dapat dibuat: {describe_os_error(exc)}.") from None
    finally:
        shutil.rmtree(work, ignore_errors=True)


WORK_PREFIX = "iku-pdf-"  # then the pid of the process that started LibreOffice


def _sweep() -> None:
    """Work folders (profile, staging) left by a run killed with -9, which cannot clean up: removed when the
    process named in the folder's name is gone. A live process's folder is never touched."""
    if not hasattr(os, "killpg"):
        return
    with contextlib.suppress(OSError):
        for folder in Path(tempfile.gettempdir()).glob(f"{WORK_PREFIX}*-*"):
            pid = folder.name[len(WORK_PREFIX):].split("-", 1)[0]
            if pid.isdigit() and int(pid) != os.getpid() and not alive(int(pid)) and folder.is_dir():
                shutil.rmtree(folder, ignore_errors=True)


def _check_sources(docx_paths: list[Path]) -> list[Path]:
    sources = [Path(p).resolve() for p in docx_paths]
    for path in sources:
        if not path.is_file():
            raise PdfError(f"Berkas .docx tidak ditemukan: {path}; PDF tidak dibuat.")
    stems: dict[str, Path] = {}
    for path in sources:
        other = stems.setdefault(path.stem.casefold(), path)
        if other != path:
            raise PdfError(f"{other} dan {path} akan menjadi PDF bernama sama ({path.stem}.pdf); "
                           "ubah salah satu nama berkas.")
    return sources


def _command(soffice: str, sources: list[Path], profile: Path, staging: Path) -> list[str]:
    # A profile per run: two conversions sharing one can silently lose a PDF.
    return [soffice, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--norestore",
            "--convert-to", PDF_A, "--outdir", str(staging), *map(str, sources)]


def _run(command: list[str], home: Path, timeout: int) -> None:
    scratch = home / "tmp"  # LibreOffice's own temporary files (lu*.tmp), removed with the work folder
    scratch.mkdir(exist_ok=True)
    env = {**os.environ, "HOME": str(home), "TMPDIR": str(scratch), "TMP": str(scratch), "TEMP": str(scratch)}
    # Its own session (process group on Windows): Ctrl+C in the terminal reaches the tool, which then ends
    # LibreOffice and its helpers together (_kill), and removes their work folder; a signal never leaves it alone.
    group = {"creationflags": subprocess.CREATE_NEW_PROCESS_GROUP} if sys.platform == "win32" else \
        {"start_new_session": True}
    try:
        proc = subprocess.Popen(command, env=env, cwd=home, stdin=subprocess.DEVNULL, stdout=subprocess.PIPE,
                                stderr=subprocess.STDOUT, **group)
    except OSError as exc:
        raise PdfError(f"LibreOffice tidak dapat dijalankan ({describe_os_error(exc)}); PDF tidak dibuat. "
                       f"{MANUAL_HINT}") from None
    try:
        output, _ = proc.communicate(timeout=timeout)
    except BaseException as exc:  # Ctrl+C, SIGTERM (iku.errors.Cancelled), the timeout: LibreOffice goes too
        _kill(proc)
        if not isinstance(exc, subprocess.TimeoutExpired):
            raise
        raise PdfError(f"LibreOffice tidak selesai dalam {timeout} detik; PDF tidak dibuat. "
                       "Coba lagi, atau buka .docx di Word dan simpan sebagai PDF.") from None
    if proc.returncode != 0:
        detail = output.decode(errors="replace").strip()[-800:]
        raise PdfError(f"LibreOffice gagal (kode keluar {proc.returncode}); PDF tidak dibuat."
                       + (f"\n{detail}" if detail else ""))


def _kill(proc: subprocess.Popen[bytes], windows: bool = sys.platform == "win32") -> None:
    """soffice starts helper processes (soffice.bin on Windows); end the whole session or process tree."""
    try:
        if windows:
            _end_tree_windows(proc.pid)
            proc.kill()
        else:
            os.killpg(proc.pid, signal.SIGKILL)
    except ProcessLookupError:
        pass
    with contextlib.suppress(subprocess.TimeoutExpired):
        proc.communicate(timeout=KILL_WAIT)  # a helper that left the session would keep the pipe open for ever


def _end_tree_windows(pid: int) -> None:
    """Windows has no process groups to signal: taskkill ends soffice.exe and the soffice.bin it started."""
    system = Path(os.environ.get("SystemRoot", "C:\\Windows"), "System32", "taskkill.exe")
    taskkill = str(system) if system.is_file() else "taskkill"
    with contextlib.suppress(OSError, subprocess.TimeoutExpired):
        subprocess.run([taskkill, "/F", "/T", "/PID", str(pid)], stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL,
                       stderr=subprocess.DEVNULL, timeout=KILL_WAIT, check=False,
                       creationflags=getattr(subprocess, "CREATE_NO_WINDOW", 0))


def _expected(sources: list[Path], staging: Path) -> list[Path]:
    produced = [staging / f"{src.stem}.pdf" for src in sources]
    missing = [src.name for src, pdf in zip(sources, produced, strict=True)
               if not pdf.is_file() or pdf.stat().st_size == 0]
    if missing:
        raise PdfError(f"LibreOffice tidak menghasilkan PDF untuk {', '.join(missing)}; PDF tidak dibuat. "
                       f"{MANUAL_HINT}")
    return produced


def _move(pdf: Path, out_dir: Path) -> Path:
    target = out_dir / pdf.name
    write_atomic(target, pdf.read_bytes())  # temp file beside the target, then os.replace
    return target


def batch_timeout(files: int) -> int:
    """A conversion of many files takes longer than one: a minute and a half per ten files beyond the first."""
    return 180 + 9 * max(0, files - 1)


def convert_groups(groups: list[tuple[list[Path], Path]]) -> list[list[Path] | PdfError]:
    """Each group's .docx to PDF in its own folder, with one LibreOffice start for all groups (its start-up is
    most of a conversion). A group whose PDFs fail gets its PdfError; the other groups still get theirs: after a
    failed joint run each group is converted on its own, so one bad document costs no other its PDFs."""
    if len(groups) <= 1:
        return [_group(*group) for group in groups]
    sources = [path for docs, _ in groups for path in docs]
    try:
        joint = tempfile.TemporaryDirectory(prefix="iku-pdfs-")
    except OSError as exc:
        failed = PdfError(f"Folder sementara untuk PDF tidak dapat dibuat: {describe_os_error(exc)}; PDF tidak dibuat.")
        return [failed for _ in groups]
    with joint as tmp:
        try:
            made = convert(sources, Path(tmp), timeout=batch_timeout(len(sources)))
        except PdfUnavailable as exc:
            return [exc for _ in groups]
        except PdfError:
            return [_group(*group) for group in groups]
        produced = {pdf.stem: pdf for pdf in made}
        return [_place([produced[Path(doc).resolve().stem] for doc in docs], out) for docs, out in groups]


def _place(pdfs: list[Path], out_dir: Path) -> list[Path] | PdfError:
    try:
        return [_move(pdf, out_dir) for pdf in pdfs]
    except OSError as exc:
        return PdfError(f"PDF tidak dapat ditulis ke {out_dir}: {describe_os_error(exc)}; PDF tidak dibuat.")


def _group(docs: list[Path], out_dir: Path) -> list[Path] | PdfError:
    try:
        return convert(docs, out_dir, timeout=batch_timeout(len(docs)))
    except PdfError as exc:
        return exc
