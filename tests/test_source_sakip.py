"""Sheet SAKIP: Nilai SAKIP Kecamatan from the Inspektorat's evaluation, each year by the scheme in force that year
(PermenPANRB 12/2015's five components up to the 2021 evaluation, PermenPANRB 88/2021's four from 2022), and its
predicate (PermenPANRB 88/2021)."""

from __future__ import annotations

import shutil
from decimal import Decimal
from pathlib import Path
from types import SimpleNamespace

import pytest
from conftest import rejected, run_cli
from docx_text import full_text, tables
from openpyxl import Workbook, load_workbook
from source_helpers import raw_with, report_for, workbook_with
from test_carry import MANTUP, next_period

from iku import catalogue, rules
from iku import layout as L
from iku.errors import Problem
from iku.read import reader
from iku.sources import sakip
from iku.xlsx_style import INPUT_FILL, LOCKED_FILL, put_text

SAMPLE = Path(__file__).resolve().parent.parent / "input" / "CONTOH_Realisasi_Kecamatan_Mantup_2025.xlsx"
# The template of the 2021-2026 period: PermenPANRB 12/2015's five components in rows 5-9 (for 2021), 88/2021's
# four in rows 10-13 (for 2022-2026), the total in row 14; Komponen, Bobot, Peraturan in A-C, Nilai 2021 .. Nilai
# 2026 in columns D .. I.
OLD = (("Perencanaan Kinerja", 30), ("Pengukuran Kinerja", 25), ("Pelaporan Kinerja", 15), ("Evaluasi Internal", 10),
       ("Capaian Kinerja", 20))
NEW = (("Perencanaan Kinerja", 30), ("Pengukuran Kinerja", 30), ("Pelaporan Kinerja", 15),
       ("Evaluasi Akuntabilitas Kinerja Internal", 25))
OLD_ROWS, NEW_ROWS, TOTAL_ROW = range(5, 10), range(10, 14), 14
COLUMN = {year: "DEFGHI"[year - 2021] for year in range(2021, 2027)}
NEW_LIST = ("Perencanaan Kinerja 30, Pengukuran Kinerja 30, Pelaporan Kinerja 15, Evaluasi Akuntabilitas Kinerja "
            "Internal 25")
OLD_LIST = ("Perencanaan Kinerja 30, Pengukuran Kinerja 25, Pelaporan Kinerja 15, Evaluasi Internal 10, Capaian "
            "Kinerja 20")


def sheet_values(per_year: dict[int, tuple[list | None, object]], rows: dict[int, range] | None = None):
    """{year: ([component values] or None, total or None)} -> an `edit` for workbook_with. The values go in the
    rows of the year's own scheme unless `rows` names others."""

    def edit(wb):
        ws = wb[L.SHEET_SAKIP]
        for year, (parts, total) in per_year.items():
            own = (rows or {}).get(year, OLD_ROWS if year < 2022 else NEW_ROWS)
            for row, value in zip(own, parts or [], strict=False):
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


def previous_template(wb) -> None:
    """The SAKIP sheet as the previous template wrote it: no Peraturan column, the catalogue's five components
    (the seed's 'Pencapaian Kinerja'), the total in row 10, Nilai 2021 .. Nilai 2026 in columns C .. H."""
    ws = wb[L.SHEET_SAKIP]
    ws.protection.sheet = False
    ws.delete_rows(NEW_ROWS.start, len(NEW_ROWS))
    ws.delete_cols(3)
    put_text(ws["A9"], "Pencapaian Kinerja")


def legacy_values(per_year: dict[int, tuple[list | None, object]], components=None):
    """An `edit`: the previous template's sheet, with `components` [(name, weight)] in rows 5.. if given."""

    def edit(wb):
        previous_template(wb)
        ws = wb[L.SHEET_SAKIP]
        if components is not None:
            for row in range(5, 10):
                ws[f"A{row}"].value = ws[f"B{row}"].value = None
            for row, (name, weight) in enumerate(components, start=5):
                put_text(ws[f"A{row}"], name)
                ws[f"B{row}"] = weight
        for year, (parts, total) in per_year.items():
            column = "CDEFGH"[year - 2021]
            for row, value in enumerate(parts or [], start=5):
                put(ws[f"{column}{row}"], value)
            put(ws[f"{column}10"], total)

    return edit


# --- The schemes (rules.py) ---

