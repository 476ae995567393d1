"""The output folder holds the previous complete set or the new one after any fault; staff files stay."""

from __future__ import annotations

import errno
import json
import os
import signal
import subprocess
import sys
import tempfile
import threading
from pathlib import Path

import pytest
from conftest import run_cli, sha, snapshot

from iku import output_lock, writer
from iku.render import pdf, toc_pages

VALUES = {10: {2025: 40}}
LKJIP = "LKjIP_Kecamatan_Mantup_2025.docx"
Q1 = "Pengukuran_Triwulan_I_Kecamatan_Mantup_2025.docx"
Q2 = "Pengukuran_Triwulan_II_Kecamatan_Mantup_2025.docx"
ROOT = Path(__file__).resolve().parent.parent


@pytest.fixture
def previous(make_workbook, tmp_path):
    """A first complete set in tmp_path/hasil/mantup-2025, and a different workbook for the second run."""
    out = tmp_path / "hasil"
    result = run_cli("build", make_workbook(VALUES, name="lama.xlsx"), "--output", out)
    assert result.exit_code == 0, result.output
    newer = make_workbook({10: {2025: 20}}, quarters={10: (10, None, None, None)}, name="baru.xlsx")
    return out, out / "mantup-2025", newer


def refused(out: Path, source: Path, *fragments: str, extra: tuple[str, ...] = ()) -> str:
    before = snapshot(out)
    result = run_cli("build", source, "--output", out, *extra)
    assert result.exit_code != 0
    for fragment in fragments:
        assert fragment in result.output, result.output
    assert snapshot(out) == before  # byte-identical, and no staging folder or lock left beside it
    return result.output


def test_disk_full_mid_set_leaves_previous_set(previous, monkeypatch):
    out, folder, newer = previous
    real = writer.write_atomic
    calls = []

    def filling(path, content):
        calls.append(path)
        if len(calls) == 3:
            raise OSError(errno.ENOSPC, "No space left on device", str(path))
        real(path, content)

    monkeypatch.setattr(writer, "write_atomic", filling)
    refused(out, newer, "GAGAL menulis", "ruang disk penuh", "tetap seperti sebelumnya")


def test_name_taken_by_a_folder_stops_before_any_change(previous):
    out, folder, newer = previous
    (folder / Q1).mkdir()
    message = refused(out, newer, Q1, "tidak tercatat sebagai buatan alat ini", "Tidak ada yang diubah")
    assert "Traceback" not in message


def test_permission_refused_mid_swap_rolls_back(previous, monkeypatch):
    out, folder, newer = previous
    real = os.replace
    placed = []

    def refusing(src, dst):
        if Path(dst).parent == folder and Path(src).parent != folder:
            placed.append(dst)
            if len(placed) == 3:  # two new documents already in place, the rest not
                raise PermissionError(errno.EACCES, "Permission denied", str(dst))
        real(src, dst)

    monkeypatch.setattr(os, "replace", refusing)
    refused(out, newer, "GAGAL menulis", "tidak ada izin menulis")


def test_second_run_waits_for_the_lock_then_says_so(previous, monkeypatch):
    out, folder, newer = previous
    lock = out / ".mantup-2025.lock"
    lock.write_text(str(os.getpid()))  # a live process holds it
    monkeypatch.setattr(output_lock, "LOCK_WAIT", 0.3)
    refused(out, newer, "sedang dipakai oleh proses lain", f"pid {os.getpid()}")


def _fake_pdfs(docx_paths, out_dir, timeout=180):
    made = []
    for path in docx_paths:
        target = Path(out_dir) / f"{Path(path).stem}.pdf"
        target.write_bytes(b"%PDF-1.4 dari " + Path(path).read_bytes()[:20])
        made.append(target)
    return made


def test_failed_pdf_step_keeps_previous_docx_and_pdf_together(make_workbook, tmp_path, monkeypatch):
    monkeypatch.setattr(toc_pages, "find", lambda path: {})
    monkeypatch.setattr(pdf, "convert", _fake_pdfs)
    out = tmp_path / "hasil"
    assert run_cli("build", make_workbook(VALUES, name="lama.xlsx"), "--output", out, "--pdf").exit_code == 0
    assert (out / "mantup-2025" / "LKjIP_Kecamatan_Mantup_2025.pdf").exists()

    def broken(docx_paths, out_dir, timeout=180):
        raise pdf.PdfError("LibreOffice gagal (kode keluar 1); PDF tidak dibuat.")

    monkeypatch.setattr(pdf, "convert", broken)
    newer = make_workbook({10: {2025: 20}}, name="baru.xlsx")
    refused(out, newer, "GAGAL pada langkah PDF", "tidak ada dokumen yang diubah", "LibreOffice gagal",
            extra=("--pdf",))


