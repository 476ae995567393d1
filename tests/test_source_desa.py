"""Sheet Status Desa: Jumlah Desa Mandiri, Jumlah Desa Maju, Persentase Desa Naik Kelas, by hand."""

from __future__ import annotations

from decimal import Decimal

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from source_helpers import cells, raw_with, report_for, workbook_with

from iku import layout as L
from iku.errors import Problem
from iku.rules import VILLAGE_STATUSES
from iku.sources import desa
from iku.xlsx_style import INPUT_FILL, put_text

ST, T, B, MAJU, MANDIRI = VILLAGE_STATUSES


def table(years: dict[int, dict[str, str]], default: dict[int, str] | None = None, idm=None):
    """Statuses per year: {year: {desa: status}}, every other desa taking default[year]; idm {year: {desa: score}}."""

    def make(villages):
        out: dict[str, dict[str, object]] = {v: {} for v in villages}
        for year, statuses in years.items():
            for v in villages:
                status = statuses.get(v, (default or {}).get(year))
                if status is not None:
                    out[v][f"Status {year}"] = status
        for year, scores in (idm or {}).items():
            for v, score in scores.items():
                out.setdefault(v, {})[f"Nilai IDM {year}"] = score
        return out

    return make


def read(tmp_path, mantup, values, year=2025):
    raw = raw_with(tmp_path, {}, year=year, edit=cells(L.SHEET_VILLAGES, values))
    problems: list[Problem] = []
    warnings: list[str] = []
    rows = desa.read(raw, mantup, problems, warnings)
    return rows, problems, warnings


def evaluate(tmp_path, mantup, values, year=2025):
    rows, problems, _ = read(tmp_path, mantup, values, year)
    assert problems == []
    return desa.evaluate(rows, mantup, report_for(year))


# The scenario below, by hand (15 desa; base year 2020: Berkembang except Mantup, Rumpuk Maju, Tugu Tertinggal).
BASE = {"Mantup": MAJU, "Rumpuk": MAJU, "Tugu": T}
Y2021 = {**BASE, "Sukobendu": MAJU, "Tunggunjagir": MAJU, "Mantup": MANDIRI}
Y2024 = {**Y2021, "Sumberbendo": MANDIRI, "Kedukbembem": MAJU, "Sumberdadi": MAJU, "Kedungsoko": MAJU}
Y2025 = {**Y2024, "Tugu": B, "Rumpuk": B}  # Tugu rises (and passes its base), Rumpuk falls below its base
SCENARIO = table({2020: BASE, 2021: Y2021, 2024: Y2024, 2025: Y2025}, default={2020: B, 2021: B, 2024: B, 2025: B})


