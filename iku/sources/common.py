"""Reading the rows of a data sheet: its header, dates, Ya/Tidak, whole numbers, text. Every problem names
its sheet and cell; nothing here judges what the figures mean (each source module does)."""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterator
from decimal import Decimal

from openpyxl.styles import Protection
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from iku import layout as L
from iku.check.cells import NotANumber, norm, parse_date_text, parse_number_text
from iku.errors import Problem
from iku.read.cell_values import clean_text
from iku.read.reader import Table
from iku.xlsx_style import BOLD, BORDER, INPUT_FILL, header, put_text

EXCEL_EPOCH = dt.date(1899, 12, 30)  # serial 1 = 1 January 1900 in Excel's (Lotus-compatible) count
FIRST_SERIAL, LAST_SERIAL = 36526, 73051  # 1 January 2000 .. 31 December 2099: anything else is no date here
MAX_MESSAGES_PER_COLUMN = 20  # one slip copied down a column should not bury the other messages
# Dates within reason, one rule for every data sheet (date_refusal). No register the tool reads goes back before
# 2000: a date of 1900 is a small number shown as a date (1 = 01/01/1900, and 60 = Excel's 29/02/1900, a day
# that never was, which python-calamine reads as 28/02/1900). Nothing is recorded after the report was signed:
# its figures count what happened up to that day (the quarters too), so a later day is a typing slip.
FIRST_DATE = dt.date(2000, 1, 1)
_PHANTOM = dt.date(1900, 2, 28)  # serial 59, or serial 60 (29/02/1900) as python-calamine reads it


def coordinate(row: int, column: int) -> str:
    return f"{get_column_letter(column)}{row}"