def test_scheme_of_each_evaluation_year():
    assert [rules.sakip_scheme(y).regulation for y in (2019, 2020, 2021, 2022, 2025, 2030)] == [
        "PermenPANRB 12/2015", "PermenPANRB 12/2015", "PermenPANRB 12/2015", "PermenPANRB 88/2021",
        "PermenPANRB 88/2021", "PermenPANRB 88/2021"]
    old, new = rules.SAKIP_SCHEMES
    assert [(n, int(w)) for n, w in old.components] == list(OLD)
    assert [(n, int(w)) for n, w in new.components] == list(NEW)
    assert sum(w for _, w in old.components) == sum(w for _, w in new.components) == 100
    assert rules.sakip_scheme_named("  permenpanrb  88/2021 ") is new and rules.sakip_scheme_named("88/2021") is None


def test_scheme_recognised_from_a_list_of_components():
    seed = [("Perencanaan Kinerja", Decimal(30)), ("Pengukuran Kinerja", Decimal(25)), ("Pelaporan Kinerja", 15),
            ("Evaluasi Internal", 10), ("Pencapaian Kinerja", 20)]  # the seed's wording of Capaian Kinerja
    assert rules.sakip_scheme_of(seed).regulation == "PermenPANRB 12/2015"
    assert rules.sakip_scheme_of(list(reversed(NEW))).regulation == "PermenPANRB 88/2021"
    assert rules.sakip_scheme_of([("Perencanaan Kinerja", 30), ("Pengukuran Kinerja", 25), ("Pelaporan Kinerja", 15),
                                  ("Evaluasi Akuntabilitas Kinerja Internal", 30)]) is None  # weights of neither


# --- The template ---

def test_template_writes_the_scheme_of_each_year(tmp_path):
    ws = load_workbook(workbook_with(tmp_path, {}, name="t.xlsx"))[L.SHEET_SAKIP]
    assert [ws.cell(row=4, column=c).value for c in range(1, 10)] == ["Komponen", "Bobot", "Peraturan"] + [
        f"Nilai {y}" for y in range(2021, 2027)]
    assert [(ws[f"A{r}"].value, ws[f"B{r}"].value, ws[f"C{r}"].value) for r in range(5, 14)] == [
        (n, w, "PermenPANRB 12/2015") for n, w in OLD] + [(n, w, "PermenPANRB 88/2021") for n, w in NEW]
    assert ws["A14"].value == "Nilai SAKIP" and ws.protection.sheet
    for row in range(5, 14):
        for year, column in COLUMN.items():
            own = (row < 10) == (year < 2022)
            cell = ws[f"{column}{row}"]
            assert (cell.fill == INPUT_FILL, cell.protection.locked) == (own, not own), cell.coordinate
            assert (cell.fill == LOCKED_FILL) == (not own)
        assert ws[f"A{row}"].protection.locked and ws[f"B{row}"].protection.locked
    assert all(not ws[f"{c}14"].protection.locked and ws[f"{c}14"].fill == INPUT_FILL for c in COLUMN.values())
    assert all(ws.cell(row=r, column=c).value is None for r in range(5, 15) for c in range(4, 10))
    note = ws["A2"].value
    assert ("Kolom 'Nilai <tahun>' berisi hasil evaluasi yang dilaksanakan pada tahun itu (tahun LHE), bukan tahun "
            "yang dievaluasi.") in note
    assert ("evaluasi tahun 2021 memakai lima komponen PermenPANRB 12/2015; evaluasi tahun 2022-2026 memakai empat "
            "komponen PermenPANRB 88/2021.") in note


def test_template_of_a_period_evaluated_under_88_2021_only():
    wb = Workbook()
    sakip.add_sheets(wb, SimpleNamespace(years=range(2025, 2030)), 2025)
    ws = wb[L.SHEET_SAKIP]
    assert [ws[f"A{r}"].value for r in range(5, 10)] == [n for n, _ in NEW] + ["Nilai SAKIP"]
    assert {ws[f"C{r}"].value for r in range(5, 9)} == {"PermenPANRB 88/2021"}
    assert "evaluasi tahun 2025-2029 memakai empat komponen PermenPANRB 88/2021." in ws["A2"].value
    assert "12/2015" not in ws["A2"].value


# --- Reading and the formula ---

