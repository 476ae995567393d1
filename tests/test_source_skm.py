"""Sheet SKM: Survei Kepuasan Masyarakat -> Nilai IKM (PermenPANRB 14/2017), by hand."""

from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

import pytest
from conftest import run_cli
from hypothesis import given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from source_helpers import raw_with, report_for

from iku import layout as L
from iku import rules
from iku.errors import InputError, Problem
from iku.sources import skm
from iku.sources.common import EXCEL_EPOCH

D = dt.date
_ = None  # an unsur the respondent did not answer

# Three respondents of indicator 1 (Nilai IKM) in 2025, rows 5-7; respondent 2 left U4 blank.
SMALL = [[D(2025, 2, 3), 1, 4, 3, 3, 2, 4, 3, 4, 3, 3],
         [D(2025, 2, 4), 1, 3, 3, 4, _, 3, 4, 4, 3, 2],
         [D(2025, 5, 6), 1, 4, 2, 3, 3, 4, 4, 3, 4, 3]]


def with_weight(catalogue, weight: str = "1/9", scale: str = "14/2017"):
    return dataclasses.replace(catalogue, data=dataclasses.replace(catalogue.data, skm_weight=weight,
                                                                   skm_scale=scale))


def read(tmp_path, catalogue, rows):
    """(responses, problems, warnings) of an SKM sheet holding `rows` from row 5 on."""
    raw = raw_with(tmp_path, {L.SHEET_SKM: rows}, name=f"data{len(list(tmp_path.iterdir()))}.xlsx")
    problems: list[Problem] = []
    warnings: list[str] = []
    responses = skm.read(raw, catalogue, problems, warnings)
    return responses, problems, warnings


def evaluate(tmp_path, catalogue, rows, year=2025, signed=None, population=None):
    responses, problems, warnings = read(tmp_path, catalogue, rows)
    assert problems == [] and warnings == []
    return skm.evaluate(responses, catalogue, report_for(year, signed=signed, population=population))


def messages(problems: list[Problem]) -> list[str]:
    return [str(p) for p in problems]


# The empty sheet of the standard workbook.

def test_template_sheet(tmp_path):
    path = tmp_path / "t.xlsx"
    assert run_cli("template", path, "--year", "2025").exit_code == 0
    ws = load_workbook(path)[L.SHEET_SKM]
    header = [c.value for c in ws[L.DATA_HEADER_ROW]]
    assert header == [L.SKM_DATE, L.SKM_INDICATOR, *L.SKM_UNSUR]
    assert "Satu baris per responden" in ws["A2"].value
    assert "Biaya/Tarif" in ws["F4"].comment.text  # U4
    assert all(rules.SKM_UNSUR_NAMES[i] in ws.cell(L.DATA_HEADER_ROW, 3 + i).comment.text for i in range(9))
    assert "1 (Nilai IKM) atau 5 (IKM Internal Kecamatan)" in ws["B4"].comment.text
    first = L.DATA_HEADER_ROW + 1
    assert ws.cell(first, 1).number_format == "DD/MM/YYYY"
    assert ws.cell(first + skm.EMPTY_ROWS - 1, 11).protection.locked is False
    validations = {dv.formula1: str(dv.sqref) for dv in ws.data_validations.dataValidation}
    assert validations['"1,5"'] == f"B{first}:B{first + skm.EMPTY_ROWS - 1}"
    assert validations["1"] == f"C{first}:K{first + skm.EMPTY_ROWS - 1}"  # whole number 1-4


def test_empty_sheet_reads_as_no_data(tmp_path, mantup):
    assert read(tmp_path, mantup, []) == (None, [], [])


# The formula.

