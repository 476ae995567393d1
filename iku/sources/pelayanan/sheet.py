"""Pelayanan, Standar Pelayanan and Hari Libur: the empty sheets, and reading them into ServiceRows."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from decimal import Decimal
from operator import itemgetter, lt

from iku import formatting as fmt
from iku import layout as L
from iku.check.cells import norm
from iku.errors import Problem
from iku.model import Catalogue
from iku.read import gc_pause
from iku.read.reader import RawWorkbook
from iku.sources.common import FIRST_DATE, Sheet, blank, coordinate, editable, headers, intro, last_date
from iku.sources.pelayanan.model import (
    _DATES,
    COLUMNS,
    EMPTY_ROWS,
    HOLIDAY_COLUMNS,
    HOLIDAY_ROWS,
    MAX_DUPLICATE_WARNINGS,
    MAX_KINDS_SHOWN,
    MAX_STANDARD,
    NOT_DONE,
    NUMBER_LIMIT,
    STANDARD_COLUMNS,
    STANDARD_ROWS,
    ServiceRows,
)

# The empty sheets of the standard workbook.

def add_sheets(wb, catalogue: Catalogue, report_year: int) -> None:
    from openpyxl.worksheet.datavalidation import DataValidation

    first = L.DATA_HEADER_ROW + 1
    last_kind = first + STANDARD_ROWS - 1

    ws = wb.create_sheet(L.SHEET_SERVICES)
    intro(ws, "REGISTER PELAYANAN",
          f"Satu baris per permohonan layanan. {L.SERVICE_KIND}: pilih dari daftar (diambil dari lembar "
          f"{L.SHEET_STANDARDS}). Tanggal ditulis hari/bulan/tahun, misalnya 12/04/2025. {L.SERVICE_DONE} "
          "dikosongkan bila layanan belum selesai. Waktu penyelesaian dihitung dalam hari kerja sesudah hari "
          "permohonan diterima; libur nasional dan cuti bersama sudah dihitung, libur setempat ditulis di lembar "
          f"{L.SHEET_HOLIDAYS}.")
    headers(ws, list(COLUMNS), [22, 45, 18, 18], {
        L.SERVICE_NUMBER: "Nomor register atau nomor tanda terima permohonan.",
        L.SERVICE_KIND: f"Jenis layanan persis seperti di lembar {L.SHEET_STANDARDS}. Pilih dari daftar.",
        L.SERVICE_RECEIVED: "Tanggal berkas permohonan diterima lengkap, misalnya 12/04/2025.",
        L.SERVICE_DONE: "Tanggal layanan selesai (dokumen siap diambil). Kosong bila belum selesai.",
    })
    kinds = DataValidation(type="list", formula1=f"'{L.SHEET_STANDARDS}'!$A${first}:$A${last_kind}",
                           allow_blank=True, showErrorMessage=False)
    for row in range(first, first + EMPTY_ROWS):
        for col, number_format in ((1, "@"), (2, None), (3, "DD/MM/YYYY"), (4, "DD/MM/YYYY")):
            editable(ws.cell(row=row, column=col), number_format)
    kinds.add(f"B{first}:B{first + EMPTY_ROWS - 1}")
    ws.add_data_validation(kinds)

    ws = wb.create_sheet(L.SHEET_STANDARDS)
    intro(ws, "STANDAR PELAYANAN",
          "Satu baris per jenis layanan: waktu penyelesaian menurut standar pelayanan yang ditetapkan, dalam hari "
          "kerja (bilangan bulat; 0 = selesai di hari permohonan diterima). Tulis sesuai keputusan standar "
          "pelayanan kecamatan.")
    headers(ws, list(STANDARD_COLUMNS), [45, 20], {
        L.STANDARD_DAYS: "Hari kerja sesudah hari permohonan diterima, misalnya 3. 0 = selesai di hari yang sama.",
    })
    for row in range(first, last_kind + 1):
        editable(ws.cell(row=row, column=1))
        editable(ws.cell(row=row, column=2))  # no number format: 2,5 must show as typed, not rounded

    ws = wb.create_sheet(L.SHEET_HOLIDAYS)
    intro(ws, "HARI LIBUR SETEMPAT",
          "Hari tidak bekerja di luar Sabtu, Minggu, libur nasional dan cuti bersama (yang itu sudah dihitung "
          "otomatis), misalnya hari jadi kabupaten. Satu baris per hari; tanggal ditulis hari/bulan/tahun.")
    headers(ws, list(HOLIDAY_COLUMNS), [18, 50])
    for row in range(first, first + HOLIDAY_ROWS):
        editable(ws.cell(row=row, column=1), "DD/MM/YYYY")
        editable(ws.cell(row=row, column=2))


# Reading.

def read(raw: RawWorkbook, catalogue: Catalogue, problems: list[Problem], warnings: list[str],
         signed: dt.date | None = None) -> ServiceRows | None:
    """`signed`: the report's signing date; no date of the register may lie after it (common.date_refusal)."""
    with gc_pause.paused():
        return _read(raw, catalogue, problems, warnings, signed)