def test_each_year_by_its_own_scheme(tmp_path, mantup):
    edit = sheet_values({
        2021: (["18,5", "15,2", 9, 6, "12,5"], "61,20"),  # 18,5 + 15,2 + 9 + 6 + 12,5 = 61,2 (12/2015)
        2023: ([25, "20,25", 12, "23,5"], None),  # components only: 80,75, summed (88/2021)
        2024: (None, 65.5),  # total only
        2025: ([22, "20,5", "10,5", 17.1], "70,10"),  # 22 + 20,5 + 10,5 + 17,1 = 70,1: as the Inspektorat says
    })
    years, problems, warnings = read(tmp_path, mantup, edit)
    assert problems == [] and warnings == []
    result = sakip.evaluate(years, mantup, report_for(2025))
    figures = {f.year: f for f in result.figures}
    assert {(f.indicator, f.year) for f in result.figures} == {(3, 2021), (3, 2023), (3, 2024), (3, 2025)}
    assert [figures[y].value for y in (2021, 2023, 2024, 2025)] == [Decimal("61.20"), Decimal("80.75"),
                                                                   Decimal("65.5"), Decimal("70.10")]
    assert figures[2025].working == ("Nilai SAKIP 2025 dari Inspektorat sebesar 70,10 (predikat BB, Sangat Baik "
                                     "menurut PermenPANRB 88/2021), sama dengan jumlah nilai empat komponennya "
                                     "menurut PermenPANRB 88/2021.")
    assert figures[2024].working == ("Nilai SAKIP 2024 dari Inspektorat sebesar 65,50 (predikat B, Baik menurut "
                                     "PermenPANRB 88/2021); evaluasi tahun itu dilaksanakan menurut PermenPANRB "
                                     "88/2021.")
    assert "dijumlahkan dari nilai empat komponen menurut PermenPANRB 88/2021" in figures[2023].working
    assert "(predikat A, Memuaskan menurut PermenPANRB 88/2021)" in figures[2023].working
    # 2021 was evaluated under 12/2015: never called 88/2021's; its predicate is read on 88/2021's scale
    assert figures[2021].working == ("Nilai SAKIP 2021 dari Inspektorat sebesar 61,20 (predikat B, Baik menurut "
                                     "skala PermenPANRB 88/2021), sama dengan jumlah nilai lima komponennya menurut "
                                     "PermenPANRB 12/2015.")
    ev = result.detail
    y = ev.year(2025)
    assert (y.scheme.regulation, y.grade, y.grade_words, y.total_given) == ("PermenPANRB 88/2021", "BB",
                                                                            "Sangat Baik", True)
    assert y.components == tuple((n, Decimal(w), v) for (n, w), v in zip(
        NEW, (Decimal(22), Decimal("20.5"), Decimal("10.5"), Decimal("17.1")), strict=True))
    old = ev.year(2021)
    assert old.scheme.regulation == "PermenPANRB 12/2015" and [c[0] for c in old.components] == [n for n, _ in OLD]
    assert old.components[4] == ("Capaian Kinerja", Decimal(20), Decimal("12.5"))
    assert ev.year(2024).components == tuple((n, Decimal(w), None) for n, w in NEW)  # its scheme, no values
    assert ev.year(2023).total_given is False and ev.year(2026) is None


def test_years_after_the_report_year_are_left_out(tmp_path, mantup):
    years, problems, _ = read(tmp_path, mantup, sheet_values({2025: (None, 70), 2026: (None, 75)}))
    assert problems == []
    result = sakip.evaluate(years, mantup, report_for(2025))
    assert [f.year for f in result.figures] == [2025] and [y.year for y in result.detail.years] == [2025]


@pytest.mark.parametrize("last, ok", [("17,104", True), ("17,105", False)])
def test_components_compared_at_two_decimals(tmp_path, mantup, last, ok):
    # 22 + 20,5 + 10,5 + 17,104 = 70,104 -> 70,10; with 17,105: 70,105 -> 70,11, not 70,10
    _, problems, _ = read(tmp_path, mantup, sheet_values({2025: ([22, "20,5", "10,5", last], "70,10")}))
    assert (problems == []) is ok


