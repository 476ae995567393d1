"""Sheets Pelayanan, Standar Pelayanan and Hari Libur: the service register -> Persentase Penyelenggaraan
Pelayanan Publik yang Tepat Waktu.

Pelayanan holds one row per request (Nomor, Jenis Layanan, Tanggal Diterima, Tanggal Selesai; empty = not
finished), Standar Pelayanan the time each jenis layanan may take in working days, Hari Libur the office's own
days off. Working days are Monday to Friday without Indonesian public holidays and cuti bersama (the `holidays`
package) and without the days of Hari Libur. Time taken = working days after the day of receipt up to and
including the day of completion (the same day is 0; rules.working_days is the reference); on time when it does
not exceed the standard.

A request belongs to the year it was received in. At a cut (31 December for the year, a quarter's last day for
the quarters, year to date): finished on or before the cut -> counted, on time or late; not finished by the cut
-> late and counted when its deadline (the standard-th working day after receipt; the day of receipt for a
standard of 0) is on or before the cut, otherwise left out and listed as pending. Indicator = on time / counted
x 100.

The register may hold 100,000 rows a year: the common cells (text Nomor, a known Jenis Layanan, dates stored as
dates) are converted column by column; only a row holding anything else is read cell by cell with the Sheet
helpers, which word the problems. Computing works on the distinct (received, finished, kind) of a year, each
counted with its number of requests, over a cumulative count of working days per day (time taken is one
subtraction); only the late and pending requests become objects.
"""

from __future__ import annotations

import datetime as dt
from bisect import bisect_left
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from decimal import Decimal
from itertools import compress
from operator import itemgetter, lt

from iku import formatting as fmt
from iku import layout as L
from iku.check.cells import norm
from iku.errors import Problem
from iku.model import Catalogue, Figure, ReportInput, SourceResult
from iku.read import gc_pause
from iku.read.reader import RawWorkbook
from iku.rules import HUNDRED
from iku.sources.common import Sheet, blank, coordinate, editable, ended_quarters, headers, intro, years_up_to

KEY = "pelayanan"
MEASURES = ("pelayanan_tepat_waktu",)
SHEETS = (L.SHEET_SERVICES, L.SHEET_STANDARDS, L.SHEET_HOLIDAYS)
COLUMNS = (L.SERVICE_NUMBER, L.SERVICE_KIND, L.SERVICE_RECEIVED, L.SERVICE_DONE)
STANDARD_COLUMNS = (L.SERVICE_KIND, L.STANDARD_DAYS)
HOLIDAY_COLUMNS = (L.HOLIDAY_DATE, L.HOLIDAY_NAME)
MAX_STANDARD = 365  # working days a standard may give
HOLIDAY_CATEGORIES = ("public", "government")  # libur nasional and cuti bersama
EMPTY_ROWS = 200  # rows offered in Pelayanan
STANDARD_ROWS = 56  # rows offered in Standar Pelayanan: the Jenis Layanan list of Pelayanan covers them
HOLIDAY_ROWS = 30
MAX_DUPLICATE_WARNINGS = 20
MAX_KINDS_SHOWN = 15  # known jenis layanan listed in a message
NO_COUNT = "semua permohonan belum selesai dan masih dalam batas waktu"  # Figure.note when nothing is counted
NOT_DONE = dt.date.max.toordinal()  # Tanggal Selesai empty: finished after every cut
_DATES = frozenset((dt.date, dt.datetime))  # what calamine gives for a date cell


@dataclass(frozen=True, slots=True)
class Request:
    """A request shown in the documents (late or pending)."""

    row: int  # sheet row in Pelayanan
    number: str  # Nomor as written
    kind: str  # jenis layanan (as written in Standar Pelayanan)
    received: dt.date
    finished: dt.date | None  # as written; may be after the cut (days is None then)
    days: int | None  # working days taken (None when not finished by the cut)
    standard: int


@dataclass(frozen=True)
class KindSummary:
    kind: str
    standard: int
    counted: int
    on_time: int
    late: int
    mean_days: Decimal | None  # mean working days of the finished ones
    pending: int  # not finished, still within standard at the cut


