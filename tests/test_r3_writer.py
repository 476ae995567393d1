"""What the writer says and does when the OS refuses, when a staging folder or a lock was left damaged or stale."""

from __future__ import annotations

import errno
import io
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

import pytest
from conftest import run_cli, snapshot
from openpyxl import Workbook

from iku import output_lock, writer
from iku.safe_names import describe_os_error

VALUES = {10: {2025: 40}}
LKJIP = "LKjIP_Kecamatan_Mantup_2025.docx"
ENGLISH = ("File too large", "No space left", "File name too long", "Permission denied", "Read-only", "quota",
           "No usable temporary directory", "IO_E")


@pytest.fixture
def previous(make_workbook, tmp_path):
    out = tmp_path / "hasil"
    result = run_cli("build", make_workbook(VALUES, name="lama.xlsx"), "--output", out)
    assert result.exit_code == 0, result.output
    return out, out / "mantup-2025", make_workbook({10: {2025: 20}}, name="baru.xlsx")


@pytest.mark.parametrize(("code", "reason"), [
    (errno.EFBIG, "berkas melebihi batas ukuran yang diizinkan"),
    (errno.ENOSPC, "ruang disk penuh"),
    (errno.EDQUOT, "kuota disk pengguna ini habis"),
    (errno.ENAMETOOLONG, "jalurnya terlalu panjang untuk sistem berkas"),
    (errno.EACCES, "tidak ada izin menulis"),
    (errno.EROFS, "disk hanya-baca"),
])
def test_a_refused_write_is_an_indonesian_sentence_naming_the_file(previous, monkeypatch, code, reason):
    """A failed fsync, like a failed write, names no file: the message still says which one."""
    out, folder, newer = previous
    real = os.fsync

    def refusing(fd):
        if os.path.isfile(f"/proc/self/fd/{fd}") or not sys.platform.startswith("linux"):
            raise OSError(code, os.strerror(code))
        real(fd)

    monkeypatch.setattr(os, "fsync", refusing)
    before = snapshot(out)
    result = run_cli("build", newer, "--output", out)
    assert result.exit_code != 0
    assert f"GAGAL menulis: Dokumen tidak dapat ditulis: {reason}" in result.output, result.output
    assert "/.mantup-2025.staging-" in result.output and ".docx" in result.output  # the file it was writing
    assert "tetap seperti sebelumnya" in result.output
    assert not any(english in result.output for english in ENGLISH), result.output
    assert snapshot(out) == before


def test_an_errno_without_a_sentence_is_named_by_its_symbol_not_in_english():
    message = describe_os_error(OSError(errno.ENOLINK, "Link has been severed", "/srv/hasil/x.docx"))
    assert message == "sistem operasi menolak (galat ENOLINK) (/srv/hasil/x.docx)"
    assert describe_os_error(OSError("something")) == "sistem operasi menolak tanpa menyebut sebabnya"


def test_a_4000_character_output_folder_is_refused_in_indonesian(make_workbook, tmp_path):
    workbook = make_workbook(VALUES)
    out = tmp_path / ("d" * 4000)
    result = run_cli("build", workbook, "--output", out)
    assert result.exit_code != 0
    assert "jalurnya terlalu panjang untuk sistem berkas" in result.output, result.output[:500]
    assert "pakai folder dengan jalur yang lebih pendek" in result.output
    assert f"({len(str(out)):,} karakter)".replace(",", ".") in result.output  # the path, shown by its two ends
    assert "File name too long" not in result.output and "Traceback" not in result.output


FILE_LIMIT = """
import io, resource, sys, tempfile
from openpyxl import Workbook
from iku import writer
tempfile.tempdir = sys.argv[1]
resource.setrlimit(resource.RLIMIT_FSIZE, (4096, resource.RLIM_INFINITY))  # ulimit -f 4 (Python ignores SIGXFSZ)
book = Workbook()
for row in range(2000):
    book.active.append([row, "isi sel yang cukup panjang"])
try:
    with writer.temp_space():
        book.save(io.BytesIO())  # openpyxl writes the worksheet to a file in TMPDIR first
except writer.OutputError as exc:
    print(exc)
"""


@pytest.mark.skipif(sys.platform == "win32", reason="RLIMIT_FSIZE")
def test_a_file_size_limit_in_the_temporary_folder_is_a_message(tmp_path):
    """The report's EFBIG: lxml says SerialisationError('IO_EFBIG'), with no errno and no path."""
    done = subprocess.run([sys.executable, "-c", FILE_LIMIT, str(tmp_path)], capture_output=True, text=True,
                          cwd=Path(__file__).resolve().parent.parent, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Dokumen tidak dapat dibuat di folder sementara: berkas melebihi batas ukuran "
                                  f"yang diizinkan ({tmp_path}); batas itu dapat berasal dari proses ini"), done.stdout
    assert "Tidak ada dokumen yang diubah" in done.stdout and done.stderr == ""  # not even "Exception ignored in"


def test_a_full_temporary_folder_is_a_message_not_a_serialisation_error(tmp_path, monkeypatch):
    from lxml import etree

    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))
    with pytest.raises(writer.OutputError) as caught:
        with writer.temp_space():
            raise etree.SerialisationError("IO_ENOSPC")  # what lxml raises when a worksheet's temporary file fills up
    assert str(caught.value) == (f"Dokumen tidak dapat dibuat di folder sementara: ruang disk penuh ({tmp_path}). "
                                 "Kosongkan ruang di sana atau arahkan TMPDIR ke folder lain, lalu jalankan lagi. "
                                 "Tidak ada dokumen yang diubah.")
    with pytest.raises(etree.SerialisationError):  # anything else lxml says is a bug, not the disk
        with writer.temp_space():
            raise etree.SerialisationError("unknown encoding")