def _read(raw: RawWorkbook, catalogue: Catalogue, problems: list[Problem], warnings: list[str],
          signed: dt.date | None) -> ServiceRows | None:
    table = raw.tables.get(L.SHEET_SERVICES)
    if table is None:
        return None
    sheet = Sheet(table, problems, signed)
    if not sheet.find_header(COLUMNS):
        return None
    rows = table.rows[sheet.header_row:]
    if not any(not blank(v) for row in rows for v in row):
        return None
    standards = _standards(raw, problems)
    local_days = _local_days(raw, problems, signed)
    if standards is None:
        return None
    known, names, days, unusable = standards
    columns = [sheet.column(label) - 1 for label in COLUMNS]  # 0-based: Nomor, Jenis, Diterima, Selesai
    width = max(columns) + 1
    if min(map(len, rows)) < width:  # calamine's rows are as wide as the sheet; another Table's may not be
        rows = [row + [""] * (width - len(row)) if len(row) < width else row for row in rows]

    # Column by column: the common cells convert without a helper (the date columns through a map of their
    # distinct values); None marks a cell to read with the helpers.
    numbers = list(map(itemgetter(columns[0]), rows))
    odd = set()  # columns holding a None
    if set(map(type, numbers)) != {str} or not all(map(str.strip, numbers)) or max(map(len, numbers)) > NUMBER_LIMIT:
        numbers = [v if v.__class__ is str and v.strip() and len(v) <= NUMBER_LIMIT else None for v in numbers]
        odd.add(0)
    kind_cells = list(map(itemgetter(columns[1]), rows))
    distinct = set(kind_cells)
    lookup = {v: known[norm(v)] for v in distinct if v.__class__ is str and norm(v) in known}  # cell -> kind
    kinds = list(map(lookup.get, kind_cells))
    if len(lookup) < len(distinct):
        odd.add(1)
    received, received_days = _ordinals(list(map(itemgetter(columns[2]), rows)), None)
    finished, finished_days = _ordinals(list(map(itemgetter(columns[3]), rows)), NOT_DONE)
    odd.update(c for c, days in ((2, received_days), (3, finished_days)) if None in days)
    if odd:
        slow = {i for c in odd for i, v in enumerate((numbers, kinds, received, finished)[c]) if v is None}
        # Tanggal Selesai before Tanggal Diterima: read with the helpers too, which word it.
        slow.update(i for i, (f, r) in enumerate(zip(finished, received, strict=True))
                    if f is not None and r is not None and f < r)
    elif any(map(lt, finished, received)):
        slow = {i for i, early in enumerate(map(lt, finished, received)) if early}
    else:
        slow = set()
    # Dates out of reason (before 2000, after the signing date): read with the helpers too, which refuse them.
    lo, hi = FIRST_DATE.toordinal(), last_date(signed).toordinal()
    for given, column in ((received_days, received), (finished_days, finished)):
        bad = {d for d in given if d is not None and d != NOT_DONE and not lo <= d <= hi}
        if bad:
            slow.update(i for i, d in enumerate(column) if d in bad)

    first = sheet.header_row + 1
    row_numbers: Sequence[int] = range(first, first + len(rows))
    if slow:
        for i in sorted(slow):
            read_row = _slow_row(sheet, first + i, rows[i], columns, known, names, unusable)
            numbers[i], kinds[i], received[i], finished[i] = read_row or (None, None, None, None)
        row_numbers, numbers, kinds, received, finished = _keep(
            [i for i, r in enumerate(received) if r is not None], row_numbers, numbers, kinds, received, finished)
        received_days = set(received)
    if not received:
        return None

    lo, hi = dt.date(catalogue.years.start, 1, 1).toordinal(), dt.date(catalogue.years.stop - 1, 12, 31).toordinal()
    days_given = [r for r in received_days if r is not None]
    if min(days_given) < lo or max(days_given) > hi:
        outside: dict[int, list[int]] = {}
        for row, r in zip(row_numbers, received, strict=True):
            if not lo <= r <= hi:
                outside.setdefault(dt.date.fromordinal(r).year, []).append(row)
        warnings.extend(_outside_warnings(outside, catalogue.years, columns[2] + 1))
        row_numbers, numbers, kinds, received, finished = _keep(
            [i for i, r in enumerate(received) if lo <= r <= hi], row_numbers, numbers, kinds, received, finished)
        if not received:
            return None
    warnings.extend(_duplicate_warnings(numbers, row_numbers, columns[0] + 1))
    return ServiceRows(tuple(names), tuple(days), row_numbers, numbers, kinds, received, finished, local_days)


