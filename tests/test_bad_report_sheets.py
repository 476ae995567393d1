"""Bad input in the sheets behind the LKjIP and PK: sheet and cell named, non-zero exit, nothing written."""

from __future__ import annotations

from conftest import rejected

from iku import layout

PROGRAM = "Program Penyelenggaraan Pemerintahan dan Pelayanan Publik"


def test_quarter_text_not_a_number(make_workbook, tmp_path):
    path = make_workbook(quarters={10: (20, "tiga puluh", None, None)})
    rejected(path, tmp_path, "Triwulan!D14", "'tiga puluh' bukan angka")


def test_quarter_out_of_range(make_workbook, tmp_path):
    rejected(make_workbook(quarters={2: (None, None, 20, None)}), tmp_path, "Triwulan!E6", "di luar rentang 0-15")


def test_quarter_unknown_indicator(make_workbook, tmp_path):
    def rename(wb):
        wb[layout.SHEET_QUARTERS]["B7"] = "Nilai SAKIP"

    rejected(make_workbook(edit=rename), tmp_path, "Triwulan!B7", "'Nilai SAKIP' tidak ada di katalog")


def test_quarter_header_renamed(make_workbook, tmp_path):
    def rename(wb):
        wb[layout.SHEET_QUARTERS]["E4"] = "Triwulan 3"

    rejected(make_workbook(edit=rename), tmp_path, "Lembar 'Triwulan'", "'TW III' tidak ditemukan")


def test_analysis_formula_without_value(make_workbook, tmp_path):
    def formula(wb):
        wb[layout.SHEET_ANALYSIS]["C14"] = '=CONCAT("a","b")'

    rejected(make_workbook(edit=formula), tmp_path, "Analisis!C14", "rumus yang hasilnya belum tersimpan")


def test_analysis_text_too_long(make_workbook, tmp_path):
    path = make_workbook(analysis={1: ("x" * 5001, "", "")})
    rejected(path, tmp_path, "Analisis!C5", "teks terlalu panjang (5001 karakter, paling banyak 5000")


def test_analysis_duplicate_indicator(make_workbook, tmp_path):
    def duplicate(wb):
        wb[layout.SHEET_ANALYSIS]["B15"] = "Nilai IKM"

    rejected(make_workbook(edit=duplicate), tmp_path, "Analisis!B15", "tercantum dua kali")


def test_budget_spending_above_ceiling(make_workbook, tmp_path):
    path = make_workbook(budget=[(PROGRAM, "Kegiatan A", 1_000_000, 1_500_000)])
    rejected(path, tmp_path, "Anggaran!E5", "realisasi anggaran melebihi pagu")


def test_budget_text_not_a_number(make_workbook, tmp_path):
    path = make_workbook(budget=[(PROGRAM, "Kegiatan A", "satu juta", 0)])
    rejected(path, tmp_path, "Anggaran!D5", "pagu 'satu juta' bukan angka")


def test_budget_negative(make_workbook, tmp_path):
    rejected(make_workbook(budget=[(PROGRAM, "Kegiatan A", 1000, -5)]), tmp_path, "Anggaran!E5", "tidak boleh negatif")


def test_budget_row_without_activity_or_ceiling(make_workbook, tmp_path):
    path = make_workbook(budget=[(PROGRAM, "", None, 500)])
    rejected(path, tmp_path, "Anggaran!C5", "nama kegiatan kosong", "Anggaran!D5", "pagu kosong")


def test_budget_money_in_indonesian_notation_is_read(make_workbook, tmp_path):
    from conftest import run_cli

    path = make_workbook(budget=[(PROGRAM, "Kegiatan A", "1.250.000", "1.000.000,50")])
    result = run_cli("build", path, "--output", tmp_path / "hasil")
    assert result.exit_code == 0, result.output


def test_narrative_formula_without_value(make_workbook, tmp_path):
    def formula(wb):
        wb[layout.SHEET_NARRATIVE]["B6"] = "=A1"

    rejected(make_workbook(edit=formula), tmp_path, "Narasi!B6", "rumus yang hasilnya belum tersimpan")


def test_quarters_of_another_year_are_rejected(make_workbook, tmp_path):
    def old_year(wb):
        wb[layout.SHEET_QUARTERS]["B3"] = 2024

    path = make_workbook(quarters={10: (20, None, None, None)}, edit=old_year)
    rejected(path, tmp_path, "Triwulan!B3", "untuk tahun 2024, sedangkan tahun laporan 2025")


def test_budget_of_another_year_is_rejected_with_year_option(make_workbook, tmp_path):
    from conftest import run_cli

    path = make_workbook(budget=[(PROGRAM, "Kegiatan A", 100, 50)])
    result = run_cli("build", path, "--year", "2026", "--output", tmp_path / "hasil")
    assert result.exit_code != 0 and "Anggaran!B3" in result.output and not (tmp_path / "hasil").exists()


def test_budget_amount_too_large(make_workbook, tmp_path):
    rejected(make_workbook(budget=[(PROGRAM, "Kegiatan A", 1e300, 0)]), tmp_path, "Anggaran!D5", "terlalu besar")


def test_budget_amount_with_rp_prefix_is_read(make_workbook, tmp_path):
    from conftest import run_cli

    path = make_workbook(budget=[(PROGRAM, "Kegiatan A", "Rp 45.000.000", "Rp. 40.000.000")])
    assert run_cli("build", path, "--output", tmp_path / "hasil").exit_code == 0