def test_counts_naik_kelas_and_moves(tmp_path, mantup):
    result = evaluate(tmp_path, mantup, SCENARIO(mantup.data.villages))
    figures = {(f.indicator, f.year): f for f in result.figures}
    # 2022, 2023 are empty (typed figures are used there); 2026 is after the report year
    assert sorted({y for _, y in figures}) == [2021, 2024, 2025]
    # 2021: Mandiri = Mantup; Maju = Sukobendu, Tunggunjagir, Rumpuk; above base = Sukobendu, Tunggunjagir, Mantup
    assert figures[(2, 2021)].value == 1 and figures[(4, 2021)].value == 3
    assert figures[(10, 2021)].value == Decimal(3) / 15 * 100 == 20
    assert figures[(10, 2021)].working == (
        "Menurut Status Indeks Desa 2021, 3 dari 15 desa (20,00%) berstatus lebih tinggi daripada tahun "
        "dasar 2020; dibanding 2020, tiga desa naik status (Sukobendu, Tunggunjagir, Mantup).")
    # 2024: 2023 is empty, so no moves are told; above base: the 3 of 2021 + Sumberbendo, Kedukbembem,
    # Sumberdadi, Kedungsoko = 7 of 15
    assert figures[(10, 2024)].value == Decimal(7) / 15 * 100
    assert figures[(10, 2024)].working.endswith("7 dari 15 desa (46,67%) berstatus lebih tinggi daripada tahun "
                                                "dasar 2020.")
    # 2025: Mandiri = Mantup, Sumberbendo; Maju = Sukobendu, Tunggunjagir, Kedukbembem, Sumberdadi, Kedungsoko;
    # above base: the 7 + Tugu (Tertinggal -> Berkembang) = 8 of 15 = 53,33%; Rumpuk (Maju -> Berkembang) fell
    assert figures[(2, 2025)].value == 2 and figures[(4, 2025)].value == 5
    assert figures[(10, 2025)].value == Decimal(8) / 15 * 100
    assert figures[(10, 2025)].working == (
        "Menurut Status Indeks Desa 2025, 8 dari 15 desa (53,33%) berstatus lebih tinggi daripada tahun "
        "dasar 2020; dibanding 2024, satu desa naik status (Tugu) dan satu desa turun status (Rumpuk), sehingga "
        "jumlah desa di atas status tahun dasar bertambah satu.")  # 7 in 2024, 8 in 2025
    assert figures[(2, 2025)].working == ("Menurut Status Indeks Desa 2025, terdapat 2 desa berstatus "
                                          "Mandiri dari 15 desa (Sumberbendo, Mantup).")  # sheet order
    assert figures[(4, 2025)].working.startswith("Menurut Status Indeks Desa 2025, terdapat 5 desa "
                                                 "berstatus Maju dari 15 desa (Sukobendu, Tunggunjagir, ")
    assert all(f.sheet == L.SHEET_VILLAGES and f.quarters == () for f in result.figures)

    ev = result.detail
    assert isinstance(ev, desa.VillageEvidence) and ev.base_year == 2020
    assert [y.year for y in ev.years] == [2020, 2021, 2024, 2025]
    y2025 = ev.year(2025)
    assert y2025.counts == {ST: 0, T: 0, B: 8, MAJU: 5, MANDIRI: 2}
    assert y2025.rose == ("Tugu",) and y2025.fell == ("Rumpuk",)
    assert set(y2025.above_base) == {"Sukobendu", "Tunggunjagir", "Mantup", "Sumberbendo", "Kedukbembem",
                                     "Sumberdadi", "Kedungsoko", "Tugu"}
    assert ev.year(2024).rose == () and ev.year(2024).fell == ()  # no 2023 to compare with
    assert ev.year(2020).value == 0 and ev.year(2023) is None
    assert [v.name for v in ev.villages] == list(mantup.data.villages)
    assert ev.villages[0].row == 5 and ev.villages[0].statuses == {2020: B, 2021: MAJU, 2024: MAJU, 2025: MAJU}


def test_report_year_limits_the_figures(tmp_path, mantup):
    result = evaluate(tmp_path, mantup, SCENARIO(mantup.data.villages), year=2024)
    assert sorted({f.year for f in result.figures}) == [2021, 2024]
    assert [y.year for y in result.detail.years] == [2020, 2021, 2024]


def test_statuses_read_case_and_space_insensitively(tmp_path, mantup):
    values = table({2020: {}, 2021: {"Tugu": "  mandiri ", "Rumpuk": "SANGAT   tertinggal"}},
                   default={2020: "berkembang", 2021: " Maju"})(mantup.data.villages)
    villages, problems, _ = read(tmp_path, mantup, values)
    assert problems == []
    by_name = {v.name: v for v in villages}
    assert by_name["Tugu"].statuses == {2020: B, 2021: MANDIRI}
    assert by_name["Rumpuk"].statuses[2021] == ST and by_name["Mantup"].statuses[2021] == MAJU


