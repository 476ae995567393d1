"""Nothing false printed, no silent edits (issue 8, points 4, 8, 9 and the -0 of point 11): Excel error values,
a NIP held as a number, TRUE/FALSE, Excel's _x000D_ escapes, control characters, over-long text, a blank Status
Data, edited or repeated labels, superscript digits. Each bad workbook is refused with the cell named, nothing
written and the input untouched; the good ones are built and read back."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from conftest import identity_row, rejected, run_cli
from docx_text import full_text
from openpyxl import load_workbook
from source_helpers import raw_with

from iku import formatting, layout
from iku.errors import Problem
from iku.sources import konflik
from iku.workbook import organisation_sheets as org_sheets
from iku.workbook.report_sheets import FIRST_ROW

SIGNED = {layout.ID_DATE: dt.datetime(2026, 1, 30)}


def cell_of(label: str) -> str:
    return f"Identitas!B{identity_row(label)}"


@pytest.mark.parametrize("code", ["#N/A", "#DIV/0!", "#REF!", "#VALUE!", "#NAME?", "#NUM!", "#NULL!"])
def test_excel_error_in_signatory_name(make_workbook, tmp_path, code):
    path = make_workbook(identity={**SIGNED, layout.ID_NAME: code})
    assert load_workbook(path)[layout.SHEET_IDENTITY][f"B{identity_row(layout.ID_NAME)}"].data_type == "e"
    rejected(path, tmp_path, cell_of(layout.ID_NAME), f"berisi galat Excel {code}; perbaiki rumusnya")


def test_excel_error_in_analysis(make_workbook, tmp_path):
    path = make_workbook(analysis={1: ("#DIV/0!", "", "")})
    rejected(path, tmp_path, "Analisis!C5", "galat Excel #DIV/0!")


def test_excel_error_in_budget_program(make_workbook, tmp_path):
    path = make_workbook(budget=[("#REF!", "Kegiatan A", 1000, 500)])
    output = rejected(path, tmp_path, "Anggaran!", "galat Excel #REF!")
    assert "#REF!" in output


def test_excel_error_in_data_sheet_read_by_calamine(make_workbook, tmp_path):
    """python-calamine reads an error cell as '' (its issue #105): the error must still be found."""
    def edit(wb):
        wb[layout.SHEET_SKM].cell(row=layout.DATA_HEADER_ROW + 1, column=2, value="#N/A")

    rejected(make_workbook(edit=edit), tmp_path, f"{layout.SHEET_SKM}!B{layout.DATA_HEADER_ROW + 1}",
             "galat Excel #N/A")


def test_nip_typed_as_number_is_refused(make_workbook, tmp_path):
    path = make_workbook(identity={**SIGNED, layout.ID_NIP: 198510102006021001})
    rejected(path, tmp_path, cell_of(layout.ID_NIP), "NIP tersimpan sebagai angka",
             "membulatkan digit terakhirnya", "tanda petik (')")


def test_nip_float_is_refused(make_workbook, tmp_path):
    path = make_workbook(identity={**SIGNED, layout.ID_NIP: 1.98510102006021e17})
    rejected(path, tmp_path, cell_of(layout.ID_NIP), "NIP tersimpan sebagai angka")


def test_nip_wrong_length(make_workbook, tmp_path):
    path = make_workbook(identity={**SIGNED, layout.ID_NIP: "19851010 200602 1"})
    rejected(path, tmp_path, cell_of(layout.ID_NIP), "harus 18 angka")


@pytest.mark.parametrize("nip", ["19851010 200602 1 002", "198510102006021002"])
def test_nip_as_text_is_printed_as_typed(make_workbook, tmp_path, nip):
    path = make_workbook(identity={**SIGNED, layout.ID_NIP: nip})
    cell = load_workbook(path)[layout.SHEET_IDENTITY][f"B{identity_row(layout.ID_NIP)}"]
    assert cell.number_format == "@"  # the template keeps the NIP as text
    result = run_cli("build", path, "--output", tmp_path / "hasil")
    assert result.exit_code == 0, result.output
    text = full_text(tmp_path / "hasil" / "mantup-2025" / "Perjanjian_Kinerja_Kecamatan_Mantup_2025.docx")
    assert f"NIP. {nip}" in text or nip in text
    assert "e+17" not in text


def test_staff_nip_as_number_is_refused(make_workbook, tmp_path):
    def edit(wb):
        org_sheets.fill(wb, layout.SHEET_STAFF, [("Ani", 1.98510102006021e17, "Penata (III/c)", "S-1", "Kasi")])

    path = make_workbook(edit=edit)
    assert load_workbook(path)[layout.SHEET_STAFF]["B6"].number_format == "@"  # the template keeps NIPs as text
    rejected(path, tmp_path, "Pegawai!B5", "NIP tersimpan sebagai angka")


def test_boolean_in_name_is_refused(make_workbook, tmp_path):
    path = make_workbook(identity={**SIGNED, layout.ID_NAME: True})
    rejected(path, tmp_path, cell_of(layout.ID_NAME), "nilai benar/salah (TRUE/FALSE), bukan teks")


def test_boolean_in_analysis_is_refused(make_workbook, tmp_path):
    def edit(wb):
        wb[layout.SHEET_ANALYSIS]["C5"] = False

    path = make_workbook(analysis={1: ("Faktor pendukung.", "", "")}, edit=edit)
    rejected(path, tmp_path, "Analisis!C5", "TRUE/FALSE")


def test_date_in_rank_is_refused(make_workbook, tmp_path):
    path = make_workbook(identity={**SIGNED, layout.ID_RANK: dt.datetime(2025, 1, 1)})
    rejected(path, tmp_path, cell_of(layout.ID_RANK), "tanggal atau waktu, bukan teks")


def test_excel_escapes_decoded_and_control_characters_removed(make_workbook, tmp_path):
    path = make_workbook(identity={**SIGNED, layout.ID_NAME: "Drs. Budi_x0007__xFFFF_ Santoso_x000D__xD800_"},
                         narrative={"latar_belakang": "Paragraf pertama._x000D_\nParagraf kedua_x001B_ selesai."})
    result = run_cli("build", path, "--output", tmp_path / "hasil")
    assert result.exit_code == 0, result.output
    folder = tmp_path / "hasil" / "mantup-2025"
    lkjip = full_text(folder / "LKjIP_Kecamatan_Mantup_2025.docx")
    pk = full_text(folder / "Perjanjian_Kinerja_Kecamatan_Mantup_2025.docx")
    for text in (lkjip, pk):
        assert "_x00" not in text and "\x07" not in text and "\x1b" not in text
    assert "Drs. Budi Santoso" in pk
    assert "Paragraf kedua selesai." in lkjip


def test_name_too_long(make_workbook, tmp_path):
    path = make_workbook(identity={**SIGNED, layout.ID_NAME: "A" * 201})
    rejected(path, tmp_path, cell_of(layout.ID_NAME), "teks terlalu panjang (201 karakter, paling banyak 200)")


def test_narrative_too_long(make_workbook, tmp_path):
    path = make_workbook(narrative={"penutup": "x" * 5001})
    rejected(path, tmp_path, "Narasi!B", "paling banyak 5000")


def test_blank_status_is_refused(make_workbook, tmp_path):
    def edit(wb):
        wb[layout.SHEET_IDENTITY][f"B{identity_row(layout.ID_STATUS)}"] = None

    path = make_workbook(identity=SIGNED, edit=edit)
    rejected(path, tmp_path, cell_of(layout.ID_STATUS), "Status Data kosong; pilih RESMI", "CONTOH")


def test_edited_identity_label(make_workbook, tmp_path):
    row = identity_row(layout.ID_NAME)

    def edit(wb):
        wb[layout.SHEET_IDENTITY][f"A{row}"] = "Nama Pejabat"

    rejected(make_workbook(edit=edit), tmp_path, f"Identitas!A{row}", "label 'Nama Pejabat' tidak dikenal",
             layout.ID_NAME)


def test_duplicated_identity_label_names_both_cells(make_workbook, tmp_path):
    first = identity_row(layout.ID_YEAR)

    def edit(wb):
        ws = wb[layout.SHEET_IDENTITY]
        last = ws.max_row + 1
        ws[f"A{last}"], ws[f"B{last}"] = layout.ID_YEAR, 2024
        edit.row = last

    path = make_workbook(edit=edit)
    rejected(path, tmp_path, f"Identitas!A{edit.row}", f"'{layout.ID_YEAR}' tercantum dua kali (juga di A{first})")


def test_edited_narrative_label(make_workbook, tmp_path):
    def edit(wb):
        wb[layout.SHEET_NARRATIVE][f"A{FIRST_ROW}"] = "Latar belakang masalah"

    rejected(make_workbook(narrative={"latar_belakang": "Teks kantor."}, edit=edit), tmp_path,
             f"Narasi!A{FIRST_ROW}", "bagian 'Latar belakang masalah' tidak dikenal", "Latar Belakang")


def test_duplicated_narrative_label(make_workbook, tmp_path):
    def edit(wb):
        wb[layout.SHEET_NARRATIVE][f"A{FIRST_ROW + 1}"] = "Latar Belakang"

    rejected(make_workbook(edit=edit), tmp_path, f"Narasi!A{FIRST_ROW + 1}",
             f"tercantum dua kali (juga di A{FIRST_ROW})")


@pytest.mark.parametrize("year", ["²⁰²⁵", "２０２５", "٢٠٢٥"])
def test_unicode_digits_in_year(make_workbook, tmp_path, year):
    path = make_workbook(identity={**SIGNED, layout.ID_YEAR: year})
    rejected(path, tmp_path, cell_of(layout.ID_YEAR), f"tahun laporan '{year}' bukan tahun")


def test_superscript_year_on_quarters_sheet(make_workbook, tmp_path):
    def edit(wb):
        wb[layout.SHEET_QUARTERS][layout.YEAR_VALUE_CELL] = "²⁰²⁵"

    path = make_workbook(quarters={1: (80, 82, 84, 86)}, identity=SIGNED, edit=edit)
    rejected(path, tmp_path, f"Triwulan!{layout.YEAR_VALUE_CELL}", "untuk tahun ²⁰²⁵")


@pytest.mark.parametrize(("value", "places", "shown"), [
    (Decimal("-0.001"), 2, "0,00"), (Decimal("-0.4"), 0, "0"), (Decimal("-0"), 0, "0"), (Decimal("-0.005"), 2, "-0,01"),
])
def test_negative_zero_never_printed(value, places, shown):
    assert formatting.number(value, places) == shown


def test_many_excel_errors_are_counted_not_listed(make_workbook, tmp_path):
    def edit(wb):
        for row in range(layout.DATA_HEADER_ROW + 1, layout.DATA_HEADER_ROW + 31):
            wb[layout.SHEET_SKM].cell(row=row, column=2, value="#VALUE!")

    output = rejected(make_workbook(edit=edit), tmp_path, f"{layout.SHEET_SKM}!B{layout.DATA_HEADER_ROW + 1}",
                      "10 sel lain di lembar ini juga berisi galat Excel")
    assert f"B{layout.DATA_HEADER_ROW + 21}" not in output


@pytest.mark.parametrize(("village", "fragment"), [
    (True, "berisi TRUE/FALSE, bukan teks"), (dt.datetime(2025, 1, 1), "berisi tanggal atau waktu, bukan teks"),
])
def test_data_sheet_text_refuses_booleans_and_dates(tmp_path, mantup, village, fragment):
    raw = raw_with(tmp_path, {layout.SHEET_CONFLICTS: [[dt.date(2025, 1, 5), village, "Sengketa", "Ya", None]]})
    problems: list[Problem] = []
    konflik.read(raw, mantup, problems, [])
    assert [(p.cell, fragment in p.message) for p in problems] == [(f"B{layout.DATA_HEADER_ROW + 1}", True)]


def test_data_sheet_control_characters_removed(tmp_path, mantup):
    raw = raw_with(tmp_path, {layout.SHEET_CONFLICTS: [[dt.date(2025, 1, 5), "Tugu_x0007_", "Batas_x000D_\nsawah",
                                                         "Ya", None]]})
    problems: list[Problem] = []
    conflicts = konflik.read(raw, mantup, problems, [])
    assert problems == []
    assert "Tugu" in repr(conflicts) and "\\x07" not in repr(conflicts) and "_x00" not in repr(conflicts)


def test_negative_zero_typed_prints_zero_in_documents(make_workbook, tmp_path):
    path = make_workbook({2: {2025: "-0"}, 10: {2025: "-0,0"}}, identity=SIGNED)
    result = run_cli("build", path, "--output", tmp_path / "hasil")
    assert result.exit_code == 0, result.output
    folder = tmp_path / "hasil" / "mantup-2025"
    text = full_text(folder / "LKjIP_Kecamatan_Mantup_2025.docx")
    assert "0 desa" in text
    assert "-0" not in text and "−0" not in text
    sheet = load_workbook(folder / "Pengukuran_Kinerja_Kecamatan_Mantup_2025.xlsx").worksheets[0]
    shown = [str(c.value) for row in sheet.iter_rows() for c in row if c.value is not None]
    assert not any(v.startswith("-0") for v in shown)


def test_boolean_in_date_cells(make_workbook, tmp_path):
    quarter_label = layout.ID_QUARTER_DATES[0]
    path = make_workbook(identity={layout.ID_DATE: True, quarter_label: False})
    rejected(path, tmp_path, f"{cell_of(layout.ID_DATE)}: tanggal berisi TRUE/FALSE",
             f"{cell_of(quarter_label)}", "'FALSE' bukan tanggal")