def test_small_survey_by_hand(tmp_path, mantup):
    result = evaluate(tmp_path, with_weight(mantup, "1/9"), SMALL)
    y = result.detail.year(1, 2025)
    # Sums per unsur: U1 4+3+4 = 11, U2 8, U3 10, U4 2+3 = 5 (2 answers), U5 11, U6 11, U7 11, U8 10, U9 8.
    assert y.respondents == 3 and y.answers == (3, 3, 3, 2, 3, 3, 3, 3, 3)
    third = [Decimal(n) / 3 for n in (11, 8, 10)]
    assert y.nrr[:4] == (*third, Decimal("2.5"))
    assert y.nrr[4:] == tuple(Decimal(n) / 3 for n in (11, 11, 11, 10, 8))
    # Sum of NRR = 80/3 + 5/2 = 175/6. Bobot 1/9: interval 175/54 = 3,2407...; IKM 25 x 175/54 = 4375/54 = 81,0185...
    assert y.interval == Decimal(175) / 54
    assert y.ikm == Decimal(4375) / 54
    assert (y.grade, y.grade_words) == ("B", "Baik")
    assert y.lowest == 3 and y.rows == (5, 7) and y.minimum is None
    figure = result.figures[0]
    assert (figure.indicator, figure.year, figure.value, figure.sheet) == (1, 2025, y.ikm, L.SHEET_SKM)
    assert figure.working == ("Hasil Survei Kepuasan Masyarakat 2025 (3 responden) memberikan IKM 81,02, mutu B "
                              "(Baik); unsur terendah U4 "
                              "Biaya/Tarif, NRR 2,50.")
    assert [f.indicator for f in result.figures] == [1]  # no response for indicator 5
    assert (result.detail.weight, result.detail.scale) == ("1/9", "14/2017")


def test_small_survey_with_rounded_weight(tmp_path, mantup):
    result = evaluate(tmp_path, with_weight(mantup, "0,111"), SMALL)
    y = result.detail.year(1, 2025)
    # Bobot 0,111: interval 175/6 x 0,111 = 3,2375; IKM 80,9375 -> 80,94.
    assert y.interval == Decimal("3.2375") and y.ikm == Decimal("80.9375")
    assert result.figures[0].working.startswith("Hasil Survei Kepuasan Masyarakat 2025 (3 responden) memberikan IKM "
                                                "80,94, mutu B (Baik)")
    assert result.detail.weight == "0,111"


def test_scale_16_2014(tmp_path, mantup):
    # 81,0185 is B under 14/2017 (A from 88,31) and also B under 16/2014 (A from 81,26).
    y = evaluate(tmp_path, with_weight(mantup, scale="16/2014"), SMALL).detail.year(1, 2025)
    assert (y.grade, y.grade_words) == ("B", "Baik")
    assert evaluate(tmp_path, with_weight(mantup, scale="16/2014"),
                    [[D(2025, 1, 2), 1, *[4] * 9]]).detail.year(1, 2025).grade == "A"


@pytest.mark.parametrize("ikm, scale, grade", [
    ("88.31", "14/2017", "A"), ("88.30", "14/2017", "B"), ("88.305", "14/2017", "A"),  # judged as printed
    ("76.61", "14/2017", "B"), ("76.60", "14/2017", "C"), ("65.00", "14/2017", "C"), ("64.99", "14/2017", "D"),
    ("81.26", "16/2014", "A"), ("81.25", "16/2014", "B"), ("43.75", "16/2014", "D"),
])
def test_grade_boundaries(ikm, scale, grade):
    assert rules.skm_grade(Decimal(ikm), scale)[0] == grade


@pytest.mark.parametrize("population, minimum", [(100, 80), (500, 217), (1000, 278), (5000, 357)])
def test_minimum_respondents(population, minimum):
    assert rules.min_respondents(population) == minimum