# PermenPANRB 88/2021: AA > 90, A > 80, BB > 70, B > 60, CC > 50, C > 30, D; each bound belongs to the lower grade.
@pytest.mark.parametrize("totals, grades", [
    (("90", "90,01", "80", "80,01", "70", "70,01"),
     (("A", "Memuaskan"), ("AA", "Sangat Memuaskan"), ("BB", "Sangat Baik"), ("A", "Memuaskan"), ("B", "Baik"),
      ("BB", "Sangat Baik"))),
    (("60", "60,01", "50", "50,01", "30", "30,01"),
     (("CC", "Cukup"), ("B", "Baik"), ("C", "Kurang"), ("CC", "Cukup"), ("D", "Sangat Kurang"), ("C", "Kurang"))),
])
def test_predicate_at_each_bound(tmp_path, mantup, totals, grades):
    edit = sheet_values({year: (None, total) for year, total in zip(range(2021, 2027), totals, strict=True)})
    years, problems, _ = read(tmp_path, mantup, edit)
    assert problems == []
    result = sakip.evaluate(years, mantup, report_for(2026))
    assert [(y.grade, y.grade_words) for y in result.detail.years] == list(grades)
    assert f"(predikat {grades[1][0]}, {grades[1][1]} menurut PermenPANRB 88/2021)" in result.figures[1].working
    assert f"(predikat {grades[0][0]}, {grades[0][1]} menurut skala PermenPANRB 88/2021)" in result.figures[0].working


def test_empty_sheet(tmp_path, mantup):
    years, problems, _ = read(tmp_path, mantup, None)
    assert years is None and problems == []


def test_sample_uses_the_scheme_of_each_year(mantup):
    """The sample's 2025 evaluation has 88/2021's four components (70,10 in all); 2021 was evaluated under 12/2015."""
    problems: list[Problem] = []
    warnings: list[str] = []
    years = {y.year: y for y in sakip.read(reader.read(SAMPLE), mantup, problems, warnings)}
    assert problems == [] and warnings == []
    y = years[2025]
    assert y.scheme.regulation == "PermenPANRB 88/2021" and [c[0] for c in y.components] == [n for n, _ in NEW]
    assert all(v is not None for _, _, v in y.components)
    assert sum(v for _, _, v in y.components) == y.total == Decimal("70.10")
    assert years[2021].scheme.regulation == "PermenPANRB 12/2015"
    ws = load_workbook(SAMPLE)[L.SHEET_SAKIP]
    for row in range(5, ws.max_row + 1):
        regulation = ws.cell(row=row, column=3).value
        for col in range(4, ws.max_column + 1):
            year = int(str(ws.cell(row=4, column=col).value).split()[-1])
            if regulation and ws.cell(row=row, column=col).value is not None:
                assert rules.sakip_scheme(year).regulation == regulation, ws.cell(row=row, column=col).coordinate


# --- Bad input ---

def test_components_of_12_2015_filled_for_a_year_under_88_2021(tmp_path, mantup):
    edit = sheet_values({2025: (["21,4", "17,3", "10,2", "6,2", 15], "70,10")}, rows={2025: OLD_ROWS})
    _, problems, _ = read(tmp_path, mantup, edit)
    assert [(p.sheet, p.cell, p.message) for p in problems] == [(L.SHEET_SAKIP, "H5", (
        "Nilai 2025 diisi pada komponen PermenPANRB 12/2015 (Perencanaan Kinerja, Pengukuran Kinerja, Pelaporan "
        "Kinerja, Evaluasi Internal, Capaian Kinerja), padahal evaluasi 2025 memakai empat komponen PermenPANRB "
        f"88/2021 ({NEW_LIST}); isi nilainya di baris komponen PermenPANRB 88/2021 dan kosongkan sel abu-abu"))]


def test_components_of_88_2021_filled_for_a_year_under_12_2015(tmp_path, mantup):
    edit = sheet_values({2021: ([20, 18, 10, "13,2"], "61,20")}, rows={2021: NEW_ROWS})
    _, problems, _ = read(tmp_path, mantup, edit)
    assert [(p.cell, p.message) for p in problems] == [("D10", (
        "Nilai 2021 diisi pada komponen PermenPANRB 88/2021 (Perencanaan Kinerja, Pengukuran Kinerja, Pelaporan "
        "Kinerja, Evaluasi Akuntabilitas Kinerja Internal), padahal evaluasi 2021 memakai lima komponen PermenPANRB "
        f"12/2015 ({OLD_LIST}); isi nilainya di baris komponen PermenPANRB 12/2015 dan kosongkan sel abu-abu"))]