# IDM scores exactly at each threshold belong to the lower status (Permendesa PDTT 2/2016: Mandiri > 0,8155).
AGREEING = [("Sukobendu", 0.8155, MAJU), ("Tunggunjagir", 0.81551, MANDIRI), ("Sumberbendo", 0.7072, B),
            ("Mantup", "0,70721", MAJU), ("Kedukbembem", 0.5989, T), ("Sumberdadi", 0.59891, B),
            ("Kedungsoko", "0,4907", ST), ("Tugu", 0.49071, T), ("Sukosari", 0, ST), ("Sumberagung", 1, MANDIRI)]


def _idm_table(mantup, cases, year=2021):
    values = table({2020: {}, year: {name: status for name, _, status in cases}},
                   default={2020: B, year: B})(mantup.data.villages)
    for name, score, _ in cases:
        values[name][f"Nilai IDM {year}"] = score
    return values


def test_idm_scores_at_the_thresholds_agree(tmp_path, mantup):
    villages, problems, _ = read(tmp_path, mantup, _idm_table(mantup, AGREEING))
    assert problems == []
    by_name = {v.name: v for v in villages}
    assert by_name["Sukobendu"].idm == {2021: Decimal("0.8155")}
    assert by_name["Mantup"].idm == {2021: Decimal("0.70721")}  # Indonesian decimal text
    assert by_name["Rumpuk"].idm == {}


def test_idm_scores_that_disagree_name_the_cell_and_both_values(tmp_path, mantup):
    disagreeing = [("Sukobendu", 0.8155, MANDIRI), ("Tunggunjagir", 0.81551, MAJU), ("Kedungsoko", 0.4907, T),
                   ("Tugu", 0.49071, ST)]
    _, problems, _ = read(tmp_path, mantup, _idm_table(mantup, disagreeing))
    by_cell = {p.cell: p.message for p in problems}
    # Nilai IDM 2021 is column E; Sukobendu row 5, Tunggunjagir 6, Kedungsoko 11, Tugu 12
    assert set(by_cell) == {"E5", "E6", "E11", "E12"}
    assert all(p.sheet == L.SHEET_VILLAGES for p in problems)
    assert "Nilai IDM 2021 Sukobendu 0,8155 berarti Maju, tetapi Status 2021 (D5) Mandiri" in by_cell["E5"]
    assert "0,81551 berarti Mandiri" in by_cell["E6"] and "(D6) Maju" in by_cell["E6"]
    assert "0,4907 berarti Sangat Tertinggal" in by_cell["E11"] and "(D11) Tertinggal" in by_cell["E11"]
    assert "0,49071 berarti Tertinggal" in by_cell["E12"] and "(D12) Sangat Tertinggal" in by_cell["E12"]


def test_from_2024_the_status_is_taken_as_published(tmp_path, mantup):
    values = table({2020: {}, 2024: {}}, default={2020: B, 2024: B})(mantup.data.villages)
    values["Tugu"]["Nilai IDM 2024"] = 0.9  # would be Mandiri by the IDM bands: only shown
    mk = cells(L.SHEET_VILLAGES, values)

    def edit(wb):  # the template has no IDM column after 2023: staff may add one
        ws = wb[L.SHEET_VILLAGES]
        put_text(ws.cell(row=L.DATA_HEADER_ROW, column=ws.max_column + 1), "Nilai IDM 2024")
        mk(wb)

    raw = raw_with(tmp_path, {}, edit=edit)
    problems: list[Problem] = []
    villages = desa.read(raw, mantup, problems, [])
    assert problems == []
    tugu = next(v for v in villages if v.name == "Tugu")
    assert tugu.statuses[2024] == B and tugu.idm == {2024: Decimal("0.9")}


def test_idm_score_without_status(tmp_path, mantup):
    values = table({2020: {}}, default={2020: B}, idm={2022: {"Tugu": 0.75}})(mantup.data.villages)
    _, problems, _ = read(tmp_path, mantup, values)
    assert [p.cell for p in problems] == ["G12"]
    assert problems[0].message.startswith("Nilai IDM 2022 Tugu terisi (0,75) tetapi Status 2022 kosong; isi "
                                          "statusnya (menurut nilai ini: Maju)")


