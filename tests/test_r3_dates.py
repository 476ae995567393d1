"""Issue 18, dates within reason: every date of a data sheet lies between 1 January 2000 and the report's signing
date (a day off of Hari Libur: up to the end of the signing year), or it is refused by sheet!cell. A date of 1900
is a small number shown as a date; serial 60 is Excel's 29/02/1900, a day that never was."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from conftest import identity_row, rejected, run_cli
from source_helpers import raw_with, report_for, workbook_with

from iku import layout as L
from iku.errors import Problem
from iku.sources import konflik, pelayanan, skm

D = dt.date
SIGNED = D(2026, 1, 30)
LEGAL = "Legalisasi Dokumen"
STANDARDS = [[LEGAL, 1]]
ANSWERS = [4] * 9
SMALL = "sel ini berisi angka kecil yang tampil sebagai tanggal (angka 1 tampil 01/01/1900, angka 60 tampil " \
        "29/02/1900, tanggal yang tidak pernah ada); ketik tanggal yang benar, hari/bulan/tahun, misalnya 12/04/2025"


def messages(problems: list[Problem]) -> list[str]:
    return [str(p) for p in problems]


def read_services(tmp_path, services, signed=SIGNED, local=None, edit=None):
    sheets = {L.SHEET_SERVICES: services, L.SHEET_STANDARDS: STANDARDS}
    if local:
        sheets[L.SHEET_HOLIDAYS] = local
    raw = raw_with(tmp_path, sheets, edit=edit, name=f"p{len(list(tmp_path.iterdir()))}.xlsx")
    problems: list[Problem] = []
    warnings: list[str] = []
    rows = pelayanan.read(raw, _mantup(), problems, warnings, signed=signed)
    return rows, problems, warnings


def read_survey(tmp_path, rows, signed=SIGNED, edit=None):
    raw = raw_with(tmp_path, {L.SHEET_SKM: rows}, edit=edit, name=f"s{len(list(tmp_path.iterdir()))}.xlsx")
    problems: list[Problem] = []
    responses = skm.read(raw, _mantup(), problems, [], signed=signed)
    return responses, problems


def _mantup():
    from iku import catalogue

    return catalogue.load(catalogue.OFFICES_DIR / "mantup_2021-2026.toml")


def _serial(sheet: str, cell: str, serial: int):
    """An edit writing an Excel serial number into a date-formatted cell of the template, as Excel stores it."""
    def edit(wb):
        wb[sheet][cell].value = serial
        assert wb[sheet][cell].number_format == "DD/MM/YYYY"
    return edit


# Pelayanan.

def test_finished_after_the_signing_date_is_refused_by_the_build(tmp_path):
    """31/12/2100 used to count as a late request (exit 0); now the build stops and names the cell."""
    def sign(wb):
        wb[L.SHEET_IDENTITY].cell(row=identity_row(L.ID_DATE), column=2, value=SIGNED)

    services = [["001", LEGAL, D(2025, 6, 2), D(2025, 6, 3)], ["002", LEGAL, D(2025, 6, 2), D(2100, 12, 31)]]
    path = workbook_with(tmp_path, {L.SHEET_SERVICES: services, L.SHEET_STANDARDS: STANDARDS}, edit=sign)
    rejected(path, tmp_path, "Pelayanan!D6: Tanggal Selesai 31/12/2100 sesudah tanggal penandatanganan laporan "
             "30/01/2026 (lembar Identitas, Tanggal Penandatanganan): laporan hanya menghitung yang terjadi sampai "
             "hari itu, jadi tanggal ini salah ketik; perbaiki tanggalnya; bila layanan belum selesai pada hari itu, "
             "kosongkan selnya")
    # The same register with a completion date before the signing date passes the checks.
    fixed = workbook_with(tmp_path, {L.SHEET_SERVICES: [services[0], ["002", LEGAL, D(2025, 6, 2), D(2026, 1, 30)]],
                                     L.SHEET_STANDARDS: STANDARDS}, edit=sign, name="fixed.xlsx")
    result = run_cli("check", fixed)
    assert result.exit_code == 0, result.output


def test_finished_after_the_signing_date_is_never_read_as_unfinished(tmp_path):
    rows, problems, _ = read_services(tmp_path, [["001", LEGAL, D(2025, 6, 2), D(2100, 12, 31)],
                                                 ["002", LEGAL, D(2025, 6, 2), D(2025, 6, 3)]])
    assert [p.cell for p in problems] == ["D5"]
    assert list(rows.numbers) == ["002"]  # the refused row is not kept as a request still open


def test_pelayanan_date_of_1_january_1900_is_refused(tmp_path):
    _, problems, _ = read_services(tmp_path, [["001", LEGAL, D(2025, 6, 2), None],
                                              ["002", LEGAL, D(1900, 1, 1), None]])
    assert messages(problems) == [f"Pelayanan!C6: Tanggal Diterima 01/01/1900 sebelum tahun 2000, jadi tidak "
                                  f"mungkin benar: {SMALL}"]


def test_pelayanan_serial_60_is_refused(tmp_path):
    """Serial 60 in a date cell is Excel's 29/02/1900; python-calamine reads it as 28/02/1900."""
    _, problems, _ = read_services(tmp_path, [["001", LEGAL, D(2025, 6, 2), None]],
                                   edit=_serial(L.SHEET_SERVICES, "D5", 60))
    assert messages(problems) == [f"Pelayanan!D5: Tanggal Selesai 28/02/1900 (di Excel mungkin tampil 29/02/1900) "
                                  f"sebelum tahun 2000, jadi tidak mungkin benar: {SMALL}"]