@dataclass(frozen=True)
class ServiceYear:
    year: int
    counted: int
    on_time: int
    value: Decimal | None  # percent; None when nothing is counted
    kinds: tuple[KindSummary, ...]  # the kinds with requests in the year, in Standar Pelayanan order
    late: tuple[Request, ...]  # in sheet order
    pending: tuple[Request, ...]  # in sheet order
    received: int  # requests received in the year (counted + pending)


@dataclass(frozen=True)
class ServiceEvidence:
    years: tuple[ServiceYear, ...]
    local_days: tuple[tuple[dt.date, str], ...]  # from Hari Libur

    def year(self, year: int) -> ServiceYear | None:
        return next((y for y in self.years if y.year == year), None)


@dataclass(frozen=True)
class ServiceRows:
    """The validated register, column-wise (request i is the i-th item of each sequence): compact for 100,000
    rows. Dates are ordinals (date.toordinal); NOT_DONE stands for an empty Tanggal Selesai."""

    kinds: tuple[str, ...]  # jenis layanan as written in Standar Pelayanan
    standards: tuple[int, ...]  # working days, per kind
    rows: Sequence[int]  # sheet row in Pelayanan
    numbers: Sequence[str]  # Nomor as written
    kind: Sequence[int]  # index into kinds
    received: Sequence[int]
    finished: Sequence[int]
    local_days: tuple[tuple[dt.date, str], ...]  # from Hari Libur, by date

    def __len__(self) -> int:
        return len(self.received)


# Working days.

class Calendar:
    """Working days of whole years: Monday to Friday without public holidays, cuti bersama and local days off.
    cum[i] counts the working days from 1 January of the first year up to and including the day base + i."""

    def __init__(self, first_year: int, last_year: int, local_days: Iterable[dt.date] = ()) -> None:
        import holidays

        self.first = dt.date(first_year, 1, 1)
        self.last = dt.date(last_year, 12, 31)
        self.base = self.first.toordinal() - 1  # index 0: 31 December of the year before
        national = holidays.country_holidays("ID", years=range(first_year, last_year + 1),
                                             categories=HOLIDAY_CATEGORIES, language="id")
        self.off = {day.toordinal() for day in national} | {day.toordinal() for day in local_days}
        cum = [0]
        count = 0
        off = self.off
        for ordinal in range(self.first.toordinal(), self.last.toordinal() + 1):
            if (ordinal + 6) % 7 < 5 and ordinal not in off:  # (ordinal + 6) % 7 is date.weekday()
                count += 1
            cum.append(count)
        self.cum = cum

    def is_day_off(self, day: dt.date) -> bool:
        return day.weekday() >= 5 or day.toordinal() in self.off

    def days(self, received: dt.date, finished: dt.date) -> int:
        """Working days after the day of receipt up to and including the day of completion."""
        return self.cum[finished.toordinal() - self.base] - self.cum[received.toordinal() - self.base]

    def deadline(self, received: dt.date, standard: int) -> dt.date | None:
        """The standard-th working day after receipt (standard 0: the day of receipt); None beyond the calendar."""
        if standard == 0:
            return received
        start = received.toordinal() - self.base
        index = bisect_left(self.cum, self.cum[start] + standard, lo=start + 1)
        return dt.date.fromordinal(self.base + index) if index < len(self.cum) else None


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

def read(raw: RawWorkbook, catalogue: Catalogue, problems: list[Problem], warnings: list[str]
         ) -> ServiceRows | None:
    with gc_pause.paused():
        return _read(raw, catalogue, problems, warnings)


def _read(raw: RawWorkbook, catalogue: Catalogue, problems: list[Problem], warnings: list[str]
          ) -> ServiceRows | None:
    table = raw.tables.get(L.SHEET_SERVICES)
    if table is None:
        return None
    sheet = Sheet(table, problems)
    if not sheet.find_header(COLUMNS):
        return None
    rows = table.rows[sheet.header_row:]
    if not any(not blank(v) for row in rows for v in row):
        return None
    standards = _standards(raw, problems)
    local_days = _local_days(raw, problems)
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
    if set(map(type, numbers)) != {str} or not all(map(str.strip, numbers)):
        numbers = [v if v.__class__ is str and v.strip() else None for v in numbers]
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
    number = sheet.text(r, row, columns[0] + 1, L.SERVICE_NUMBER)
    kind_text = sheet.text(r, row, columns[1] + 1, L.SERVICE_KIND)
    received = sheet.date(r, row, L.SERVICE_RECEIVED)
    finished = sheet.date(r, row, L.SERVICE_DONE, required=False)
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


