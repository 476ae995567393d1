"""Sheets Pemberdayaan and Urusan (Ya/Tidak per year): the percentages by hand."""

from __future__ import annotations

from decimal import Decimal

from openpyxl import load_workbook
from source_helpers import cells, raw_with, report_for, workbook_with

from iku import layout as L
from iku.errors import Problem
from iku.sources import pemberdayaan, urusan
from iku.xlsx_style import INPUT_FILL, put_text


def read(tmp_path, mantup, module, sheet, values, year=2025, name="data.xlsx"):
    raw = raw_with(tmp_path, {}, year=year, edit=cells(sheet, values), name=name)
    problems: list[Problem] = []
    warnings: list[str] = []
    rows = module.read(raw, mantup, problems, warnings)
    return rows, problems, warnings


# --- Pemberdayaan ---

def answers(villages, year: int, no=(), activity="Pelatihan UMKM", **special):
    """Every desa answers Ya with an activity, except those in `no` (Tidak) and those given in `special`."""
    out: dict[str, dict[str, object]] = {}
    for v in villages:
        answer = special.get(v, (L.NO, "") if v in no else (L.YES, activity))
        out[v] = {f"Pemberdayaan {year}": answer[0], f"Kegiatan {year}": answer[1] or None}
    return out


def merge(*tables):
    out: dict[str, dict[str, object]] = {}
    for t in tables:
        for label, values in t.items():
            out.setdefault(label, {}).update(values)
    return out


def test_empowerment_share_by_hand(tmp_path, mantup):
    villages = mantup.data.villages
    values = merge(answers(villages, 2024), answers(villages, 2025, no=("Tugu", "Rumpuk")))
    rows, problems, warnings = read(tmp_path, mantup, pemberdayaan, L.SHEET_EMPOWERMENT, values)
    assert problems == [] and warnings == []
    result = pemberdayaan.evaluate(rows, mantup, report_for(2025))
    figures = {(f.indicator, f.year): f for f in result.figures}
    assert set(figures) == {(7, 2024), (7, 2025)}
    assert figures[(7, 2024)].value == 100
    # 13 of 15 desa answered Ya: 13 / 15 x 100 = 86,666...%
    assert figures[(7, 2025)].value == Decimal(13) / 15 * 100
    assert figures[(7, 2025)].working == (
        "Menurut Data Pemberdayaan Masyarakat Desa Kecamatan Mantup 2025, 13 dari 15 desa (86,67%) melaksanakan "
        "pemberdayaan terhadap "
        "masyarakat; belum melaksanakan: Tugu, Rumpuk.")
    assert figures[(7, 2024)].working.endswith("15 dari 15 desa (100,00%) melaksanakan pemberdayaan terhadap "
                                               "masyarakat.")
    ev = result.detail
    assert isinstance(ev, pemberdayaan.EmpowermentEvidence)
    y = ev.year(2025)
    assert y.not_done == ("Tugu", "Rumpuk") and len(y.done) == 13
    assert y.done[0] == ("Sukobendu", "Pelatihan UMKM")
    assert ev.year(2023) is None


def test_empowerment_answers_read_case_and_space_insensitively(tmp_path, mantup):
    values = answers(mantup.data.villages, 2025, Tugu=("ya", "Posyandu"), Rumpuk=(" TIDAK ", ""))
    rows, problems, _ = read(tmp_path, mantup, pemberdayaan, L.SHEET_EMPOWERMENT, values)
    assert problems == []
    y = pemberdayaan.evaluate(rows, mantup, report_for(2025)).detail.year(2025)
    assert ("Tugu", "Posyandu") in y.done and y.not_done == ("Rumpuk",)
    assert y.value == Decimal(14) / 15 * 100


def test_empowerment_answer_neither_ya_nor_tidak(tmp_path, mantup):
    values = answers(mantup.data.villages, 2025, Tugu=("Mungkin", "Posyandu"))
    _, problems, _ = read(tmp_path, mantup, pemberdayaan, L.SHEET_EMPOWERMENT, values)
    # Pemberdayaan 2025 is column J; Tugu is row 12
    assert [(p.sheet, p.cell, p.message) for p in problems] == [
        (L.SHEET_EMPOWERMENT, "J12", "Pemberdayaan 2025 'Mungkin' harus Ya atau Tidak")]