class Sheet:
    """One data sheet: finds its header row, maps header labels to columns, reads typed cells."""

    def __init__(self, table: Table, problems: list[Problem], signed: dt.date | None = None) -> None:
        self.table = table
        self.name = table.name
        self.problems = problems
        self.signed = signed  # the report's signing date (Identitas); None: only the dates before 2000 are refused
        self.header_row = 0
        self.columns: dict[str, int] = {}  # normalised header label -> column (1-based)
        self._counts: dict[int, int] = {}

    def find_header(self, required: tuple[str, ...]) -> bool:
        """Locate the row holding the first required label; every required label must be in it."""
        first = norm(required[0])
        for r, row in enumerate(self.table.rows[: L.HEADER_SEARCH_ROWS], start=1):
            labels = [norm(v) if isinstance(v, str) else "" for v in row]
            if first in labels:
                self.header_row = r
                for c, label in enumerate(labels, start=1):
                    if label and label not in self.columns:
                        self.columns[label] = c
                break
        if not self.header_row:
            self.fail(f"judul kolom '{required[0]}' tidak ditemukan di {L.HEADER_SEARCH_ROWS} baris pertama "
                      "(diubah atau dihapus?)")
            return False
        missing = [label for label in required if norm(label) not in self.columns]
        for label in missing:
            self.fail(f"judul kolom '{label}' tidak ditemukan di baris {self.header_row} (diubah atau dihapus?)")
        return not missing

    def column(self, label: str) -> int | None:
        return self.columns.get(norm(label))

    def year_columns(self, prefix: str, years: range) -> dict[int, int]:
        """Columns titled '<prefix> <year>' for the years given: year -> column."""
        found = {}
        pattern = re.compile(rf"^{re.escape(norm(prefix))} (\d{{4}})$")
        for label, column in self.columns.items():
            match = pattern.match(label)
            if match and int(match.group(1)) in years:
                found[int(match.group(1))] = column
        return found

    def data_rows(self) -> Iterator[tuple[int, list[object]]]:
        """(sheet row number, values) of every row below the header that holds anything."""
        for r, row in enumerate(self.table.rows[self.header_row:], start=self.header_row + 1):
            if any(not blank(v) for v in row):
                yield r, row

    def raw(self, row: list[object], column: int | None) -> object:
        if column is None or column - 1 >= len(row):
            return ""
        return row[column - 1]

    def fail(self, message: str, row: int | None = None, column: int | None = None) -> None:
        if row is None or column is None:
            self.problems.append(Problem(message, sheet=self.name))
            return
        count = self._counts.get(column, 0) + 1
        self._counts[column] = count
        if count > MAX_MESSAGES_PER_COLUMN:
            return
        if count == MAX_MESSAGES_PER_COLUMN:
            message += f" (kolom {get_column_letter(column)} masih punya kesalahan lain; perbaiki yang ini dulu)"
        self.problems.append(Problem(message, sheet=self.name, cell=coordinate(row, column)))

    def empty(self, row: int, column: int, label: str) -> None:
        """An empty required cell; a merged cell is the usual cause when the row is otherwise filled."""
        merged = self.table.merged_at(row, column)
        hint = f" (sel gabungan {merged}: pisahkan gabungannya dan isi setiap baris)" if merged else ""
        self.fail(f"{label} kosong{hint}", row, column)

    # Typed cells. Each returns None after recording a problem, or when the cell is empty and optional.

    def date(self, row: int, values: list[object], label: str, required: bool = True, ahead: bool = False,
             later: str = "") -> dt.date | None:
        """A date within reason (date_refusal); `ahead`: a day that may be planned ahead, in the signing year;
        `later`: what to do with a date after the signing date, added to the message."""
        column = self.column(label)
        value = self.raw(values, column)
        if blank(value):
            if required and column is not None:
                self.empty(row, column, label)
            return None
        try:
            day = to_date(value)
        except ValueError as exc:
            self.fail(f"{label} {exc}", row, column)
            return None
        refused = date_refusal(day, self.signed, ahead, stored=isinstance(value, dt.date))
        if refused:
            self.fail(f"{label} {refused}{later if day >= FIRST_DATE else ''}", row, column)
            return None
        return day

    def yes_no(self, row: int, values: list[object], column: int | None, label: str,
               required: bool = True) -> bool | None:
        value = self.raw(values, column)
        if blank(value):
            if required and column is not None:
                self.empty(row, column, label)
            return None
        if isinstance(value, str) and norm(value) in (norm(L.YES), norm(L.NO)):
            return norm(value) == norm(L.YES)
        self.fail(f"{label} '{shown(value)}' harus {L.YES} atau {L.NO}", row, column)
        return None

    def whole(self, row: int, values: list[object], column: int | None, label: str, low: int, high: int,
              required: bool = True) -> int | None:
        """A whole number from low to high; text such as '4 ' is read, 'empat' or 4,5 is an error."""
        value = self.raw(values, column)
        if blank(value):
            if required and column is not None:
                self.empty(row, column, label)
            return None
        number = self._number(row, column, value, label)
        if number is None:
            return None
        if number != number.to_integral_value() or not low <= number <= high:
            self.fail(f"{label} '{shown(value)}' harus bilangan bulat {low}-{high}", row, column)
            return None
        return int(number)

    def decimal(self, row: int, values: list[object], column: int | None, label: str, low: Decimal,
                high: Decimal, required: bool = False) -> Decimal | None:
        value = self.raw(values, column)
        if blank(value):
            if required and column is not None:
                self.empty(row, column, label)
            return None
        number = self._number(row, column, value, label)
        if number is not None and not low <= number <= high:
            self.fail(f"{label} '{shown(value)}' di luar rentang {_plain(low)}-{_plain(high)}", row, column)
            return None
        return number

    def text(self, row: int, values: list[object], column: int | None, label: str, required: bool = True,
             limit: int = L.TEXT_LIMIT) -> str:
        value = self.raw(values, column)
        if blank(value):
            if required and column is not None:
                self.empty(row, column, label)
            return ""
        if isinstance(value, (bool, dt.date, dt.time, dt.timedelta)):
            kind = "TRUE/FALSE" if isinstance(value, bool) else "tanggal atau waktu"
            self.fail(f"{label} berisi {kind}, bukan teks", row, column)
            return ""
        text = " ".join(clean_text(shown(value)).split())
        if len(text) > limit:
            self.fail(f"{label} terlalu panjang ({len(text)} karakter, paling banyak {limit}); ringkas isinya",
                      row, column)
            return text[:limit]
        return text

    def _number(self, row: int, column: int | None, value: object, label: str) -> Decimal | None:
        if isinstance(value, bool) or isinstance(value, (dt.date, dt.time, dt.timedelta)):
            self.fail(f"{label} berisi {'TRUE/FALSE' if isinstance(value, bool) else 'tanggal'}, bukan angka",
                      row, column)
            return None
        if isinstance(value, (int, float)):
            return Decimal(repr(value)).normalize() if isinstance(value, float) else Decimal(value)
        try:
            return parse_number_text(str(value), percent=False, example="3")
        except NotANumber as exc:
            self.fail(f"{label} {exc}", row, column)
            return None


