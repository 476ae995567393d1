"""Copy the sheets that outlive their year (Narasi, Struktur, Pegawai, Sarana, Standar Pelayanan, Status Desa,
SAKIP, the open recommendations of Tindak Lanjut) from last year's workbook into the new one, by column title,
values only.

Rows the new template names itself (a village, a SAKIP component with its regulation, a narrative part) take the
old row of the same name; the other old rows fill the new sheet's empty rows in order. A column titled with a year
from the new report year on is left empty: that year is the new workbook's to fill. Nothing is evaluated: text
stays text."""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass

from openpyxl.worksheet.worksheet import Worksheet

from iku import layout as L
from iku.check.cells import norm
from iku.xlsx_style import put_text

CARRIED = (L.SHEET_NARRATIVE, L.SHEET_STRUCTURE, L.SHEET_STAFF, L.SHEET_FACILITIES, L.SHEET_STANDARDS,
           L.SHEET_VILLAGES, L.SHEET_SAKIP, L.SHEET_FOLLOW_UP)  # Tindak Lanjut: its unfinished rows only
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
# Sheets whose template rows are named by more than their first column: a SAKIP component by its regulation too
# (both evaluation schemes list "Perencanaan Kinerja").
ROW_KEYS = {L.SHEET_SAKIP: (L.SAKIP_REGULATION,)}
HEADER_ROWS = 15
MAX_ROWS = 20_000  # rows read from an old sheet: far beyond any list of villages, staff or standards
_YEAR = re.compile(r"\b(\d{4})\b")


@dataclass(frozen=True)
class SheetCarry:
    sheet: str
    rows: int  # rows with at least one value carried
    years_left: tuple[int, ...]  # year columns left empty for the new year
    not_placed: int  # old rows with no row free in the new sheet


def _header_row(rows: list[tuple], first_title: str) -> int | None:
    """0-based index of the header row: the row whose first cell is the sheet's first column title."""
    for index, row in enumerate(rows[:HEADER_ROWS]):
        if row and norm(row[0]) == norm(first_title):
            return index
    return None


def _has_value(value: object) -> bool:
    return value is not None and not (isinstance(value, str) and not value.strip())


def _put(cell, value: object) -> None:
    if isinstance(value, str):
        put_text(cell, value)
    elif isinstance(value, (int, float, dt.date, dt.datetime, bool)):
        cell.value = value


def read_rows(ws, limit: int = MAX_ROWS) -> list[tuple]:
    """The values of an old sheet (read-only, streamed), at most `limit` rows."""
    return [row for _, row in zip(range(limit), ws.iter_rows(values_only=True), strict=False)]


def copy_sheet(old_rows: list[tuple], new: Worksheet, report_year: int) -> SheetCarry | None:
    new_values = [tuple(c.value for c in row) for row in new.iter_rows(min_row=1, max_row=HEADER_ROWS)]
    first_title = str(new.cell(row=L.DATA_HEADER_ROW, column=1).value or "")
    new_header = _header_row(new_values, first_title)
    old_header = _header_row(old_rows, first_title)
    if new_header is None or old_header is None:
        return None
    new_header += 1  # a worksheet row number
    old_columns = {norm(v): i for i, v in enumerate(old_rows[old_header]) if _has_value(v)}
    columns, later = [], set()
    for cell in new[new_header]:
        key = norm(cell.value)
        years = [int(y) for y in _YEAR.findall(str(cell.value or ""))]
        if any(y >= report_year for y in years):
            later.update(y for y in years if y >= report_year)
            continue
        if key and key in old_columns:
            columns.append((old_columns[key], cell.column))
    data = [row for row in old_rows[old_header + 1:]
            if any(_has_value(row[i]) for i, _ in columns if i < len(row))]
    body = range(new_header + 1, new.max_row + 1)
    # Rows the template names and locks (a village of the catalogue, a narrative part, the SAKIP total) take the
    # old row of that name; a name the template only suggests (an editable row) gives way to the old sheet's own list.
    keys = [norm(title) for title in ROW_KEYS.get(new.title, ())]
    new_keys = [next((c.column for c in new[new_header] if norm(c.value) == key), None) for key in keys]
    old_keys = [old_columns.get(key) for key in keys]

    def new_key(r: int) -> tuple[str, ...]:
        return (norm(new.cell(row=r, column=1).value),
                *(norm(new.cell(row=r, column=c).value) if c else "" for c in new_keys))

    def old_key(row: tuple) -> tuple[str, ...]:
        return (norm(row[0]) if row else "", *(norm(row[i]) if i is not None and i < len(row) else ""
                                               for i in old_keys))

    named = {new_key(r): r for r in body
             if _has_value(new.cell(row=r, column=1).value) and new.cell(row=r, column=1).protection.locked}
    free = [r for r in body if not new.cell(row=r, column=1).protection.locked]
    if data:
        for r in free:
            for _, new_col in columns:
                if not new.cell(row=r, column=new_col).protection.locked:
                    new.cell(row=r, column=new_col).value = None
    carried = not_placed = 0
    for row in data:
        key = old_key(row)
        target = named.pop(key, None) if key[0] else None
        if target is None:
            if not free:
                not_placed += 1
                continue
            target = free.pop(0)
        written = False
        for old_col, new_col in columns:
            value = row[old_col] if old_col < len(row) else None
            cell = new.cell(row=target, column=new_col)
            if _has_value(value) and not cell.protection.locked:
                _put(cell, value)
                written = True
        carried += written
    return SheetCarry(new.title, carried, tuple(sorted(later)), not_placed)