def test_received_after_the_signing_year_is_refused(tmp_path):
    _, problems, _ = read_services(tmp_path, [["001", LEGAL, D(2027, 3, 1), None]])
    assert [(p.cell, p.message.split(" (")[0]) for p in problems] == [
        ("C5", "Tanggal Diterima 01/03/2027 sesudah tanggal penandatanganan laporan 30/01/2026")]


def test_open_request_received_the_year_before_is_still_accepted(tmp_path):
    """Received in December 2024, open at the end of 2024 and finished in January 2025 or still open: within
    the window the sheet explains (a request belongs to the year it was received in)."""
    services = [["001", LEGAL, D(2024, 12, 30), D(2025, 1, 6)], ["002", LEGAL, D(2024, 12, 31), None],
                ["003", LEGAL, D(2025, 6, 2), D(2025, 6, 3)], ["004", LEGAL, D(2026, 1, 29), D(2026, 1, 30)]]
    rows, problems, warnings = read_services(tmp_path, services)
    assert problems == [] and warnings == []
    result = pelayanan.evaluate(rows, _mantup(), report_for(2025, signed=SIGNED))
    y2024, y2025 = result.detail.year(2024), result.detail.year(2025)
    # 2024: 001 deadline 31/12/2024 (1 working day), open at the cut -> late; 002 deadline 2 January: pending
    assert (y2024.received, y2024.counted, y2024.on_time, len(y2024.pending)) == (2, 1, 0, 1)
    assert (y2025.received, y2025.counted, y2025.on_time) == (1, 1, 1)
    assert {f.year: f.value for f in result.figures} == {2024: Decimal(0), 2025: Decimal(100)}


def test_day_off_may_be_written_ahead_within_the_signing_year_only(tmp_path):
    local = [[D(2026, 5, 26), "Hari Jadi Kabupaten"], [D(2027, 5, 26), "Hari Jadi Kabupaten"]]
    _, problems, _ = read_services(tmp_path, [["001", LEGAL, D(2025, 6, 2), None]], local=local)
    assert messages(problems) == [
        "Hari Libur!A6: Tanggal 26/05/2027 sesudah tahun penandatanganan laporan (2026, lembar Identitas, Tanggal "
        "Penandatanganan); hanya hari sampai 31/12/2026 yang dapat dipakai: periksa tahunnya atau hapus barisnya"]


# SKM.

def test_skm_date_of_1_january_1900_is_refused(tmp_path):
    responses, problems = read_survey(tmp_path, [[D(2025, 2, 3), 1, *ANSWERS], [D(1900, 1, 1), 1, *[1] * 9]])
    assert messages(problems) == [f"SKM!A6: Tanggal 01/01/1900 sebelum tahun 2000, jadi tidak mungkin benar: {SMALL}"]
    assert [r.row for r in responses] == [5]


