"""One test per bad input: non-zero exit, sheet and cell named, nothing written, input untouched."""

from __future__ import annotations

import pytest
from conftest import identity_row, rejected, run_cli

from iku import layout


def test_text_that_is_not_a_number(make_workbook, tmp_path):
    path = make_workbook({5: {2021: "empat puluh"}})
    rejected(path, tmp_path, "Realisasi!E9", "'empat puluh' bukan angka")


def test_dot_as_decimal_separator_is_not_misread(make_workbook, tmp_path):
    path = make_workbook({10: {2025: "46.67"}})
    rejected(path, tmp_path, "Realisasi!M14", "titik sebagai tanda desimal")


def test_missing_sheet(make_workbook, tmp_path):
    path = make_workbook(edit=lambda wb: wb.remove(wb[layout.SHEET_REALISATION]))
    rejected(path, tmp_path, "lembar 'Realisasi' tidak ada")


def test_renamed_sheet(make_workbook, tmp_path):
    def rename(wb):
        wb[layout.SHEET_IDENTITY].title = "Identitas Kantor"

    rejected(make_workbook(edit=rename), tmp_path, "lembar 'Identitas' tidak ada", "Identitas Kantor")


def test_renamed_year_header(make_workbook, tmp_path):
    def rename(wb):
        wb[layout.SHEET_REALISATION]["I4"] = "Real 2023"

    rejected(make_workbook(edit=rename), tmp_path, "Lembar 'Realisasi'", "'Realisasi 2023' tidak ditemukan")


def test_missing_indicator_header(make_workbook, tmp_path):
    def rename(wb):
        wb[layout.SHEET_REALISATION]["B4"] = "Nama"

    rejected(make_workbook(edit=rename), tmp_path, "Lembar 'Realisasi'", "judul kolom 'Indikator' tidak ditemukan")


def test_unknown_indicator_row(make_workbook, tmp_path):
    def rename(wb):
        wb[layout.SHEET_REALISATION]["B5"] = "Nilai IKM Baru"

    rejected(make_workbook(edit=rename), tmp_path, "Realisasi!B5", "'Nilai IKM Baru' tidak ada di katalog")


def test_duplicated_indicator_row(make_workbook, tmp_path):
    def duplicate(wb):
        wb[layout.SHEET_REALISATION]["B15"] = "Nilai IKM"

    rejected(make_workbook(edit=duplicate), tmp_path, "Realisasi!B15", "tercantum dua kali (juga di B5)")


def test_year_column_outside_period(make_workbook, tmp_path):
    def rename(wb):
        wb[layout.SHEET_REALISATION]["O4"] = "Realisasi 2027"

    rejected(make_workbook(edit=rename), tmp_path, "Realisasi!O4", "tahun harus 2021-2026")


def test_report_year_outside_period(make_workbook, tmp_path):
    path = make_workbook(identity={layout.ID_YEAR: 2030})
    rejected(path, tmp_path, f"Identitas!B{identity_row(layout.ID_YEAR)}", "di luar periode Renstra 2021-2026")


def test_percent_above_range(make_workbook, tmp_path):
    path = make_workbook({10: {2025: 120}})
    rejected(path, tmp_path, "Realisasi!M14", "120% di luar rentang 0-100%")


def test_village_count_above_range(make_workbook, tmp_path):
    rejected(make_workbook({2: {2025: 16}}), tmp_path, "Realisasi!M6", "16 di luar rentang 0-15")


def test_village_count_not_whole(make_workbook, tmp_path):
    rejected(make_workbook({2: {2025: 2.5}}), tmp_path, "Realisasi!M6", "harus bilangan bulat")


def test_formula_without_cached_value(make_workbook, tmp_path):
    def formula(wb):
        wb[layout.SHEET_REALISATION]["M5"] = "=80+6"

    rejected(make_workbook(edit=formula), tmp_path, "Realisasi!M5", "rumus yang hasilnya belum tersimpan")


def test_not_an_xlsx_by_name(tmp_path):
    path = tmp_path / "realisasi.xls"
    path.write_bytes(b"\xd0\xcf\x11\xe0 old excel")
    rejected(path, tmp_path, "bukan buku kerja .xlsx")


def test_not_an_xlsx_by_content(tmp_path):
    path = tmp_path / "realisasi.xlsx"
    path.write_text("No;Indikator\n1;Nilai IKM\n", encoding="utf-8")
    rejected(path, tmp_path, "tidak dapat dibuka sebagai buku kerja .xlsx")


def test_excel_lock_file(make_workbook, tmp_path):
    source = make_workbook()
    lock = tmp_path / "~$realisasi.xlsx"
    lock.write_bytes(b"\x0bSUWANTO" + b"\x00" * 100)
    rejected(lock, tmp_path, "file kunci Excel")
    assert source.exists()


def test_missing_file(tmp_path):
    rejected(tmp_path / "tidak-ada.xlsx", tmp_path, "tidak ditemukan")


def test_unknown_office(make_workbook, tmp_path):
    path = make_workbook(identity={layout.ID_OFFICE: "Kecamatan Sugio"})
    rejected(path, tmp_path, f"Identitas!B{identity_row(layout.ID_OFFICE)}", "'Kecamatan Sugio' tidak ada di katalog")


def test_unreadable_signing_date(make_workbook, tmp_path):
    path = make_workbook(identity={layout.ID_DATE: "besok pagi"})
    rejected(path, tmp_path, f"Identitas!B{identity_row(layout.ID_DATE)}", "tanggal 'besok pagi' tidak dikenali")


def test_every_problem_is_listed_at_once(make_workbook, tmp_path):
    path = make_workbook({5: {2021: "x"}, 10: {2025: 120}, 2: {2024: 2.5}})
    output = rejected(path, tmp_path, "3 masalah ditemukan", "Realisasi!E9", "Realisasi!M14", "Realisasi!K6")
    assert output.count("Realisasi!") == 3


@pytest.mark.parametrize("command", ["check"])
def test_check_reports_the_same_problems(make_workbook, tmp_path, command):
    path = make_workbook({5: {2021: "x"}})
    result = run_cli(command, path)
    assert result.exit_code != 0 and "Realisasi!E9" in result.output


def test_one_bad_workbook_does_not_stop_the_others(make_workbook, tmp_path):
    good = make_workbook({10: {2025: 40}}, name="baik.xlsx")
    # another year: the same office and year twice in one run is refused before any build (tests/test_batch.py)
    bad = make_workbook({10: {2025: 400}}, name="buruk.xlsx", year=2024)
    result = run_cli("build", good, bad, "--output", tmp_path / "hasil")
    assert result.exit_code == 1
    assert "1 buku kerja berhasil, 1 gagal" in result.output
    assert (tmp_path / "hasil" / "mantup-2025" / "IKU_Kecamatan_Mantup_2021-2026.docx").exists()


def test_percent_fraction_in_a_plain_cell_is_ambiguous(make_workbook, tmp_path):
    def plain(wb):
        cell = wb[layout.SHEET_REALISATION]["M14"]
        cell.number_format = "General"
        cell.value = 0.4667

    rejected(make_workbook(edit=plain), tmp_path, "Realisasi!M14", "maksudnya 46,67%?")
