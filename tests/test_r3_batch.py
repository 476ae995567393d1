"""Batches (issue 18): twins found by what the build reads, one file named through two paths built once, pipes and
devices passed over before anything opens them."""

from __future__ import annotations

import os
import socket
import sys
from pathlib import Path

import pytest
from conftest import run_cli
from openpyxl import load_workbook

from iku import batch, layout, pipeline, writer

VALUES = {10: {2025: 40}}
posix_only = pytest.mark.skipif(sys.platform == "win32", reason="FIFO, soket dan /dev/zero hanya di POSIX")


def labels_below_row_60(wb) -> None:
    """Sixty rows of notes (column C) above the Identitas labels: a look at the first 60 rows finds no label."""
    ws = wb[layout.SHEET_IDENTITY]
    ws.insert_rows(2, 60)
    for row in range(2, 62):
        ws.cell(row=row, column=3, value="catatan staf")


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_twins_with_their_labels_moved_down_are_both_refused(make_workbook, tmp_path, jobs):
    first = make_workbook(VALUES, name="mantup_a.xlsx", edit=labels_below_row_60)
    second = make_workbook(name="mantup_b.xlsx", edit=labels_below_row_60)
    assert run_cli("check", first).exit_code == 0  # each is a valid workbook on its own
    out = tmp_path / "hasil"
    result = run_cli("build", first, second, "--output", out, "--jobs", jobs)
    assert result.exit_code == 1, result.output
    refusals = [line.strip() for line in result.output.splitlines() if "sama-sama" in line]
    assert refusals == ["GAGAL, tidak ada dokumen yang ditulis: mantup_a.xlsx dan mantup_b.xlsx sama-sama buku kerja "
                        "Kecamatan Mantup tahun 2025, periode Renstra 2021-2026. Tidak satu pun diproses, agar "
                        "dokumen yang satu tidak menimpa yang lain; pindahkan yang bukan versi terakhir dari folder "
                        "masukan, lalu jalankan lagi."] * 2
    assert "Selesai: 0 buku kerja berhasil, 2 gagal." in result.output
    assert not out.exists() or not any(p.is_dir() for p in out.iterdir())


def test_a_twin_the_quick_look_could_not_read_is_refused_by_its_build(make_workbook, tmp_path, monkeypatch):
    """The build itself writes only a folder no other workbook of the run was given (should the file change
    between the look and the build, or the look fail on it): the twin is refused, the other built."""
    first = make_workbook(VALUES, name="mantup_a.xlsx")
    second = make_workbook(name="mantup_b.xlsx")
    real = batch.identify
    monkeypatch.setattr(batch, "identify", lambda path, *args, **kwargs: None if path.name == "mantup_b.xlsx"
                        else real(path, *args, **kwargs))
    out = tmp_path / "hasil"
    result = run_cli("build", first, second, "--output", out, "--jobs", "1")
    assert result.exit_code == 1, result.output
    assert ("mantup_b.xlsx: buku kerja ini ternyata untuk Kecamatan Mantup tahun 2025, sama seperti mantup_a.xlsx "
            "pada proses ini. Tidak ditulis, agar dokumen mantup_a.xlsx tidak tertimpa") in result.output
    assert "Selesai: 1 buku kerja berhasil, 1 gagal." in result.output
    assert "tertimpa oleh buku kerja ini" not in result.output
    assert "LKjIP_Kecamatan_Mantup_2025.docx" in writer.read_manifest(out / "mantup-2025")
    # what was written is mantup_a's: its indicator 10 realisation (40 %) is in the measurement table
    table = load_workbook(out / "mantup-2025" / "Pengukuran_Kinerja_Kecamatan_Mantup_2025.xlsx")
    assert any(0.4 in row for ws in table.worksheets for row in ws.iter_rows(values_only=True))