def to_date(value: object) -> dt.date:
    """A date as Excel stores it (a date, or a serial number in a cell not formatted as date), or as text
    written day first: 12/04/2025, 12-04-2025, 12 April 2025. Raises ValueError with the Indonesian reason."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, bool):
        raise ValueError("berisi TRUE/FALSE, bukan tanggal")
    if isinstance(value, (int, float)):
        if float(value).is_integer() and FIRST_SERIAL <= value <= LAST_SERIAL:
            return EXCEL_EPOCH + dt.timedelta(days=int(value))
        raise ValueError(f"'{shown(value)}' bukan tanggal; tulis seperti 12/04/2025")
    parsed = parse_date_text(str(value))
    if parsed is None:
        raise ValueError(f"'{shown(value)}' bukan tanggal; tulis seperti 12/04/2025 (hari/bulan/tahun)")
    return parsed


def last_date(signed: dt.date | None, ahead: bool = False) -> dt.date:
    """The last day a data sheet may hold: the signing date, or for a day planned ahead the end of its year."""
    if signed is None:
        return dt.date.max
    return dt.date(signed.year, 12, 31) if ahead else signed


def date_refusal(day: dt.date, signed: dt.date | None, ahead: bool = False, stored: bool = True) -> str | None:
    """Why a date read from a data sheet cannot be right, worded to follow the column's label; None when it
    can (see FIRST_DATE). `stored`: held as a date (a number formatted as one), not typed as text. The fast
    paths of the big sheets send every date out of these bounds here."""
    shown_day = "28/02/1900 (di Excel mungkin tampil 29/02/1900)" if day == _PHANTOM else f"{day:%d/%m/%Y}"
    if day < FIRST_DATE:
        small = ("sel ini berisi angka kecil yang tampil sebagai tanggal (angka 1 tampil 01/01/1900, angka 60 "
                 "tampil 29/02/1900, tanggal yang tidak pernah ada); " if stored and day.year == 1900 else "")
        return (f"{shown_day} sebelum tahun {FIRST_DATE.year}, jadi tidak mungkin benar: {small}ketik tanggal yang "
                "benar, hari/bulan/tahun, misalnya 12/04/2025")
    if signed is None or day <= last_date(signed, ahead):
        return None
    where = f"lembar {L.SHEET_IDENTITY}, {L.ID_DATE}"
    if ahead:
        return (f"{shown_day} sesudah tahun penandatanganan laporan ({signed.year}, {where}); hanya hari sampai "
                f"31/12/{signed.year} yang dapat dipakai: periksa tahunnya atau hapus barisnya")
    return (f"{shown_day} sesudah tanggal penandatanganan laporan {signed:%d/%m/%Y} ({where}): laporan hanya "
            "menghitung yang terjadi sampai hari itu, jadi tanggal ini salah ketik; perbaiki tanggalnya")


def unreasonable(days: list, signed: dt.date | None) -> set[int]:
    """Positions of the dates (date objects) in a column that date_refusal refuses; one pass over the column's
    distinct values, and none more when all are within bounds (the common case)."""
    first, last = FIRST_DATE, last_date(signed)
    distinct = {d for d in set(days) if d.__class__ is dt.date}
    if not distinct or (first <= min(distinct) and max(distinct) <= last):
        return set()
    bad = {d for d in distinct if not first <= d <= last}
    return {i for i, d in enumerate(days) if d in bad}


def blank(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def shown(value: object) -> str:
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"  # as Excel shows it, in messages
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if isinstance(value, float):
        return repr(value).replace(".", ",")
    return str(value)


def _plain(value: Decimal) -> str:
    return format(value.normalize(), "f").replace(".", ",")


# Writing the empty sheet in the standard workbook (iku/workbook_template.py calls each source's add_sheet).

def intro(ws: Worksheet, title: str, note: str) -> None:
    put_text(ws["A1"], title).font = BOLD
    put_text(ws["A2"], note)


def headers(ws: Worksheet, titles: list[str], widths: list[int], notes: dict[str, str] | None = None) -> None:
    from openpyxl.comments import Comment

    for col, (title, width) in enumerate(zip(titles, widths, strict=True), start=1):
        cell = header(ws.cell(row=L.DATA_HEADER_ROW, column=col), title)
        if notes and title in notes:
            cell.comment = Comment(notes[title], "iku")
        ws.column_dimensions[get_column_letter(col)].width = width
    ws.freeze_panes = ws.cell(row=L.DATA_HEADER_ROW + 1, column=1)


def editable(cell, number_format: str | None = None) -> None:
    cell.fill = INPUT_FILL
    cell.border = BORDER
    cell.protection = Protection(locked=False)
    if number_format:
        cell.number_format = number_format


# Cuts in time: a year's figure counts what happened up to 31 December; a quarter's, up to its last day.

def quarter_ends(year: int) -> tuple[dt.date, ...]:
    return (dt.date(year, 3, 31), dt.date(year, 6, 30), dt.date(year, 9, 30), dt.date(year, 12, 31))


def ended_quarters(year: int, signed: dt.date) -> tuple[dt.date, ...]:
    """The quarter ends of `year` reached by the signing date: a register is complete up to the day the report
    is signed, so a quarter not yet over is not reported."""
    return tuple(end for end in quarter_ends(year) if end <= signed)


def years_up_to(catalogue_years: range, report_year: int) -> list[int]:
    return [year for year in catalogue_years if year <= report_year]