def test_one_value_in_the_other_schemes_row(tmp_path, mantup):
    def edit(wb):
        sheet_values({2025: ([22, "20,5", "10,5", 17.1], "70,10")})(wb)
        wb[L.SHEET_SAKIP]["H8"] = 5  # Evaluasi Internal (12/2015) in 2025

    _, problems, _ = read(tmp_path, mantup, edit)
    assert [p.cell for p in problems] == ["H8"]
    assert problems[0].message.startswith("Nilai 2025 diisi pada komponen PermenPANRB 12/2015 (Evaluasi Internal)")


def test_components_not_adding_up_name_the_total_cell(tmp_path, mantup):
    years, problems, _ = read(tmp_path, mantup, sheet_values({2025: ([22, "20,5", "10,5", 17.1], 71)}))
    assert [(p.sheet, p.cell) for p in problems] == [(L.SHEET_SAKIP, "H14")]
    assert problems[0].message.startswith("Nilai SAKIP 2025 71,00 tidak sama dengan jumlah nilai komponennya 70,10 "
                                          "(dibandingkan pada dua desimal)")


def test_component_above_its_weight(tmp_path, mantup):
    _, problems, _ = read(tmp_path, mantup, sheet_values({2025: ([22, "20,5", "15,5", 17.1], "75,10")}))
    assert [(p.cell, p.message) for p in problems] == [
        ("H12", "Nilai 2025 Pelaporan Kinerja 15,5 melebihi bobotnya 15")]


def test_total_outside_0_100(tmp_path, mantup):
    _, problems, _ = read(tmp_path, mantup, sheet_values({2025: (None, "100,5")}))
    assert [(p.cell, p.message) for p in problems] == [("H14", "Nilai SAKIP 2025 '100,5' di luar rentang 0-100")]


def test_components_partly_filled(tmp_path, mantup):
    _, problems, _ = read(tmp_path, mantup, sheet_values({2025: ([22, 20, None, 17], 70)}))
    assert [p.cell for p in problems] == [None, "H12"]
    assert problems[0].message.startswith("kolom Nilai 2025 (kolom H) terisi sebagian: 1 dari 4 baris kosong")
    assert problems[1].message == "Nilai 2025 untuk Pelaporan Kinerja kosong"


def test_missing_total_row(tmp_path, mantup):
    def edit(wb):
        sheet_values({2025: ([22, "20,5", "10,5", 17.1], None)})(wb)
        wb[L.SHEET_SAKIP]["A14"].value = None

    _, problems, _ = read(tmp_path, mantup, edit)
    assert [str(p) for p in problems] == [
        "Lembar 'SAKIP': baris 'Nilai SAKIP' tidak ditemukan di kolom Komponen; nilai SAKIP dari Inspektorat ditulis "
        "di baris itu (kolom Komponen berisi persis 'Nilai SAKIP')"]


def test_weight_changed_from_the_regulation(tmp_path, mantup):
    def edit(wb):
        sheet_values({2025: ([22, "20,5", "10,5", 17.1], "70,10")})(wb)
        wb[L.SHEET_SAKIP]["B11"] = 25  # Pengukuran Kinerja weighs 30 under 88/2021

    _, problems, _ = read(tmp_path, mantup, edit)
    assert [(p.cell, p.message) for p in problems] == [
        ("B11", "Bobot Pengukuran Kinerja 25 bukan bobotnya menurut PermenPANRB 88/2021, yaitu 30")]


def test_component_renamed_away_from_the_regulation(tmp_path, mantup):
    def edit(wb):
        sheet_values({2025: ([22, "20,5", "10,5", 17.1], "70,10")})(wb)
        put_text(wb[L.SHEET_SAKIP]["A13"], "Evaluasi Internal")

    _, problems, _ = read(tmp_path, mantup, edit)
    assert [(p.cell, p.message) for p in problems] == [
        ("A13", f"komponen 'Evaluasi Internal' bukan komponen PermenPANRB 88/2021 ({NEW_LIST})"),
        ("H12", "komponen PermenPANRB 88/2021 Evaluasi Akuntabilitas Kinerja Internal tidak ada di kolom Komponen; "
                f"Nilai 2025 memerlukan empat komponennya ({NEW_LIST})")]


def test_unknown_regulation(tmp_path, mantup):
    def edit(wb):
        sheet_values({2025: ([22, "20,5", "10,5", 17.1], "70,10")})(wb)
        put_text(wb[L.SHEET_SAKIP]["C10"], "PermenPANRB 88 Tahun 2021")

    _, problems, _ = read(tmp_path, mantup, edit)
    assert [(p.cell, p.message) for p in problems][0] == (
        "C10", "Peraturan 'PermenPANRB 88 Tahun 2021' tidak dikenal; tulis salah satu dari PermenPANRB 12/2015, "
               "PermenPANRB 88/2021")


