"""Sheet Konflik: Persentase Konflik yang Tertangani, by hand."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest
from source_helpers import raw_with, report_for

from iku import layout as L
from iku.errors import Problem
from iku.sources import konflik

D = dt.date


def evaluate(tmp_path, mantup, rows, year=2025, signed=None):
    raw = raw_with(tmp_path, {L.SHEET_CONFLICTS: rows})
    problems: list[Problem] = []
    conflicts = konflik.read(raw, mantup, problems, [])
    assert problems == []
    return konflik.evaluate(conflicts, mantup, report_for(year, signed=signed))


def test_handled_share_of_the_year(tmp_path, mantup):
    rows = [[D(2025, 1, 5), "Tugu", "Sengketa batas", "Ya", D(2025, 1, 20)],
            [D(2025, 5, 1), "Rumpuk", "Irigasi", "Ya", None],  # handled, date not written
            [D(2025, 12, 20), "Mantup", "Ternak", "Ya", D(2026, 1, 10)],  # handled only after the year's end
            [D(2024, 3, 3), "Tugu", "Tahun lalu", "Tidak", None]]
    result = evaluate(tmp_path, mantup, rows)
    figures = {f.year: f for f in result.figures}
    # 2025: 3 reported, 2 handled by 31 December -> 2 / 3 x 100 = 66,666...%
    assert figures[2025].value == Decimal(2) / 3 * 100
    assert figures[2025].working == ("Register Penanganan Konflik Sosial Kecamatan Mantup 2025 mencatat 3 konflik "
                                     "sosial; 2 tertangani sampai akhir "
                                     "tahun (66,67%).")
    assert figures[2024].value == 0
    assert 2023 not in figures  # the register starts in 2024
    # quarters: TW I 1 of 1; TW II 2 of 2; TW III 2 of 2; TW IV 2 of 3
    assert figures[2025].quarters == (Decimal(100), Decimal(100), Decimal(100), Decimal(2) / 3 * 100)


def test_year_without_conflict_has_no_percentage(tmp_path, mantup):
    result = evaluate(tmp_path, mantup, [[D(2024, 3, 3), "Tugu", "Sengketa", "Ya", D(2024, 3, 9)]])
    figure = next(f for f in result.figures if f.year == 2025)
    assert figure.value is None and figure.note == "tidak ada konflik"
    assert figure.working == "Register Penanganan Konflik Sosial Kecamatan Mantup 2025 tidak mencatat konflik sosial."


def test_quarters_not_yet_over_are_not_reported(tmp_path, mantup):
    result = evaluate(tmp_path, mantup, [[D(2025, 1, 5), "Tugu", "Sengketa", "Ya", D(2025, 1, 9)]],
                      signed=D(2025, 7, 10))
    assert next(f for f in result.figures if f.year == 2025).quarters == (Decimal(100), Decimal(100), None, None)


@pytest.mark.parametrize("row, cell, fragment", [
    ([D(2025, 1, 5), "Tugu", "Sengketa", "Tidak", D(2025, 1, 9)], "D5", "'Tidak' tetapi Tanggal Tertangani terisi"),
    ([D(2025, 1, 5), "Atlantis", "Sengketa", "Ya", None], "B5", "desa 'Atlantis' tidak dikenal"),
    ([D(2025, 1, 5), "Tugu", "Sengketa", "Ya", D(2025, 1, 1)], "E5", "sebelum tanggal konflik 05/01/2025"),
    ([D(2025, 1, 5), "Tugu", "Sengketa", "Mungkin", None], "D5", "'Mungkin' harus Ya atau Tidak"),
    (["kemarin", "Tugu", "Sengketa", "Ya", None], "A5", "'kemarin' bukan tanggal"),
    ([D(2025, 1, 5), "Tugu", None, "Ya", None], "C5", "Uraian kosong"),
])
def test_bad_rows_name_the_cell(tmp_path, mantup, row, cell, fragment):
    raw = raw_with(tmp_path, {L.SHEET_CONFLICTS: [row]})
    problems: list[Problem] = []
    konflik.read(raw, mantup, problems, [])
    assert any(p.cell == cell and fragment in p.message for p in problems), problems


def test_dates_as_text_and_serial_numbers(tmp_path, mantup):
    rows = [["12/04/2025", "Tugu", "A", "Ya", "13-04-2025"], [45759, "Tugu", "B", "Tidak", None]]  # 45759 = 12/04/2025
    result = evaluate(tmp_path, mantup, rows)
    detail = result.detail.year(2025)
    assert [c.reported for c in detail.conflicts] == [D(2025, 4, 12), D(2025, 4, 12)]
    assert detail.conflicts[0].handled_on == D(2025, 4, 13)