def _ordinals(cells: list, empty: int | None) -> tuple[list[int | None], set[int | None]]:
    """Date cells as ordinals, and the distinct ordinals; `empty` for an empty cell; None for anything else
    (read with the helpers). A register's dates repeat: each distinct cell value is converted once."""
    memo = {v: v.toordinal() if v.__class__ in _DATES else empty if v == "" else None for v in set(cells)}
    return list(map(memo.__getitem__, cells)), set(memo.values())


def _keep(index: list[int], *columns: Sequence) -> list[list]:
    return [[column[i] for i in index] for column in columns]


def _slow_row(sheet: Sheet, r: int, row: list, columns: list[int], known: dict[str, int], names: list[str],
              unusable: set[str]) -> tuple[str, int, int, int] | None:
    """A row read cell by cell: problems recorded; None when it is empty or not a usable request."""
    if all(blank(v) for v in row):
        return None
    before = len(sheet.problems)
    number = sheet.text(r, row, columns[0] + 1, L.SERVICE_NUMBER, limit=NUMBER_LIMIT)
    if len(sheet.problems) > before:
        number = ""  # refused (too long): never kept cut, where it could pass for another request's Nomor
    kind_text = sheet.text(r, row, columns[1] + 1, L.SERVICE_KIND)
    received = sheet.date(r, row, L.SERVICE_RECEIVED)
    finished = sheet.date(r, row, L.SERVICE_DONE, required=False,
                          later="; bila layanan belum selesai pada hari itu, kosongkan selnya")
    if finished is None and not blank(row[columns[3]]):  # refused: never read as not finished
        return None
    kind = known.get(norm(kind_text)) if kind_text else None
    if kind_text and kind is None and norm(kind_text) not in unusable:  # unusable: its standard has a problem
        shown = ", ".join(names[:MAX_KINDS_SHOWN]) + (
            f" (dan {len(names) - MAX_KINDS_SHOWN} lainnya)" if len(names) > MAX_KINDS_SHOWN else "")
        sheet.fail(f"{L.SERVICE_KIND} '{kind_text}' tidak ada di lembar {L.SHEET_STANDARDS}, jadi standar "
                   f"waktunya tidak diketahui; jenis yang ada: {shown}", r, columns[1] + 1)
    if received and finished and finished < received:
        sheet.fail(f"{L.SERVICE_DONE} {finished:%d/%m/%Y} sebelum {L.SERVICE_RECEIVED} {received:%d/%m/%Y}",
                   r, columns[3] + 1)
        return None
    if not number or kind is None or received is None:
        return None
    return number, kind, received.toordinal(), finished.toordinal() if finished else NOT_DONE