def test_component_twice_in_one_scheme(tmp_path, mantup):
    def edit(wb):
        sheet_values({2025: ([22, "20,5", "10,5", 17.1], "70,10")})(wb)
        put_text(wb[L.SHEET_SAKIP]["A11"], "Perencanaan Kinerja")
        wb[L.SHEET_SAKIP]["B11"] = 30

    _, problems, _ = read(tmp_path, mantup, edit)
    assert (problems[0].cell, problems[0].message) == (
        "A11", "komponen 'Perencanaan Kinerja' tercantum dua kali (juga di A10)")


# --- A sheet of the previous template (no Peraturan column) still builds ---

def test_previous_template_with_12_2015_components_for_2025_is_a_warning(tmp_path, mantup):
    edit = legacy_values({2021: (["18,5", "15,2", 9, 6, "12,5"], "61,20"),
                          2025: (["21,4", "17,3", "10,2", "6,2", 15], "70,10")})
    years, problems, warnings = read(tmp_path, mantup, edit)
    assert problems == []
    assert warnings == [
        "Lembar 'SAKIP': komponen yang diisi untuk 2025 (Perencanaan Kinerja 30, Pengukuran Kinerja 25, Pelaporan "
        "Kinerja 15, Evaluasi Internal 10, Pencapaian Kinerja 20) adalah komponen PermenPANRB 12/2015, padahal "
        f"evaluasi tahun 2025 memakai empat komponen PermenPANRB 88/2021 ({NEW_LIST}). Nilai SAKIP tahun itu tetap "
        "dipakai, tetapi nilai komponennya tidak dicantumkan di dokumen. Lembar ini dari template lama (tanpa kolom "
        "Peraturan); lembar SAKIP dari perintah template memuat baris komponen setiap peraturan."]
    by_year = {y.year: y for y in years}
    y = by_year[2025]
    assert (y.total, y.scheme.regulation) == (Decimal("70.10"), "PermenPANRB 88/2021")
    assert y.components == tuple((n, Decimal(w), None) for n, w in NEW)  # the year's own scheme, no values
    working = sakip.evaluate(years, mantup, report_for(2025)).figures[-1].working
    assert working.endswith("; evaluasi tahun itu dilaksanakan menurut PermenPANRB 88/2021.")
    # 2021 is 12/2015's year: the same list is right there, its values kept under the regulation's names
    assert [c[2] for c in by_year[2021].components] == [Decimal("18.5"), Decimal("15.2"), 9, 6, Decimal("12.5")]
    assert by_year[2021].components[4][0] == "Capaian Kinerja"


def test_previous_template_with_88_2021_components(tmp_path, mantup):
    """Staff followed the previous instruction and replaced the five components by 88/2021's four."""
    edit = legacy_values({2025: ([22, "20,5", "10,5", 17.1], "70,10")}, components=NEW)
    years, problems, warnings = read(tmp_path, mantup, edit)
    assert problems == [] and warnings == []
    assert [c[2] for c in years[0].components] == [22, Decimal("20.5"), Decimal("10.5"), Decimal("17.1")]


def test_previous_template_with_components_of_no_scheme(tmp_path, mantup):
    edit = legacy_values({2024: ([20, 20, 20, "8,4"], "68,40")},
                         components=[("Perencanaan", 30), ("Pengukuran", 30), ("Pelaporan", 30), ("Evaluasi", 10)])
    years, problems, warnings = read(tmp_path, mantup, edit)
    assert problems == [] and len(warnings) == 1
    assert warnings[0].startswith("Lembar 'SAKIP': komponen yang diisi untuk 2024 (Perencanaan 30, Pengukuran 30, "
                                  "Pelaporan 30, Evaluasi 10) bukan komponen evaluasi SAKIP menurut peraturan, padahal "
                                  "evaluasi tahun 2024 memakai empat komponen PermenPANRB 88/2021")
    assert years[0].total == Decimal("68.40") and all(v is None for _, _, v in years[0].components)


# --- End to end: the documents, and the carry to next year's workbook ---

