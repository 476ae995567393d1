"""Issue 18: the property tests of the sources, extended with dates. Whatever dates a register or a survey holds
(before 2000, 1900 and Excel's serial 60 among them, after the signing year, within the window), exactly the
cells out of reason are refused, by sheet!cell, and every other row is read as before. The fast column-wise path
and the cell-by-cell path must agree: the rows are mixed so that both run."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from iku import layout as L
from iku.errors import Problem
from iku.read.reader import RawWorkbook, Table
from iku.sources import pelayanan, skm
from iku.sources.common import FIRST_DATE

D = dt.date
SIGNED = st.dates(D(2025, 1, 15), D(2026, 12, 31))
PHANTOM = D(1900, 2, 28)  # how python-calamine reads serial 60 (29/02/1900) of a date cell
# Dates of every kind: 1900 (serial 1, serial 60), before 2000, within the period, after the signing year.
DATES = st.one_of(st.just(D(1900, 1, 1)), st.just(PHANTOM), st.dates(D(1900, 1, 1), D(1999, 12, 31)),
                  st.dates(D(2021, 1, 1), D(2026, 12, 31)), st.dates(D(2024, 12, 1), D(2025, 1, 31)),
                  st.dates(D(2027, 1, 1), D(2100, 12, 31)))
MAX_ROWS = 19  # below the cap of messages per column (20), so that every refused cell is named
SETTINGS = settings(max_examples=120, deadline=None, database=None,
                    suppress_health_check=[HealthCheck.function_scoped_fixture])


def _raw(tables: dict[str, list[list]]) -> RawWorkbook:
    """Tables as python-calamine gives them: the header in row 4, data from row 5."""
    return RawWorkbook(Path("x.xlsx"), {}, {name: Table(name, [[""], [""], [""]] + rows)
                                            for name, rows in tables.items()})


def _refused(day: dt.date, signed: dt.date) -> bool:
    return day < FIRST_DATE or day > signed


def _in_period(day: dt.date, mantup) -> bool:
    return day.year in mantup.years


@SETTINGS
@given(st.lists(st.tuples(DATES, st.one_of(st.none(), st.integers(0, 40), DATES)), min_size=1, max_size=MAX_ROWS),
       SIGNED, st.booleans())
def test_register_refuses_exactly_the_dates_out_of_reason(mantup, register, signed, odd_row):
    services = []
    for i, (received, finished) in enumerate(register):
        done = received + dt.timedelta(days=finished) if isinstance(finished, int) else finished
        services.append([f"N{i}", "Legalisasi", received, done if done is not None else ""])
    if odd_row:  # a Nomor typed as a number sends its row, and only it, down the cell-by-cell path
        services[0][0] = 7.0
    raw = _raw({L.SHEET_SERVICES: [list(pelayanan.COLUMNS)] + services,
                L.SHEET_STANDARDS: [[L.SERVICE_KIND, L.STANDARD_DAYS], ["Legalisasi", 1.0]]})
    problems: list[Problem] = []
    rows = pelayanan.read(raw, mantup, problems, [], signed=signed)
    expected = []
    kept = []
    for r, (_number, _kind, received, done) in enumerate(services, start=5):
        bad = []
        if _refused(received, signed):
            bad.append(f"C{r}")
        if done != "" and _refused(done, signed):
            bad.append(f"D{r}")
        elif done != "" and not _refused(received, signed) and done < received:
            bad.append(f"D{r}")  # before its receipt: refused as before
        expected += bad
        if not bad and _in_period(received, mantup):
            kept.append(r)
    assert sorted(p.cell for p in problems) == sorted(expected)
    assert all(p.sheet == L.SHEET_SERVICES for p in problems)
    for p in problems:
        if p.cell.startswith("C"):
            assert p.message.startswith(L.SERVICE_RECEIVED + " ")
        if "sebelum tahun 2000" in p.message and "/1900" in p.message:
            assert "angka 60 tampil 29/02/1900" in p.message
        if "sesudah tanggal penandatanganan" in p.message:
            assert f"laporan {signed:%d/%m/%Y} (lembar Identitas, Tanggal Penandatanganan)" in p.message
    assert (list(rows.rows) if rows else []) == kept
    if rows:
        assert all(FIRST_DATE.toordinal() <= day <= signed.toordinal() for day in rows.received)
        assert all(day == pelayanan.model.NOT_DONE or day <= signed.toordinal() for day in rows.finished)


@SETTINGS
@given(st.lists(DATES, min_size=1, max_size=MAX_ROWS), SIGNED, st.booleans())
def test_survey_refuses_exactly_the_dates_out_of_reason(mantup, dates, signed, odd_row):
    answers = [4.0] * 9
    survey = [[day, 1.0, *answers] for day in dates]
    if odd_row:  # an answer typed as text: its row goes down the cell-by-cell path
        survey[0][2] = "4"
    raw = _raw({L.SHEET_SKM: [list(skm.COLUMNS)] + survey})
    problems: list[Problem] = []
    responses = skm.read(raw, mantup, problems, [], signed=signed)
    refused = [f"A{r}" for r, day in enumerate(dates, start=5) if _refused(day, signed)]
    assert [p.cell for p in problems] == refused
    kept = [r for r, day in enumerate(dates, start=5) if not _refused(day, signed) and _in_period(day, mantup)]
    assert [r.row for r in responses or ()] == kept
    assert all(PHANTOM.strftime("%d/%m/%Y") + " (di Excel mungkin tampil 29/02/1900)" in p.message
               for p, day in zip(problems, [d for d in dates if _refused(d, signed)], strict=True) if day == PHANTOM)


@SETTINGS
@given(st.lists(st.tuples(st.dates(D(2024, 1, 1), D(2025, 12, 31)), st.integers(0, 30)), min_size=1,
                max_size=40))
def test_dates_within_the_window_are_all_accepted(mantup, register):
    """Received from the year before the report on, finished by the signing date (30/01/2026) or still open:
    nothing refused, nothing left out."""
    signed = D(2026, 1, 30)
    services = [[f"N{i}", "Legalisasi", received, received + dt.timedelta(days=span) if span % 3 else ""]
                for i, (received, span) in enumerate(register)]
    raw = _raw({L.SHEET_SERVICES: [list(pelayanan.COLUMNS)] + services,
                L.SHEET_STANDARDS: [[L.SERVICE_KIND, L.STANDARD_DAYS], ["Legalisasi", 1.0]]})
    problems: list[Problem] = []
    rows = pelayanan.read(raw, mantup, problems, [], signed=signed)
    assert problems == []
    assert list(rows.rows) == list(range(5, 5 + len(services)))
    survey = [[received, 1.0, *[3.0] * 9] for received, _ in register]
    responses = skm.read(_raw({L.SHEET_SKM: [list(skm.COLUMNS)] + survey}), mantup, problems, [], signed=signed)
    assert problems == [] and len(responses) == len(survey)


def test_serial_60_outside_a_date_cell_is_no_date(mantup):
    """In a cell not formatted as a date, 60 is a number: refused as no date at all."""
    raw = _raw({L.SHEET_SKM: [list(skm.COLUMNS), [60.0, 1.0, *[4.0] * 9]]})
    problems: list[Problem] = []
    assert skm.read(raw, mantup, problems, [], signed=D(2026, 1, 30)) is None
    assert [str(p) for p in problems] == ["SKM!A5: Tanggal '60' bukan tanggal; tulis seperti 12/04/2025"]