def test_empowerment_partly_filled_year(tmp_path, mantup):
    values = answers(mantup.data.villages, 2025)
    values["Tugu"] = {"Pemberdayaan 2025": None}
    values["Rumpuk"] = {"Pemberdayaan 2025": None}
    rows, problems, _ = read(tmp_path, mantup, pemberdayaan, L.SHEET_EMPOWERMENT, values)
    assert [p.cell for p in problems] == [None, "J12", "J19"]
    assert "kolom Pemberdayaan 2025 (kolom J) terisi sebagian: 2 dari 15 baris kosong" in problems[0].message
    assert problems[2].message == "Pemberdayaan 2025 untuk Rumpuk kosong"
    assert rows is None


def test_empowerment_ya_without_activity_is_a_warning(tmp_path, mantup):
    values = answers(mantup.data.villages, 2025, Tugu=(L.YES, ""), Rumpuk=(L.YES, ""), Mantup=(L.NO, ""))
    rows, problems, warnings = read(tmp_path, mantup, pemberdayaan, L.SHEET_EMPOWERMENT, values)
    assert problems == []
    assert warnings == ["Lembar 'Pemberdayaan': Kegiatan 2025 kosong untuk 2 desa yang menjawab Ya (K12, K19): Tugu, "
                        "Rumpuk. Tuliskan kegiatannya sebagai data dukung."]
    y = pemberdayaan.evaluate(rows, mantup, report_for(2025)).detail.year(2025)
    assert ("Tugu", "") in y.done and y.value == Decimal(14) / 15 * 100


def test_empowerment_activity_without_answer(tmp_path, mantup):
    values = {"Tugu": {"Kegiatan 2024": "Pelatihan"}}
    rows, problems, _ = read(tmp_path, mantup, pemberdayaan, L.SHEET_EMPOWERMENT, values)
    assert [(p.cell, p.message) for p in problems] == [
        ("H12", "Pemberdayaan 2024 kosong, padahal Kegiatan 2024 terisi; isi Ya atau Tidak untuk semua baris "
                "tahun itu")]


def test_empowerment_unknown_desa(tmp_path, mantup):
    values = answers(mantup.data.villages, 2025)
    values["Atlantis"] = {"Pemberdayaan 2025": L.YES}
    _, problems, _ = read(tmp_path, mantup, pemberdayaan, L.SHEET_EMPOWERMENT, values)
    assert [p.cell for p in problems] == ["A20"]
    assert problems[0].message.startswith("desa 'Atlantis' tidak dikenal")


def test_empowerment_empty_sheet_and_template(tmp_path, mantup):
    rows, problems, _ = read(tmp_path, mantup, pemberdayaan, L.SHEET_EMPOWERMENT, {})
    assert rows is None and problems == []
    ws = load_workbook(workbook_with(tmp_path, {}, name="t.xlsx"))[L.SHEET_EMPOWERMENT]
    titles = [ws.cell(row=4, column=c).value for c in range(1, ws.max_column + 1)]
    assert titles[:5] == ["Desa", "Pemberdayaan 2021", "Kegiatan 2021", "Pemberdayaan 2022", "Kegiatan 2022"]
    assert titles[-2:] == ["Pemberdayaan 2026", "Kegiatan 2026"]
    assert [ws.cell(row=r, column=1).value for r in range(5, 20)] == list(mantup.data.villages)
    assert all(ws.cell(row=r, column=c).value is None and ws.cell(row=r, column=c).fill == INPUT_FILL
               for r in range(5, 20) for c in range(2, 14))
    lists = {dv.formula1: str(dv.sqref) for dv in ws.data_validations.dataValidation}
    assert lists['"Ya,Tidak"'].split() == ["B5:B19", "D5:D19", "F5:F19", "H5:H19", "J5:J19", "L5:L19"]


# --- Urusan ---

def affairs(names, year: int, no=(), **special):
    return {name: {f"Diselenggarakan {year}": special.get(name, L.NO if name in no else L.YES)} for name in names}


