"""End to end: a workbook with only the data sheets filled builds every document with all ten realisations,
each computed figure naming its sheet; a typed figure that contradicts its data stops the build."""

from __future__ import annotations

import datetime as dt

from conftest import rejected, run_cli
from docx_text import full_text, tables
from openpyxl import load_workbook
from source_helpers import workbook_with

from iku import layout as L
from iku.xlsx_style import put_text

D = dt.date
VILLAGES = ["Sukobendu", "Tunggunjagir", "Sumberbendo", "Mantup", "Kedukbembem", "Sumberdadi", "Kedungsoko",
            "Tugu", "Sukosari", "Sumberagung", "Sidomulyo", "Mojosari", "Plabuhanrejo", "Sumberkerep", "Rumpuk"]


def _columns(ws) -> dict[str, int]:
    return {str(c.value).strip(): c.column for c in ws[L.DATA_HEADER_ROW] if c.value is not None}


def _set(ws, row: int, label: str, value) -> None:
    cell = ws.cell(row=row, column=_columns(ws)[label])
    if isinstance(value, str):
        put_text(cell, value)
    else:
        cell.value = value


def _row_named(ws, name: str) -> int:
    return next(r for r in range(L.DATA_HEADER_ROW + 1, ws.max_row + 1) if ws.cell(row=r, column=1).value == name)


def fill_everything(wb) -> None:
    # SKM: two respondents per survey in 2025. Indicator 1: answers all 4 and all 3 -> NRR 3,5 each -> IKM 87,50.
    skm = wb[L.SHEET_SKM]
    rows = [(D(2025, 2, 3), 1, [4] * 9), (D(2025, 5, 6), 1, [3] * 9), (D(2025, 3, 1), 5, [4] * 9),
            (D(2025, 3, 2), 5, [4] * 8 + [2])]
    for r, (day, number, answers) in enumerate(rows, start=L.DATA_HEADER_ROW + 1):
        _set(skm, r, L.SKM_DATE, day)
        _set(skm, r, L.SKM_INDICATOR, number)
        for i, answer in enumerate(answers):
            _set(skm, r, L.SKM_UNSUR[i], answer)
    # Status Desa: 2020 all Berkembang; 2025: 2 Mandiri, 4 Maju, 9 Berkembang -> naik kelas 6 of 15 = 40,00%.
    ws = wb[L.SHEET_VILLAGES]
    for i, name in enumerate(VILLAGES):
        row = _row_named(ws, name)
        _set(ws, row, "Status 2020", "Berkembang")
        _set(ws, row, "Status 2025", "Mandiri" if i < 2 else "Maju" if i < 6 else "Berkembang")
    # Pelayanan: standard 1 working day; three requests: on time, on time, late -> 66,67%.
    _set(wb[L.SHEET_STANDARDS], 5, L.SERVICE_KIND, "Legalisasi")
    _set(wb[L.SHEET_STANDARDS], 5, L.STANDARD_DAYS, 1)
    ws = wb[L.SHEET_SERVICES]
    for r, (number, received, done) in enumerate([("1", D(2025, 6, 2), D(2025, 6, 2)),
                                                  ("2", D(2025, 6, 2), D(2025, 6, 3)),
                                                  ("3", D(2025, 6, 2), D(2025, 6, 5))], start=5):
        for label, value in ((L.SERVICE_NUMBER, number), (L.SERVICE_KIND, "Legalisasi"),
                             (L.SERVICE_RECEIVED, received), (L.SERVICE_DONE, done)):
            _set(ws, r, label, value)
    # Konflik: one conflict, handled -> 100,00%.
    ws = wb[L.SHEET_CONFLICTS]
    for label, value in ((L.CONFLICT_DATE, D(2025, 4, 1)), (L.CONFLICT_VILLAGE, "Tugu"),
                         (L.CONFLICT_TEXT, "Sengketa batas & saluran <irigasi>"), (L.CONFLICT_HANDLED, "Ya"),
                         (L.CONFLICT_HANDLED_DATE, D(2025, 4, 9))):
        _set(ws, 5, label, value)
    # Pemberdayaan: 12 of 15 desa -> 80,00%.
    ws = wb[L.SHEET_EMPOWERMENT]
    for i, name in enumerate(VILLAGES):
        row = _row_named(ws, name)
        _set(ws, row, "Pemberdayaan 2025", "Ya" if i < 12 else "Tidak")
        if i < 12:
            _set(ws, row, "Kegiatan 2025", "Pelatihan UMKM")
    # Urusan: every listed urusan run -> 100,00%.
    ws = wb[L.SHEET_AFFAIRS]
    for row in range(L.DATA_HEADER_ROW + 1, ws.max_row + 1):
        if ws.cell(row=row, column=1).value:
            _set(ws, row, "Diselenggarakan 2025", "Ya")
    # SAKIP: the Inspektorat's total 70,10.
    ws = wb[L.SHEET_SAKIP]
    _set(ws, _row_named(ws, L.SAKIP_TOTAL), "Nilai 2025", 70.10)