def test_too_few_respondents_is_a_warning(tmp_path, mantup):
    rows = SMALL + [[D(2024, 3, 1), 1, *[3] * 9]]
    result = evaluate(tmp_path, mantup, rows, population=500)
    assert result.detail.year(1, 2025).minimum == 217
    assert result.detail.year(1, 2024).minimum is None  # checked for the report year only
    report = report_for(2025, population=500)
    assert skm.warnings(result.detail, mantup, report) == [
        "Responden SKM tahun 2025 untuk indikator 1 Nilai IKM hanya 3, kurang dari sampel minimum 217 untuk "
        "populasi 500 penerima layanan (tabel Krejcie-Morgan); IKM tetap dihitung, tetapi belum mewakili "
        "seluruh penerima layanan."]
    without = evaluate(tmp_path, mantup, rows)
    assert without.detail.year(1, 2025).minimum is None
    assert skm.warnings(without.detail, mantup, report_for(2025)) == []


def test_enough_respondents_no_warning(tmp_path, mantup):
    result = evaluate(tmp_path, mantup, SMALL, population=3)  # 3 -> 3
    assert result.detail.year(1, 2025).minimum == 3
    assert skm.warnings(result.detail, mantup, report_for(2025, population=3)) == []


def test_years_and_indicators_apart(tmp_path, mantup):
    rows = [[D(2024, 12, 31), 1, *[1] * 9],  # 2024: its own figure, not in 2025's
            [D(2025, 1, 1), 1, *[4] * 9],
            [D(2025, 6, 1), 5, *[2] * 9],  # indicator 5
            [D(2026, 1, 2), 1, *[1] * 9]]  # after the report year: left out
    result = evaluate(tmp_path, mantup, rows)
    ev = result.detail
    assert ev.year(1, 2025).ikm == 100 and ev.year(1, 2025).respondents == 1 and ev.year(1, 2025).rows == (6, 6)
    assert ev.year(1, 2024).ikm == 25 and ev.year(1, 2024).rows == (5, 5)
    assert ev.year(5, 2025).ikm == 50 and ev.year(5, 2025).rows == (7, 7)
    assert ev.year(1, 2026) is None and ev.year(1, 2023) is None
    assert sorted((f.indicator, f.year) for f in result.figures) == [(1, 2024), (1, 2025), (5, 2025)]
    assert next(f for f in result.figures if f.year == 2024).quarters == ()  # quarters: report year only


def test_quarters_count_the_year_to_date(tmp_path, mantup):
    rows = [[D(2025, 2, 10), 1, *[4] * 9], [D(2025, 5, 10), 1, *[2] * 9]]
    result = evaluate(tmp_path, mantup, rows, signed=D(2025, 7, 15))
    # TW I: February only -> NRR 4 -> 100. TW II: both -> NRR 3 -> 75. TW III and IV not over when signed.
    assert result.figures[0].quarters == (Decimal(100), Decimal(75), None, None)
    full = evaluate(tmp_path, mantup, rows).figures[0]
    assert full.quarters == (Decimal(100), Decimal(75), Decimal(75), Decimal(75))


def test_quarter_without_every_unsur_has_no_ikm(tmp_path, mantup):
    rows = [[D(2025, 2, 10), 1, 4, 4, 4, _, 4, 4, 4, 4, 4], [D(2025, 8, 10), 1, *[2] * 9]]
    quarters = evaluate(tmp_path, mantup, rows).figures[0].quarters
    # TW I and II: U4 not answered yet. TW III: U4 NRR 2, the others (4 + 2) / 2 = 3 -> (8 x 3 + 2) / 9 x 25.
    assert quarters[:2] == (None, None)
    assert quarters[2] == quarters[3] == Decimal(26 * 25) / 9


# Cells read, cells refused.

