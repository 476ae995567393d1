"""Predicate targets (issue 17): an indicator such as the SAKIP score whose targets are the letters AA-D of
PermenPANRB 88/2021. Its capaian is "Tercapai" or "Tidak tercapai" by the order of the predicates, never a
percentage; it stays out of every mean capaian; every document prints its letters."""

from __future__ import annotations

import io
from decimal import Decimal
from types import SimpleNamespace

import catalogue_builder as cb
import pytest
from conftest import rejected, run_cli
from docx_text import full_text, tables
from openpyxl import load_workbook

from iku import catalogue, formatting, layout, rules
from iku.batch import RecapRow
from iku.errors import InputError
from iku.render.recap import OfficeRecap, recap_workbook
from iku.sources import sakip
from iku.workbook import report_sheets as sheets
from iku.workbook.template import fill

BB, B, A = Decimal(5), Decimal(4), Decimal(6)  # the ranks of the predicates (D = 1 ... AA = 7)
SAKIP_NAME = "Nilai SAKIP Kecamatan"
KADER_NAME = "Jumlah Kader Pemberdayaan Masyarakat Terlatih"


# --- the rule ---

@pytest.mark.parametrize(("realisation", "target", "met"), [
    ("BB", "BB", True),  # the same predicate: tercapai
    ("B", "BB", False),  # one step lower: tidak tercapai
    ("A", "BB", True),  # better: tercapai
    ("AA", "D", True),
    ("D", "C", False),
    ("CC", "B", False),
])
def test_a_predicate_target_is_met_by_an_equal_or_better_predicate(realisation, target, met):
    assert rules.predicate_attained(rules.predicate_rank(target), rules.predicate_rank(realisation)) == \
        (met, "menurut urutan predikat")
    capaian, attained, _ = rules.judge(rules.predicate_rank(target), rules.predicate_rank(realisation),
                                       predicate=True)
    assert (capaian, attained) == (None, met)  # never a percentage


def test_a_predicate_without_target_or_realisation_is_not_judged():
    assert rules.predicate_attained(None, BB) == (None, "target belum ditetapkan")
    assert rules.predicate_attained(BB, None) == (None, "belum dilaporkan")


def test_predicate_letters_and_their_ranks():
    ranks = [rules.predicate_rank(x) for x in ("D", "C", "CC", "B", "BB", "A", "AA")]
    assert ranks == [Decimal(n) for n in range(1, 8)]
    assert rules.predicate_rank(" bb ") == BB
    assert rules.predicate_rank("AAA") is None and rules.predicate_rank("E") is None
    assert rules.predicate_letter(Decimal("5.00")) == "BB"
    with pytest.raises(ValueError):
        rules.predicate_letter(Decimal("72.5"))  # a score never prints as a predicate


# --- the catalogue ---

def test_catalogue_reads_predicate_targets_as_predicates(tmp_path):
    cat = catalogue.load(cb.write(tmp_path / "offices", cb.SAKIP))
    ind = cat.indicators[0]
    assert ind.unit == "predikat" and ind.is_predicate and not ind.is_count and not ind.is_percent
    assert [formatting.target(ind, ind.targets[y]) for y in cat.years] == ["B", "B", "BB", "BB", "BB", "A"]
    assert formatting.target(ind, ind.end_target) == "A"
    assert ind.higher_is_better


