"""Sheet SAKIP: Nilai SAKIP Kecamatan from the Inspektorat's evaluation, and its predicate (PermenPANRB 88/2021)."""

from __future__ import annotations

from decimal import Decimal

import pytest
from openpyxl import load_workbook
from source_helpers import raw_with, report_for, workbook_with

from iku import layout as L
from iku.errors import Problem
from iku.sources import sakip
from iku.xlsx_style import INPUT_FILL, put_text

# The template: components in rows 5-9 (Perencanaan 30, Pengukuran 25, Pelaporan 15, Evaluasi Internal 10,
# Pencapaian 20), an empty row 10, the total in row 11; Nilai 2021 .. Nilai 2026 in columns C .. H.
COMPONENTS = ("Perencanaan Kinerja", "Pengukuran Kinerja", "Pelaporan Kinerja", "Evaluasi Internal",
              "Pencapaian Kinerja")
COLUMN = {year: "CDEFGH"[year - 2021] for year in range(2021, 2027)}
TOTAL_ROW = 11


def sheet_values(per_year: dict[int, tuple[list, object]]):
    """{year: ([5 component values or None], total or None)} -> an `edit` for workbook_with."""

    def edit(wb):
        ws = wb[L.SHEET_SAKIP]
        for year, (parts, total) in per_year.items():
            for row, value in zip(range(5, 10), parts, strict=True):
                put(ws[f"{COLUMN[year]}{row}"], value)
            put(ws[f"{COLUMN[year]}{TOTAL_ROW}"], total)

    return edit


def put(cell, value):
    if isinstance(value, str):
        put_text(cell, value)
    else:
        cell.value = value


def read(tmp_path, mantup, edit, name="data.xlsx"):
    raw = raw_with(tmp_path, {}, year=2026, edit=edit, name=name)
    problems: list[Problem] = []
    warnings: list[str] = []
    years = sakip.read(raw, mantup, problems, warnings)
    return years, problems, warnings


NONE5 = [None] * 5


def test_components_adding_up_total_only_and_components_only(tmp_path, mantup):
    edit = sheet_values({
        2025: ([20, 18, "10,5", 7, 14.6], "70,10"),  # 20 + 18 + 10,5 + 7 + 14,6 = 70,1: as the Inspektorat says
        2024: (NONE5, 65.5),  # total only
        2023: ([25, "20,25", 12, 8, "15,5"], None),  # components only: 80,75, summed
    })
    years, problems, warnings = read(tmp_path, mantup, edit)
    assert problems == [] and warnings == []
    result = sakip.evaluate(years, mantup, report_for(2025))
    figures = {f.year: f for f in result.figures}
    assert {(f.indicator, f.year) for f in result.figures} == {(3, 2023), (3, 2024), (3, 2025)}
    assert figures[2025].value == Decimal("70.10")
    assert figures[2025].working == ("Nilai SAKIP 2025 dari Inspektorat sebesar 70,10 (predikat BB, Sangat Baik "
                                     "menurut PermenPANRB 88/2021), sama dengan jumlah nilai 5 komponennya.")
    assert figures[2024].value == Decimal("65.5")
    assert figures[2024].working == ("Nilai SAKIP 2024 dari Inspektorat sebesar 65,50 (predikat B, Baik menurut "
                                     "PermenPANRB 88/2021).")
    assert figures[2023].value == Decimal("80.75")
    assert figures[2023].working == ("Nilai SAKIP 2023 sebesar 80,75, dijumlahkan dari nilai 5 komponen di lembar "
                                     "SAKIP karena baris Nilai SAKIP tahun itu kosong (predikat A, Memuaskan menurut "
                                     "PermenPANRB 88/2021).")
    ev = result.detail
    assert isinstance(ev, sakip.SakipEvidence)
    y = ev.year(2025)
    assert (y.grade, y.grade_words, y.total_given) == ("BB", "Sangat Baik", True)
    assert y.components[2] == ("Pelaporan Kinerja", Decimal(15), Decimal("10.5"))
    assert [c[0] for c in y.components] == list(COMPONENTS)
    assert ev.year(2024).components[0] == ("Perencanaan Kinerja", Decimal(30), None)
    assert ev.year(2023).total_given is False
    assert ev.year(2026) is None


def test_years_after_the_report_year_are_left_out(tmp_path, mantup):
    years, problems, _ = read(tmp_path, mantup, sheet_values({2025: (NONE5, 70), 2026: (NONE5, 75)}))
    assert problems == []
    result = sakip.evaluate(years, mantup, report_for(2025))
    assert [f.year for f in result.figures] == [2025] and [y.year for y in result.detail.years] == [2025]


def test_components_not_adding_up_name_the_total_cell(tmp_path, mantup):
    years, problems, _ = read(tmp_path, mantup, sheet_values({2025: ([20, 18, "10,5", 7, 14.6], 71)}))
    assert [(p.sheet, p.cell) for p in problems] == [(L.SHEET_SAKIP, "G11")]
    assert problems[0].message.startswith("Nilai SAKIP 2025 71,00 tidak sama dengan jumlah nilai komponennya 70,10 "
                                          "(dibandingkan pada dua desimal)")


@pytest.mark.parametrize("last, ok", [("14,604", True), ("14,605", False)])
def test_components_compared_at_two_decimals(tmp_path, mantup, last, ok):
    # 20 + 18 + 10,5 + 7 + 14,604 = 70,104 -> 70,10; with 14,605: 70,105 -> 70,11, not 70,10
    _, problems, _ = read(tmp_path, mantup, sheet_values({2025: ([20, 18, "10,5", 7, last], "70,10")}))
    assert (problems == []) is ok