@pytest.mark.parametrize("value, fragment", [
    (0, "U3 (Waktu Penyelesaian) '0' harus bilangan bulat 1-4"),
    (5, "U3 (Waktu Penyelesaian) '5' harus bilangan bulat 1-4"),
    (3.5, "U3 (Waktu Penyelesaian) '3,5' harus bilangan bulat 1-4"),
    ("3,5", "U3 (Waktu Penyelesaian) '3,5' harus bilangan bulat 1-4"),
    ("empat", "U3 (Waktu Penyelesaian) 'empat' bukan angka; tulis angka seperti 3"),
    (True, "U3 (Waktu Penyelesaian) berisi TRUE/FALSE, bukan angka"),
])
def test_bad_answer_names_the_cell(tmp_path, mantup, value, fragment):
    rows = SMALL[:2] + [[D(2025, 5, 6), 1, 4, 2, value, 3, 4, 4, 3, 4, 3]]
    responses, problems, _warnings = read(tmp_path, mantup, rows)
    assert messages(problems) == [f"SKM!E7: {fragment}"]
    assert [r.row for r in responses] == [5, 6]  # the row with the error is left out


def test_answer_as_text_with_a_space(tmp_path, mantup):
    responses, problems, _warnings = read(tmp_path, mantup, [[D(2025, 1, 2), 1, "4 ", "3", *[4] * 7]])
    assert problems == []
    assert responses[0].answers == (4, 3, 4, 4, 4, 4, 4, 4, 4)


@pytest.mark.parametrize("value, shown", [(2, "2"), ("7", "7"), (1.5, "1,5"), ("satu", "satu")])
def test_unknown_indicator(tmp_path, mantup, value, shown):
    _responses, problems, _warnings = read(tmp_path, mantup, [SMALL[0], [D(2025, 1, 2), value, *[4] * 9]])
    assert messages(problems) == [f"SKM!B6: Indikator '{shown}' bukan nomor indikator yang dihitung dari lembar "
                                  "SKM; isi 1 (Nilai IKM) atau 5 (IKM Internal Kecamatan)"]


def test_indicator_as_text_number(tmp_path, mantup):
    responses, problems, _warnings = read(tmp_path, mantup, [[D(2025, 1, 2), "5", *[4] * 9]])
    assert problems == [] and responses[0].indicator == 5


def test_empty_date_and_indicator(tmp_path, mantup):
    _responses, problems, _warnings = read(tmp_path, mantup, [[None, None, *[4] * 9]])
    assert messages(problems) == ["SKM!A5: Tanggal kosong", "SKM!B5: Indikator kosong"]


def test_date_that_is_no_date(tmp_path, mantup):
    _responses, problems, _warnings = read(tmp_path, mantup, [SMALL[0], ["kemarin", 1, *[4] * 9]])
    assert messages(problems) == ["SKM!A6: Tanggal 'kemarin' bukan tanggal; tulis seperti 12/04/2025 "
                                  "(hari/bulan/tahun)"]


def test_dates_as_text_serial_number_and_date_time(tmp_path, mantup):
    serial = (D(2025, 4, 12) - EXCEL_EPOCH).days  # 45759
    rows = [["12/04/2025", 1, *[4] * 9], ["12-04-2025", 1, *[4] * 9], [serial, 1, *[4] * 9],
            [dt.datetime(2025, 4, 12, 9, 30), 1, *[4] * 9]]
    responses, problems, _warnings = read(tmp_path, mantup, rows)
    assert problems == []
    assert [r.date for r in responses] == [D(2025, 4, 12)] * 4


def test_unsur_never_answered_in_a_year(tmp_path, mantup):
    rows = [[D(2025, 1, 2), 1, 4, 4, 4, _, 4, 4, 4, 4, 4], [D(2025, 3, 2), 1, 3, 3, 3, _, 3, 3, 3, 3, 3],
            [D(2024, 3, 2), 1, 3, 3, 3, 3, 3, 3, 3, 3, 3],  # 2024 is complete
            [D(2025, 3, 2), 5, 3, 3, 3, 3, 3, 3, 3, 3, 3]]  # so is indicator 5
    responses, problems, _warnings = read(tmp_path, mantup, rows)
    assert problems == []
    with pytest.raises(InputError) as caught:
        skm.evaluate(responses, mantup, report_for(2025))
    assert messages(caught.value.problems) == [
        "Lembar 'SKM': unsur U4 (Biaya/Tarif) tidak dijawab satu responden pun pada tahun 2025 untuk indikator 1 "
        "Nilai IKM; IKM tidak dapat dihitung"]
    # A 2024 report is not stopped by the survey of 2025 just begun.
    result = skm.evaluate(responses, mantup, report_for(2024))
    assert [(f.indicator, f.year, f.value) for f in result.figures] == [(1, 2024, 75)]