def test_idm_score_outside_0_1(tmp_path, mantup):
    values = table({2020: {}}, default={2020: B}, idm={2020: {"Tugu": "75,5"}})(mantup.data.villages)
    _, problems, _ = read(tmp_path, mantup, values)
    assert [(p.cell, p.message) for p in problems] == [("C12", "Nilai IDM 2020 '75,5' di luar rentang 0-1")]


def test_unknown_status(tmp_path, mantup):
    values = table({2020: {"Tugu": "Madiri"}}, default={2020: B})(mantup.data.villages)
    _, problems, _ = read(tmp_path, mantup, values)
    assert [(p.sheet, p.cell) for p in problems] == [(L.SHEET_VILLAGES, "B12")]
    assert problems[0].message == ("Status 2020 'Madiri' tidak dikenal; pilih salah satu: Sangat Tertinggal, "
                                   "Tertinggal, Berkembang, Maju, Mandiri")


def test_unknown_desa(tmp_path, mantup):
    values = table({2020: {}}, default={2020: B})(mantup.data.villages)
    values["Atlantis"] = {"Status 2020": B}
    _, problems, _ = read(tmp_path, mantup, values)
    assert [p.cell for p in problems] == ["A20"]
    assert problems[0].message.startswith("desa 'Atlantis' tidak dikenal; desa menurut katalog: Sukobendu, ")


def test_desa_listed_twice(tmp_path, mantup):
    values = table({2020: {}}, default={2020: B})(mantup.data.villages)

    def edit(wb):
        cells(L.SHEET_VILLAGES, values)(wb)
        ws = wb[L.SHEET_VILLAGES]
        put_text(ws["A20"], " tugu ")
        put_text(ws["B20"], B)

    raw = raw_with(tmp_path, {}, edit=edit)
    problems: list[Problem] = []
    desa.read(raw, mantup, problems, [])
    assert [(p.cell, p.message) for p in problems] == [("A20", "desa 'tugu' tercantum dua kali (juga di A12)")]


def test_catalogue_desa_missing_from_the_sheet(tmp_path, mantup):
    values = table({2020: {}}, default={2020: B})(mantup.data.villages)

    def edit(wb):
        cells(L.SHEET_VILLAGES, values)(wb)
        ws = wb[L.SHEET_VILLAGES]
        for col in range(1, ws.max_column + 1):
            ws.cell(row=19, column=col).value = None  # Rumpuk's row cleared

    raw = raw_with(tmp_path, {}, edit=edit)
    problems: list[Problem] = []
    desa.read(raw, mantup, problems, [])
    assert [str(p) for p in problems] == [
        "Lembar 'Status Desa': desa Rumpuk tidak ada di kolom Desa; semua 15 desa harus tercantum (tambahkan "
        "barisnya)"]


def test_partly_filled_year_names_every_empty_cell(tmp_path, mantup):
    statuses = {v: B for v in mantup.data.villages if v not in ("Tugu", "Rumpuk")}
    values = table({2020: {}, 2025: statuses}, default={2020: B})(mantup.data.villages)
    _, problems, _ = read(tmp_path, mantup, values)
    assert [p.cell for p in problems] == [None, "K12", "K19"]  # Status 2025 is column K
    assert "kolom Status 2025 (kolom K) terisi sebagian: 2 dari 15 baris kosong" in problems[0].message
    assert problems[1].message == "Status 2025 untuk Tugu kosong"


def test_base_year_missing(tmp_path, mantup):
    values = table({2025: {}}, default={2025: B})(mantup.data.villages)
    _, problems, _ = read(tmp_path, mantup, values)
    assert [p.cell for p in problems] == ["B4"]  # the header of Status 2020
    assert problems[0].message.startswith("Status 2020 (tahun dasar, kondisi awal Renstra) kosong, padahal "
                                          "Status 2025 terisi")


