"""Sheet Tindak Lanjut: last year's evaluation recommendations and their follow-up, in LKjIP Bab III C."""

from __future__ import annotations

from pathlib import Path

import pytest
from conftest import rejected, run_cli
from docx import Document
from docx_text import full_text, tables
from openpyxl import load_workbook

from iku import layout
from iku.render.lkjip import headings
from iku.workbook import follow_up_sheet

HEADING = "C. Tindak Lanjut Rekomendasi Hasil Evaluasi"
EMPTY = ("Belum ada rekomendasi hasil evaluasi atas implementasi SAKIP Kecamatan Mantup tahun 2024 yang dicatat, "
         "sehingga tindak lanjutnya belum dapat disajikan.")
ROWS = [
    ("Menyusun cascading kinerja sampai tingkat jabatan pelaksana.", "Matriks cascading ditetapkan Camat.",
     "selesai", "Keputusan Camat tentang Cascading Kinerja"),
    ("Melakukan reviu IKU.", "Reviu IKU bersama Bagian Organisasi.", "Dalam proses", None),
    ("Memantau Perjanjian Kinerja setiap triwulan.", None, "Belum ditindaklanjuti", None),
]


def _filled(rows):
    def edit(wb):
        follow_up_sheet.fill(wb, rows)
    return edit


def _build(path: Path, tmp_path: Path) -> tuple[Path, str]:
    out = tmp_path / "hasil"
    result = run_cli("build", path, "--output", out)
    assert result.exit_code == 0, result.output
    return next(out.rglob("LKjIP_*.docx")), " ".join(result.output.split())


def _follow_up_table(docx: Path) -> list[list[str]]:
    return next(t for t in tables(docx) if t[0][:2] == ["No", "Rekomendasi"])


def test_rows_are_printed_as_a_table_with_a_counting_sentence(make_workbook, tmp_path):
    docx, output = _build(make_workbook(edit=_filled(ROWS)), tmp_path)
    assert _follow_up_table(docx) == [
        ["No", "Rekomendasi", "Tindak Lanjut", "Status", "Bukti"],
        ["1", ROWS[0][0], ROWS[0][1], "Selesai", ROWS[0][3]],
        ["2", ROWS[1][0], ROWS[1][1], "Dalam proses", "\u2013"],
        ["3", ROWS[2][0], "\u2013", "Belum ditindaklanjuti", "\u2013"],
    ]
    text = full_text(docx)
    assert ("Dari tiga rekomendasi tersebut, satu telah selesai ditindaklanjuti, satu masih dalam proses, dan satu "
            "belum ditindaklanjuti.") in text
    assert "Evaluasi atas implementasi SAKIP Kecamatan Mantup tahun 2024 oleh Inspektorat Kabupaten Lamongan" in text
    assert EMPTY not in text
    assert (2, HEADING) in headings(Document(docx))  # a level-2 heading of Bab III, so in the table of contents
    assert "Lembar 'Tindak Lanjut'" not in output  # no warning once the sheet is filled


def test_without_evidence_the_table_has_no_bukti_column(make_workbook, tmp_path):
    rows = [(r[0], "Sudah dilaksanakan.", "Selesai", None) for r in ROWS[:2]]
    docx, _ = _build(make_workbook(edit=_filled(rows)), tmp_path)
    assert _follow_up_table(docx)[0] == ["No", "Rekomendasi", "Tindak Lanjut", "Status"]
    assert "Dari dua rekomendasi tersebut, seluruhnya telah selesai ditindaklanjuti." in full_text(docx)


def test_empty_sheet_says_none_recorded_and_warns(make_workbook, tmp_path):
    docx, output = _build(make_workbook(), tmp_path)
    assert EMPTY in full_text(docx)
    assert not any(t[0][:2] == ["No", "Rekomendasi"] for t in tables(docx))
    assert "Peringatan: Lembar 'Tindak Lanjut' kosong: isi setiap rekomendasi Laporan Hasil Evaluasi (LHE) SAKIP " \
           "tahun 2024" in output
    assert "Evaluator menilai tindak lanjut ini" in output


def test_workbook_without_the_sheet_still_builds_and_warns(make_workbook, tmp_path):
    def drop(wb):
        del wb[layout.SHEET_FOLLOW_UP]

    docx, output = _build(make_workbook(edit=drop), tmp_path)
    assert EMPTY in full_text(docx)
    assert "tidak punya lembar 'Tindak Lanjut'" in output


def test_sheet_cleared_of_everything_counts_as_empty(make_workbook, tmp_path):
    def clear(wb):
        ws = wb[layout.SHEET_FOLLOW_UP]
        ws.unmerge_cells("A2:D2")
        for row in ws.iter_rows(max_row=4):
            for cell in row:
                cell.value = None

    docx, output = _build(make_workbook(edit=clear), tmp_path)
    assert EMPTY in full_text(docx)
    assert "Peringatan: Lembar 'Tindak Lanjut' kosong" in output