def test_row_without_any_answer_is_a_warning(tmp_path, mantup):
    rows = [SMALL[0], [D(2025, 2, 4), 1, *[_] * 9], SMALL[2]]
    responses, problems, warnings = read(tmp_path, mantup, rows)
    assert problems == []
    assert warnings == ["SKM!C6:K6: Tanggal dan Indikator terisi tetapi jawaban U1-U9 kosong semua; baris tidak "
                        "dihitung."]
    assert [r.row for r in responses] == [5, 7]


def test_rows_outside_the_period_are_a_warning(tmp_path, mantup):
    rows = [SMALL[0], [D(2019, 5, 1), 1, *[4] * 9], [D(2019, 6, 1), 1, *[4] * 9]]
    responses, problems, warnings = read(tmp_path, mantup, rows)
    assert problems == [] and [r.row for r in responses] == [5]
    assert warnings == ["SKM: 2 baris bertanggal tahun 2019 (baris 6 dan seterusnya) di luar periode 2021-2026; "
                        "tidak dihitung."]


def test_blank_rows_between_data_are_skipped(tmp_path, mantup):
    responses, problems, warnings = read(tmp_path, mantup, [SMALL[0], [None] * 11, ["  ", *[None] * 10], SMALL[1]])
    assert problems == [] and warnings == [] and [r.row for r in responses] == [5, 8]


def test_renamed_header(tmp_path, mantup):
    def rename(wb):
        wb[L.SHEET_SKM]["G4"] = "Unsur 5"

    raw = raw_with(tmp_path, {L.SHEET_SKM: SMALL}, edit=rename)
    problems: list[Problem] = []
    assert skm.read(raw, mantup, problems, []) is None
    assert messages(problems) == ["Lembar 'SKM': judul kolom 'U5' tidak ditemukan di baris 4 (diubah atau dihapus?)"]


# Whatever the answers, the values stay on their scales.

answer = st.one_of(st.none(), st.integers(1, 4))
respondent = st.tuples(st.integers(1, 12), *[answer] * 9)


@settings(max_examples=200, deadline=None)
@given(st.lists(respondent, min_size=1, max_size=40), st.sampled_from(["1/9", "0,111"]))
def test_ikm_stays_on_the_scale(mantup, respondents, weight):
    responses = tuple(skm.Response(5 + i, D(2025, month, 1), 1, tuple(answers))
                      for i, (month, *answers) in enumerate(respondents))
    every_unsur = all(any(r.answers[u] is not None for r in responses) for u in range(9))
    if not every_unsur:
        with pytest.raises(InputError, match="tidak dijawab satu responden pun pada tahun 2025"):
            skm.evaluate(responses, with_weight(mantup, weight), report_for(2025))
        return
    result = skm.evaluate(responses, with_weight(mantup, weight), report_for(2025))
    y = result.detail.year(1, 2025)
    low, high = (Decimal(25), Decimal(100)) if weight == "1/9" else (Decimal("24.975"), Decimal("99.9"))
    assert low <= y.ikm <= high
    assert all(Decimal(1) <= nrr <= Decimal(4) for nrr in y.nrr)
    assert y.nrr[y.lowest] == min(y.nrr)
    assert y.respondents == len(responses)
    assert all(q is None or low <= q <= high for q in result.figures[0].quarters)
    assert result.figures[0].quarters[3] == y.ikm  # the fourth quarter's year to date is the year