def test_a_1900_date_typed_as_text_is_refused_without_the_small_number_hint(tmp_path):
    _, problems = read_survey(tmp_path, [[D(2025, 2, 3), 1, *ANSWERS], ["01/01/1900", 1, *ANSWERS]])
    assert messages(problems) == ["SKM!A6: Tanggal 01/01/1900 sebelum tahun 2000, jadi tidak mungkin benar: ketik "
                                  "tanggal yang benar, hari/bulan/tahun, misalnya 12/04/2025"]


def test_skm_serial_60_is_refused(tmp_path):
    _, problems = read_survey(tmp_path, [[D(2025, 2, 3), 1, *ANSWERS], [D(2025, 2, 4), 1, *ANSWERS]],
                              edit=_serial(L.SHEET_SKM, "A6", 60))
    assert [p.cell for p in problems] == ["A6"]
    assert "28/02/1900 (di Excel mungkin tampil 29/02/1900) sebelum tahun 2000" in problems[0].message


def test_skm_date_after_the_signing_date_is_refused(tmp_path):
    _, problems = read_survey(tmp_path, [[D(2025, 2, 3), 1, *ANSWERS], [D(2026, 2, 1), 1, *ANSWERS]])
    assert [p.cell for p in problems] == ["A6"]
    assert problems[0].message.startswith("Tanggal 01/02/2026 sesudah tanggal penandatanganan laporan 30/01/2026")


# Konflik.

def test_conflict_handled_after_the_signing_date_is_refused(tmp_path):
    raw = raw_with(tmp_path, {L.SHEET_CONFLICTS: [[D(2025, 3, 1), "Tugu", "Sengketa", "Ya", D(2030, 1, 1)],
                                                  [D(1900, 1, 1), "Tugu", "Irigasi", "Tidak", None]]})
    problems: list[Problem] = []
    conflicts = konflik.read(raw, _mantup(), problems, [], signed=SIGNED)
    assert [p.cell for p in problems] == ["E5", "A6"]
    assert problems[0].message.endswith("perbaiki tanggalnya; bila belum tertangani pada hari itu, isi Tertangani "
                                        "Tidak dan kosongkan tanggalnya")
    assert conflicts is None  # neither row is counted: the first never as handled on the day it was reported


# The signing date itself.

def test_signing_date_of_1900_is_refused(tmp_path):
    def sign(wb):
        wb[L.SHEET_IDENTITY].cell(row=identity_row(L.ID_DATE), column=2, value=D(1900, 1, 1))

    path = workbook_with(tmp_path, {}, edit=sign)
    rejected(path, tmp_path, f"Tanggal Penandatanganan 01/01/1900 sebelum tahun 2000, jadi tidak mungkin benar: "
             f"{SMALL}")


def test_pk_date_of_1900_is_refused(tmp_path):
    def sign(wb):
        wb[L.SHEET_IDENTITY].cell(row=identity_row(L.ID_PK_DATE), column=2, value=D(1900, 2, 28))

    path = workbook_with(tmp_path, {}, edit=sign)
    rejected(path, tmp_path, f"Identitas!B{identity_row(L.ID_PK_DATE)}: Tanggal Perjanjian Kinerja 28/02/1900 "
             "(di Excel mungkin tampil 29/02/1900) sebelum tahun 2000")


def test_pk_date_far_from_its_year_is_warned(tmp_path):
    def sign(wb):
        wb[L.SHEET_IDENTITY].cell(row=identity_row(L.ID_PK_DATE), column=2, value=D(2019, 1, 6))

    path = workbook_with(tmp_path, {}, edit=sign)
    result = run_cli("check", path)
    assert "Tanggal Perjanjian Kinerja 06/01/2019 di luar 01/10/2024 sampai 31/12/2025" in \
        " ".join(result.output.split()), result.output


def test_pk_date_late_in_the_year_before_is_accepted(tmp_path):
    def sign(wb):
        wb[L.SHEET_IDENTITY].cell(row=identity_row(L.ID_PK_DATE), column=2, value=D(2024, 12, 30))

    result = run_cli("check", workbook_with(tmp_path, {}, edit=sign))
    assert "Tanggal Perjanjian Kinerja" not in result.output, result.output