def test_empty_sheet_gives_nothing(tmp_path, mantup):
    rows, problems, _ = read(tmp_path, mantup, {})
    assert rows is None and problems == []


def test_template_sheet(tmp_path, mantup):
    path = workbook_with(tmp_path, {})
    ws = load_workbook(path)[L.SHEET_VILLAGES]
    titles = [ws.cell(row=4, column=c).value for c in range(1, ws.max_column + 1)]
    assert titles == ["Desa", "Status 2020", "Nilai IDM 2020", "Status 2021", "Nilai IDM 2021", "Status 2022",
                      "Nilai IDM 2022", "Status 2023", "Nilai IDM 2023", "Status 2024", "Status 2025", "Status 2026"]
    assert [ws.cell(row=r, column=1).value for r in range(5, 20)] == list(mantup.data.villages)
    assert ws.cell(row=20, column=1).value is None
    # every value cell is empty, yellow and unlocked; IDM cells take 4 decimals
    for r in range(5, 20):
        for c in range(2, 13):
            cell = ws.cell(row=r, column=c)
            assert cell.value is None and cell.fill == INPUT_FILL and not cell.protection.locked
    assert ws["C5"].number_format == "0.0000" and ws["E19"].number_format == "0.0000"
    lists = {dv.formula1: str(dv.sqref) for dv in ws.data_validations.dataValidation}
    assert lists['"Sangat Tertinggal,Tertinggal,Berkembang,Maju,Mandiri"'].split() == [
        "B5:B19", "D5:D19", "F5:F19", "H5:H19", "J5:J19", "K5:K19", "L5:L19"]


# Property: whatever the statuses, the counts add up to the number of desa and naik kelas stays within 0-100.

YEARS = (2020, 2021, 2022, 2023, 2024, 2025)
status_rows = st.lists(st.tuples(*[st.sampled_from(VILLAGE_STATUSES)] * len(YEARS)), min_size=1, max_size=20)


@settings(max_examples=200, deadline=None)
@given(status_rows)
def test_counts_add_up_and_naik_kelas_is_a_percentage(mantup, rows):
    villages = tuple(desa.Village(5 + i, f"Desa {i}", dict(zip(YEARS, statuses, strict=True)), {})
                     for i, statuses in enumerate(rows))
    result = desa.evaluate(villages, mantup, report_for(2025))
    assert [y.year for y in result.detail.years] == list(YEARS)
    for y in result.detail.years:
        assert sum(y.counts.values()) == len(villages)
        assert 0 <= y.value <= 100
        assert y.value == Decimal(len(y.above_base)) / len(villages) * 100
        assert not set(y.rose) & set(y.fell)
    figures = {(f.indicator, f.year): f.value for f in result.figures}
    assert figures[(2, 2025)] + figures[(4, 2025)] <= len(villages)
    assert figures[(10, 2021)] <= 100


@pytest.mark.parametrize("statuses, expected", [((B, B), 0), ((B, MAJU), 100), ((MANDIRI, MAJU), 0)])
def test_naik_kelas_single_desa(mantup, statuses, expected):
    villages = (desa.Village(5, "Tugu", {2020: statuses[0], 2025: statuses[1]}, {}),)
    result = desa.evaluate(villages, mantup, report_for(2025))
    assert next(f.value for f in result.figures if f.indicator == 10) == expected


def test_evidence_stops_at_the_report_year(mantup):
    villages = (desa.Village(5, "Tugu", {2020: B, 2025: MAJU, 2026: MANDIRI}, {2020: Decimal("0.65")}),)
    ev = desa.evaluate(villages, mantup, report_for(2025)).detail
    assert ev.villages[0].statuses == {2020: B, 2025: MAJU} and ev.villages[0].idm == {2020: Decimal("0.65")}