def test_lkjip_prints_the_scheme_of_the_year(tmp_path):
    edit = sheet_values({2021: (["18,5", "15,2", 9, 6, "12,5"], "61,20"),
                         2025: ([22, "20,5", "10,5", 17.1], "70,10")})
    result = run_cli("build", workbook_with(tmp_path, {}, edit=edit), "--output", tmp_path / "hasil")
    assert result.exit_code == 0, result.output
    lkjip = tmp_path / "hasil" / "mantup-2025" / "LKjIP_Kecamatan_Mantup_2025.docx"
    text = full_text(lkjip)
    assert ("Nilai SAKIP 2025 dari Inspektorat sebesar 70,10 (predikat BB, Sangat Baik menurut PermenPANRB 88/2021), "
            "sama dengan jumlah nilai empat komponennya menurut PermenPANRB 88/2021.") in text
    assert "Komponen evaluasi SAKIP tahun 2025 menurut PermenPANRB 88/2021" in text
    table = next(t for t in tables(lkjip) if t[0] == ["Komponen", "Bobot", "Nilai"])
    assert table[1:] == [["Perencanaan Kinerja", "30,00", "22,00"], ["Pengukuran Kinerja", "30,00", "20,50"],
                         ["Pelaporan Kinerja", "15,00", "10,50"],
                         ["Evaluasi Akuntabilitas Kinerja Internal", "25,00", "17,10"],
                         ["Nilai SAKIP (predikat BB, Sangat Baik)", "", "70,10"]]
    assert "Evaluasi Internal" not in [row[0] for row in table] and "12/2015" not in text
    # the measurement workbook traces every year, 2021 under its own regulation
    measurement = load_workbook(tmp_path / "hasil" / "mantup-2025" / "Pengukuran_Kinerja_Kecamatan_Mantup_2025.xlsx")
    cells = [c.value for row in measurement["Data SAKIP"].iter_rows() for c in row if isinstance(c.value, str)]
    assert any(v.startswith("Komponen evaluasi SAKIP tahun 2021 menurut PermenPANRB 12/2015") for v in cells)
    assert "Capaian Kinerja" in cells


def test_lkjip_of_a_year_evaluated_under_12_2015(tmp_path):
    edit = sheet_values({2021: (["18,5", "15,2", 9, 6, "12,5"], "61,20")})
    result = run_cli("build", workbook_with(tmp_path, {}, year=2021, edit=edit), "--output", tmp_path / "hasil")
    assert result.exit_code == 0, result.output
    lkjip = tmp_path / "hasil" / "mantup-2021" / "LKjIP_Kecamatan_Mantup_2021.docx"
    text = full_text(lkjip)
    assert ("Nilai SAKIP 2021 dari Inspektorat sebesar 61,20 (predikat B, Baik menurut skala PermenPANRB 88/2021), "
            "sama dengan jumlah nilai lima komponennya menurut PermenPANRB 12/2015.") in text
    assert "Komponen evaluasi SAKIP tahun 2021 menurut PermenPANRB 12/2015" in text
    table = next(t for t in tables(lkjip) if t[0] == ["Komponen", "Bobot", "Nilai"])
    assert [row[0] for row in table[1:-1]] == [n for n, _ in OLD]
    assert "komponennya menurut PermenPANRB 88/2021" not in text


def test_wrong_scheme_stops_the_build(tmp_path):
    edit = sheet_values({2025: (["21,4", "17,3", "10,2", "6,2", 15], "70,10")}, rows={2025: OLD_ROWS})
    rejected(workbook_with(tmp_path, {}, edit=edit), tmp_path, "SAKIP!H5",
             "padahal evaluasi 2025 memakai empat komponen PermenPANRB 88/2021")


def test_previous_template_builds_with_the_warning(tmp_path):
    edit = legacy_values({2025: (["21,4", "17,3", "10,2", "6,2", 15], "70,10")})
    result = run_cli("build", workbook_with(tmp_path, {}, edit=edit), "--output", tmp_path / "hasil")
    assert result.exit_code == 0, result.output
    assert "Peringatan: Lembar 'SAKIP': komponen yang diisi untuk 2025" in " ".join(result.output.split())
    lkjip = tmp_path / "hasil" / "mantup-2025" / "LKjIP_Kecamatan_Mantup_2025.docx"
    table = next(t for t in tables(lkjip) if t[0] == ["Komponen", "Bobot", "Nilai"])
    assert [row[0] for row in table[1:-1]] == [n for n, _ in NEW] and {row[2] for row in table[1:-1]} == {"-"}
    assert "Nilai SAKIP 2025 dari Inspektorat sebesar 70,10" in full_text(lkjip)


