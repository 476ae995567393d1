"""Sheets Pelayanan, Standar Pelayanan and Hari Libur: Persentase Penyelenggaraan Pelayanan Publik yang Tepat
Waktu, by hand.

National days off used below (holidays package, categories public and government):
- 2025: Nyepi Saturday 29 March with cuti bersama Friday 28 March; Idul Fitri Monday 31 March and Tuesday
  1 April with cuti bersama 2, 3, 4 and 7 April; Natal Thursday 25 December with cuti bersama Friday 26 December.
- 2024: Natal Wednesday 25 December with cuti bersama Thursday 26 December. 2026: Tahun Baru Thursday 1 January.
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path

import holidays
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from openpyxl import load_workbook
from source_helpers import raw_with, report_for, workbook_with

from iku import layout as L
from iku import rules
from iku.errors import Problem
from iku.read.reader import RawWorkbook, Table
from iku.sources import pelayanan
from iku.sources.pelayanan.model import KindSummary, Request

D = dt.date
LEGAL, SKTM, WARIS = "Legalisasi Dokumen", "Surat Keterangan Tidak Mampu", "Surat Keterangan Ahli Waris"
STANDARDS = [[LEGAL, 0], [SKTM, 1], [WARIS, 3]]
LOCAL = [[D(2025, 5, 26), "Hari Jadi Kabupaten Lamongan"]]


def sheets(services, standards=None, local=None) -> dict:
    found = {L.SHEET_SERVICES: services, L.SHEET_STANDARDS: STANDARDS if standards is None else standards}
    if local:
        found[L.SHEET_HOLIDAYS] = local
    return found


def read(tmp_path, mantup, services, standards=None, local=None):
    raw = raw_with(tmp_path, sheets(services, standards, local))
    problems: list[Problem] = []
    warnings: list[str] = []
    rows = pelayanan.read(raw, mantup, problems, warnings)
    return rows, problems, warnings


def evaluate(tmp_path, mantup, services, standards=None, local=None, year=2025, signed=None):
    raw = raw_with(tmp_path, sheets(services, standards, local))
    problems: list[Problem] = []
    warnings: list[str] = []
    rows = pelayanan.read(raw, mantup, problems, warnings)
    assert problems == []
    return pelayanan.evaluate(rows, mantup, report_for(year, signed=signed)), warnings


def problems_of(tmp_path, mantup, services, standards=None, edit=None) -> tuple[list[Problem], list[str]]:
    raw = raw_with(tmp_path, sheets(services, standards), edit=edit)
    problems: list[Problem] = []
    warnings: list[str] = []
    pelayanan.read(raw, mantup, problems, warnings)
    return problems, warnings


# Working days.

def _day_off(local=()):
    national = holidays.country_holidays("ID", years=range(2024, 2027), categories=("public", "government"),
                                         language="id")
    return lambda day: day.weekday() >= 5 or day in national or day in local


@pytest.mark.parametrize("received, finished, local, days", [
    # Thursday 27 March -> Tuesday 8 April 2025: 28 March cuti Nyepi, 29-30 weekend, 31 March and 1 April Idul
    # Fitri, 2-4 April cuti, 5-6 weekend, 7 April cuti: only Tuesday 8 April is a working day.
    (D(2025, 3, 27), D(2025, 4, 8), (), 1),
    (D(2025, 2, 14), D(2025, 2, 17), (), 1),  # Friday -> Monday: the weekend does not count
    (D(2025, 6, 10), D(2025, 6, 10), (), 0),  # the same day
    (D(2025, 6, 10), D(2025, 6, 11), (), 1),
    (D(2025, 5, 23), D(2025, 5, 27), (), 2),  # Friday -> Tuesday: Monday 26 and Tuesday 27
    (D(2025, 5, 23), D(2025, 5, 27), (D(2025, 5, 26),), 1),  # Monday 26 May is a local day off
    (D(2025, 12, 24), D(2025, 12, 29), (), 1),  # 25 Natal, 26 cuti bersama, 27-28 weekend, Monday 29
])
def test_working_days_by_hand(received, finished, local, days):
    calendar = pelayanan.Calendar(2025, 2025, local)
    assert calendar.days(received, finished) == days
    assert rules.working_days(received, finished, _day_off(local)) == days


def test_calendar_agrees_with_the_reference_definition():
    local = (D(2025, 5, 26), D(2024, 8, 1))
    calendar = pelayanan.Calendar(2024, 2025, local)
    off = _day_off(local)
    for start in range(0, 720, 3):
        received = D(2024, 1, 1) + dt.timedelta(days=start)
        for span in (0, 1, 2, 5, 9, 16, 30):
            finished = received + dt.timedelta(days=span)
            if finished.year > 2025:
                continue
            assert calendar.days(received, finished) == rules.working_days(received, finished, off), (received,
                                                                                                       finished)
            assert calendar.is_day_off(finished) == off(finished)


def test_deadline_is_the_standard_th_working_day():
    calendar = pelayanan.Calendar(2025, 2025)
    assert calendar.deadline(D(2025, 3, 27), 0) == D(2025, 3, 27)
    assert calendar.deadline(D(2025, 3, 27), 1) == D(2025, 4, 8)  # across Nyepi and Lebaran
    assert calendar.deadline(D(2025, 12, 22), 3) == D(2025, 12, 29)  # 23, 24, (Natal, cuti, weekend) 29
    assert calendar.deadline(D(2025, 12, 30), 3) is None  # in 2026, beyond the calendar
    off = _day_off()
    for received in (D(2025, 1, 3), D(2025, 3, 26), D(2025, 5, 9), D(2025, 8, 15)):
        for standard in range(1, 8):
            deadline = calendar.deadline(received, standard)
            assert not off(deadline)
            assert rules.working_days(received, deadline, off) == standard


# The indicator.

REGISTER = [
    ["N1", SKTM, D(2025, 3, 27), D(2025, 4, 8)],  # 1 working day (Lebaran), standard 1: on time
    ["N2", LEGAL, D(2025, 2, 14), D(2025, 2, 17)],  # 1 working day, standard 0: late
    ["N3", LEGAL, D(2025, 6, 10), D(2025, 6, 10)],  # same day: on time
    ["N4", SKTM, D(2025, 5, 23), D(2025, 5, 27)],  # 1 working day thanks to the local day off: on time
    ["N5", WARIS, D(2025, 12, 22), None],  # deadline 29 December <= 31 December: late, counted
    ["N6", WARIS, D(2025, 12, 30), None],  # deadline in January 2026: pending, left out
    ["N7", SKTM, D(2025, 12, 30), D(2026, 1, 2)],  # deadline 31 December, finished after the cut: late
    ["N8", SKTM, D(2024, 12, 19), D(2025, 1, 2)],  # 2024's: deadline 20 December 2024, open at the cut: late
    ["N9", WARIS, D(2024, 12, 30), D(2025, 1, 6)],  # 2024's: 1 working day (31 Dec) by the cut of 3: pending
    ["N10", LEGAL, D(2026, 1, 5), D(2026, 1, 5)],  # after the report year: left out
]


def test_indicator_on_a_small_register(tmp_path, mantup):
    result, warnings = evaluate(tmp_path, mantup, REGISTER, local=LOCAL)
    assert warnings == []
    figures = {f.year: f for f in result.figures}
    assert sorted(figures) == [2024, 2025]  # no figure for 2026 (after the report year) nor for 2021-2023
    # 2025: 7 received; counted N1-N5 and N7 (6), on time N1, N3, N4 -> 3 / 6 x 100 = 50%
    f = figures[2025]
    assert (f.indicator, f.sheet, f.value) == (6, "Pelayanan", Decimal(50))
    assert f.working == ("Register Pelayanan Kecamatan Mantup 2025 mencatat 7 permohonan layanan; 3 dari 6 yang "
                         "dihitung "
                         "selesai tepat waktu (50,00%), 3 terlambat, 1 belum selesai dan masih dalam batas waktu.")
    y = result.detail.year(2025)
    assert (y.received, y.counted, y.on_time) == (7, 6, 3)
    assert y.late == (
        Request(6, "N2", LEGAL, D(2025, 2, 14), D(2025, 2, 17), 1, 0),
        Request(9, "N5", WARIS, D(2025, 12, 22), None, None, 3),
        Request(11, "N7", SKTM, D(2025, 12, 30), D(2026, 1, 2), None, 1),
    )
    assert y.pending == (Request(10, "N6", WARIS, D(2025, 12, 30), None, None, 3),)
    assert y.kinds == (
        KindSummary(LEGAL, 0, counted=2, on_time=1, late=1, mean_days=Decimal("0.5"), pending=0),  # days 1 and 0
        KindSummary(SKTM, 1, counted=3, on_time=2, late=1, mean_days=Decimal(1), pending=0),  # N1, N4: 1 each
        KindSummary(WARIS, 3, counted=1, on_time=0, late=1, mean_days=None, pending=1),
    )
    # 2024: N8 late (counted), N9 pending -> 0 / 1
    assert figures[2024].value == 0
    y = result.detail.year(2024)
    assert (y.received, y.counted, y.on_time, [r.number for r in y.late], [r.number for r in y.pending]) == (
        2, 1, 0, ["N8"], ["N9"])
    assert figures[2024].quarters == ()
    assert result.detail.local_days == ((D(2025, 5, 26), "Hari Jadi Kabupaten Lamongan"),)


def test_quarters_are_cut_at_each_quarter_end(tmp_path, mantup):
    result, _ = evaluate(tmp_path, mantup, REGISTER, local=LOCAL)
    # TW I (31 March): N1 open, deadline 8 April -> pending; N2 late -> 0 / 1.
    # TW II and TW III: N1, N3, N4 on time, N2 late -> 3 / 4. TW IV: the year, 3 / 6.
    assert next(f for f in result.figures if f.year == 2025).quarters == (
        Decimal(0), Decimal(75), Decimal(75), Decimal(50))


def test_quarters_not_yet_over_are_not_reported(tmp_path, mantup):
    result, _ = evaluate(tmp_path, mantup, REGISTER, local=LOCAL, signed=D(2025, 7, 10))
    assert next(f for f in result.figures if f.year == 2025).quarters == (Decimal(0), Decimal(75), None, None)


def test_without_the_local_day_off_the_request_is_late(tmp_path, mantup):
    result, _ = evaluate(tmp_path, mantup, [["N4", SKTM, D(2025, 5, 23), D(2025, 5, 27)]])
    assert result.figures[0].value == 0
    assert result.detail.year(2025).late[0].days == 2


def test_nothing_counted_yet_has_no_value(tmp_path, mantup):
    result, _ = evaluate(tmp_path, mantup, [["N6", WARIS, D(2025, 12, 30), None]])
    figure = result.figures[0]
    assert figure.value is None and figure.note
    assert figure.working == ("Register Pelayanan Kecamatan Mantup 2025 mencatat 1 permohonan layanan; belum ada "
                              "yang dapat "
                              "dihitung: semuanya belum selesai dan masih dalam batas waktu.")


def test_thousands_in_the_working_sentence(tmp_path, mantup):
    rows = [[f"{i:04d}", LEGAL, D(2025, 3, 3), D(2025, 3, 3 if i % 10 else 4)] for i in range(1200)]
    result, _ = evaluate(tmp_path, mantup, rows)
    # 1.080 of 1.200 on time (every tenth took a day against a standard of 0)
    assert result.figures[0].working == ("Register Pelayanan Kecamatan Mantup 2025 mencatat 1.200 permohonan "
                                         "layanan; 1.080 "
                                         "dari 1.200 yang dihitung selesai tepat waktu (90,00%), 120 terlambat.")


def test_rows_outside_the_period_are_left_out_with_a_warning(tmp_path, mantup):
    rows, problems, warnings = read(tmp_path, mantup, [["A", LEGAL, D(2019, 5, 2), D(2019, 5, 2)],
                                               ["B", LEGAL, D(2025, 5, 2), D(2025, 5, 2)]])
    assert problems == [] and len(rows) == 1
    assert warnings == ["Pelayanan: 1 permohonan diterima tahun 2019 (sel C5) di luar periode 2021-2026; tidak "
                        "dihitung."]


def test_kind_matching_ignores_case_and_spaces(tmp_path, mantup):
    result, _ = evaluate(tmp_path, mantup, [["A", "  surat keterangan   TIDAK mampu ", D(2025, 2, 3), None]],
                         signed=D(2026, 1, 30))
    assert result.detail.year(2025).late[0].kind == SKTM


def test_empty_register_gives_nothing(tmp_path, mantup):
    rows, problems, _ = read(tmp_path, mantup, [], standards=[])
    assert rows is None and problems == []


# The template.

def test_template_sheets(tmp_path, mantup):
    wb = load_workbook(workbook_with(tmp_path, {}))
    ws = wb[L.SHEET_SERVICES]
    assert [ws.cell(row=L.DATA_HEADER_ROW, column=c).value for c in range(1, 5)] == list(pelayanan.COLUMNS)
    assert ws["C5"].number_format == "DD/MM/YYYY" and ws["D5"].number_format == "DD/MM/YYYY"
    (kinds,) = ws.data_validations.dataValidation
    assert kinds.type == "list" and kinds.formula1 == "'Standar Pelayanan'!$A$5:$A$60"
    assert not kinds.showErrorMessage and "B5" in kinds
    standards = wb[L.SHEET_STANDARDS]
    assert [standards.cell(row=4, column=c).value for c in (1, 2)] == [L.SERVICE_KIND, L.STANDARD_DAYS]
    assert all(standards.cell(row=r, column=c).value is None for r in range(5, 61) for c in (1, 2))  # no standards
    holiday = wb[L.SHEET_HOLIDAYS]
    assert [holiday.cell(row=4, column=c).value for c in (1, 2)] == [L.HOLIDAY_DATE, L.HOLIDAY_NAME]


# Bad input: every message names its cell.

@pytest.mark.parametrize("row, cell, fragment", [  # the bad row is the second of the register: row 6
    (["A", "Surat Pindah", D(2025, 3, 5), None], "B6",
     f"Jenis Layanan 'Surat Pindah' tidak ada di lembar Standar Pelayanan, jadi standar waktunya tidak diketahui; "
     f"jenis yang ada: {LEGAL}, {SKTM}, {WARIS}"),
    (["A", LEGAL, D(2025, 3, 5), D(2025, 3, 1)], "D6",
     "Tanggal Selesai 01/03/2025 sebelum Tanggal Diterima 05/03/2025"),
    (["A", LEGAL, "kemarin", None], "C6", "Tanggal Diterima 'kemarin' bukan tanggal; tulis seperti 12/04/2025"),
    (["A", LEGAL, D(2025, 3, 5), "31/02/2025"], "D6", "Tanggal Selesai '31/02/2025' bukan tanggal"),
    (["A", LEGAL, D(2025, 3, 5), "2025/13/01"], "D6", "Tanggal Selesai '2025/13/01' bukan tanggal"),
    (["A", LEGAL, None, D(2025, 3, 5)], "C6", "Tanggal Diterima kosong"),
    ([None, LEGAL, D(2025, 3, 5), None], "A6", "Nomor kosong"),
    (["A", None, D(2025, 3, 5), None], "B6", "Jenis Layanan kosong"),
])
def test_bad_rows_name_the_cell(tmp_path, mantup, row, cell, fragment):
    problems, _ = problems_of(tmp_path, mantup, [["OK", LEGAL, D(2025, 1, 6), None], row])
    assert len(problems) == 1
    assert (problems[0].sheet, problems[0].cell) == ("Pelayanan", cell)
    assert fragment in problems[0].message, problems[0].message


def test_duplicated_number_is_a_warning(tmp_path, mantup):
    problems, warnings = problems_of(tmp_path, mantup, [["001", LEGAL, D(2025, 3, 5), None],
                                                        ["002", LEGAL, D(2025, 3, 5), None],
                                                        ["001", SKTM, D(2025, 3, 6), None]])
    assert problems == []
    assert warnings == ["Pelayanan!A7: Nomor '001' sama dengan Pelayanan!A5; periksa apakah permohonan yang sama "
                        "tercatat dua kali (keduanya tetap dihitung)."]


@pytest.mark.parametrize("standards, cell, fragment", [
    ([[LEGAL, 2.5]], "B5", "Waktu Penyelesaian (hari kerja) '2,5' harus bilangan bulat 0-365"),
    ([[LEGAL, "dua hari"]], "B5", "Waktu Penyelesaian (hari kerja) 'dua hari' bukan angka"),
    ([[LEGAL, 400]], "B5", "harus bilangan bulat 0-365"),
    ([[LEGAL, None]], "B5", "Waktu Penyelesaian (hari kerja) kosong"),
    ([[LEGAL, 1], [SKTM, 1], ["legalisasi  dokumen", 2]], "A7",
     "Jenis Layanan 'legalisasi dokumen' tercantum dua kali (juga di Standar Pelayanan!A5)"),
])
def test_bad_standards_name_the_cell(tmp_path, mantup, standards, cell, fragment):
    problems, _ = problems_of(tmp_path, mantup, [["A", LEGAL, D(2025, 3, 5), None]], standards)
    assert any(p.sheet == "Standar Pelayanan" and p.cell == cell and fragment in p.message for p in problems), \
        problems


def test_a_kind_with_a_bad_standard_is_not_reported_again_in_the_register(tmp_path, mantup):
    problems, _ = problems_of(tmp_path, mantup, [["A", LEGAL, D(2025, 3, 5), None]], [[LEGAL, "x"], [SKTM, 1]])
    assert [p.cell for p in problems] == ["B5"]


def test_register_without_standards(tmp_path, mantup):
    problems, _ = problems_of(tmp_path, mantup, [["A", LEGAL, D(2025, 3, 5), None]] * 30, standards=[])
    assert len(problems) == 1
    assert problems[0].sheet == "Standar Pelayanan" and "kosong" in problems[0].message
    assert "Pelayanan berisi permohonan" in problems[0].message


def test_register_without_the_standards_sheet(tmp_path, mantup):
    problems, _ = problems_of(tmp_path, mantup, [["A", LEGAL, D(2025, 3, 5), None]], standards=[],
                              edit=lambda wb: wb.remove(wb[L.SHEET_STANDARDS]))
    assert len(problems) == 1
    assert problems[0].sheet == "Standar Pelayanan" and "tidak ada" in problems[0].message


def test_dates_as_text_and_serial_numbers_are_accepted(tmp_path, mantup):
    rows = [["A", LEGAL, "12/04/2025", "12-04-2025"],
            ["B", LEGAL, 45759, "14/04/2025"],  # 45759 = 12/04/2025
            [7, LEGAL, dt.datetime(2025, 4, 12, 10, 30), D(2025, 4, 12)]]  # a number as Nomor, a time of day
    result, _ = evaluate(tmp_path, mantup, rows)
    y = result.detail.year(2025)
    # A and C same day (on time); B: 12 April is a Saturday, 14 April a Monday -> 1 working day > 0: late
    assert (y.counted, y.on_time) == (3, 2)
    assert y.late == (Request(6, "B", LEGAL, D(2025, 4, 12), D(2025, 4, 14), 1, 0),)


def test_many_bad_rows_are_capped_per_column(tmp_path, mantup):
    problems, _ = problems_of(tmp_path, mantup, [["A", "Surat Pindah", D(2025, 3, 5), None]] * 60)
    assert len(problems) == 20


# Properties over generated registers.

KINDS = [("Legalisasi", 0), ("SKTM", 1), ("Waris", 3), ("Izin", 5)]
# Mostly in the weeks before a cut, where late and pending part ways.
received_dates = st.one_of(st.dates(D(2024, 1, 1), D(2026, 6, 30)),
                           *[st.dates(end - dt.timedelta(days=12), end) for end in
                             (D(2024, 12, 31), D(2025, 3, 31), D(2025, 6, 30), D(2025, 9, 30), D(2025, 12, 31))])
# Days from receipt to completion; None: not finished; -1: finished on 31 December, the cut itself.
request = st.tuples(st.integers(0, len(KINDS) - 1), received_dates,
                    st.one_of(st.none(), st.integers(0, 12), st.just(-1)))


def _finished(received: dt.date, span: int | None) -> dt.date | None:
    if span == -1:
        return D(received.year, 12, 31)
    return None if span is None else received + dt.timedelta(days=span)


def _table(name: str, rows: list[list]) -> Table:
    header = [[""], [""], [""]]
    return Table(name, header + rows)


def _reference(received, finished, standard, cut, off) -> str:
    """Slow and independent: walk day by day to the deadline."""
    if finished is not None and finished <= cut:
        return "on time" if rules.working_days(received, finished, off) <= standard else "late"
    deadline, count = received, 0
    while count < standard:
        deadline += dt.timedelta(days=1)
        count += not off(deadline)
    return "late" if deadline <= cut else "pending"


@settings(max_examples=80, deadline=None, database=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(request, min_size=1, max_size=40), st.lists(st.dates(D(2024, 1, 1), D(2025, 12, 31)), max_size=3))
def test_properties_of_generated_registers(mantup, register, local):
    services = [[f"{i}", KINDS[k][0], received, _finished(received, span) or ""]
                for i, (k, received, span) in enumerate(register)]
    tables = {L.SHEET_SERVICES: _table(L.SHEET_SERVICES, [list(pelayanan.COLUMNS)] + services),
              L.SHEET_STANDARDS: _table(L.SHEET_STANDARDS, [[L.SERVICE_KIND, L.STANDARD_DAYS]]
                                        + [[k, float(s)] for k, s in KINDS]),
              L.SHEET_HOLIDAYS: _table(L.SHEET_HOLIDAYS, [[L.HOLIDAY_DATE, L.HOLIDAY_NAME]]
                                       + [[day, "libur"] for day in local])}
    problems: list[Problem] = []
    rows = pelayanan.read(RawWorkbook(Path("x.xlsx"), {}, tables), mantup, problems, [])
    assert problems == []
    result = pelayanan.evaluate(rows, mantup, report_for(2025))
    off = _day_off(set(local))
    standards = dict(KINDS)
    for y in result.detail.years:
        assert y.year <= 2025
        assert 0 <= y.on_time <= y.counted
        assert y.counted + len(y.pending) == y.received
        assert y.value is None if y.counted == 0 else Decimal(0) <= y.value <= Decimal(100)
        assert sum(k.counted for k in y.kinds) == y.counted and sum(k.on_time for k in y.kinds) == y.on_time
        assert sum(k.late for k in y.kinds) == len(y.late) == y.counted - y.on_time
        mine = [(k, received, _finished(received, span)) for k, received, span in register
                if received.year == y.year]
        assert y.received == len(mine)
        outcome = [_reference(received, finished, KINDS[k][1], D(y.year, 12, 31), off)
                   for k, received, finished in mine]
        assert y.on_time == outcome.count("on time") and len(y.pending) == outcome.count("pending")
        for r in y.late + y.pending:
            assert r.standard == standards[r.kind]
            assert r.days is None or r.days == rules.working_days(r.received, r.finished, off)
    assert {y.year for y in result.detail.years} == {received.year for _, received, _ in register
                                                     if received.year <= 2025}
    figure = next((f for f in result.figures if f.year == 2025), None)
    for quarter, end in enumerate((D(2025, 3, 31), D(2025, 6, 30), D(2025, 9, 30), D(2025, 12, 31))):
        outcome = [_reference(received, _finished(received, span), KINDS[k][1], end, off)
                   for k, received, span in register if D(2025, 1, 1) <= received <= end]
        counted = outcome.count("on time") + outcome.count("late")
        expected = Decimal(outcome.count("on time")) / counted * 100 if counted else None
        assert (figure.quarters[quarter] if figure else None) == expected
