"""Text from the workbook comes out literally: never markup, never a template tag, never a formula."""

from __future__ import annotations

from conftest import identity_row, run_cli
from docx_text import full_text
from openpyxl import load_workbook

from iku import layout

NAME = "=HYPERLINK(\"x\") & <b>Budi</b> {{ ttd.nip }}"
PLACE = "{% if true %}Mantup & Sekitarnya"


def test_special_text_survives_in_both_documents(make_workbook, tmp_path):
    def put(wb):
        ws = wb[layout.SHEET_IDENTITY]
        for label, text in ((layout.ID_NAME, NAME), (layout.ID_PLACE, PLACE)):
            cell = ws.cell(row=identity_row(label), column=2)
            cell.value = text
            cell.data_type = "s"  # as Excel stores text typed with a leading apostrophe

    source = make_workbook({10: {2025: 40}}, edit=put)
    out = tmp_path / "hasil"
    result = run_cli("build", source, "--output", out)
    assert result.exit_code == 0, result.output
    folder = out / "mantup-2025"

    text = full_text(folder / "IKU_Kecamatan_Mantup_2021-2026.docx")
    assert NAME in text
    assert PLACE + ", " in text

    wb = load_workbook(folder / "Pengukuran_Kinerja_Kecamatan_Mantup_2025.xlsx")
    cells = [c for row in wb["Pengukuran 2025"].iter_rows() for c in row if c.value in (NAME,)]
    assert cells and all(c.data_type == "s" for c in cells)
    assert any(str(c.value).startswith(PLACE) for row in wb["Pengukuran 2025"].iter_rows() for c in row)


def test_budget_and_analysis_text_survive_in_the_lkjip(make_workbook, tmp_path):
    program = "Program Penyelenggaraan Pemerintahan & <Pelayanan> {{ ttd.nip }}"
    activity = "=1+1 Kegiatan {% raw %}"
    source = make_workbook({10: {2025: 40}}, budget=[(program, activity, 100, 50)],
                           analysis={10: ("Faktor <b>A</b> & B", "", "{{ 7*7 }}")})
    result = run_cli("build", source, "--output", tmp_path / "hasil")
    assert result.exit_code == 0, result.output
    folder = tmp_path / "hasil" / "mantup-2025"
    text = full_text(folder / "LKjIP_Kecamatan_Mantup_2025.docx")
    for literal in (program, "\u2022 " + activity, "Faktor <b>A</b> & B", "{{ 7*7 }}"):
        assert literal in text
    assert program in full_text(folder / "Perjanjian_Kinerja_Kecamatan_Mantup_2025.docx")