def test_data_sheets_alone_give_all_ten_realisations(tmp_path):
    source = workbook_with(tmp_path, {}, edit=fill_everything)
    before = source.read_bytes()
    result = run_cli("build", source, "--output", tmp_path / "hasil")
    assert result.exit_code == 0, result.output
    assert source.read_bytes() == before
    folder = tmp_path / "hasil" / "mantup-2025"
    lkjip = folder / "LKjIP_Kecamatan_Mantup_2025.docx"
    summary = next(t for t in tables(lkjip) if t[0][:2] == ["No", "Indikator Kinerja"] and "Predikat" in t[0])
    realisations = {row[0]: row[3] for row in summary[1:]}
    assert realisations == {"1": "87,50", "2": "2 desa", "3": "70,10", "4": "4 desa", "5": "97,22",
                            "6": "66,67%", "7": "80,00%", "8": "100,00%", "9": "100,00%", "10": "40,00%"}
    text = full_text(lkjip)
    assert "Hasil Survei Kepuasan Masyarakat 2025 (2 responden) memberikan IKM 87,50, mutu B (Baik)" in text
    assert "Sumber data: Hasil Survei Kepuasan Masyarakat 2025." in text
    assert ("Register Penanganan Konflik Sosial Kecamatan Mantup 2025 mencatat 1 konflik sosial; 1 tertangani "
            "sampai akhir tahun (100,00%).") in text
    assert "Sengketa batas & saluran <irigasi>" in text  # workbook text shown as written, escaped
    assert "nilai 70,10 berpredikat BB (Sangat Baik)" in text
    assert "IKM 87,50 termasuk mutu B (Baik)" in text
    years = next(t for t in tables(lkjip) if t[0][0] == "Tahun" and t[-1][0] == "2025" and t[-1][2] == "40,00%")
    assert years[-1][-1] == "Status Indeks Desa"

    measurement = load_workbook(folder / "Pengukuran_Kinerja_Kecamatan_Mantup_2025.xlsx")
    assert {"Data SKM", "Data Status Desa", "Data Pelayanan", "Data Konflik", "Data Pemberdayaan", "Data Urusan",
            "Data SAKIP"} <= set(measurement.sheetnames)
    late = [[c.value for c in row] for row in measurement["Data Pelayanan"].iter_rows()]
    assert ["3", "Legalisasi", "02/06/2025", "05/06/2025", 3, 1, "Pelayanan!A7"] in late
    first = measurement.worksheets[0]
    sources = [row[7].value for row in first.iter_rows(min_row=5) if row[0].value in range(1, 11)]
    assert sources == ["Dihitung (SKM)", "Dihitung (Status Desa)", "Dihitung (SAKIP)", "Dihitung (Status Desa)",
                       "Dihitung (SKM)", "Dihitung (Pelayanan)", "Dihitung (Pemberdayaan)", "Dihitung (Konflik)",
                       "Dihitung (Urusan)", "Dihitung (Status Desa)"]


def test_typed_figure_contradicting_its_data_stops_the_build(tmp_path, mantup):
    from iku.workbook.template import fill, realisation_cell

    def edit(wb):
        fill_everything(wb)
        fill(wb, mantup, {10: {2025: 46.67}, 6: {2025: 66.67}})  # 6 agrees at two decimals, 10 does not

    source = workbook_with(tmp_path, {}, edit=edit)
    output = rejected(source, tmp_path, f"Realisasi!{realisation_cell(mantup, 10, 2025)}",
                      "diketik 46,67%, sedangkan lembar Status Desa menghasilkan 40,00%")
    assert f"Realisasi!{realisation_cell(mantup, 6, 2025)}" not in output


def test_typed_figure_where_the_register_shows_no_conflict(tmp_path, mantup):
    from iku.workbook.template import fill

    def edit(wb):
        ws = wb[L.SHEET_CONFLICTS]
        for label, value in ((L.CONFLICT_DATE, D(2024, 4, 1)), (L.CONFLICT_VILLAGE, "Tugu"),
                             (L.CONFLICT_TEXT, "Sengketa"), (L.CONFLICT_HANDLED, "Ya")):
            _set(ws, 5, label, value)
        fill(wb, mantup, {8: {2025: 100}})

    rejected(workbook_with(tmp_path, {}, edit=edit), tmp_path, "lembar Konflik menghasilkan tidak ada konflik")


def test_merged_cells_in_a_register_name_the_range(tmp_path):
    def edit(wb):
        fill_everything(wb)
        wb[L.SHEET_SERVICES].merge_cells("B5:B6")  # one "Legalisasi" over two requests: row 6 loses its kind

    rejected(workbook_with(tmp_path, {}, edit=edit), tmp_path, "Pelayanan!B6", "sel gabungan B5:B6")


def test_every_problem_of_every_data_sheet_at_once(tmp_path):
    def edit(wb):
        fill_everything(wb)
        _set(wb[L.SHEET_SKM], 5, L.SKM_UNSUR[0], 5)  # answer outside 1-4
        _set(wb[L.SHEET_SERVICES], 6, L.SERVICE_DONE, "kemarin")  # no date
        _set(wb[L.SHEET_CONFLICTS], 5, L.CONFLICT_HANDLED, "Mungkin")  # neither Ya nor Tidak

    rejected(workbook_with(tmp_path, {}, edit=edit), tmp_path, "SKM!C5", "Pelayanan!D6", "Konflik!D5")