def test_no_usable_temporary_folder_is_a_message(tmp_path, monkeypatch):
    def nowhere():
        raise FileNotFoundError(errno.ENOENT, "No usable temporary directory found in ['/penuh']")

    monkeypatch.setattr(tempfile, "tempdir", None)
    monkeypatch.setattr(tempfile, "_get_default_tempdir", nowhere)
    monkeypatch.setenv("TMPDIR", "/penuh")
    with pytest.raises(writer.OutputError, match=r"tidak ada folder sementara yang dapat ditulisi \(TMPDIR='/penuh'\)"):
        with writer.temp_space():
            Workbook().save(io.BytesIO())


# ---- a damaged completion marker ---------------------------------------------------------------------------

@pytest.mark.parametrize("marker", [b"{\"baru\": [\"LKjIP", b"", b"\xff\xfe", b"[1, 2]",
                                    json.dumps({"baru": ["../../lepas.docx"], "lama": []}).encode()])
def test_a_damaged_marker_is_an_unfinished_staging_folder(previous, marker):
    """Cut short, empty, not UTF-8, not the journal's shape, or naming a file outside: discarded, every run."""
    out, folder, newer = previous
    leftover = out / ".mantup-2025.staging-4242"
    leftover.mkdir()
    (leftover / LKJIP).write_bytes(b"setengah")
    (leftover / "lepas.docx").write_bytes(b"jangan dipindah")
    (leftover / writer.COMPLETE).write_bytes(marker)
    old = (folder / LKJIP).read_bytes()
    with output_lock.locked(folder):
        notes = writer.recover(folder)
    assert notes == [f"Folder sementara {leftover.name} dari proses yang terhenti dibuang: catatan kelengkapannya "
                     f"({writer.COMPLETE}) rusak, jadi set dokumen di dalamnya tidak dipakai."]
    assert not leftover.exists() and (folder / LKJIP).read_bytes() == old
    assert sorted(p.name for p in out.parent.rglob("lepas.docx")) == []
    result = run_cli("build", newer, "--output", out)
    assert result.exit_code == 0, result.output


def test_a_damaged_marker_in_a_build_does_not_stop_it(previous):
    out, folder, newer = previous
    leftover = out / ".mantup-2025.staging-4242"
    leftover.mkdir()
    (leftover / writer.COMPLETE).write_text('{"baru": ["LKjIP_Kec', encoding="utf-8")
    for _ in range(2):  # today: JSONDecodeError on every later run
        result = run_cli("build", newer, "--output", out)
        assert result.exit_code == 0, result.output
        assert "Kesalahan tak terduga" not in result.output
    assert sorted(p.name for p in out.iterdir()) == ["mantup-2025"]


def test_files_an_older_version_moved_aside_come_back(previous):
    """Before the journal named both sets, a killed run could leave the previous set's files aside without one."""
    out, folder, newer = previous
    leftover = out / ".mantup-2025.staging-4242"
    (leftover / writer.PREVIOUS).mkdir(parents=True)
    content = (folder / LKJIP).read_bytes()
    os.replace(folder / LKJIP, leftover / writer.PREVIOUS / LKJIP)
    with output_lock.locked(folder):
        writer.recover(folder)
    assert (folder / LKJIP).read_bytes() == content and not leftover.exists()


# ---- a stale lock ------------------------------------------------------------------------------------------

@pytest.fixture
def stranger():
    """A live process that is not iku."""
    process = subprocess.Popen(["sleep", "60"])
    yield process.pid
    process.kill()
    process.wait()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="/proc")
def test_a_lock_of_a_live_unrelated_process_is_taken_over(previous, stranger, monkeypatch):
    out, folder, newer = previous
    monkeypatch.setattr(output_lock, "LOCK_WAIT", 0.3)  # a wait would fail the build
    lock = out / ".mantup-2025.lock"
    lock.write_text(str(stranger))  # an older version's lock: the pid only, now a 'sleep'
    with output_lock.locked(folder) as held:
        assert held.notes == [f"Kunci {lock} menyebut pid {stranger}, tetapi nomor itu kini dipakai program lain, "
                              "bukan proses alat ini yang membuat kunci itu; kunci itu sisa proses yang terhenti "
                              "dan diambil alih."]
        assert lock.read_text().split() == [str(os.getpid()), output_lock.start_time(os.getpid())]
    lock.write_text(f"{stranger} 1")  # pid and start time: the pid was reused since
    result = run_cli("build", newer, "--output", out)
    assert result.exit_code == 0, result.output
    assert not lock.exists()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="/proc")
def test_a_lock_of_the_live_run_that_made_it_is_waited_for(previous, stranger, monkeypatch):
    out, folder, newer = previous
    lock = out / ".mantup-2025.lock"
    lock.write_text(f"{stranger} {output_lock.start_time(stranger)}")  # that very process: it holds the folder
    with pytest.raises(writer.OutputError, match=f"sedang dipakai oleh proses lain \\(pid {stranger}\\)"):
        with output_lock.locked(folder, wait=0.3):
            pass
    assert lock.exists()


def test_restore_finishes_a_swap_for_a_command_that_writes_nothing(previous):
    out, folder, newer = previous
    leftover = out / ".mantup-2025.staging-4242"
    leftover.mkdir()
    (leftover / "Tambahan.docx").write_bytes(b"baru")
    (leftover / writer.COMPLETE).write_text(json.dumps({"baru": ["Tambahan.docx"], "lama": []}))
    assert writer.restore(folder) == [f"Penggantian dokumen di {folder} yang terhenti pada proses sebelumnya "
                                      "diselesaikan lebih dulu."]
    assert (folder / "Tambahan.docx").read_bytes() == b"baru" and not leftover.exists()
    assert writer.restore(folder) == []