def _standards(raw: RawWorkbook, problems: list[Problem]
               ) -> tuple[dict[str, int], list[str], list[int], set[str]] | None:
    """Standar Pelayanan: (normalised kind -> index, kinds as written, standards, kinds whose row has a problem),
    or None after a problem that leaves no standard to use."""
    table = raw.tables.get(L.SHEET_STANDARDS)
    if table is None:
        problems.append(Problem(
            f"lembar ini tidak ada, padahal lembar {L.SHEET_SERVICES} berisi permohonan: tambahkan lembar "
            f"{L.SHEET_STANDARDS} (kolom {L.SERVICE_KIND} dan {L.STANDARD_DAYS}) dan isi waktu penyelesaian "
            "setiap jenis layanan", sheet=L.SHEET_STANDARDS))
        return None
    sheet = Sheet(table, problems)
    if not sheet.find_header(STANDARD_COLUMNS):
        return None
    kind_column, days_column = sheet.column(L.SERVICE_KIND), sheet.column(L.STANDARD_DAYS)
    known: dict[str, int] = {}
    cells: dict[str, int] = {}  # normalised kind -> its row
    names: list[str] = []
    days: list[int] = []
    unusable: set[str] = set()
    before = len(problems)
    for r, values in sheet.data_rows():
        name = sheet.text(r, values, kind_column, L.SERVICE_KIND)
        standard = sheet.whole(r, values, days_column, L.STANDARD_DAYS, 0, MAX_STANDARD)
        if not name:
            continue
        key = norm(name)
        if key in cells:
            sheet.fail(f"{L.SERVICE_KIND} '{name}' tercantum dua kali (juga di {L.SHEET_STANDARDS}!"
                       f"{coordinate(cells[key], kind_column)}); tulis setiap jenis layanan sekali", r, kind_column)
            continue
        cells[key] = r
        if standard is None:
            unusable.add(key)
            continue
        known[key] = len(names)
        names.append(name)
        days.append(standard)
    if not cells and len(problems) == before:
        problems.append(Problem(
            f"lembar ini kosong, padahal lembar {L.SHEET_SERVICES} berisi permohonan: isi {L.SERVICE_KIND} dan "
            f"{L.STANDARD_DAYS} setiap jenis layanan", sheet=L.SHEET_STANDARDS))
    if not known:
        return None
    return known, names, days, unusable


def _local_days(raw: RawWorkbook, problems: list[Problem], signed: dt.date | None
                ) -> tuple[tuple[dt.date, str], ...]:
    """Hari Libur: the office's own days off, by date (a date written twice counts once); a day off may be
    written ahead, up to the end of the signing year."""
    table = raw.tables.get(L.SHEET_HOLIDAYS)
    if table is None:
        return ()
    sheet = Sheet(table, problems, signed)
    if not sheet.find_header(HOLIDAY_COLUMNS):
        return ()
    days: dict[dt.date, str] = {}
    for r, values in sheet.data_rows():
        day = sheet.date(r, values, L.HOLIDAY_DATE, ahead=True)
        name = sheet.text(r, values, sheet.column(L.HOLIDAY_NAME), L.HOLIDAY_NAME, required=False)
        if day is not None and day not in days:
            days[day] = name
    return tuple(sorted(days.items()))


def _outside_warnings(outside: dict[int, list[int]], years: range, column: int) -> list[str]:
    return [f"{L.SHEET_SERVICES}: {fmt.number(Decimal(len(rows)), 0)} permohonan diterima tahun {year} (sel "
            f"{coordinate(rows[0], column)}{'' if len(rows) == 1 else ' dan seterusnya'}) di luar periode "
            f"{years.start}-{years.stop - 1}; tidak dihitung."
            for year, rows in sorted(outside.items())]


def _duplicate_warnings(numbers: Sequence[str], rows: Sequence[int], column: int) -> list[str]:
    if len(set(numbers)) == len(numbers):
        return []
    seen: dict[str, int] = {}
    twice: list[tuple[int, int, str]] = []
    for number, row in zip(numbers, rows, strict=True):
        if number in seen:
            twice.append((row, seen[number], number))
        else:
            seen[number] = row
    lines = [f"{L.SHEET_SERVICES}!{coordinate(row, column)}: {L.SERVICE_NUMBER} '{number.strip()}' sama dengan "
             f"{L.SHEET_SERVICES}!{coordinate(earlier, column)}; periksa apakah permohonan yang sama tercatat dua "
             "kali (keduanya tetap dihitung)."
             for row, earlier, number in twice[:MAX_DUPLICATE_WARNINGS]]
    if len(twice) > MAX_DUPLICATE_WARNINGS:
        lines.append(f"{L.SHEET_SERVICES}: {fmt.number(Decimal(len(twice) - MAX_DUPLICATE_WARNINGS), 0)} nomor "
                     f"lain juga tercatat lebih dari sekali (sampai baris {twice[-1][0]}).")
    return lines



# Computing. Requests with the same (received, finished, kind) share their outcome at every cut: they are counted
# once with their number (a year's register holds a few thousand distinct ones), and only the late and pending
# ones are looked up again, by position, to be listed.