@posix_only
def test_one_file_named_through_several_paths_is_built_once(make_workbook, tmp_path, monkeypatch):
    path = make_workbook(VALUES, name="realisasi.xlsx")
    (tmp_path / "tautan.xlsx").symlink_to(path)
    (tmp_path / "sub").mkdir()
    monkeypatch.chdir(tmp_path)
    out = tmp_path / "hasil"
    result = run_cli("build", "realisasi.xlsx", "./realisasi.xlsx", "tautan.xlsx", "sub/../realisasi.xlsx", path,
                     "--output", out)
    assert result.exit_code == 0, result.output
    assert "tautan.xlsx adalah file yang sama dengan realisasi.xlsx: dibuat sekali saja." in result.output
    assert "sub/../realisasi.xlsx adalah file yang sama dengan realisasi.xlsx: dibuat sekali saja." in result.output
    assert f"{path} adalah file yang sama dengan realisasi.xlsx: dibuat sekali saja." in result.output
    assert "sama-sama" not in result.output and "GAGAL" not in result.output
    assert "Selesai: 1 buku kerja berhasil, 0 gagal." in result.output  # built once, not refused
    assert "LKjIP_Kecamatan_Mantup_2025.docx" in writer.read_manifest(out / "mantup-2025")


OPENED = Path()  # where the fakes below record what they were given (module level: the workers get them by name)
REAL_IDENTIFY, REAL_BUILD = batch.identify, pipeline.build


def special(path: Path) -> bool:
    return Path(path).name in ("pipa.xlsx", "nol.xlsx", "soket.xlsx")


def _recording(step: str, real):
    """`real`, logging each path it is given and failing on a file that is not a regular file."""
    def recorded(path, *args, **kwargs):
        with OPENED.open("a") as log:
            log.write(f"{step} {Path(path).name}\n")
        if special(path):
            raise AssertionError(f"{step} was given a file that is not a regular file")
        return real(path, *args, **kwargs)
    return recorded


recording_identify = _recording("identify", REAL_IDENTIFY)
recording_build = _recording("build", REAL_BUILD)


@pytest.fixture
def specials(tmp_path) -> list[Path]:
    """A FIFO, a symlink to /dev/zero and a socket, each named like a workbook."""
    fifo, zero, sock = tmp_path / "pipa.xlsx", tmp_path / "nol.xlsx", tmp_path / "soket.xlsx"
    os.mkfifo(fifo)
    zero.symlink_to("/dev/zero")
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(sock))
    yield [fifo, zero, sock]
    server.close()


@posix_only
@pytest.mark.parametrize("jobs", ["1", "2"])
def test_pipes_and_devices_are_passed_over_before_anything_opens_them(make_workbook, tmp_path, monkeypatch,
                                                                       specials, jobs):
    good = make_workbook(VALUES, name="baik.xlsx")
    monkeypatch.setattr(sys.modules[__name__], "OPENED", tmp_path / "dibuka.txt")
    monkeypatch.setattr(batch, "identify", recording_identify)
    monkeypatch.setattr(pipeline, "build", recording_build)
    out = tmp_path / "hasil"
    result = run_cli("build", specials[0], good, *specials[1:], "--output", out, "--jobs", jobs)
    assert result.exit_code == 1, result.output
    assert "pipa.xlsx bukan file biasa melainkan pipa bernama (FIFO); dilewati tanpa dibaca." in result.output
    assert "nol.xlsx bukan file biasa melainkan perangkat karakter (tautan ke /dev/zero); dilewati tanpa dibaca." \
        in result.output
    assert "soket.xlsx bukan file biasa melainkan soket; dilewati tanpa dibaca." in result.output
    assert "Selesai: 1 buku kerja berhasil, 3 gagal." in result.output
    assert sorted(set((tmp_path / "dibuka.txt").read_text().split("\n")) - {""}) == ["build baik.xlsx"]
    assert (out / "mantup-2025").is_dir()


@posix_only
def test_the_input_folder_lists_a_pipe_as_skipped(make_workbook, tmp_path, monkeypatch):
    from iku import cli

    inbox = tmp_path / "input"
    inbox.mkdir()
    make_workbook(VALUES, name="input/baik.xlsx")
    os.mkfifo(inbox / "pipa.xlsx")
    (inbox / "nol.xlsx").symlink_to("/dev/zero")
    monkeypatch.setattr(cli, "INPUT_DIR", inbox)
    monkeypatch.setattr(cli, "OUTPUT_DIR", tmp_path / "output")
    result = run_cli()
    assert result.exit_code == 0, result.output
    assert f"Dilewati: 2 file di {inbox}:" in result.output
    assert "  - nol.xlsx: bukan file biasa melainkan perangkat karakter (tautan ke /dev/zero); dilewati tanpa dibaca" \
        in result.output
    assert "  - pipa.xlsx: bukan file biasa melainkan pipa bernama (FIFO); dilewati tanpa dibaca" in result.output
    assert (tmp_path / "output" / "mantup-2025").is_dir()