def test_affairs_share_by_hand_with_an_added_row(tmp_path, mantup):
    names = (*mantup.data.affairs, "Urusan tambahan dari staf")
    not_run = (mantup.data.affairs[3], "Urusan tambahan dari staf")
    values = merge(affairs(names, 2023), affairs(names, 2025, no=not_run))
    rows, problems, _ = read(tmp_path, mantup, urusan, L.SHEET_AFFAIRS, values)
    assert problems == []
    result = urusan.evaluate(rows, mantup, report_for(2025))
    figures = {(f.indicator, f.year): f for f in result.figures}
    assert set(figures) == {(9, 2023), (9, 2025)}
    assert figures[(9, 2023)].value == 100
    # 8 urusan listed (7 from the catalogue, 1 added), 6 run: 6 / 8 x 100 = 75%
    assert figures[(9, 2025)].value == 75
    assert figures[(9, 2025)].working == (
        "Menurut Data Penyelenggaraan Urusan Pemerintahan Umum Kecamatan Mantup 2025, 6 dari 8 urusan pemerintahan "
        "umum (75,00%) diselenggarakan; tidak "
        "diselenggarakan: Penanganan konflik sosial; Urusan tambahan dari staf.")
    y = result.detail.year(2025)
    assert isinstance(result.detail, urusan.AffairsEvidence)
    assert y.not_run == not_run and y.run[0] == mantup.data.affairs[0] and len(y.run) == 6


def test_affairs_answers_case_and_space_insensitive_and_mungkin(tmp_path, mantup):
    names = mantup.data.affairs
    values = affairs(names, 2025, **{names[0]: "ya", names[1]: " TIDAK ", names[2]: "Mungkin"})
    _, problems, _ = read(tmp_path, mantup, urusan, L.SHEET_AFFAIRS, values)
    # Diselenggarakan 2025 is column F; the third urusan is row 7
    assert [(p.cell, p.message) for p in problems] == [("F7", "Diselenggarakan 2025 'Mungkin' harus Ya atau Tidak")]
    values[names[2]] = {"Diselenggarakan 2025": "tidak"}
    rows, problems, _ = read(tmp_path, mantup, urusan, L.SHEET_AFFAIRS, values, name="fixed.xlsx")
    assert problems == []
    y = urusan.evaluate(rows, mantup, report_for(2025)).detail.year(2025)
    assert y.not_run == names[1:3] and y.value == Decimal(5) / 7 * 100


def test_affairs_partly_answered_year(tmp_path, mantup):
    names = (*mantup.data.affairs, "Urusan baru")
    values = merge(affairs(names, 2025), affairs(names, 2024))
    values["Urusan baru"] = {"Diselenggarakan 2024": L.YES}  # answered for 2024 only
    rows, problems, _ = read(tmp_path, mantup, urusan, L.SHEET_AFFAIRS, values)
    assert [p.cell for p in problems] == [None, "F12"]
    assert problems[1].message == "Diselenggarakan 2025 untuk Urusan baru kosong"
    # 2024 is whole: it still reads
    assert [r.answers.get(2024) for r in rows] == [True] * 8


def test_affairs_listed_twice(tmp_path, mantup):
    values = affairs(mantup.data.affairs, 2025)

    def edit(wb):
        cells(L.SHEET_AFFAIRS, values)(wb)
        ws = wb[L.SHEET_AFFAIRS]
        put_text(ws["A12"], "penanganan konflik  sosial")
        put_text(ws["F12"], L.YES)

    raw = raw_with(tmp_path, {}, edit=edit)
    problems: list[Problem] = []
    urusan.read(raw, mantup, problems, [])
    assert [(p.cell, p.message) for p in problems] == [
        ("A12", "urusan 'penanganan konflik sosial' tercantum dua kali (juga di A8)")]


def test_affairs_answer_without_urusan(tmp_path, mantup):
    values = affairs(mantup.data.affairs, 2025)

    def edit(wb):
        cells(L.SHEET_AFFAIRS, values)(wb)
        put_text(wb[L.SHEET_AFFAIRS]["F12"], L.YES)

    raw = raw_with(tmp_path, {}, edit=edit)
    problems: list[Problem] = []
    urusan.read(raw, mantup, problems, [])
    assert [(p.cell, p.message) for p in problems] == [("A12", "Urusan kosong")]


def test_affairs_template(tmp_path, mantup):
    rows, problems, _ = read(tmp_path, mantup, urusan, L.SHEET_AFFAIRS, {})
    assert rows is None and problems == []
    ws = load_workbook(workbook_with(tmp_path, {}, name="t.xlsx"))[L.SHEET_AFFAIRS]
    assert [ws.cell(row=4, column=c).value for c in range(1, 8)] == ["Urusan"] + [
        f"Diselenggarakan {y}" for y in range(2021, 2027)]
    assert [ws.cell(row=r, column=1).value for r in range(5, 12)] == list(mantup.data.affairs)
    assert ws["A5"].fill == INPUT_FILL and ws["A12"].fill == INPUT_FILL  # names editable, rows to add
    assert all(ws.cell(row=r, column=c).value is None for r in range(5, 22) for c in range(2, 8))
