"""Copy the sheets that outlive their year (Narasi, Struktur, Pegawai, Sarana, Standar Pelayanan, Status Desa,
SAKIP) from last year's workbook into the new one, by column title, values only.

Rows the new template names itself (a village, a SAKIP component, a narrative part) take the old row of the same
name; the other old rows fill the new sheet's empty rows in order. A column titled with a year from the new report
year on is left empty: that year is the new workbook's to fill. Nothing is evaluated: text stays text."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from openpyxl.worksheet.worksheet import Worksheet

from iku import layout as L
from iku.check.cells import norm
from iku.xlsx_style import put_text

CARRIED = (L.SHEET_NARRATIVE, L.SHEET_STRUCTURE, L.SHEET_STAFF, L.SHEET_FACILITIES, L.SHEET_STANDARDS,
           L.SHEET_VILLAGES, L.SHEET_SAKIP)
# Carried data sheets whose years the new workbook computes again: a realisation they gave is not typed twice
# (across a period change the new period's own base year may give another figure, e.g. Desa Naik Kelas).
RECOMPUTED = (L.SHEET_VILLAGES, L.SHEET_SAKIP)
# Sheets of one year: their data stay with it (what they computed is carried as realisations on Realisasi).
LEFT_OUT = {
    L.SHEET_SKM: "jawaban survei tahunnya sendiri",
    L.SHEET_SERVICES: "register tahunnya sendiri",
    L.SHEET_CONFLICTS: "register tahunnya sendiri",
    L.SHEET_EMPOWERMENT: "data kegiatan tahunnya sendiri",
    L.SHEET_AFFAIRS: "data urusan tahunnya sendiri",
    L.SHEET_QUARTERS: "realisasi triwulan tahun laporan",
    L.SHEET_ANALYSIS: "analisis tahun laporan",
    L.SHEET_BUDGET: "anggaran tahun laporan",
    L.SHEET_HOLIDAYS: "hari libur tahunnya sendiri",
}
HEADER_ROWS = 15
_YEAR = re.compile(r"\b(\d{4})\b")


@dataclass(frozen=True)
class SheetCarry:
    sheet: str
    rows: int  # rows with at least one value carried
    years_left: tuple[int, ...]  # year columns left empty for the new year
    not_placed: int  # old rows with no row free in the new sheet


def _header_row(ws: Worksheet, first_title: str) -> int | None:
    for row in ws.iter_rows(min_row=1, max_row=HEADER_ROWS, max_col=1):
        if row and norm(row[0].value) == norm(first_title):
            return row[0].row
    return None


def _has_value(value: object) -> bool:
    return value is not None and not (isinstance(value, str) and not value.strip())


def _put(cell, value: object) -> None:
    if isinstance(value, str):
        put_text(cell, value)
    elif isinstance(value, (int, float, dt.date, dt.datetime, bool)):
        cell.value = value


def copy_sheet(old: Worksheet, new: Worksheet, report_year: int) -> SheetCarry | None:
    new_header = _header_row(new, str(new.cell(row=L.DATA_HEADER_ROW, column=1).value or ""))
    first_title = new.cell(row=new_header or L.DATA_HEADER_ROW, column=1).value
    old_header = _header_row(old, str(first_title or ""))
    if new_header is None or old_header is None:
        return None
    old_columns = {norm(c.value): c.column for c in old[old_header] if _has_value(c.value)}
    columns, later = [], set()
    for cell in new[new_header]:
        key = norm(cell.value)
        years = [int(y) for y in _YEAR.findall(str(cell.value or ""))]
        if any(y >= report_year for y in years):
            later.update(y for y in years if y >= report_year)
            continue
        if key and key in old_columns:
            columns.append((old_columns[key], cell.column))
    named = {norm(new.cell(row=r, column=1).value): r for r in range(new_header + 1, new.max_row + 1)
             if _has_value(new.cell(row=r, column=1).value)}
    free = [r for r in range(new_header + 1, new.max_row + 1)
            if not _has_value(new.cell(row=r, column=1).value) and not new.cell(row=r, column=1).protection.locked]
    carried = not_placed = 0
    for row in range(old_header + 1, old.max_row + 1):
        values = [(new_col, old.cell(row=row, column=old_col).value) for old_col, new_col in columns]
        if not any(_has_value(v) for _, v in values):
            continue
        key = norm(old.cell(row=row, column=1).value)
        target = named.pop(key, None) if key else None
        if target is None:
            if not free:
                not_placed += 1
                continue
            target = free.pop(0)
        for new_col, value in values:
            cell = new.cell(row=target, column=new_col)
            if _has_value(value) and not (cell.protection.locked and _has_value(cell.value)):
                _put(cell, value)
        carried += 1
    return SheetCarry(new.title, carried, tuple(sorted(later)), not_placed)
