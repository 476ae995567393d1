"""Validate what only the quarterly reports use: their dates (Identitas), the quarterly targets (Triwulan)
and the spending to date of each quarter (Anggaran). All optional: an older workbook lacks the rows/columns."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from iku import formatting as fmt
from iku import layout as L
from iku import rules
from iku.check.cells import NotADate, date_value, find_header, indicator_rows, norm, number_value
from iku.errors import Problem
from iku.model import Catalogue, Indicator
from iku.read.reader import RawCell, RawWorkbook


def quarter_dates(labels: dict[str, RawCell], year: int | None, problems: list[Problem]) -> tuple[dt.date | None, ...]:
    """The date given for each quarterly report, None where the row is absent or empty."""
    dates: list[dt.date | None] = []
    for quarter, label in enumerate(L.ID_QUARTER_DATES, start=1):
        cell = labels.get(norm(label))
        date = _date(cell, label, problems) if cell is not None else None
        if date is not None and year is not None and date <= rules.quarter_end(year, quarter):
            end = rules.quarter_end(year, quarter)
            problems.append(Problem(
                f"{_phrase(label)} {fmt.date(date)} tidak sesudah akhir triwulan ({fmt.date(end)}); laporan "
                f"triwulan ditandatangani setelah triwulannya berakhir. Kosongkan untuk memakai "
                f"{fmt.date(rules.quarter_report_date(year, quarter))}", sheet=cell.sheet, cell=cell.coordinate))
            date = None
        dates.append(date)
    return tuple(dates)


def _date(cell: RawCell, label: str, problems: list[Problem]) -> dt.date | None:
    try:
        return date_value(cell)
    except NotADate as exc:
        problems.append(Problem(f"{_phrase(label)} '{exc.shown}' bukan tanggal; tulis seperti 10/07/2025 atau "
                                "10 Juli 2025, atau kosongkan", sheet=cell.sheet, cell=cell.coordinate))
        return None


def quarter_targets(raw: RawWorkbook, catalogue: Catalogue, problems: list[Problem]) -> dict[int, tuple]:
    """Indicator number -> target s.d. TW I-IV, from the optional columns 'Target TW I' ... of Triwulan."""
    header = find_header(raw, L.SHEET_QUARTERS, [])  # a missing header is reported with the realisations
    if header is None:
        return {}
    by_title = {norm(c.value): c.column for c in header if c.value is not None}
    columns = [by_title.get(norm(title)) for title in L.QUARTER_TARGETS]
    if not any(columns):
        return {}
    rows = indicator_rows(raw, L.SHEET_QUARTERS, header, catalogue, [])  # row problems: reported already
    result = {}
    for ind in catalogue.indicators:
        row = rows.get(ind.number, [])
        values = []
        for title, column in zip(L.QUARTER_TARGETS, columns, strict=True):
            cell = row[column - 1] if column and len(row) >= column else None
            values.append(_target(cell, ind, title, problems) if cell is not None else None)
        if any(v is not None for v in values):
            result[ind.number] = tuple(values)
    return result


def _target(cell: RawCell, ind: Indicator, title: str, problems: list[Problem]) -> Decimal | None:
    """The same rules as a realisation: a number in the indicator's unit and range."""
    return number_value(cell, ind, problems, _phrase(title))


def spent_to_quarter(header: list[RawCell], row: list[RawCell], ceiling: Decimal | None, money,
                     problems: list[Problem]) -> tuple[Decimal | None, ...]:
    """Realisasi s.d. TW I-IV of one budget line (cumulative), or () when the sheet has none of these columns.
    `money` reads one rupiah cell (validate_report._money)."""
    by_title = {norm(c.value): c.column for c in header if c.value is not None}
    columns = [by_title.get(norm(title)) for title in L.BUDGET_SPENT_TO_QUARTER]
    if not any(columns):
        return ()
    values: list[Decimal | None] = []
    previous: tuple[Decimal, RawCell] | None = None
    for title, column in zip(L.BUDGET_SPENT_TO_QUARTER, columns, strict=True):
        cell = row[column - 1] if column and len(row) >= column else None
        value = money(cell, _phrase(title), problems) if cell is not None else None
        if value is not None and ceiling is not None and value > ceiling:
            problems.append(Problem(f"{_phrase(title)} melebihi pagu",
                                    sheet=cell.sheet, cell=cell.coordinate))
            value = None
        if value is not None and previous is not None and value < previous[0]:
            problems.append(Problem(
                f"{_phrase(title)} lebih kecil dari triwulan sebelumnya "
                f"(sel {previous[1].coordinate}); kolom ini jumlah sejak 1 Januari, bukan realisasi triwulan itu saja",
                sheet=cell.sheet, cell=cell.coordinate))
            value = None
        if value is not None:
            previous = (value, cell)
        values.append(value)
    return tuple(values)


def _phrase(label: str) -> str:
    """'Realisasi s.d. TW II (Rp)' -> 'realisasi s.d. TW II', 'Tanggal Laporan TW I' -> 'tanggal laporan TW I'."""
    words = label.replace(" (Rp)", "").split()
    return " ".join(w.lower() if w[:1].isupper() and w[1:].islower() else w for w in words)