@pytest.mark.parametrize(("indicator", "fragment"), [
    (cb.indicator(1, "Nilai SAKIP", "predikat", ["B", "B", "BB", "AAA", "BB", "A"], "A"),
     "indikator 1, target 2024: 'AAA' bukan predikat; satuan indikator ini predikat, jadi tulis salah satu dari "
     "AA, A, BB, B, CC, C, D (PermenPANRB 88/2021)"),
    (cb.indicator(1, "Nilai SAKIP", "predikat", ["B", "B", "BB", "BB", "72.5", "A"], "A"),
     "indikator 1, target 2025: '72.5' bukan predikat"),
    (cb.indicator(1, "Nilai SAKIP", "predikat", ["B"] * 6, "85"), "indikator 1, kondisi akhir: '85' bukan predikat"),
    (cb.indicator(1, "Nilai SAKIP", "nilai", ["70", "70", "BB", "72", "74", "75"], "75", rentang=[0, 100]),
     "indikator 1, target 2023: 'BB' adalah predikat, padahal satuan indikator ini nilai; tulis angka, atau "
     'satuan = "predikat" bila targetnya memang predikat'),
    (cb.indicator(1, "Jumlah Kader", "orang", ["10", "11", "12.5", "13", "15", "20"], "20", rentang=[0, 500]),
     "indikator 1, target 2023: '12.5' harus bilangan bulat (jumlah orang)"),
    (cb.indicator(1, "Nilai SAKIP", "predikat", ["B"] * 6, "A", polaritas="turun"),
     'indikator 1: polaritas "turun" tidak berlaku untuk satuan predikat'),
    (cb.indicator(1, "Nilai SAKIP", "predikat", ["B"] * 6, "A", rentang=[0, 100]),
     "indikator 1: 'rentang' tidak dipakai untuk satuan predikat"),
    (cb.indicator(1, "Nilai SAKIP", "predikat", ["B"] * 6, "A", sumber_data="skm"),
     "indikator 1: sumber_data 'skm' menghasilkan angka, padahal satuan indikator ini predikat"),
    (cb.indicator(1, "Nilai SAKIP", "predikat", ["B"] * 6, "A", triwulan="jumlah"),
     "indikator 1: triwulan 'jumlah' tidak berlaku untuk satuan predikat"),
])
def test_catalogue_refuses_values_that_do_not_fit_the_unit(tmp_path, indicator, fragment):
    with pytest.raises(InputError) as err:
        catalogue.load(cb.write(tmp_path / "offices", indicator))
    assert fragment in err.value.describe()


# --- the workbook check ---

@pytest.fixture
def offices(tmp_path, monkeypatch):
    folder = tmp_path / "offices"
    cb.write(folder, cb.SAKIP, cb.KADER, cb.SERVICE, cb.DOCUMENTS)
    monkeypatch.setattr(catalogue, "OFFICES_DIR", folder)
    return catalogue.load(folder / "mantup_2021-2026.toml")


def _workbook(tmp_path, cat, cells: dict[str, object], name: str = "realisasi.xlsx"):
    path = tmp_path / name
    assert run_cli("template", path, "--year", "2025").exit_code == 0
    wb = load_workbook(path)
    for coordinate, value in cells.items():
        wb[layout.SHEET_REALISATION][coordinate] = value
    wb.save(path)
    return path


def test_the_workbook_offers_the_predicates_as_a_list(tmp_path, offices):
    wb = load_workbook(_workbook(tmp_path, offices, {}))
    ws = wb[layout.SHEET_REALISATION]
    lists = [dv for dv in ws.data_validations.dataValidation if dv.type == "list"]
    assert [dv.formula1 for dv in lists] == ['"AA,A,BB,B,CC,C,D"']
    assert str(lists[0].sqref).split() == ["E5", "G5", "I5", "K5", "M5", "O5"]  # the Realisasi cells of row 5
    assert ws["L5"].value == "BB" and ws["P5"].value == "A"  # the catalogue's targets, as letters
    assert ws["M5"].number_format == "@"
    whole = {str(dv.sqref).split()[0]: dv.type for dv in ws.data_validations.dataValidation}
    assert whole["E6"] == "whole" and whole["E8"] == "whole"  # orang and dokumen are whole numbers
    guide = " ".join(str(c.value) for c in wb[layout.SHEET_GUIDE]["A"] if c.value)
    assert "ditulis sebagai predikat AA, A, BB, B, CC, C, D (PermenPANRB 88/2021), dipilih dari daftar" in guide
    quarters = wb[layout.SHEET_QUARTERS]
    assert any(dv.type == "list" for dv in quarters.data_validations.dataValidation)


