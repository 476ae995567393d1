"""A previous document held open in Word or Excel on Windows (issue 19): os.replace onto it fails with
PermissionError and winerror 32 (or 5). Simulated here by an os.replace that fails as Windows does."""

from __future__ import annotations

import errno
import os

import pytest
from conftest import run_cli, sha

from iku import safe_names, writer

REAL_REPLACE = os.replace


def _windows_refusal(target: str, winerror: int) -> PermissionError:
    exc = PermissionError(errno.EACCES, "The process cannot access the file", "staging", None, target)
    exc.winerror = winerror
    return exc


def _holding(monkeypatch, name: str, times: int | None, winerror: int = 32) -> list[str]:
    """os.replace onto `name` refused `times` times (None: always), as while Word holds it open."""
    tries: list[str] = []

    def replace(source, target):
        placed = os.path.basename(os.path.dirname(os.fspath(target))) == "mantup-2025"  # not the staging folder
        if placed and os.path.basename(os.fspath(target)) == name and (times is None or len(tries) < times):
            tries.append(os.fspath(target))
            raise _windows_refusal(os.fspath(target), winerror)
        return REAL_REPLACE(source, target)

    monkeypatch.setattr(writer.os, "replace", replace)
    monkeypatch.setattr(writer, "REPLACE_PAUSE", 0.01)
    return tries


@pytest.fixture
def built(make_workbook, tmp_path):
    workbook = make_workbook({10: {2025: 40}})
    out = tmp_path / "hasil"
    first = run_cli("build", workbook, "--output", out)
    assert first.exit_code == 0, first.output
    folder = out / "mantup-2025"
    return workbook, out, folder, {p.name: sha(p) for p in folder.iterdir()}


def test_a_document_open_in_word_is_named_and_the_previous_set_stays(built, monkeypatch):
    workbook, out, folder, before = built
    held = "LKjIP_Kecamatan_Mantup_2025.docx"
    tries = _holding(monkeypatch, held, None)
    result = run_cli("build", workbook, "--output", out)
    assert result.exit_code != 0
    assert len(tries) == writer.REPLACE_TRIES  # tried for about a second before giving up
    message = " ".join(result.output.split())
    assert f"sedang dibuka di program lain, misalnya Word, Excel atau pembaca PDF ({folder / held})" in message
    assert "tutup berkas itu di sana, lalu jalankan lagi" in message
    assert "tidak ada izin" not in message and "Kesalahan tak terduga" not in message
    assert {p.name: sha(p) for p in folder.iterdir()} == before  # every file the previous set's, whole
    assert not [p for p in out.iterdir() if ".staging-" in p.name]


def test_access_denied_on_an_open_document_is_read_as_open_not_as_permissions(built, monkeypatch):
    """Windows gives winerror 5 for a rename onto an open file too; the file then refuses opening for writing."""
    workbook, out, folder, before = built
    held = "Perjanjian_Kinerja_Kecamatan_Mantup_2025.docx"
    _holding(monkeypatch, held, None, winerror=5)
    probed = []

    def opening(path):  # CreateFile for writing, as Windows answers it while Word holds the file
        probed.append(os.fspath(path))
        if os.fspath(path) == os.fspath(folder / held):
            raise _windows_refusal(os.fspath(path), 32)

    monkeypatch.setattr(writer, "_open_for_writing", opening)
    result = run_cli("build", workbook, "--output", out)
    assert result.exit_code != 0
    assert f"sedang dibuka di program lain, misalnya Word, Excel atau pembaca PDF ({folder / held})" \
        in " ".join(result.output.split())
    assert {p.name: sha(p) for p in folder.iterdir()} == before
    assert probed and set(probed) == {os.fspath(folder / held)}


def test_access_denied_with_the_file_free_is_a_permission_message(built, monkeypatch):
    """Winerror 5 while the file opens for writing: a real permission problem, said as one, without retries."""
    workbook, out, folder, before = built
    held = "Perjanjian_Kinerja_Kecamatan_Mantup_2025.docx"
    tries = _holding(monkeypatch, held, None, winerror=5)
    monkeypatch.setattr(writer, "_open_for_writing", lambda path: None)
    result = run_cli("build", workbook, "--output", out)
    assert result.exit_code != 0 and len(tries) == 1
    message = " ".join(result.output.split())
    assert f"tidak ada izin menulis ({folder / held})" in message and "sedang dibuka" not in message
    assert {p.name: sha(p) for p in folder.iterdir()} == before


def test_access_denied_on_a_closed_file_stays_a_permission_message():
    exc = _windows_refusal("C:\\hasil\\a.docx", 5)
    assert not safe_names.held_open(exc)
    assert safe_names.describe_os_error(exc).startswith("tidak ada izin menulis (C:\\hasil\\a.docx)")


def test_a_brief_hold_by_an_antivirus_scan_is_waited_out(built, monkeypatch):
    workbook, out, folder, before = built
    tries = _holding(monkeypatch, "Surat_Pengantar_Kecamatan_Mantup_2025.docx", times=2)
    result = run_cli("build", workbook, "--output", out)
    assert result.exit_code == 0, result.output
    assert len(tries) == 2
    assert sorted(p.name for p in folder.iterdir()) == sorted(before)