def _local_days(raw: RawWorkbook, problems: list[Problem]) -> tuple[tuple[dt.date, str], ...]:
    """Hari Libur: the office's own days off, by date (a date written twice counts once)."""
    table = raw.tables.get(L.SHEET_HOLIDAYS)
    if table is None:
        return ()
    sheet = Sheet(table, problems)
    if not sheet.find_header(HOLIDAY_COLUMNS):
        return ()
    days: dict[dt.date, str] = {}
    for r, values in sheet.data_rows():
        day = sheet.date(r, values, L.HOLIDAY_DATE)
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

Triple = tuple[int, int, int]  # received, finished (ordinals), kind


def _classify(items: dict[Triple, int], cut: int, calendar: Calendar, standards: tuple[int, ...]
              ) -> tuple[list[list[int]], dict[Triple, tuple[bool, int | None]]]:
    """The year's outcome at the cut: per kind [finished, on time, working days of the finished, late open,
    pending], and the triples to list: late -> (True, days or None), pending -> (False, None)."""
    cum, base = calendar.cum, calendar.base
    cut_count = cum[cut - base]
    tallies = [[0, 0, 0, 0, 0] for _ in standards]
    listed: dict[Triple, tuple[bool, int | None]] = {}
    for triple, n in items.items():
        r, f, k = triple
        tally = tallies[k]
        start = cum[r - base]
        if f <= cut:
            days = cum[f - base] - start
            tally[0] += n
            tally[2] += days * n
            if days <= standards[k]:
                tally[1] += n
            else:
                listed[triple] = (True, days)
        elif cut_count - start >= standards[k]:
            tally[3] += n
            listed[triple] = (True, None)
        else:
            tally[4] += n
            listed[triple] = (False, None)
    return tallies, listed


def _tally(items: dict[Triple, int], cut: int, calendar: Calendar, standards: tuple[int, ...]
           ) -> Decimal | None:
    """The year-to-date percentage at a quarter's end: the requests received by then."""
    cum, base = calendar.cum, calendar.base
    cut_count = cum[cut - base]
    counted = on_time = 0
    for (r, f, k), n in items.items():
        if r > cut:
            continue
        start = cum[r - base]
        if f <= cut:
            counted += n
            if cum[f - base] - start <= standards[k]:
                on_time += n
        elif cut_count - start >= standards[k]:
            counted += n
    return _percent(on_time, counted)


def _percent(on_time: int, counted: int) -> Decimal | None:
    return Decimal(on_time) / Decimal(counted) * HUNDRED if counted else None


def _summaries(rows: ServiceRows, tallies: list[list[int]]) -> tuple[KindSummary, ...]:
    return tuple(
        KindSummary(rows.kinds[k], rows.standards[k], done + late_open, on_time, done - on_time + late_open,
                    Decimal(days) / Decimal(done) if done else None, pending)
        for k, (done, on_time, days, late_open, pending) in enumerate(tallies) if done or late_open or pending)


def _listed(rows: ServiceRows, marks: dict[int, dict[Triple, tuple[bool, int | None]]]
            ) -> dict[int, tuple[list[Request], list[Request]]]:
    """The late and pending requests of each year, in sheet order: year -> (late, pending)."""
    found: dict[int, tuple[list[Request], list[Request]]] = {year: ([], []) for year in marks}
    dates: dict[int, dt.date | None] = {NOT_DONE: None}
    listed = {}  # triple -> (the list it goes to, days, received, finished, kind, standard)
    for year, year_marks in marks.items():
        for triple, (late, days) in year_marks.items():
            r, f, k = triple
            for day in (r, f):
                if day not in dates:
                    dates[day] = dt.date.fromordinal(day)
            listed[triple] = (found[year][0 if late else 1].append, days, dates[r], dates[f], rows.kinds[k],
                              rows.standards[k])
    if listed:
        numbers, sheet_rows = rows.numbers, rows.rows
        triples = zip(rows.received, rows.finished, rows.kind, strict=True)
        flags = map(listed.__contains__, zip(rows.received, rows.finished, rows.kind, strict=True))
        for i, triple in compress(enumerate(triples), flags):
            add, days, received, finished, kind, standard = listed[triple]
            add(Request(sheet_rows[i], numbers[i].strip(), kind, received, finished, days, standard))
    return found