def test_numbers_for_a_predicate_and_letters_for_a_number_are_refused(tmp_path, offices):
    path = _workbook(tmp_path, offices, {"M5": 72.5, "K5": "AAA", "I5": "7,5", "M6": "BB", "K6": 12.5})
    rejected(path, tmp_path,
             "Realisasi!M5: realisasi 'Nilai SAKIP Kecamatan' berisi angka 72,5, padahal satuan indikator ini "
             "predikat: pilih predikat AA, A, BB, B, CC, C, D (PermenPANRB 88/2021) dari daftar di sel",
             "Realisasi!I5: realisasi 'Nilai SAKIP Kecamatan' berisi angka 7,5",
             "Realisasi!K5: realisasi 'Nilai SAKIP Kecamatan' 'AAA' bukan predikat",
             "Realisasi!M6: realisasi 'Jumlah Kader Pemberdayaan Masyarakat Terlatih' 'BB' adalah predikat, padahal "
             "satuan indikator ini orang: tulis angka",
             "Realisasi!K6: realisasi 'Jumlah Kader Pemberdayaan Masyarakat Terlatih' 12,5 harus bilangan bulat "
             "(jumlah orang)")


def test_a_typed_predicate_target_is_read_in_any_case(tmp_path, monkeypatch):
    folder = tmp_path / "offices"
    cb.write(folder, cb.indicator(1, SAKIP_NAME, "predikat", ["", "", "", "", "", ""], "", "tujuan"))
    monkeypatch.setattr(catalogue, "OFFICES_DIR", folder)
    path = _workbook(tmp_path, None, {"L5": "bb", "M5": " a ", "P5": "AA"})
    out = tmp_path / "hasil"
    result = run_cli("build", path, "--output", out)
    assert result.exit_code == 0, result.output
    rows = {r[1]: r for r in load_workbook(out / "mantup-2025" / "Pengukuran_Kinerja_Kecamatan_Mantup_2025.xlsx")
            ["Pengukuran 2025"].iter_rows(values_only=True) if isinstance(r[0], int)}
    assert rows[SAKIP_NAME][2:7] == ("predikat", "BB", "A", "Tercapai", "menurut urutan predikat")


# --- the SAKIP sheet and the recap ---

def test_the_sakip_score_gives_a_predicate_indicator_its_predicate(tmp_path):
    cat = catalogue.load(cb.write(tmp_path / "offices", cb.indicator(
        1, SAKIP_NAME, "predikat", ["B"] * 6, "A", sumber_data="sakip")))
    scheme = rules.sakip_scheme(2025)
    year = sakip.SakipYear(2025, scheme, (), Decimal("72.5"), True, "BB", "Sangat Baik")
    report = SimpleNamespace(identity=SimpleNamespace(report_year=2025))
    figure = sakip.evaluate((year,), cat, report).figures[0]
    assert figure.value == BB  # 72,5 > 70: BB, PermenPANRB 88/2021; the score stays in the working
    assert "72,50" in figure.working


def test_the_recap_counts_predicate_targets_apart_from_the_mean():
    def row(number: int, capaian: str | None, band: str | None) -> RecapRow:
        value = Decimal(capaian)
        return RecapRow(number, f"Indikator {number}", "", "persen", True, False, Decimal(100), value, value, band,
                        band)

    met = RecapRow(9, SAKIP_NAME, "sasaran", "predikat", False, False, BB, A, None, None,
                   "menurut urutan predikat", True, True)
    missed = RecapRow(9, SAKIP_NAME, "sasaran", "predikat", False, False, BB, B, None, None,
                      "menurut urutan predikat", True, False)
    offices = [OfficeRecap("Kecamatan A", (row(1, "90", "tinggi"), met)),
               OfficeRecap("Kecamatan B", (row(1, "80", "tinggi"), missed))]
    wb = load_workbook(io.BytesIO(recap_workbook("Lamongan", 2025, offices, is_sample=False)))
    summary = wb["Ringkasan"]
    rows = [[c.value for c in r] for r in summary.iter_rows(min_row=5, max_row=7)]
    assert rows[0][-3:] == ["Target Predikat Tercapai", "Target Predikat Tidak Tercapai", "Rata-rata Capaian"]
    # the mean is the percentage capaian alone (90, not 45); the predicate is counted in its own column
    assert rows[1][1:] == ["Kecamatan A", 2, 0, 1, 0, 0, 0, 0, 1, 0, 0.9]
    assert rows[2][1:] == ["Kecamatan B", 2, 0, 1, 0, 0, 0, 0, 0, 1, 0.8]
    assert summary._charts[0].series[0].val.numRef.f == "'Ringkasan'!$L$6:$L$7"
    note = " ".join(str(c.value) for c in summary["A"] if c.value)
    assert "Indikator bertarget predikat (AA-D, PermenPANRB 88/2021) dinilai tercapai atau tidak tercapai" in note
    detail = {r[3]: r for r in wb["Rekap Indikator"].iter_rows(values_only=True) if r[3] == SAKIP_NAME}
    assert detail[SAKIP_NAME][5:10] == ("predikat", "BB", "B", "Tidak tercapai", "menurut urutan predikat")