def test_staff_file_named_like_ours_survives_reruns(previous):
    out, folder, newer = previous
    staff = folder / Q2
    staff.write_bytes(b"catatan staf, bukan dokumen alat")
    for _ in range(2):
        result = run_cli("build", newer, "--output", out)
        assert result.exit_code == 0, result.output
        assert staff.read_bytes() == b"catatan staf, bukan dokumen alat"
        assert "Dihapus" not in result.output
    manifest = json.loads((folder / writer.MANIFEST).read_text())
    assert Q2 not in manifest["berkas"] and Q1 in manifest["berkas"]


def test_staff_file_under_a_name_to_write_stops_the_run(previous):
    out, folder, newer = previous
    (folder / Q1).write_bytes(b"milik staf")
    refused(out, newer, f"sudah ada {Q1}", "Pindahkan atau ganti namanya")


def test_document_edited_after_writing_is_the_staff_now(previous):
    out, folder, newer = previous
    edited = folder / LKJIP
    edited.write_bytes(edited.read_bytes() + b"\0")  # saved again by someone after the tool wrote it
    refused(out, newer, LKJIP, "sudah diubah sejak ditulis")


def _dead_pid() -> int:
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_next_run_clears_what_a_killed_run_left(previous):
    out, folder, newer = previous
    leftover = out / ".mantup-2025.staging-4242"
    leftover.mkdir()
    (leftover / LKJIP).write_bytes(b"setengah")
    (out / ".mantup-2025.lock").write_text(str(_dead_pid()))
    result = run_cli("build", newer, "--output", out)
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in out.iterdir()) == ["mantup-2025"]
    assert (folder / Q1).is_file()


KILLER = """
import os, sys
from pathlib import Path
from iku.cli import main
folder, stop = Path(sys.argv[1]), int(sys.argv[2])
real, count = os.replace, [0]
def dying(src, dst):
    if folder in (Path(src).parent, Path(dst).parent):  # previous set moved aside, then the new one in
        count[0] += 1
        if count[0] == stop:
            os.kill(os.getpid(), 9)
    real(src, dst)
os.replace = dying
main(["build", sys.argv[3], "--output", str(folder.parent)])
"""


def _consistent(folder: Path) -> dict[str, str]:
    """Every file the manifest names is there with its hash, and nothing of a second set beside it."""
    listed = json.loads((folder / writer.MANIFEST).read_text())["berkas"]
    assert {name: sha(folder / name) for name in listed} == listed
    return listed


@pytest.mark.skipif(sys.platform == "win32", reason="kill -9")
@pytest.mark.parametrize("stop", [1, 3, 5, 7])
def test_kill_during_the_swap_is_finished_by_the_next_run(previous, stop):
    out, folder, newer = previous
    old = _consistent(folder)
    killed = subprocess.run([sys.executable, "-c", KILLER, str(folder), str(stop), str(newer)], cwd=ROOT,
                            capture_output=True)
    assert killed.returncode == -9
    with output_lock.locked(folder):
        writer.recover(folder)
    now = _consistent(folder)
    assert now == old or Q1 in now  # the previous set, or the whole new one
    assert sorted(set(p.name for p in folder.iterdir()) - {writer.MANIFEST}) == sorted(now)
    assert sorted(p.name for p in out.iterdir()) == ["mantup-2025"]


@pytest.mark.skipif(sys.platform == "win32", reason="skrip soffice palsu memakai /bin/sh")
def test_ctrl_c_during_pdf_ends_libreoffice_and_its_temp_folder(tmp_path, monkeypatch):
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    pids = tmp_path / "pids"
    script = tmp_path / "soffice"
    script.write_text(f"#!/bin/sh\nsleep 60 &\necho $$ $! > {pids}\nsleep 60\n")
    script.chmod(0o755)
    monkeypatch.setattr(pdf, "find_soffice", lambda: str(script))
    source = tmp_path / "a.docx"
    source.write_bytes(b"x")
    timer = threading.Timer(1.5, os.kill, (os.getpid(), signal.SIGINT))  # a real signal: it wakes the wait
    timer.start()
    with pytest.raises(KeyboardInterrupt):
        pdf.convert([source], tmp_path / "out", timeout=60)
    timer.cancel()
    for pid in map(int, pids.read_text().split()):
        stat = Path(f"/proc/{pid}/stat")
        assert not stat.exists() or stat.read_text().split(") ")[1].startswith("Z")  # gone or only a zombie
    assert list(scratch.iterdir()) == []