def test_component_above_its_weight(tmp_path, mantup):
    _, problems, _ = read(tmp_path, mantup, sheet_values({2025: ([20, 18, "15,5", 7, 14.6], "75,10")}))
    assert [(p.cell, p.message) for p in problems] == [
        ("G7", "Nilai 2025 Pelaporan Kinerja 15,5 melebihi bobotnya 15")]


def test_total_outside_0_100(tmp_path, mantup):
    _, problems, _ = read(tmp_path, mantup, sheet_values({2025: (NONE5, "100,5")}))
    assert [(p.cell, p.message) for p in problems] == [("G11", "Nilai SAKIP 2025 '100,5' di luar rentang 0-100")]


def test_components_partly_filled(tmp_path, mantup):
    _, problems, _ = read(tmp_path, mantup, sheet_values({2025: ([20, 18, None, 7, None], 70)}))
    assert [p.cell for p in problems] == [None, "G7", "G9"]
    assert problems[1].message == "Nilai 2025 untuk Pelaporan Kinerja kosong"


def test_missing_total_row(tmp_path, mantup):
    def edit(wb):
        sheet_values({2025: ([20, 18, "10,5", 7, 14.6], None)})(wb)
        wb[L.SHEET_SAKIP]["A11"].value = None

    _, problems, _ = read(tmp_path, mantup, edit)
    assert [str(p) for p in problems] == [
        "Lembar 'SAKIP': baris 'Nilai SAKIP' tidak ditemukan di kolom Komponen; nilai SAKIP dari Inspektorat ditulis "
        "di baris itu (kolom Komponen berisi persis 'Nilai SAKIP')"]


def test_components_of_permenpanrb_88_2021(tmp_path, mantup):
    """Staff replace the five components with the four of PermenPANRB 88/2021 (30, 30, 15, 25)."""

    def edit(wb):
        ws = wb[L.SHEET_SAKIP]
        for row, (name, weight, value) in enumerate((("Perencanaan Kinerja", 30, 24), ("Pengukuran Kinerja", 30, 21),
                                                     ("Pelaporan Kinerja", 15, "10,25"),
                                                     ("Evaluasi Akuntabilitas Kinerja Internal", 25, 17)), start=5):
            put_text(ws[f"A{row}"], name)
            ws[f"B{row}"] = weight
            put(ws[f"G{row}"], value)
        ws["A9"].value = ws["B9"].value = None  # the fifth row cleared
        put(ws["G11"], "72,25")

    years, problems, warnings = read(tmp_path, mantup, edit)
    assert problems == [] and warnings == []
    y = years[0]
    assert (y.year, y.total, y.grade) == (2025, Decimal("72.25"), "BB")
    assert y.components[3] == ("Evaluasi Akuntabilitas Kinerja Internal", Decimal(25), Decimal(17))
    assert len(y.components) == 4


def test_weights_not_adding_to_100_are_a_warning(tmp_path, mantup):
    def edit(wb):
        sheet_values({2025: ([20, 18, "10,5", 7, 14.6], None)})(wb)
        wb[L.SHEET_SAKIP]["B9"] = 15

    _, problems, warnings = read(tmp_path, mantup, edit)
    assert problems == []
    assert warnings == ["Lembar 'SAKIP': jumlah Bobot komponen 95, bukan 100; periksa kolom Bobot."]


# PermenPANRB 88/2021: AA > 90, A > 80, BB > 70, B > 60, CC > 50, C > 30, D; each bound belongs to the lower grade.
@pytest.mark.parametrize("totals, grades", [
    (("90", "90,01", "80", "80,01", "70", "70,01"),
     (("A", "Memuaskan"), ("AA", "Sangat Memuaskan"), ("BB", "Sangat Baik"), ("A", "Memuaskan"), ("B", "Baik"),
      ("BB", "Sangat Baik"))),
    (("60", "60,01", "50", "50,01", "30", "30,01"),
     (("CC", "Cukup"), ("B", "Baik"), ("C", "Kurang"), ("CC", "Cukup"), ("D", "Sangat Kurang"), ("C", "Kurang"))),
])
def test_predicate_at_each_bound(tmp_path, mantup, totals, grades):
    edit = sheet_values({year: (NONE5, total) for year, total in zip(range(2021, 2027), totals, strict=True)})
    years, problems, _ = read(tmp_path, mantup, edit)
    assert problems == []
    result = sakip.evaluate(years, mantup, report_for(2026))
    assert [(y.grade, y.grade_words) for y in result.detail.years] == list(grades)
    assert f"(predikat {grades[1][0]}, {grades[1][1]} menurut PermenPANRB 88/2021)" in result.figures[1].working


def test_empty_sheet_and_template(tmp_path, mantup):
    years, problems, _ = read(tmp_path, mantup, None)
    assert years is None and problems == []
    ws = load_workbook(workbook_with(tmp_path, {}, name="t.xlsx"))[L.SHEET_SAKIP]
    assert [ws.cell(row=4, column=c).value for c in range(1, 9)] == ["Komponen", "Bobot"] + [
        f"Nilai {y}" for y in range(2021, 2027)]
    assert [(ws.cell(row=r, column=1).value, ws.cell(row=r, column=2).value) for r in range(5, 10)] == list(
        zip(COMPONENTS, (30, 25, 15, 10, 20), strict=True))
    assert ws["A11"].value == "Nilai SAKIP"
    assert ws["A5"].fill == INPUT_FILL and ws["B5"].fill == INPUT_FILL and ws["G11"].fill == INPUT_FILL
    assert all(ws.cell(row=r, column=c).value is None for r in range(5, 12) for c in range(3, 9))