# --- every document, from template to build, and the next year's workbook ---

def test_predicate_and_count_indicators_through_every_document(tmp_path, offices):
    cat = offices
    path = tmp_path / "realisasi.xlsx"
    assert run_cli("template", path, "--year", "2025").exit_code == 0
    wb = load_workbook(path)
    fill(wb, cat, {1: {2024: "B", 2025: "bb"}, 2: {2024: 10, 2025: 12}, 3: {2024: 91, 2025: 95}, 4: {2025: 4}})
    sheets.fill_quarters(wb, cat, {1: (None, None, None, "BB"), 2: (3, 6, 9, 12), 3: (92, 93, 94, 95)})
    sheets.fill_budget(wb, [("Program Peningkatan Akuntabilitas Kinerja", "Evaluasi SAKIP", 5_000_000, 4_000_000),
                            ("Program Penyelenggaraan Pemerintahan dan Pelayanan Publik", "Pelayanan Terpadu",
                             10_000_000, 9_000_000)])
    budget = wb[layout.SHEET_BUDGET]
    column = next(c.column for c in budget[4] if c.value == layout.BUDGET_SUPPORTS)
    budget.cell(row=5, column=column, value="1")
    budget.cell(row=6, column=column, value="3")
    wb.save(path)
    out = tmp_path / "hasil"
    result = run_cli("build", path, "--output", out)
    assert result.exit_code == 0, result.output
    folder = out / "mantup-2025"

    lkjip = folder / "LKjIP_Kecamatan_Mantup_2025.docx"
    text = full_text(lkjip)
    found = tables(lkjip)
    summary = next(t for t in found if t[0] == ["No", "Indikator Kinerja", "Target", "Realisasi", "Capaian",
                                                "Predikat"])  # the Ikhtisar's, and Bab III's
    assert summary[1] == ["1", SAKIP_NAME, "BB", "BB", "Tercapai", "menurut urutan predikat"]
    assert summary[2] == ["2", KADER_NAME, "15 orang", "12 orang", "80,00%", "Tinggi"]
    assert summary[4][2:5] == ["4 dokumen", "4 dokumen", "100,00%"]
    years = next(t for t in found if t[0][0] == "Tahun" and t[-1][1] == "BB")  # Bab III, the SAKIP's years
    assert years[-2][:5] == ["2024", "BB", "B", "Tidak tercapai", "menurut urutan predikat"]
    assert years[-1][:5] == ["2025", "BB", "BB", "Tercapai", "menurut urutan predikat"]
    renstra = next(t for t in found if t[0][-1] == "Kondisi Akhir" and t[0][1] == "Tingkat")  # Bab II
    assert renstra[1][-2:] == ["predikat", "A"] and renstra[2][-2:] == ["orang", "20 orang"]
    appendix = next(t for t in found if t[0][-1] == "Akhir")  # Lampiran 2: the IKU target table
    assert appendix[1][2:] == ["B", "B", "BB", "BB", "BB", "A", "A"]
    assert ("Nilai SAKIP Kecamatan tahun 2025 berpredikat BB, sama dengan targetnya (BB); target tercapai. "
            "Predikat ini naik dari B pada tahun 2024 (satu tingkat predikat); kinerja membaik dan target tahun ini "
            "tercapai, sedangkan target tahun 2024 tidak tercapai.") in text
    assert "Realisasi tahun 2025 berpredikat BB, belum mencapai target kondisi akhir Renstra tahun 2026 (A)." in text
    assert ("dua belas orang, belum mencapai target lima belas orang (kurang tiga orang); capaian kinerjanya 80,00% "
            "dengan predikat Tinggi") in text
    assert ("Pada tahun 2025, seluruh indikator kinerja (empat indikator) dapat diukur capaiannya: dua berpredikat "
            "Sangat Tinggi, satu berpredikat Tinggi, dan satu indikator bertarget predikat yang targetnya "
            "tercapai.") in text
    assert ("Indikator yang targetnya berupa predikat (Nilai SAKIP Kecamatan) dinilai menurut urutan predikat AA, A, "
            "BB, B, CC, C, D (PermenPANRB Nomor 88 Tahun 2021)") in text
    assert ("Serapan anggaran Program Peningkatan Akuntabilitas Kinerja sebesar 80,00%; indikator yang didukungnya "
            "bertarget predikat, tanpa persentase capaian, sehingga efisiensi tidak dinilai") in text
    assert "Indikator bertarget predikat tidak termasuk dalam rata-rata capaian." in text
    assert "Target dan realisasi Nilai SAKIP" not in text  # no bar chart of letters
    assert "Grafik 1. Target dan realisasi Jumlah Kader Pemberdayaan Masyarakat Terlatih" in text
    assert "%" not in " ".join(years[-1])  # no percentage is invented for a predicate

    pk = tables(folder / "Perjanjian_Kinerja_Kecamatan_Mantup_2025.docx")[-2:]
    lampiran = next(t for t in pk + tables(folder / "Perjanjian_Kinerja_Kecamatan_Mantup_2025.docx")
                    if t[0] == ["No", "Indikator Kinerja", "Satuan", "Target 2025"])
    assert ["1", SAKIP_NAME, "predikat", "BB"] in lampiran
    assert ["2", KADER_NAME, "orang", "15 orang"] in lampiran

    iku = next(t for t in tables(folder / "IKU_Kecamatan_Mantup_2021-2026.docx") if t[0][-1] == "Kondisi Akhir"
               and t[0][1] == "Indikator Kinerja")
    rows = {r[1]: r[2:] for r in iku if r[0].isdigit()}
    assert rows[SAKIP_NAME] == ["B", "B", "BB", "BB", "BB", "A", "A"]
    assert rows[KADER_NAME] == ["10 orang", "11 orang", "12 orang", "13 orang", "15 orang", "20 orang", "20 orang"]

    quarter = tables(folder / "Pengukuran_Triwulan_IV_Kecamatan_Mantup_2025.docx")
    line = next(r for t in quarter for r in t if r[1] == SAKIP_NAME)
    assert line[2:6] == ["BB", "\u2013", "BB", "Tercapai"]
    assert line[6].startswith("menurut urutan predikat")
    assert next(r for t in quarter for r in t if r[1] == KADER_NAME)[2:6] == ["15 orang", "\u2013", "12 orang",
                                                                               "80,00%"]

    measured = load_workbook(folder / "Pengukuran_Kinerja_Kecamatan_Mantup_2025.xlsx")
    year = {r[1]: r for r in measured["Pengukuran 2025"].iter_rows(values_only=True) if isinstance(r[0], int)}
    assert year[SAKIP_NAME][2:7] == ("predikat", "BB", "BB", "Tercapai", "menurut urutan predikat")
    assert year[KADER_NAME][2:7] == ("orang", 15, 12, 0.8, "Tinggi")
    recap = [r for r in measured["Rekap 2021-2025"].iter_rows(values_only=True) if r[1] == SAKIP_NAME]
    assert recap[3][2:7] == (2024, "BB", "B", "Tidak tercapai", "menurut urutan predikat")
    quarters = {r[1]: r for r in measured["Triwulan 2025"].iter_rows(values_only=True) if isinstance(r[0], int)}
    assert quarters[SAKIP_NAME][2:] == ("BB", "-", "-", "-", "BB", "-", "-", "-", "BB", "Tercapai",
                                        "menurut urutan predikat")
    charts = measured["Grafik"]
    assert len(charts._charts) == 3  # the three numeric indicators
    assert charts["A3"].value == "Tanpa grafik, karena targetnya berupa predikat: 1. Nilai SAKIP Kecamatan."

    # next year's workbook carries the predicates as letters
    following = tmp_path / "realisasi_2026.xlsx"
    result = run_cli("template", following, "--year", "2026", "--from", path)
    assert result.exit_code == 0, result.output
    carried = load_workbook(following)[layout.SHEET_REALISATION]
    assert (carried["K5"].value, carried["M5"].value, carried["M6"].value) == ("B", "BB", 12)