def test_carried_to_next_year_by_component_and_regulation(tmp_path):
    old = workbook_with(tmp_path, {}, edit=sheet_values({2021: (["18,5", "15,2", 9, 6, "12,5"], "61,20"),
                                                         2025: ([22, "20,5", "10,5", 17.1], "70,10")}))
    new = tmp_path / "2026.xlsx"
    result = run_cli("template", new, "--year", "2026", "--from", old)
    assert result.exit_code == 0, result.output
    ws = load_workbook(new)[L.SHEET_SAKIP]
    assert [ws[f"D{r}"].value for r in OLD_ROWS] == ["18,5", "15,2", 9, 6, "12,5"]
    assert [ws[f"H{r}"].value for r in NEW_ROWS] == [22, "20,5", "10,5", 17.1]
    assert (ws["D14"].value, ws["H14"].value, ws["I14"].value) == ("61,20", "70,10", None)
    assert all(ws[f"{c}{r}"].value is None for r in NEW_ROWS for c in "D") and ws["H5"].value is None
    assert "SAKIP: 10 baris dibawa; kolom tahun 2026 dibiarkan kosong untuk diisi." in result.output


def test_previous_template_carried_into_the_schemes(tmp_path):
    old = workbook_with(tmp_path, {}, edit=legacy_values({2021: (["18,5", "15,2", 9, 6, "12,5"], "61,20"),
                                                          2025: (["21,4", "17,3", "10,2", "6,2", 15], "70,10")}))
    new = tmp_path / "2026.xlsx"
    result = run_cli("template", new, "--year", "2026", "--from", old)
    assert result.exit_code == 0, result.output
    ws = load_workbook(new)[L.SHEET_SAKIP]
    assert [ws[f"A{r}"].value for r in OLD_ROWS] == [n for n, _ in OLD]  # the regulation's names stay
    assert [ws[f"D{r}"].value for r in OLD_ROWS] == ["18,5", "15,2", 9, 6, "12,5"]  # 2021: 12/2015's own year
    assert all(ws[f"{c}{r}"].value is None for r in range(5, 14) for c in "EFGH")  # 2025's old components: not
    assert (ws["D14"].value, ws["H14"].value) == ("61,20", "70,10")
    out = " ".join(result.output.split())
    assert ("SAKIP: 6 baris dibawa; kolom tahun 2026 dibiarkan kosong untuk diisi; nilai komponen PermenPANRB "
            "12/2015 tahun 2025 tidak dibawa, karena evaluasi tahun itu memakai komponen PermenPANRB 88/2021; nilai "
            "SAKIP tahun itu dibawa.") in out
    check = run_cli("check", new)
    assert check.exit_code == 0, check.output


def test_carried_across_a_period_change(tmp_path, monkeypatch):
    """Into a period evaluated under 88/2021 only: 88/2021's rows take their values; the 12/2015 rows, whose years
    the new period has no column for, are simply not there (never 'rows without a place')."""
    old = workbook_with(tmp_path, {}, year=2026, edit=sheet_values({2021: (["18,5", "15,2", 9, 6, "12,5"], "61,20"),
                                                                    2025: ([22, "20,5", "10,5", 17.1], "70,10")}))
    folder = tmp_path / "offices"
    folder.mkdir()
    shutil.copy(MANTUP, folder / MANTUP.name)
    (folder / "mantup_2025-2029.toml").write_text(next_period(MANTUP.read_text(encoding="utf-8")), encoding="utf-8")
    monkeypatch.setattr(catalogue, "OFFICES_DIR", folder)
    new = tmp_path / "2027.xlsx"
    result = run_cli("template", new, "--year", "2027", "--from", old)
    assert result.exit_code == 0, result.output
    ws = load_workbook(new)[L.SHEET_SAKIP]
    assert [ws[f"A{r}"].value for r in range(5, 10)] == [n for n, _ in NEW] + ["Nilai SAKIP"]
    assert [c.value for c in ws[4]][3:] == [f"Nilai {y}" for y in range(2025, 2030)]
    assert [ws[f"D{r}"].value for r in range(5, 10)] == [22, "20,5", "10,5", 17.1, "70,10"]
    out = " ".join(result.output.split())
    assert "SAKIP: 5 baris dibawa; kolom tahun 2027, 2028, 2029 dibiarkan kosong untuk diisi." in out
