"""Click's own errors, the unknown office and the year 0 said in Indonesian, without click's English (issue 8)."""

from __future__ import annotations

import pytest
from conftest import run_cli

ENGLISH = ("Error:", "Usage:", "Invalid value", "No such", "Missing argument", "Try '", "requires an argument",
           "is a file", "Got unexpected")


def said_in_indonesian(*args, fragments: tuple[str, ...], code: int = 2) -> str:
    result = run_cli(*args)
    assert result.exit_code == code, result.output
    for fragment in fragments:
        assert fragment in result.output, result.output
    for english in ENGLISH:
        assert english not in result.output, result.output
    assert "Traceback" not in result.output
    return result.output


@pytest.mark.parametrize("value", ["dua ribu", "0", "-1", "25", "²⁰²⁵", "20251"])
def test_bad_year_on_build(tmp_path, value):
    said_in_indonesian("build", tmp_path / "x.xlsx", "--year", value,
                       fragments=("Galat: nilai opsi --year tidak sah", "bukan tahun", "misalnya 2025"))


def test_year_zero_on_template_writes_nothing(tmp_path):
    path = tmp_path / "baru.xlsx"
    said_in_indonesian("template", path, "--year", "0", fragments=("'0' bukan tahun",))
    assert not path.exists()


def test_unknown_office_names_the_known_ones(tmp_path):
    path = tmp_path / "baru.xlsx"
    said_in_indonesian("template", path, "--office", "Sukorame", code=1,
                       fragments=("kantor 'Sukorame' tidak dikenal", "kantor yang ada: mantup"))
    assert not path.exists()


def test_unknown_option(tmp_path):
    said_in_indonesian("build", tmp_path / "x.xlsx", "--tahun", "2025",
                       fragments=("opsi --tahun tidak dikenal", "Lihat bantuan:"))


def test_unknown_command():
    said_in_indonesian("buat", fragments=("perintah 'buat' tidak dikenal", "build, check, office, template"))


def test_missing_workbook():
    said_in_indonesian("build", fragments=("nama file buku kerja wajib diisi",))


def test_option_without_value(tmp_path):
    said_in_indonesian("check", tmp_path / "x.xlsx", "--year", fragments=("opsi --year perlu diberi nilai",))


def test_extra_argument(tmp_path):
    said_in_indonesian("check", tmp_path / "a.xlsx", tmp_path / "b.xlsx", fragments=("argumen berlebih",))


def test_output_that_is_a_file(tmp_path):
    taken = tmp_path / "hasil"
    taken.write_text("catatan staf")
    said_in_indonesian("build", tmp_path / "x.xlsx", "--output", taken,
                       fragments=("nilai opsi --output tidak sah", "adalah file, bukan folder"))
    assert taken.read_text() == "catatan staf"


def test_missing_file(tmp_path):
    output = said_in_indonesian("build", tmp_path / "tidak-ada.xlsx", "--output", tmp_path / "hasil", code=1,
                                fragments=("tidak-ada.xlsx tidak ditemukan",))
    assert "tidak ada dokumen yang ditulis" in output


def test_our_own_errors_say_galat(tmp_path, monkeypatch):
    from iku import cli

    empty = tmp_path / "input"
    empty.mkdir()
    (empty / "catatan.txt").write_text("x")
    monkeypatch.setattr(cli, "INPUT_DIR", empty)
    output = said_in_indonesian(code=1, fragments=("Galat: Tidak ada buku kerja .xlsx",
                                                   "catatan.txt: bukan buku kerja"))
    assert output.index("catatan.txt") < output.index("Galat:")


def test_year_still_accepted(make_workbook, tmp_path):
    result = run_cli("check", make_workbook(), "--year", "2025")
    assert result.exit_code == 0, result.output
    assert "tahun 2025" in result.output


def test_unexpected_error_in_check_is_one_line_and_a_log(make_workbook, tmp_path, monkeypatch):
    import re
    import tempfile
    from pathlib import Path

    from iku import pipeline

    path = make_workbook()
    monkeypatch.setattr(tempfile, "tempdir", str(tmp_path))

    def broken(*args, **kwargs):
        raise KeyError("bug buatan")

    monkeypatch.setattr(pipeline, "check", broken)
    output = said_in_indonesian("check", path, code=1, fragments=("GAGAL. Kesalahan tak terduga", "KeyError"))
    assert len(output.strip().splitlines()) == 1
    log = Path(re.search(r"ditulis ke (\S+\.log)", output).group(1))
    assert "bug buatan" in log.read_text()


def test_ctrl_c_is_one_indonesian_line_and_the_shells_code(tmp_path, monkeypatch):
    from iku import cli

    def interrupted(*args, **kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(cli, "_catalogues", interrupted)
    result = run_cli("template", tmp_path / "x.xlsx")
    assert result.exit_code == 130
    assert "Dibatalkan (Ctrl+C)" in result.output and "Aborted" not in result.output