def test_workbook_text_is_escaped_never_evaluated(make_workbook, tmp_path):
    text = "Reviu <b>IKU</b> & {{ tahun }} {% if 1 %}x{% endif %}"
    docx, _ = _build(make_workbook(edit=_filled([(text, "Tindak <i>lanjut</i> & selesai", "Selesai", "a&b")])),
                     tmp_path)
    assert _follow_up_table(docx)[1] == ["1", text, "Tindak <i>lanjut</i> & selesai", "Selesai", "a&b"]


def _set(cells: dict[str, object]):
    def edit(wb):
        ws = wb[layout.SHEET_FOLLOW_UP]
        for coordinate, value in cells.items():
            ws[coordinate] = value
    return edit


@pytest.mark.parametrize(("cells", "fragments"), [
    ({"C4": "Keadaan", "A5": "Reviu IKU", "B5": "Sudah", "C5": "Selesai"},
     ("Tindak Lanjut!C4: judul kolom 'Status' tidak ditemukan di baris 4", "sel ini berisi 'Keadaan'")),
    ({"A4": None, "B4": None, "C4": None, "D4": None, "A5": "Reviu IKU"},
     ("Tindak Lanjut!A4: judul kolom 'Rekomendasi', 'Tindak Lanjut', dan 'Status' tidak ditemukan",)),
    ({"A4": "Saran", "A5": "Reviu IKU", "C5": "Selesai"},
     ("Tindak Lanjut!A4: judul kolom 'Rekomendasi' tidak ditemukan", "sel ini berisi 'Saran'")),
    ({"B6": "Matriks cascading ditetapkan.", "C6": "Selesai"},
     ("Tindak Lanjut!A6: rekomendasi kosong, padahal baris ini berisi tindak lanjut (sel B6) dan status (sel C6)",)),
    ({"A5": "Reviu IKU", "B5": "Sudah", "C5": "Sudah ditindaklanjuti"},
     ("Tindak Lanjut!C5: status 'Sudah ditindaklanjuti' tidak dikenal; pilih 'Selesai', 'Dalam proses', atau "
      "'Belum ditindaklanjuti'",)),
    ({"A5": "Reviu IKU", "B5": "Sudah"}, ("Tindak Lanjut!C5: status kosong",)),
    ({"A5": "Reviu IKU", "C5": "Selesai"},
     ("Tindak Lanjut!B5: tindak lanjut kosong, padahal statusnya 'Selesai'",)),
    ({"A5": "Reviu IKU", "B5": "x" * 5001, "C5": "Dalam proses"},
     ("Tindak Lanjut!B5: teks terlalu panjang (5001 karakter, paling banyak 5000",)),
    ({"A5": "Reviu IKU", "B5": "Sudah", "C5": "Selesai", "D5": True},
     ("Tindak Lanjut!D5: berisi nilai benar/salah (TRUE/FALSE), bukan teks",)),
    ({"A5": "Reviu IKU", "B5": "#N/A", "C5": "Selesai"}, ("Tindak Lanjut!B5: berisi galat Excel #N/A",)),
], ids=["header-renamed", "header-missing", "first-header-renamed", "no-recommendation", "unknown-status",
        "empty-status", "done-without-action", "too-long", "true-false", "excel-error"])
def test_bad_input_names_sheet_and_cell(make_workbook, tmp_path, cells, fragments):
    rejected(make_workbook(edit=_set(cells)), tmp_path, *fragments)


def test_blank_workbook_sheet(tmp_path):
    path = tmp_path / "kosong.xlsx"
    assert run_cli("template", path, "--year", "2025").exit_code == 0
    ws = load_workbook(path)[layout.SHEET_FOLLOW_UP]
    assert [c.value for c in ws[4]] == ["Rekomendasi", "Tindak Lanjut", "Status", "Bukti"]
    assert "LHE" in ws["A2"].value and "tahun 2024" in ws["A2"].value
    status = next(v for v in ws.data_validations.dataValidation if "C5" in str(v.sqref))
    assert status.formula1 == '"Selesai,Dalam proses,Belum ditindaklanjuti"' and status.showErrorMessage
    assert ws.protection.sheet and not ws["A5"].protection.locked and not ws["D34"].protection.locked
    assert ws.page_setup.paperSize == 14 and ws.page_setup.orientation == "landscape"
    assert ws.page_setup.fitToWidth == 1 and ws.sheet_properties.pageSetUpPr.fitToPage


def test_carried_into_next_year_without_the_finished_ones(make_workbook, tmp_path):
    old = make_workbook(edit=_filled(ROWS))
    new = tmp_path / "2026.xlsx"
    result = run_cli("template", new, "--year", "2026", "--from", old)
    assert result.exit_code == 0, result.output
    ws = load_workbook(new)[layout.SHEET_FOLLOW_UP]
    assert [[c.value for c in row] for row in ws.iter_rows(min_row=5, max_row=7)] == [
        [ROWS[1][0], ROWS[1][1], "Dalam proses", None],
        [ROWS[2][0], None, "Belum ditindaklanjuti", None],
        [None, None, None, None],
    ]
    assert "Tindak Lanjut: 2 baris dibawa; yaitu rekomendasi yang belum selesai" in result.output
    assert "1 rekomendasi berstatus Selesai tidak dibawa" in result.output