def _by_year(rows: ServiceRows, years: list[int]) -> dict[int, dict[Triple, int]]:
    """The distinct (received, finished, kind) of the requests received in each year asked for, with their
    number; years without a request are left out."""
    counts = Counter(zip(rows.received, rows.finished, rows.kind, strict=True))
    first, last = (dt.date.fromordinal(f(rows.received)).year for f in (min, max))
    if first == last:  # the usual register: one year
        return {first: counts} if first in years else {}
    found: dict[int, dict[Triple, int]] = {year: {} for year in years if first <= year <= last}
    year_of: dict[int, int] = {}
    for triple, n in counts.items():
        r = triple[0]
        if r not in year_of:
            year_of[r] = dt.date.fromordinal(r).year
        bucket = found.get(year_of[r])
        if bucket is not None:
            bucket[triple] = n
    return {year: bucket for year, bucket in found.items() if bucket}


def working(y: ServiceYear) -> str:
    """'Tahun 2025 tercatat 3.000 permohonan layanan di lembar Pelayanan; 2.874 dari 2.950 yang dihitung selesai
    tepat waktu (97,42%), 76 terlambat, 50 belum selesai dan masih dalam batas waktu.'"""
    head = f"Tahun {y.year} tercatat {_count(y.received)} permohonan layanan di lembar {L.SHEET_SERVICES}; "
    if y.value is None:
        return head + "belum ada yang dapat dihitung: semuanya belum selesai dan masih dalam batas waktu."
    text = (head + f"{_count(y.on_time)} dari {_count(y.counted)} yang dihitung selesai tepat waktu "
            f"({fmt.percent(y.value)}), {_count(y.counted - y.on_time)} terlambat")
    if y.pending:
        text += f", {_count(len(y.pending))} belum selesai dan masih dalam batas waktu"
    return text + "."


def _count(n: int) -> str:
    return fmt.number(Decimal(n), 0)


def evaluate(rows: ServiceRows, catalogue: Catalogue, report: ReportInput) -> SourceResult:
    with gc_pause.paused():
        return _evaluate(rows, catalogue, report)


def _evaluate(rows: ServiceRows, catalogue: Catalogue, report: ReportInput) -> SourceResult:
    report_year = report.identity.report_year
    by_year = _by_year(rows, years_up_to(catalogue.years, report_year))
    if not by_year:
        return SourceResult(KEY, (), ServiceEvidence((), rows.local_days))
    calendar = Calendar(min(by_year), max(by_year), (day for day, _ in rows.local_days))
    outcomes = {}
    marks = {}
    for year, items in by_year.items():
        outcomes[year], marks[year] = _classify(items, dt.date(year, 12, 31).toordinal(), calendar, rows.standards)
    requests = _listed(rows, marks)
    years: list[ServiceYear] = []
    figures: list[Figure] = []
    indicators = catalogue.measuring(MEASURES[0])
    for year in sorted(by_year):
        tallies = outcomes[year]
        counted = sum(t[0] + t[3] for t in tallies)
        on_time = sum(t[1] for t in tallies)
        late, pending = requests.get(year, ([], []))
        y = ServiceYear(year, counted, on_time, _percent(on_time, counted), _summaries(rows, tallies), tuple(late),
                        tuple(pending), counted + len(pending))
        years.append(y)
        quarters: tuple[Decimal | None, ...] = ()
        if year == report_year:
            cuts = ended_quarters(year, report.identity.signing_date)
            quarters = tuple(y.value if end.month == 12 else _tally(by_year[year], end.toordinal(), calendar,
                                                                     rows.standards) for end in cuts)
            quarters += (None,) * (4 - len(quarters))
        for ind in indicators:
            figures.append(Figure(ind.number, year, y.value, L.SHEET_SERVICES, working(y),
                                  note=NO_COUNT if y.value is None else "", quarters=quarters))
    return SourceResult(KEY, tuple(figures), ServiceEvidence(tuple(years), rows.local_days))
