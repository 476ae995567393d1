"""Faults of the system, not of the program (issue 18): a write refused for a file-size limit (EFBIG) and a full
temporary folder (ENOSPC) are said in Indonesian, naming the folder, never "Kesalahan tak terduga"."""

from __future__ import annotations

import errno
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from conftest import run_cli
from openpyxl.worksheet import _writer as sheet_writer

from iku.render import pdf

ROOT = Path(__file__).resolve().parent.parent
posix_only = pytest.mark.skipif(sys.platform == "win32", reason="RLIMIT_FSIZE dan /dev/full hanya di POSIX")
LIMIT = "berkas melebihi batas ukuran yang diizinkan"
FULL = "ruang disk penuh"


def limited(cwd: Path, *args: object) -> subprocess.CompletedProcess:
    """generate.py with every file it writes limited to 16 KiB (ulimit -f 16)."""
    def limit() -> None:
        import resource
        resource.setrlimit(resource.RLIMIT_FSIZE, (16 * 1024, 16 * 1024))

    return subprocess.run([sys.executable, str(ROOT / "generate.py"), *map(str, args)], cwd=cwd, capture_output=True,
                          text=True, preexec_fn=limit, env={**os.environ, "TMPDIR": str(cwd)}, timeout=600)


@posix_only
def test_a_file_size_limit_is_named_not_a_crash(make_workbook, tmp_path):
    out = tmp_path / "hasil"
    done = limited(tmp_path, "build", make_workbook(name="realisasi.xlsx"), "--output", out)
    output = done.stdout + done.stderr
    assert done.returncode == 1, output
    # openpyxl writes each sheet to TMPDIR first: the limit is met there, and the message says where
    assert f"GAGAL menulis: Dokumen tidak dapat dibuat di folder sementara: {LIMIT}" in output
    assert "arahkan TMPDIR ke folder lain, lalu jalankan lagi. Tidak ada dokumen yang diubah." in output
    assert "Kesalahan tak terduga" not in output and "Traceback" not in output, output
    assert not out.exists() or not any(p.is_dir() for p in out.iterdir())
    assert not list(tmp_path.glob("iku-galat-*"))  # no crash log: nothing crashed

    done = limited(tmp_path, "template", tmp_path / "baru.xlsx", "--year", "2025")
    output = done.stdout + done.stderr
    assert done.returncode == 1, output
    assert output.startswith(f"GAGAL: {LIMIT} ({tmp_path})"), output
    assert "Traceback" not in output and not (tmp_path / "baru.xlsx").exists()


def fill_temp(tmp_path: Path, monkeypatch) -> Path:
    """A temporary folder with no room left: openpyxl's temporary sheet file cannot be made there (ENOSPC, as
    NamedTemporaryFile raises it on a full disk). The lxml form of the same fault (IO_EFBIG) is the test above."""
    scratch = tmp_path / "sementara"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))

    def no_room(suffix=""):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(scratch))

    monkeypatch.setattr(sheet_writer, "create_temporary_file", no_room)
    return scratch


@posix_only
def test_a_full_temporary_folder_is_named_not_a_crash(make_workbook, tmp_path, monkeypatch):
    workbook = make_workbook(name="realisasi.xlsx")  # written before the folder fills
    full_temp = fill_temp(tmp_path, monkeypatch)
    out = tmp_path / "hasil"
    result = run_cli("build", workbook, "--output", out)
    assert result.exit_code == 1, result.output
    assert f"GAGAL menulis: Dokumen tidak dapat dibuat di folder sementara: {FULL} ({full_temp}" in result.output
    assert "Tidak ada dokumen yang diubah." in result.output
    assert "Kesalahan tak terduga" not in result.output
    assert not out.exists() or not any(p.is_dir() for p in out.iterdir())

    result = run_cli("template", tmp_path / "baru.xlsx", "--year", "2025")  # the command line's own guard
    assert result.exit_code == 1
    assert result.output.strip() == f"GAGAL: {FULL} ({full_temp})."
    assert not list(full_temp.glob("iku-galat-*"))


@posix_only
def test_a_temporary_folder_full_for_libreoffice_fails_the_pdf_step_only(make_workbook, tmp_path, monkeypatch):
    monkeypatch.setattr(pdf, "find_soffice", lambda: "/bin/true")

    def no_room(*args, **kwargs):
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC), str(tmp_path / "sementara"))

    monkeypatch.setattr(tempfile, "mkdtemp", no_room)
    out = tmp_path / "hasil"
    result = run_cli("build", make_workbook(name="realisasi.xlsx"), "--output", out, "--pdf")
    assert result.exit_code == 1, result.output
    assert "GAGAL pada langkah PDF, tidak ada dokumen yang diubah (dokumen sebelumnya tetap utuh)" in result.output
    assert f"tidak dapat dibuat: {FULL} ({tmp_path / 'sementara'})" in result.output
    assert "Kesalahan tak terduga" not in result.output
    assert not out.exists() or not any(p.is_dir() for p in out.iterdir())
